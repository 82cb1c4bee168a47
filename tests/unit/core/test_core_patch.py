"""Patching writer: real published records survive import and republication.

Each record of `tests/data/records/` (see SOURCES.md there) is imported as the dialog does (read,
then merged into the record pre-filled from a layer), edited, and written back; the written
document is compared with the original value by value.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from plugin.core.iso19139_common import NS
from plugin.core.iso19139_patch import edited_fields
from plugin.core.iso19139_reader import read, read_with_warnings
from plugin.core.iso19139_writer import write
from plugin.core.kept import kept_elements
from plugin.core.merge import merge_records
from plugin.core.model import (
    Attribute,
    BoundingBox,
    Encoding,
    Keyword,
    OnlineResource,
    Record,
)
from plugin.core.rules import validate
from plugin.core.xsd import validate_xsd
from tests.record_values import element_paths, kept_share

RECORDS = sorted((Path(__file__).parents[2] / "data" / "records").glob("*.xml"))
TODAY = "2031-05-04"
WMS = OnlineResource(
    url="https://geo.example.fr/ows?SERVICE=WMS&REQUEST=GetCapabilities",
    protocol="http://www.opengis.net/def/serviceType/ogc/wms",
    name="couche",
)


def _imported(path: Path) -> Record:
    record, _ = read_with_warnings(path.read_bytes(), keep_document=True)
    return record


def _layer_record() -> Record:
    """What the pre-fill reads from a layer before the import is merged into it."""
    return Record(
        title="couche",
        bboxes=[BoundingBox(1.0, 2.0, 45.0, 46.0)],
        reference_systems=["EPSG:2154"],
        encodings=[Encoding("GeoPackage", "1.3")],
        geometry_type="surface",
        feature_count=12,
        attributes=[Attribute("id", "Integer", "", "")],
        spatial_representation_type="vector",
    )


def test_corpus_has_ten_real_records() -> None:
    assert len(RECORDS) >= 10
    assert (RECORDS[0].parent / "SOURCES.md").read_text(encoding="utf-8").count(".xml |") >= 10


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_unedited_record_keeps_every_element_in_order(path: Path) -> None:
    original = path.read_bytes()
    record = _imported(path)
    record.metadata_date = TODAY
    written = write(record)
    assert kept_share(original, written) == (1.0, [])
    # Same elements in the same order; only what GeoNetwork's INSPIRE rules (M45) and the
    # validator (C.17) require may be added: accessConstraints "otherRestrictions" in the
    # limitations block, a useLimitation with the conditions.
    before, after = element_paths(original), element_paths(written)
    may_add = re.compile(r"}(accessConstraints|useLimitation)(/|$)")
    assert [p for p in after if not may_add.search(p)] == [
        p for p in before if not may_add.search(p)
    ]
    assert not Counter(p for p in before if may_add.search(p)) - Counter(after)
    stamp = etree.fromstring(written).find("gmd:dateStamp/gco:Date", NS)
    assert stamp is not None and stamp.text == TODAY
    assert edited_fields(record) == ["metadata_date"]


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_edited_record_keeps_95_percent_and_says_the_edits(
    path: Path, iso19139_xsd_dir: Path
) -> None:
    original = path.read_bytes()
    record = merge_records(_layer_record(), _imported(path))
    record.title += " (mise à jour)"
    record.free_keywords = [*record.free_keywords, "données ouvertes"]
    record.licence, record.use_conditions = "lov2", "Réutilisation libre, citer la source."
    record.locators = [*record.locators, WMS]
    record.metadata_date = TODAY
    written = write(record)
    share, lost = kept_share(original, written)
    assert share >= 0.95, lost
    back = read(written)
    for name in ("title", "free_keywords", "licence", "use_conditions", "locators", "bboxes"):
        assert getattr(back, name) == getattr(record, name), name
    assert len(validate_xsd(written, iso19139_xsd_dir)) <= len(
        validate_xsd(original, iso19139_xsd_dir)
    )


def _document(body: str, extra_ns: str = "") -> bytes:
    return (
        '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
        'xmlns:gco="http://www.isotc211.org/2005/gco" '
        'xmlns:gmx="http://www.isotc211.org/2005/gmx" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink"{extra_ns}>'
        "<gmd:fileIdentifier><gco:CharacterString>id-1</gco:CharacterString></gmd:fileIdentifier>"
        "<gmd:dateStamp><gco:Date>2020-01-01</gco:Date></gmd:dateStamp>"
        "<gmd:identificationInfo><gmd:MD_DataIdentification>"
        "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>Titre"
        "</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:citation>"
        f"<gmd:abstract><gco:CharacterString>Résumé</gco:CharacterString></gmd:abstract>{body}"
        "</gmd:MD_DataIdentification></gmd:identificationInfo></gmd:MD_Metadata>"
    ).encode()


def test_an_edit_keeps_the_anchor_and_translations_of_the_edited_text() -> None:
    doc = _document("").replace(
        b"<gmd:title><gco:CharacterString>Titre</gco:CharacterString></gmd:title>",
        b'<gmd:title><gmx:Anchor xlink:href="http://example.org/t">Titre</gmx:Anchor></gmd:title>',
    )
    record, _ = read_with_warnings(doc, keep_document=True)
    record.title = "Nouveau titre"
    root = etree.fromstring(write(record))
    anchor = root.find(".//gmd:citation/gmd:CI_Citation/gmd:title/gmx:Anchor", NS)
    assert anchor is not None and anchor.text == "Nouveau titre"
    assert anchor.get("{http://www.w3.org/1999/xlink}href") == "http://example.org/t"


def test_profile_extensions_and_their_namespaces_survive_an_edit() -> None:
    doc = _document(
        "<gmd:graphicOverview><gmd:MD_BrowseGraphic><gmd:fileName><gco:CharacterString>"
        "https://example.org/apercu.png</gco:CharacterString></gmd:fileName>"
        "</gmd:MD_BrowseGraphic></gmd:graphicOverview>"
        "<gmd:topicCategory><gmd:MD_TopicCategoryCode>boundaries</gmd:MD_TopicCategoryCode>"
        "</gmd:topicCategory>",
        ' xmlns:fra="http://www.cnig.gouv.fr/2005/fra"',
    )
    record, _ = read_with_warnings(doc, keep_document=True)
    record.topic_categories = ["planningCadastre", "boundaries"]
    record.abstract = "Résumé revu"
    written = write(record)
    root = etree.fromstring(written)
    assert root.nsmap["fra"] == "http://www.cnig.gouv.fr/2005/fra"
    assert root.find(".//gmd:graphicOverview", NS) is not None
    di = root.find(".//gmd:MD_DataIdentification", NS)
    names = [etree.QName(c).localname for c in di]
    assert names == ["citation", "abstract", "graphicOverview", "topicCategory", "topicCategory"]
    assert read(written).topic_categories == ["planningCadastre", "boundaries"]


def test_locators_the_form_drops_go_others_stay_untouched() -> None:
    online = (
        "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>{}</gmd:URL></gmd:linkage>"
        "<gmd:name><gco:CharacterString>{}</gco:CharacterString></gmd:name>"
        "</gmd:CI_OnlineResource></gmd:onLine>"
    )
    doc = _document("").replace(
        b"</gmd:identificationInfo>",
        (
            "</gmd:identificationInfo><gmd:distributionInfo><gmd:MD_Distribution>"
            "<gmd:distributor><gmd:MD_Distributor><gmd:distributorContact/></gmd:MD_Distributor>"
            "</gmd:distributor><gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
            + online.format("https://portail.example.org/page", "page du portail")
            + online.format("https://old.example.org/wms", "ancien WMS")
            + "</gmd:MD_DigitalTransferOptions></gmd:transferOptions>"
            "</gmd:MD_Distribution></gmd:distributionInfo>"
        ).encode(),
    )
    record, _ = read_with_warnings(doc, keep_document=True)
    record.locators = [record.locators[0], WMS]
    written = write(record)
    assert read(written).locators == record.locators
    assert b"<gmd:distributor>" in written
    assert written.count(b"https://portail.example.org/page") == 1


def test_keyword_groups_are_patched_block_by_block() -> None:
    block = (
        "<gmd:descriptiveKeywords><gmd:MD_Keywords>"
        '<gmd:keyword><gmx:Anchor xlink:href="http://ex.org/k1">un</gmx:Anchor></gmd:keyword>'
        "<gmd:thesaurusName><gmd:CI_Citation><gmd:title><gco:CharacterString>{}"
        "</gco:CharacterString></gmd:title><gmd:date><gmd:CI_Date><gmd:date><gco:Date>2019-01-01"
        '</gco:Date></gmd:date><gmd:dateType><gmd:CI_DateTypeCode codeList="x" '
        'codeListValue="publication"/></gmd:dateType></gmd:CI_Date></gmd:date>'
        "</gmd:CI_Citation></gmd:thesaurusName></gmd:MD_Keywords></gmd:descriptiveKeywords>"
    )
    doc = _document(block.format("Vocabulaire A") + block.format("Vocabulaire B"))
    record, _ = read_with_warnings(doc, keep_document=True)
    record.keyword_groups[1].keywords.append(Keyword(label="deux"))
    written = write(record)
    back = read(written)
    assert [k.label for k in back.keyword_groups[1].keywords] == ["un", "deux"]
    assert back.keyword_groups[0] == record.keyword_groups[0]
    assert written.count(b'codeList="x"') == 2  # the citations were not rewritten


def test_a_record_made_here_is_written_afresh() -> None:
    record = Record(title="Nouvelle fiche")
    assert edited_fields(record) == []
    assert b"Nouvelle fiche" in write(record)


def test_the_checklist_judges_the_document_an_import_becomes() -> None:
    """What the form does not show still counts: an undated GEMET citation (C.15), a second
    quality section (1.9), elements out of schema order (C.1)."""
    doc = _document(
        "<gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword><gco:CharacterString>"
        "Hydrographie</gco:CharacterString></gmd:keyword><gmd:thesaurusName><gmd:CI_Citation>"
        "<gmd:title><gco:CharacterString>GEMET - INSPIRE themes, version 1.0"
        "</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:thesaurusName>"
        "</gmd:MD_Keywords></gmd:descriptiveKeywords>"
    ).replace(
        b"</gmd:identificationInfo>",
        b"</gmd:identificationInfo>"
        + b"<gmd:dataQualityInfo><gmd:DQ_DataQuality/></gmd:dataQualityInfo>" * 2,
    )
    record, _ = read_with_warnings(doc, keep_document=True)
    codes = {issue.code: issue for issue in validate(record)}
    assert codes["document.thesaurus_undated"].field == "inspire_themes"
    assert codes["document.several_quality"].params["count"] == 2
    assert "document.order" not in codes
    swapped = doc.replace(
        b"<gmd:abstract><gco:CharacterString>R\xc3\xa9sum\xc3\xa9</gco:CharacterString>"
        b"</gmd:abstract>",
        b"",
    ).replace(
        b"<gmd:citation>",
        b"<gmd:abstract><gco:CharacterString>x</gco:CharacterString></gmd:abstract><gmd:citation>",
    )
    record, _ = read_with_warnings(swapped, keep_document=True)
    assert any(i.code == "document.order" for i in validate(record))
    assert all(not i.code.startswith("document.") for i in validate(Record(title="ici")))


def test_geonetwork_languages_and_use_limitation() -> None:
    record = Record(resource_languages=["zxx"], metadata_language="fre")
    assert "resource_language.geonetwork" in {i.code for i in validate(record)}
    record.resource_languages = ["zxx", "fre"]
    assert "resource_language.geonetwork" not in {i.code for i in validate(record)}
    record.licence, record.use_conditions = "lov2", ""
    root = etree.fromstring(write(record))
    limitation = root.find(".//gmd:resourceConstraints/*/gmd:useLimitation/gco:CharacterString", NS)
    assert (
        limitation is not None and limitation.text == "Licence Ouverte / Open Licence version 2.0"
    )


def test_what_an_import_keeps_beyond_the_form_is_counted() -> None:
    record = _imported(RECORDS[0].parent / "ign-bdtopo.xml")
    kept = kept_elements(record)
    assert "1 distributeur" in kept and "9 identifiants géographiques" in kept
    assert "1 distributor" in kept_elements(record, "en")
    assert kept_elements(Record(title="ici")) == []
