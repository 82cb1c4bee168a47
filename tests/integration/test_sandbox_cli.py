"""The trainers' sandbox command, `python -m sandbox start|status|reset|stop`, end to end.

Runs the real CLI in a subprocess on a temporary SANDBOX_HOME (its venvs linked to the
project's), then checks what a trainer gets: files, connections, working key, reset, stop.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sandbox.common import SandboxError, free_port, spawn, wait_ready

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30
CSW_NS = "http://www.opengis.net/cat/csw/2.0.2"


def _run(home: Path, command: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run one sandbox command as a trainer would, from the repository root."""
    env = dict(os.environ, GEOPUBLIER_SANDBOX_DIR=str(home))
    env["GEOPUBLIER_SANDBOX_CSW_PORT"] = str(free_port())
    env["GEOPUBLIER_SANDBOX_UDATA_PORT"] = str(free_port())
    env["GEOPUBLIER_SANDBOX_QGIS_PORT"] = str(free_port())
    return subprocess.run(
        [sys.executable, "-m", "sandbox", command, *options],
        cwd=str(ROOT),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture()
def trainer_home(tmp_path: Path, sandbox_venvs_home: Path) -> Iterator[Path]:
    """A fresh sandbox folder sharing the installed venvs; always stopped at the end."""
    home = tmp_path / "sandbox"
    home.mkdir()
    (home / "venvs").symlink_to(sandbox_venvs_home / "venvs")
    try:
        yield home
    finally:
        _run(home, "stop")


def _insert_record(csw_url: str, identifier: str) -> None:
    """Insert a minimal Dublin Core record through CSW-T."""
    body = (
        f'<csw:Transaction xmlns:csw="{CSW_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'service="CSW" version="2.0.2"><csw:Insert><csw:Record>'
        f"<dc:identifier>{identifier}</dc:identifier><dc:title>Avant remise à zéro</dc:title>"
        "</csw:Record></csw:Insert></csw:Transaction>"
    )
    answer = requests.post(
        csw_url, data=body.encode(), headers={"Content-Type": "application/xml"}, timeout=TIMEOUT
    )
    assert "<csw:totalInserted>1</csw:totalInserted>" in answer.text


def _has_record(csw_url: str, identifier: str) -> bool:
    """Tell whether GetRecordById finds the record."""
    params = {"service": "CSW", "version": "2.0.2", "request": "GetRecordById", "id": identifier}
    answer = requests.get(csw_url, params=params, timeout=TIMEOUT)
    assert answer.status_code == 200
    return identifier in answer.text


def _read_key(home: Path) -> str:
    """Read the key from sandbox.env as `source` would."""
    line = (home / "sandbox.env").read_text(encoding="utf-8").strip()
    assert line.startswith("export GEOPUBLIER_SANDBOX_UDATA_KEY=")
    key = line.split("=", 1)[1]
    assert len(key) > 20
    return key


def _me(portal_url: str, key: str) -> dict:
    """The portal account a key opens (`/api/1/me/`)."""
    answer = requests.get(f"{portal_url}/api/1/me/", headers={"X-API-KEY": key}, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _pid_alive(pid: int) -> bool:
    """Tell whether a process still runs (zombies count as gone)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return not status.split(") ", 1)[1].startswith("Z")


def test_start_writes_connections_and_a_private_key(trainer_home: Path) -> None:
    """start: servers answer, connections.json as issue 5 says, key only in 600 files; with
    --trainees 2, two more accounts, each admin of its own organisation, and their sheets."""
    started = _run(trainer_home, "start", "--trainees", "2")
    assert started.returncode == 0, started.stdout + started.stderr
    assert "Bac à sable démarré" in started.stdout

    connections = json.loads((trainer_home / "connections.json").read_text(encoding="utf-8"))
    catalogue, portal, map_server = connections["connections"]
    assert map_server["type"] == "qgisserver" and Path(map_server["options"]["folder"]).is_dir()
    assert "MAP parameter" in requests.get(map_server["url"], timeout=TIMEOUT).text
    assert catalogue["name"] == "Catalogue bac à sable" and catalogue["type"] == "csw"
    assert portal["name"] == "Portail bac à sable" and portal["type"] == "udata"
    assert portal["api_key_env"] == "GEOPUBLIER_SANDBOX_UDATA_KEY"
    capabilities = requests.get(
        catalogue["url"], params={"service": "CSW", "request": "GetCapabilities"}, timeout=TIMEOUT
    )
    assert "Transaction" in capabilities.text

    key = _read_key(trainer_home)
    me = _me(portal["url"], key)
    assert portal["options"]["organization"] in {org["id"] for org in me["organizations"]}
    home_page = requests.get(f"{portal['url']}/fr/", timeout=TIMEOUT)
    assert home_page.status_code == 200 and "<html" in home_page.text  # the web front
    organisations = set()
    for number in ("01", "02"):
        folder = trainer_home / "stagiaires" / f"stagiaire-{number}"
        trainee_key = (folder / "sandbox.env").read_text(encoding="utf-8").split("=", 1)[1]
        own = json.loads((folder / "connexions.json").read_text(encoding="utf-8"))
        organisation = own["connections"][1]["options"]["organization"]
        account = _me(portal["url"], trainee_key.strip())
        assert account["email"] == f"stagiaire-{number}@bac-a-sable.example.org"
        assert [org["id"] for org in account["organizations"]] == [organisation]
        organisations.add(organisation)
    state = json.loads((trainer_home / "state.json").read_text(encoding="utf-8"))
    trainee = state["trainees"][1]
    browser = requests.Session()  # the portal's web login, as a trainee in a browser
    login = browser.post(
        f"{portal['url']}/fr/login/",
        data={"email": trainee["email"], "password": trainee["password"]},
        timeout=TIMEOUT,
    )
    assert login.status_code == 200 and "/login" not in login.url
    profile = browser.get(f"{portal['url']}/api/1/me/", timeout=TIMEOUT)
    assert profile.status_code == 200 and profile.json()["email"] == trainee["email"]
    assert len(organisations) == 2 and portal["options"]["organization"] not in organisations
    assert (trainer_home / "stagiaires" / "fiches.html").read_text().count("<section") == 2
    for private in ("sandbox.env", "state.json"):
        assert stat.S_IMODE((trainer_home / private).stat().st_mode) == 0o600
    assert key not in (trainer_home / "connections.json").read_text(encoding="utf-8")
    assert key not in started.stdout + started.stderr
    assert not list((trainer_home / "data").rglob("udata-ready.json"))

    status = _run(trainer_home, "status")
    assert status.returncode == 0 and status.stdout.count("en marche") == 3


def _create_dataset(portal_url: str, key: str, organisation: str) -> str:
    """A public dataset made with the API; its id."""
    answer = requests.post(
        f"{portal_url}/api/1/datasets/",
        json={"title": "Avant l'arrêt", "description": "Gardé.", "organization": organisation},
        headers={"X-API-KEY": key},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _dataset_status(portal_url: str, dataset_id: str) -> int:
    """What a visitor gets for the dataset (200, or 404 once the portal was emptied)."""
    return requests.get(f"{portal_url}/api/1/datasets/{dataset_id}/", timeout=TIMEOUT).status_code


def test_content_kept_across_stop_start_and_emptied_by_reset(trainer_home: Path) -> None:
    """stop/start: the record and the dataset are still there; reset: same key and
    organisation, catalogue and portal empty; stop: processes gone."""
    assert _run(trainer_home, "start").returncode == 0
    state = json.loads((trainer_home / "state.json").read_text(encoding="utf-8"))
    key, organisation = _read_key(trainer_home), state["udata"]["organization_id"]
    identifier = f"avant-reset-{uuid.uuid4()}"
    _insert_record(state["pycsw"]["url"], identifier)
    dataset_id = _create_dataset(state["udata"]["url"], key, organisation)
    found = requests.get(  # full-text search, patched in on mongomock (else 500)
        f"{state['udata']['url']}/api/1/datasets/", params={"q": "arrêt"}, timeout=TIMEOUT
    )
    assert [d["id"] for d in found.json()["data"]] == [dataset_id]
    search_page = requests.get(
        f"{state['udata']['url']}/fr/datasets/", params={"q": "arrêt"}, timeout=TIMEOUT
    )
    assert search_page.status_code == 200
    box = requests.get(  # what the page's search box asks
        f"{state['udata']['url']}/api/2/datasets/search/", params={"q": "arrêt"}, timeout=TIMEOUT
    )
    assert [d["id"] for d in box.json()["data"]] == [dataset_id]

    assert _run(trainer_home, "stop").returncode == 0
    restarted = _run(trainer_home, "start")
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    state = json.loads((trainer_home / "state.json").read_text(encoding="utf-8"))
    assert _has_record(state["pycsw"]["url"], identifier)
    assert _dataset_status(state["udata"]["url"], dataset_id) == 200
    assert _read_key(trainer_home) == key

    reset = _run(trainer_home, "reset")
    assert reset.returncode == 0, reset.stdout + reset.stderr
    state = json.loads((trainer_home / "state.json").read_text(encoding="utf-8"))
    assert _read_key(trainer_home) == key
    assert state["udata"]["organization_id"] == organisation
    assert not _has_record(state["pycsw"]["url"], identifier)
    assert _dataset_status(state["udata"]["url"], dataset_id) == 404

    pids = [state[name]["pid"] for name in ("pycsw", "udata", "qgisserver")]
    stopped = _run(trainer_home, "stop")
    assert stopped.returncode == 0
    deadline = time.monotonic() + 10
    while any(_pid_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_pid_alive(pid) for pid in pids)
    status = _run(trainer_home, "status")
    assert status.returncode == 3 and status.stdout.count("arrêté") == 3


def test_a_server_dying_at_start_reports_its_log_tail(tmp_path: Path) -> None:
    """A server that exits while starting gives `server_died` with the end of its log."""
    log = tmp_path / "server.log"
    process = spawn(
        [sys.executable, "-c", "print('port déjà pris : 8701', flush=True); raise SystemExit(3)"],
        log,
        dict(os.environ),
        tmp_path,
    )
    with pytest.raises(SandboxError) as raised:
        wait_ready("pycsw", lambda: False, process, log, timeout=30)
    assert raised.value.code == "server_died"
    assert "port déjà pris : 8701" in str(raised.value)
    assert "s'est arrêté au démarrage" in str(raised.value)
