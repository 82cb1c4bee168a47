"""A real QGIS Server (Debian's ``qgis_mapserver``) on 127.0.0.1 serving a folder of projects.

No ``-p``: each request names its project with ``MAP=<folder>/<layer>.qgs``, so every layer
GeoPublier publishes into the folder is served at once, each with its own GetCapabilities.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

from .common import (
    HOST,
    SandboxError,
    ServerProcess,
    kernel_port,
    probe,
    spawn,
)
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


def answers(status: int, body: bytes) -> bool:
    """Any OGC answer (an exception report for the missing MAP is fine): the server is up."""
    return status in (200, 400, 500) and (b"Exception" in body or b"Capabilities" in body)


class QgisMapServer(ServerProcess):
    """``qgis_mapserver`` on a free port; ``.url`` is its OWS endpoint, ``.folder`` its projects."""

    def __init__(
        self,
        folder: Path,
        port: int | None = None,
        log_path: Path | None = None,
        choose_port: Callable[[], int] = kernel_port,
    ) -> None:
        self.folder = Path(folder).resolve()
        self._first_port(port, choose_port)
        self.log_path = Path(log_path) if log_path else self.folder.parent / "qgis_server.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The OWS endpoint (on the port the server holds once started)."""
        return f"http://{HOST}:{self.port}/ows"

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

        def launch(port: int) -> subprocess.Popen[bytes]:
            self.port = port
            return spawn([executable, f"{HOST}:{port}"], self.log_path, self._env(), self.folder)

        def ready() -> bool:
            return probe(f"{self.url}?SERVICE=WMS&REQUEST=GetCapabilities", answers)

        self._listen(EXECUTABLE, launch, ready, timeout)
        return self


# --- the trainers' sandbox (`python -m sandbox start`) -------------------------------------
SANDBOX_NAME = "qgisserver"
CONNECTION_NAME = "Serveur cartographique bac à sable"
DEFAULT_PORT = 8703
PORT_ENV = "GEOPUBLIER_SANDBOX_QGIS_PORT"


def start_in_sandbox(data: Path, previous: dict, log_path: Path) -> QgisMapServer:
    """Start qgis_mapserver detached on the sandbox's folder (kept across stop/start)."""
    configured = os.environ.get(PORT_ENV, "").strip()
    port = int(configured) if configured.isdigit() else int(previous.get("port") or DEFAULT_PORT)
    return QgisMapServer(data / "qgis_server" / "projets", port=port, log_path=log_path).start()


def sandbox_entry(server: QgisMapServer) -> dict:
    """The server's entry in the sandbox's state.json (stop/status find it by pid + marker)."""
    return {
        "url": server.url,
        "port": server.port,
        "pid": server.pid,
        "marker": f"{EXECUTABLE} {HOST}:{server.port}",
        "log": str(server.log_path),
        "folder": str(server.folder),
    }


def record_in_sandbox(state_path: Path, connections_path: Path, server: QgisMapServer) -> None:
    """Add the server to state.json and its connection to connections.json (no secret)."""
    from .common import write_private_json

    state = json.loads(state_path.read_text(encoding="utf-8"))
    state[SANDBOX_NAME] = sandbox_entry(server)
    write_private_json(state_path, state)
    connections = json.loads(connections_path.read_text(encoding="utf-8"))
    items = [c for c in connections["connections"] if c.get("type") != "qgisserver"]
    items.append(server.connection(CONNECTION_NAME))
    connections["connections"] = items
    connections_path.write_text(
        json.dumps(connections, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def health_url(entry: dict) -> str:
    """What `status` probes: any OGC answer means the server runs."""
    return f"{entry['url']}?SERVICE=WMS&REQUEST=GetCapabilities"


def getmap_url(
    wms_base: str, layer: str, bbox: tuple[float, float, float, float], size: int = 600
) -> str:
    """A GetMap (WMS 1.3.0, EPSG:4326, so lat/lon axis order) of ``layer`` over a WGS84 box
    (west, south, east, north), as a browser can open it: ``size`` pixels on the longer side
    and the other in proportion, so that pixels are square and round markers stay round."""
    west, south, east, north = bbox
    width, height = _proportional_size(east - west, north - south, size)
    params = {
        "SERVICE": "WMS",
        "VERSION": "1.3.0",
        "REQUEST": "GetMap",
        "LAYERS": layer,
        "STYLES": "",
        "CRS": "EPSG:4326",
        "BBOX": f"{south},{west},{north},{east}",
        "WIDTH": str(width),
        "HEIGHT": str(height),
        "FORMAT": "image/png",
    }
    separator = "&" if "?" in wms_base else "?"
    return wms_base + separator + urlencode(params, safe=":,/")


def _proportional_size(dx: float, dy: float, size: int) -> tuple[int, int]:
    """(width, height) in pixels for a dx × dy box, ``size`` on the longer side."""
    if dx <= 0 or dy <= 0:
        return size, size
    if dx >= dy:
        return size, max(1, round(size * dy / dx))
    return max(1, round(size * dx / dy)), size


def geojson_bbox(path: Path, margin: float = 0.1) -> tuple[float, float, float, float]:
    """The WGS84 box of a GeoJSON point/line/polygon file, widened by ``margin`` (a fraction)."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(coordinates) -> None:
        if coordinates and isinstance(coordinates[0], (int, float)):
            xs.append(float(coordinates[0]))
            ys.append(float(coordinates[1]))
        else:
            for item in coordinates:
                walk(item)

    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        walk(feature["geometry"]["coordinates"])
    dx = (max(xs) - min(xs)) * margin or 0.01
    dy = (max(ys) - min(ys)) * margin or 0.01
    return (min(xs) - dx, min(ys) - dy, max(xs) + dx, max(ys) + dy)
