"""geopublier:validatemetadata and geopublier:exportmetadata, in QGIS and through qgis_process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from qgis.core import QgsVectorLayer

from plugin.core.iso19139_reader import read
from plugin.core.xsd import validate_xsd
from tests.schemas import iso19139_xsd_dir

ROOT = Path(__file__).resolve().parents[2]


def test_export_writes_a_schema_valid_record_from_the_layer(
    provider, rivers_shapefile, tmp_path: Path
) -> None:
    import processing

    output = tmp_path / "cours_eau.xml"
    result = processing.run(
        "geopublier:exportmetadata", {"INPUT": str(rivers_shapefile), "OUTPUT": str(output)}
    )
    xml = output.read_bytes()
    assert validate_xsd(xml, iso19139_xsd_dir()) == []
    record = read(xml)
    assert record.title == "Cours d'eau de l'agglomération d'Exemple"
    assert record.inspire_themes == ["hy"]
    assert 2.3 < record.bboxes[0].west < 2.5
    assert result["ERRORS"] > 0 and result["VALID"] is False  # e.g. no metadata contact yet


def test_validate_reports_in_french_with_codes(provider, tmp_path: Path) -> None:
    import processing

    layer = QgsVectorLayer("Point?crs=EPSG:2154", "sans_titre", "memory")
    report_path = tmp_path / "rapport.json"
    result = processing.run(
        "geopublier:validatemetadata", {"INPUT": layer, "OUTPUT": str(report_path)}
    )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert result["VALID"] is False and result["ERRORS"] == report["errors"] > 0
    codes = {issue["code"] for issue in report["issues"]}
    fields = {issue["field"] for issue in report["issues"]}
    assert "inspire_themes" in fields and "abstract" in fields
    theme_issue = next(i for i in report["issues"] if i["field"] == "inspire_themes")
    assert "thème" in theme_issue["message"]
    assert all(
        issue["message"] and issue["level"] in ("error", "warning") for issue in report["issues"]
    )
    assert len(codes) == len(report["issues"]) or len(codes) > 3


def test_merging_an_iso_file_fills_what_the_layer_cannot_say(
    provider, rivers_shapefile, tmp_path: Path
) -> None:
    import processing

    first = tmp_path / "premier.xml"
    processing.run(
        "geopublier:exportmetadata", {"INPUT": str(rivers_shapefile), "OUTPUT": str(first)}
    )
    edited = (
        first.read_bytes()
        .replace(b"Cours d&apos;eau", b"Ruisseaux")
        .replace(b"Cours d'eau de l", b"Ruisseaux de l")
    )
    (tmp_path / "fiche.xml").write_bytes(edited)
    memory = QgsVectorLayer("LineString?crs=EPSG:2154", "autre", "memory")
    second = tmp_path / "second.xml"
    processing.run(
        "geopublier:exportmetadata",
        {"INPUT": memory, "METADATA": str(tmp_path / "fiche.xml"), "OUTPUT": str(second)},
    )
    record = read(second.read_bytes())
    assert record.title.startswith("Ruisseaux de l")
    assert record.inspire_themes == ["hy"]
    assert record.geometry_type == "curve"


def test_qgis_process_exports_the_metadata_of_a_shapefile(rivers_shapefile, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_package
    import install_plugin

    config_dir = tmp_path / "qgis-config"
    install_plugin.install(build_package.build(tmp_path / "dist"), config_dir)
    output = tmp_path / "out.xml"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir))
    result = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "geopublier:exportmetadata",
            "--",
            f"INPUT={rivers_shapefile}",
            f"OUTPUT={output}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    xml = output.read_bytes()
    assert validate_xsd(xml, iso19139_xsd_dir()) == []
    record = read(xml)
    assert record.title == "Cours d'eau de l'agglomération d'Exemple"
    assert record.free_keywords == ["rivières", "eau"]
    assert record.bboxes and record.bboxes[0].north > record.bboxes[0].south
