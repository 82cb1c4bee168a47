"""The French README of an export package, and the field-name mapping it documents.

Field names are made safe for every format (letters — accents and case kept, so Table Schema
names such as "nomCollectivite" survive — digits and "_", not starting with a digit, unique
whatever the case, no name a driver reserves) and, for Shapefile, at most 10
bytes, unique: the README lists every renaming so a user finds their columns again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional

from . import codelists
from .model import Record

SHAPEFILE_MAX_BYTES = 10
RESERVED = frozenset({"fid", "ogc_fid", "geom", "geometry", "the_geom", "wkt"})


@dataclass
class FieldName:
    """One attribute: its name in the layer, in the exported files and in the Shapefile."""

    source: str
    safe: str
    short: str
    type: str = ""


@dataclass
class PackageFile:
    """One file of the package, as the README presents it."""

    name: str
    format: str
    description: str


@dataclass
class PackageInfo:
    """What the README says about the package besides the record."""

    files: list[PackageFile] = field(default_factory=list)
    fields: list[FieldName] = field(default_factory=list)
    crs: str = ""
    export_date: str = ""
    feature_count: Optional[int] = None
    notes: list[str] = field(default_factory=list)


def safe_name(name: str) -> str:
    """Name of Unicode letters, digits and "_" that no format rejects."""
    text = unicodedata.normalize("NFC", name).strip()
    text = re.sub(r"[^\w]+", "_", text, flags=re.UNICODE).strip("_")
    text = re.sub(r"_+", "_", text)
    if not text:
        return "champ"
    return f"c_{text}" if text[0].isdigit() else text


def _truncate(text: str, max_bytes: int) -> str:
    """Longest prefix of `text` whose UTF-8 form fits in `max_bytes` (never cuts a letter)."""
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def _unique(candidate: str, taken: set[str], max_bytes: Optional[int]) -> str:
    """`candidate`, or `candidate_2`, `_3`… (shortened to fit) not yet in `taken` (any case)."""
    base = _truncate(candidate, max_bytes) if max_bytes else candidate
    name, number = base, 1
    while name.lower() in taken or name.lower() in RESERVED:
        number += 1
        suffix = f"_{number}"
        name = (_truncate(candidate, max_bytes - len(suffix)) if max_bytes else candidate) + suffix
    taken.add(name.lower())
    return name


def field_mapping(
    names: Sequence[str], types: Sequence[str] = (), feature_id: str = ""
) -> list[FieldName]:
    """The safe and Shapefile names of the given fields, unique within each format.

    `feature_id` names the source's own feature id column (a GeoPackage "fid"): it keeps its
    name, as writers map it to the feature id again.
    """
    safe_taken: set[str] = set()
    short_taken: set[str] = set()
    result = []
    for index, name in enumerate(names):
        if name == feature_id:
            safe_taken.add(name.lower())
            short_taken.add(name.lower())
            result.append(FieldName(name, name, name, types[index] if index < len(types) else ""))
            continue
        safe = _unique(safe_name(name), safe_taken, None)
        short = _unique(safe, short_taken, SHAPEFILE_MAX_BYTES)
        kind = types[index] if index < len(types) else ""
        result.append(FieldName(source=name, safe=safe, short=short, type=kind))
    return result


def _cell(text: str) -> str:
    """Table cell text (pipes and line breaks would break the table)."""
    return text.replace("|", "\\|").replace("\n", " ")


def _licence_line(record: Record) -> str:
    """Licence label and address, or the conditions of use."""
    entry = codelists.get("licences", record.licence) if record.licence else None
    if entry is not None:
        return f"{entry['fr']} — {entry['url']}"
    return record.licence or record.use_conditions or "non précisée"


def _contact_line(record: Record) -> str:
    """Organisation and e-mail of the first responsible party or metadata contact."""
    parties = record.responsible_parties or record.metadata_contacts
    if not parties:
        return "non précisé"
    party = parties[0]
    return " — ".join(p for p in (party.organisation, party.email) if p) or "non précisé"


def mapping_table(fields: Sequence[FieldName]) -> list[str]:
    """Markdown lines of the field-name mapping table."""
    lines = [
        "| Champ d'origine | Nom dans les fichiers | Nom dans le Shapefile (10 car. max.) | Type |",
        "|---|---|---|---|",
    ]
    for f in fields:
        lines.append(
            f"| {_cell(f.source)} | {_cell(f.safe)} | {_cell(f.short)} | {_cell(f.type)} |"
        )
    return lines


def readme_text(record: Record, info: PackageInfo) -> str:
    """The README (Markdown, French) describing the package for whoever downloads it."""
    lines = [f"# {record.title or 'Données'}", ""]
    if record.abstract:
        lines += [record.abstract.strip(), ""]
    lines += ["## Contenu du paquet", ""]
    lines += [f"- `{f.name}` — {f.format} : {f.description}" for f in info.files]
    count = "inconnu" if info.feature_count is None else str(info.feature_count)
    lines += [
        "",
        "## Informations",
        "",
        f"- Producteur : {_contact_line(record)}",
        f"- Licence : {_licence_line(record)}",
        f"- Système de coordonnées : {info.crs or 'non précisé'} (GeoJSON et colonnes "
        "lon/lat du CSV : WGS 84, EPSG:4326)",
        "- Encodage des caractères : UTF-8 ; dates au format ISO 8601 (AAAA-MM-JJ)",
        f"- Nombre d'objets : {count}",
        f"- Date de l'export : {info.export_date}",
    ]
    if record.identifier.code:
        lines.append(f"- Identifiant de la donnée : {record.identifier.uri}")
    if record.lineage:
        lines.append(f"- Généalogie : {record.lineage.strip()}")
    lines += [f"- {note}" for note in info.notes]
    if info.fields:
        lines += [
            "",
            "## Correspondance des noms de champs",
            "",
            "Les noms de champs ont été harmonisés pour être lisibles par tous les "
            "logiciels ; le Shapefile limite les noms à 10 caractères.",
            "",
        ]
        lines += mapping_table(info.fields)
    lines += ["", "Paquet préparé avec GeoPublier (extension QGIS).", ""]
    return "\n".join(lines)
