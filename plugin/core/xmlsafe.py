"""Safe parsing of XML that comes from outside (files, catalogues): no DTD, entities or network."""

from __future__ import annotations

from lxml import etree

from .errors import XmlInputError

MAX_XML_BYTES = 10 * 1024 * 1024


def _parser() -> etree.XMLParser:
    """Return a parser that never resolves entities, loads a DTD or opens the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_pis=True,
    )


def parse_xml(data: bytes, max_bytes: int = MAX_XML_BYTES) -> etree._Element:
    """Parse `data` and return its root; hostile, oversized or broken documents raise XmlInputError.

    Any DOCTYPE is refused: ISO 19139 records never need one, and it is how external-entity
    (XXE) and entity-expansion ("billion laughs") attacks are carried.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise XmlInputError("xml.too_large", {"size": len(data), "max": max_bytes})
    if not data.strip():
        raise XmlInputError("xml.empty", {})
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise XmlInputError("xml.malformed", {"detail": str(exc)[:200]}) from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise XmlInputError("xml.doctype_forbidden", {})
    return root
