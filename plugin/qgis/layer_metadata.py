"""Keep a record with its layer: QgsLayerMetadata for what QGIS can show, custom properties for all.

The whole record is stored as JSON in the layer's custom properties (saved in the project), and
the fields QGIS's own metadata editor understands are mirrored into QgsLayerMetadata. When the
user later edits them in QGIS's editor, those edits win over the stored copy.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsAbstractMetadataBase,
    QgsBox3d,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
from qgis.PyQt.QtXml import QDomDocument

from ..core import codelists, isodates
from ..core.model import (
    BoundingBox,
    Identifier,
    Keyword,
    OnlineResource,
    Record,
    ResponsibleParty,
    TemporalExtent,
)

RECORD_PROPERTY = "geopublier/record"
MIRROR_HASH_PROPERTY = "geopublier/metadata-hash"
CATEGORY_VOCABULARY = "gmd:topicCategory"
# QGIS's metadata has no update frequency: like the topic categories (QGIS's own
# "gmd:topicCategory" keywords), the ISO code is kept as a keyword of this vocabulary.
FREQUENCY_VOCABULARY = "gmd:MD_MaintenanceFrequencyCode"
THEME_VOCABULARY = "GEMET - INSPIRE themes, version 1.0"
FREE_VOCABULARY = ""
ACCESS_CONSTRAINT = "Limitations on public access"
USE_CONSTRAINT = "Conditions applying to access and use"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MAX_SIDECAR_BYTES = 5_000_000


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def _code_from_label(codelist: str, text: str) -> Optional[str]:
    """Code whose code, URI, French or English label matches `text` (spaces and case ignored)."""
    wanted = _squash(text)
    for entry in codelists.values(codelist):
        keys = [
            entry.get("code", ""),
            entry.get("uri", ""),
            entry.get("fr", ""),
            entry.get("en", ""),
        ]
        if wanted in {_squash(str(k)) for k in keys if k}:
            return str(entry["code"])
    return None


def metadata_hash(metadata: QgsLayerMetadata) -> str:
    """Fingerprint of a QgsLayerMetadata (to notice edits made in QGIS's own editor)."""
    document = QDomDocument()
    root = document.createElement("metadata")
    document.appendChild(root)
    metadata.writeMetadataXml(root, document)
    return hashlib.sha256(document.toString().encode("utf-8")).hexdigest()


def record_to_metadata(record: Record, layer_crs: QgsCoordinateReferenceSystem) -> QgsLayerMetadata:
    """The part of the record QGIS's metadata model can hold."""
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(record.identifier.uri)
    metadata.setTitle(record.title)
    metadata.setAbstract(record.abstract)
    metadata.setType(record.resource_type)
    metadata.setLanguage(record.resource_languages[0] if record.resource_languages else "")
    keywords = {}
    if record.inspire_themes:
        keywords[THEME_VOCABULARY] = [
            codelists.label("inspire_themes", t) for t in record.inspire_themes
        ]
    for group in record.keyword_groups:
        keywords[group.thesaurus_title] = [k.label for k in group.keywords]
    if record.free_keywords:
        keywords[FREE_VOCABULARY] = list(record.free_keywords)
    if record.maintenance_frequency:
        keywords[FREQUENCY_VOCABULARY] = [record.maintenance_frequency]
    metadata.setKeywords(keywords)
    metadata.setCategories(list(record.topic_categories))
    metadata.setHistory([record.lineage] if record.lineage else [])
    licence = codelists.get("licences", record.licence) if record.licence else None
    metadata.setLicenses([licence["url"]] if licence else [])
    metadata.setRights([record.use_conditions] if record.use_conditions else [])
    metadata.setConstraints(
        [
            QgsLayerMetadata.Constraint(
                codelists.label("limitations_on_public_access", code), ACCESS_CONSTRAINT
            )
            for code in record.access_limitations
        ]
    )
    metadata.setContacts([_contact(party) for party in record.responsible_parties])
    metadata.setLinks([_link(locator) for locator in record.locators])
    metadata.setExtent(_extent(record.bboxes, record.temporal_extent))
    metadata.setCrs(layer_crs)
    metadata.setEncoding("UTF-8" if record.character_set == "utf8" else record.character_set)
    return metadata


def _contact(party: ResponsibleParty) -> QgsAbstractMetadataBase.Contact:
    contact = QgsAbstractMetadataBase.Contact(party.individual)
    contact.organization = party.organisation
    contact.email = party.email
    contact.voice = party.phone
    contact.role = party.role
    return contact


def _link(locator: OnlineResource) -> QgsAbstractMetadataBase.Link:
    link = QgsAbstractMetadataBase.Link(locator.name, locator.protocol, locator.url)
    link.description = locator.description
    return link


def _extent(bboxes: list[BoundingBox], period: Optional[TemporalExtent]) -> QgsLayerMetadata.Extent:
    extent = QgsLayerMetadata.Extent()
    spatial = []
    for box in bboxes:
        item = QgsLayerMetadata.SpatialExtent()
        item.extentCrs = WGS84
        item.bounds = QgsBox3d(box.west, box.south, 0.0, box.east, box.north, 0.0)
        spatial.append(item)
    extent.setSpatialExtents(spatial)
    if period is not None:
        extent.setTemporalExtents(
            [QgsDateTimeRange(_qdatetime(period.start), _qdatetime(period.end))]
        )
    return extent


def _qdatetime(value: str) -> QDateTime:
    """QGIS date-time of a record date: a date is midnight UTC (no shift when QGIS writes it
    in UTC); "now" and unknown are an open end (a null QDateTime)."""
    if isodates.is_date(value):
        parts = [int(part) for part in value.split("-")] + [1, 1]
        return QDateTime(QDate(parts[0], parts[1], parts[2]), QTime(0, 0), Qt.TimeSpec.UTC)
    if isodates.is_datetime(value):
        return QDateTime.fromString(value, Qt.DateFormat.ISODate)
    return QDateTime()


def _iso_text(value: QDateTime) -> str:
    """Record date of a QGIS date-time: a bare date for midnight (in its own time or the
    user's local time, as QGIS's editor stores a local date in UTC), else ISO 8601."""
    if value is None or not value.isValid():
        return ""
    midnight = QTime(0, 0)
    if value.time() == midnight:
        return value.date().toString(Qt.DateFormat.ISODate)
    if value.timeSpec() != Qt.TimeSpec.LocalTime and value.toLocalTime().time() == midnight:
        return value.toLocalTime().date().toString(Qt.DateFormat.ISODate)
    return value.toString(Qt.DateFormat.ISODate)


def _temporal(
    ranges: list[QgsDateTimeRange], base: Optional[TemporalExtent]
) -> Optional[TemporalExtent]:
    """The first temporal extent of QGIS's metadata; a side equal to what the base record
    would write keeps the base's text ("now", "2019", a time zone)."""
    if not ranges:
        return None
    sides = []
    for value, known in (
        (ranges[0].begin(), base.start if base else None),
        (ranges[0].end(), base.end if base else None),
    ):
        if known is not None and _qdatetime(known) == value:
            sides.append(known)
        else:
            sides.append(_iso_text(value))
    if not any(sides):
        return None
    return TemporalExtent(sides[0], sides[1])


def metadata_to_record(metadata: QgsLayerMetadata, base: Optional[Record] = None) -> Record:
    """Overlay what QgsLayerMetadata says onto `base` (fields it does not know are kept)."""
    record = Record.from_dict(base.to_dict()) if base is not None else Record()
    if metadata.identifier() and metadata.identifier() != record.identifier.uri:
        record.identifier = Identifier(code=metadata.identifier())
    record.title = metadata.title() or record.title
    record.abstract = metadata.abstract() or record.abstract
    if metadata.type() in ("dataset", "series"):
        record.resource_type = metadata.type()
    _read_keywords(metadata, record)
    if metadata.history():
        record.lineage = "\n".join(h for h in metadata.history() if h.strip())
    for licence in metadata.licenses():
        record.licence = (
            codelists.licence_by_url(licence)
            or codelists.licence_by_title(licence)
            or record.licence
        )
    if metadata.rights():
        record.use_conditions = "\n".join(metadata.rights())
    limitations = [
        _code_from_label("limitations_on_public_access", c.constraint)
        for c in metadata.constraints()
        if c.type in (ACCESS_CONSTRAINT, "access")
    ]
    if any(limitations):
        record.access_limitations = [code for code in limitations if code]
    if metadata.contacts():
        record.responsible_parties = [_party(c) for c in metadata.contacts()]
    if metadata.links():
        record.locators = [
            OnlineResource(url=l.url, protocol=l.type, name=l.name, description=l.description)
            for l in metadata.links()  # noqa: E741
        ]
    boxes = [b for b in (_bbox(e) for e in metadata.extent().spatialExtents()) if b]
    if boxes:
        record.bboxes = boxes
    period = _temporal(metadata.extent().temporalExtents(), record.temporal_extent)
    if period is not None:
        record.temporal_extent = period
    _read_language(metadata.language(), record)
    if metadata.crs().isValid() and metadata.crs().authid():
        record.reference_systems = [metadata.crs().authid()]
    return record


def _read_language(text: str, record: Record) -> None:
    """QGIS's single language becomes the first resource language, as an INSPIRE code ("fre").

    A language QGIS names in a way no code list knows is kept as typed, so the checklist says
    it is not an ISO 639-2/B code instead of silently dropping it.
    """
    if not text.strip():
        return
    code = codelists.language_code(text) or text.strip()
    others = [language for language in record.resource_languages[1:] if language != code]
    record.resource_languages = [code] + others


def _read_keywords(metadata: QgsLayerMetadata, record: Record) -> None:
    categories = [_code_from_label("topic_categories", c) for c in metadata.categories()]
    if any(categories):
        record.topic_categories = [c for c in categories if c]
    groups = {g.thesaurus_title: g for g in record.keyword_groups}
    free: list[str] = []
    for vocabulary, words in metadata.keywords().items():
        if vocabulary == CATEGORY_VOCABULARY:
            continue
        if vocabulary == FREQUENCY_VOCABULARY:
            record.maintenance_frequency = next((w.strip() for w in words if w.strip()), "")
            continue
        themes = [codelists.theme_lookup().get(w.strip()) for w in words]
        if themes and all(themes):
            record.inspire_themes = list(dict.fromkeys(themes))
        elif vocabulary in groups:
            known = {k.label: k for k in groups[vocabulary].keywords}
            groups[vocabulary].keywords = [known.get(w) or Keyword(label=w) for w in words]
        else:
            # "", « Mots-clés libres » or any vocabulary QGIS knows only by name: no thesaurus
            # citation (title and date) can be written for it, so its words are free keywords.
            free.extend(w.strip() for w in words if w.strip())
    if free or "" in metadata.keywords():
        record.free_keywords = list(dict.fromkeys(free))


def _party(contact: QgsAbstractMetadataBase.Contact) -> ResponsibleParty:
    role = _code_from_label("roles", contact.role) or "pointOfContact"
    return ResponsibleParty(
        organisation=contact.organization,
        individual=contact.name,
        email=contact.email,
        phone=contact.voice,
        role=role,
    )


def _bbox(extent: QgsLayerMetadata.SpatialExtent) -> Optional[BoundingBox]:
    box = extent.bounds.toRectangle()
    if box.isNull() or box.isEmpty():
        return None
    crs = extent.extentCrs
    if crs.isValid() and crs != WGS84:
        box = QgsCoordinateTransform(crs, WGS84, QgsProject.instance()).transformBoundingBox(box)
    return BoundingBox(
        west=round(box.xMinimum(), 6),
        east=round(box.xMaximum(), 6),
        south=round(box.yMinimum(), 6),
        north=round(box.yMaximum(), 6),
    )


def save_record(layer: QgsMapLayer, record: Record) -> None:
    """Write the record to the layer (custom property + QgsLayerMetadata), mark project dirty."""
    metadata = record_to_metadata(record, layer.crs())
    layer.setMetadata(metadata)
    layer.setCustomProperty(RECORD_PROPERTY, json.dumps(record.to_dict(), ensure_ascii=False))
    layer.setCustomProperty(MIRROR_HASH_PROPERTY, metadata_hash(layer.metadata()))
    if QgsProject.instance().mapLayer(layer.id()) is not None:
        QgsProject.instance().setDirty(True)


def stored_record(layer: QgsMapLayer) -> Optional[Record]:
    """The record GeoPublier kept on the layer, updated with later edits from QGIS's editor."""
    raw = layer.customProperty(RECORD_PROPERTY)
    if not raw:
        return None
    record = Record.from_dict(json.loads(raw))
    if layer.customProperty(MIRROR_HASH_PROPERTY) != metadata_hash(layer.metadata()):
        record = metadata_to_record(layer.metadata(), base=record)
    return record


def is_filled(metadata: QgsLayerMetadata) -> bool:
    """True when a QgsLayerMetadata says anything a user typed."""
    return bool(
        metadata.title()
        or metadata.abstract()
        or metadata.keywords()
        or metadata.identifier()
        or metadata.contacts()
    )


def sidecar_metadata(layer: QgsMapLayer) -> Optional[QgsLayerMetadata]:
    """The QGIS metadata file beside the data (`.qmd`), read without changing the layer."""
    path = Path(layer.metadataUri()) if layer.metadataUri() else None
    if path is None or not path.is_file() or path.stat().st_size > MAX_SIDECAR_BYTES:
        return None
    document = QDomDocument("qgis")
    if not document.setContent(path.read_bytes()):
        return None
    metadata = QgsLayerMetadata()
    return metadata if metadata.readMetadataXml(document.documentElement()) else None


def qgis_metadata(layer: QgsMapLayer) -> Optional[QgsLayerMetadata]:
    """The layer's QGIS metadata, else its `.qmd` sidecar, when either says something."""
    if is_filled(layer.metadata()):
        return layer.metadata()
    sidecar = sidecar_metadata(layer)
    return sidecar if sidecar is not None and is_filled(sidecar) else None
