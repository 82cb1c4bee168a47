"""geopublier:publish against a real pycsw 2.6.2 CSW-T catalogue: publish, republish, secrets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from owslib.csw import CatalogueServiceWeb
from qgis.core import QgsApplication

from plugin.qgis.destinations import profile_folder
from tests.owslib_records import data_identification

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mot-de-passe-très-secret-42"
PROFILE = {
    "organisation": "Agglomération d'Exemple",
    "email": "sig@exemple-agglo.fr",
    "licence": "lov2",
    "keywords": ["données ouvertes"],
}


@pytest.fixture()
def publication_files(tmp_path: Path, pycsw_server, monkeypatch) -> dict[str, Path]:
    """A connections file (credentials by environment variable) and an organisation profile."""
    monkeypatch.setenv("GP_CSW_USER", "editeur")
    monkeypatch.setenv("GP_CSW_PASSWORD", PASSWORD)
    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps(
            {
                "connections": [
                    {
                        "name": "Catalogue de test",
                        "type": "csw",
                        "url": pycsw_server.url,
                        "username_env": "GP_CSW_USER",
                        "password_env": "GP_CSW_PASSWORD",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    profile = tmp_path / "profil.json"
    profile.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    return {"CONNECTIONS": connections, "PROFILE": profile}


def catalogue_titles(url: str, identifier: str) -> list[str]:
    """Titles of the records the catalogue returns for an identifier (read with OWSLib)."""
    csw = CatalogueServiceWeb(url, skip_caps=True)
    csw.getrecordbyid(id=[identifier], outputschema="http://www.isotc211.org/2005/gmd")
    return [data_identification(record).title for record in csw.records.values()]


def run_publish(rivers_shapefile: Path, files: dict[str, Path], report: Path) -> dict:
    import processing

    return processing.run(
        "geopublier:publish",
        {
            "INPUT": str(rivers_shapefile),
            "CATALOGUE": "Catalogue de test",
            "CONNECTIONS": str(files["CONNECTIONS"]),
            "PROFILE": str(files["PROFILE"]),
            "REPORT": str(report),
        },
    )


def test_publish_then_republish_updates_the_same_record(
    provider, rivers_shapefile: Path, publication_files, pycsw_server, tmp_path: Path
) -> None:
    first = run_publish(rivers_shapefile, publication_files, tmp_path / "rapport1.json")
    record_id = first["CATALOGUE_RECORD_ID"]
    assert record_id and record_id in first["CATALOGUE_RECORD_URL"]
    assert catalogue_titles(pycsw_server.url, record_id) == [
        "Cours d'eau de l'agglomération d'Exemple"
    ]
    report = json.loads((tmp_path / "rapport1.json").read_text(encoding="utf-8"))
    assert report["ok"] and report["steps"][0]["action"] == "created"

    qmd = rivers_shapefile.with_suffix(".qmd")
    qmd.write_text(
        qmd.read_text(encoding="utf-8").replace(
            "<title>Cours d'eau", "<title>Rivières et cours d'eau"
        ),
        encoding="utf-8",
    )
    second = run_publish(rivers_shapefile, publication_files, tmp_path / "rapport2.json")
    assert second["CATALOGUE_RECORD_ID"] == record_id
    again = json.loads((tmp_path / "rapport2.json").read_text(encoding="utf-8"))
    assert again["steps"][0]["action"] == "updated"
    assert catalogue_titles(pycsw_server.url, record_id) == [
        "Rivières et cours d'eau de l'agglomération d'Exemple"
    ]

    journal = json.loads((profile_folder() / "journal.json").read_text(encoding="utf-8"))
    assert any(record_id in json.dumps(entry) for entry in journal.values())


def test_no_secret_is_written_anywhere(
    provider, rivers_shapefile: Path, publication_files, tmp_path: Path
) -> None:
    run_publish(rivers_shapefile, publication_files, tmp_path / "rapport.json")
    written = [
        tmp_path / "rapport.json",
        publication_files["CONNECTIONS"],
        profile_folder() / "journal.json",
    ]
    settings_dir = Path(QgsApplication.qgisSettingsDirPath())
    written += [p for p in settings_dir.rglob("*") if p.is_file() and p.stat().st_size < 5_000_000]
    leaks = [str(p) for p in written if PASSWORD.encode() in p.read_bytes()]
    assert leaks == []


def test_unreachable_catalogue_is_a_clear_failure(
    provider, rivers_shapefile: Path, publication_files, tmp_path: Path, refused_port: int
) -> None:
    """Nothing listens on the catalogue's port (held closed for the whole test)."""
    import processing
    from qgis.core import QgsProcessingException

    broken = tmp_path / "injoignable.json"
    broken.write_text(
        json.dumps(
            {
                "connections": [
                    {
                        "name": "Catalogue éteint",
                        "type": "csw",
                        "url": f"http://127.0.0.1:{refused_port}/csw",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="echec.json"):
        processing.run(
            "geopublier:publish",
            {
                "INPUT": str(rivers_shapefile),
                "CATALOGUE": "Catalogue éteint",
                "CONNECTIONS": str(broken),
                "PROFILE": str(publication_files["PROFILE"]),
                "REPORT": str(tmp_path / "echec.json"),
            },
        )
    report = json.loads((tmp_path / "echec.json").read_text(encoding="utf-8"))
    step = report["steps"][0]
    assert step["status"] == "failed" and step["error_code"] == "unreachable"
    assert "Catalogue" in step["message_fr"] or "127.0.0.1" in step["message_fr"]


def test_qgis_process_publishes_and_prints_the_record_id(
    rivers_shapefile: Path, publication_files, pycsw_server, tmp_path: Path
) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_package
    import install_plugin

    config_dir = tmp_path / "qgis-config"
    install_plugin.install(build_package.build(tmp_path / "dist"), config_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir))
    result = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "geopublier:publish",
            "--",
            f"INPUT={rivers_shapefile}",
            "CATALOGUE=Catalogue de test",
            f"CONNECTIONS={publication_files['CONNECTIONS']}",
            f"PROFILE={publication_files['PROFILE']}",
            f"REPORT={tmp_path / 'r.json'}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    record_id = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["steps"][0][
        "remote_id"
    ]
    assert f"CATALOGUE_RECORD_ID:\t{record_id}" in result.stdout
    assert catalogue_titles(pycsw_server.url, record_id)


def test_republishing_changed_data_sets_the_revision_date_and_unpublish_removes(
    rivers_shapefile: Path, publication_files, pycsw_server, tmp_path: Path
) -> None:
    import datetime as dt

    from qgis.core import QgsProject, QgsVectorLayer

    from plugin.core.profile import OrganisationProfile
    from plugin.publishers.connections import load_connections
    from plugin.publishers.journal import Journal
    from plugin.qgis.layer_reader import prefill
    from plugin.qgis.publication import (
        PublicationRequest,
        data_changed_since_last_publication,
        publish,
        remember_publication,
        unpublish,
    )

    journal = Journal(tmp_path / "journal.json")
    catalogue = load_connections(publication_files["CONNECTIONS"])[0]
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    record = prefill(layer, OrganisationProfile(**PROFILE)).record
    report, published = publish(PublicationRequest(record, catalogue), journal=journal)
    assert report.ok and published.revision_date == ""
    remember_publication(layer, journal, published)
    assert not data_changed_since_last_publication(layer)
    project = QgsProject.instance()
    project.addMapLayer(layer, False)
    assert project.write(str(tmp_path / "projet.qgs"))
    saved = (tmp_path / "projet.qgs").read_bytes()
    assert published.file_identifier.encode() in saved and PASSWORD.encode() not in saved
    assert PASSWORD.encode() not in (tmp_path / "journal.json").read_bytes()
    project.removeMapLayer(layer.id())
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    remember_publication(layer, journal, published)

    dbf = rivers_shapefile.with_suffix(".dbf")
    dbf.write_bytes(dbf.read_bytes() + b" ")  # the data file changes
    assert data_changed_since_last_publication(layer)
    again, republished = publish(
        PublicationRequest(published, catalogue, data_changed=True), journal=journal
    )
    assert again.steps[0].action == "updated"
    assert republished.revision_date == dt.date.today().isoformat()

    unpublish(republished, catalogue, journal)
    assert catalogue_titles(pycsw_server.url, republished.file_identifier) == []
    assert journal.entries(republished.identifier.uri) == []
