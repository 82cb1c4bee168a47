"""Servers hold their port without races: when another program takes the port first, the server
notices and starts again on another port; an answer from that other program never counts as
the server being ready.

The collision is forced, not hoped for: the port choice is injected so that the first port tried
is one this test already holds (an impostor answering like the real server, or a socket bound
without listening).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from sandbox import common
from sandbox.common import HOST, PORT_ATTEMPTS, SandboxError, kernel_port, port_owner
from sandbox.postgres import PostgresCluster, pg_bindir
from sandbox.pycsw_server import PycswServer
from sandbox.qgis_server import QgisMapServer
from sandbox.venvs import ensure_venv
from tests.ports import closed_port

pytestmark = pytest.mark.integration

IMPOSTOR = b"<WMS_Capabilities><Service><Title>imposteur</Title></Service></WMS_Capabilities>"


class Impostor(ThreadingHTTPServer):
    """Another program on the port, answering every GET like a map server would; counts
    the requests it gets."""

    requests_seen = 0


class _ImpostorHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.requests_seen += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(IMPOSTOR)))
        self.end_headers()
        self.wfile.write(IMPOSTOR)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture()
def impostor() -> Iterator[Impostor]:
    server = Impostor((HOST, 0), _ImpostorHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def taken_first(port: int) -> tuple[list[int], Callable[[], int]]:
    """A port chooser handing out `port` first, then ports the kernel picks; and the list of
    ports it handed out."""
    given: list[int] = []

    def choose() -> int:
        given.append(port if not given else kernel_port())
        return given[-1]

    return given, choose


def test_port_owner_tells_our_listening_socket_from_another_programs() -> None:
    with socket.socket() as listening:
        listening.bind((HOST, 0))
        listening.listen()
        port = listening.getsockname()[1]
        assert port_owner(port, _our_session()) == "ours"
        assert port_owner(port, session=1) == "other"
    with closed_port() as port:  # bound, not listening: nobody answers there
        assert port_owner(port, _our_session()) == "none"


def test_without_the_kernels_socket_tables_the_owner_is_unknown(monkeypatch) -> None:
    """Where /proc/net is hidden, ownership cannot be proven: the start falls back to the
    server's health check and its exit message, instead of waiting for ever."""
    monkeypatch.setattr(common, "SOCKET_TABLES", ("/nonexistent/tcp",))
    with socket.socket() as listening:
        listening.bind((HOST, 0))
        listening.listen()
        assert port_owner(listening.getsockname()[1], _our_session()) == "unknown"


def _our_session() -> int:
    return os.getsid(0)


def test_qgis_server_moves_off_a_port_held_by_an_impostor(
    tmp_path: Path, impostor: Impostor
) -> None:
    if shutil.which("qgis_mapserver") is None:
        pytest.skip("qgis-server is not installed (make setup installs it)")
    taken = impostor.server_address[1]
    given, choose = taken_first(taken)
    server = QgisMapServer(tmp_path / "projets", choose_port=choose)
    assert server.port == taken  # the collision really happens
    with server:
        assert server.port != taken and given[0] == taken and len(given) == 2
        answer = requests.get(
            server.url, params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"}, timeout=30
        )
        assert b"imposteur" not in answer.content
        assert b"Exception" in answer.content or b"Capabilities" in answer.content
        assert port_owner(server.port, server.pid) == "ours"
        # The impostor answered like a map server, yet the health check never asked it.
        assert impostor.requests_seen == 0


def test_every_port_taken_is_a_clear_error(tmp_path: Path, impostor: Impostor) -> None:
    if shutil.which("qgis_mapserver") is None:
        pytest.skip("qgis-server is not installed (make setup installs it)")
    taken = impostor.server_address[1]
    server = QgisMapServer(tmp_path / "projets", choose_port=lambda: taken)
    with pytest.raises(SandboxError) as raised:
        server.start()
    assert raised.value.code == "port_unavailable"
    assert f"{PORT_ATTEMPTS} essais" in str(raised.value) and str(taken) in str(raised.value)
    assert server.process is None and impostor.requests_seen == 0


def test_pycsw_moves_off_a_port_bound_by_another_program(tmp_path: Path) -> None:
    """A port bound but not listening: nothing answers there, the server cannot bind it and
    exits saying so; the next try takes another port."""
    ensure_venv("pycsw")
    with closed_port() as taken:
        given, choose = taken_first(taken)
        with PycswServer(tmp_path / "pycsw", choose_port=choose) as server:
            assert given[0] == taken and server.port not in (taken, 0)
            assert server.url == f"http://{HOST}:{server.port}/csw"
            answer = requests.get(server.capabilities_url(), timeout=30)
            assert answer.status_code == 200
            # The catalogue announces its own address, the port it holds.
            assert f"{HOST}:{server.port}/csw".encode() in answer.content


def test_postgres_moves_off_a_port_held_by_another_program() -> None:
    pg_bindir()  # PostgreSQL installed (else a clear postgres_missing error)
    data_dir = Path(tempfile.mkdtemp(prefix="geopublier-pg-port-"))
    cluster = None
    with socket.socket() as other:
        other.bind((HOST, 0))
        other.listen()
        taken = other.getsockname()[1]
        given, choose = taken_first(taken)
        try:
            cluster = PostgresCluster(data_dir, choose_port=choose)
            assert cluster.port == taken
            cluster.init()
            cluster.start()
            assert cluster.port != taken and given[0] == taken
            cluster.create_database("essai")  # psql reaches this cluster on its port
            assert "already in use" in cluster.log_path.read_text(errors="replace")
        finally:
            if cluster is not None:
                cluster.stop()
            shutil.rmtree(data_dir, ignore_errors=True)
