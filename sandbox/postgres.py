"""A private PostgreSQL (Debian's) cluster on 127.0.0.1 for the CKAN sandbox.

initdb/pg_ctl refuse to run as root, so as root they run as the `postgres` user on a data dir
it owns. Trust authentication on 127.0.0.1 only (a local sandbox), no Unix socket.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Callable

from .common import (
    HOST,
    PortTakenError,
    SandboxError,
    first_port,
    kernel_port,
    log_says_in_use,
    log_size,
    on_free_port,
    tail,
)

PG_TIMEOUT_S = 120
SUPERUSER = "postgres"


def pg_bindir() -> Path:
    """Return the newest Debian PostgreSQL bin folder, or raise `postgres_missing`."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if not found:
        raise SandboxError("postgres_missing")
    return Path(found[-1]).parent


def extension_dir() -> Path:
    """Return the extension folder of that PostgreSQL, as its own `pg_config --sharedir` says."""
    try:
        completed = subprocess.run(
            [str(pg_bindir() / "pg_config"), "--sharedir"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=PG_TIMEOUT_S,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise SandboxError("postgres_failed", step="pg_config", detail=error) from error
    return Path(completed.stdout.strip()) / "extension"


def _version_key(path: str) -> int:
    """Sort key: the major version in /usr/lib/postgresql/<major>/bin."""
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _as_postgres() -> list[str]:
    """Return the prefix that runs a command as the postgres user when we are root."""
    return ["runuser", "-u", SUPERUSER, "--"] if os.geteuid() == 0 else []


class PostgresCluster:
    """A throw-away cluster in `data_dir` on a free port; `.url(db)` gives a SQLAlchemy URL."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        choose_port: Callable[[], int] = kernel_port,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.choose_port = choose_port
        self.port = first_port(port, choose_port)
        self.log_path = self.data_dir / "postgres.log"
        self.bindir = pg_bindir()
        self.running = False

    def url(self, database: str) -> str:
        """Return the connection URL of a database of this cluster."""
        return f"postgresql://{SUPERUSER}@{HOST}:{self.port}/{database}"

    def _run(self, command: list[str], what: str) -> str:
        """Run a PostgreSQL tool; raise `postgres_failed` with its output on failure."""
        try:
            completed = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=PG_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SandboxError("postgres_failed", step=what, detail=error) from error
        if completed.returncode != 0:
            detail = (completed.stdout + completed.stderr)[-1500:] + "\n" + tail(self.log_path)
            raise SandboxError("postgres_failed", step=what, detail=detail)
        return completed.stdout

    def init(self) -> None:
        """Create the cluster unless it exists (owned by postgres when we are root)."""
        if (self.data_dir / "PG_VERSION").exists():
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.data_dir, SUPERUSER, SUPERUSER)
        initdb = [str(self.bindir / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER]
        options = ["-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]
        self._run(_as_postgres() + initdb + options, "initdb")

    def start(self) -> None:
        """Start the server on 127.0.0.1 only and wait until it accepts connections.

        `pg_ctl -w` waits for its own server's pid file to say "ready", so an answer from
        another program on the port never counts; a port taken meanwhile (the server logs
        "Address already in use" and stops) is replaced by another one (`on_free_port`).
        """
        pg_ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_path)]

        def attempt(port: int) -> None:
            options = f"-p {port} -c listen_addresses={HOST} -c unix_socket_directories=''"
            start = log_size(self.log_path)
            try:
                self._run(
                    _as_postgres() + pg_ctl + ["-o", options, "-w", "-t", "60", "start"], "start"
                )
            except SandboxError:
                if log_says_in_use(self.log_path, start):
                    raise PortTakenError(port) from None
                raise

        _nothing, self.port = on_free_port("postgresql", attempt, self.port, self.choose_port)
        self.running = True

    def create_database(self, name: str) -> None:
        """Create a database unless it exists (internal names only: checked, then quoted)."""
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise SandboxError("postgres_failed", step="createdb", detail=f"bad name {name!r}")
        psql = [str(self.bindir / "psql"), "-h", HOST, "-p", str(self.port), "-U", SUPERUSER]
        exists = self._run(
            psql + ["-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],  # noqa: S608
            "psql",
        )
        if exists.strip() != "1":
            self._run(psql + ["-c", f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'"], "createdb")

    def stop(self) -> None:
        """Stop the server (fast shutdown); idempotent."""
        if not self.running:
            return
        pg_ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w"]
        self._run(_as_postgres() + pg_ctl + ["-t", "60", "stop"], "stop")
        self.running = False
