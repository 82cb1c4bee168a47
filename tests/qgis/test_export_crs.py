"""The CRS of the exported files fits the data and says why; a failed projection says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
)

from plugin.core.model import Record
from plugin.core.package_readme import field_mapping
from plugin.core.quality import message
from plugin.qgis.export import ExportError, ExportOptions, choose_crs, export_package
from plugin.qgis.export.qgis_writer import write_vector

# (layer CRS, extent in that CRS, requested) → (CRS of the files, reason)
CASES = [
    ("EPSG:4326", (-180, -90, 180, 83), "EPSG:2154", "EPSG:4326", "crs.wgs84"),
    ("EPSG:4326", (177, -20, 183, -15), "EPSG:2154", "EPSG:4326", "crs.wgs84"),  # antimeridian
    ("EPSG:4326", (2.2, 48.8, 2.4, 48.9), "EPSG:2154", "EPSG:2154", "crs.requested"),
    ("EPSG:4326", (-5, 42, 9, 51.5), "EPSG:2154", "EPSG:2154", "crs.requested"),
    ("EPSG:2263", (980000, 190000, 1010000, 250000), "EPSG:2154", "EPSG:2263", "crs.source"),
    ("EPSG:32740", (330000, 7630000, 380000, 7690000), "EPSG:2154", "EPSG:2975", "crs.overseas"),
    ("EPSG:4326", (-61.8, 15.8, -61.0, 16.5), "EPSG:2154", "EPSG:5490", "crs.overseas"),
    ("EPSG:4326", (-61.2, 14.4, -60.8, 14.9), "EPSG:2154", "EPSG:5490", "crs.overseas"),
    ("EPSG:4326", (-54.5, 2.2, -51.6, 5.8), "EPSG:2154", "EPSG:2972", "crs.overseas"),
    ("EPSG:4326", (45.0, -13.0, 45.3, -12.6), "EPSG:2154", "EPSG:4471", "crs.overseas"),
    ("EPSG:4326", (-56.5, 46.7, -56.1, 47.2), "EPSG:2154", "EPSG:4467", "crs.overseas"),
    ("EPSG:3163", (400000, 200000, 500000, 300000), "EPSG:2154", "EPSG:3163", "crs.source"),
    ("EPSG:2154", (100000, 6000000, 1200000, 7150000), "EPSG:2154", "EPSG:2154", "crs.requested"),
    ("EPSG:4326", (2.2, 48.8, 2.4, 48.9), "EPSG:3857", "EPSG:3857", "crs.requested"),
]


@pytest.mark.parametrize(("source", "box", "requested", "expected", "reason"), CASES)
def test_crs_choice_fits_the_data(source, box, requested, expected, reason) -> None:
    choice = choose_crs(QgsCoordinateReferenceSystem(source), requested, QgsRectangle(*box))
    assert (choice.crs.authid(), choice.reason) == (expected, reason)
    sentence = message(choice.issue(), "fr")
    assert expected in sentence and "{" not in sentence
    assert "{" not in message(choice.issue(), "en")


def world_gpkg(path: Path) -> Path:
    """Three 'countries' in WGS 84, one reaching the South Pole (Lambert-93 cannot hold it)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("pays", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    for name, wkt in [
        ("Antarctique", "POLYGON((-180 -90,180 -90,180 -60,-180 -60,-180 -90))"),
        ("France", "POLYGON((-4 43,8 43,8 51,-4 51,-4 43))"),
        ("Brésil", "POLYGON((-70 -30,-40 -30,-40 3,-70 3,-70 -30))"),
    ]:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("nom", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    return path


def test_world_polygons_are_exported_in_wgs84_and_the_report_says_why(tmp_path: Path) -> None:
    source = world_gpkg(tmp_path / "monde.gpkg")
    layer = QgsVectorLayer(f"{source}|layername=pays", "pays", "ogr")
    result = export_package(layer, Record(title="Pays"), str(tmp_path / "out"), ExportOptions())
    written = gdal.OpenEx(str(result.files[0]))
    assert written.GetLayer(0).GetSpatialRef().GetAuthorityCode(None) == "4326"
    assert written.GetLayer(0).GetFeatureCount() == 3
    choice = next(i for i in result.report.issues if i.code.startswith("crs."))
    assert choice.code == "crs.wgs84"
    assert "WGS 84" in message(choice, "fr") and "EPSG:2154" in message(choice, "fr")


@pytest.mark.parametrize("provider", ["ogr", "memory"])
def test_a_projection_that_fails_counts_the_features_and_says_what_to_do(
    tmp_path: Path, provider: str
) -> None:
    """Forced to Lambert-93 (GDAL's copy for a file, QgsVectorFileWriter for memory): the
    one feature that cannot be projected is counted; GDAL's words stay out of the message."""
    source = world_gpkg(tmp_path / "monde.gpkg")
    layer = QgsVectorLayer(f"{source}|layername=pays", "pays", "ogr")
    if provider == "memory":
        memory = QgsVectorLayer("Polygon?crs=EPSG:4326&field=nom:string", "pays", "memory")
        features = []
        for feature in layer.getFeatures():
            copy = QgsFeature(memory.fields())
            copy.setAttributes([feature["nom"]])
            copy.setGeometry(QgsGeometry(feature.geometry()))
            features.append(copy)
        assert memory.dataProvider().addFeatures(features)[0]
        layer = memory
    names = [f.name() for f in layer.fields()]
    mapping = field_mapping(names, [f.typeName() for f in layer.fields()], "")
    indexes = list(range(len(names)))
    with pytest.raises(ExportError) as caught:
        write_vector(
            layer,
            "gpkg",
            tmp_path,
            "pays",
            QgsCoordinateReferenceSystem("EPSG:2154"),
            indexes,
            mapping,
            ExportOptions(),
            None,
        )
    error = caught.value
    assert error.code == "export.reprojection_failed"
    assert error.params == {"count": 1, "layer": "pays", "crs": "EPSG:2154"}
    sentence = message(error, "fr")
    assert sentence.startswith("1 objet(s) de la couche « pays » ne peuvent pas être projetés")
    assert "EPSG:4326" in sentence and "sqlite" not in sentence.lower()
