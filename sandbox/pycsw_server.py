"""A real pycsw 2.6.2 CSW-T catalogue on 127.0.0.1 (SQLite repository, transactions allowed)."""

from __future__ import annotations

import configparser
import ipaddress
import os
import subprocess
from pathlib import Path
from typing import Callable

from .common import (
    HOST,
    SandboxError,
    ServerProcess,
    kernel_port,
    probe,
    spawn,
)
from .venvs import require, venv_bin

START_TIMEOUT_S = 60.0
SETUP_TIMEOUT_S = 120

METADATA_MAIN = {
    "identification_title": "Catalogue bac à sable GeoPublier",
    "identification_abstract": "Catalogue CSW-T local pour les formations et les tests.",
    "identification_keywords": "sandbox,GeoPublier,INSPIRE",
    "identification_keywords_type": "theme",
    "identification_fees": "None",
    "identification_accessconstraints": "None",
    "provider_name": "GeoPublier",
    "provider_url": "http://127.0.0.1/",
    "contact_name": "Formateur",
    "contact_position": "Formateur",
    "contact_address": "Mairie",
    "contact_city": "Nantes",
    "contact_stateorprovince": "Pays de la Loire",
    "contact_postalcode": "44000",
    "contact_country": "France",
    "contact_phone": "+33 0 00 00 00 00",
    "contact_fax": "+33 0 00 00 00 00",
    "contact_email": "sandbox@example.org",
    "contact_url": "http://127.0.0.1/",
    "contact_hours": "9h-17h",
    "contact_instructions": "Aucune",
    "contact_role": "pointOfContact",
}


def allowed_ips(host: str) -> str:
    """Who may write to the catalogue: 127.0.0.1, plus the room's /24 network if any."""
    if host == HOST:
        return HOST
    network = ipaddress.ip_network(f"{host}/24", strict=False)
    return f"{HOST},{network}"


def _is_capabilities(status: int, body: bytes) -> bool:
    """Accept a GetCapabilities answer (and not an exception report)."""
    return status == 200 and b"Capabilities" in body and b"ExceptionReport" not in body


class PycswServer(ServerProcess):
    """Start pycsw with waitress in a data dir; `.url` is the CSW endpoint; stop with `.stop()`."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        home: Path | None = None,
        log_path: Path | None = None,
        host: str = HOST,
        choose_port: Callable[[], int] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.host = host
        self._first_port(port, choose_port or (lambda: kernel_port(host)), host)
        self.home = home
        self.config_path = self.data_dir / "pycsw.cfg"
        self.database_path = self.data_dir / "records.db"
        self.log_path = Path(log_path) if log_path else self.data_dir / "pycsw.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The CSW endpoint (on the port the server holds once started)."""
        return f"http://{self.host}:{self.port}/csw"

    @property
    def pid(self) -> int | None:
        """Return the server's pid while it runs."""
        return self.process.pid if self.process else None

    def write_config(self) -> None:
        """Write the INI configuration (transactions for this machine, or its room's /24
        network when the sandbox listens on a network address; SQLite repository)."""
        config = configparser.ConfigParser(interpolation=None)
        config["server"] = {
            "home": str(self.data_dir),
            "url": self.url,
            "mimetype": "application/xml; charset=UTF-8",
            "encoding": "UTF-8",
            "language": "fr-FR",
            "maxrecords": "50",
            "loglevel": "WARNING",
            "logfile": str(self.data_dir / "pycsw-app.log"),
            "pretty_print": "true",
            "domainquerytype": "list",
            "domaincounts": "false",
            "profiles": "apiso",
        }
        # No gzip_compresslevel on purpose: pycsw 2.6.2's WSGI wrapper keeps the uncompressed
        # Content-Length on gzip answers (level 0 gets truncated; strict clients reject any).
        config["manager"] = {
            "transactions": "true",
            "allowed_ips": allowed_ips(self.host),
            "csw_harvest_pagesize": "10",
        }
        config["metadata:main"] = dict(METADATA_MAIN)
        config["metadata:inspire"] = {"enabled": "false"}
        config["repository"] = {
            "database": f"sqlite:///{self.database_path}",
            "table": "records",
        }
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.config_path, "w", encoding="utf-8") as handle:
            config.write(handle)

    def _env(self) -> dict[str, str]:
        """Return the server's environment: its config, no proxy."""
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        env["PYCSW_CONFIG"] = str(self.config_path)
        return env

    def setup_db(self) -> None:
        """Create the SQLite repository unless it exists (records survive a restart)."""
        if self.database_path.exists():
            return
        admin = venv_bin("pycsw", "pycsw-admin.py", self.home)
        command = [str(admin), "-c", "setup_db", "-f", str(self.config_path)]
        completed = subprocess.run(
            command,
            env=self._env(),
            cwd=str(self.data_dir),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=SETUP_TIMEOUT_S,
            check=False,
        )
        if completed.returncode != 0 or not self.database_path.exists():
            detail = (completed.stdout + completed.stderr).decode("utf-8", "replace")[-2000:]
            raise SandboxError("setup_db_failed", detail=detail)

    def start(self, timeout: float = START_TIMEOUT_S) -> PycswServer:
        """Configure, create the database, serve, and wait until GetCapabilities answers."""
        require("pycsw", self.home)
        self.write_config()
        self.setup_db()
        waitress = venv_bin("pycsw", "waitress-serve", self.home)

        def launch(port: int) -> subprocess.Popen[bytes]:
            self.port = port
            self.write_config()  # the configuration names the endpoint's URL
            command = [
                str(waitress),
                f"--host={self.host}",
                f"--port={port}",
                "--threads=4",
                "pycsw.wsgi:application",
            ]
            return spawn(command, self.log_path, self._env(), self.data_dir)

        self._listen("pycsw", launch, self.is_ready, timeout, self.host)
        return self

    def capabilities_url(self) -> str:
        """Return the GetCapabilities URL of the endpoint."""
        return f"{self.url}?service=CSW&version=2.0.2&request=GetCapabilities"

    def is_ready(self) -> bool:
        """Tell whether the endpoint answers GetCapabilities."""
        return probe(self.capabilities_url(), _is_capabilities)
