"""The publication report a user keeps (or a trainer shows): what was published where, the record
in short and the quality report, as one self-contained HTML page. Pure Python: it reads the
report as a plain dict (``PublicationReport.to_dict()``) so it knows nothing of HTTP.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Optional

from . import codelists
from .model import Record
from .style_limits import style_limits_text

WORDS = {
    "title": ("Rapport de publication", "Publication report"),
    "published_on": ("Publication du {0}", "Published on {0}"),
    "all_ok": ("Tout est publié.", "Everything is published."),
    "some_failed": (
        "Une partie n'a pas été publiée : voir les étapes en échec, puis « Réessayer ».",
        'Part of it was not published: see the failed steps, then "Retry".',
    ),
    "where": ("Ce qui est publié, et où", "What is published where"),
    "destination": ("Destination", "Destination"),
    "role": ("Rôle", "Role"),
    "state": ("État", "State"),
    "link": ("Lien", "Link"),
    "record": ("La fiche en bref", "The record in short"),
    "quality": ("Rapport qualité des données", "Data quality report"),
    "no_quality": (
        "Aucun fichier n'a été exporté pour cette publication.",
        "No file was exported for this publication.",
    ),
    "no_issue": ("Aucun problème relevé.", "No problem found."),
    "features": ("{0} objet(s) vérifié(s)", "{0} feature(s) checked"),
    "resent": (
        "Renvoyé (supprimé ou remplacé sur le portail depuis la dernière publication) : {0}",
        "Sent again (deleted or replaced on the portal since the last publication): {0}",
    ),
    "data_kept": (
        "Données inchangées : le serveur garde celles qu'il sert, seuls les métadonnées et le "
        "style sont mis à jour.",
        "Data unchanged: the server keeps what it serves, only the metadata and style are updated.",
    ),
}
ROLES = {
    "catalogue": ("Catalogue", "Catalogue"),
    "portal": ("Portail open data", "Open data portal"),
    "mapserver": ("Serveur cartographique", "Map server"),
    "links": ("Liens de la fiche vers les données", "Record links to the data"),
}
STATES = {
    ("done", "created"): ("créé", "created"),
    ("done", "updated"): ("mis à jour", "updated"),
    ("done", "exported"): ("exporté", "exported"),
    ("done", "unchanged"): ("inchangé", "unchanged"),
    ("done", ""): ("publié", "published"),
    ("failed", ""): ("échec", "failed"),
    ("skipped", ""): ("ignoré", "skipped"),
    ("cancelled", ""): ("annulé", "cancelled"),
    ("withdrawn", ""): ("retiré", "withdrawn"),
}
SUMMARY = (
    ("title", "Titre", "Title"),
    ("abstract", "Résumé", "Abstract"),
    ("themes", "Thèmes INSPIRE", "INSPIRE themes"),
    ("licence", "Licence", "Licence"),
    ("organisation", "Organisme responsable", "Responsible organisation"),
    ("identifier", "Identifiant", "Identifier"),
    ("extent", "Emprise (WGS84)", "Extent (WGS84)"),
    ("crs", "Système de coordonnées", "Reference system"),
    ("revision", "Date de la fiche", "Metadata date"),
)
STYLE = (
    "body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}"
    "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}"
    "td,th{border:1px solid #ccc;padding:.4em;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}.done{color:#1b7a2f}.failed{color:#b00020}"
    ".skipped,.cancelled{color:#8a6d00}"
    # long WMS/WFS/API addresses wrap anywhere: the page fits a 1366 px window
    "a{overflow-wrap:anywhere;word-break:break-all}"
)


def _w(key: str, lang: str) -> str:
    pair = WORDS[key]
    return pair[0] if lang == "fr" else pair[1]


def state_label(status: str, action: str = "", lang: str = "fr") -> str:
    """ "mis à jour", "créé", "échec"… for a step outcome."""
    pair = STATES.get((status, action)) or STATES.get((status, "")) or (status, status)
    return pair[0] if lang == "fr" else pair[1]


def _when(text: str, lang: str) -> str:
    """ "02/12/2026 à 14:05" (French) or "2026-12-02 14:05" from an ISO 8601 time."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return moment.strftime("%d/%m/%Y à %H:%M" if lang == "fr" else "%Y-%m-%d %H:%M")


def record_summary(record: Record, lang: str = "fr") -> list[tuple[str, str]]:
    """(label, value) lines describing the record for people."""
    box = record.bboxes[0] if record.bboxes else None
    values = {
        "title": record.title,
        "abstract": record.abstract,
        "themes": ", ".join(
            codelists.label("inspire_themes", theme, lang) for theme in record.inspire_themes
        ),
        "licence": codelists.label("licences", record.licence, lang) if record.licence else "",
        "organisation": ", ".join(p.organisation for p in record.responsible_parties),
        "identifier": record.identifier.uri,
        "extent": (
            f"O {box.west:.4f}, E {box.east:.4f}, S {box.south:.4f}, N {box.north:.4f}"
            if box
            else ""
        ),
        "crs": ", ".join(record.reference_systems),
        "revision": record.metadata_date,
    }
    return [(fr if lang == "fr" else en, values[key]) for key, fr, en in SUMMARY]


def _steps_table(report: dict[str, Any], lang: str) -> str:
    rows = []
    for step in report.get("steps", []):
        status = str(step.get("status", ""))
        state = state_label(status, str(step.get("action", "")), lang)
        note = step.get("message_fr" if lang == "fr" else "message_en") or ""
        details = step.get("details") or {}
        note = note or style_limits_text(details.get("style_limits") or (), lang)
        note = note or _kept_note(details, lang)
        link = _step_links(step)
        role = ROLES.get(str(step.get("role", "")), (step.get("role", ""),) * 2)
        rows.append(
            "<tr>"
            f"<td>{escape(str(step.get('destination', '')))}</td>"
            f"<td>{escape(role[0] if lang == 'fr' else role[1])}</td>"
            f'<td class="{escape(status)}">{escape(state)}'
            f"{'<br/>' + escape(note) if note else ''}</td>"
            f"<td>{link}</td></tr>"
        )
    head = "".join(f"<th>{_w(k, lang)}</th>" for k in ("destination", "role", "state", "link"))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _kept_note(details: dict[str, Any], lang: str) -> str:
    """What a republication with the data unchanged did: the files a portal lost and got again,
    or the data a map server kept."""
    resent = [str(name) for name in details.get("resent") or ()]
    if resent:
        return resent_note(resent, lang)
    return _w("data_kept", lang) if details.get("data_kept") else ""


def resent_note(names: list[str], lang: str = "fr") -> str:
    """The files sent again because the portal lost them or holds another version."""
    return _w("resent", lang).format(", ".join(names))


# Service links of a map-server step, by protocol (the catalogue's INSPIRE values).
SERVICE_LABELS = {
    "OGC:WMS": "WMS",
    "OGC:WFS": "WFS",
    # as earlier versions wrote them (journals keep them)
    "http://www.opengis.net/def/serviceType/ogc/wms": "WMS",
    "http://www.opengis.net/def/serviceType/ogc/wfs": "WFS",
}


def _step_links(step: dict[str, Any]) -> str:
    """The step's link; a map server's WMS and WFS each with its name."""
    services = [
        (SERVICE_LABELS[item["protocol"]], str(item.get("url") or ""))
        for item in (step.get("details") or {}).get("online_resources") or ()
        if isinstance(item, dict) and item.get("protocol") in SERVICE_LABELS
    ]
    if step.get("role") == "mapserver" and services:
        return "<br/>".join(
            f'{label} : <a href="{escape(url)}">{escape(url)}</a>' for label, url in services
        )
    url = str(step.get("url") or "")
    return f'<a href="{escape(url)}">{escape(url)}</a>' if url else ""


def _quality_section(quality: Optional[dict[str, Any]], lang: str) -> str:
    if not quality:
        return f"<p>{_w('no_quality', lang)}</p>"
    items = quality.get("issues") or []
    lines = "".join(
        f"<li>{escape(str(item.get('level', '')))} — {escape(str(item.get('message', '')))}</li>"
        for item in items
    )
    count = _w("features", lang).format(quality.get("feature_count", 0))
    body = f"<ul>{lines}</ul>" if lines else f"<p>{_w('no_issue', lang)}</p>"
    return f"<p>{escape(count)}</p>{body}"


def to_html(
    report: dict[str, Any],
    record: Record,
    quality: Optional[dict[str, Any]] = None,
    lang: str = "fr",
) -> str:
    """The whole report page (UTF-8, no external resource, every value escaped)."""
    summary = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
        for label, value in record_summary(record, lang)
    )
    verdict = _w("all_ok", lang) if report.get("ok") else _w("some_failed", lang)
    when = _when(str(report.get("finished") or report.get("started") or ""), lang)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/>'
        f"<title>{_w('title', lang)} — {escape(record.title)}</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{_w('title', lang)} — {escape(record.title)}</h1>"
        f"<p>{escape(_w('published_on', lang).format(when))}</p>"
        f"<p><strong>{verdict}</strong></p>"
        f"<h2>{_w('where', lang)}</h2>{_steps_table(report, lang)}"
        f"<h2>{_w('record', lang)}</h2><table>{summary}</table>"
        f"<h2>{_w('quality', lang)}</h2>{_quality_section(quality, lang)}"
        "</body></html>"
    )
