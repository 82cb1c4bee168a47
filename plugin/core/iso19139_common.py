"""Namespaces and small element helpers shared by the ISO 19139 writer and reader."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from lxml import etree

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
GMX = "http://www.isotc211.org/2005/gmx"
GML32 = "http://www.opengis.net/gml/3.2"
GML31 = "http://www.opengis.net/gml"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GMI = "http://www.isotc211.org/2005/gmi"

NS = {
    "gmd": GMD,
    "gco": GCO,
    "gmx": GMX,
    "xlink": XLINK,
    "gml": GML32,
    "gml31": GML31,
}
NSMAP = {"gmd": GMD, "gco": GCO, "gmx": GMX, "gml": GML32, "xlink": XLINK, "xsi": XSI}
CODELIST_BASE = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
LANGUAGE_CODELIST = "http://www.loc.gov/standards/iso639-2/"
SCHEMA_LOCATION = (
    "http://www.isotc211.org/2005/gmd "
    "https://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd "
    "http://www.isotc211.org/2005/gmx "
    "https://schemas.opengis.net/iso/19139/20070417/gmx/gmx.xsd"
)
EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/"
LIMITATIONS_REGISTRY = "inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/"
CONDITIONS_REGISTRY = "inspire.ec.europa.eu/metadata-codelist/ConditionsApplyingToAccessAndUse/"
GNM_TITLE = "INSPIRE Data Specifications - Base Models - Generic Network Model"
GNM_DATE = "2013-04-05"
ATTRIBUTES_HEADER = "Attributs de la couche (nom | type | alias | commentaire) :"

_PREFIXES = {"gmd": GMD, "gco": GCO, "gmx": GMX, "gml": GML32, "xlink": XLINK, "xsi": XSI}


def qname(name: str) -> str:
    """Turn "gmd:title" into lxml's "{namespace}title" form."""
    prefix, local = name.split(":", 1)
    return f"{{{_PREFIXES[prefix]}}}{local}"


NIL_REASON = qname("gco:nilReason")
HREF = qname("xlink:href")


def sub(parent: etree._Element, name: str) -> etree._Element:
    """Append and return a new child element named like "gmd:title"."""
    return etree.SubElement(parent, qname(name))


def format_decimal(value: float, min_decimals: int = 2) -> str:
    """Write a float without exponent, exactly (repr precision), with at least `min_decimals`."""
    text = format(Decimal(repr(float(value))), "f")
    if "." not in text:
        text += "."
    whole, frac = text.split(".")
    return f"{whole}.{frac.ljust(min_decimals, '0')}"


def format_number(value: float) -> str:
    """Write a float without exponent and without useless trailing zeros (1.0 -> "1.0")."""
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """Drop the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _NOT_XML.sub("", value)


def first(node: Optional[etree._Element], path: str) -> Optional[etree._Element]:
    """Return the first element at `path` (ElementPath with gmd/gco/gmx prefixes) or None."""
    if node is None:
        return None
    return node.find(path, NS)


def find_all(node: Optional[etree._Element], path: str) -> list[etree._Element]:
    """Return every element at `path`."""
    return [] if node is None else list(node.findall(path, NS))


def text_of(prop: Optional[etree._Element]) -> str:
    """Return the stripped text of a property's CharacterString, Anchor or other gmx text child."""
    if prop is None:
        return ""
    for child in prop:
        if isinstance(child.tag, str) and child.text is not None:
            return child.text.strip()
    return ""


def value_of(prop: Optional[etree._Element]) -> str:
    """Return an Anchor's xlink:href when it has one, else the property's text."""
    if prop is None:
        return ""
    anchor = prop.find("gmx:Anchor", NS)
    if anchor is not None and anchor.get(HREF, "").strip():
        return anchor.get(HREF, "").strip()
    return text_of(prop)


def code_of(element: Optional[etree._Element]) -> str:
    """Return a code list element's codeListValue (or its text when the value is empty)."""
    if element is None:
        return ""
    return (element.get("codeListValue") or (element.text or "")).strip()
