"""`python -m sandbox install|start|stop|status|reset`: the trainers' local sandbox.

`start` runs the pycsw catalogue and the udata portal (udata 10 with data.gouv.fr's web pages)
detached, on 127.0.0.1 or GEOPUBLIER_SANDBOX_HOST (a room's network address), and writes under
SANDBOX_HOME: state.json (urls, ports, pids, API keys, passwords; mode 600), connections.json
(GeoPublier connections, no secret), sandbox.env (`export GEOPUBLIER_SANDBOX_UDATA_KEY=...`;
mode 600), run/*.pid, logs/*.log, and for a room (`--trainees N`) one folder per trainee with
their connections, organisation profile and printable sheet (see room.py).
Content is kept across stop/start (the catalogue's SQLite file, the portal's database saved on
stop); `reset` empties both, keeps the accounts, keys and ids, and makes GeoPublier's journals
forget what was published to the sandbox.
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

from . import qgis_server, room
from .common import (
    SandboxError,
    pid_matches,
    probe,
    sandbox_home,
    sandbox_host,
    stop_group,
    write_private_json,
)
from .journals import forget_publications
from .pycsw_server import PycswServer
from .udata_server import UdataServer
from .venvs import REQUIREMENTS, ensure_venv, is_installed, venv_dir

SERVERS = ("pycsw", "udata")
ALL_SERVERS = (*SERVERS, qgis_server.SANDBOX_NAME)  # + the map server (stop, status)
VENVS = {"pycsw": "pycsw", "udata": "udata10"}  # the portal with its web pages
KEY_ENV = "GEOPUBLIER_SANDBOX_UDATA_KEY"
TRAINEES_ENV = "GEOPUBLIER_SANDBOX_TRAINEES"
DEFAULT_PORTS = {"pycsw": 8701, "udata": 8702}
PORT_ENV = {"pycsw": "GEOPUBLIER_SANDBOX_CSW_PORT", "udata": "GEOPUBLIER_SANDBOX_UDATA_PORT"}
SEED_KEYS = ("api_key", "user_id", "organization_id", "other_organization_id", "password")


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


def install(layout: Layout, names: tuple[str, ...] = tuple(VENVS.values())) -> None:
    """Create the server venvs (idempotent): the sandbox's (pycsw, udata10), or the ones named."""
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


def trainee_count(state: dict[str, Any], wanted: int | None) -> int:
    """How many trainee accounts: asked for, else env GEOPUBLIER_SANDBOX_TRAINEES, else as
    last time, else 1."""
    if wanted is None:
        configured = os.environ.get(TRAINEES_ENV, "").strip()
        wanted = int(configured) if configured.isdigit() else len(state.get("trainees") or [1])
    if not 1 <= wanted <= 60:
        raise SandboxError("bad_trainees", count=wanted)
    return wanted


def start(layout: Layout, trainees: int | None = None) -> None:
    """Start both servers detached and write the state, connections, env and room files."""
    state = load_state(layout)
    if any(is_running(state.get(name, {})) for name in SERVERS):
        raise SandboxError("already_running")
    install(layout)
    host = sandbox_host()
    udata_previous = state.get("udata", {})
    seed: dict[str, Any] = {
        key: udata_previous[key] for key in SEED_KEYS if udata_previous.get(key)
    }
    seed.setdefault("password", room.new_password("formateur"))
    seed["trainees"] = room.trainee_seeds(state.get("trainees", []), trainee_count(state, trainees))
    catalogue = PycswServer(
        layout.data / "pycsw",
        port=preferred_port("pycsw", state.get("pycsw", {})),
        home=layout.home,
        log_path=layout.log("pycsw"),
        host=host,
    )
    portal = UdataServer(
        layout.data / "udata",
        port=preferred_port("udata", udata_previous),
        home=layout.home,
        seed=seed,
        log_path=layout.log("udata"),
        venv=VENVS["udata"],
        host=host,
    )
    say("Démarrage du catalogue pycsw…")
    catalogue.start()
    try:
        say("Démarrage du portail udata (avec ses pages web)…")
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
    write_outputs(layout, catalogue, portal, seed)
    qgis_server.record_in_sandbox(layout.state, layout.connections, map_server)
    print_summary(layout, load_state(layout))


def write_outputs(
    layout: Layout, catalogue: PycswServer, portal: UdataServer, seed: dict[str, Any]
) -> None:
    """Write state.json, connections.json, sandbox.env, the pid files and the room's files."""
    state = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "pycsw": {
            "url": catalogue.url,
            "port": catalogue.port,
            "pid": catalogue.pid,
            "marker": f"waitress-serve --host={catalogue.host} --port={catalogue.port}",
            "log": str(catalogue.log_path),
        },
        "udata": {
            "url": portal.url,
            "api_url": portal.api_url,
            "port": portal.port,
            "pid": portal.pid,
            "marker": f"--data-dir={portal.data_dir}",
            "log": str(portal.log_path),
            "web_pages": portal.front,
            "login": "publieur@sandbox.example.org",
            "password": seed["password"],
            "api_key": portal.api_key,
            "user_id": portal.user_id,
            "organization_id": portal.organization_id,
            "organization_slug": portal.organization_slug,
            "other_organization_id": portal.other_organization_id,
        },
        "trainees": room.merge_ready(seed["trainees"], portal.trainees),
    }
    write_private_json(layout.state, state)
    layout.run.mkdir(parents=True, exist_ok=True)
    for name in SERVERS:
        layout.pid_file(name).write_text(f"{state[name]['pid']}\n", encoding="utf-8")
    connections = room.connections(catalogue.url, portal.url, portal.organization_id, KEY_ENV)
    layout.connections.write_text(
        json.dumps(connections, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    room.write_private(layout.env_file, f"export {KEY_ENV}={portal.api_key}\n")
    room.write_room(layout.home, state["trainees"], state, KEY_ENV)


def print_summary(layout: Layout, state: dict[str, Any]) -> None:
    """Tell the trainer where everything is (never the key itself); the only links printed
    are pages that answer 200 (the map server has no page of its own: an address for QGIS)."""
    catalogue, portal = state["pycsw"], state["udata"]
    trainees = state.get("trainees") or []
    web = f"{portal['url']}/fr/" if portal.get("web_pages") else f"{portal['url']} (API seule)"
    lines = [
        ("Catalogue CSW-T", catalogue["url"]),
        ("Portail udata", f"{web}  (API : {portal['api_url']}/)"),
        ("Organisation", f"{portal['organization_slug']} ({portal['organization_id']})"),
        ("Compte formateur", f"{portal.get('login', '')} (mot de passe dans {layout.state})"),
    ]
    if qgis_server.SANDBOX_NAME in state:
        address = state[qgis_server.SANDBOX_NAME]["url"].split("//", 1)[-1]
        lines.append(
            (
                "QGIS Server",
                f"service WMS/WFS sur {address}, pour QGIS (connexion"
                f" « {qgis_server.CONNECTION_NAME} ») ; les liens de chaque couche publiée"
                " sont dans le rapport de publication",
            )
        )
    sheets = room.sheets_file(layout.home)
    lines += [
        ("Connexions", str(layout.connections)),
        ("Clé API", f"source {layout.env_file}   (variable {KEY_ENV})"),
        ("Stagiaires", f"{len(trainees)} — fiches à imprimer : {sheets}"),
        ("Journaux", str(layout.logs)),
    ]
    say("Bac à sable démarré.")
    for label, value in lines:
        say(f"  {label:<16} : {value}")
    say("Arrêt : make sandbox-stop (le contenu est gardé)")
    say("Tout vider (les comptes restent) : make sandbox-reset")


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


def reset(layout: Layout, trainees: int | None = None) -> None:
    """Stop, wipe the data (not the venvs, not the accounts and keys), make the journals
    forget the sandbox's publications, and start again."""
    stop(layout)
    if layout.data.exists():
        shutil.rmtree(layout.data)
    say("Données du bac à sable effacées (catalogue, portail et projets de QGIS Server).")
    files = [layout.connections, *sorted(layout.home.glob("stagiaires/*/connexions.json"))]
    forgotten = forget_publications(layout.home, files)
    say(f"Journal de GeoPublier : {forgotten} publication(s) sur le bac à sable oubliée(s).")
    start(layout, trainees)


COMMANDS: dict[str, Callable[..., Any]] = {
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
    parser.add_argument(
        "--trainees", type=int, default=None, help="start, reset : nombre de stagiaires (1)"
    )
    args = parser.parse_args(argv)
    layout = Layout(sandbox_home())
    layout.home.mkdir(parents=True, exist_ok=True)
    try:
        if args.command == "install" and args.venvs:
            result = install(layout, tuple(args.venvs))
        elif args.command in ("start", "reset"):
            result = COMMANDS[args.command](layout, args.trainees)
        else:
            result = COMMANDS[args.command](layout)
    except SandboxError as error:
        print(str(error), file=sys.stderr, flush=True)
        return 1
    return int(result) if isinstance(result, int) else 0
