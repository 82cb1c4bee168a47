"""DCAT-AP description of a dataset as JSON-LD (GeoDCAT-AP choices for the geographic parts).

Portals (data.gouv.fr, data.europa.eu, CKAN with ckanext-dcat) read DCAT; the export package
carries this file beside the ISO 19139 record. Vocabulary URIs follow DCAT-AP 3 and the EU
authority tables (file types, frequencies, languages, data themes, access rights). Every
referenced IRI is typed and labelled and every address absolute, so the document passes the
DCAT-AP 3.0.1 SHACL shapes and means the same to a harvester wherever it is read.
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
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcatap": "http://data.europa.eu/r5r/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
TOPIC_CATEGORY = "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/"
EU_DATA_THEMES = {  # EU data theme authority table: code → French label
    "AGRI": "Agriculture, pêche, sylviculture et alimentation",
    "ECON": "Économie et finances",
    "ENER": "Énergie",
    "ENVI": "Environnement",
    "GOVE": "Gouvernement et secteur public",
    "HEAL": "Santé",
    "REGI": "Régions et villes",
    "SOCI": "Population et société",
    "TECH": "Science et technologie",
    "TRAN": "Transports",
}
# EU access rights for the INSPIRE limitations on public access (no limitation: public).
EU_PUBLIC = (f"{EU}access-right/PUBLIC", "public")
EU_RESTRICTED = (f"{EU}access-right/RESTRICTED", "restreint")
AVAILABILITY = (f"{EU}planned-availability/STABLE", "stable")
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
    description: str = ""


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
    card: dict[str, Any] = {
        "@type": ["vcard:Organization", "vcard:Kind"],
        "vcard:fn": party.organisation,
    }
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


def _themes(record: Record) -> list[dict[str, Any]]:
    """INSPIRE themes, the EU data themes they map to, and ISO topic categories, as
    labelled skos:Concepts."""
    themes = []
    eu_codes: list[str] = []
    for code in record.inspire_themes:
        entry = codelists.get("inspire_themes", code)
        if entry:
            themes.append(_ref(entry["uri"], "skos:Concept", str(entry["fr"])))
            eu_codes += [c for c in entry.get("eu_data_themes") or () if c not in eu_codes]
    themes += [
        _ref(f"{EU}data-theme/{code}", "skos:Concept", EU_DATA_THEMES.get(code, code))
        for code in eu_codes
    ]
    themes += [
        _ref(TOPIC_CATEGORY + code, "skos:Concept", codelists.label("topic_categories", code))
        for code in record.topic_categories
    ]
    return themes


def _keywords(record: Record) -> list[dict[str, str]]:
    """Free keywords and thesaurus keyword labels."""
    labels = list(record.free_keywords)
    for group in record.keyword_groups:
        labels += [k.label for k in group.keywords if k.label]
    return [_text(label) for label in dict.fromkeys(labels)]


def _ref(iri: str, kind: str, label: str = "", lang: str = "fr") -> dict[str, Any]:
    """A typed (and labelled) IRI: what DCAT-AP 3's shapes expect of a referenced resource."""
    node: dict[str, Any] = {"@id": iri, "@type": kind}
    if label:
        node["skos:prefLabel"] = _text(label, lang) if lang else label
    return node


def _is_absolute(url: str) -> bool:
    """True for an http(s) address (a relative file name would resolve to a local path)."""
    return bool(re.match(r"^https?://", url or ""))


def _access_page(record: Record) -> str:
    """Where the files can be reached when their own URLs are not known: the landing page,
    else the dataset's identifier when it is a web address."""
    landing = [loc.url for loc in record.locators if loc.function == "information"]
    if landing and _is_absolute(landing[0]):
        return landing[0]
    return record.identifier.uri if _is_absolute(record.identifier.uri) else ""


def _distribution(record: Record, item: Distribution) -> dict[str, Any]:
    """A dcat:Distribution of one file (absolute addresses only)."""
    eu_type, media, label = FILE_TYPES.get(
        item.format, ("BIN", "application/octet-stream", item.format)
    )
    node: dict[str, Any] = {
        "@type": "dcat:Distribution",
        "dct:title": _text(item.title or f"{record.title} ({label})"),
        "dct:description": _text(item.description or f"{label} : {item.file_name}"),
        "dct:format": _ref(f"{EU}file-type/{eu_type}", "dct:MediaTypeOrExtent", label, ""),
        "dcat:mediaType": _ref(IANA + media, "dct:MediaType", media, ""),
        "dcatap:availability": _ref(AVAILABILITY[0], "skos:Concept", AVAILABILITY[1]),
    }
    if _is_absolute(item.url):
        node["dcat:accessURL"] = {"@id": item.url}
        node["dcat:downloadURL"] = {"@id": item.url}
    elif _access_page(record):
        node["dcat:accessURL"] = {"@id": _access_page(record)}
    licence = codelists.get("licences", record.licence) if record.licence else None
    if licence and licence.get("url"):
        node["dct:license"] = _ref(licence["url"], "dct:LicenseDocument", str(licence["fr"]))
    if item.byte_size is not None:
        node["dcat:byteSize"] = {"@value": str(item.byte_size), "@type": "xsd:nonNegativeInteger"}
    if item.sha256:
        node["spdx:checksum"] = {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {
                "@id": "spdx:checksumAlgorithm_sha256",
                "@type": "spdx:ChecksumAlgorithm",
            },
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
        # dcat:bbox only: DCAT-AP 3 and GeoDCAT-AP disagree on the range of locn:geometry.
        node["dct:spatial"] = {"@type": "dct:Location", "dcat:bbox": literal}
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
    frequency = codelists.get("maintenance_frequencies", record.maintenance_frequency)
    if frequency and frequency.get("eu_uri"):
        node["dct:accrualPeriodicity"] = _ref(
            frequency["eu_uri"], "dct:Frequency", str(frequency["fr"])
        )
    if record.lineage:
        node["dct:provenance"] = {
            "@type": "dct:ProvenanceStatement",
            "rdfs:label": _text(record.lineage),
        }
    crs = [epsg_code(r) for r in record.reference_systems]
    if any(crs):
        node["dct:conformsTo"] = [_crs(c) for c in crs if c]
    rights = _access_rights(record)
    if rights:
        node["dct:accessRights"] = rights


def _crs(number: int) -> dict[str, Any]:
    """A coordinate reference system as a labelled dct:Standard."""
    entry = codelists.get("crs", number)
    label = str(entry["name"]) if entry else ("WGS 84" if number == 4326 else f"EPSG:{number}")
    return _ref(f"http://www.opengis.net/def/crs/EPSG/0/{number}", "dct:Standard", label, "")


def _access_rights(record: Record) -> Optional[dict[str, Any]]:
    """The EU access right (PUBLIC without INSPIRE limitation, else RESTRICTED), with the
    INSPIRE limitation it comes from as an exact match."""
    inspire = [codelists.get("limitations_on_public_access", c) for c in record.access_limitations]
    inspire = [entry for entry in inspire if entry]
    if not inspire:
        return None
    public = all(entry["code"] == "noLimitations" for entry in inspire)
    iri, label = EU_PUBLIC if public else EU_RESTRICTED
    node = _ref(iri, "dct:RightsStatement", label)
    node["skos:exactMatch" if public else "skos:closeMatch"] = [
        _ref(entry["uri"], "skos:Concept", str(entry["fr"])) for entry in inspire
    ]
    return node


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
            _ref(
                f"{EU}language/{_B_TO_T.get(c, c).upper()}",
                "dct:LinguisticSystem",
                codelists.label("languages", c),
            )
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
