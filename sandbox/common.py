"""Shared helpers of the sandbox: paths, errors, ports, HTTP probes and process handling."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Callable, Optional, TypeVar

HOST = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parent.parent
SANDBOX_DIR_ENV = "GEOPUBLIER_SANDBOX_DIR"
HOST_ENV = "GEOPUBLIER_SANDBOX_HOST"
T = TypeVar("T")


class SandboxError(Exception):
    """An error the user can act on: a stable code, parameters, and a French message."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        from .messages import message

        super().__init__(message(code, params))


def sandbox_home() -> Path:
    """Return the sandbox folder: env GEOPUBLIER_SANDBOX_DIR or <repo>/.sandbox."""
    configured = os.environ.get(SANDBOX_DIR_ENV, "").strip()
    return Path(configured).expanduser().resolve() if configured else REPO_ROOT / ".sandbox"


def sandbox_host() -> str:
    """The address the sandbox listens on: env GEOPUBLIER_SANDBOX_HOST (a room's network
    address, so trainees' machines reach it) or 127.0.0.1."""
    return os.environ.get(HOST_ENV, "").strip() or HOST


def port_is_free(port: int, host: str = HOST) -> bool:
    """Tell whether a TCP port can be bound on `host` right now (as servers bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Servers set SO_REUSEADDR: connections in TIME_WAIT must not make the port look busy.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def kernel_port(host: str = HOST) -> int:
    """A port the kernel finds free on `host` right now.

    Free now, not reserved: another program may take it before the server binds it, which is
    why servers are started with `on_free_port` (`start_listening`), which tries again elsewhere.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def free_port(preferred: int | None = None, host: str = HOST) -> int:
    """Return the preferred port if it is free, else one the kernel picks on `host`."""
    if preferred and port_is_free(preferred, host):
        return preferred
    return kernel_port(host)


def first_port(preferred: int | None, choose_port: Callable[[], int], host: str = HOST) -> int:
    """The port a server tries first: the preferred one if free now, else a chosen one."""
    return preferred if preferred and port_is_free(preferred, host) else choose_port()


PORT_ATTEMPTS = 5
# "Address already in use" (Python servers, PostgreSQL), "The bound address is already in use"
# (qgis_mapserver): what a server that lost its port to another program writes before exiting.
IN_USE_MARKER = b"already in use"
_LISTEN = "0A"
_ANY_V4 = "0.0.0.0"
_ANY_V6 = "0" * 32


class PortTakenError(Exception):
    """The port tried belongs to another program: try again on another port."""


SOCKET_TABLES = ("/proc/net/tcp", "/proc/net/tcp6")


def _listening_inodes(port: int, host: str) -> Optional[set[str]]:
    """Socket inodes listening on `port` where a server on `host` would collide with them
    (same address, or every address), read from the kernel's tables (/proc/net/tcp*);
    None when no table can be read (not Linux, /proc hidden)."""
    inodes: set[str] = set()
    readable = False
    for table in SOCKET_TABLES:
        try:
            rows = Path(table).read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        readable = True
        for row in rows:
            fields = row.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if fields[3] != _LISTEN or int(port_hex, 16) != port:
                continue
            if len(address) == 8:
                address = socket.inet_ntoa(int(address, 16).to_bytes(4, "little"))
                if address not in (host, _ANY_V4):
                    continue
            elif address != _ANY_V6:
                continue
            inodes.add(fields[9])
    return inodes if readable else None


def _session_sockets(session: int) -> set[str]:
    """Socket inodes open in the processes of a session (a server started by `spawn` leads
    its own session, its workers included)."""
    inodes: set[str] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
            if int(stat.rsplit(") ", 1)[1].split()[3]) != session:
                continue
            for descriptor in (entry / "fd").iterdir():
                target = os.readlink(descriptor)
                if target.startswith("socket:["):
                    inodes.add(target[len("socket:[") : -1])
        except (OSError, ValueError, IndexError):
            continue
    return inodes


def port_owner(port: int, session: int, host: str = HOST) -> str:
    """Who listens on `port`: "none", "ours" (only processes of `session`), "other", or
    "unknown" where the kernel's socket tables cannot be read (then only the server's own
    health check and its exit tell)."""
    listening = _listening_inodes(port, host)
    if listening is None:
        return "unknown"
    if not listening:
        return "none"
    return "ours" if listening <= _session_sockets(session) else "other"


def log_size(path: Path) -> int:
    """The log's current size: where the next attempt's lines start."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def log_says_in_use(path: Path, start: int) -> bool:
    """Tell whether the log, from `start`, says the port was already in use."""
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            return IN_USE_MARKER in handle.read().lower()
    except OSError:
        return False


def on_free_port(
    name: str,
    attempt: Callable[[int], T],
    first_port: int,
    choose_port: Callable[[], int] = kernel_port,
) -> tuple[T, int]:
    """Run `attempt(port)` (start a server on that port) until one does not raise `PortTakenError`:
    first on `first_port`, then on ports from `choose_port`, `PORT_ATTEMPTS` times in all.

    There is no race to lose between choosing a port and binding it: the server binds the
    port itself, and when another program got it first the attempt notices and the next one
    takes another port. Return the attempt's result and the port it holds.
    """
    tried: list[str] = []
    port = first_port
    for number in range(PORT_ATTEMPTS):
        if number:
            port = choose_port()
        tried.append(str(port))
        try:
            return attempt(port), port
        except PortTakenError:
            continue
    raise SandboxError(
        "port_unavailable", server=name, attempts=PORT_ATTEMPTS, ports=", ".join(tried)
    )


def start_listening(
    name: str,
    launch: Callable[[int], subprocess.Popen[bytes]],
    is_ready: Callable[[int], bool],
    log_path: Path,
    timeout: float,
    first_port: int,
    choose_port: Callable[[], int] = kernel_port,
    host: str = HOST,
) -> tuple[subprocess.Popen[bytes], int]:
    """Start a server with `launch(port)` (a `spawn`) and wait until it is ready on a port of
    its own (see `on_free_port`). Return the process and its port; on failure it is stopped."""

    def attempt(port: int) -> subprocess.Popen[bytes]:
        start = log_size(log_path)
        process = launch(port)
        try:
            wait_own_port(
                name, process, port, lambda: is_ready(port), log_path, start, timeout, host
            )
        except BaseException:
            stop_group(process.pid)
            raise
        return process

    return on_free_port(name, attempt, first_port, choose_port)


def wait_own_port(
    name: str,
    process: subprocess.Popen[bytes],
    port: int,
    is_ready: Callable[[], bool],
    log_path: Path,
    log_start: int,
    timeout: float,
    host: str = HOST,
) -> None:
    """Poll until OUR server is ready: the port is listened on by its processes only (the
    kernel's socket tables say so, so an answer from another program never counts) and
    `is_ready()` agrees. Raise `PortTakenError` when another program holds the port or the server
    exited saying the port was in use; `SandboxError` if it dies otherwise or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if (
                log_says_in_use(log_path, log_start)
                or port_owner(port, process.pid, host) == "other"
            ):
                raise PortTakenError(port)
            raise SandboxError(
                "server_died", server=name, returncode=process.returncode, log=tail(log_path)
            )
        owner = port_owner(port, process.pid, host)
        if owner == "other":
            raise PortTakenError(port)
        if owner in ("ours", "unknown") and is_ready():
            return
        time.sleep(0.25)
    raise SandboxError("server_timeout", server=name, seconds=int(timeout), log=tail(log_path))


def http_get(
    url: str, timeout: float = 5.0, headers: Mapping[str, str] | None = None
) -> tuple[int, bytes]:
    """GET a URL without proxies; return (status, body), also for HTTP error statuses."""
    request = urllib.request.Request(url, headers=dict(headers or {}))
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()


def probe(url: str, accept: Callable[[int, bytes], bool], timeout: float = 3.0) -> bool:
    """Return True when the URL answers and `accept(status, body)` agrees; False if unreachable."""
    try:
        status, body = http_get(url, timeout=timeout)
    except (OSError, urllib.error.URLError):
        return False
    return accept(status, body)


def tail(path: Path, lines: int = 30) -> str:
    """Return the last lines of a log file (empty string if it does not exist)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def spawn(
    command: Sequence[str], log_path: Path, env: Mapping[str, str], cwd: Path
) -> subprocess.Popen[bytes]:
    """Start a server in its own session (detachable, stoppable as a group), output to a log."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(env),
            cwd=str(cwd),
            start_new_session=True,
        )


def wait_ready(
    name: str,
    is_ready: Callable[[], bool],
    process: subprocess.Popen[bytes],
    log_path: Path,
    timeout: float,
) -> None:
    """Poll until the server is ready; raise with the log's tail if it dies or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SandboxError(
                "server_died", server=name, returncode=process.returncode, log=tail(log_path)
            )
        if is_ready():
            return
        time.sleep(0.25)
    raise SandboxError("server_timeout", server=name, seconds=int(timeout), log=tail(log_path))


def pid_matches(pid: int, marker: str) -> bool:
    """Tell whether a live process has this pid and `marker` in its command line.

    Guards against signalling an unrelated process that reused a pid from an old state file.
    """
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return marker in raw.replace(b"\0", b" ").decode("utf-8", errors="replace")


def stop_group(pid: int, timeout: float = 10.0) -> None:
    """Stop a server started by `spawn` (its own process group): TERM, then KILL if needed."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
    _alive(pid)


def _alive(pid: int) -> bool:
    """Tell whether a pid still runs, reaping it if it is our finished child."""
    with contextlib.suppress(ChildProcessError):
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        if stat.read_text().split(") ", 1)[1].startswith("Z"):
            return False
    return True


def write_private_json(path: Path, content: object) -> None:
    """Write JSON readable by the owner only (it may hold an API key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(content, handle, ensure_ascii=False, indent=2)
    os.chmod(path, 0o600)


class ServerProcess:
    """What every sandbox server shares: stop its process group, show its log, `with` support.

    Subclasses set `self.process` (a Popen or None) and `self.log_path`, and define `start()`.
    """

    process: subprocess.Popen | None
    log_path: Path
    port: int
    choose_port: Callable[[], int]

    def _first_port(
        self, preferred: int | None, choose_port: Callable[[], int], host: str = HOST
    ) -> None:
        """Set the port to try first and how later tries choose theirs (injectable: a test
        can hand out a taken port)."""
        self.choose_port = choose_port
        self.port = first_port(preferred, choose_port, host)

    def _listen(
        self,
        name: str,
        launch: Callable[[int], subprocess.Popen[bytes]],
        is_ready: Callable[[], bool],
        timeout: float,
        host: str = HOST,
    ) -> None:
        """Start the server (`launch(port)` sets `self.port` and spawns it) on a port of its
        own, see `start_listening`; `self.process` and `self.port` are then the running ones."""
        self.process, self.port = start_listening(
            name,
            launch,
            lambda _port: is_ready(),
            self.log_path,
            timeout,
            self.port,
            self.choose_port,
            host,
        )

    def start(self) -> ServerProcess:  # pragma: no cover - each server defines it
        raise NotImplementedError

    def stop(self) -> None:
        """Stop the server if it runs (idempotent)."""
        if self.process is not None:
            stop_group(self.process.pid)
            self.process = None

    def log_tail(self, lines: int = 30) -> str:
        """Return the end of the server's log, for error messages."""
        return tail(self.log_path, lines)

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.stop()
