"""Titles and descriptions a person reads, for the files a portal dataset holds.

A portal lists each file of the dataset: « Bornes de recharge… — GeoPackage (Lambert-93) » with a
description naming its format, coordinate reference system, number of objects, fields and date
says what the file is without downloading it (udata counts a described resource in its metadata
quality score). Names are shortened at a word boundary, never in the middle of a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Optional

from . import codelists
from .model import Record, epsg_code

ELLIPSIS = "…"
# Small words a shortened title does not end on (« Bornes de… » reads as cut off mid-phrase).
_TRAILING_WORDS = frozenset("à au aux d de des du en et l la le les ou par pour sur un une".split())
SHORT_TITLE = 60  # characters of the dataset title kept in a resource title


@dataclass(frozen=True)
class FileKind:
    """What a file of the package is: its format's name for people and for portals."""

    label: str
    portal_format: str
    wgs84: bool = False  # the format is always in WGS 84 (RFC 7946 GeoJSON)
    metadata: bool = False  # the file is the ISO 19139 record, not data


# File suffix → kind (the suffixes the portal receives, see qgis.publication.UPLOADED_SUFFIXES).
FILE_KINDS = {
    ".gpkg": FileKind("GeoPackage", "gpkg"),
    ".geojson": FileKind("GeoJSON", "geojson", wgs84=True),
    ".csv": FileKind("CSV", "csv"),
    ".zip": FileKind("Shapefile (zip)", "shp"),
    ".tif": FileKind("GeoTIFF", "geotiff"),
    ".tiff": FileKind("GeoTIFF", "geotiff"),
    ".xml": FileKind("ISO 19139", "xml", metadata=True),
}


@dataclass(frozen=True)
class FileTexts:
    """Title, description and portal format of one file resource."""

    file: str
    title: str
    description: str
    format: str
    crs: str = ""
    label: str = ""

    @property
    def link_description(self) -> str:
        """Format name and CRS, as a catalogue's link to the file says it."""
        return f"{self.label} — {self.crs}" if self.crs else self.label


def cut_at_word(text: str, limit: int, ellipsis: str = ELLIPSIS) -> str:
    """``text`` shortened to at most ``limit`` characters at a word boundary (with ``…``).

    A single word longer than ``limit`` is the only case cut inside a word.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = max(1, limit - len(ellipsis))
    head = text[: room + 1]
    cut = head.rfind(" ")
    if cut <= 0:
        return text[:room] + ellipsis
    words = head[:cut].split(" ")
    while len(words) > 1 and words[-1].lower().strip(",;:.'’") in _TRAILING_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:.-—–'’(") + ellipsis


def cut_slug(slug: str, limit: int, separator: str = "-") -> str:
    """A slug shortened to ``limit`` characters between two words (no half word at the end)."""
    if len(slug) <= limit:
        return slug
    head = slug[: limit + 1]
    cut = head.rfind(separator)
    return (head[:cut] if cut > 0 else slug[:limit]).strip(separator)


def file_kind(name: str) -> FileKind:
    """The kind of a file from its suffix (its suffix in capitals when unknown)."""
    suffix = PurePath(name).suffix.lower()
    return FILE_KINDS.get(suffix) or FileKind(suffix.lstrip(".").upper(), suffix.lstrip("."))


def crs_names(record: Record, kind: FileKind) -> tuple[str, str]:
    """(short name, full name with EPSG code) of the file's CRS, ("", "") when unknown."""
    if kind.wgs84:
        return "WGS 84", "WGS 84 (EPSG:4326)"
    number = next((n for n in (epsg_code(r) for r in record.reference_systems) if n), None)
    if number is None:
        return "", ""
    entry = codelists.get("crs", number)
    name = str(entry.get("name")) if entry else ("WGS 84" if number == 4326 else "")
    if not name:
        return f"EPSG:{number}", f"EPSG:{number}"
    return name.rsplit(" / ", 1)[-1], f"{name} (EPSG:{number})"


def file_title(record: Record, name: str) -> str:
    """« Short title — Format (CRS) » for a data file, « Short title — fiche … » for the record."""
    kind = file_kind(name)
    short = cut_at_word(record.title, SHORT_TITLE) or name
    if kind.metadata:
        return f"{short} — fiche de métadonnées INSPIRE (ISO 19139)"
    crs = crs_names(record, kind)[0]
    return f"{short} — {kind.label} ({crs})" if crs else f"{short} — {kind.label}"


def _count(number: Optional[int]) -> str:
    """« 1 objet », « 1 234 objets » (French thousands separator)."""
    if number is None:
        return ""
    text = f"{number:,}".replace(",", "\u202f")
    return f"{text} objet" if number == 1 else f"{text} objets"


def file_description(record: Record, name: str, date: str = "") -> str:
    """Format, CRS, number of objects, fields and date of a file, in French (Markdown)."""
    kind = file_kind(name)
    if kind.metadata:
        lines = [
            "Fiche de métadonnées INSPIRE de la donnée au format ISO 19139 (XML), "
            "lisible par les catalogues et les outils SIG."
        ]
    else:
        lines = [f"Format : {kind.label}."]
        crs = crs_names(record, kind)[1]
        if crs:
            lines.append(f"Système de coordonnées : {crs}.")
        count = _count(record.feature_count)
        if count:
            lines.append(f"{count.capitalize()}.")
        fields = [a.name for a in record.attributes if a.name]
        if fields:
            lines.append(f"Champs : {', '.join(fields)}.")
    day = (date or record.revision_date or record.metadata_date)[:10]
    if day:
        lines.append(f"Mis à jour le {day}.")
    return "\n\n".join(lines)


def file_texts(record: Record, names: list[str], date: str = "") -> list[FileTexts]:
    """Title, description, format and CRS of each file, in the given order."""
    texts = []
    for name in names:
        kind = file_kind(name)
        texts.append(
            FileTexts(
                file=name,
                title=file_title(record, name),
                description=file_description(record, name, date),
                format=kind.portal_format,
                crs="" if kind.metadata else crs_names(record, kind)[1],
                label="Métadonnées ISO 19139 (XML)" if kind.metadata else kind.label,
            )
        )
    return texts
