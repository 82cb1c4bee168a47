"""Record → open data portal dataset (udata, CKAN): pure mapping, no network.

The portal dataset repeats what the catalogue record says in the portal's own vocabulary:
description = abstract + lineage + link to the catalogue record, licence id mapped through
``resources/codelists/licences.json``, frequency mapped through ``maintenance_frequencies.json``,
tags (udata's slug and length rules), temporal and spatial coverage, and extras holding the
INSPIRE unique resource identifier so that a harvester or a person can tie the portal dataset
back to the record. In reference mode the dataset only holds remote resources pointing to the
catalogue record, its ISO 19139 XML and the view/download services, so the data exists
once.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from . import codelists
from .errors import GeoPublierError
from .model import OnlineResource, Record
from .resource_texts import cut_at_word, cut_slug, file_texts

UPLOAD = "upload"
REFERENCE = "reference"
MODES = (UPLOAD, REFERENCE)

TAG_MIN_LENGTH = 3  # udata's TAG_MIN_LENGTH / TAG_MAX_LENGTH settings (defaults)
TAG_MAX_LENGTH = 96
TITLE_MAX_LENGTH = 350  # udata's TITLE_SIZE_LIMIT
CKAN_NAME_MAX = 100
EXTRA_IDENTIFIER = "inspire:identifier"
EXTRA_FILE_IDENTIFIER = "inspire:file_identifier"
EXTRA_RECORD_URL = "geopublier:catalogue_record"
EXTRA_ROLE = "geopublier:role"  # on remote resources: what the link is, to update it in place

# Protocol prefixes of OnlineResource.protocol → (role, portal format, udata resource type).
_SERVICE_KINDS = (
    ("HTTP://WWW.OPENGIS.NET/DEF/SERVICETYPE/OGC/WMS", ("wms", "wms", "api")),
    ("HTTP://WWW.OPENGIS.NET/DEF/SERVICETYPE/OGC/WFS", ("wfs", "wfs", "api")),
    ("OGC:WMS", ("wms", "wms", "api")),
    ("OGC:WFS", ("wfs", "wfs", "api")),
    ("OGC:WMTS", ("wmts", "wmts", "api")),
    ("WWW:DOWNLOAD", ("download", "", "main")),
)

# French first: these codes are raised before any request is sent.
MESSAGES: dict[str, tuple[str, str]] = {
    "portal.licence_missing": (
        "Choisissez une licence (Licence Ouverte 2.0 ou ODbL) avant de publier sur le portail.",
        "Choose a licence (Open Licence 2.0 or ODbL) before publishing to the portal.",
    ),
    "portal.licence_unmapped": (
        "La licence « {licence} » n'a pas d'équivalent sur un portail {portal}. Choisissez une "
        "licence de la liste.",
        'The licence "{licence}" has no equivalent on a {portal} portal. Choose a licence '
        "from the list.",
    ),
    "portal.title_missing": (
        "Donnez un titre à la donnée avant de la publier sur le portail.",
        "Give the data a title before publishing it to the portal.",
    ),
    "portal.bad_mode": (
        "Mode de publication inconnu « {mode} » (attendu : upload ou reference).",
        'Unknown publication mode "{mode}" (expected: upload or reference).',
    ),
}


class PortalPayloadError(GeoPublierError):
    """The record cannot be turned into a portal dataset (nothing was sent)."""


def payload_message(error: GeoPublierError, lang: str = "fr") -> str:
    """French (default) or English sentence for a payload error code."""
    texts = MESSAGES.get(error.code)
    if texts is None:
        return error.code
    return texts[1 if lang.lower().startswith("en") else 0].format(**error.params)


@dataclass(frozen=True)
class PortalLink:
    """A remote resource of the reference mode; ``role`` says what it is (stable across runs)."""

    role: str
    url: str
    title: str
    format: str = ""
    description: str = ""
    type: str = "documentation"


@dataclass(frozen=True)
class PortalOptions:
    """What the portal dataset needs beyond the record: where the record lives, the owner."""

    catalogue_record_url: str = ""
    record_xml_url: str = ""
    organization: str = ""
    zones: tuple[str, ...] = ()
    granularity: str = ""
    services: tuple[OnlineResource, ...] = field(default_factory=tuple)
    mode: str = UPLOAD
    # WMS/WFS of the layer published by the same publication: linked in both modes.
    map_services: tuple[OnlineResource, ...] = field(default_factory=tuple)
    files: tuple[str, ...] = ()  # names of the uploaded files, for their titles and descriptions
    date: str = ""  # date of the files (YYYY-MM-DD), said in their descriptions


def description_markdown(record: Record, catalogue_record_url: str = "") -> str:
    """Abstract, then lineage and a link to the catalogue record, as Markdown (udata, CKAN)."""
    parts = [record.abstract.strip() or record.title.strip()]
    if record.lineage.strip():
        parts.append("## Généalogie\n\n" + record.lineage.strip())
    if catalogue_record_url:
        parts.append(f"[Fiche de métadonnées INSPIRE dans le catalogue]({catalogue_record_url})")
    return "\n\n".join(p for p in parts if p)


def licence_entry(record: Record) -> dict[str, Any]:
    """The licences.json entry the record designates by id, URL or title."""
    value = record.licence.strip()
    if not value:
        raise PortalPayloadError("portal.licence_missing")
    entry = codelists.get("licences", value)
    if entry is None:
        found = (
            codelists.licence_by_url(value)
            or codelists.licence_by_title(value)
            or codelists.licence_in_text(value)
        )
        entry = codelists.get("licences", found) if found else None
    if entry is None:
        raise PortalPayloadError("portal.licence_unmapped", {"licence": value, "portal": "-"})
    return entry


def portal_licence_id(record: Record, portal: str) -> str:
    """The licence id of ``portal`` ("udata" or "ckan") for the record's licence."""
    entry = licence_entry(record)
    licence_id = entry.get(portal)
    if not licence_id:
        raise PortalPayloadError(
            "portal.licence_unmapped", {"licence": record.licence, "portal": portal}
        )
    return str(licence_id)


def udata_frequency(code: str) -> Optional[str]:
    """udata frequency id for an ISO maintenance frequency code (None when not set/unknown).

    The ids live in ``maintenance_frequencies.json`` (``udata`` field, udata ≥ 10 ids).
    """
    entry = codelists.get("maintenance_frequencies", code.strip()) if code else None
    return str(entry["udata"]) if entry and entry.get("udata") else None


def file_resources(record: Record, options: PortalOptions) -> list[dict[str, str]]:
    """Title, description and format of each uploaded file, keyed by its file name."""
    return [
        {
            "file": t.file,
            "title": t.title,
            "description": t.description,
            "format": t.format,
            "link_description": t.link_description,
        }
        for t in file_texts(record, list(options.files), options.date)
    ]


def ascii_slug(text: str, separator: str = "-") -> str:
    """Lowercase ASCII slug: accents folded, every other character run → ``separator``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", separator, folded.lower()).strip(separator)


def tag_of(text: str) -> str:
    """udata's tag form of a keyword ("" when shorter than 3 characters once slugified)."""
    tag = ascii_slug(text)
    if len(tag) < TAG_MIN_LENGTH:
        return ""
    return cut_slug(tag, TAG_MAX_LENGTH)


def keyword_labels(record: Record) -> list[str]:
    """Every keyword of the record: INSPIRE themes (French labels), thesauri, free keywords."""
    labels = [codelists.label("inspire_themes", theme, "fr") for theme in record.inspire_themes]
    for group in record.keyword_groups:
        labels.extend(k.label for k in group.keywords)
    labels.extend(record.free_keywords)
    return [label for label in labels if label and label.strip()]


def portal_tags(record: Record) -> list[str]:
    """Tags for the portal: slugified keywords of 3 to 96 characters, without duplicates."""
    tags = (tag_of(label) for label in keyword_labels(record))
    return list(dict.fromkeys(t for t in tags if t))


def _date(value: str) -> str:
    """The YYYY-MM-DD part of an ISO 8601 date or date-time ("" for unknown or "now")."""
    value = value.strip()
    return value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else ""


def temporal_coverage(record: Record) -> Optional[dict[str, str]]:
    """``{"start", "end"}`` (end left out while ongoing); None without a start date."""
    extent = record.temporal_extent
    if extent is None or not _date(extent.start):
        return None
    coverage = {"start": _date(extent.start)}
    if _date(extent.end):
        coverage["end"] = _date(extent.end)
    return coverage


def footprint_geojson(record: Record) -> Optional[dict[str, Any]]:
    """The record's bounding boxes as a GeoJSON MultiPolygon in WGS84 (None without a box)."""
    polygons = []
    for box in record.bboxes:
        ring = [
            [box.west, box.south],
            [box.east, box.south],
            [box.east, box.north],
            [box.west, box.north],
            [box.west, box.south],
        ]
        polygons.append([ring])
    if not polygons:
        return None
    return {"type": "MultiPolygon", "coordinates": polygons}


def identifier_extras(record: Record, catalogue_record_url: str = "") -> dict[str, str]:
    """Extras tying the portal dataset to the INSPIRE record (identifier, fileIdentifier, URL)."""
    extras = {
        EXTRA_IDENTIFIER: record.identifier.uri,
        EXTRA_FILE_IDENTIFIER: record.file_identifier,
        EXTRA_RECORD_URL: catalogue_record_url,
    }
    return {key: value for key, value in extras.items() if value}


def _service_kind(resource: OnlineResource) -> tuple[str, str, str]:
    """(role, format, type) of a service or download link from its protocol."""
    protocol = resource.protocol.upper()
    for prefix, kind in _SERVICE_KINDS:
        if protocol.startswith(prefix):
            return kind
    if resource.function == "download":
        return ("download", "", "main")
    return ("link", "", "other")


def reference_links(record: Record, options: PortalOptions) -> list[PortalLink]:
    """Remote resources of the reference mode: catalogue page, ISO XML, services, downloads."""
    links: list[PortalLink] = []
    if options.catalogue_record_url:
        links.append(
            PortalLink(
                "catalogue",
                options.catalogue_record_url,
                "Fiche de métadonnées (catalogue)",
                "html",
                "Fiche INSPIRE de la donnée dans le géocatalogue.",
            )
        )
    if options.record_xml_url:
        links.append(
            PortalLink(
                "iso19139",
                options.record_xml_url,
                "Métadonnées ISO 19139 (XML)",
                "xml",
                "Fiche de métadonnées au format ISO 19139 / INSPIRE.",
            )
        )
    return links + service_portal_links(_service_resources(record, options), links)


# Titles of the map services published with the dataset, as a person reads them.
_SERVICE_TITLES = {
    "wms": (
        "Carte en ligne (WMS) — couche {name}",
        "Service de consultation WMS : à ajouter "
        "dans QGIS ou un autre logiciel SIG (couche « {name} »).",
    ),
    "wfs": (
        "Téléchargement des objets (WFS) — couche {name}",
        "Service de téléchargement WFS : les objets et leurs attributs (couche « {name} »).",
    ),
}


def service_portal_links(
    resources: Iterable[OnlineResource], already: Sequence[PortalLink] = ()
) -> list[PortalLink]:
    """Portal links of service and download locators, once per URL."""
    links: list[PortalLink] = []
    seen = {link.url for link in already}
    for resource in resources:
        if not resource.url or resource.url in seen:
            continue
        seen.add(resource.url)
        role, fmt, kind = _service_kind(resource)
        title, description = _service_title(role, resource)
        links.append(
            PortalLink(
                f"{role}:{resource.url}",
                resource.url,
                cut_at_word(title, TITLE_MAX_LENGTH),
                fmt,
                description,
                kind,
            )
        )
    return links


def _service_title(role: str, resource: OnlineResource) -> tuple[str, str]:
    """(title, description) of a service link: worded for WMS/WFS layers we published."""
    if role in _SERVICE_TITLES and resource.name:
        title, description = _SERVICE_TITLES[role]
        return title.format(name=resource.name), description.format(name=resource.name)
    title = resource.name or resource.description or f"Service {role.upper()}"
    return title, resource.description


def _service_resources(record: Record, options: PortalOptions) -> Iterable[OnlineResource]:
    """Map services of this publication first, user-given services, the record's locators."""
    yield from options.map_services
    yield from options.services
    yield from record.locators


def _check_common(record: Record, options: PortalOptions) -> None:
    """Refuse what no portal accepts, before any request."""
    if not record.title.strip():
        raise PortalPayloadError("portal.title_missing")
    if options.mode not in MODES:
        raise PortalPayloadError("portal.bad_mode", {"mode": options.mode})


def udata_payload(record: Record, options: PortalOptions) -> dict[str, Any]:
    """``{"dataset": udata JSON, "remote_resources": [...]}`` for the udata publisher."""
    _check_common(record, options)
    dataset: dict[str, Any] = {
        "title": cut_at_word(record.title, TITLE_MAX_LENGTH),
        "description": description_markdown(record, options.catalogue_record_url),
        "license": portal_licence_id(record, "udata"),
        "tags": portal_tags(record),
        "extras": identifier_extras(record, options.catalogue_record_url),
    }
    frequency = udata_frequency(record.maintenance_frequency)
    if frequency:
        dataset["frequency"] = frequency
    coverage = temporal_coverage(record)
    if coverage:
        dataset["temporal_coverage"] = coverage
    spatial = udata_spatial(record, options)
    if spatial:
        dataset["spatial"] = spatial
    if options.organization:
        dataset["organization"] = options.organization
    return {
        "dataset": dataset,
        "remote_resources": _remote_resources(record, options),
        "file_resources": file_resources(record, options) if options.mode == UPLOAD else [],
    }


def udata_spatial(record: Record, options: PortalOptions) -> Optional[dict[str, Any]]:
    """Zones picked by the user (udata refuses zones and a geometry together), else the
    footprint; granularity when given."""
    spatial: dict[str, Any] = {}
    if options.zones:
        spatial["zones"] = list(options.zones)
    else:
        geom = footprint_geojson(record)
        if geom:
            spatial["geom"] = geom
    if options.granularity:
        spatial["granularity"] = options.granularity
    return spatial or None


def _remote_resources(record: Record, options: PortalOptions) -> list[dict[str, Any]]:
    """Remote resource dicts: every link in reference mode; in upload mode only the map
    services published with the files (the files themselves are uploaded)."""
    if options.mode == REFERENCE:
        links = reference_links(record, options)
    else:
        links = service_portal_links(options.map_services)
    return [
        {
            "title": link.title,
            "url": link.url,
            "format": link.format,
            "description": link.description,
            "type": link.type,
            "filetype": "remote",
            "extras": {EXTRA_ROLE: link.role},
        }
        for link in links
    ]


def ckan_name(record: Record) -> str:
    """A valid, stable and unique CKAN name: title slug + short hash of the INSPIRE identifier."""
    key = record.identifier.uri or record.file_identifier
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    stem = cut_slug(ascii_slug(record.title), CKAN_NAME_MAX - len(digest) - 1)
    return f"{stem}-{digest}" if stem else f"dataset-{digest}"


def ckan_payload(record: Record, options: PortalOptions) -> dict[str, Any]:
    """``{"package": CKAN package dict, "remote_resources": [...]}`` for the CKAN publisher."""
    _check_common(record, options)
    extras = identifier_extras(record, options.catalogue_record_url)
    geom = footprint_geojson(record)
    if geom:
        extras["spatial"] = _compact_json(geom)
    coverage = temporal_coverage(record)
    if coverage:
        extras["temporal_start"] = coverage["start"]
        if "end" in coverage:
            extras["temporal_end"] = coverage["end"]
    frequency = codelists.get("maintenance_frequencies", record.maintenance_frequency)
    if frequency:
        # ckanext-dcat's DCAT-AP profiles read ``frequency`` as the EU frequency URI.
        extras["frequency"] = str(frequency.get("eu_uri") or record.maintenance_frequency)
    package: dict[str, Any] = {
        "name": ckan_name(record),
        "title": record.title.strip(),
        "notes": description_markdown(record, options.catalogue_record_url),
        "license_id": portal_licence_id(record, "ckan"),
        "tags": [{"name": tag} for tag in portal_tags(record)],
        "extras": [{"key": k, "value": v} for k, v in sorted(extras.items())],
    }
    if options.organization:
        package["owner_org"] = options.organization
    return {
        "package": package,
        "remote_resources": _remote_resources(record, options),
        "licence_candidates": ckan_licence_candidates(record),
        "file_resources": file_resources(record, options) if options.mode == UPLOAD else [],
    }


def ckan_licence_candidates(record: Record) -> list[str]:
    """Licence ids to try on a CKAN portal, best first: CKAN's default id, then the French ones.

    CKAN's default list has no Licence Ouverte (`other-at` stands in), while French CKAN portals
    list it under the data.gouv.fr id (`lov2`): the publisher takes the first the portal offers.
    """
    entry = licence_entry(record)
    ids = [str(entry.get(key) or "") for key in ("ckan", "udata", "id")]
    return [i for n, i in enumerate(ids) if i and i not in ids[:n]]


def _compact_json(value: Any) -> str:
    """JSON text without spaces (CKAN extras are strings)."""
    return json.dumps(value, separators=(",", ":"))
