"""No lost update: tell whether a catalogue record changed since we published it, and merge.

`fingerprint` compares documents by their values (element texts and attributes, the metadata
date aside), so a catalogue that re-serialises what it stores (namespaces, indentation) is not
taken for a change. `merge_remote` is a three-way merge by record field: what only the catalogue
changed is taken, what only the layer changed is kept, a field both changed differently is a
conflict (the layer's value is kept and the conflict reported).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .iso19139_reader import metadata_root, read_with_warnings
from .model import Record
from .xmlsafe import parse_xml

NOT_MERGED = ("metadata_date", "source_document", "file_identifier")


def _values(element: etree._Element, path: str, out: list[str]) -> None:
    if not isinstance(element.tag, str):
        return
    name = etree.QName(element).localname
    if name == "dateStamp":
        return
    path = f"{path}/{name}"
    text = " ".join((element.text or "").split())
    if text:
        out.append(f"{path}={text}")
    for key, value in sorted(element.attrib.items()):
        out.append(f"{path}@{etree.QName(key).localname}={' '.join(value.split())}")
    for child in element:
        _values(child, path, out)


def fingerprint(xml: bytes) -> str:
    """Hash of a record's values (order kept, metadata date and serialisation aside)."""
    out: list[str] = []
    _values(metadata_root(parse_xml(xml)), "", out)
    return "values:" + hashlib.sha256("\n".join(out).encode("utf-8")).hexdigest()


def changed_since(published: bytes, current: bytes) -> bool:
    """True when the catalogue's record says something else than what we published."""
    return fingerprint(published) != fingerprint(current)


@dataclass(frozen=True)
class Conflict:
    """A field the layer and the catalogue both changed, differently."""

    field: str
    local: Any
    remote: Any


def _fields() -> list[str]:
    return [f.name for f in dataclasses.fields(Record) if f.name not in NOT_MERGED]


def remote_changes(published: bytes, current: bytes) -> list[str]:
    """The record fields the catalogue changed since our publication."""
    base, _ = read_with_warnings(published)
    remote, _ = read_with_warnings(current)
    return [name for name in _fields() if getattr(base, name) != getattr(remote, name)]


def merge_remote(
    local: Record, published: bytes, current: bytes
) -> tuple[Record, list[str], list[Conflict]]:
    """The layer's record with the catalogue's changes taken in.

    Returns the merged record (its source document is now the catalogue's, so what the
    catalogue added outside the form is kept too), the fields taken from the catalogue and the
    conflicts (the layer's value kept).
    """
    base, _ = read_with_warnings(published)
    remote, _ = read_with_warnings(current, keep_document=True)
    merged = Record.from_dict(local.to_dict())
    taken: list[str] = []
    conflicts: list[Conflict] = []
    for name in _fields():
        theirs, mine, before = getattr(remote, name), getattr(local, name), getattr(base, name)
        if theirs == before or theirs == mine:
            continue
        if mine == before:
            setattr(merged, name, theirs)
            taken.append(name)
        else:
            conflicts.append(Conflict(name, mine, theirs))
    merged.source_document = remote.source_document
    return merged, taken, conflicts
