"""Rules on the document a patched record becomes, for what the form does not hold.

An imported record keeps elements the model does not read (a second quality section, the GEMET
block's own citation, dates of other types…). The INSPIRE validator and GeoNetwork's INSPIRE
rules judge the written document, so the checklist does too: these checks run on what
`write(record)` gives for a record that has a source document.
"""

from __future__ import annotations

from lxml import etree

from . import isodates
from .iso19139_common import code_of, find_all, first, text_of
from .iso19139_tree import ORDERS, local
from .issues import ERROR, Issue
from .xmlsafe import parse_xml

DATE_TYPES = ("publication", "revision", "creation")


def check_document(xml: bytes) -> list[Issue]:
    """Issues the written document has that the record's fields do not show."""
    root = parse_xml(xml)
    issues: list[Issue] = []
    _thesaurus_citations(root, issues)
    _citation_dates(root, issues)
    _quality_sections(root, issues)
    _element_order(root, issues)
    return issues


def _date_ok(ci_date: etree._Element, types: tuple[str, ...]) -> bool:
    value = first(ci_date, "gmd:date/gco:Date")
    if value is None:
        value = first(ci_date, "gmd:date/gco:DateTime")
    kind = code_of(first(ci_date, "gmd:dateType/gmd:CI_DateTypeCode"))
    return value is not None and isodates.is_iso((value.text or "").strip()) and kind in types


def _thesaurus_citations(root: etree._Element, issues: list[Issue]) -> None:
    """C.15: every vocabulary cited has a title and a dated citation (also blocks the form
    does not show, such as an imported GEMET block without date)."""
    for block in find_all(
        root,
        "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:descriptiveKeywords/gmd:MD_Keywords",
    ):
        citation = first(block, "gmd:thesaurusName/gmd:CI_Citation")
        if first(block, "gmd:thesaurusName") is None:
            continue
        title = text_of(first(citation, "gmd:title"))
        dated = any(_date_ok(d, DATE_TYPES) for d in find_all(citation, "gmd:date/gmd:CI_Date"))
        if not title or not dated:
            field = "inspire_themes" if "gemet" in title.casefold() else "keyword_groups"
            params = {"req": "C.15", "thesaurus": title or "?"}
            issues.append(Issue("document.thesaurus_undated", field, ERROR, params))


def _citation_dates(root: etree._Element, issues: list[Issue]) -> None:
    """C.11: each date of the resource citation is a valid creation, publication or revision
    date (an imported record may carry other date types the form does not show)."""
    citation = first(
        root, "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:citation/gmd:CI_Citation"
    )
    for ci_date in find_all(citation, "gmd:date/gmd:CI_Date"):
        if not _date_ok(ci_date, DATE_TYPES):
            kind = code_of(first(ci_date, "gmd:dateType/gmd:CI_DateTypeCode")) or "?"
            params = {"req": "C.11", "type": kind}
            issues.append(Issue("document.citation_date", "creation_date", ERROR, params))


def _quality_sections(root: etree._Element, issues: list[Issue]) -> None:
    """1.9: one data quality section, whose scope is the dataset or series."""
    sections = find_all(root, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
    if len(sections) > 1:
        params = {"req": "1.9", "count": len(sections)}
        issues.append(Issue("document.several_quality", "lineage", ERROR, params))


def _element_order(root: etree._Element, issues: list[Issue]) -> None:
    """C.1: the XML Schema fixes the order of elements; an imported record may break it
    (e.g. gmd:protocol after gmd:name), and a catalogue then refuses or flags it."""
    for element in root.iter():
        order = ORDERS.get(local(element))
        if not order:
            continue
        ranks = [(order.index(local(c)), local(c)) for c in element if local(c) in order]
        for (before, first_name), (after, second_name) in zip(ranks, ranks[1:]):
            if after < before:
                params = {"req": "C.1", "element": local(element), "name": second_name}
                params["after"] = first_name
                issues.append(Issue("document.order", "", ERROR, params))
                break
