"""geopublier:validatemetadata and geopublier:exportmetadata, in QGIS and through qgis_process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr, osr
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


def test_validate_reports_in_french_with_codes(provider, tmp_path: Path, monkeypatch) -> None:
    import processing

    monkeypatch.setenv("GEOPUBLIER_XSD_DIR", str(iso19139_xsd_dir()))
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
    assert [(i["code"], i["level"]) for i in report["issues"]] == [
        ("abstract.missing", "error"),
        ("identifier.not_uri", "warning"),
        ("metadata_contacts.missing", "error"),
        ("responsible_parties.missing", "error"),
        ("dates.missing", "error"),
        ("temporal_extent.missing", "warning"),  # open data portals score it
        ("theme.missing", "error"),
        ("topic_category.missing", "error"),
        ("free_keywords.open_data", "warning"),
        ("bbox.missing", "error"),  # an empty memory layer has no extent
        ("lineage.missing", "error"),
        ("conformity.not_evaluated", "warning"),
        ("resolution.missing", "warning"),
        ("locator.missing", "warning"),
        ("encoding.missing", "error"),
        ("maintenance_frequency.missing", "warning"),  # open data portals score it
    ]
    assert len(codes) == len(report["issues"])  # one issue per problem, no repeats
    assert report["errors"] == 9
    assert report["schema"] == {"checked": True, "folder": str(iso19139_xsd_dir()), "errors": []}


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
    assert record.abstract == "Tracé des cours d'eau & fossés relevés en 2023 — « données » test."
    assert record.free_keywords == ["rivières", "eau"]
    (box,) = record.bboxes
    expected = layer_bbox(rivers_shapefile)
    assert [box.west, box.east, box.south, box.north] == pytest.approx(expected, abs=1e-5)
    assert 2.31 < box.west < box.east < 2.37 and 48.83 < box.south < box.north < 48.86  # Paris


def layer_bbox(path: Path) -> list[float]:
    """[west, east, south, north] of the shapefile's corners in WGS84, computed by GDAL/OSR."""
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    xmin, xmax, ymin, ymax = layer.GetExtent()
    assert (xmin, xmax, ymin, ymax) == (650000.0, 653000.0, 6860000.0, 6862000.0)
    lambert, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(lambert, wgs84)
    corners = [transform.TransformPoint(x, y)[:2] for x in (xmin, xmax) for y in (ymin, ymax)]
    lons, lats = [c[0] for c in corners], [c[1] for c in corners]
    return [min(lons), max(lons), min(lats), max(lats)]
