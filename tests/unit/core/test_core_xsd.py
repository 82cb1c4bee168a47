"""XSD helper: real schema errors for the mistakes that break INSPIRE C.1, schema cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugin.core.errors import GeoPublierError
from plugin.core.iso19139_writer import write
from plugin.core.model import Record
from plugin.core.xsd import load_schema, validate_xsd


def test_schema_is_compiled_once_per_folder(iso19139_xsd_dir: Path) -> None:
    assert load_schema(iso19139_xsd_dir) is load_schema(str(iso19139_xsd_dir))


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        (b'<gco:Distance uom="m">0.5</gco:Distance>', b"<gco:Distance>0.5</gco:Distance>"),
        (
            b'<gmd:pass gco:nilReason="unknown"/>',
            b'<gmd:pass gco:nilReason="unknown"><gco:Boolean/></gmd:pass>',
        ),
        (b'<gml:TimePeriod gml:id="temporal-extent-1">', b"<gml:TimePeriod>"),
    ],
)
def test_known_mistakes_are_reported(
    complete_record: Record, iso19139_xsd_dir: Path, good: bytes, bad: bytes
) -> None:
    from plugin.core.model import Conformity, Resolution

    complete_record.resolutions = [Resolution(distance=0.5)]
    complete_record.conformities = [Conformity(degree=None)]
    xml = write(complete_record)
    assert good in xml
    broken = xml.replace(good, bad)
    problems = validate_xsd(broken, iso19139_xsd_dir)
    assert problems and problems[0].startswith("line ")


def test_wrong_element_order_is_reported(complete_record: Record, iso19139_xsd_dir: Path) -> None:
    xml = write(complete_record)
    start, end = xml.index(b"  <gmd:dateStamp>"), xml.index(b"</gmd:dateStamp>\n") + 17
    moved = xml[:start] + xml[end:]
    moved = moved.replace(b"</gmd:MD_Metadata>", xml[start:end] + b"</gmd:MD_Metadata>")
    assert validate_xsd(moved, iso19139_xsd_dir)


def test_missing_schema_folder_has_a_code(tmp_path: Path) -> None:
    with pytest.raises(GeoPublierError) as caught:
        validate_xsd(write(Record()), tmp_path)
    assert caught.value.code == "xsd.not_found"
