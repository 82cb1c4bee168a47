"""What GeoServer gets from QGIS: the layer's GeoPackage and its style as SLD (QGIS's own export),
with the list of what the QGIS style does that SLD cannot express (the user is warned)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsMapLayer, QgsPalLayerSettings, QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from ..publishers.errors import PublishError
from ..publishers.geoserver import LayerSources, SourcesWriter
from ..publishers.mapserver import ServiceLayer
from .mapserver_project import write_geopackage

# Renderers QGIS writes as SLD rules; the others (heatmap, clusters, 2.5D…) are lost.
SLD_RENDERERS = ("singleSymbol", "categorizedSymbol", "graduatedSymbol", "RuleRenderer")
# Symbol layers QGIS's SLD export drops or draws as something else.
NO_SLD_SYMBOL_LAYERS = (
    "GeometryGenerator",
    "ShapeburstFill",
    "GradientFill",
    "RasterFill",
    "RandomMarkerFill",
    "ArrowLine",
    "InterpolatedLine",
    "RasterMarker",
    "LineburstLine",
)


def geoserver_sources(source: QgsMapLayer) -> SourcesWriter:
    """The sources callable the GeoServer publisher calls, for a (detached) copy of the layer."""

    def write(folder: Path, layer: ServiceLayer, data: bool = True) -> LayerSources:
        """``data=False``: the SLD only (GeoServer keeps the data it holds)."""
        if not isinstance(source, QgsVectorLayer) or not source.isValid():
            raise PublishError("mapserver_not_vector", {"layer": source.name()})
        geopackage = folder / f"{layer.name}.gpkg" if data else None
        if geopackage is not None:
            write_geopackage(source, geopackage, layer)
        sld, version = sld_style(source, layer.name)
        return LayerSources(geopackage, sld, version, tuple(sld_limits(source)))

    return write


def sld_style(layer: QgsVectorLayer, name: str) -> tuple[bytes, str]:
    """The layer's style as QGIS exports it to SLD, named after the published layer."""
    document = QDomDocument()
    layer.exportSldStyle(document, "")
    root = document.documentElement()
    version = root.attribute("version") or "1.0.0"
    for tag in ("se:Name", "Name", "sld:Name"):
        names = document.elementsByTagName(tag)
        for index in range(min(names.count(), 2)):  # NamedLayer and UserStyle names
            element = names.item(index).toElement()
            if element.parentNode().nodeName().endswith(("NamedLayer", "UserStyle")):
                element.firstChild().setNodeValue(name)
    return bytes(document.toByteArray()), version


def sld_limits(layer: QgsVectorLayer) -> list[str]:
    """Codes of what the QGIS style does that SLD cannot say (see STYLE_LIMITS messages)."""
    limits: list[str] = []
    renderer = layer.renderer()
    if renderer is not None and renderer.type() not in SLD_RENDERERS:
        limits.append(f"renderer:{renderer.type()}")
    for symbol in renderer.symbols(QgsRenderContext()) if renderer is not None else ():
        for symbol_layer in symbol.symbolLayers():
            kind = symbol_layer.layerType()
            if kind in NO_SLD_SYMBOL_LAYERS:
                limits.append(f"symbol_layer:{kind}")
            if symbol_layer.dataDefinedProperties().hasActiveProperties():
                limits.append("data_defined")
            effect = symbol_layer.paintEffect()
            if effect is not None and effect.enabled():
                limits.append("effects")
    if layer.blendMode() != 0 or layer.featureBlendMode() != 0:
        limits.append("blending")
    if layer.opacity() < 1.0:
        limits.append("layer_opacity")
    limits += _label_limits(layer)
    return list(dict.fromkeys(limits))


def _label_limits(layer: QgsVectorLayer) -> list[str]:
    if not layer.labelsEnabled() or layer.labeling() is None:
        return []
    if layer.labeling().type() != "simple":
        return ["labels:rules"]
    labeling = layer.labeling()
    settings = QgsPalLayerSettings(labeling.settings())  # a copy: the reference dies with Python's
    text = settings.format()
    limits = []
    if text.background().enabled():
        limits.append("labels:background")
    if text.shadow().enabled():
        limits.append("labels:shadow")
    callout = settings.callout() if hasattr(settings, "callout") else None
    if callout is not None and callout.enabled():
        limits.append("labels:callout")
    if settings.isExpression:
        limits.append("labels:expression")
    return limits
