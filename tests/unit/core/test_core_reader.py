"""ISO 19139 reader: exact round trips, real-world records, hostile documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugin.core.errors import XmlInputError
from plugin.core.iso19139_reader import read, read_with_warnings
from plugin.core.iso19139_writer import write
from plugin.core.model import (
    Attribute,
    Conformity,
    Identifier,
    Record,
    Resolution,
    TemporalExtent,
)
from plugin.core.xsd import validate_xsd


def test_round_trip_complete(complete_record: Record, iso19139_xsd_dir: Path) -> None:
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    back, warnings = read_with_warnings(xml)
    assert back == complete_record
    assert warnings == []


@pytest.mark.parametrize(
    "change",
    [
        {"resource_type": "series"},
        {"conformities": [Conformity(degree=True), Conformity(degree=None, explanation="")]},
        {"conformities": []},
        {"temporal_extent": TemporalExtent("", "")},
        {"temporal_extent": TemporalExtent("2020-01-01T08:00:00+01:00", "2021")},
        {"temporal_extent": None},
        {"identifier": Identifier("ZONAGE-01", "FR-213100016")},
        {"identifier": Identifier("no-namespace")},
        {"resolutions": [Resolution(distance=0.25, uom="m"), Resolution(scale=25000)]},
        {
            "attributes": [
                Attribute("a|b", "String", "back\\slash", "ligne 1\nligne 2"),
                Attribute("vide", "", "", ""),
            ]
        },
        {"licence": "noConditionsApply", "use_conditions": ""},
        {"licence": "odc-odbl"},
        {
            "access_limitations": [
                "INSPIRE_Directive_Article13_1f",
                "INSPIRE_Directive_Article13_1b",
            ]
        },
        {"inspire_themes": ["pd", "us", "er", "am"], "metadata_language": "eng"},
        {"metadata_date": "2024-07-01T09:30:00+02:00", "revision_date": ""},
        {"geometry_type": "", "feature_count": None},
        {"title": "A & B < C > \"D\" 'E' \u00e9\u00e8 \U0001f30d" * 50},
    ],
)
def test_round_trip_variants(complete_record: Record, change: dict, iso19139_xsd_dir: Path) -> None:
    for name, value in change.items():
        setattr(complete_record, name, value)
    xml = write(complete_record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    assert read(xml) == complete_record


def test_round_trip_empty_record_keeps_what_it_has(iso19139_xsd_dir: Path) -> None:
    record = Record(
        metadata_date="2024-01-01", conformities=[], access_limitations=[], resource_languages=[]
    )
    xml = write(record)
    assert validate_xsd(xml, iso19139_xsd_dir) == []
    back, warnings = read_with_warnings(xml)
    assert back == record
    assert {w.field for w in warnings} >= {"title", "abstract", "bboxes", "lineage"}


def test_geonetwork_style_sandre_record(iso_fixture_dir: Path) -> None:
    data = (iso_fixture_dir / "cnig_MasseDEauRiviere_VRAP2022_acorriger.xml").read_bytes()
    record = read(data)
    assert record.title == (
        "Masses d'eau cours d'eau - France Enti\u00e8re - Version Rapportage 2022"
    )
    assert record.inspire_themes == ["am"]
    assert record.topic_categories == ["inlandWaters"]
    assert record.reference_systems == ["EPSG:4326"]
    assert record.licence == "fr-lo"
    assert record.access_limitations == ["noLimitations"]
    assert record.metadata_contacts[0].email == "sandre@sandre.eaufrance.fr"
    assert record.bboxes[0].west == -61.798
    assert [c.degree for c in record.conformities] == [True, False, False]
    assert record.keyword_groups[0].thesaurus_title == "Th\u00e9saurus Eau"


def test_ign_series_record_with_anchors(iso_fixture_dir: Path) -> None:
    record = read((iso_fixture_dir / "cnig_IGNF_BDTOPOr_3.xml").read_bytes())
    assert record.resource_type == "series"
    assert record.inspire_themes == ["tn", "hy", "gn", "au", "lc", "el", "us", "bu"]
    assert record.licence == "noConditionsApply"
    assert "EPSG:2154" in record.reference_systems and len(record.bboxes) == 9
    assert record.resolutions == [Resolution(distance=1.0), Resolution(scale=10000)]
    assert record.conformities[0].degree is True


def test_gml31_record_from_pycsw(iso_fixture_dir: Path, iso19139_xsd_dir: Path) -> None:
    record, warnings = read_with_warnings(
        (iso_fixture_dir / "pycsw_T_ortho_RAS_1998_284404.xml").read_bytes()
    )
    assert record.temporal_extent == TemporalExtent("1997-01-01", "1999-01-01")
    assert record.inspire_themes == ["oi"]
    assert record.metadata_language == "eng"
    assert record.use_conditions == "no conditions apply"
    assert "reference_systems" in {w.field for w in warnings}
    assert validate_xsd(write(record), iso19139_xsd_dir) == []  # rewritten as GML 3.2


def test_real_records_rewrite_xsd_valid_and_stable(
    iso_fixture_dir: Path, iso19139_xsd_dir: Path
) -> None:
    for path in sorted(iso_fixture_dir.glob("*.xml")):
        record = read(path.read_bytes())
        xml = write(record)
        assert validate_xsd(xml, iso19139_xsd_dir) == [], path.name
        assert read(xml) == record, path.name


def test_record_inside_a_csw_response(complete_record: Record) -> None:
    body = write(complete_record).split(b"?>", 1)[1]
    wrapped = (
        b'<csw:GetRecordByIdResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
        + body
        + b"</csw:GetRecordByIdResponse>"
    )
    assert read(wrapped) == complete_record


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">&xxe;</gmd:MD_Metadata>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">&lol3;</gmd:MD_Metadata>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE gmd:MD_Metadata SYSTEM "http://127.0.0.1:9/evil.dtd">
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"/>"""


@pytest.mark.parametrize("document", [XXE, LAUGHS, EXTERNAL_DTD])
def test_hostile_documents_are_refused(document: bytes) -> None:
    with pytest.raises(XmlInputError) as caught:
        read(document)
    assert caught.value.code == "xml.doctype_forbidden"
    assert b"root:" not in str(caught.value).encode()


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (b"", "xml.empty"),
        (b"<gmd:MD_Metadata", "xml.malformed"),
        (b"<html><body>404</body></html>", "xml.not_iso19139"),
    ],
)
def test_broken_documents_have_codes(document: bytes, code: str) -> None:
    with pytest.raises(XmlInputError) as caught:
        read(document)
    assert caught.value.code == code


def test_size_limit(complete_record: Record) -> None:
    xml = write(complete_record)
    with pytest.raises(XmlInputError) as caught:
        read(xml, max_bytes=len(xml) - 1)
    assert caught.value.code == "xml.too_large"
    assert caught.value.params == {"size": len(xml), "max": len(xml) - 1}
