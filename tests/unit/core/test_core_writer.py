"""ISO 19139 writer: golden file, XSD validity, and the exact shapes the INSPIRE validator wants."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from plugin.core.iso19139_common import NS
from plugin.core.iso19139_writer import write
from plugin.core.model import (
    BoundingBox,
    Conformity,
    Record,
    Resolution,
    TemporalExtent,
)
from plugin.core.xsd import validate_xsd

GOLDEN = Path(__file__).parent / "golden" / "complete_record.xml"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _xpath(xml: bytes, path: str) -> list:
    return etree.fromstring(xml).xpath(path, namespaces=NS)


def test_golden_file(complete_record: Record) -> None:
    assert write(complete_record) == GOLDEN.read_bytes()


def test_complete_and_empty_records_are_xsd_valid(
    complete_record: Record, iso19139_xsd_dir: Path
) -> None:
    assert validate_xsd(write(complete_record), iso19139_xsd_dir) == []
    assert validate_xsd(write(Record()), iso19139_xsd_dir) == []


def test_themes_block_uses_anchors_and_exact_gemet_citation(
    complete_record: Record, iso19139_xsd_dir: Path
) -> None:
    complete_record.inspire_themes = ["pd", "us"]
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    block = _xpath(
        xml,
        "//gmd:MD_Keywords[gmd:thesaurusName//gmd:title/gmx:Anchor"
        "='GEMET - INSPIRE themes, version 1.0']",
    )
    assert len(block) == 1
    labels = [a.text for a in block[0].xpath("gmd:keyword/gmx:Anchor", namespaces=NS)]
    assert labels == [
        "R\u00e9partition de la population \u2014 d\u00e9mographie",
        "Services d'utilit\u00e9 publique et services publics",
    ]
    dates = block[0].xpath(
        ".//gmd:CI_Date[gmd:dateType/*/@codeListValue='publication']/gmd:date/gco:Date/text()",
        namespaces=NS,
    )
    assert dates == ["2008-06-01"]


def test_english_metadata_uses_english_labels(
    complete_record: Record, iso19139_xsd_dir: Path
) -> None:
    complete_record.metadata_language = "eng"
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    assert _xpath(
        xml, "//gmd:keyword/gmx:Anchor[@xlink:href='http://inspire.ec.europa.eu/theme/lu']/text()"
    ) == ["Land use"]


def test_access_and_use_are_separate_blocks(
    complete_record: Record, iso19139_xsd_dir: Path
) -> None:
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    blocks = _xpath(xml, "//gmd:resourceConstraints/gmd:MD_LegalConstraints")
    assert len(blocks) == 2
    access, use = blocks
    assert access.xpath("gmd:accessConstraints/*/@codeListValue", namespaces=NS) == [
        "otherRestrictions"
    ]
    assert access.xpath("gmd:otherConstraints/gmx:Anchor/@xlink:href", namespaces=NS) == [
        "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations"
    ]
    assert use.xpath("gmd:useConstraints/*/@codeListValue", namespaces=NS) == ["otherRestrictions"]
    assert use.xpath("gmd:otherConstraints/gmx:Anchor/@xlink:href", namespaces=NS) == [
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
    ]


def test_conformity_degrees(complete_record: Record, iso19139_xsd_dir: Path) -> None:
    complete_record.conformities = [Conformity(degree=None), Conformity(degree=True)]
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    passes = _xpath(xml, "//gmd:DQ_ConformanceResult/gmd:pass")
    assert passes[0].get("{http://www.isotc211.org/2005/gco}nilReason") == "unknown"
    assert len(passes[0]) == 0
    assert passes[1].xpath("gco:Boolean/text()", namespaces=NS) == ["true"]
    titles = _xpath(xml, "//gmd:specification//gmd:title/gmx:Anchor/text()")
    assert "R\u00e8glement (UE) n o 1089/2010 de la Commission du 23 novembre 2010" in titles[0]
    assert len(_xpath(xml, "//gmd:DQ_DataQuality")) == 1


def test_bbox_has_two_decimals_and_keeps_precision(
    complete_record: Record, iso19139_xsd_dir: Path
) -> None:
    complete_record.bboxes = [
        BoundingBox(-5, 9.56012345678, 41.3, 51.1),
        BoundingBox(1e-05, 2, 3, 4),
    ]
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    values = _xpath(xml, "//gmd:EX_GeographicBoundingBox//gco:Decimal/text()")
    assert values[:4] == ["-5.00", "9.56012345678", "41.30", "51.10"]
    assert values[4] == "0.00001"
    assert all(re.match(r"^-?\d+\.\d{2,}$", value) for value in values)


def test_language_crs_and_encodings(complete_record: Record, iso19139_xsd_dir: Path) -> None:
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    assert _xpath(xml, "/gmd:MD_Metadata/gmd:language/gmd:LanguageCode/@codeListValue") == ["fre"]
    code = _xpath(xml, "//gmd:referenceSystemInfo//gmd:RS_Identifier/gmd:code/gmx:Anchor")[0]
    assert (code.get(XLINK_HREF), code.text) == (
        "http://www.opengis.net/def/crs/EPSG/0/2154",
        "EPSG:2154",
    )
    assert _xpath(xml, "//gmd:RS_Identifier/gmd:codeSpace") == []
    versions = _xpath(xml, "//gmd:MD_Format/gmd:version")
    assert versions[1].get("{http://www.isotc211.org/2005/gco}nilReason") == "unknown"


def test_hostile_text_cannot_break_the_xml(complete_record: Record, iso19139_xsd_dir: Path) -> None:
    nasty = "A & B < C > D \" ' ]]> <!-- --> \u00e9\u00e8\u00e7 \U0001f30d \x00\x0b fin"
    complete_record.title = nasty
    complete_record.abstract = "\u00c9t\u00e9 " * 20000
    complete_record.lineage = "</gco:CharacterString><evil/>"
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    title = _xpath(xml, "//gmd:citation//gmd:title/gco:CharacterString/text()")[0]
    assert title == nasty.replace("\x00", "").replace("\x0b", "")
    assert _xpath(xml, "//gmd:lineage//gco:CharacterString/text()") == [
        "</gco:CharacterString><evil/>"
    ]
    assert len(_xpath(xml, "//gmd:abstract/gco:CharacterString/text()")[0]) == 4 * 20000 - 1


def test_no_whitespace_inside_text_elements(
    complete_record: Record, iso19139_xsd_dir: Path
) -> None:
    complete_record.title = "  Titre avec espaces  \n"
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    for text in _xpath(xml, "//gco:CharacterString/text() | //gmx:Anchor/text()"):
        assert text == text.strip()


def test_invalid_values_are_left_out_but_stay_xsd_valid(iso19139_xsd_dir: Path) -> None:
    record = Record(
        creation_date="15/01/2025",
        metadata_date="hier",
        temporal_extent=TemporalExtent("2020", "jamais"),
        resolutions=[Resolution(distance=0.5, uom="")],
    )
    assert validate_xsd(write(record), iso19139_xsd_dir) == []
