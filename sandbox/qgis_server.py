"""A real QGIS Server (Debian's ``qgis_mapserver``) on 127.0.0.1 serving a folder of projects.

No ``-p``: each request names its project with ``MAP=<folder>/<layer>.qgs``, so every layer
GeoPublier publishes into the folder is served at once, each with its own GetCapabilities.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .common import HOST, SandboxError, ServerProcess, free_port, probe, spawn, wait_ready
from .messages import MESSAGES

START_TIMEOUT_S = 60.0
EXECUTABLE = "qgis_mapserver"
MESSAGES["fr"].setdefault(
    "qgis_server_missing",
    "QGIS Server n'est pas installé : apt-get install qgis-server (commande qgis_mapserver).",
)
MESSAGES["en"].setdefault(
    "qgis_server_missing",
    "QGIS Server is not installed: apt-get install qgis-server (qgis_mapserver command).",
)


def _answers(status: int, body: bytes) -> bool:
    """Any OGC answer (an exception report for the missing MAP is fine): the server is up."""
    return status in (200, 400, 500) and (b"Exception" in body or b"Capabilities" in body)


class QgisMapServer(ServerProcess):
    """``qgis_mapserver`` on a free port; ``.url`` is its OWS endpoint, ``.folder`` its projects."""

    def __init__(
        self,
        folder: Path,
        port: int | None = None,
        log_path: Path | None = None,
    ) -> None:
        self.folder = Path(folder).resolve()
        self.port = free_port(port)
        self.url = f"http://{HOST}:{self.port}/ows"
        self.log_path = Path(log_path) if log_path else self.folder.parent / "qgis_server.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The server's pid while it runs."""
        return self.process.pid if self.process else None

    def connection(self, name: str = "QGIS Server (bac à sable)") -> dict:
        """The GeoPublier connection that publishes into this server's folder."""
        return {
            "name": name,
            "type": "qgisserver",
            "url": self.url,
            "options": {"folder": str(self.folder)},
        }

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.setdefault("XDG_RUNTIME_DIR", str(self.folder.parent))
        env["QGIS_SERVER_LOG_LEVEL"] = "1"
        # The projects and their data live in the served folder only.
        env["QGIS_SERVER_IGNORE_BAD_LAYERS"] = "1"
        return env

    def start(self, timeout: float = START_TIMEOUT_S) -> QgisMapServer:
        """Serve the folder and wait until the server answers OGC requests."""
        executable = shutil.which(EXECUTABLE)
        if executable is None:
            raise SandboxError("qgis_server_missing")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = spawn(
            [executable, f"{HOST}:{self.port}"], self.log_path, self._env(), self.folder
        )
        ready = f"{self.url}?SERVICE=WMS&REQUEST=GetCapabilities"
        try:
            wait_ready(
                "qgis_mapserver",
                lambda: probe(ready, _answers),
                self.process,
                self.log_path,
                timeout,
            )
        except SandboxError:
            self.stop()
            raise
        return self
