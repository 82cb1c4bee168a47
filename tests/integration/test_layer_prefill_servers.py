"""Layer → record pre-fill from a real PostGIS table and a real WMS layer (issue 3 §6).

PostGIS 3 on Debian's PostgreSQL (15 on Debian 12, 17 on Debian 13) and QGIS Server
(`qgis_mapserver`) run on 127.0.0.1, started by the fixtures below and stopped at the end of the
session: nothing here is a stand-in.
Both serve the same 50 points in Lambert-93, so the expected WGS84 box is computed once, by GDAL.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from osgeo import osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from plugin.core.model import Record
from plugin.qgis.layer_reader import prefill
from sandbox.common import HOST, kernel_port, probe, spawn, start_listening, stop_group
from sandbox.postgres import PostgresCluster
from tests.datasets import points_gpkg
from tests.postgis import DATABASE, Postgis, assert_postgis_installed

pytestmark = pytest.mark.integration

POINTS = 50  # a 8 × 8 grid at 10 m from (700000, 6600000): x ≤ 700070, y ≤ 6600060
READER = "lecteur"
# Spaces and an accent: QgsDataSourceUri.removePassword() would leave half of it in the URI.
PASSWORD = "mot de passe très-secret 42"
NEW_PASSWORD = "autre secret 43"
TITLE, ABSTRACT, KEYWORDS = "Arbres d'alignement", "Arbres relevés & géolocalisés", "arbres, voirie"


def expected_wgs84_box() -> tuple[float, float, float, float]:
    """West, east, south, north of the points, transformed by GDAL (not by the code under test)."""
    lambert93, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert93.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(lambert93, wgs84)
    corners = [
        transform.TransformPoint(x, y)[:2] for x in (700000, 700070) for y in (6600000, 6600060)
    ]
    lons, lats = [c[0] for c in corners], [c[1] for c in corners]
    return min(lons), max(lons), min(lats), max(lats)


def assert_box(record: Record) -> None:
    """One WGS84 box, within a metre of the data's (the estimated extent is float4)."""
    (box,) = record.bboxes
    actual = (box.west, box.east, box.south, box.north)
    assert actual == pytest.approx(expected_wgs84_box(), abs=1e-5)


def record_json(record: Record) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False)


# --- PostGIS -------------------------------------------------------------------------------


class PostgisDatabase(Postgis):
    """A PostGIS database on a private cluster; `lecteur` logs in with a password (SCRAM)."""

    def load_points(self, folder: Path, table: str) -> None:
        """The 50 points as `table` (EPSG:2154), loaded by ogr2ogr, readable by `lecteur`."""
        gpkg = points_gpkg(folder / f"{table}.gpkg", POINTS)
        target = f"PG:host={HOST} port={self.cluster.port} dbname={DATABASE} user=postgres"
        subprocess.run(
            ["ogr2ogr", "-q", "-f", "PostgreSQL", target, str(gpkg), "-nln", table]
            + ["-lco", "GEOMETRY_NAME=geom"],
            check=True,
        )
        self.psql(
            f"ALTER TABLE {table} SET (autovacuum_enabled = false);"
            f"GRANT SELECT ON {table} TO {READER};"
            f"COMMENT ON COLUMN {table}.nom IS 'Nom usuel de l''arbre'"
        )

    def uri(self, table: str, password: str = PASSWORD) -> str:
        """A `postgres` provider URI as QGIS's connection dialog writes it, statistics only."""
        return (
            f"dbname='{DATABASE}' host={HOST} port={self.cluster.port} user='{READER}' "
            f"password='{password}' sslmode=disable key='fid' estimatedmetadata=true srid=2154 "
            f'type=Point table="public"."{table}" (geom)'
        )

    def log_size(self) -> int:
        return self.cluster.log_path.stat().st_size

    def statements_since(self, offset: int) -> str:
        """What the server logged after `offset` (every statement is logged)."""
        with self.cluster.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", errors="replace")


@pytest.fixture(scope="session")
def postgis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgisDatabase]:
    """Real PostgreSQL + PostGIS 3 on 127.0.0.1; tables `arbres` (analysed) and `frais` (not).

    The data dir is outside pytest's 0700 tmp tree: the postgres user must reach it.
    """
    assert_postgis_installed()
    data_dir = Path(tempfile.mkdtemp(prefix="geopublier-postgis-"))
    cluster = PostgresCluster(data_dir)
    try:
        cluster.init()
        # The superuser is trusted (to load data); everyone else needs a real password.
        (cluster.data_dir / "pg_hba.conf").write_text(
            f"host all postgres {HOST}/32 trust\nhost all all {HOST}/32 scram-sha-256\n",
            encoding="utf-8",
        )
        cluster.start()
        cluster.create_database(DATABASE)
        database = PostgisDatabase(cluster)
        database.psql(f"CREATE EXTENSION postgis; CREATE ROLE {READER} LOGIN PASSWORD '{PASSWORD}'")
        folder = tmp_path_factory.mktemp("postgis-data")
        database.load_points(folder, "arbres")
        database.psql("ANALYZE arbres")
        database.load_points(folder, "frais")
        database.psql(f"ALTER DATABASE {DATABASE} SET log_statement = 'all'")
        yield database
    finally:
        cluster.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def test_postgis_prefill_reads_the_statistics_not_the_table(postgis: PostgisDatabase) -> None:
    layer = QgsVectorLayer(postgis.uri("arbres"), TITLE, "postgres")
    assert layer.isValid(), layer.dataProvider().error().message()
    offset = postgis.log_size()
    facts = prefill(layer)
    statements = postgis.statements_since(offset)
    assert "st_estimatedextent" in statements  # the log is live: QGIS asked the statistics…
    assert 'FROM "public"."arbres"' not in statements  # …and read no row (no extent, no count)
    assert "CURSOR" not in statements  # no feature iteration
    record = facts.record
    assert record.title == TITLE
    assert record.reference_systems == ["EPSG:2154"]
    assert_box(record)
    assert record.spatial_representation_type == "vector" and record.geometry_type == "point"
    assert record.feature_count == POINTS  # pg_class.reltuples, exact after ANALYZE
    assert [(a.name, a.type) for a in record.attributes] == [
        ("fid", "int4"),
        ("id", "int4"),
        ("x", "float8"),
        ("y", "float8"),
        ("nom", "varchar"),
    ]
    assert record.attributes[-1].comment == "Nom usuel de l'arbre"
    assert [e.name for e in record.encodings] == ["PostGIS"]
    assert record.character_set == "utf8"
    assert record.creation_date == ""  # a table has no file date
    assert facts.warnings == []


def test_postgis_unknown_count_is_left_empty(postgis: PostgisDatabase) -> None:
    """A never-analysed table: PostgreSQL does not know its size, so the record says nothing.

    (QGIS then asks the server for ST_Extent: the box is still right, computed server-side.)
    """
    layer = QgsVectorLayer(postgis.uri("frais"), "frais", "postgres")
    assert layer.isValid()
    offset = postgis.log_size()
    record = prefill(layer).record
    assert "CURSOR" not in postgis.statements_since(offset)
    assert record.feature_count is None  # not 0, not -1
    assert_box(record)
    assert record.reference_systems == ["EPSG:2154"]


def test_postgis_password_stays_out_of_the_record(postgis: PostgisDatabase) -> None:
    """Not in the record, nor in the ids derived from the source (they are published)."""
    layer = QgsVectorLayer(postgis.uri("arbres"), TITLE, "postgres")
    assert layer.isValid()
    record = prefill(layer).record
    text = record_json(record)
    assert PASSWORD not in text and "très-secret" not in text
    postgis.psql(f"ALTER ROLE {READER} PASSWORD '{NEW_PASSWORD}'")
    try:
        renewed = QgsVectorLayer(postgis.uri("arbres", NEW_PASSWORD), TITLE, "postgres")
        assert renewed.isValid(), renewed.dataProvider().error().message()
        again = prefill(renewed).record
    finally:
        postgis.psql(f"ALTER ROLE {READER} PASSWORD '{PASSWORD}'")
    # A new password is still the same table: same record, same resource (republish in place).
    assert again.file_identifier == record.file_identifier
    assert again.identifier.code == record.identifier.code
    assert NEW_PASSWORD not in record_json(again)


# --- WMS (QGIS Server) ---------------------------------------------------------------------


def write_wms_project(folder: Path) -> Path:
    """A QGIS project with one point layer (title, abstract, keywords), served as `arbres`."""
    gpkg = points_gpkg(folder / "arbres.gpkg", POINTS)
    project = QgsProject()
    layer = QgsVectorLayer(f"{gpkg}|layername=points", "arbres", "ogr")
    assert layer.isValid()
    layer.setTitle(TITLE)
    layer.setAbstract(ABSTRACT)
    layer.setKeywordList(KEYWORDS)
    project.addMapLayer(layer)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", "Carte de test GeoPublier")
    project.writeEntry("WMSCrsList", "/", ["EPSG:2154", "EPSG:4326", "EPSG:3857"])
    path = folder / "carte.qgs"
    assert project.write(str(path))
    project.clear()
    return path


@pytest.fixture(scope="session")
def wms_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real QGIS Server 3.22 (`qgis_mapserver`) on 127.0.0.1 serving the project; its URL."""
    folder = tmp_path_factory.mktemp("qgis-server")
    project = write_wms_project(folder)
    log_path = folder / "qgis_mapserver.log"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QGIS_AUTH_DB_DIR_PATH": str(folder),  # not the test session's auth database
        "QGIS_CUSTOM_CONFIG_PATH": str(folder),
        "QGIS_SERVER_LOG_STDERR": "1",
    }

    def launch(port: int) -> subprocess.Popen[bytes]:
        return spawn(
            ["qgis_mapserver", "-p", str(project), f"{HOST}:{port}"], log_path, env, folder
        )

    def serves_the_project(port: int) -> bool:
        return probe(
            f"http://{HOST}:{port}/?SERVICE=WMS&REQUEST=GetCapabilities",
            lambda status, body: status == 200 and b"<Name>arbres</Name>" in body,
        )

    process, port = start_listening(
        "qgis_mapserver", launch, serves_the_project, log_path, 60, kernel_port()
    )
    try:
        yield f"http://{HOST}:{port}/"
    finally:
        stop_group(process.pid)


def wms_layer(url: str, crs: str = "EPSG:2154", credentials: str = "") -> QgsRasterLayer:
    """The served layer opened as QGIS's WMS source dialog would (named after its title)."""
    source = f"crs={crs}&format=image/png&layers=arbres{credentials}&styles=&url={url}"
    layer = QgsRasterLayer(source, f"{TITLE} (WMS)", "wms")
    assert layer.isValid(), layer.error().message()
    return layer


@pytest.mark.parametrize("crs", ["EPSG:2154", "EPSG:3857"])
def test_wms_prefill_takes_the_layer_and_its_extent(wms_url: str, crs: str) -> None:
    facts = prefill(wms_layer(wms_url, crs))
    record = facts.record
    assert record.title == f"{TITLE} (WMS)"
    assert record.reference_systems == [crs]
    assert_box(record)  # the capabilities' box for that CRS, back in WGS84
    assert record.spatial_representation_type == "grid"
    # Nothing invented: a web map has no pixel size (QGIS would say 1 map unit), no file, no
    # format, no features; abstract and keywords may only be the server's own.
    assert record.resolutions == []
    assert record.encodings == [] and record.creation_date == ""
    assert record.geometry_type == "" and record.feature_count is None and record.attributes == []
    assert record.abstract in ("", ABSTRACT)
    assert set(record.free_keywords) <= {"arbres", "voirie"}
    assert facts.warnings == []


def test_wms_password_stays_out_of_the_record(wms_url: str) -> None:
    first = prefill(wms_layer(wms_url, credentials=f"&password={PASSWORD}&username=sig")).record
    second = prefill(wms_layer(wms_url, credentials=f"&password={NEW_PASSWORD}&username=sig"))
    assert PASSWORD not in record_json(first) and "très-secret" not in record_json(first)
    assert second.record.file_identifier == first.file_identifier
    assert second.record.identifier.code == first.identifier.code
