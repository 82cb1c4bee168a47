"""geopublier:publish to the real udata (and pycsw): upload and reference modes, republication."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import requests

from tests.portal_setup import connections_file, profile_file, udata_datasets_for

pytestmark = pytest.mark.integration


@pytest.fixture()
def files(tmp_path: Path, pycsw_server, udata_server, monkeypatch) -> dict[str, Path]:
    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    harvesting = {
        "name": "Portail moissonneur",
        "type": "udata",
        "url": udata_server.url,
        "api_key_env": "GP_UDATA_KEY",
        "options": {"harvested": True},
    }
    return {
        "CONNECTIONS": connections_file(tmp_path, pycsw_server, udata_server, (harvesting,)),
        "PROFILE": profile_file(tmp_path),
    }


def publish(shapefile: Path, files: dict[str, Path], tmp_path: Path, **extra) -> dict:
    import processing

    parameters = {
        "INPUT": str(shapefile),
        "CATALOGUE": "Catalogue",
        "PORTAL": "Portail",
        "CONNECTIONS": str(files["CONNECTIONS"]),
        "PROFILE": str(files["PROFILE"]),
        "PACKAGE_FOLDER": str(tmp_path / "paquets"),
        "REPORT": str(tmp_path / "rapport.json"),
        **extra,
    }
    return processing.run("geopublier:publish", parameters)


def dataset(udata_server, dataset_id: str) -> dict:
    answer = requests.get(f"{udata_server.api_url}/datasets/{dataset_id}/", timeout=10)
    answer.raise_for_status()
    return answer.json()


def test_upload_mode_publishes_record_and_files_then_updates_in_place(
    provider, rivers_shapefile: Path, files, udata_server, tmp_path: Path
) -> None:
    first = publish(rivers_shapefile, files, tmp_path, FORMATS=[0, 1])
    dataset_id = first["PORTAL_DATASET_ID"]
    published = dataset(udata_server, dataset_id)
    assert published["private"] is False
    assert published["license"] == "lov2"
    assert published["title"] == "Cours d'eau de l'agglomération d'Exemple"
    assert first["CATALOGUE_RECORD_URL"] in published["description"]
    formats = sorted(r["format"] for r in published["resources"])
    assert "gpkg" in formats and "geojson" in formats
    resource_ids = sorted(r["id"] for r in published["resources"])
    geojson = next(r for r in published["resources"] if r["format"] == "geojson")
    body = requests.get(geojson["url"], timeout=10).json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 2

    second = publish(rivers_shapefile, files, tmp_path, FORMATS=[0, 1])
    assert second["PORTAL_DATASET_ID"] == dataset_id
    report = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert [(s["role"], s["action"]) for s in report["steps"]] == [
        ("catalogue", "updated"),
        ("portal", "updated"),
        ("links", "updated"),
    ]
    assert sorted(r["id"] for r in dataset(udata_server, dataset_id)["resources"]) == resource_ids
    package = Path(second["PACKAGE_DIR"])
    assert package.parent == tmp_path / "paquets" and (package / "LISEZMOI.md").is_file()
    assert report["package"]["folder"] == str(package)
    assert Path(report["package"]["quality_report"]).is_file()


def datasets_for(udata_server, suffix: str) -> list[dict]:
    """The portal's own listing of the datasets holding `other_dataset`'s identifier."""
    return udata_datasets_for(
        udata_server, f"https://data.exemple-agglo.fr/id/cours-d-eau-{suffix}"
    )


def other_dataset(shapefile: Path, suffix: str) -> Path:
    """The same data under another INSPIRE identifier (a dataset of its own on the portal)."""
    qmd = shapefile.with_suffix(".qmd")
    qmd.write_text(
        qmd.read_text(encoding="utf-8").replace("/id/cours-d-eau<", f"/id/cours-d-eau-{suffix}<"),
        encoding="utf-8",
    )
    return shapefile


def test_reference_mode_creates_only_links(
    provider, rivers_shapefile: Path, files, udata_server, tmp_path: Path
) -> None:
    other_dataset(rivers_shapefile, "reference")
    result = publish(rivers_shapefile, files, tmp_path, MODE=1)
    resources = dataset(udata_server, result["PORTAL_DATASET_ID"])["resources"]
    assert resources and all(r["filetype"] == "remote" for r in resources)
    assert any(result["CATALOGUE_RECORD_ID"] in r["url"] for r in resources)


def test_harvesting_portal_gets_no_duplicate(
    provider, rivers_shapefile: Path, files, udata_server, tmp_path: Path
) -> None:
    other_dataset(rivers_shapefile, "moissonne")
    result = publish(rivers_shapefile, files, tmp_path, PORTAL="Portail moissonneur", MODE=1)
    assert result["PORTAL_DATASET_ID"] == "" and result["CATALOGUE_RECORD_ID"]
    report = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    portal = report["steps"][1]
    assert portal["status"] == "skipped" and "moissonne" in portal["message_fr"]
    assert datasets_for(udata_server, "moissonne") == []


def test_failed_portal_step_resumes_without_duplicates(
    provider, rivers_shapefile: Path, files, udata_server, tmp_path: Path, monkeypatch
) -> None:
    from qgis.core import QgsProcessingException

    from plugin.qgis.destinations import journal

    other_dataset(rivers_shapefile, "reprise")
    monkeypatch.setenv("GP_UDATA_KEY", "cle-perimee")
    with pytest.raises(QgsProcessingException):
        publish(rivers_shapefile, files, tmp_path, MODE=1)
    report = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    # Nothing published on the portal yet: the record gets no link (and is left alone).
    assert [(s["status"], s["action"]) for s in report["steps"]] == [
        ("done", "created"),
        ("failed", ""),
        ("done", "unchanged"),
    ]
    assert "cle-perimee" not in json.dumps(report)
    resource_id = report["resource_id"]
    assert [e.destination for e in journal().failed_steps(resource_id)] == ["Portail"]

    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    resumed = publish(rivers_shapefile, files, tmp_path, MODE=1)
    again = publish(rivers_shapefile, files, tmp_path, MODE=1)
    [dataset] = datasets_for(udata_server, "reprise")  # the portal's listing, not our report
    assert again["PORTAL_DATASET_ID"] == resumed["PORTAL_DATASET_ID"] == dataset["id"]
    assert again["CATALOGUE_RECORD_ID"] == resumed["CATALOGUE_RECORD_ID"]
    assert journal().failed_steps(resource_id) == []


# One auth database per test session (tests/qgis_env.py): the same master password as
# tests/qgis/test_network_session.py, so both files can run in one session.
MASTER_PASSWORD = "maître-test"


def key_in_auth_database(api_key: str) -> str:
    """A Basic auth configuration holding the portal key as its password (the GUI's way)."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.init(QgsApplication.pluginPath(), QgsApplication.qgisAuthDatabaseFilePath())
        assert manager.setMasterPassword(MASTER_PASSWORD, True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Portail bac à sable")
    config.setConfig("username", "")
    config.setConfig("password", api_key)
    assert manager.storeAuthenticationConfig(config)
    return config.id()


@pytest.mark.parametrize("key_source", ["api_key_env", "authcfg"])
def test_no_api_key_is_written_anywhere(
    provider, rivers_shapefile: Path, files, udata_server, tmp_path: Path, caplog, key_source
) -> None:
    """After a portal publication, the key is in none of the report, journal, QGIS settings
    folder, saved project, export package or logs (Python, Processing feedback, QGIS log)."""
    import processing
    from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    from plugin.qgis.destinations import profile_folder

    api_key = udata_server.api_key
    if key_source == "authcfg":
        connections = json.loads(files["CONNECTIONS"].read_text(encoding="utf-8"))
        portal = connections["connections"][1]
        del portal["api_key_env"]
        portal["authcfg"] = key_in_auth_database(api_key)
        files["CONNECTIONS"].write_text(json.dumps(connections), encoding="utf-8")

    class Feedback(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info: str) -> None:  # noqa: N802 (Qt name)
            self.lines.append(info)

        def pushWarning(self, warning: str) -> None:  # noqa: N802
            self.lines.append(warning)

        def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
            self.lines.append(error)

        def pushDebugInfo(self, info: str) -> None:  # noqa: N802
            self.lines.append(info)

        def pushCommandInfo(self, info: str) -> None:  # noqa: N802
            self.lines.append(info)

    qgis_log: list[str] = []

    def keep(text: str, tag: str, level: object) -> None:
        qgis_log.append(f"{tag}: {text}")

    QgsApplication.messageLog().messageReceived.connect(keep)
    caplog.set_level(logging.DEBUG)
    layer = QgsVectorLayer(str(other_dataset(rivers_shapefile, key_source)), "cours_eau", "ogr")
    project = QgsProject.instance()
    project.addMapLayer(layer)
    feedback = Feedback()
    try:
        result = processing.run(
            "geopublier:publish",
            {
                "INPUT": layer,
                "CATALOGUE": "Catalogue",
                "PORTAL": "Portail",
                "CONNECTIONS": str(files["CONNECTIONS"]),
                "PROFILE": str(files["PROFILE"]),
                "PACKAGE_FOLDER": str(tmp_path / "paquets"),
                "REPORT": str(tmp_path / "rapport.json"),
                "FORMATS": [0, 1],
            },
            feedback=feedback,
        )
        assert project.write(str(tmp_path / "projet.qgs"))
    finally:
        project.removeMapLayer(layer.id())
        QgsApplication.messageLog().messageReceived.disconnect(keep)

    dataset_id = result["PORTAL_DATASET_ID"]
    assert dataset(udata_server, dataset_id)["private"] is False  # published with that key
    written = {
        "report": tmp_path / "rapport.json",
        "journal": profile_folder() / "journal.json",
        "project": tmp_path / "projet.qgs",
        "connections": files["CONNECTIONS"],
    }
    for name in ("report", "journal", "project"):  # each really holds the publication
        assert dataset_id.encode() in written[name].read_bytes(), name
    settings_dir = Path(QgsApplication.qgisSettingsDirPath())
    for folder in (settings_dir, tmp_path / "paquets"):
        found = [p for p in folder.rglob("*") if p.is_file() and p.stat().st_size < 50_000_000]
        written.update({str(p): p for p in found})
    assert len(written) > 6
    leaks = [name for name, path in written.items() if api_key.encode() in path.read_bytes()]
    logs = {
        "python": caplog.text,
        "feedback": "\n".join(feedback.lines),
        "qgis": "\n".join(qgis_log),
    }
    assert "plugin.publishers" in caplog.text and feedback.lines  # the run did log
    assert leaks + [name for name, text in logs.items() if api_key in text] == []
