"""The real CKAN 2.12 on 127.0.0.1: PostgreSQL (Debian) + the in-memory Solr stand-in.

Everything is CKAN's own code except Solr, replaced by `solr_standin.py` (the only fake piece,
Solr cannot be installed here). Seeding: a sysadmin made with CKAN's CLI; then, through the
action API, an organisation and a publisher who administers it; `.api_token` is the
publisher's token (realistic permissions), `.sysadmin_token` the sysadmin's.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable

from .common import (
    HOST,
    SandboxError,
    ServerProcess,
    kernel_port,
    probe,
    spawn,
    start_listening,
    stop_group,
)
from .postgres import PostgresCluster
from .venvs import require, venv_bin

START_TIMEOUT_S = 180.0
CLI_TIMEOUT_S = 300
SOLR_STANDIN = Path(__file__).resolve().with_name("solr_standin.py")
LICENCES_FILE = Path(__file__).resolve().with_name("licences.json")
ORGANIZATION_NAME = "commune-demo-sur-loire"
ORGANIZATION_TITLE = "Commune de Démo-sur-Loire"


def _is_status_ok(status: int, body: bytes) -> bool:
    """Accept CKAN's status_show answer."""
    return status == 200 and b'"success": true' in body


class CkanServer(ServerProcess):
    """Start PostgreSQL, the Solr stand-in and CKAN; `.url`, `.api_token`, `.organization`."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        home: Path | None = None,
        choose_port: Callable[[], int] = kernel_port,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self._first_port(port, choose_port)
        self.solr_port = choose_port()
        self.home = home
        self.config_path = self.data_dir / "ckan.ini"
        self.log_path = self.data_dir / "ckan.log"
        self.solr_log_path = self.data_dir / "solr-standin.log"
        self.postgres = PostgresCluster(self.data_dir / "pg", choose_port=choose_port)
        self.solr: subprocess.Popen[bytes] | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.sysadmin_token = ""
        self.api_token = ""
        self.organization = ORGANIZATION_NAME
        self.organization_id = ""

    @property
    def url(self) -> str:
        """CKAN's address (on the port the server holds once started)."""
        return f"http://{HOST}:{self.port}"

    @property
    def api_url(self) -> str:
        """CKAN's action API."""
        return f"{self.url}/api/3/action"

    def start(self, timeout: float = START_TIMEOUT_S) -> CkanServer:
        """Bring everything up, seed, and return when the action API answers."""
        require("ckan", self.home)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        # The postgres user must traverse to its data dir (execute only, no listing).
        os.chmod(self.data_dir, 0o711)  # noqa: S103
        try:
            self.postgres.init()
            self.postgres.start()
            self.postgres.create_database("ckan")
            self._start_solr()
            self._write_config()
            self._ckan("db", "init")
            self._create_sysadmin()
            self._serve(timeout)
            self._seed()
        except BaseException:
            self.stop()
            raise
        return self

    def _start_solr(self) -> None:
        """Start the in-memory Solr stand-in (stdlib Python)."""

        def launch(port: int) -> subprocess.Popen[bytes]:
            self.solr_port = port
            command = [sys.executable, str(SOLR_STANDIN), f"--port={port}"]
            return spawn(command, self.solr_log_path, dict(os.environ), self.data_dir)

        def ready(port: int) -> bool:
            ping = f"http://{HOST}:{port}/solr/ckan/admin/ping"
            return probe(ping, lambda status, _body: status == 200)

        self.solr, self.solr_port = start_listening(
            "solr", launch, ready, self.solr_log_path, 30, self.solr_port, self.choose_port
        )

    def _write_config(self) -> None:
        """Generate ckan.ini and point it at our database, Solr stand-in, storage and URL."""
        if not self.config_path.exists():
            self._ckan_raw(["generate", "config", str(self.config_path)], "generate config")
        storage = self.data_dir / "storage"
        storage.mkdir(exist_ok=True)
        licences = self.data_dir / "licences.json"
        licences.write_text(json.dumps(ckan_licences(), ensure_ascii=False), encoding="utf-8")
        set_options(
            self.config_path,
            {
                "sqlalchemy.url": self.postgres.url("ckan"),
                "ckan.site_url": self.url,
                "solr_url": f"http://{HOST}:{self.solr_port}/solr/ckan",
                "ckan.storage_path": str(storage),
                "ckan.max_resource_size": "2048",
                "licenses_group_url": f"file://{licences}",
                "ckan.locale_default": "fr",
                "debug": "false",
            },
        )

    def _env(self) -> dict[str, str]:
        """Return CKAN's environment: no proxy, quiet warnings."""
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        env["PYTHONWARNINGS"] = "ignore"
        return env

    def _ckan_raw(self, arguments: list[str], step: str) -> str:
        """Run the ckan command line; raise `ckan_failed` with its output on failure."""
        command = [str(venv_bin("ckan", "ckan", self.home))] + arguments
        try:
            completed = subprocess.run(
                command,
                cwd=str(self.data_dir),
                env=self._env(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=CLI_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SandboxError("ckan_failed", step=step, detail=error) from error
        if completed.returncode != 0:
            detail = (completed.stdout + completed.stderr)[-2000:]
            raise SandboxError("ckan_failed", step=step, detail=detail)
        return completed.stdout

    def _ckan(self, *arguments: str) -> str:
        """Run a ckan command with our config."""
        return self._ckan_raw(["-c", str(self.config_path), *arguments], " ".join(arguments[:2]))

    def _create_sysadmin(self) -> None:
        """Create the sysadmin with CKAN's CLI and keep an API token for seeding."""
        password = secrets.token_urlsafe(18) + "Aa1!"
        self._ckan(
            "user", "add", "admin", "email=admin@sandbox.example.org", f"password={password}"
        )
        self._ckan("sysadmin", "add", "admin")
        output = self._ckan("user", "token", "add", "admin", "sandbox")
        tokens = [line.strip() for line in output.splitlines() if line.strip()]
        if not tokens:
            raise SandboxError("ckan_failed", step="user token add", detail="no token printed")
        self.sysadmin_token = tokens[-1]

    def _serve(self, timeout: float) -> None:
        """Run CKAN's server on 127.0.0.1 (threaded, no reloader, no debugger)."""
        ckan = str(venv_bin("ckan", "ckan", self.home))

        def launch(port: int) -> subprocess.Popen[bytes]:
            self.port = port
            set_options(self.config_path, {"ckan.site_url": self.url})
            command = [ckan, "-c", str(self.config_path), "run", "-H", HOST, "-p", str(port)]
            command += ["-r", "-D", "-t"]
            return spawn(command, self.log_path, self._env(), self.data_dir)

        self._listen("ckan", launch, self.is_ready, timeout)

    def is_ready(self) -> bool:
        """Tell whether the action API answers status_show."""
        return probe(f"{self.api_url}/status_show", _is_status_ok)

    def action(self, name: str, payload: dict[str, Any], token: str) -> Any:
        """Call a CKAN action with a token; return `result` or raise `ckan_failed`."""
        request = urllib.request.Request(
            f"{self.api_url}/{name}",
            data=json.dumps(payload).encode(),
            headers={"Authorization": token, "Content-Type": "application/json"},
            method="POST",
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=60) as response:
                answer = json.loads(response.read())
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:1000]
            raise SandboxError("ckan_failed", step=name, detail=detail) from error
        return answer["result"]

    def _seed(self) -> None:
        """Create the organisation and its publisher (admin member) with a token."""
        organization = self.action(
            "organization_create",
            {"name": ORGANIZATION_NAME, "title": ORGANIZATION_TITLE},
            self.sysadmin_token,
        )
        self.organization_id = str(organization["id"])
        password = secrets.token_urlsafe(18) + "Aa1!"
        self.action(
            "user_create",
            {"name": "publieur", "email": "publieur@sandbox.example.org", "password": password},
            self.sysadmin_token,
        )
        self.action(
            "organization_member_create",
            {"id": ORGANIZATION_NAME, "username": "publieur", "role": "admin"},
            self.sysadmin_token,
        )
        token = self.action(
            "api_token_create", {"user": "publieur", "name": "geopublier"}, self.sysadmin_token
        )
        self.api_token = str(token["token"])

    def stop(self) -> None:
        """Stop CKAN, the Solr stand-in and PostgreSQL (idempotent)."""
        for process in (self.process, self.solr):
            if process is not None:
                stop_group(process.pid)
        self.process = self.solr = None
        self.postgres.stop()


def set_options(path: Path, options: dict[str, str]) -> None:
    """Set `key = value` lines in the [app:main] section of a CKAN ini file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    remaining = dict(options)
    for number, line in enumerate(lines):
        match = re.match(r"^\s*#?\s*([\w.]+)\s*=", line)
        if match and match.group(1) in remaining and not line.lstrip().startswith("#"):
            key = match.group(1)
            lines[number] = f"{key} = {remaining.pop(key)}"
    header = lines.index("[app:main]")
    for key, value in remaining.items():
        lines.insert(header + 1, f"{key} = {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ckan_licences() -> list[dict[str, Any]]:
    """Return the French portal licences (same ids as the udata sandbox) in CKAN's format."""
    licences = json.loads(LICENCES_FILE.read_text(encoding="utf-8"))
    return [
        {
            "id": licence["id"],
            "title": licence["title"],
            "url": licence["url"] or "",
            "status": "active",
            "od_conformance": "approved" if licence["id"] != "notspecified" else "not reviewed",
            "osd_conformance": "not reviewed",
            "domain_data": True,
            "domain_content": False,
            "domain_software": False,
        }
        for licence in licences
    ]
