"""Table Schema subset: what a user sees when the attribute table does not follow the schema."""

from __future__ import annotations

import json
import re
import sys
import types

import pytest

from plugin.core.errors import GeoPublierError
from plugin.core.quality import QualityProfiler, message, to_html
from plugin.core.table_schema import (
    MAX_ROWS_LISTED,
    TableSchemaError,
    check_table,
    engine,
    engine_label,
    parse_schema,
)

SCHEMA = {
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "commune", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
        {"name": "etat", "type": "string", "constraints": {"enum": ["bon", "moyen", "mauvais"]}},
        {"name": "hauteur", "type": "number", "constraints": {"minimum": 0, "maximum": 50}},
        {"name": "date_pose", "type": "date"},
        {"name": "gestionnaire", "type": "string", "constraints": {"required": True}},
    ]
}
HEADER = ["id", "commune", "etat", "hauteur", "date_pose", "remarque"]


def by_code(findings):
    return {(f.code, f.field): f for f in findings}


def test_required_field_missing_is_named() -> None:
    findings = by_code(check_table(SCHEMA, HEADER, []))
    missing = findings[("schema.field_missing", "gestionnaire")]
    assert missing.params == {"required": True}
    assert ("schema.field_extra", "remarque") in findings


def test_each_constraint_reports_its_rows() -> None:
    rows = [
        [1, "75056", "bon", 3.5, "2021-05-01", ""],
        [1, "7505", "excellent", -1, "01/05/2021", ""],
        [None, "69123", "moyen", 99, "2021-13-01", ""],
        ["x", "13055", "bon", "2,5", "2022-01-01", ""],
    ]
    findings = by_code(check_table(SCHEMA, HEADER, rows))
    assert findings[("schema.unique", "id")].rows == [2]
    assert findings[("schema.required", "id")].rows == [3]
    assert findings[("schema.type", "id")].rows == [4]
    assert findings[("schema.pattern", "commune")].rows == [2]
    assert findings[("schema.enum", "etat")].rows == [2]
    assert findings[("schema.minimum", "hauteur")].rows == [2]
    assert findings[("schema.maximum", "hauteur")].rows == [3]
    assert findings[("schema.type", "date_pose")].rows == [2, 3]
    assert ("schema.type", "hauteur") not in findings  # "2,5" is a French decimal


def test_row_numbers_are_capped_but_counted() -> None:
    rows = [[i, "123", "bon", 1, "2020-01-01", ""] for i in range(100)]
    finding = by_code(check_table(SCHEMA, HEADER, rows))[("schema.pattern", "commune")]
    assert finding.count == 100 and len(finding.rows) == MAX_ROWS_LISTED


def test_a_conforming_table_has_no_finding() -> None:
    schema = {"fields": [f for f in SCHEMA["fields"] if f["name"] != "gestionnaire"]}
    rows = [[1, "75056", "bon", 3, "2021-05-01"], [2, "69123", None, 0, None]]
    assert check_table(schema, HEADER[:-1], rows) == []


@pytest.mark.parametrize(
    "data, code",
    [
        (b"{not json", "schema.unreadable"),
        (json.dumps({"title": "x"}).encode(), "schema.not_table_schema"),
        (b" " * 3_000_000, "schema.too_large"),
    ],
)
def test_unusable_schemas_raise_a_code(data: bytes, code: str) -> None:
    with pytest.raises(TableSchemaError) as caught:
        parse_schema(data)
    assert caught.value.code == code


def test_parse_accepts_a_bom_and_keeps_fields() -> None:
    schema = parse_schema(b"\xef\xbb\xbf" + json.dumps(SCHEMA).encode())
    assert [f["name"] for f in schema["fields"]][0] == "id"


@pytest.mark.parametrize(
    ("pattern", "detail"),
    [("[0-9", "unterminated character set"), ("(?P<x", "missing"), (12, "not a string")],
)
def test_an_invalid_pattern_names_the_field_and_the_pattern(pattern, detail: str) -> None:
    schema = {"fields": [{"name": "code_insee", "constraints": {"pattern": pattern}}]}
    with pytest.raises(TableSchemaError) as caught:
        parse_schema(json.dumps(schema).encode())
    error = caught.value
    assert isinstance(error, GeoPublierError) and not isinstance(error, re.error)
    assert error.code == "schema.pattern_invalid"
    assert (error.params["field"], error.params["pattern"]) == ("code_insee", str(pattern))
    assert detail in error.params["detail"]
    french, english = message(error, "fr"), message(error, "en")
    assert f"« {pattern} » du champ « code_insee »" in french
    assert f'pattern "{pattern}" of field "code_insee"' in english


def test_check_table_alone_also_refuses_an_invalid_pattern() -> None:
    schema = {"fields": [{"name": "code", "constraints": {"pattern": "a{2,1}"}}]}
    with pytest.raises(TableSchemaError) as caught:
        check_table(schema, ["code"], [["aa"]])
    assert caught.value.params["field"] == "code"


def test_engine_is_geopublier_without_frictionless(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "frictionless", None)  # import fails
    assert engine() == "geopublier"
    assert engine_label(engine()) == "GeoPublier"


def test_with_frictionless_the_rows_are_still_ours_and_the_label_says_so(monkeypatch) -> None:
    checked = []

    class Schema:
        @staticmethod
        def validate_descriptor(descriptor):
            checked.append(descriptor)
            return types.SimpleNamespace(errors=[])

    monkeypatch.setitem(sys.modules, "frictionless", types.SimpleNamespace(Schema=Schema))
    schema = parse_schema(json.dumps(SCHEMA).encode())
    assert checked == [SCHEMA]  # frictionless saw the descriptor…
    findings = by_code(check_table(schema, HEADER, [[1, "7505", "bon", 3, "2021-05-01", ""]]))
    assert findings[("schema.pattern", "commune")].rows == [1]  # …the rows are checked by us
    assert engine() == "geopublier+frictionless"
    profiler = QualityProfiler(
        "x",
        [("id", "Integer")],
        "EPSG:2154",
        schema=schema,
        schema_source="s.json",
        schema_engine=engine(),
    )
    report = profiler.finish()
    assert report.to_dict()["schema"]["engine_label"] == (
        "GeoPublier (schéma vérifié par frictionless)"
    )
    assert report.to_dict("en")["schema"]["engine_label"] == (
        "GeoPublier (schema checked by frictionless)"
    )
    assert "contrôle : GeoPublier (schéma vérifié par frictionless)" in to_html(report)
