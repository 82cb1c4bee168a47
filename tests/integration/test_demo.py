"""`make demo`'s path end to end: sandbox up, publish, read back, publish again — one of each."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.sandbox_runs import private_sandbox, run_ok

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture()
def demo_env(tmp_path: Path, sandbox_venvs_home: Path) -> Iterator[dict[str, str]]:
    """A private sandbox folder (sharing the installed venvs), free ports, a fresh QGIS profile."""
    import build_package
    import install_plugin

    config = tmp_path / "qgis"
    install_plugin.install(build_package.build(tmp_path / "dist"), config)
    for env in private_sandbox(tmp_path / "bac-a-sable", sandbox_venvs_home):
        yield dict(env, GEOPUBLIER_DEMO_QGIS_CONFIG=str(config))


def run_demo(env: dict) -> str:
    return run_ok(env, "scripts/demo.py")


def link(output: str, label: str) -> str:
    """The address printed after `label :` (demo prints only links that answer)."""
    return re.search(rf"^\s*{label} : (\S+)", output, re.MULTILINE).group(1)


def sandbox(env: dict, command: str) -> str:
    """Run `python -m sandbox <command>` as the Makefile does; its output."""
    return run_ok(env, "-m", "sandbox", command, timeout=300)


def test_demo_seen_in_a_browser_then_kept_across_restart_and_created_again_after_reset(
    demo_env: dict, tmp_path: Path
) -> None:
    """demo → the dataset page and the report open in Chromium as a trainee sees them;
    sandbox stop, sandbox start, demo → « mis à jour », same dataset and files;
    sandbox reset, demo → « créé » afresh, no error."""
    import browser_check

    first = run_demo(demo_env)
    assert "Fiche du catalogue créée" in first and "Jeu de données du portail créé" in first
    assert "relue dans le catalogue : oui" in first and "indisponible" not in first
    for url in re.findall(r"https?://[^\s)]+", first):  # sandbox banner and demo: no dead link
        answer = requests.get(url, timeout=60, allow_redirects=False)
        assert answer.status_code == 200, f"{url} answers {answer.status_code}"
    record_url, page_url = link(first, "fiche"), link(first, "page du portail")
    dataset_url = link(first, "API")
    assert page_url.endswith(
        "/fr/datasets/bornes-de-recharge-pour-vehicules-electriques-de-saint-exemple/"
    )
    assert "qualité des métadonnées sur le portail : 100 %" in first, first
    assert "liens ajoutés à la fiche (page du jeu de données, fichiers, services) : 6" in first, (
        first
    )
    record = requests.get(record_url, timeout=30)
    assert record.status_code == 200 and "Bornes de recharge" in record.text
    dataset = requests.get(dataset_url, timeout=30).json()
    assert dataset["private"] is False and dataset["license"] == "lov2"
    files = sorted(r["id"] for r in dataset["resources"])
    uploaded = [r for r in dataset["resources"] if r["filetype"] == "file"]
    assert len(uploaded) == 3  # GeoPackage, GeoJSON and the ISO 19139 record
    services = sorted(r["format"] for r in dataset["resources"] if r["filetype"] == "remote")
    assert services == ["wfs", "wms"]  # the layer on the sandbox's QGIS Server
    assert "Couche sur QGIS Server créée" in first and "carte relue : oui" in first
    assert_styled_map(re.search(r"carte \(GetMap[^:]+: (\S+)", first).group(1))

    portal = browser_check.dataset_page(page_url, tmp_path / "portail.png")
    assert portal.title == dataset["title"]
    assert portal.licence == "Licence Ouverte / Open Licence version 2.0" and portal.licence_shown
    assert "Qualité des métadonnées" in portal.text
    assert portal.formats == {"gpkg", "geojson", "xml"}, portal.files
    report_path = Path(link(first, "Rapport de publication"))
    report = browser_check.report_page(report_path, tmp_path / "rapport.png")
    assert page_url in report.links and record_url in report.links
    assert set(report.links.values()) == {200}
    assert report.width <= browser_check.VIEWPORT["width"]  # long links wrap: no side scroll
    assert (tmp_path / "portail.png").stat().st_size > 50_000

    sandbox(demo_env, "stop")
    sandbox(demo_env, "start")
    second = run_demo(demo_env)
    assert "Fiche du catalogue mise à jour" in second
    assert "Jeu de données du portail mis à jour" in second
    assert link(second, "fiche") == record_url and link(second, "API") == dataset_url
    assert (
        sorted(r["id"] for r in requests.get(dataset_url, timeout=30).json()["resources"]) == files
    )
    package = Path(re.search(r"Paquet exporté : (\S+)", second).group(1))
    assert (package / "LISEZMOI.md").is_file()
    page = Path(link(second, "Rapport de publication")).read_text(encoding="utf-8")
    assert "mis à jour" in page and page_url in page

    reset = sandbox(demo_env, "reset")
    assert "3 publication(s) sur le bac à sable oubliée(s)" in reset  # catalogue, portal, map
    third = run_demo(demo_env)
    assert "Fiche du catalogue créée" in third and "Jeu de données du portail créé" in third
    assert requests.get(link(third, "API"), timeout=30).json()["private"] is False


def assert_styled_map(getmap: str) -> None:
    """The GetMap the demo prints draws the sample's own style: green (free) and orange dots."""
    from qgis.PyQt.QtGui import QImage

    answer = requests.get(getmap, timeout=60)
    assert answer.headers["Content-Type"].startswith("image/png")
    image = QImage.fromData(answer.content, "PNG")
    seen = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert {"#1a9641", "#f07c00"} <= seen, "the map does not use the sample layer's colours"


def test_read_back_failure_is_a_clear_french_message(pycsw_server, udata_server) -> None:
    """A dataset left private (anonymous visitors get 404): a sentence, not a traceback."""
    import demo

    answer = requests.post(
        f"{udata_server.api_url}/datasets/",
        json={"title": "Resté privé", "description": "Brouillon.", "private": True},
        headers={"X-API-KEY": udata_server.api_key},
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    private_id = answer.json()["id"]
    state = {"pycsw": {"url": pycsw_server.url}, "udata": {"api_url": udata_server.api_url}}

    with pytest.raises(demo.ReadBackError) as caught:
        demo.read_back(state, "fiche-inconnue", private_id)

    text = str(caught.value)
    assert text.startswith("Relecture impossible : le jeu de données")
    assert "erreur HTTP 404" in text and "resté privé" in text and private_id in text
