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


def first_position(geometry: dict) -> list[float]:
    """The first position of a GeoJSON geometry, whatever its type.

    GDAL versions differ on whether a one-part multipolygon is written as Polygon or MultiPolygon.
    """
    coordinates = geometry["coordinates"]
    while isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    return coordinates


def test_geojson_is_rfc7946(package) -> None:
    path = package.package_dir / "arbres_d_alignement.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "crs" not in data and "name" not in data
    first = data["features"][0]
    lon, lat = first_position(first["geometry"])
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


def dem_tif(path: Path, width: int = 300, height: int = 200, epsg: str = "EPSG:2154") -> Path:
    """A float DEM (value 42.5) with 5 m pixels in Lambert-93, made by GDAL."""
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), width, height, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((650000, 5, 0, 6860000, 0, -5))
    dataset.SetProjection(epsg)
    dataset.GetRasterBand(1).Fill(42.5)
    dataset = None
    return path


def assert_cog(tif: Path, size: list[int], overviews: int) -> None:
    info = gdal.Info(str(tif), format="json")
    assert info["size"] == size
    assert info["metadata"]["IMAGE_STRUCTURE"]["COMPRESSION"] == "DEFLATE"
    assert info["metadata"]["IMAGE_STRUCTURE"]["LAYOUT"] == "COG"
    assert len(info["bands"][0].get("overviews", [])) == overviews
    assert gdal.Open(str(tif)).GetRasterBand(1).ComputeRasterMinMax() == (42.5, 42.5)


@pytest.mark.parametrize("path", ["gdal", "qgis pipe"])
def test_raster_is_a_cloud_optimized_geotiff_with_overviews_and_record(
    tmp_path: Path, monkeypatch, path: str
) -> None:
    """A GDAL file is copied by GDAL; other rasters go through QGIS's pipe (which, on QGIS
    3.22, refused a QgsFeedback: a task's feedback is passed here)."""
    from qgis.core import QgsRasterLayer

    from plugin.core.iso19139_reader import read
    from plugin.qgis.export import raster

    if path == "qgis pipe":
        monkeypatch.setattr(raster, "_gdal_source", lambda *_args: None)
    layer = QgsRasterLayer(str(dem_tif(tmp_path / "mnt.tif", 1500, 1000)), "mnt")
    feedback, seen = QgsFeedback(), []
    feedback.progressChanged.connect(seen.append)
    result = export_package(
        layer, Record(title="MNT"), str(tmp_path / "out"), ExportOptions(), feedback
    )
    assert_cog(result.files[0], [1500, 1000], 2)
    assert seen and max(seen) == pytest.approx(100, abs=1)
    record = read((result.package_dir / "mnt.xml").read_bytes())
    assert record.spatial_representation_type == "grid"
    assert [(r.distance, r.uom) for r in record.resolutions] == [(5.0, "m")]
    assert record.reference_systems == ["EPSG:2154"]
    readme = (result.package_dir / "LISEZMOI.md").read_text(encoding="utf-8")
    assert "1500 × 1000 pixels" in readme and "COG" in readme
    assert [i.code for i in result.report.issues] == ["crs.requested"]


def test_raster_overseas_goes_to_its_legal_crs(tmp_path: Path) -> None:
    """A raster of La Réunion in WGS 84 / UTM 40S is written in RGR92 / UTM 40S."""
    from qgis.core import QgsRasterLayer

    source = tmp_path / "reunion.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(source), 200, 100, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((340000, 10, 0, 7670000, 0, -10))
    dataset.SetProjection("EPSG:32740")
    dataset.GetRasterBand(1).Fill(42.5)
    dataset = None
    layer = QgsRasterLayer(str(source), "reunion")
    result = export_package(layer, Record(title="MNT"), str(tmp_path / "out"), ExportOptions())
    assert gdal.Info(str(result.files[0]), format="json")["stac"]["proj:epsg"] == 2975
    assert [i.code for i in result.report.issues] == ["crs.overseas"]


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


def renamed_gpkg(path: Path, count: int) -> Path:
    """A GeoPackage whose field names must be made safe, two of them through a detour:
    "a b" becomes "a_b", which "A_B" holds (SQLite ignores case) until it becomes "A_B_2"."""
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    layer = dataset.CreateLayer("points", lambert, ogr.wkbPoint, ["FID=fid"])
    for name, kind in [
        ("nom du point", ogr.OFTString),
        ("a b", ogr.OFTReal),
        ("A_B", ogr.OFTInteger),
        ("planté le", ogr.OFTDate),
    ]:
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for i in range(count):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(10 + 3 * i)  # not 1, 2, 3…: the ids must be copied, not renumbered
        feature.SetField("nom du point", f"Érable n° {i}")
        feature.SetField("A_B", i)
        feature.SetField("a b", i / 4)
        feature.SetField("planté le", 2020, 1 + i % 12, 1 + i % 28, 0, 0, 0, 0)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({650000 + i} {6860000 + i})"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    return path


RENAMED = ["nom_du_point", "a_b", "A_B_2", "planté_le"]


def ogr_features(path: Path) -> list[tuple]:
    """(fid, attributes…, WKT) of every feature of the only layer of a file."""
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    rows = [
        (feature.GetFID(), *feature.items().values(), feature.GetGeometryRef().ExportToWkt())
        for feature in layer
    ]
    dataset = None
    return rows


def test_renamed_geopackage_is_copied_by_gdal_then_renamed(tmp_path: Path, monkeypatch) -> None:
    from plugin.qgis.export import fields

    renamings = []
    rename = fields.rename_ogr_fields
    monkeypatch.setattr(
        fields, "rename_ogr_fields", lambda *args: renamings.append(args[1]) or rename(*args)
    )
    source = renamed_gpkg(tmp_path / "source.gpkg", 200)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    result = export_package(layer, Record(title="Points"), str(tmp_path / "out"), ExportOptions())
    sources = ["nom du point", "a b", "A_B", "planté le"]
    assert renamings == [dict(zip(sources, RENAMED))]
    assert [f.safe for f in result.fields] == ["fid"] + RENAMED
    rows, names, geometry = ogr_rows(str(result.files[0]))
    assert names == RENAMED and geometry == "Point" and len(rows) == 200
    assert ogr_features(result.files[0]) == ogr_features(source)  # same ids, values, points
    assert rows[5]["planté_le"] == "2020/06/06"
    assert epsg_of(result.files[0]) == "2154"
    readme = (result.package_dir / "LISEZMOI.md").read_text(encoding="utf-8")
    assert "| nom du point | nom_du_point |" in readme


def test_renamed_geopackage_subset_with_spaces_goes_through_qgis(tmp_path: Path) -> None:
    """GDAL's field selection cannot name "nom du point": QgsVectorFileWriter writes it."""
    source = renamed_gpkg(tmp_path / "source.gpkg", 20)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    options = ExportOptions(fields=["planté le", "nom du point"])
    result = export_package(layer, Record(title="Points"), str(tmp_path / "out"), options)
    rows, names, _geometry = ogr_rows(str(result.files[0]))
    assert names == ["planté_le", "nom_du_point"] and len(rows) == 20
    assert rows[3] == rows[3] | {"planté_le": "2020/04/04", "nom_du_point": "Érable n° 3"}


def test_cancel_while_gdal_copies_leaves_no_package(tmp_path: Path) -> None:
    source = renamed_gpkg(tmp_path / "source.gpkg", 20000)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    out = tmp_path / "out"
    feedback = QgsFeedback()
    seen = []
    feedback.progressChanged.connect(lambda p: seen.append(p) or (p > 60 and feedback.cancel()))
    with pytest.raises(ExportError) as caught:
        export_package(layer, Record(title="Points"), str(out), ExportOptions(), feedback)
    assert caught.value.code == "export.cancelled"
    # Stopped in the GeoPackage step (the second half); how often GDAL reports progress varies
    # (GDAL 3.10 copies in batches), but the bar never goes past 100 %.
    assert 50 < max(seen) <= 100
    assert list(out.iterdir()) == []


def test_memory_layer_is_renamed_without_a_python_converter(tmp_path: Path, monkeypatch) -> None:
    """A Python FieldValueConverter is called for each value: aliases rename in C++ instead."""
    from plugin.qgis.export import qgis_writer

    monkeypatch.setattr(qgis_writer, "Harmoniser", None)  # calling it would fail the test
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=fid:integer&field=nom du point:string&field=a b:double"
        "&field=A_B:integer&field=planté le:date",
        "points",
        "memory",
    )
    layer.setFieldAlias(1, "Nom affiché")  # the user's alias is not what the file is named
    features = []
    for i in range(30):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([100 + i, f"Érable n° {i}", i / 4, i, QDate(2020, 1, 1 + i)])
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT({650000 + i} {6860000 + i})"))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    result = export_package(
        layer, Record(title="Points"), str(tmp_path), ExportOptions(formats=["gpkg", "shp"])
    )
    rows, names, _geometry = ogr_rows(str(result.files[0]))
    assert names == ["fid_2"] + RENAMED and len(rows) == 30
    assert rows[7] == rows[7] | {"fid_2": 107, "nom_du_point": "Érable n° 7", "A_B_2": 7}
    assert rows[7]["a_b"] == 1.75 and rows[7]["planté_le"] == "2020/01/08"
    assert layer.fields().at(1).alias() == "Nom affiché"  # the layer itself is untouched
    with zipfile.ZipFile(result.files[1]) as zipped:
        zipped.extractall(tmp_path / "shp")
    rows, names, _geometry = ogr_rows(str(tmp_path / "shp" / "points.shp"))
    assert names == ["fid_2", "nom_du_poi", "a_b", "A_B_2", "planté_le"] and len(rows) == 30


def edited_export(layer: QgsVectorLayer, folder: Path, value: str) -> Path:
    """Export `layer` to GeoPackage with its first feature's second field edited, not saved."""
    assert layer.startEditing()
    first = next(layer.getFeatures())
    assert layer.changeAttributeValue(first.id(), 1, value)
    try:
        return export_package(layer, Record(title="Points"), str(folder), ExportOptions()).files[0]
    finally:
        layer.rollBack()


def test_unsaved_edits_are_written_then_renamed(tmp_path: Path, monkeypatch) -> None:
    """A clone would lose the edits: QgsVectorFileWriter writes the layer, GDAL renames."""
    from plugin.qgis.export import qgis_writer

    monkeypatch.setattr(qgis_writer, "Harmoniser", None)  # calling it would fail the test
    source = renamed_gpkg(tmp_path / "source.gpkg", 20)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    path = edited_export(layer, tmp_path / "out", "Chêne modifié")
    rows, names, _geometry = ogr_rows(str(path))
    assert names == RENAMED and len(rows) == 20
    assert rows[0]["nom_du_point"] == "Chêne modifié" and rows[1]["nom_du_point"] == "Érable n° 1"
    assert [row[0] for row in ogr_features(path)] == [row[0] for row in ogr_features(source)]


def test_unsaved_edits_under_reserved_names_go_through_the_converter(tmp_path: Path) -> None:
    """ "fid" cannot be written as it is (it would become the feature id): converter."""
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=fid:integer&field=nom:string", "p", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes([7, "avant"])
    feature.setGeometry(QgsGeometry.fromWkt("POINT(650000 6860000)"))
    assert layer.dataProvider().addFeatures([feature])[0]
    rows, names, _geometry = ogr_rows(str(edited_export(layer, tmp_path, "après")))
    assert names == ["fid_2", "nom"] and rows[0] == rows[0] | {"fid_2": 7, "nom": "après"}


def test_renaming_refused_by_gdal_falls_back_to_qgis(tmp_path: Path, monkeypatch) -> None:
    from plugin.qgis.export import fields

    monkeypatch.setattr(fields, "rename_ogr_fields", lambda *_args: False)
    source = renamed_gpkg(tmp_path / "source.gpkg", 20)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    result = export_package(layer, Record(title="Points"), str(tmp_path / "out"), ExportOptions())
    rows, names, _geometry = ogr_rows(str(result.files[0]))
    assert names == RENAMED and len(rows) == 20
    assert ogr_features(result.files[0]) == ogr_features(source)


def test_a_title_starting_with_gpkg_still_exports(tmp_path: Path) -> None:
    """GeoPackage refuses table names starting with "gpkg": the package renames it."""
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "pts", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(651000 6861000)"))
    feature.setAttributes(["a"])
    layer.dataProvider().addFeatures([feature])
    result = export_package(layer, Record(title="GPKG des bornes"), str(tmp_path), ExportOptions())
    assert result.files[0].name == "donnees_gpkg_des_bornes.gpkg"
    dataset = ogr.Open(str(result.files[0]))
    assert dataset.GetLayer(0).GetName() == "donnees_gpkg_des_bornes"
    assert dataset.GetLayer(0).GetFeatureCount() == 1
