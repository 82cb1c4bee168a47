"""Pieces of the ISO 19139 reader: parties, keywords, legal constraints, attribute table."""

from __future__ import annotations

from lxml import etree

from . import codelists
from .iso19139_common import (
    ATTRIBUTES_HEADER,
    CONDITIONS_REGISTRY,
    HREF,
    LIMITATIONS_REGISTRY,
    code_of,
    find_all,
    first,
    text_of,
    value_of,
)
from .issues import WARNING, Issue
from .model import Attribute, Keyword, KeywordGroup, Record, ResponsibleParty

GEMET_TITLE = "gemet - inspire themes"
_NO_LIMITATION_TEXTS = ("no limitation", "pas de restriction", "aucune restriction")


def read_party(rp: etree._Element) -> ResponsibleParty:
    """Read a CI_ResponsibleParty (first e-mail, phone and web address)."""
    contact = first(rp, "gmd:contactInfo/gmd:CI_Contact")
    url = first(contact, "gmd:onlineResource/gmd:CI_OnlineResource/gmd:linkage/gmd:URL")
    return ResponsibleParty(
        organisation=text_of(first(rp, "gmd:organisationName")),
        individual=text_of(first(rp, "gmd:individualName")),
        email=text_of(first(contact, "gmd:address/gmd:CI_Address/gmd:electronicMailAddress")),
        phone=text_of(first(contact, "gmd:phone/gmd:CI_Telephone/gmd:voice")),
        url=(url.text or "").strip() if url is not None else "",
        role=code_of(first(rp, "gmd:role/gmd:CI_RoleCode")),
    )


def read_keywords(blocks: list[etree._Element], record: Record, warnings: list[Issue]) -> None:
    """Sort keyword blocks into INSPIRE themes, thesaurus groups and free keywords."""
    for block in blocks:
        cit = first(block, "gmd:thesaurusName/gmd:CI_Citation")
        title = text_of(first(cit, "gmd:title"))
        keywords = [
            Keyword(label=text_of(k), uri=_href(k))
            for k in find_all(block, "gmd:keyword")
            if text_of(k) or _href(k)
        ]
        if GEMET_TITLE in " ".join(title.split()).casefold():
            _read_themes(keywords, record, warnings)
        elif cit is not None and title:
            ci_date = first(cit, "gmd:date/gmd:CI_Date")
            date_prop = first(ci_date, "gmd:date")
            record.keyword_groups.append(
                KeywordGroup(
                    thesaurus_title=title,
                    thesaurus_date=_date_of(date_prop),
                    thesaurus_date_type=code_of(first(ci_date, "gmd:dateType/gmd:CI_DateTypeCode")),
                    thesaurus_uri=_href(first(cit, "gmd:title")),
                    keywords=keywords,
                )
            )
        else:
            record.free_keywords.extend(k.label for k in keywords if k.label)


def _href(prop: etree._Element) -> str:
    """Return the xlink:href of a property's Anchor, or ""."""
    anchor = first(prop, "gmx:Anchor")
    return (anchor.get(HREF, "") if anchor is not None else "").strip()


def _date_of(prop: etree._Element) -> str:
    """Return the gco:Date or gco:DateTime text of a date property."""
    for name in ("gco:Date", "gco:DateTime"):
        found = first(prop, name)
        if found is not None and found.text:
            return found.text.strip()
    return ""


def _read_themes(keywords: list[Keyword], record: Record, warnings: list[Issue]) -> None:
    """Map GEMET keywords (URI, code, French or English label) to INSPIRE theme codes."""
    lookup = codelists.theme_lookup()
    folded = {key.casefold(): code for key, code in lookup.items()}
    for keyword in keywords:
        code = lookup.get(keyword.uri) or lookup.get(keyword.label)
        if code is None:
            code = folded.get(keyword.label.casefold())
        if code is None:
            warnings.append(
                Issue(
                    "read.theme_unknown",
                    "inspire_themes",
                    WARNING,
                    {"label": keyword.label or keyword.uri},
                )
            )
        elif code not in record.inspire_themes:
            record.inspire_themes.append(code)


def is_limitation_block(legal: etree._Element) -> bool:
    """True when an MD_LegalConstraints block states limitations on public access: a registry
    Anchor, or no useConstraints and nothing that reads as conditions or a licence."""
    entries = [(value_of(p), text_of(p)) for p in find_all(legal, "gmd:otherConstraints")]
    hrefs = [href for href, _ in entries]
    return any(LIMITATIONS_REGISTRY in h for h in hrefs) or (
        first(legal, "gmd:useConstraints") is None
        and not any(CONDITIONS_REGISTRY in h for h in hrefs)
        and not any(_licence_of(h, t) for h, t in entries)
    )


def limitation_of(prop: etree._Element) -> str:
    """The limitation an otherConstraints of a limitations block states: registry code, code of
    a known label, or the text as written ("" when empty)."""
    href, text = value_of(prop), text_of(prop)
    if LIMITATIONS_REGISTRY in href:
        return href.rstrip("/").rsplit("/", 1)[-1]
    return _limitation_code(text) if text else ""


LIMITATION, LICENCE, CONDITION, RESTATED = "limitation", "licence", "condition", "restated"


def constraint_entries(di: etree._Element) -> list[tuple[etree._Element, str, str]]:
    """Every otherConstraints and useLimitation of the resource, as (element, kind, value).

    Kinds: `limitation` (code or text), `licence` (the first licence or INSPIRE condition
    code), `condition` (a text of the conditions for use), `restated` (a useLimitation that only
    repeats the conditions or the licence name).
    """
    entries: list[tuple[etree._Element, str, str]] = []
    licence = ""
    for legal in find_all(di, "gmd:resourceConstraints/gmd:MD_LegalConstraints"):
        is_limitation = is_limitation_block(legal)
        for prop in find_all(legal, "gmd:otherConstraints"):
            href, text = value_of(prop), text_of(prop)
            if LIMITATIONS_REGISTRY in href or (is_limitation and text):
                entries.append((prop, LIMITATION, limitation_of(prop)))
            elif CONDITIONS_REGISTRY in href and not licence:
                licence = href.rstrip("/").rsplit("/", 1)[-1]
                entries.append((prop, LICENCE, licence))
            elif _licence_of(href, text) and not licence:
                licence = _licence_of(href, text)
                entries.append((prop, LICENCE, licence))
            elif text:
                line = text if href == text or not href else f"{text} ({href})"
                entries.append((prop, CONDITION, line))
    lines = [value for _, kind, value in entries if kind == CONDITION]
    said = "\n".join(lines)
    for prop in find_all(di, "gmd:resourceConstraints/*/gmd:useLimitation"):
        text = text_of(prop)
        if not text:
            continue
        repeated = text in lines or _restates(text, said, licence)
        entries.append((prop, RESTATED if repeated else CONDITION, text))
        if not repeated:
            lines.append(text)
    return entries


def read_constraints(di: etree._Element, record: Record, warnings: list[Issue]) -> None:
    """Read limitations on public access and conditions for access and use."""
    conditions: list[str] = []
    for prop, kind, value in constraint_entries(di):
        if kind == LIMITATION:
            _add(record.access_limitations, value)
        elif kind == LICENCE:
            record.licence = value
        elif kind == CONDITION:
            conditions.append(value)
            if etree.QName(prop).localname == "useLimitation":
                warnings.append(Issue("read.use_limitation", "use_conditions", WARNING, {}))
    record.use_conditions = "\n".join(conditions)


def _restates(text: str, conditions: str, licence: str) -> bool:
    """True when a useLimitation only repeats the conditions or names the licence (as our
    writer puts them there for GeoNetwork's rule M45)."""
    if text == conditions:
        return True
    entry = codelists.get("licences", licence) or codelists.get("conditions_access_use", licence)
    return bool(entry) and text in (entry.get("fr"), entry.get("en"))


def _add(items: list[str], value: str) -> None:
    """Append `value` unless already present."""
    if value and value not in items:
        items.append(value)


def _licence_of(href: str, text: str) -> str:
    """Return the licence id an Anchor or text designates, or ""."""
    if href.startswith("http"):
        found = codelists.licence_by_url(href)
        if found:
            return found
    return codelists.licence_by_title(text) or codelists.licence_in_text(text) or ""


def _limitation_code(text: str) -> str:
    """Map a limitation written as text to its code when recognisable; keep the text otherwise."""
    folded = text.casefold()
    for entry in codelists.values("limitations_on_public_access"):
        if folded in (entry["fr"].casefold(), entry["en"].casefold()):
            return str(entry["code"])
    if any(marker in folded for marker in _NO_LIMITATION_TEXTS):
        return "noLimitations"
    return text


def read_attributes(text: str) -> list:
    """Parse the attribute table written by the writer's `attributes_text` (else nothing)."""
    if ATTRIBUTES_HEADER not in text:
        return []
    lines = (ATTRIBUTES_HEADER + text.split(ATTRIBUTES_HEADER, 1)[1]).split("\n")
    result = []
    for line in lines[1:]:
        if line.startswith("- "):
            cells = _split_cells(line[2:])
            cells += [""] * (4 - len(cells))
            result.append(Attribute(*cells[:4]))
    return result


def _split_cells(line: str) -> list[str]:
    """Split on unescaped "|" then undo the escaping and the padding spaces."""
    cells, current, index = [], [], 0
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line):
            nxt = line[index + 1]
            current.append("\n" if nxt == "n" else nxt)
            index += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current))
    last = len(cells) - 1
    return [
        cell[
            1 if i > 0 and cell.startswith(" ") else 0 : len(cell)
            - (1 if i < last and cell.endswith(" ") else 0)
        ]
        for i, cell in enumerate(cells)
    ]
