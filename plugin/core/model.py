"""INSPIRE dataset metadata model: one `Record` and small value types, no Qt/QGIS.

Dates are ISO 8601 strings ("2024-06-30" or "2024-06-30T10:00:00+02:00") so that a record
round-trips through XML and JSON unchanged; `rules.validate` checks their form.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import sys
import typing
import uuid
from dataclasses import dataclass, field
from typing import Any, Optional

REG_1089_TITLE_FR = (
    "Règlement (UE) n o 1089/2010 de la Commission du 23 novembre 2010 portant modalités "
    "d'application de la directive 2007/2/CE du Parlement européen et du Conseil en ce qui "
    "concerne l'interopérabilité des séries et des services de données géographiques"
)
REG_1089_TITLE_EN = (
    "Commission Regulation (EU) No 1089/2010 of 23 November 2010 implementing Directive "
    "2007/2/EC of the European Parliament and of the Council as regards interoperability of "
    "spatial data sets and services"
)
REG_1089_DATE = "2010-12-08"
REG_1089_URI = "http://data.europa.eu/eli/reg/2010/1089"

# ISO 19115 MD_GeometricObjectTypeCode values used for `Record.geometry_type`.
GEOMETRY_TYPES = ("point", "curve", "surface", "complex", "composite", "solid")


def _is_http(text: str) -> bool:
    """True when `text` starts with http:// or https://."""
    return text.startswith(("http://", "https://"))


def _today() -> str:
    """Return today's date as YYYY-MM-DD (default metadata date)."""
    return _dt.date.today().isoformat()


def _new_uuid() -> str:
    """Return a fresh random file identifier."""
    return str(uuid.uuid4())


@dataclass
class Identifier:
    """Unique resource identifier: a code within a namespace, stable across republications."""

    code: str = ""
    namespace: str = ""

    def __post_init__(self) -> None:
        """Split an http(s) URI at its last "/" or "#" so that XML round trips are exact."""
        if self.namespace and not _is_http(self.namespace):
            return
        uri = self.uri
        if not _is_http(uri):
            return
        cut = max(uri.rfind("/"), uri.rfind("#"))
        if uri.index("//") + 1 < cut < len(uri) - 1:
            self.namespace, self.code = uri[: cut + 1], uri[cut + 1 :]

    @property
    def uri(self) -> str:
        """Return namespace + code (the form INSPIRE recommends when the namespace is a URI)."""
        if not self.namespace:
            return self.code
        if self.namespace.endswith(("/", "#", ":")):
            return self.namespace + self.code
        return f"{self.namespace}/{self.code}"


@dataclass
class OnlineResource:
    """A resource locator (download page, WMS/WFS GetCapabilities, catalogue page...)."""

    url: str = ""
    protocol: str = ""
    name: str = ""
    description: str = ""
    function: str = ""  # CI_OnLineFunctionCode: download, information, offlineAccess, order, search
    application_profile: str = ""


@dataclass
class Keyword:
    """One keyword: its label and, when it comes from a vocabulary, its URI."""

    label: str = ""
    uri: str = ""


@dataclass
class KeywordGroup:
    """Keywords from one thesaurus (INSPIRE C.15/C.16: one block per vocabulary, with a date)."""

    thesaurus_title: str = ""
    thesaurus_date: str = ""
    thesaurus_date_type: str = "publication"
    thesaurus_uri: str = ""
    keywords: list[Keyword] = field(default_factory=list)


@dataclass
class BoundingBox:
    """Geographic bounding box in WGS84 decimal degrees."""

    west: float = 0.0
    east: float = 0.0
    south: float = 0.0
    north: float = 0.0


@dataclass
class TemporalExtent:
    """Period covered by the data; "" means unknown, "now" means still ongoing."""

    start: str = ""
    end: str = ""


@dataclass
class Resolution:
    """Spatial resolution: a scale denominator (5000) or a ground distance (0.5 m), not both."""

    scale: Optional[int] = None
    distance: Optional[float] = None
    uom: str = "m"


@dataclass
class Conformity:
    """A conformity statement; degree True/False, or None = not evaluated."""

    specification: str = REG_1089_TITLE_FR
    date: str = REG_1089_DATE
    date_type: str = "publication"
    uri: str = REG_1089_URI
    degree: Optional[bool] = None
    explanation: str = ""


@dataclass
class ResponsibleParty:
    """An organisation (and optionally a person) with its contact details and role."""

    organisation: str = ""
    individual: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    role: str = "pointOfContact"


@dataclass
class Encoding:
    """A distribution format; an empty version is written as unknown."""

    name: str = ""
    version: str = ""


@dataclass
class Attribute:
    """One attribute (field) of the layer, as QGIS describes it."""

    name: str = ""
    type: str = ""
    alias: str = ""
    comment: str = ""


@dataclass
class Record:
    """An INSPIRE dataset (or series) metadata record, as GeoPublier holds and edits it."""

    file_identifier: str = field(default_factory=_new_uuid)
    title: str = ""
    abstract: str = ""
    resource_type: str = "dataset"
    identifier: Identifier = field(default_factory=Identifier)
    locators: list[OnlineResource] = field(default_factory=list)
    resource_languages: list[str] = field(default_factory=lambda: ["fre"])
    topic_categories: list[str] = field(default_factory=list)
    inspire_themes: list[str] = field(default_factory=list)
    keyword_groups: list[KeywordGroup] = field(default_factory=list)
    free_keywords: list[str] = field(default_factory=list)
    bboxes: list[BoundingBox] = field(default_factory=list)
    temporal_extent: Optional[TemporalExtent] = None
    creation_date: str = ""
    publication_date: str = ""
    revision_date: str = ""
    lineage: str = ""
    resolutions: list[Resolution] = field(default_factory=list)
    conformities: list[Conformity] = field(default_factory=lambda: [Conformity()])
    licence: str = ""
    use_conditions: str = ""
    access_limitations: list[str] = field(default_factory=lambda: ["noLimitations"])
    responsible_parties: list[ResponsibleParty] = field(default_factory=list)
    metadata_contacts: list[ResponsibleParty] = field(default_factory=list)
    metadata_date: str = field(default_factory=_today)
    metadata_language: str = "fre"
    reference_systems: list[str] = field(default_factory=list)
    encodings: list[Encoding] = field(default_factory=list)
    character_set: str = "utf8"
    spatial_representation_type: str = ""
    maintenance_frequency: str = ""
    topological_consistency: str = ""
    geometry_type: str = ""
    feature_count: Optional[int] = None
    attributes: list[Attribute] = field(default_factory=list)
    # The ISO 19139 document this record was imported or fetched from ("" for a record made
    # here): writing patches the form's edits into it and keeps everything else.
    source_document: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (for layer custom properties and reports)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Build a record from `to_dict` output; unknown keys ignored, missing ones defaulted."""
        return _from_dict(cls, data)


def epsg_code(reference_system: str) -> Optional[int]:
    """Return the EPSG number of "EPSG:2154", an EPSG URI or URN, else None."""
    text = reference_system.strip()
    lowered = text.lower()
    for prefix in ("epsg:", "http://www.opengis.net/def/crs/epsg/0/", "urn:ogc:def:crs:epsg::"):
        if lowered.startswith(prefix) and text[len(prefix) :].isdigit():
            return int(text[len(prefix) :])
    if lowered.startswith("urn:ogc:def:crs:epsg:"):
        tail = text.rsplit(":", 1)[-1]
        return int(tail) if tail.isdigit() else None
    return None


_QGIS_GEOMETRY_TO_ISO = {
    "point": "point",
    "multipoint": "point",
    "line": "curve",
    "linestring": "curve",
    "multilinestring": "curve",
    "curve": "curve",
    "compoundcurve": "curve",
    "multicurve": "curve",
    "polygon": "surface",
    "multipolygon": "surface",
    "curvepolygon": "surface",
    "multisurface": "surface",
    "surface": "surface",
    "geometrycollection": "complex",
}


def iso_geometry_type(name: str) -> str:
    """Map a QGIS/WKB geometry name ("MultiPolygonZ", "Line") to the ISO 19115 object type."""
    key = name.strip().lower()
    for suffix in ("zm", "z", "m", "25d"):
        if key.endswith(suffix) and key[: -len(suffix)] in _QGIS_GEOMETRY_TO_ISO:
            key = key[: -len(suffix)]
            break
    return _QGIS_GEOMETRY_TO_ISO.get(key, "")


def _from_dict(cls: type, data: Any) -> Any:
    """Recursively rebuild dataclass `cls` from plain dicts/lists using its type hints."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} expects a dict, got {type(data).__name__}")
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    """Convert one JSON value to the type `hint` (dataclass, list, Optional or scalar)."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value)
    if origin is list:
        return [_convert(args[0], v) for v in value]
    if dataclasses.is_dataclass(hint):
        return _from_dict(hint, value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
