"""DCAT-AP description of a dataset as JSON-LD (GeoDCAT-AP choices for the geographic parts).

Portals (data.gouv.fr, data.europa.eu, CKAN with ckanext-dcat) read DCAT; the export package
carries this file beside the ISO 19139 record. Vocabulary URIs follow DCAT-AP 2 and the EU
authority tables (file types, frequencies, languages).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

from . import codelists
from .formats import MetadataFormat, register
from .isodates import is_date, is_datetime
from .model import Record, ResponsibleParty, epsg_code

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "locn": "http://www.w3.org/ns/locn#",
    "gsp": "http://www.opengis.net/ont/geosparql#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
TOPIC_CATEGORY = "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/"
# Export format key → (EU file type, IANA media type, label).
FILE_TYPES = {
    "gpkg": ("GPKG", "application/geopackage+sqlite3", "GeoPackage"),
    "geojson": ("GEOJSON", "application/geo+json", "GeoJSON"),
    "csv": ("CSV", "text/csv", "CSV"),
    "shp": ("SHP", "application/zip", "Shapefile (zip)"),
    "tif": ("GEOTIFF", "image/tiff", "GeoTIFF"),
    "xml": ("XML", "application/xml", "ISO 19139"),
    "zip": ("ZIP", "application/zip", "ZIP"),
}
# ISO 639-2/B codes whose ISO 639-2/T form (used by the EU language table) differs.
_B_TO_T = {
    "fre": "fra",
    "ger": "deu",
    "dut": "nld",
    "cze": "ces",
    "gre": "ell",
    "rum": "ron",
    "slo": "slk",
    "ice": "isl",
    "alb": "sqi",
    "baq": "eus",
    "wel": "cym",
    "chi": "zho",
}


@dataclass
class Distribution:
    """One downloadable file of the dataset."""

    file_name: str
    format: str
    title: str = ""
    byte_size: Optional[int] = None
    sha256: str = ""
    url: str = ""


def _text(value: str, lang: str = "fr") -> dict[str, str]:
    """A language-tagged literal."""
    return {"@value": value, "@language": lang}


def _date(value: str) -> Optional[dict[str, str]]:
    """A typed xsd:date / xsd:dateTime literal, or None for an empty or malformed date."""
    if is_datetime(value):
        return {"@value": value, "@type": "xsd:dateTime"}
    if is_date(value) and len(value) == 10:
        return {"@value": value, "@type": "xsd:date"}
    return None


def _uri_of(name: str, code: str, key: str = "uri") -> Optional[str]:
    """The URI of a code list entry, if known."""
    entry = codelists.get(name, code)
    return entry.get(key) if entry else None


def _dataset_id(record: Record) -> str:
    """The dataset's IRI: its identifier URI, else a URN from its UUID-like code."""
    uri = record.identifier.uri
    if re.match(r"^https?://", uri):
        return uri
    code = record.identifier.code or record.file_identifier
    if re.fullmatch(r"[0-9a-fA-F-]{36}", code):
        return f"urn:uuid:{code.lower()}"
    return "_:dataset"


def _agent(party: ResponsibleParty) -> dict[str, Any]:
    """A foaf:Agent (publisher)."""
    agent: dict[str, Any] = {"@type": "foaf:Agent", "foaf:name": party.organisation}
    if party.email:
        agent["foaf:mbox"] = {"@id": f"mailto:{party.email}"}
    return agent


def _contact(party: ResponsibleParty) -> dict[str, Any]:
    """A vcard:Organization (contact point)."""
    card: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": party.organisation}
    if party.email:
        card["vcard:hasEmail"] = {"@id": f"mailto:{party.email}"}
    return card


def _bbox_wkt(record: Record) -> Optional[str]:
    """The first bounding box as a WKT polygon (lon lat order, CRS84)."""
    if not record.bboxes:
        return None
    b = record.bboxes[0]
    corners = [
        (b.west, b.south),
        (b.east, b.south),
        (b.east, b.north),
        (b.west, b.north),
        (b.west, b.south),
    ]
    return "POLYGON((" + ", ".join(f"{x:g} {y:g}" for x, y in corners) + "))"


def _themes(record: Record) -> list[dict[str, str]]:
    """INSPIRE themes and ISO topic categories as concept IRIs."""
    themes = [
        {"@id": uri} for uri in (_uri_of("inspire_themes", c) for c in record.inspire_themes) if uri
    ]
    themes += [{"@id": TOPIC_CATEGORY + code} for code in record.topic_categories]
    return themes


def _keywords(record: Record) -> list[dict[str, str]]:
    """Free keywords and thesaurus keyword labels."""
    labels = list(record.free_keywords)
    for group in record.keyword_groups:
        labels += [k.label for k in group.keywords if k.label]
    return [_text(label) for label in dict.fromkeys(labels)]


def _distribution(record: Record, item: Distribution) -> dict[str, Any]:
    """A dcat:Distribution of one file."""
    eu_type, media, label = FILE_TYPES.get(
        item.format, ("BIN", "application/octet-stream", item.format)
    )
    address = {"@id": item.url or item.file_name}
    node: dict[str, Any] = {
        "@type": "dcat:Distribution",
        "dct:title": _text(item.title or f"{record.title} ({label})"),
        "dcat:accessURL": address,
        "dcat:downloadURL": address,
        "dct:format": {"@id": f"{EU}file-type/{eu_type}"},
        "dcat:mediaType": {"@id": IANA + media},
    }
    licence = _uri_of("licences", record.licence, "url")
    if licence:
        node["dct:license"] = {"@id": licence}
    if item.byte_size is not None:
        node["dcat:byteSize"] = {"@value": str(item.byte_size), "@type": "xsd:nonNegativeInteger"}
    if item.sha256:
        node["spdx:checksum"] = {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": {"@value": item.sha256, "@type": "xsd:hexBinary"},
        }
    return node


def _optional_parts(record: Record, node: dict[str, Any]) -> None:
    """Dates, extent, parties, frequency, lineage, CRS and access rights, when known."""
    for key, value in (
        ("dct:created", record.creation_date),
        ("dct:issued", record.publication_date or record.creation_date),
        ("dct:modified", record.revision_date),
    ):
        if _date(value):
            node[key] = _date(value)
    wkt = _bbox_wkt(record)
    if wkt:
        literal = {"@value": wkt, "@type": "gsp:wktLiteral"}
        node["dct:spatial"] = {
            "@type": "dct:Location",
            "dcat:bbox": literal,
            "locn:geometry": literal,
        }
    period = record.temporal_extent
    if period and (_date(period.start) or _date(period.end)):
        node["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            **{
                k: _date(v)
                for k, v in (("dcat:startDate", period.start), ("dcat:endDate", period.end))
                if _date(v)
            },
        }
    publishers = [p for p in record.responsible_parties if p.role == "publisher"]
    parties = publishers or record.responsible_parties
    if parties:
        node["dct:publisher"] = _agent(parties[0])
    contacts = record.metadata_contacts or record.responsible_parties
    if contacts:
        node["dcat:contactPoint"] = _contact(contacts[0])
    frequency = _uri_of("maintenance_frequencies", record.maintenance_frequency, "eu_uri")
    if frequency:
        node["dct:accrualPeriodicity"] = {"@id": frequency}
    if record.lineage:
        node["dct:provenance"] = {
            "@type": "dct:ProvenanceStatement",
            "rdfs:label": _text(record.lineage),
        }
    crs = [epsg_code(r) for r in record.reference_systems]
    if any(crs):
        node["dct:conformsTo"] = [
            {"@id": f"http://www.opengis.net/def/crs/EPSG/0/{c}"} for c in crs if c
        ]
    rights = [
        u
        for u in (_uri_of("limitations_on_public_access", c) for c in record.access_limitations)
        if u
    ]
    if rights:
        node["dct:accessRights"] = {"@id": rights[0]}


def to_jsonld(record: Record, distributions: Sequence[Distribution] = ()) -> dict[str, Any]:
    """The DCAT-AP JSON-LD document of a record and its files."""
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": _dataset_id(record),
        "@type": "dcat:Dataset",
        "dct:title": _text(record.title),
        "dct:description": _text(record.abstract),
        "dct:identifier": record.identifier.uri or record.file_identifier,
        "dct:language": [
            {"@id": f"{EU}language/{_B_TO_T.get(c, c).upper()}"}
            for c in record.resource_languages
            if c and c != "zxx"
        ],
    }
    if _keywords(record):
        node["dcat:keyword"] = _keywords(record)
    if _themes(record):
        node["dcat:theme"] = _themes(record)
    landing = [loc.url for loc in record.locators if loc.function == "information"]
    if landing:
        node["dcat:landingPage"] = {"@id": landing[0]}
    _optional_parts(record, node)
    node["dcat:distribution"] = [_distribution(record, d) for d in distributions]
    return node


def write(record: Record, distributions: Sequence[Distribution] = ()) -> bytes:
    """The JSON-LD document as UTF-8 bytes."""
    return json.dumps(to_jsonld(record, distributions), ensure_ascii=False, indent=2).encode()


register(
    MetadataFormat(
        name="dcat",
        label="DCAT-AP (JSON-LD)",
        media_type="application/ld+json",
        extension="jsonld",
        write=write,
    )
)
