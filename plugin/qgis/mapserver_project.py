"""Write the QGIS Server project of one layer: its GeoPackage and a ``.qgs`` serving it.

The project is a fresh ``QgsProject`` (never the user's): one layer reading ``./<name>.gpkg``
(relative path, so the folder can be moved or mounted elsewhere), the layer's own QGIS style
and attribute aliases, WMS and WFS enabled with the service metadata computed by
:func:`plugin.publishers.mapserver.service_layer`.
"""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsMapLayer,
    QgsMapLayerServerProperties,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..publishers.errors import PublishError
from ..publishers.mapserver import ServiceLayer
from ..publishers.qgisserver import ProjectWriter

WFS_PRECISION = 8


def project_writer(source: QgsMapLayer, lizmap: bool = False) -> ProjectWriter:
    """The writer the QGIS Server publisher calls, for a (detached) copy of the layer."""

    def write(folder: Path, layer: ServiceLayer, urls: tuple[str, str]) -> list[Path]:
        return write_layer_project(source, folder, layer, urls, lizmap=lizmap)

    return write


def write_layer_project(
    source: QgsMapLayer,
    folder: Path,
    layer: ServiceLayer,
    urls: tuple[str, str],
    *,
    lizmap: bool = False,
) -> list[Path]:
    """Write ``<name>.gpkg`` and ``<name>.qgs`` (and ``<name>.qgs.cfg``) into ``folder``.

    A ``<name>.gpkg`` already in ``folder`` is the published data the publisher keeps (the
    data did not change): it is served as it is, not written again."""
    if not isinstance(source, QgsVectorLayer) or not source.isValid():
        raise PublishError("mapserver_not_vector", {"layer": source.name()})
    gpkg = folder / f"{layer.name}.gpkg"
    if not gpkg.exists():
        write_geopackage(source, gpkg, layer)
    served = QgsVectorLayer(f"{gpkg}|layername={layer.name}", layer.title, "ogr")
    if not served.isValid():
        raise PublishError("mapserver_write_failed", {"layer": layer.title, "detail": gpkg.name})
    _copy_style(source, served)
    _describe_layer(served, layer)
    project = QgsProject()
    project.setFileName(str(folder / f"{layer.name}.qgs"))
    project.addMapLayer(served)
    project.setCrs(served.crs())
    project.setTitle(layer.title)
    _service_properties(project, served, layer, urls)
    if not project.write():
        raise PublishError(
            "mapserver_write_failed", {"layer": layer.title, "detail": project.error()}
        )
    written = [gpkg, Path(project.fileName())]
    if lizmap:
        written.append(_write_lizmap(project, served, layer))
    project.clear()
    return written


def write_geopackage(source: QgsVectorLayer, path: Path, layer: ServiceLayer) -> None:
    """The layer's features with their own field names (the style's expressions keep working),
    in a GeoPackage table named after the published layer."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name
    options.fileEncoding = "UTF-8"
    context = QgsProject.instance().transformContext()
    error, detail, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        source, str(path), context, options
    )
    if error != QgsVectorFileWriter.NoError:
        raise PublishError("mapserver_write_failed", {"layer": layer.title, "detail": detail})


def _copy_style(source: QgsVectorLayer, served: QgsVectorLayer) -> None:
    """Symbology, labels, aliases and forms of the user's layer, as QGIS saves them."""
    document = QDomDocument("qgis")
    source.exportNamedStyle(document)
    served.importNamedStyle(document)


def _describe_layer(served: QgsVectorLayer, layer: ServiceLayer) -> None:
    """Layer name, title, abstract, keywords, metadata link and attribute aliases."""
    for field_name, alias in layer.aliases.items():
        index = served.fields().indexOf(field_name)
        if index >= 0 and not served.attributeAlias(index):
            served.setFieldAlias(index, alias)
    served.setName(layer.title)
    properties = served.serverProperties() if hasattr(served, "serverProperties") else None
    for setter, value in (
        ("setShortName", layer.name),
        ("setTitle", layer.title),
        ("setAbstract", layer.abstract),
        ("setKeywordList", ", ".join(layer.keywords)),
    ):
        # QGIS ≥ 3.38 keeps these in serverProperties(); 3.22 on the layer itself.
        target = properties if hasattr(properties, setter) else served
        getattr(target, setter)(value)
    if layer.metadata_url and properties is not None:
        properties.setMetadataUrls(
            [
                QgsMapLayerServerProperties.MetadataUrl(
                    layer.metadata_url, "ISO19115:2003", "text/xml"
                )
            ]
        )


def _service_properties(
    project: QgsProject, served: QgsVectorLayer, layer: ServiceLayer, urls: tuple[str, str]
) -> None:
    """WMS/WFS capabilities: service metadata, extent, CRS list, the layer in WFSLayers."""
    contact = layer.contact
    entries = {
        "WMSServiceCapabilities": True,
        "WMSServiceTitle": layer.title,
        "WMSServiceAbstract": layer.abstract,
        "WMSKeywordList": list(layer.keywords),
        "WMSContactOrganization": contact.organisation,
        "WMSContactPerson": contact.person,
        "WMSContactMail": contact.email,
        "WMSContactPhone": contact.phone,
        "WMSContactPosition": contact.position,
        "WMSFees": layer.fees,
        "WMSAccessConstraints": layer.access_constraints,
        "WMSOnlineResource": urls[0],
        "WMSUrl": urls[0],
        "WFSUrl": urls[1],
        "WMSCrsList": list(dict.fromkeys([served.crs().authid(), *layer.crs])),
        "WMSExtent": [repr(v) for v in _extent(served, layer)],
        "WMSAddWktGeometry": True,
        "WMSUseLayerIDs": False,
        "WFSLayers": [served.id()],
    }
    for key, value in entries.items():
        project.writeEntry(key, "/", value)
    project.writeEntry("WFSLayersPrecision", "/" + served.id(), WFS_PRECISION)
    metadata = project.metadata()
    metadata.setTitle(layer.title)
    metadata.setAbstract(layer.abstract)
    metadata.setIdentifier(layer.resource_id)
    project.setMetadata(metadata)


def _extent(served: QgsVectorLayer, layer: ServiceLayer) -> tuple[float, ...]:
    """The WMS extent in the project CRS: the layer's, else the record's WGS84 box."""
    extent = served.extent()
    if extent.isEmpty() and layer.wgs84_bbox:
        west, south, east, north = layer.wgs84_bbox
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), served.crs(), QgsProject.instance()
        )
        extent = transform.transformBoundingBox(QgsRectangle(west, south, east, north))
    if extent.width() == 0 or extent.height() == 0:  # a single point: widen a little
        extent = extent.buffered(10.0 if not served.crs().isGeographic() else 0.0001)
    return (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())


def _write_lizmap(project: QgsProject, served: QgsVectorLayer, layer: ServiceLayer) -> Path:
    """The minimal Lizmap configuration that lists the project and its layer in a repository."""
    extent = _extent(served, layer)
    config = {
        "metadata": {"lizmap_plugin_version": "3.9.0", "lizmap_web_client_target_version": 30600},
        "options": {
            "projection": {"proj4": served.crs().toProj(), "ref": served.crs().authid()},
            "bbox": [repr(v) for v in extent],
            "initialExtent": list(extent),
            "mapScales": [1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000],
            "minScale": 1000,
            "maxScale": 250000,
            "zoomHistory": "True",
            "pointTolerance": 25,
            "hideProject": "False",
        },
        "layers": {
            layer.title: {
                "id": served.id(),
                "name": layer.title,
                "type": "layer",
                "geometryType": _geometry_name(served),
                "title": layer.title,
                "abstract": layer.abstract,
                "link": layer.metadata_url,
                "popup": "True",
                "toggled": "True",
                "singleTile": "True",
                "cached": "False",
            }
        },
    }
    path = Path(project.fileName() + ".cfg")
    path.write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _geometry_name(layer: QgsVectorLayer) -> str:
    """Lizmap's geometry type names."""
    return {0: "point", 1: "line", 2: "polygon"}.get(int(layer.geometryType()), "none")


def add_wms_layer(wms_url: str, name: str, title: str, crs: str = "") -> QgsRasterLayer:
    """Add the published layer, as the map server serves it, to the current project."""
    uri = QgsDataSourceUri()
    uri.setParam("url", wms_url)
    uri.setParam("layers", name)
    uri.setParam("styles", "")
    uri.setParam("format", "image/png")
    uri.setParam("crs", crs or QgsProject.instance().crs().authid() or "EPSG:3857")
    layer = QgsRasterLayer(bytes(uri.encodedUri()).decode("utf-8"), title, "wms")
    if layer.isValid():
        QgsProject.instance().addMapLayer(layer)
    return layer
