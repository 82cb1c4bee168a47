"""Real-world layers (tests/layer_corpus.py) through geopublier:publish to the real pycsw and udata.

Each either publishes — the record in the catalogue, the files on the portal, in a CRS that
fits the data — or stops with a French message saying what to change. No REPORT is given:
Processing's temporary file is used, as in QGIS's algorithm dialog.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from osgeo import gdal, ogr
from owslib.csw import CatalogueServiceWeb

from tests import layer_corpus
from tests.conftest import QMD
from tests.datasets import points_gpkg
from tests.owslib_records import data_identification
from tests.portal_setup import connections_file, profile_file
from tests.postgis import Postgis, postgis_database

pytestmark = pytest.mark.integration


@pytest.fixture()
def destinations(tmp_path: Path, pycsw_server, udata_server, monkeypatch) -> dict[str, str]:
    """The sandbox catalogue and portal, the organisation profile, a package folder."""
    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    return {
        "CATALOGUE": "Catalogue",
        "PORTAL": "Portail",
        "CONNECTIONS": str(connections_file(tmp_path, pycsw_server, udata_server)),
        "PROFILE": str(profile_file(tmp_path)),
        "PACKAGE_FOLDER": str(tmp_path / "paquets"),
    }


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgis]:
    """A real PostGIS with 50 trees in `arbres` (Lambert-93)."""
    with postgis_database() as postgis:
        postgis.load(points_gpkg(tmp_path_factory.mktemp("pg") / "arbres.gpkg", 50), "arbres")
        yield postgis


def described(source: layer_corpus.Source, key: str, title: str):
    """The layer as QGIS opens it, with the metadata its producer typed (title, themes…)."""
    from qgis.core import QgsLayerMetadata, QgsRasterLayer, QgsVectorLayer
    from qgis.PyQt.QtXml import QDomDocument

    uri, provider = source
    kind = QgsRasterLayer if provider == "gdal" else QgsVectorLayer
    layer = kind(uri, key, provider)
    text = QMD.replace("/id/cours-d-eau<", f"/id/corpus-{key}<")
    text = text.replace("Cours d'eau de l'agglomération d'Exemple", title)
    text = re.sub(r"<crs>.*?</crs>", "", text, flags=re.S)
    document = QDomDocument()
    assert document.setContent(text)
    metadata = QgsLayerMetadata()
    assert metadata.readMetadataXml(document.documentElement())
    layer.setMetadata(metadata)
    return layer


def publish(layer, destinations: dict[str, str], **extra) -> dict:
    import processing
    from qgis.core import QgsProject

    QgsProject.instance().addMapLayer(layer)
    try:
        return processing.run(
            "geopublier:publish", {"INPUT": layer, "FORMATS": [0, 1], **destinations, **extra}
        )
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def catalogue_record(url: str, identifier: str):
    csw = CatalogueServiceWeb(url, skip_caps=True)
    csw.getrecordbyid(id=[identifier], outputschema="http://www.isotc211.org/2005/gmd")
    assert list(csw.records) == [identifier]
    return csw.records[identifier]


def portal_dataset(udata_server, dataset_id: str) -> dict:
    answer = requests.get(f"{udata_server.api_url}/datasets/{dataset_id}/", timeout=10)
    answer.raise_for_status()
    return answer.json()


def package_epsg(result: dict) -> str:
    """EPSG code of the package's GeoPackage (or GeoTIFF)."""
    folder = Path(result["PACKAGE_DIR"])
    data = next(p for p in folder.iterdir() if p.suffix in (".gpkg", ".tiff"))
    if data.suffix == ".tiff":
        return str(gdal.Info(str(data), format="json")["stac"]["proj:epsg"])
    dataset = ogr.Open(str(data))  # kept while its layer is used (else GDAL crashes)
    return dataset.GetLayer(0).GetSpatialRef().GetAuthorityCode(None)


def _copy(geometry: ogr.Geometry | None) -> ogr.Geometry | None:
    return geometry.Clone() if geometry is not None else None


def package_rows(result: dict, suffix: str = ".gpkg") -> list[dict]:
    folder = Path(result["PACKAGE_DIR"])
    data = next(p for p in folder.iterdir() if p.suffix == suffix)
    dataset = ogr.Open(str(data))
    # A copy of each geometry: GDAL 3.10 invalidates a geometry reference with its feature.
    rows = [
        dict(feature.items(), geometry=_copy(feature.GetGeometryRef()))
        for feature in dataset.GetLayer(0)
    ]
    return rows


def assert_published(result: dict, pycsw_server, udata_server, epsg: str) -> dict:
    """Record in the catalogue, public dataset with the files, CRS as expected; the dataset."""
    record = catalogue_record(pycsw_server.url, result["CATALOGUE_RECORD_ID"])
    assert data_identification(record).title
    dataset = portal_dataset(udata_server, result["PORTAL_DATASET_ID"])
    assert dataset["private"] is False and dataset["resources"]
    assert package_epsg(result) == epsg
    assert f"EPSG:{epsg}" in Path(result["PACKAGE_DIR"], "LISEZMOI.md").read_text(encoding="utf-8")
    assert Path(result["REPORT"]).is_file()  # the temporary report Processing chose
    return dataset


CASES = {
    # key: (builder, title, EPSG of the files)
    "monde-polygones": (layer_corpus.world_polygons, "Pays du monde", "4326"),
    "monde-points": (layer_corpus.world_points, "Villes du monde", "4326"),
    "antimeridien": (layer_corpus.antimeridian, "Îles Fidji", "4326"),
    "outre-mer": (layer_corpus.overseas, "Écoles de La Réunion", "2975"),
    "fid-doublons": (layer_corpus.duplicate_fid, "Bornes kilométriques", "2154"),
    "simple-multi": (layer_corpus.mixed_multi, "Parcelles", "2154"),
    "geometries-vides": (layer_corpus.empty_geometries, "Arbres à compléter", "2154"),
    "3d-m": (layer_corpus.measured_3d, "Canalisations", "2154"),
    "geopackage-multi": (layer_corpus.multi_layer_gpkg, "Routes", "2154"),
    "raster": (layer_corpus.dem_raster, "Modèle numérique de terrain", "2154"),
}


@pytest.mark.parametrize("key", list(CASES))
def test_real_world_layer_is_published(
    provider, key: str, destinations, pycsw_server, udata_server, tmp_path: Path
) -> None:
    build, title, epsg = CASES[key]
    layer = described(build(tmp_path), key, title)
    count = layer.featureCount() if hasattr(layer, "featureCount") else None
    formats = {"FORMATS": [0]} if key == "raster" else {}
    result = publish(layer, destinations, **formats)
    dataset = assert_published(result, pycsw_server, udata_server, epsg)
    names = {r["url"].rsplit(".", 1)[-1] for r in dataset["resources"]}  # file extensions
    if key == "raster":
        assert "tiff" in names
        info = gdal.Info(next(Path(result["PACKAGE_DIR"]).glob("*.tiff")).__str__(), format="json")
        assert info["metadata"]["IMAGE_STRUCTURE"]["LAYOUT"] == "COG"
        return
    assert {"gpkg", "geojson"} <= names
    rows = package_rows(result)
    assert len(rows) == count
    if key == "fid-doublons":
        assert [row["fid_2"] for row in rows] == [i % 3 for i in range(12)]
    if key == "3d-m":
        assert rows[0]["geometry"].Is3D() and rows[0]["geometry"].IsMeasured()
    if key == "geopackage-multi":
        assert ogr.Open(str(next(Path(result["PACKAGE_DIR"]).glob("*.gpkg")))).GetLayerCount() == 1
    if key == "antimeridien":
        geojson = json.loads(next(Path(result["PACKAGE_DIR"]).glob("*.geojson")).read_text())
        for feature in geojson["features"]:
            west, _south, east, _north = ogr.CreateGeometryFromJson(
                json.dumps(feature["geometry"])
            ).GetEnvelope()[0:4]
            assert -180 <= west <= 180 and -180 <= east <= 180  # RFC 7946: split at 180°


def test_latin1_dbf_stops_with_the_fix_then_publishes_re_read(
    provider, destinations, pycsw_server, udata_server, tmp_path: Path
) -> None:
    """A DBF in Latin-1 without .cpg: the publication stops and offers ISO-8859-1; with
    SOURCE_ENCODING=ISO-8859-1 the accents reach the portal intact."""
    from qgis.core import QgsProcessingException

    source = layer_corpus.latin1_dbf(tmp_path)
    with pytest.raises(QgsProcessingException) as caught:
        publish(described(source, "latin1", "Lieux-dits"), destinations)
    sentence = str(caught.value)
    assert "Colonne « nom » : 4 texte(s) illisible(s) en UTF-8" in sentence
    assert "ISO-8859-1" in sentence and ".cpg" in sentence
    layer = described(source, "latin1", "Lieux-dits")
    result = publish(layer, destinations, SOURCE_ENCODING="ISO-8859-1")
    assert_published(result, pycsw_server, udata_server, "2154")
    names = [row["nom"] for row in package_rows(result, ".geojson")]
    assert names == layer_corpus.LATIN1_NAMES


def test_postgis_view_without_primary_key(provider, database: Postgis, destinations) -> None:
    """A view has no primary key: QGIS cannot read it until a column of unique values is
    named, and has no file date: each time the publication stops and says what to do."""
    from qgis.core import QgsProcessingException

    database.psql("CREATE VIEW arbres_vue AS SELECT fid AS numero, nom, geom FROM arbres")
    uri = database.uri("arbres_vue").replace(" key='fid'", "")
    with pytest.raises(QgsProcessingException) as caught:
        publish(described((uri, "postgres"), "vue", "Arbres (vue)"), destinations)
    sentence = str(caught.value)
    assert sentence.startswith("QGIS ne peut pas lire « arbres_vue » : c'est une vue PostgreSQL")
    assert "key=" in sentence
    layer = described(
        (database.uri("arbres_vue").replace("'fid'", "'numero'"), "postgres"), "vue", "Arbres (vue)"
    )
    assert layer.isValid() and len(list(layer.getFeatures())) == 50
    with pytest.raises(QgsProcessingException) as caught:
        publish(layer, destinations)  # a table has no file date to take the data's date from
    assert "Indiquez au moins une date de la donnée" in str(caught.value)


@pytest.mark.skipif(
    not os.environ.get("GEOPUBLIER_SLOW"), reason="2 million points: GEOPUBLIER_SLOW=1 to run"
)
def test_two_million_points_are_published(
    provider, destinations, pycsw_server, udata_server, tmp_path: Path
) -> None:
    layer = described(layer_corpus.many_points(tmp_path, 2_000_000), "2m", "Deux millions")
    result = publish(layer, destinations, FORMATS=[0])
    assert_published(result, pycsw_server, udata_server, "2154")
    gpkg = next(Path(result["PACKAGE_DIR"]).glob("*.gpkg"))
    dataset = ogr.Open(str(gpkg))
    assert dataset.GetLayer(0).GetFeatureCount() == 2_000_000
