"""The two gates of geopublier:publish, end to end against the REAL udata: a record that does
not meet INSPIRE publishes nothing; columns that look like personal data stop the portal upload
until CONFIRM_PERSONAL_DATA says they may be opened. The portal's own listing is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from tests.conftest import QMD, ogr
from tests.portal_setup import profile_file, udata_datasets_for

pytestmark = pytest.mark.integration


@pytest.fixture()
def agents_shapefile(tmp_path: Path) -> tuple[Path, str]:
    """Street furniture checked by named agents: a column of e-mail addresses."""
    csv = tmp_path / "agents.csv"
    rows = [f'"POINT({651000 + n} 6861000)",banc {n},agent{n}@ville-exemple.fr' for n in range(6)]
    csv.write_text("WKT,objet,courriel\n" + "\n".join(rows) + "\n", encoding="utf-8")
    shp = tmp_path / "mobilier.shp"
    ogr("-f", "ESRI Shapefile", str(shp), str(csv), "-a_srs", "EPSG:2154", "-nlt", "POINT")
    code = "mobilier-controle"
    shp.with_suffix(".qmd").write_text(
        QMD.replace("/id/cours-d-eau<", f"/id/{code}<"), encoding="utf-8"
    )
    return shp, f"https://data.exemple-agglo.fr/id/{code}"


@pytest.fixture()
def setup(tmp_path: Path, udata_server, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("GP_GATE_KEY", udata_server.api_key)
    connections = tmp_path / "connexions.json"
    portal = {
        "name": "Portail",
        "type": "udata",
        "url": udata_server.url,
        "api_key_env": "GP_GATE_KEY",
        "options": {"organization": udata_server.organization_id},
    }
    connections.write_text(json.dumps({"connections": [portal]}), encoding="utf-8")
    return {"CONNECTIONS": str(connections), "PROFILE": str(profile_file(tmp_path))}


def run(shapefile: Path, setup: dict, folder: Path, **extra):
    import processing

    return processing.run(
        "geopublier:publish",
        {
            "INPUT": str(shapefile),
            "PORTAL": "Portail",
            "PACKAGE_FOLDER": str(folder / "paquets"),
            "REPORT": str(folder / "rapport.json"),
            **setup,
            **extra,
        },
    )


def test_an_incomplete_record_publishes_nothing(
    provider, agents_shapefile, setup, udata_server, tmp_path: Path
) -> None:
    """Without the organisation profile the record has no contact: refused, with the reasons,
    before any export or request."""
    from qgis.core import QgsProcessingException

    shapefile, identifier = agents_shapefile
    incomplete = {k: v for k, v in setup.items() if k != "PROFILE"}
    with pytest.raises(QgsProcessingException) as caught:
        run(shapefile, incomplete, tmp_path, CONFIRM_PERSONAL_DATA=True)
    text = str(caught.value)
    assert "INSPIRE" in text and "mobilier" in text
    assert "\n- " in text  # each unmet requirement on its own line
    assert not (tmp_path / "paquets").exists() and not (tmp_path / "rapport.json").exists()
    assert udata_datasets_for(udata_server, identifier) == []


def test_personal_data_is_refused_then_published_once_confirmed(
    provider, agents_shapefile, setup, udata_server, tmp_path: Path
) -> None:
    from qgis.core import QgsProcessingException

    shapefile, identifier = agents_shapefile
    with pytest.raises(QgsProcessingException) as caught:
        run(shapefile, setup, tmp_path / "refus")
    text = str(caught.value)
    assert "courriel" in text and "CONFIRM_PERSONAL_DATA" in text
    report = Path(text.rsplit(" ", 1)[-1].rstrip("."))
    assert report.is_file() and "courriel" in report.read_text(encoding="utf-8")
    assert udata_datasets_for(udata_server, identifier) == []

    result = run(shapefile, setup, tmp_path / "accord", CONFIRM_PERSONAL_DATA=True)
    [dataset] = udata_datasets_for(udata_server, identifier)
    assert dataset["id"] == result["PORTAL_DATASET_ID"] and dataset["private"] is False
    csv = next(r for r in dataset["resources"] if r["format"] == "gpkg")
    assert requests.get(csv["url"], timeout=30).status_code == 200
