"""Export packages re-opened with GDAL/OGR: same features, values, CRS rules, README, quality."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsFeature, QgsFeedback, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QVariant

from plugin.core.model import Record
from plugin.qgis.export import ExportError, ExportOptions, export_package

BOWTIE = "POLYGON((651000 6861000, 651100 6861100, 651100 6861000, 651000 6861100, 651000 6861000))"
ROWS = [
    (
        "POLYGON((650000 6860000, 650100 6860000, 650100 6860100, 650000 6860000))",
        "Érable champêtre",
        12.5,
        QDate(2021, 5, 3),
        "agent.un@ville-exemple.fr",
        "forêt",
    ),
    (
        "POLYGON((650200 6860000, 650300 6860000, 650300 6860100, 650200 6860000))",
        "Chêne pédonculé",
        20.0,
        QDate(2019, 11, 30),
        "agent.deux@ville-exemple.fr",
        "forêt",
    ),
    (BOWTIE, "Tilleul « argenté »", 8.0, None, "agent.trois@ville-exemple.fr", "forêt"),
]
FIELDS = [
    ("Espèce plantée", QVariant.String),
    ("hauteur (m)", QVariant.Double),
    ("date_de_plantation", QVariant.Date),
    ("Courriel", QVariant.String),
    ("date_de_plantation_prévue", QVariant.String),
]


def polygon_layer(crs: str = "EPSG:2154", rows=ROWS) -> QgsVectorLayer:
    """A memory polygon layer with accented names, a date, e-mails and one invalid polygon."""
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "arbres", "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in FIELDS])
    layer.updateFields()
    features = []
    for wkt, *values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(values)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def record() -> Record:
    return Record(title="Arbres d'alignement", abstract="Arbres de la ville.", licence="lov2")


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """One export in every format (invalid geometry repaired), zipped."""
    out = tmp_path_factory.mktemp("export")
    options = ExportOptions(formats=["gpkg", "geojson", "csv", "shp"], make_zip=True)
    return export_package(polygon_layer(), record(), str(out), options, QgsFeedback())


def ogr_rows(path: str) -> tuple[list[dict], list[str], str]:
    """Attribute dicts, field names and geometry type of the only layer of a file."""
    source = ogr.Open(path)
    layer = source.GetLayer(0)  # `source` must stay referenced while `layer` is used
    names = [
        layer.GetLayerDefn().GetFieldDefn(i).GetName()
        for i in range(layer.GetLayerDefn().GetFieldCount())
    ]
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows.append(
            {n: feature.GetField(n) for n in names}
            | {"_geom": geometry.Clone() if geometry is not None else None}
        )
    return rows, names, ogr.GeometryTypeToName(layer.GetGeomType())


def epsg_of(path: Path) -> str:
    """EPSG code of the only layer of a file (dataset kept open while reading)."""
    dataset = ogr.Open(str(path))
    code = dataset.GetLayer(0).GetSpatialRef().GetAuthorityCode(None)
    dataset = None
    return code


def expected_rows(names: list[str], date_format: str, null_date, number=float) -> list[dict]:
    """Every attribute value of ROWS as a format gives it back (date and number forms vary)."""
    expected = []
    for _wkt, species, height, planted, email, planned in ROWS:
        date = planted.toString(date_format) if planted is not None else null_date
        expected.append(dict(zip(names, [species, number(height), date, email, planned])))
    return expected


def attributes(rows: list[dict]) -> list[dict]:
    """Rows without their geometry (and without the CSV's WKT column)."""
    return [{k: v for k, v in row.items() if k not in ("_geom", "WKT")} for row in rows]


L93_AREA = 5000.0  # each ROWS polygon covers 5,000 m² (the bow tie as two 2,500 m² triangles)


def assert_surfaces(rows: list[dict], from_wgs84: bool = False) -> None:
    """Every geometry is a valid (multi)polygon with the area of its source polygon."""
    for row in rows:
        geometry = row["_geom"]
        assert ogr.GT_Flatten(geometry.GetGeometryType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon)
        assert geometry.IsValid()
        if from_wgs84:
            wgs84, lambert = osr.SpatialReference(), osr.SpatialReference()
            wgs84.ImportFromEPSG(4326)
            wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            lambert.ImportFromEPSG(2154)
            geometry.Transform(osr.CoordinateTransformation(wgs84, lambert))
        assert geometry.GetArea() == pytest.approx(L93_AREA, rel=1e-3)


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace area of a ring: positive when counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def test_package_holds_data_record_dcat_readme(package) -> None:
    names = sorted(p.name for p in package.package_dir.iterdir())
    assert names == [
        "LISEZMOI.md",
        "arbres_d_alignement.csv",
        "arbres_d_alignement.dcat.jsonld",
        "arbres_d_alignement.geojson",
        "arbres_d_alignement.gpkg",
        "arbres_d_alignement.xml",
        "arbres_d_alignement_shp.zip",
    ]
    assert package.package_dir.name.startswith("arbres_d_alignement_20")
    assert b"MD_Metadata" in (package.package_dir / "arbres_d_alignement.xml").read_bytes()
    dcat = json.loads((package.package_dir / "arbres_d_alignement.dcat.jsonld").read_text())
    assert len(dcat["dcat:distribution"]) == 4
    with zipfile.ZipFile(package.zip_path) as zipped:
        assert f"{package.package_dir.name}/LISEZMOI.md" in zipped.namelist()
    assert not [p for p in package.package_dir.parent.iterdir() if p.name.startswith(".")]


def test_gpkg_keeps_count_type_accents_and_dates(package) -> None:
    rows, names, geometry = ogr_rows(str(package.package_dir / "arbres_d_alignement.gpkg"))
    assert len(rows) == 3 and "Polygon" in geometry
    assert names[:3] == ["Espèce_plantée", "hauteur_m", "date_de_plantation"]
    assert [r["Espèce_plantée"] for r in rows] == [r[1] for r in ROWS]
    assert rows[0]["hauteur_m"] == 12.5 and rows[0]["date_de_plantation"] == "2021/05/03"
    assert all(r["_geom"].IsValid() for r in rows)  # the bow tie was repaired
    assert epsg_of(package.package_dir / "arbres_d_alignement.gpkg") == "2154"


def test_geojson_is_rfc7946(package) -> None:
    path = package.package_dir / "arbres_d_alignement.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "crs" not in data and "name" not in data
    first = data["features"][0]
    lon, lat = first["geometry"]["coordinates"][0][0]
    assert 2.0 < lon < 2.6 and 48.5 < lat < 49.0
    assert len(str(lon).split(".")[1]) <= 7
    assert first["properties"]["Espèce_plantée"] == "Érable champêtre"
    names = ["Espèce_plantée", "hauteur_m", "date_de_plantation", "Courriel"]
    names.append("date_de_plantation_prévue")
    assert [f["properties"] for f in data["features"]] == expected_rows(names, "yyyy-MM-dd", None)
    rows, ogr_names, _geometry = ogr_rows(str(path))
    assert ogr_names == names
    assert attributes(rows) == expected_rows(names, "yyyy/MM/dd", None)
    assert_surfaces(rows, from_wgs84=True)


def test_geojson_follows_the_right_hand_rule(tmp_path: Path) -> None:
    """A clockwise shell comes out counter-clockwise, a counter-clockwise hole clockwise."""
    shell = "650000 6860000, 650000 6860300, 650300 6860300, 650300 6860000, 650000 6860000"
    hole = "650100 6860100, 650200 6860100, 650200 6860200, 650100 6860200, 650100 6860100"
    source = QgsGeometry.fromWkt(f"POLYGON(({shell}),({hole}))")
    rings = [[(p.x(), p.y()) for p in ring] for ring in source.asPolygon()]
    assert signed_area(rings[0]) < 0 < signed_area(rings[1])  # the source breaks the rule
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "parcelle", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(source)
    feature.setAttributes(["Parcelle à trou"])
    assert layer.dataProvider().addFeatures([feature])[0]
    result = export_package(
        layer, Record(title="Parcelle"), str(tmp_path), ExportOptions(formats=["geojson"])
    )
    data = json.loads(result.files[0].read_text(encoding="utf-8"))
    (written,) = data["features"]
    assert written["geometry"]["type"] == "Polygon"
    exterior, interior = written["geometry"]["coordinates"]
    assert signed_area(exterior) > 0 > signed_area(interior)
    assert written["properties"] == {"nom": "Parcelle à trou"}


def test_csv_is_utf8_with_wkt_and_iso_dates(package) -> None:
    path = package.package_dir / "arbres_d_alignement.csv"
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[0]
    assert header.startswith("WKT,Espèce_plantée,hauteur_m,date_de_plantation")
    assert "2021-05-03" in text and "Tilleul « argenté »" in text
    rows, names, _geometry = ogr_rows(str(path))
    assert names[0] == "WKT"
    assert attributes(rows) == expected_rows(names[1:], "yyyy-MM-dd", "", lambda x: f"{x:g}")
    assert_surfaces(rows)


def test_shapefile_zip_has_cpg_prj_and_short_names_in_readme(package, tmp_path: Path) -> None:
    archive = package.package_dir / "arbres_d_alignement_shp.zip"
    with zipfile.ZipFile(archive) as zipped:
        members = set(zipped.namelist())
        assert {
            "arbres_d_alignement.shp",
            "arbres_d_alignement.dbf",
            "arbres_d_alignement.shx",
            "arbres_d_alignement.prj",
            "arbres_d_alignement.cpg",
        } <= members
        assert zipped.read("arbres_d_alignement.cpg").decode().strip().upper() in ("UTF-8", "UTF8")
        zipped.extractall(tmp_path)
    rows, names, geometry = ogr_rows(str(tmp_path / "arbres_d_alignement.shp"))
    assert names == ["Espèce_pl", "hauteur_m", "date_de_pl", "Courriel", "date_de__2"]
    assert attributes(rows) == expected_rows(names, "yyyy/MM/dd", None)
    assert geometry == "Polygon"
    assert_surfaces(rows)
    assert all(len(n.encode("utf-8")) <= 10 for n in names)
    assert len({n.lower() for n in names}) == len(names)
    readme = (package.package_dir / "LISEZMOI.md").read_text(encoding="utf-8")
    for field in package.fields:
        assert f"| {field.source} | {field.safe} | {field.short} |" in readme
    assert "date_de_pl" in names and "date_de__2" in names


def test_quality_report_flags_emails_and_repair(package) -> None:
    report = json.loads(package.quality_json.read_text(encoding="utf-8"))
    personal = [i for i in report["issues"] if i["code"] == "personal.email"]
    assert personal and personal[0]["column"] == "Courriel" and personal[0]["level"] == "error"
    assert report["personal_data_columns"] == ["Courriel"]
    repaired = [i for i in report["issues"] if i["code"] == "quality.geometry_repaired"]
    assert repaired and repaired[0]["count"] == 1
    html = package.quality_html.read_text(encoding="utf-8")
    assert "Courriel" in html and "données personnelles" in html


def test_invalid_polygon_reported_when_not_repaired(tmp_path: Path) -> None:
    result = export_package(
        polygon_layer(), record(), str(tmp_path), ExportOptions(geometry_mode="report")
    )
    invalid = [i for i in result.report.issues if i.code == "quality.geometry_invalid"]
    assert invalid and invalid[0].features == [3] and invalid[0].level == "error"
    rows, _names, _geometry = ogr_rows(str(result.files[0]))
    assert len(rows) == 3


def test_table_schema_missing_required_field_is_named(tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text(
        json.dumps(
            {
                "fields": [
                    {"name": "Espèce_plantée", "type": "string"},
                    {"name": "code_insee", "type": "string", "constraints": {"required": True}},
                    {"name": "hauteur_m", "type": "number", "constraints": {"maximum": 15}},
                ]
            }
        ),
        encoding="utf-8",
    )
    result = export_package(
        polygon_layer(), record(), str(tmp_path / "out"), ExportOptions(schema_source=str(schema))
    )
    found = {(i.code, i.column): i for i in result.report.issues}
    missing = found[("schema.field_missing", "code_insee")]
    assert missing.level == "error"
    assert found[("schema.maximum", "hauteur_m")].features == [2]
    assert (
        "« code_insee »"
        in json.loads(result.quality_json.read_text())["issues"][
            [i.code for i in result.report.issues].index("schema.field_missing")
        ]["message"]
    )


def test_points_csv_lonlat_and_overseas_crs_kept(tmp_path: Path) -> None:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2975&field=nom:string&field=heure:time&field=vu:datetime", "pts", "memory"
    )
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(340000 7660000)"))
    feature.setAttributes(
        ["Saint-Denis", QTime(8, 30), QDateTime(QDate(2024, 2, 1), QTime(9, 0), Qt.UTC)]
    )
    layer.dataProvider().addFeatures([feature])
    result = export_package(
        layer,
        Record(title="Points Réunion"),
        str(tmp_path),
        ExportOptions(formats=["gpkg", "csv", "shp"]),
    )
    assert epsg_of(result.files[0]) == "2975"
    lines = result.files[1].read_text(encoding="utf-8").splitlines()
    assert lines[0] == "lon,lat,nom,heure,vu"
    lon, lat = map(float, lines[1].split(",")[:2])
    assert 55.0 < lon < 56.0 and -21.5 < lat < -20.5
    assert lines[1].endswith("Saint-Denis,08:30:00,2024-02-01T09:00:00Z")


def test_cancel_leaves_no_package(tmp_path: Path) -> None:
    rows = [
        (
            f"POLYGON(({x} 6860000, {x + 5} 6860000, {x + 5} 6860005, {x} 6860000))",
            f"arbre {x}",
            1.0,
            None,
            "",
            "",
        )
        for x in range(650000, 650000 + 5 * 3000, 5)
    ]
    layer = polygon_layer(rows=rows)
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 30 else None)
    with pytest.raises(ExportError) as caught:
        export_package(
            layer,
            record(),
            str(tmp_path),
            ExportOptions(formats=["gpkg", "geojson", "csv", "shp"]),
            feedback,
        )
    assert caught.value.code == "export.cancelled"
    assert list(tmp_path.iterdir()) == []


def test_raster_is_tiled_compressed_geotiff_with_record(tmp_path: Path) -> None:
    from qgis.core import QgsRasterLayer

    source = tmp_path / "mnt.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(source), 300, 200, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((650000, 5, 0, 6860000, 0, -5))
    dataset.SetProjection("EPSG:2154")
    dataset.GetRasterBand(1).Fill(42.5)
    dataset = None
    layer = QgsRasterLayer(str(source), "mnt")
    result = export_package(layer, Record(title="MNT"), str(tmp_path / "out"), ExportOptions())
    tif = result.files[0]
    info = gdal.Info(str(tif), format="json")
    assert info["size"] == [300, 200]
    assert info["metadata"]["IMAGE_STRUCTURE"]["COMPRESSION"] == "DEFLATE"
    assert info["bands"][0]["block"][0] < 300  # tiled, not strips
    assert (result.package_dir / "mnt.xml").is_file()
    assert gdal.Open(str(tif)).GetRasterBand(1).ComputeRasterMinMax() == (42.5, 42.5)


def test_geopackage_file_layer_takes_the_fast_path_with_same_content(tmp_path: Path) -> None:
    from tests.datasets import points_gpkg

    source = points_gpkg(tmp_path / "source.gpkg", 500)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    result = export_package(
        layer,
        Record(title="Points"),
        str(tmp_path / "out"),
        ExportOptions(formats=["gpkg", "csv"], crs="EPSG:2154"),
    )
    rows, names, geometry = ogr_rows(str(result.files[0]))
    assert len(rows) == 500 and geometry == "Point" and names == ["id", "x", "y", "nom"]
    assert rows[499]["nom"] == "pt499" and epsg_of(result.files[0]) == "2154"
    header = result.files[1].read_text(encoding="utf-8").splitlines()[0]
    assert header == "lon,lat,fid,id,x,y,nom"
