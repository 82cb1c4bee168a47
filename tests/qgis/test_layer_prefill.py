"""Pre-filling a record from real layers, and keeping it with the layer and the project."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from osgeo import gdal, osr
from qgis.core import (
    QgsDateTimeRange,
    QgsLayerMetadata,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from plugin.core.model import ResponsibleParty, TemporalExtent
from plugin.core.profile import OrganisationProfile
from plugin.qgis.layer_metadata import save_record, stored_record
from plugin.qgis.layer_reader import prefill
from tests.conftest import QMD
from tests.datasets import points_gpkg


def test_geopackage_prefill_reads_layer_facts(tmp_path: Path) -> None:
    layer = QgsVectorLayer(
        str(points_gpkg(tmp_path / "arbres.gpkg", 50)) + "|layername=points",
        "Arbres d'alignement",
        "ogr",
    )
    assert layer.isValid()
    facts = prefill(layer)
    record = facts.record
    assert record.title == "Arbres d'alignement"
    assert record.reference_systems == ["EPSG:2154"]
    assert record.geometry_type == "point" and record.spatial_representation_type == "vector"
    assert record.feature_count == 50
    assert [a.name for a in record.attributes] == ["fid", "id", "x", "y", "nom"]
    assert [a.type for a in record.attributes][-1] == "String"
    box = record.bboxes[0]
    assert 2.9 < box.west < box.east < 3.2 and 46.4 < box.south < box.north < 46.6
    assert record.encodings[0].name == "GeoPackage"
    assert len(record.creation_date) == 10
    assert record.identifier.code and {"title", "bboxes", "identifier"} <= facts.guessed


def test_shapefile_with_qmd_brings_the_users_metadata(rivers_shapefile: Path) -> None:
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    assert layer.isValid()
    record = prefill(layer).record
    assert record.title == "Cours d'eau de l'agglomération d'Exemple"
    assert record.abstract.startswith("Tracé des cours d'eau & fossés")
    assert record.inspire_themes == ["hy"]
    assert record.topic_categories == ["inlandWaters"]
    assert record.free_keywords == ["rivières", "eau"]
    assert record.licence == "lov2"
    assert record.lineage == "Numérisation au 1:5000 sur la BD ORTHO 2021."
    assert record.responsible_parties == [
        ResponsibleParty(
            organisation="Agglomération d'Exemple",
            individual="Service SIG",
            email="sig@exemple-agglo.fr",
            phone="01 23 45 67 89",
            role="custodian",
        )
    ]
    assert record.identifier.uri == "https://data.exemple-agglo.fr/id/cours-d-eau"
    assert record.geometry_type == "curve" and record.feature_count == 2
    assert "débit" in [a.name for a in record.attributes]
    assert record.character_set == "utf8"


def test_qmd_language_and_temporal_extent_are_read(rivers_shapefile: Path) -> None:
    """QGIS's editor stores "en" and a period in UTC: the record gets "eng" and bare dates."""
    qmd = QMD.replace("<language>fre</language>", "<language>en</language>").replace(
        "<extent/>",
        "<extent><temporal><period><start>2021-01-01T00:00:00Z</start>"
        "<end>2023-06-30T00:00:00Z</end></period></temporal></extent>",
    )
    rivers_shapefile.with_suffix(".qmd").write_text(qmd, encoding="utf-8")
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    record = prefill(layer).record
    assert record.resource_languages == ["eng"]
    assert record.temporal_extent == TemporalExtent("2021-01-01", "2023-06-30")


def test_update_frequency_travels_in_qgis_metadata(rivers_shapefile: Path) -> None:
    """QGIS's metadata has no frequency: it is kept as a keyword of its ISO vocabulary (as
    QGIS keeps topic categories), read back from a .qmd and never taken for a thesaurus."""
    qmd = QMD.replace(
        "<extent/>",
        '<keywords vocabulary="gmd:MD_MaintenanceFrequencyCode"><keyword>monthly</keyword>'
        "</keywords><extent/>",
    )
    rivers_shapefile.with_suffix(".qmd").write_text(qmd, encoding="utf-8")
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    record = prefill(layer).record
    assert record.maintenance_frequency == "monthly"
    assert all(
        g.thesaurus_title != "gmd:MD_MaintenanceFrequencyCode" for g in record.keyword_groups
    )
    record.maintenance_frequency = "annually"
    save_record(layer, record)
    assert layer.metadata().keywords()["gmd:MD_MaintenanceFrequencyCode"] == ["annually"]


def test_language_and_period_written_back_and_read_again(rivers_shapefile: Path) -> None:
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    record = prefill(layer).record
    record.resource_languages = ["fre", "bre"]
    record.temporal_extent = TemporalExtent("2019", "now")
    save_record(layer, record)
    metadata = layer.metadata()
    assert metadata.language() == "fre"
    (period,) = metadata.extent().temporalExtents()
    assert period.begin().toString(Qt.ISODate) == "2019-01-01T00:00:00Z"
    assert not period.end().isValid()  # ongoing: open end
    edited = QgsLayerMetadata(metadata)
    edited.setTitle("Réseau hydrographique")
    layer.setMetadata(edited)
    kept = stored_record(layer)
    assert kept.title == "Réseau hydrographique"  # the QGIS edit was read…
    assert kept.resource_languages == ["fre", "bre"]  # …and nothing QGIS cannot hold was lost
    assert kept.temporal_extent == TemporalExtent("2019", "now")
    edited.setLanguage("English")
    extent = edited.extent()
    extent.setTemporalExtents(
        [
            QgsDateTimeRange(
                QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt.UTC),
                QDateTime(QDate(2022, 5, 4), QTime(8, 30), Qt.UTC),
            )
        ]
    )
    edited.setExtent(extent)
    layer.setMetadata(edited)
    kept = stored_record(layer)
    assert kept.resource_languages == ["eng", "bre"]  # QGIS's one language is the first
    assert kept.temporal_extent == TemporalExtent("2020-01-01", "2022-05-04T08:30:00Z")


def test_memory_layer_and_organisation_profile() -> None:
    layer = QgsVectorLayer("Polygon?crs=EPSG:3948&field=code_insee:string(5)", "Communes", "memory")
    profile = OrganisationProfile(
        organisation="Commune d'Exemple",
        email="sig@exemple.fr",
        licence="odc-odbl",
        keywords=["données ouvertes"],
        identifier_namespace="https://data.exemple.fr/id/",
    )
    record = prefill(layer, profile).record
    assert record.reference_systems == ["EPSG:3948"]
    assert record.geometry_type == "surface"
    assert record.creation_date == ""
    assert record.licence == "odc-odbl"
    assert record.responsible_parties[0].organisation == "Commune d'Exemple"
    assert record.metadata_contacts[0].role == "pointOfContact"
    assert record.free_keywords == ["données ouvertes"]
    assert record.identifier.uri.startswith("https://data.exemple.fr/id/")


def test_raster_gives_grid_and_resolution(tmp_path: Path) -> None:
    path = tmp_path / "ortho.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 20, 10, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((650000.0, 0.5, 0.0, 6862000.0, 0.0, -0.5))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset.SetProjection(srs.ExportToWkt())
    dataset = None
    layer = QgsRasterLayer(str(path), "Orthophoto")
    record = prefill(layer).record
    assert record.spatial_representation_type == "grid"
    assert record.resolutions[0].distance == 0.5 and record.resolutions[0].uom == "m"
    assert record.encodings[0].name == "GeoTIFF"
    assert 2.3 < record.bboxes[0].west < 2.4


def test_record_survives_saving_and_reopening_the_project(
    rivers_shapefile: Path, tmp_path: Path
) -> None:
    project = QgsProject.instance()
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    project.addMapLayer(layer)
    record = prefill(layer).record
    record.lineage = "Levés GPS & photo-interprétation <2023>"
    record.inspire_themes = ["hy", "am"]
    record.conformities[0].degree = False
    save_record(layer, record)
    assert project.isDirty()
    project_path = tmp_path / "projet.qgz"
    assert project.write(str(project_path))
    project.clear()
    assert project.read(str(project_path))
    reopened = next(iter(project.mapLayersByName("cours_eau")))
    assert stored_record(reopened) == record
    assert reopened.metadata().history() == ["Levés GPS & photo-interprétation <2023>"]
    project.clear()


def test_edits_in_qgis_metadata_editor_win(rivers_shapefile: Path) -> None:
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    record = prefill(layer).record
    save_record(layer, record)
    edited = QgsLayerMetadata(layer.metadata())
    edited.setTitle("Réseau hydrographique")
    layer.setMetadata(edited)
    kept = stored_record(layer)
    assert kept.title == "Réseau hydrographique"
    assert kept.identifier == record.identifier
    assert kept.conformities == record.conformities


def test_million_points_prefill_uses_the_declared_extent(tmp_path: Path) -> None:
    """No feature is read: the extent GeoPackage declares is what we get, even when it is wider."""
    path = points_gpkg(tmp_path / "million.gpkg", 1_000_000)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE gpkg_contents SET min_x=600000, max_x=800000, min_y=6500000, "
            "max_y=6700000 WHERE table_name='points'"
        )
    layer = QgsVectorLayer(f"{path}|layername=points", "million", "ogr")
    record = prefill(layer).record
    assert record.feature_count == 1_000_000
    box = record.bboxes[0]
    assert box.west < 2.0 and box.east > 4.0


def test_identifiers_ignore_the_login_of_whoever_opens_the_table() -> None:
    """Two colleagues, two accounts, one table: the same identifiers, no login in them."""
    from plugin.qgis.drafts import layer_key
    from plugin.qgis.layer_reader import source_without_password, stable_uuid

    def table(user: str, password: str) -> QgsVectorLayer:
        source = (
            f"dbname='sig' host=127.0.0.1 port=9 user='{user}' password='{password}' "
            'table="public"."arbres" (geom)'
        )
        return QgsVectorLayer(source, "arbres", "postgres")

    alice, bob = table("alice", "s3cret-A"), table("bob", "s3cret-B")
    assert stable_uuid(alice, "resource") == stable_uuid(bob, "resource")
    assert layer_key(alice) == layer_key(bob)
    cleaned = source_without_password(alice)
    assert "alice" not in cleaned and "s3cret" not in cleaned and '"arbres"' in cleaned
