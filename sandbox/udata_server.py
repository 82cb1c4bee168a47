"""The real udata application (data.gouv.fr's software) on mongomock, on 127.0.0.1.

Two venvs can run it: `udata10` (udata 10.4.2 + udata-front: the web pages of data.gouv.fr, what
the sandbox runs) and `udata` (udata 17, API only). The database is in-memory inside the server
process, saved to and restored from the data dir (see udata_launcher.py, udata_store.py). A seed
file keeps the API keys and ids stable across restarts and lists the trainees' accounts.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Callable

from .common import (
    HOST,
    SandboxError,
    ServerProcess,
    kernel_port,
    probe,
    spawn,
    write_private_json,
)
from .venvs import require, venv_python

START_TIMEOUT_S = 120.0
LAUNCHER = Path(__file__).resolve().with_name("udata_launcher.py")


def _is_licence_list(status: int, body: bytes) -> bool:
    """Accept the licences endpoint once it answers a JSON list."""
    return status == 200 and body.lstrip().startswith(b"[")


class UdataServer(ServerProcess):
    """Start udata in a data dir; exposes `.url`, `.api_url`, `.api_key`, `.organization_id`."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        home: Path | None = None,
        seed: dict[str, Any] | None = None,
        log_path: Path | None = None,
        venv: str = "udata",
        host: str = HOST,
        choose_port: Callable[[], int] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.host = host
        self._first_port(port, choose_port or (lambda: kernel_port(host)), host)
        self.home = home
        self.venv = venv
        self.seed = dict(seed or {})
        self.log_path = Path(log_path) if log_path else self.data_dir / "udata.log"
        self.ready_path = self.data_dir / "udata-ready.json"
        self.seed_path = self.data_dir / "udata-seed.json"
        self.process: subprocess.Popen[bytes] | None = None
        self.api_key = ""
        self.user_id = ""
        self.organization_id = ""
        self.organization_slug = ""
        self.other_organization_id = ""
        self.trainees: list[dict[str, Any]] = []
        self.front = False

    @property
    def url(self) -> str:
        """The portal's address (on the port the server holds once started)."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        """The portal's API v1."""
        return f"{self.url}/api/1"

    @property
    def pid(self) -> int | None:
        """Return the server's pid while it runs."""
        return self.process.pid if self.process else None

    def _env(self) -> dict[str, str]:
        """Return the launcher's environment: no proxy, quiet Python warnings."""
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        env["PYTHONWARNINGS"] = "ignore"
        env.pop("UDATA_SETTINGS", None)
        return env

    def start(self, timeout: float = START_TIMEOUT_S) -> UdataServer:
        """Launch, wait for the ready file and the licences endpoint, read the seeded ids."""
        require(self.venv, self.home)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.seed:
            write_private_json(self.seed_path, self.seed)

        def launch(port: int) -> subprocess.Popen[bytes]:
            self.port = port
            self.ready_path.unlink(missing_ok=True)
            command = [
                str(venv_python(self.venv, self.home)),
                str(LAUNCHER),
                f"--data-dir={self.data_dir}",
                f"--port={port}",
                f"--ready-file={self.ready_path}",
                f"--host={self.host}",
            ]
            if self.seed:
                command.append(f"--seed-file={self.seed_path}")
            return spawn(command, self.log_path, self._env(), self.data_dir)

        try:
            self._listen("udata", launch, self._ready_and_answering, timeout, self.host)
            self._read_ready_file()
        except SandboxError:
            self.stop()
            raise
        finally:
            # The key must not linger in the data dir: the caller keeps it where it wants.
            self.ready_path.unlink(missing_ok=True)
            self.seed_path.unlink(missing_ok=True)
        return self

    def _read_ready_file(self) -> None:
        """Load the API key and the seeded ids written by the launcher."""
        try:
            ready = json.loads(self.ready_path.read_text(encoding="utf-8"))
            self.api_key = str(ready["api_key"])
            self.user_id = str(ready["user_id"])
            self.organization_id = str(ready["organization_id"])
            self.organization_slug = str(ready["organization_slug"])
            self.other_organization_id = str(ready["other_organization_id"])
            self.trainees = list(ready.get("trainees") or [])
            self.front = bool(ready.get("front"))
        except (OSError, ValueError, KeyError) as error:
            raise SandboxError("ready_file_invalid", server="udata", detail=error) from error

    def _ready_and_answering(self) -> bool:
        """The launcher wrote its ready file and the API answers."""
        return self.ready_path.exists() and self.is_ready()

    def is_ready(self) -> bool:
        """Tell whether the API answers the licences list."""
        return probe(f"{self.api_url}/datasets/licenses/", _is_licence_list)
