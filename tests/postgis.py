"""A throw-away PostGIS database on 127.0.0.1 for tests (Debian's PostgreSQL + PostGIS 3).

The superuser is trusted on 127.0.0.1 (a private cluster on a free port, stopped at the end).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sandbox.common import HOST
from sandbox.postgres import PostgresCluster, extension_dir

DATABASE = "geo"


class Postgis:
    """A PostGIS database `geo`; `.psql(sql)`, `.load(gpkg, table)`, `.uri(table)`."""

    def __init__(self, cluster: PostgresCluster) -> None:
        self.cluster = cluster

    def psql(self, sql: str) -> str:
        """Run SQL as the superuser in its own session (closed, so its statistics are sent)."""
        command = [str(self.cluster.bindir / "psql"), "-h", HOST, "-p", str(self.cluster.port)]
        command += ["-U", "postgres", "-d", DATABASE, "-v", "ON_ERROR_STOP=1", "-tAc", sql]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def load(self, gpkg: Path, table: str) -> None:
        """Copy a GeoPackage's first table into `table` (geometry column `geom`)."""
        target = f"PG:host={HOST} port={self.cluster.port} dbname={DATABASE} user=postgres"
        subprocess.run(
            ["ogr2ogr", "-q", "-f", "PostgreSQL", target, str(gpkg), "-nln", table]
            + ["-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid"],
            check=True,
        )

    def uri(self, table: str) -> str:
        """A `postgres` provider URI for the table, as QGIS's browser writes it."""
        return (
            f"dbname='{DATABASE}' host={HOST} port={self.cluster.port} user='postgres' "
            f"sslmode=disable key='fid' estimatedmetadata=true srid=2154 type=Point "
            f'table="public"."{table}" (geom)'
        )


def assert_postgis_installed() -> None:
    """Fail with the package to install when Debian's PostgreSQL has no PostGIS."""
    extensions = extension_dir()
    assert (extensions / "postgis.control").exists(), (
        f"PostGIS manquant dans {extensions} : make apt (paquet postgresql-<version>-postgis-3)"
    )


@contextmanager
def postgis_database() -> Iterator[Postgis]:
    """Start the cluster, create `geo` with PostGIS, stop and delete it at the end."""
    assert_postgis_installed()
    data_dir = Path(tempfile.mkdtemp(prefix="geopublier-postgis-"))
    cluster = PostgresCluster(data_dir)
    try:
        cluster.init()
        cluster.start()
        cluster.create_database(DATABASE)
        database = Postgis(cluster)
        database.psql("CREATE EXTENSION postgis")
        yield database
    finally:
        cluster.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
