"""A training room rehearsed end to end: twelve simulated trainees (qgis_process, each with
their own QGIS profile, key, connections and organisation profile) publish the same sample
layer to the sandbox — twelve records and twelve public datasets, each under its own
organisation, none overwritten (read from the servers themselves)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sandbox.common import free_port

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
TRAINEES = 12


@pytest.fixture()
def room_env(tmp_path: Path, sandbox_venvs_home: Path) -> Iterator[dict[str, str]]:
    """A private sandbox folder sharing the installed venvs, on free ports; stopped at the end."""
    home = tmp_path / "salle"
    home.mkdir()
    (home / "venvs").symlink_to(sandbox_venvs_home / "venvs")
    env = dict(
        os.environ,
        GEOPUBLIER_SANDBOX_DIR=str(home),
        GEOPUBLIER_SANDBOX_CSW_PORT=str(free_port()),
        GEOPUBLIER_SANDBOX_UDATA_PORT=str(free_port()),
        GEOPUBLIER_SANDBOX_QGIS_PORT=str(free_port()),
    )
    yield env
    subprocess.run(
        [sys.executable, "-m", "sandbox", "stop"],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        timeout=120,
    )


def test_twelve_trainees_publish_the_same_layer_without_overwriting(room_env: dict) -> None:
    result = subprocess.run(
        [sys.executable, "scripts/room_rehearsal.py", "--trainees", str(TRAINEES)],
        cwd=ROOT,
        env=room_env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-3000:]
    assert f"{TRAINEES} fiche(s) distincte(s), {TRAINEES} jeu(x) de données distinct(s)" in (
        result.stdout
    )

    csw = re.search(r"Catalogue CSW-T : (\S+)", result.stdout).group(1)
    portal = re.search(r"\(API : (\S+)\)", result.stdout).group(1)
    hits = requests.get(
        csw,
        params={
            "service": "CSW",
            "version": "2.0.2",
            "request": "GetRecords",
            "typeNames": "csw:Record",
            "resultType": "hits",
            "elementSetName": "brief",
        },
        timeout=30,
    )
    assert f'numberOfRecordsMatched="{TRAINEES}"' in hits.text
    listing = requests.get(f"{portal}/datasets/", params={"page_size": 50}, timeout=30).json()
    datasets = listing["data"]
    assert listing["total"] == TRAINEES and all(d["private"] is False for d in datasets)
    owners = {d["organization"]["name"] for d in datasets}
    assert owners == {f"Commune d'exercice {n:02d}" for n in range(1, TRAINEES + 1)}
    titles = {d["title"] for d in datasets}
    assert len(titles) == TRAINEES and all("(stagiaire-" in t for t in titles)
