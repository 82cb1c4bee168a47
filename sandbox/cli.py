"""`python -m sandbox install|start|stop|status|reset`: the trainers' local sandbox.

`start` runs the pycsw catalogue and the udata portal detached, and writes under SANDBOX_HOME:
state.json (urls, ports, pids, API key; mode 600), connections.json (GeoPublier connections,
no secret), sandbox.env (`export GEOPUBLIER_SANDBOX_UDATA_KEY=...`; mode 600), run/*.pid and
logs/*.log. The API key and ids are kept across stop/start/reset so imported connections stay
valid; `reset` empties the catalogue and the portal.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

from . import qgis_server
from .common import (
    SandboxError,
    pid_matches,
    probe,
    sandbox_home,
    stop_group,
    write_private_json,
)
from .pycsw_server import PycswServer
from .udata_server import UdataServer
from .venvs import REQUIREMENTS, ensure_venv, is_installed, venv_dir

SERVERS = ("pycsw", "udata")
ALL_SERVERS = (*SERVERS, qgis_server.SANDBOX_NAME)  # + the map server (stop, status)
KEY_ENV = "GEOPUBLIER_SANDBOX_UDATA_KEY"
DEFAULT_PORTS = {"pycsw": 8701, "udata": 8702}
PORT_ENV = {"pycsw": "GEOPUBLIER_SANDBOX_CSW_PORT", "udata": "GEOPUBLIER_SANDBOX_UDATA_PORT"}
SEED_KEYS = ("api_key", "user_id", "organization_id", "other_organization_id")


class Layout:
    """Where the sandbox keeps its files."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.state = home / "state.json"
        self.connections = home / "connections.json"
        self.env_file = home / "sandbox.env"
        self.data = home / "data"
        self.logs = home / "logs"
        self.run = home / "run"

    def log(self, name: str) -> Path:
        """Return a server's log file."""
        return self.logs / f"{name}.log"

    def pid_file(self, name: str) -> Path:
        """Return a server's pid file."""
        return self.run / f"{name}.pid"


def say(text: str) -> None:
    """Print a message for the trainer."""
    print(text, flush=True)


def load_state(layout: Layout) -> dict[str, Any]:
    """Return the saved state, or an empty one."""
    try:
        return dict(json.loads(layout.state.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def is_running(entry: dict[str, Any]) -> bool:
    """Tell whether the server recorded in a state entry is still our live process."""
    pid, marker = entry.get("pid"), entry.get("marker")
    return bool(pid and marker and pid_matches(int(pid), str(marker)))


def preferred_port(name: str, previous: dict[str, Any]) -> int:
    """Return the port to try first: env override, last one used, then the default."""
    configured = os.environ.get(PORT_ENV[name], "").strip()
    if configured.isdigit():
        return int(configured)
    return int(previous.get("port") or DEFAULT_PORTS[name])


def install(layout: Layout, names: tuple[str, ...] = SERVERS) -> None:
    """Create the server venvs (idempotent): pycsw and udata, or the ones named."""
    for name in names:
        if name not in REQUIREMENTS:
            raise SandboxError("unknown_venv", name=name)
    for name in names:
        if is_installed(name, layout.home):
            say(f"Environnement {name} déjà installé : {venv_dir(name, layout.home)}")
            continue
        say(f"Installation de l'environnement {name} (quelques minutes)…")
        ensure_venv(name, layout.home)
        say(f"Environnement {name} installé : {venv_dir(name, layout.home)}")


def start(layout: Layout) -> None:
    """Start both servers detached and write the state, connections and env files."""
    state = load_state(layout)
    if any(is_running(state.get(name, {})) for name in SERVERS):
        raise SandboxError("already_running")
    install(layout)
    udata_previous = state.get("udata", {})
    seed = {key: udata_previous[key] for key in SEED_KEYS if udata_previous.get(key)}
    catalogue = PycswServer(
        layout.data / "pycsw",
        port=preferred_port("pycsw", state.get("pycsw", {})),
        home=layout.home,
        log_path=layout.log("pycsw"),
    )
    portal = UdataServer(
        layout.data / "udata",
        port=preferred_port("udata", udata_previous),
        home=layout.home,
        seed=seed,
        log_path=layout.log("udata"),
    )
    say("Démarrage du catalogue pycsw…")
    catalogue.start()
    try:
        say("Démarrage du portail udata…")
        portal.start()
    except SandboxError:
        catalogue.stop()
        raise
    say("Démarrage du serveur cartographique QGIS Server…")
    try:
        map_server = qgis_server.start_in_sandbox(
            layout.data, state.get(qgis_server.SANDBOX_NAME, {}), layout.log("qgisserver")
        )
    except SandboxError:
        catalogue.stop()
        portal.stop()
        raise
    write_outputs(layout, catalogue, portal)
    qgis_server.record_in_sandbox(layout.state, layout.connections, map_server)
    print_summary(layout, load_state(layout))


def write_outputs(layout: Layout, catalogue: PycswServer, portal: UdataServer) -> None:
    """Write state.json, connections.json, sandbox.env and the pid files."""
    state = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "pycsw": {
            "url": catalogue.url,
            "port": catalogue.port,
            "pid": catalogue.pid,
            "marker": f"waitress-serve --host=127.0.0.1 --port={catalogue.port}",
            "log": str(catalogue.log_path),
        },
        "udata": {
            "url": portal.url,
            "api_url": portal.api_url,
            "port": portal.port,
            "pid": portal.pid,
            "marker": f"--data-dir={portal.data_dir}",
            "log": str(portal.log_path),
            "api_key": portal.api_key,
            "user_id": portal.user_id,
            "organization_id": portal.organization_id,
            "organization_slug": portal.organization_slug,
            "other_organization_id": portal.other_organization_id,
        },
    }
    write_private_json(layout.state, state)
    layout.run.mkdir(parents=True, exist_ok=True)
    for name in SERVERS:
        layout.pid_file(name).write_text(f"{state[name]['pid']}\n", encoding="utf-8")
    connections = {
        "connections": [
            {"name": "Catalogue bac à sable", "type": "csw", "url": catalogue.url},
            {
                "name": "Portail bac à sable",
                "type": "udata",
                "url": portal.url,
                "api_key_env": KEY_ENV,
                "options": {"organization": portal.organization_id},
            },
        ]
    }
    layout.connections.write_text(
        json.dumps(connections, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    fd = os.open(str(layout.env_file), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"export {KEY_ENV}={portal.api_key}\n")
    os.chmod(layout.env_file, 0o600)


def print_summary(layout: Layout, state: dict[str, Any]) -> None:
    """Tell the trainer where everything is (never the key itself)."""
    catalogue, portal = state["pycsw"], state["udata"]
    say("Bac à sable démarré.")
    say(f"  Catalogue CSW-T : {catalogue['url']}")
    say(f"  Portail udata   : {portal['url']}  (API : {portal['api_url']})")
    say(f"  Organisation    : {portal['organization_slug']} ({portal['organization_id']})")
    if qgis_server.SANDBOX_NAME in state:
        say(f"  QGIS Server     : {state[qgis_server.SANDBOX_NAME]['url']} (WMS/WFS)")
    say(f"  Connexions      : {layout.connections}")
    say(f"  Clé API         : source {layout.env_file}   (variable {KEY_ENV})")
    say(f"  Journaux        : {layout.logs}")
    say("Arrêt : python -m sandbox stop — remise à zéro : python -m sandbox reset")


def stop(layout: Layout) -> None:
    """Stop the servers recorded in the state; keep the key and ids for the next start."""
    state = load_state(layout)
    for name in ALL_SERVERS:
        entry = state.get(name, {})
        if is_running(entry):
            stop_group(int(entry["pid"]))
            say(f"{name} arrêté (pid {entry['pid']}).")
        else:
            say(f"{name} ne tournait pas.")
        entry.pop("pid", None)
        layout.pid_file(name).unlink(missing_ok=True)
    if state:
        write_private_json(layout.state, state)


def status(layout: Layout) -> int:
    """Print what runs; return 0 when both servers run and answer, else 3."""
    state = load_state(layout)
    healthy = True
    for name in ALL_SERVERS:
        entry = state.get(name, {})
        if not is_running(entry):
            say(f"{name} : arrêté")
            healthy = False
            continue
        ok = qgis_server.answers if name == qgis_server.SANDBOX_NAME else _is_ok
        answers = probe(_health_url(name, entry), ok)
        health = "répond" if answers else "ne répond pas"
        healthy = healthy and answers
        say(f"{name} : en marche (pid {entry['pid']}), {health} — {entry['url']}")
    if layout.connections.exists():
        say(f"Connexions : {layout.connections}")
    return 0 if healthy else 3


def _is_ok(code: int, _body: bytes) -> bool:
    return code == 200


def _health_url(name: str, entry: dict[str, Any]) -> str:
    """Return the URL probed by `status`."""
    if name == "pycsw":
        return f"{entry['url']}?service=CSW&version=2.0.2&request=GetCapabilities"
    if name == qgis_server.SANDBOX_NAME:
        return qgis_server.health_url(entry)
    return f"{entry['api_url']}/datasets/licenses/"


def reset(layout: Layout) -> None:
    """Stop, wipe the data (not the venvs, not the key), and start again."""
    stop(layout)
    if layout.data.exists():
        shutil.rmtree(layout.data)
    say("Données du bac à sable effacées.")
    start(layout)


COMMANDS: dict[str, Callable[[Layout], Any]] = {
    "install": install,
    "start": start,
    "stop": stop,
    "status": status,
    "reset": reset,
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; French messages; exit code 1 on an error the user can act on."""
    parser = argparse.ArgumentParser(
        prog="python -m sandbox", description="Bac à sable GeoPublier (pycsw + udata)."
    )
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("venvs", nargs="*", help=f"install : {', '.join(REQUIREMENTS)}")
    args = parser.parse_args(argv)
    layout = Layout(sandbox_home())
    layout.home.mkdir(parents=True, exist_ok=True)
    try:
        if args.command == "install" and args.venvs:
            result = install(layout, tuple(args.venvs))
        else:
            result = COMMANDS[args.command](layout)
    except SandboxError as error:
        print(str(error), file=sys.stderr, flush=True)
        return 1
    return int(result) if isinstance(result, int) else 0
