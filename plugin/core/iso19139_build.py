"""Element builders shared by the ISO 19139 writer modules (text, Anchor, code list, dates)."""

from __future__ import annotations

from typing import Optional

from lxml import etree

from . import isodates
from .iso19139_common import (
    CODELIST_BASE,
    HREF,
    LANGUAGE_CODELIST,
    NIL_REASON,
    sub,
    xml_text,
)


def text(prop: etree._Element, value: str) -> None:
    """Fill a property with gco:CharacterString, or mark it missing when empty."""
    value = xml_text(value).strip()
    if value:
        sub(prop, "gco:CharacterString").text = value
    else:
        prop.set(NIL_REASON, "missing")


def anchor(prop: etree._Element, href: str, text: str) -> None:
    """Fill a property with a gmx:Anchor (INSPIRE recommendation for code list values)."""
    anchor = sub(prop, "gmx:Anchor")
    anchor.set(HREF, xml_text(href))
    anchor.text = xml_text(text).strip()


def text_or_anchor(prop: etree._Element, value: str, text: Optional[str] = None) -> None:
    """Write an http(s) value as an Anchor (text defaults to the URI), other values as text."""
    if value.startswith(("http://", "https://")):
        _anchor(prop, value, text or value)
    else:
        _text(prop, value)


def code(prop: etree._Element, name: str, value: str, text: Optional[str] = None) -> None:
    """Write an ISO code list element with its codeList URL and codeListValue."""
    element = sub(prop, f"gmd:{name}")
    element.set("codeList", f"{CODELIST_BASE}#{name}")
    element.set("codeListValue", xml_text(value))
    element.text = xml_text(text if text is not None else value)


def language(prop: etree._Element, code: str) -> None:
    """Write a gmd:LanguageCode with the ISO 639-2 code list (INSPIRE C.5 / 1.6)."""
    element = sub(prop, "gmd:LanguageCode")
    element.set("codeList", LANGUAGE_CODELIST)
    element.set("codeListValue", xml_text(code))
    element.text = xml_text(code)


def date(prop: etree._Element, value: str) -> bool:
    """Write gco:Date or gco:DateTime; an empty or malformed value becomes nilReason="missing"."""
    if isodates.is_date(value):
        sub(prop, "gco:Date").text = value
        return True
    if isodates.is_datetime(value):
        sub(prop, "gco:DateTime").text = value
        return True
    prop.set(NIL_REASON, "missing")
    return False


def ci_date(prop: etree._Element, value: str, date_type: str) -> None:
    """Write a gmd:CI_Date (date + date type)."""
    ci_date = sub(prop, "gmd:CI_Date")
    _date(sub(ci_date, "gmd:date"), value)
    _code(sub(ci_date, "gmd:dateType"), "CI_DateTypeCode", date_type)


# Private aliases: parameters named `text`/`code` shadow the public names inside functions.
_text, _anchor, _code, _date = text, anchor, code, date
