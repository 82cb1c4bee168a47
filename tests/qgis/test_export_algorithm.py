"""geopublier:exportpackage run through Processing, as in a model or batch."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from tests.qgis.test_export_package import polygon_layer


def test_algorithm_writes_package_zip_and_reports(provider, tmp_path: Path) -> None:
    import processing

    layer = polygon_layer()
    result = processing.run(
        "geopublier:exportpackage",
        {
            "INPUT": layer,
            "FORMATS": [0, 1, 3],
            "CRS": "EPSG:2154",
            "FIELDS": ["Espèce plantée", "Courriel"],
            "GEOMETRY_CHECK": 1,
            "OUTPUT_FOLDER": str(tmp_path),
            "ZIP": True,
        },
    )
    package = Path(result["PACKAGE"])
    assert sorted(p.suffix for p in package.iterdir()) == [
        ".geojson",
        ".gpkg",
        ".jsonld",
        ".md",
        ".xml",
        ".zip",
    ]
    assert zipfile.is_zipfile(result["ZIP_FILE"])
    report = json.loads(Path(result["QUALITY_JSON"]).read_text(encoding="utf-8"))
    assert result["PERSONAL_DATA"] == "Courriel"
    assert result["BLOCKING"] == report["blocking"] == 2  # e-mails + the unrepaired bow tie
    geojson = json.loads(next(package.glob("*.geojson")).read_text(encoding="utf-8"))
    assert set(geojson["features"][0]["properties"]) == {"Espèce_plantée", "Courriel"}


def test_algorithm_reports_an_unreadable_schema_in_french(provider, tmp_path: Path) -> None:
    import processing

    bad = tmp_path / "schema.json"
    bad.write_text('{"title": "pas de champs"}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Table Schema"):
        processing.run(
            "geopublier:exportpackage",
            {
                "INPUT": polygon_layer(),
                "TABLE_SCHEMA": str(bad),
                "OUTPUT_FOLDER": str(tmp_path / "out"),
            },
        )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
