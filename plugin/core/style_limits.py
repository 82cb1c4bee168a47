"""What a QGIS style may do that SLD cannot say: when a map server draws the layer from an SLD
(GeoServer), these parts of the style are lost, and the user is told which, in words."""

from __future__ import annotations

from collections.abc import Sequence

# What a QGIS style may do that SLD cannot say (GeoServer then draws it differently).
STYLE_LIMITS: dict[str, tuple[str, str]] = {
    "renderer": (
        "le type de rendu « {detail} » (carte de chaleur, regroupement, 2,5D…)",
        'the "{detail}" renderer (heatmap, clusters, 2.5D…)',
    ),
    "symbol_layer": ("la couche de symbole « {detail} »", 'the "{detail}" symbol layer'),
    "data_defined": (
        "les propriétés définies par les données (couleur, taille… par expression)",
        "data-defined properties (colour, size… from expressions)",
    ),
    "effects": ("les effets de dessin (ombres, lueurs…)", "draw effects (shadows, glows…)"),
    "blending": ("les modes de fusion", "blending modes"),
    "layer_opacity": ("l'opacité de la couche", "the layer opacity"),
    "labels": ("des étiquettes : {detail}", "labels: {detail}"),
}
_LABEL_DETAILS = {
    "rules": ("étiquetage par règles", "rule-based labelling"),
    "background": ("fond", "background"),
    "shadow": ("ombre", "shadow"),
    "callout": ("lignes de rappel", "callouts"),
    "expression": ("texte calculé par expression", "text from an expression"),
}


def style_limits_text(codes: Sequence[str], lang: str = "fr") -> str:
    """One sentence listing what the SLD sent to the map server cannot render ('' if nothing)."""
    index = 1 if lang.lower().startswith("en") else 0
    items = []
    for code in codes:
        kind, _, detail = code.partition(":")
        if kind not in STYLE_LIMITS:
            continue
        if kind == "labels":
            detail = _LABEL_DETAILS.get(detail, (detail, detail))[index]
        items.append(STYLE_LIMITS[kind][index].format(detail=detail))
    if not items:
        return ""
    if index:
        return "The SLD style sent to the map server cannot express: " + "; ".join(items) + "."
    return (
        "Le style SLD envoyé au serveur cartographique ne peut pas rendre : "
        + " ; ".join(items)
        + ". La carte publiée peut donc différer de celle de QGIS."
    )
