"""Registry of named metadata formats: each has `write(record) -> bytes` and, if it can, `read`.

Conversion is read with one format then write with another. Other modules (DCAT, portal
payloads) register themselves with `register`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from . import iso19139_reader, iso19139_writer
from .errors import GeoPublierError
from .model import Record


@dataclass(frozen=True)
class MetadataFormat:
    """A named writer (and optional reader) of metadata records."""

    name: str
    label: str
    media_type: str
    extension: str
    write: Callable[[Record], bytes]
    read: Optional[Callable[[bytes], Record]] = None


_REGISTRY: dict[str, MetadataFormat] = {}


def register(fmt: MetadataFormat) -> None:
    """Add or replace a format under its name."""
    _REGISTRY[fmt.name] = fmt


def get(name: str) -> MetadataFormat:
    """Return the format called `name`; raise `format.unknown` otherwise."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise GeoPublierError("format.unknown", {"name": name}) from None


def names() -> list[str]:
    """Return the registered format names."""
    return sorted(_REGISTRY)


register(
    MetadataFormat(
        name="iso19139",
        label="ISO 19139 (INSPIRE)",
        media_type="application/xml",
        extension="xml",
        write=iso19139_writer.write,
        read=iso19139_reader.read,
    )
)
