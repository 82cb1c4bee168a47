"""Pre-fill a metadata record from what a QGIS layer already knows — without reading features."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterDataProvider,
    QgsRasterLayer,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.model import Attribute, BoundingBox, Encoding, Record, Resolution, iso_geometry_type
from ..core.profile import OrganisationProfile, apply_profile
from .compat import layer_texts
from .layer_metadata import metadata_to_record, qgis_metadata, stored_record

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

# Character encodings QGIS reports → ISO 19115 MD_CharacterSetCode.
_CHARSETS = {
    "utf-8": "utf8",
    "utf8": "utf8",
    "iso-8859-1": "8859part1",
    "latin1": "8859part1",
    "iso-8859-15": "8859part15",
    "windows-1252": "8859part1",
    "cp1252": "8859part1",
    "utf-16": "utf16",
}

# OGR/GDAL driver names → distribution format names (CNIG: format name + version).
_FORMATS = {
    "GPKG": ("GeoPackage", "1.2"),
    "ESRI Shapefile": ("ESRI Shapefile", ""),
    "GeoJSON": ("GeoJSON", "RFC 7946"),
    "CSV": ("CSV", ""),
    "GTiff": ("GeoTIFF", "1.1"),
    "PostgreSQL": ("PostGIS", ""),
    "postgres": ("PostGIS", ""),
}


@dataclasses.dataclass
class LayerFacts:
    """What was read from the layer, and which record fields were guessed from it."""

    record: Record
    guessed: set[str]
    warnings: list[str]


def wgs84_bbox(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> Optional[BoundingBox]:
    """Transform a provider extent to a WGS84 bounding box (None when it cannot be known)."""
    if extent.isNull() or not crs.isValid() or not extent.isFinite():
        return None  # a single point or a straight line (zero width or height) is still a box
    transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
    box = transform.transformBoundingBox(extent) if crs != WGS84 else extent
    west, east = box.xMinimum(), box.xMaximum()
    if east - west >= 360:
        west, east = -180.0, 180.0
    else:  # longitudes beyond ±180 (a layer crossing the antimeridian): west may pass east
        west, east = _longitude(west), _longitude(east)
    return BoundingBox(
        west=round(west, 6),
        east=round(east, 6),
        south=round(max(box.yMinimum(), -90.0), 6),
        north=round(min(box.yMaximum(), 90.0), 6),
    )


def _longitude(value: float) -> float:
    """A longitude brought into [-180, 180] (181 → -179), ±180 kept as they are."""
    return value if -180 <= value <= 180 else (value + 180) % 360 - 180


def source_path(layer: QgsMapLayer) -> Optional[str]:
    """Local file behind the layer, if any."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    return path if path and os.path.isfile(path) else None


def file_date(path: Optional[str]) -> str:
    """Last modification date of a file as YYYY-MM-DD ('' without a file)."""
    if not path:
        return ""
    return dt.date.fromtimestamp(os.path.getmtime(path)).isoformat()


def vector_facts(layer: QgsVectorLayer, record: Record) -> None:
    """Geometry type, feature count (when the provider knows it), attributes, encoding."""
    provider = layer.dataProvider()
    record.spatial_representation_type = "vector"
    record.geometry_type = iso_geometry_type(QgsWkbTypes.displayString(layer.wkbType()))
    count = provider.featureCount()
    record.feature_count = count if count >= 0 else None
    fields = layer.fields()
    record.attributes = [
        Attribute(name=f.name(), type=f.typeName(), alias=f.alias(), comment=f.comment())
        for f in fields
    ]
    encoding = (provider.encoding() or "").strip().lower()
    record.character_set = _CHARSETS.get(encoding, "utf8")


def raster_facts(layer: QgsRasterLayer, record: Record) -> None:
    """Grid representation and ground resolution (in metres when the CRS is projected)."""
    record.spatial_representation_type = "grid"
    provider = layer.dataProvider()
    if provider is None or not provider.capabilities() & QgsRasterDataProvider.Size:
        return  # a web map (WMS, XYZ) has no pixel size of its own: QGIS would say 1 map unit
    if layer.crs().mapUnits() == QgsUnitTypes.DistanceMeters:
        size = round(layer.rasterUnitsPerPixelX(), 3)
        if size > 0:
            record.resolutions = [Resolution(distance=size, uom="m")]


def storage_format(layer: QgsMapLayer) -> Optional[Encoding]:
    """The format the data is stored in, as a distribution format."""
    key = layer.dataProvider().storageType() if isinstance(layer, QgsVectorLayer) else ""
    if isinstance(layer, QgsRasterLayer) and layer.providerType() == "gdal":
        key = "GTiff" if (source_path(layer) or "").lower().endswith((".tif", ".tiff")) else ""
    key = key or layer.providerType()
    for driver, (name, version) in _FORMATS.items():
        if key.lower().startswith(driver.lower()):
            return Encoding(name=name, version=version)
    return None


def read_layer(layer: QgsMapLayer, base: Optional[Record] = None) -> LayerFacts:
    """Pre-fill `base` (or a new record) from the layer; only empty fields are filled."""
    record = dataclasses.replace(base) if base is not None else Record()
    fresh = Record()
    guessed: set[str] = set()
    warnings: list[str] = []

    def offer(name: str, value) -> None:
        if value in (None, "", []) or getattr(record, name) != getattr(fresh, name):
            return
        setattr(record, name, value)
        guessed.add(name)

    title, abstract, keywords = layer_texts(layer)
    offer("title", title or layer.name())
    offer("abstract", abstract)
    offer("free_keywords", [k.strip() for k in keywords.split(",") if k.strip()])
    crs = layer.crs()
    if crs.isValid() and crs.authid():
        offer("reference_systems", [crs.authid()])
    else:
        warnings.append("crs.missing")
    extent = layer.dataProvider().extent() if layer.dataProvider() else layer.extent()
    box = wgs84_bbox(extent, crs)
    offer("bboxes", [box] if box else [])
    if isinstance(layer, QgsVectorLayer):
        vector_facts(layer, record)
    elif isinstance(layer, QgsRasterLayer):
        raster_facts(layer, record)
    fmt = storage_format(layer)
    offer("encodings", [fmt] if fmt else [])
    offer("creation_date", file_date(source_path(layer)))
    return LayerFacts(record=record, guessed=guessed, warnings=warnings)


def prefill(layer: QgsMapLayer, profile: Optional[OrganisationProfile] = None) -> LayerFacts:
    """The record to show for a layer: what GeoPublier kept, else QGIS metadata, then layer facts.

    The organisation profile fills what is still empty, and a new layer gets a unique resource
    identifier once (then kept with the layer, so republication updates the same records).
    """
    stored = stored_record(layer)
    base = stored
    if base is None:
        metadata = qgis_metadata(layer)
        base = metadata_to_record(metadata) if metadata is not None else None
    facts = read_layer(layer, base)
    if profile is not None:
        facts.record = apply_profile(facts.record, profile)
    if stored is None:
        facts.record.file_identifier = stable_uuid(layer, "record")
    if not facts.record.identifier.code:
        facts.record.identifier.code = stable_uuid(layer, "resource")
        facts.guessed.add("identifier")
    return facts


def stable_uuid(layer: QgsMapLayer, purpose: str) -> str:
    """An identifier derived from the data source, so the same data always gets the same id.

    Headless runs (qgis_process) load the layer afresh each time: without this, every
    republication would create a new catalogue record. Memory layers have no lasting source.
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"geopublier:{purpose}:{lasting_source(layer)}"))


def lasting_source(layer: QgsMapLayer) -> str:
    """What names the layer's data across sessions: its source without the login (a memory
    layer has no lasting source: its id)."""
    return source_without_password(layer) if layer.providerType() != "memory" else layer.id()


def source_without_password(layer: QgsMapLayer) -> str:
    """The layer's source with the login taken out (database and web service URIs).

    Identifiers derived from the source are published: a password must not go into them (even
    hashed), a new password must not make the same table a new dataset, and two colleagues
    logging in with their own accounts must get the same identifiers for the same data.
    """
    source = layer.source()
    uri = QgsDataSourceUri(source)
    if uri.password() or uri.username():  # key='value' form: PostGIS, SQL Server, Oracle…
        uri.setPassword("")
        uri.setUsername("")
        return uri.uri(False)
    logins = ("password=", "username=")
    return "&".join(part for part in source.split("&") if not part.startswith(logins))
