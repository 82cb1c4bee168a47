"""Quality report computed from streamed facts: what the user reads before opening the data."""

from __future__ import annotations

import json

from plugin.core.quality import (
    ERROR,
    GEOMETRY_EMPTY,
    GEOMETRY_INVALID,
    GEOMETRY_REPAIRED,
    QualityProfiler,
    personal_data,
    to_html,
)

COLUMNS = [("nom", "String"), ("contact", "String"), ("code", "Integer"), ("vide", "String")]


def profile(rows, **kwargs):
    profiler = QualityProfiler("arbres", COLUMNS, "EPSG:2154", **kwargs)
    for fid, (values, state, key) in enumerate(rows, start=1):
        profiler.add_feature(
            fid, values, state, key, reason="Self-intersection" if state == GEOMETRY_INVALID else ""
        )
    return profiler.finish()


def codes(report):
    return {(i.code, i.column): i for i in report.issues}


def test_email_column_is_flagged_with_its_name_and_blocks() -> None:
    rows = [
        ([f"Chêne {i}", f"agent{i}@mairie-exemple.fr", 1, None], "ok", bytes([i]))
        for i in range(10)
    ]
    report = profile(rows)
    issue = codes(report)[("personal.email", "contact")]
    assert issue.level == ERROR and issue.params["matches"] == 10
    assert report.personal_data_columns == ["contact"]
    assert "« contact »" in issue.to_dict()["message"] and "e-mail" in issue.to_dict()["message"]
    html = to_html(report)
    assert "contact" in html and "agent1@" not in html  # values never copied into the report


def test_geometry_duplicates_empty_and_constant_columns() -> None:
    rows = [
        (["Tilleul", "x", 7, None], "ok", b"A"),
        (["Tilleul", "x", 7, None], "ok", b"A"),
        (["Érable", "x", 7, ""], GEOMETRY_INVALID, b"B"),
        (["Hêtre", "x", 7, None], GEOMETRY_EMPTY, b""),
    ]
    found = codes(profile(rows))
    assert found[("quality.duplicates", "")].features == [2]
    invalid = found[("quality.geometry_invalid", "")]
    assert invalid.features == [3] and "Self-intersection" in invalid.to_dict()["message"]
    assert found[("quality.geometry_empty", "")].features == [4]
    assert ("quality.column_empty", "vide") in found
    assert found[("quality.column_constant", "code")].params == {"value": "7"}
    assert ("quality.column_constant", "nom") not in found


def test_repaired_geometries_are_information_only() -> None:
    report = profile([(["a", "b", 1, "c"], GEOMETRY_REPAIRED, b"A")])
    issue = codes(report)[("quality.geometry_repaired", "")]
    assert issue.level == "info" and report.blocking == []


def test_badly_encoded_text_and_missing_crs() -> None:
    profiler = QualityProfiler("x", [("nom", "String")], "")
    profiler.add_feature(1, ["Ã©cole"], "ok", b"1")
    profiler.add_feature(2, ["caf\ufffd"], "ok", b"2")
    profiler.add_feature(3, ["école"], "ok", b"3")
    found = codes(profiler.finish())
    assert found[("quality.text_encoding", "nom")].features == [1, 2]
    assert ("quality.crs_missing", "") in found


def test_schema_findings_enter_the_report() -> None:
    schema = {
        "fields": [
            {"name": "nom", "type": "string"},
            {"name": "insee", "constraints": {"required": True}},
        ]
    }
    profiler = QualityProfiler(
        "x",
        [("nom", "String")],
        "EPSG:2154",
        schema=schema,
        schema_source="schema.json",
        schema_engine="geopublier",
    )
    profiler.add_feature(1, ["a"], "ok", b"1")
    report = profiler.finish()
    issue = codes(report)[("schema.field_missing", "insee")]
    assert issue.level == ERROR and "« insee »" in issue.to_dict()["message"]
    data = json.loads(report.to_json())
    assert data["schema"] == {
        "source": "schema.json",
        "engine": "geopublier",
        "engine_label": "GeoPublier",
    }
    assert "(contrôle : GeoPublier)" in to_html(report)
    assert data["blocking"] == 1


def test_personal_data_detectors() -> None:
    assert personal_data("tel", ["01 23 45 67 89", "06.12.34.56.78"])[0] == "personal.phone"
    assert personal_data("x", ["+33 6 12 34 56 78"] * 3)[0] == "personal.phone"
    assert (
        personal_data("adresse", ["12 rue des Lilas", "3 bis avenue Foch"])[0] == "personal.address"
    )
    assert (
        personal_data("responsable", ["Jean Dupont", "Marie Curie", "Mme Martin"])[0]
        == "personal.person_name"
    )
    assert personal_data("Prénom", ["Kévin"])[0] == "personal.name_column"
    # river names, species and codes are not personal data
    assert personal_data("nom", ["La Seine", "Marne", "Ru de Gally"]) is None
    assert personal_data("espece", ["Quercus robur", "Tilia cordata"]) is None
    assert personal_data("code", ["75056", "69123"]) is None
