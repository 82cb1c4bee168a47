"""Real servers on 127.0.0.1 for the integration tests, started by the sandbox's own classes.

Each server runs from its venv under SANDBOX_HOME/venvs (installed on first use, pinned), with
its data in a temporary folder, and is stopped at the end of the session.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.ckan_server import CkanServer
from sandbox.pycsw_server import PycswServer
from sandbox.qgis_server import QgisMapServer
from sandbox.udata_server import UdataServer
from sandbox.venvs import ensure_venv


@pytest.fixture(scope="session")
def pycsw_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PycswServer]:
    """A real pycsw 2.6.2 CSW-T catalogue (SQLite, transactions for 127.0.0.1); `.url`."""
    ensure_venv("pycsw")
    server = PycswServer(tmp_path_factory.mktemp("pycsw"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _udata(factory: pytest.TempPathFactory, venv: str) -> Iterator[UdataServer]:
    """Start udata from one of its venvs in a fresh data dir; stop it at the end."""
    ensure_venv(venv)
    server = UdataServer(factory.mktemp(venv), venv=venv)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def udata_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UdataServer]:
    """Real udata 17 (API only, as data.gouv.fr runs the newest) on mongomock, seeded;
    `.api_url`, `.api_key`, `.organization_id`."""
    yield from _udata(tmp_path_factory, "udata")


@pytest.fixture(scope="session")
def udata10_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UdataServer]:
    """Real udata 10.4.2 with udata-front (the sandbox's portal, with its web pages)."""
    yield from _udata(tmp_path_factory, "udata10")


@pytest.fixture(scope="session")
def ckan_server() -> Iterator[CkanServer]:
    """Real CKAN 2.12 + PostgreSQL; Solr is the in-memory stand-in (the only fake piece).

    `.url`, `.api_url`, `.api_token` (an organisation admin), `.organization` (its name).
    The data dir is outside pytest's 0700 tmp tree: the postgres user must reach it.
    """
    ensure_venv("ckan")
    data_dir = Path(tempfile.mkdtemp(prefix="geopublier-ckan-"))
    server = CkanServer(data_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def sandbox_venvs_home() -> Path:
    """The sandbox folder whose venvs the tests use (installs the sandbox's venvs if needed)."""
    ensure_venv("pycsw")
    return ensure_venv("udata10").parent.parent


@pytest.fixture(scope="session")
def qgis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QgisMapServer]:
    """Debian's real qgis_mapserver serving an empty folder (each layer is one project in it);
    `.url`, `.folder`, `.connection(name)`."""
    if shutil.which("qgis_mapserver") is None:
        pytest.skip("qgis-server is not installed (make setup installs it)")
    server = QgisMapServer(tmp_path_factory.mktemp("qgis-server") / "projets")
    server.start()
    try:
        yield server
    finally:
        server.stop()
