"""Republishing from any machine leaves exactly one dataset: geopublier:publish to the REAL
udata and the REAL CKAN (its Solr is the in-memory stand-in), from a first profile, then from
a fresh profile opening the saved project, then from a fresh profile with the layer alone, then
after the connection was renamed. What counts is the portal's own listing, not our report."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.portal_setup import profile_file, udata_datasets_for

pytestmark = pytest.mark.integration
TIMEOUT = 30


class Portal:
    """One real portal: its connection for GeoPublier and its own listing of our datasets."""

    def __init__(self, kind: str, server) -> None:
        self.kind, self.server = kind, server

    def connection(self, name: str) -> dict:
        if self.kind == "udata":
            return {
                "name": name,
                "type": "udata",
                "url": self.server.url,
                "api_key_env": "GP_PORTAL_KEY",
                "options": {"organization": self.server.organization_id},
            }
        return {
            "name": name,
            "type": "ckan",
            "url": self.server.url,
            "api_key_env": "GP_PORTAL_KEY",
            "options": {"organization": self.server.organization},
        }

    @property
    def key(self) -> str:
        return self.server.api_key if self.kind == "udata" else self.server.api_token

    def datasets_for(self, identifier: str) -> list[dict]:
        """The organisation's datasets holding ``identifier`` in their extras, as the portal
        lists them to a member (private ones included), deleted ones left out."""
        if self.kind == "udata":
            return udata_datasets_for(self.server, identifier)
        answer = requests.get(
            f"{self.server.api_url}/package_search",
            params={
                "fq": f'owner_org:"{self.server.organization_id}"',
                "include_private": "true",
                "rows": 1000,
            },
            headers={"Authorization": self.key},
            timeout=TIMEOUT,
        )
        answer.raise_for_status()
        found = answer.json()["result"]
        assert found["count"] == len(found["results"])  # the whole listing, in one page
        rows = [self.package(p["id"]) for p in found["results"]]
        rows = [row for row in rows if row["state"] == "active"]
        extras = [(row, {e["key"]: e["value"] for e in row["extras"]}) for row in rows]
        return [row for row, extra in extras if extra.get("inspire:identifier") == identifier]

    def package(self, package_id: str) -> dict:
        answer = requests.get(
            f"{self.server.api_url}/package_show",
            params={"id": package_id},
            headers={"Authorization": self.key},
            timeout=TIMEOUT,
        )
        answer.raise_for_status()
        return answer.json()["result"]


@pytest.fixture(params=["udata", "ckan"])
def portal(request) -> Portal:
    return Portal(request.param, request.getfixturevalue(f"{request.param}_server"))


@pytest.fixture()
def fresh_profiles() -> Iterator:
    """Empties this profile's publication journal on demand (another machine, a reinstalled
    QGIS, a qgis_process job with its own profile); the session's journal is put back after."""
    from plugin.qgis.destinations import profile_folder

    path = profile_folder() / "journal.json"
    kept = path.with_suffix(".kept")
    if path.exists():
        shutil.copy2(path, kept)

    def fresh() -> None:
        path.unlink(missing_ok=True)

    yield fresh
    path.unlink(missing_ok=True)
    if kept.exists():
        kept.replace(path)


def unique_identifier(shapefile: Path, code: str) -> str:
    """Give the layer an INSPIRE identifier of its own (no other test publishes it)."""
    qmd = shapefile.with_suffix(".qmd")
    qmd.write_text(
        qmd.read_text(encoding="utf-8").replace("/id/cours-d-eau<", f"/id/{code}<"),
        encoding="utf-8",
    )
    return f"https://data.exemple-agglo.fr/id/{code}"


def publish(
    layer, portal_name: str, connections: Path, folder: Path, feedback=None, **extra
) -> dict:
    import processing

    folder.mkdir(parents=True, exist_ok=True)
    profile = profile_file(folder)
    return processing.run(
        "geopublier:publish",
        {
            "INPUT": layer,
            "PORTAL": portal_name,
            "CONNECTIONS": str(connections),
            "PROFILE": str(profile),
            "FORMATS": [0, 1],
            "PACKAGE_FOLDER": str(folder / "paquets"),
            "REPORT": str(folder / "rapport.json"),
            **extra,
        },
        feedback=feedback,
    )


def resource_ids(portal: Portal, dataset: dict) -> list[str]:
    if portal.kind == "ckan":
        dataset = portal.package(dataset["id"])
    return sorted(r["id"] for r in dataset["resources"])


def rivers_in_project(portal: Portal, rivers_shapefile: Path, tmp_path: Path):
    """The rivers layer alone in the project, and a connections file naming the portal
    « Portail »."""
    from qgis.core import QgsProject, QgsVectorLayer

    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps({"connections": [portal.connection("Portail")]}), encoding="utf-8"
    )
    project = QgsProject.instance()
    project.clear()
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    project.addMapLayer(layer)
    return layer, connections


def test_one_dataset_from_any_profile_and_after_renaming_the_connection(
    provider, rivers_shapefile: Path, portal: Portal, fresh_profiles, tmp_path: Path, monkeypatch
) -> None:
    from qgis.core import QgsProject, QgsVectorLayer

    from plugin.qgis.destinations import journal

    monkeypatch.setenv("GP_PORTAL_KEY", portal.key)
    identifier = unique_identifier(rivers_shapefile, f"cours-d-eau-partout-{portal.kind}")
    layer, connections = rivers_in_project(portal, rivers_shapefile, tmp_path)
    project = QgsProject.instance()

    # Machine A publishes, and the project (with the layer's copy of the journal) is saved.
    first = publish(layer, "Portail", connections, tmp_path / "a")
    [created] = portal.datasets_for(identifier)
    assert created["id"] == first["PORTAL_DATASET_ID"]
    resources = resource_ids(portal, created)
    assert len(resources) == 3  # GeoPackage, GeoJSON and the ISO 19139 record
    qgs = tmp_path / "projet.qgs"
    assert project.write(str(qgs))

    # Machine B: a fresh profile opens the project.
    fresh_profiles()
    project.clear()
    assert project.read(str(qgs))
    [layer_b] = project.mapLayersByName("cours_eau")
    second = publish(layer_b, "Portail", connections, tmp_path / "b")
    [dataset] = portal.datasets_for(identifier)
    assert second["PORTAL_DATASET_ID"] == dataset["id"] == created["id"]
    assert resource_ids(portal, dataset) == resources
    report = json.loads((tmp_path / "b" / "rapport.json").read_text(encoding="utf-8"))
    assert report["steps"][0]["action"] == "updated"

    # A scheduled job with its own profile and the layer file alone: found on the portal.
    fresh_profiles()
    project.clear()
    alone = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    third = publish(alone, "Portail", connections, tmp_path / "c")
    [dataset] = portal.datasets_for(identifier)
    assert third["PORTAL_DATASET_ID"] == dataset["id"] == created["id"]
    assert resource_ids(portal, dataset) == resources

    # The connection is renamed (same address): its journal entry follows.
    connections.write_text(
        json.dumps({"connections": [portal.connection("Open data de l'agglo")]}),
        encoding="utf-8",
    )
    fourth = publish(alone, "Open data de l'agglo", connections, tmp_path / "d")
    [dataset] = portal.datasets_for(identifier)
    assert fourth["PORTAL_DATASET_ID"] == dataset["id"] == created["id"]
    assert resource_ids(portal, dataset) == resources
    assert [e.destination for e in journal().entries(identifier)] == ["Open data de l'agglo"]


def make_duplicate(portal: Portal, identifier: str, name: str) -> str:
    """A dataset someone made by hand on the portal, carrying the same identifier; its id."""
    extras = {"inspire:identifier": identifier}
    if portal.kind == "udata":
        answer = requests.post(
            f"{portal.server.api_url}/datasets/",
            json={
                "title": name,
                "description": "Copie faite à la main.",
                "organization": portal.server.organization_id,
                "extras": extras,
            },
            headers={"X-API-KEY": portal.key},
            timeout=TIMEOUT,
        )
        assert answer.status_code == 201, answer.text
        return answer.json()["id"]
    answer = requests.post(
        f"{portal.server.api_url}/package_create",
        json={
            "name": name,
            "title": name,
            "owner_org": portal.server.organization,
            "extras": [{"key": k, "value": v} for k, v in extras.items()],
        },
        headers={"Authorization": portal.key},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["result"]["id"]


def delete_through_api(portal: Portal, udata_path: str, ckan_action: str, object_id: str) -> None:
    """Delete something as a user of the portal's site does: udata's DELETE on ``udata_path``
    (under the API root), CKAN's ``ckan_action`` on ``object_id``."""
    if portal.kind == "udata":
        answer = requests.delete(
            f"{portal.server.api_url}/{udata_path}",
            headers={"X-API-KEY": portal.key},
            timeout=TIMEOUT,
        )
        assert answer.status_code == 204, answer.text
        return
    answer = requests.post(
        f"{portal.server.api_url}/{ckan_action}",
        json={"id": object_id},
        headers={"Authorization": portal.key},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text


def delete_on_portal(portal: Portal, dataset_id: str) -> None:
    delete_through_api(portal, f"datasets/{dataset_id}/", "package_delete", dataset_id)


def test_two_datasets_for_one_identifier_stop_the_publication(
    provider, rivers_shapefile: Path, portal: Portal, fresh_profiles, tmp_path: Path, monkeypatch
) -> None:
    """Nothing in the journal, two datasets on the portal with the layer's identifier: a clear
    error naming both, and no third dataset."""
    from qgis.core import QgsProcessingException, QgsVectorLayer

    monkeypatch.setenv("GP_PORTAL_KEY", portal.key)
    identifier = unique_identifier(rivers_shapefile, f"cours-d-eau-doublon-{portal.kind}")
    first = make_duplicate(portal, identifier, f"cours-d-eau-copie-1-{portal.kind}")
    second = make_duplicate(portal, identifier, f"cours-d-eau-copie-2-{portal.kind}")
    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps({"connections": [portal.connection("Portail")]}), encoding="utf-8"
    )
    fresh_profiles()
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")

    with pytest.raises(QgsProcessingException):
        publish(layer, "Portail", connections, tmp_path)

    step = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["error_code"] == "portal_duplicates"
    assert first in step["message_fr"] and second in step["message_fr"]
    assert "supprimez le doublon" in step["message_fr"]
    assert sorted(d["id"] for d in portal.datasets_for(identifier)) == sorted([first, second])


def test_a_dataset_deleted_on_the_portal_is_published_afresh_on_request(
    provider, rivers_shapefile: Path, portal: Portal, fresh_profiles, tmp_path: Path, monkeypatch
) -> None:
    """The journal remembers a dataset the portal no longer has: the user is told how to
    publish it afresh, and REPUBLISH_MISSING does it — one new dataset, remembered."""
    from qgis.core import QgsProcessingException, QgsVectorLayer

    from plugin.qgis.destinations import journal

    monkeypatch.setenv("GP_PORTAL_KEY", portal.key)
    identifier = unique_identifier(rivers_shapefile, f"cours-d-eau-supprime-{portal.kind}")
    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps({"connections": [portal.connection("Portail")]}), encoding="utf-8"
    )
    fresh_profiles()
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    gone = publish(layer, "Portail", connections, tmp_path / "a")["PORTAL_DATASET_ID"]
    delete_on_portal(portal, gone)
    assert portal.datasets_for(identifier) == []

    with pytest.raises(QgsProcessingException):
        publish(layer, "Portail", connections, tmp_path / "b")
    step = json.loads((tmp_path / "b" / "rapport.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["error_code"] == "portal_dataset_missing", step["message_en"] + str(step["details"])
    assert gone in step["message_fr"] and "REPUBLISH_MISSING" in step["message_fr"]
    assert "effacez l'entrée du journal" not in step["message_fr"]
    assert portal.datasets_for(identifier) == []  # nothing created behind the user's back

    again = publish(layer, "Portail", connections, tmp_path / "c", REPUBLISH_MISSING=True)
    [dataset] = portal.datasets_for(identifier)
    assert again["PORTAL_DATASET_ID"] == dataset["id"] != gone
    report = json.loads((tmp_path / "c" / "rapport.json").read_text(encoding="utf-8"))
    assert report["steps"][0]["action"] == "created"
    assert report["steps"][0]["details"]["replaces_missing"] == gone
    assert journal().previous_remote_id(identifier, "Portail") == dataset["id"]
    assert (
        publish(layer, "Portail", connections, tmp_path / "d")["PORTAL_DATASET_ID"] == dataset["id"]
    )


def files_held(portal: Portal, dataset_id: str) -> dict[str, dict]:
    """The dataset's files as the portal holds them, by the name GeoPublier gave them."""
    if portal.kind == "udata":
        answer = requests.get(f"{portal.server.api_url}/datasets/{dataset_id}/", timeout=TIMEOUT)
        answer.raise_for_status()
        resources = answer.json()["resources"]
        return {r["extras"]["geopublier:file"]: r for r in resources if r["filetype"] == "file"}
    resources = portal.package(dataset_id)["resources"]
    return {r["geopublier_role"][len("file:") :]: r for r in resources if r["url_type"] == "upload"}


def delete_resource(portal: Portal, dataset_id: str, resource_id: str) -> None:
    """What a user does on the portal's site: delete one file of the dataset."""
    path = f"datasets/{dataset_id}/resources/{resource_id}/"
    delete_through_api(portal, path, "resource_delete", resource_id)


def replace_file(portal: Portal, dataset_id: str, resource: dict, name: str, body: bytes) -> None:
    """Someone else uploads another file in place of ours (same resource, same name)."""
    if portal.kind == "udata":
        answer = requests.post(
            f"{portal.server.api_url}/datasets/{dataset_id}/resources/{resource['id']}/upload/",
            files={"file": (name, body)},
            headers={"X-API-KEY": portal.key},
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        return
    answer = requests.post(
        f"{portal.server.api_url}/resource_patch",
        data={"id": resource["id"]},
        files={"upload": (name, body)},
        headers={"Authorization": portal.key},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text


def portal_step_details(folder: Path) -> dict:
    report = json.loads((folder / "rapport.json").read_text(encoding="utf-8"))
    [step] = [s for s in report["steps"] if s["role"] == "portal"]
    assert step["status"] == "done", step
    return step["details"]


def test_a_file_deleted_or_replaced_on_the_portal_is_sent_again(
    provider, rivers_shapefile: Path, portal: Portal, fresh_profiles, tmp_path: Path, monkeypatch
) -> None:
    """The data did not change, so a republication uploads nothing — except a file the portal
    lost (deleted on the site) or holds in another version (replaced by someone): that one is
    exported again and sent, the others stay as they are (same resource, same date)."""
    monkeypatch.setenv("GP_PORTAL_KEY", portal.key)
    unique_identifier(rivers_shapefile, f"cours-d-eau-fichier-perdu-{portal.kind}")
    layer, connections = rivers_in_project(portal, rivers_shapefile, tmp_path)
    dataset_id = publish(layer, "Portail", connections, tmp_path / "a")["PORTAL_DATASET_ID"]
    first = files_held(portal, dataset_id)
    assert len(first) == 3  # GeoPackage, GeoJSON and the ISO 19139 record
    [geojson] = [name for name in first if name.endswith(".geojson")]
    [gpkg] = [name for name in first if name.endswith(".gpkg")]
    [xml] = [name for name in first if name.endswith(".xml")]
    # geopublier:publish always sends the record's file (it may come merged from METADATA):
    # the data files are the ones that must stay untouched.

    delete_resource(portal, dataset_id, first[geojson]["id"])
    assert geojson not in files_held(portal, dataset_id)
    time.sleep(1.1)  # udata stores files per second: let a same-second upload not collide
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        lines: list[str] = []

        def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
            self.lines.append(info)

    log = Log()
    publish(layer, "Portail", connections, tmp_path / "b", feedback=log)
    assert portal_step_details(tmp_path / "b")["resent"] == [geojson]
    from plugin.core.publication_report import resent_note
    from plugin.toolbelt.i18n import ui_language

    assert resent_note([geojson], ui_language()) in log.lines  # French in a full run
    second = files_held(portal, dataset_id)
    assert set(second) == set(first)  # the GeoJSON is back, nothing else added
    assert second[geojson]["id"] != first[geojson]["id"]
    assert second[xml]["id"] == first[xml]["id"]
    assert second[gpkg]["id"] == first[gpkg]["id"]
    assert second[gpkg]["last_modified"] == first[gpkg]["last_modified"]

    # Unchanged and all present: nothing sent, nothing touched.
    publish(layer, "Portail", connections, tmp_path / "c")
    assert portal_step_details(tmp_path / "c")["resent"] == []
    third = files_held(portal, dataset_id)
    assert {n: (r["id"], r["last_modified"]) for n, r in third.items() if n != xml} == {
        n: (r["id"], r["last_modified"]) for n, r in second.items() if n != xml
    }

    # Someone replaces the GeoPackage with another file of the same name.
    replace_file(portal, dataset_id, third[gpkg], gpkg, b"ceci n'est pas la couche")
    replaced = files_held(portal, dataset_id)[gpkg]
    assert replaced["last_modified"] != third[gpkg]["last_modified"]
    time.sleep(1.1)
    publish(layer, "Portail", connections, tmp_path / "d")
    assert portal_step_details(tmp_path / "d")["resent"] == [gpkg]
    fourth = files_held(portal, dataset_id)
    assert fourth[gpkg]["id"] == third[gpkg]["id"]  # the same resource holds our file again
    sent = next((tmp_path / "d" / "paquets").rglob(gpkg)).stat().st_size
    assert int(fourth[gpkg].get("filesize") or fourth[gpkg].get("size") or 0) == sent
    assert fourth[geojson]["last_modified"] == third[geojson]["last_modified"]


def test_the_panel_sends_again_a_file_deleted_on_udata(
    udata_server, tmp_path: Path, monkeypatch
) -> None:
    """The panel's « Check the portals » names the GeoPackage deleted on the portal; its
    republication path (plan_layer → LayerJob.run): the layer's data did not change, the
    package is not on disk; that file is exported on demand and sent, the record's file stays
    as it is."""
    from qgis.core import QgsFeedback, QgsProject, QgsVectorLayer

    from plugin.gui.publications_dock import PublicationsDock
    from plugin.publishers.connections import connection_from_json
    from plugin.qgis.batch import keep_layer, plan_layer
    from plugin.qgis.choices import DESTINATIONS_PROPERTY, PREPARE_PROPERTY
    from plugin.qgis.destinations import journal, save_saved_connections, saved_connections
    from plugin.qgis.layer_metadata import save_record
    from plugin.qgis.layer_reader import prefill
    from tests.datasets import fill_inspire, points_gpkg
    from tests.dialog_helpers import french_ui, wait_for

    portal = Portal("udata", udata_server)
    monkeypatch.setenv("GP_PORTAL_KEY", portal.key)
    kept = saved_connections()
    save_saved_connections([connection_from_json(portal.connection("Portail du panneau"))])
    path = points_gpkg(tmp_path / "arrets.gpkg", 40, layer="arrets")
    layer = QgsVectorLayer(f"{path}|layername=arrets", "arrets", "ogr")
    save_record(layer, fill_inspire(prefill(layer).record, "Arrêts de car du panneau"))
    layer.setCustomProperty(DESTINATIONS_PROPERTY, json.dumps({"portal": "Portail du panneau"}))
    layer.setCustomProperty(PREPARE_PROPERTY, json.dumps({"formats": ["gpkg"]}))

    def republish(folder: str):
        store = journal()
        job = plan_layer(layer, saved_connections(), store, tmp_path / folder)
        outcome = job.run(store, QgsFeedback(), lambda: False)
        keep_layer(layer, job, store)
        assert outcome.status == "republished", outcome
        return job, outcome

    try:
        job, _ = republish("premier")
        dataset_id = job.report.step("portal").remote_id
        first = files_held(portal, dataset_id)
        [gpkg] = [name for name in first if name.endswith(".gpkg")]
        delete_resource(portal, dataset_id, first[gpkg]["id"])

        # The panel, asked to check the portals, names the file the dataset lost (in French,
        # as its users read it).
        french_ui()
        QgsProject.instance().addMapLayer(layer, False)
        QgsProject.instance().layerTreeRoot().addLayer(layer)
        dock = PublicationsDock()
        dock.checkButton.click()
        wait_for(lambda: dock.portal_task is None, 60)
        [row] = [
            dock.tree.topLevelItem(i)
            for i in range(dock.tree.topLevelItemCount())
            if dock.tree.topLevelItem(i).text(0) == "arrets"
        ]
        portal_row = row.child(0)
        assert portal_row.text(0) == "Portail du panneau"
        assert portal_row.text(1) == f"Absent ou remplacé sur le portail : {gpkg}"
        assert "1 avec des fichiers supprimés ou remplacés" in dock.summary.text()
        assert row.text(1) == "Fichiers absents du portail"
        dock.select_changed()
        assert dock.selected_ids() == [layer.id()]  # « Select changed » picks it up
        if os.environ.get("GEOPUBLIER_SCREENSHOTS"):
            row.setExpanded(True)
            dock.resize(900, 260)
            dock.grab().save(
                str(Path(os.environ["GEOPUBLIER_SCREENSHOTS"]) / "panneau_portails.png")
            )
        dock.release()

        time.sleep(1.1)
        job, outcome = republish("second")
        assert outcome.files_kept and job.export is None  # nothing exported before publishing
        assert job.report.step("portal").details["resent"] == [gpkg]
        second = files_held(portal, dataset_id)
        assert set(second) == set(first)
        [xml] = [name for name in first if name.endswith(".xml")]
        assert (second[xml]["id"], second[xml]["last_modified"]) == (
            first[xml]["id"],
            first[xml]["last_modified"],
        )
        job, _ = republish("troisieme")
        assert job.report.step("portal").details["resent"] == []
        third = files_held(portal, dataset_id)
        assert {n: (r["id"], r["last_modified"]) for n, r in third.items()} == {
            n: (r["id"], r["last_modified"]) for n, r in second.items()
        }
    finally:
        save_saved_connections(kept)
        QgsProject.instance().removeMapLayer(layer.id())
