"""ISO 19139 XML Schema validation against a local copy of the 2007-04-17 schemas (gmx.xsd)."""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Union

from lxml import etree

from .errors import GeoPublierError
from .xmlsafe import MAX_XML_BYTES, parse_xml

_LOCK = threading.Lock()


def find_gmx_xsd(schema_dir: Union[str, Path]) -> Path:
    """Return `gmx/gmx.xsd` (or `gmx.xsd`) inside `schema_dir`; raise `xsd.not_found` if absent."""
    base = Path(schema_dir)
    for candidate in (base / "gmx" / "gmx.xsd", base / "gmx.xsd"):
        if candidate.is_file():
            return candidate
    raise GeoPublierError("xsd.not_found", {"folder": str(base)})


def compile_schema(gmx_path: Union[str, Path]) -> etree.XMLSchema:
    """Compile a schema file now (no cache); imports are resolved relative to the local files."""
    gmx_path = str(gmx_path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        document = etree.parse(gmx_path, parser)
        return etree.XMLSchema(document)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        params = {"path": gmx_path, "detail": str(exc)[:200]}
        raise GeoPublierError("xsd.unreadable", params) from exc


_schema = functools.lru_cache(maxsize=4)(compile_schema)


def forget_schemas() -> None:
    """Drop the compiled schemas (after a new copy replaced the files of a folder)."""
    with _LOCK:
        _schema.cache_clear()


def load_schema(schema_dir: Union[str, Path]) -> etree.XMLSchema:
    """Return the compiled ISO 19139 schema of `schema_dir` (cached per folder)."""
    path = str(find_gmx_xsd(schema_dir).resolve())
    with _LOCK:
        return _schema(path)


def validate_xsd(
    xml_bytes: bytes, schema_dir: Union[str, Path], max_bytes: int = MAX_XML_BYTES
) -> list[str]:
    """Return the schema errors of `xml_bytes` as "line N: message" strings (empty when valid)."""
    schema = load_schema(schema_dir)
    root = parse_xml(xml_bytes, max_bytes)
    if schema.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
