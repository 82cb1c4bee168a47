"""A training room rehearsed end to end: twelve simulated trainees (qgis_process, each with
their own QGIS profile, key, connections and organisation profile) publish the same sample
layer to the sandbox — twelve records and twelve public datasets, each under its own
organisation, none overwritten (read from the servers themselves)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.sandbox_runs import private_sandbox, run_ok

pytestmark = pytest.mark.integration
TRAINEES = 12


@pytest.fixture()
def room_env(tmp_path: Path, sandbox_venvs_home: Path) -> Iterator[dict[str, str]]:
    """A private sandbox folder sharing the installed venvs, on free ports; stopped at the end."""
    yield from private_sandbox(tmp_path / "salle", sandbox_venvs_home)


def test_twelve_trainees_publish_the_same_layer_without_overwriting(room_env: dict) -> None:
    output = run_ok(room_env, "scripts/room_rehearsal.py", f"--trainees={TRAINEES}", timeout=1800)
    assert f"{TRAINEES} fiche(s) distincte(s), {TRAINEES} jeu(x) de données distinct(s)" in output

    csw = re.search(r"Catalogue CSW-T +: (\S+)", output).group(1)
    portal = re.search(r"\(API : (\S+)\)", output).group(1).rstrip("/")
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
