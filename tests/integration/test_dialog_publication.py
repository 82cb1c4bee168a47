"""The real dialog publishes to the real pycsw catalogue and the real udata portal (127.0.0.1):
links that answer, "mis à jour" on republication with no duplicate, Cancel in the middle, a
failing destination with its error and "Retry failed steps"."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from lxml import etree
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMessageBox

from plugin.gui.main_dialog import MainDialog
from plugin.publishers.connections import loads_connections
from plugin.qgis import destinations
from plugin.qgis.destinations import save_saved_connections
from plugin.qgis.layer_metadata import stored_record
from plugin.qgis.network import build_session
from plugin.toolbelt.settings import Settings
from tests.csw_queries import count_records
from tests.datasets import points_gpkg
from tests.dialog_helpers import (
    answer_next_window,
    fill_missing_inspire_fields,
    french_ui,
    type_into,
    wait_for,
)
from tests.portal_setup import udata_listing

pytestmark = pytest.mark.integration
CATALOGUE = "Catalogue bac à sable"
PORTAL = "Portail bac à sable"
BAD_PORTAL = "Portail clé périmée"
KEY_ENV = "GP_DIALOG_UDATA_KEY"
BAD_KEY_ENV = "GP_DIALOG_BAD_KEY"


@pytest.fixture()
def saved_connections(pycsw_server, udata_server, monkeypatch):
    """The connections a trainer hands out, saved in QGIS; the key comes from a variable."""
    french_ui()
    Settings().save()
    monkeypatch.setenv(KEY_ENV, udata_server.api_key)
    monkeypatch.setenv(BAD_KEY_ENV, "udata_cle_perimee_0000")
    portal = {
        "type": "udata",
        "url": udata_server.url,
        "options": {"organization": udata_server.organization_id},
    }
    items = [
        {"name": CATALOGUE, "type": "csw", "url": pycsw_server.url},
        dict(portal, name=PORTAL, api_key_env=KEY_ENV),
        dict(portal, name=BAD_PORTAL, api_key_env=BAD_KEY_ENV),
    ]
    save_saved_connections(loads_connections(json.dumps({"connections": items})))
    yield
    QgsProject.instance().removeAllMapLayers()


def open_dialog(tmp_path: Path, name: str, qgis_iface) -> MainDialog:
    path = points_gpkg(tmp_path / f"{name}.gpkg", 200)
    layer = QgsVectorLayer(f"{path}|layername=points", name, "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    dialog = MainDialog(iface=qgis_iface)
    dialog.set_layer(layer)
    dialog.prepare.folderWidget.setFilePath(str(tmp_path / "paquets"))
    dialog.show()
    fill_missing_inspire_fields(dialog)
    return dialog


def choose_destinations(dialog: MainDialog, catalogue: str, portal: str) -> None:
    for combo, name in (
        (dialog.destinations.catalogueCombo, catalogue),
        (dialog.destinations.portalCombo, portal),
    ):
        combo.setCurrentIndex(combo.findText(name))


def click_publish(dialog: MainDialog, button=None, meanwhile=None) -> None:
    """Click, optionally do something while the task runs (QGIS stays usable), wait the end."""
    button = button or dialog.publisher.publishButton
    assert button.isEnabled(), dialog.publisher.blockers.text()
    button.click()
    assert dialog.job is not None
    if meanwhile is not None:
        meanwhile()
    wait_for(lambda: dialog.job is None, 300)


def links(dialog: MainDialog) -> list[str]:
    html = dialog.publisher.links.text()
    return [a.get("href") for a in etree.fromstring(f"<p>{html}</p>").iter("a")]


def titles_in_catalogue(pycsw_server, title: str) -> int:
    return count_records(pycsw_server.url, "dc:title", title)


def datasets_titled(udata_server, title: str) -> list[dict]:
    """Every dataset of the organisation with this title, private ones included."""
    return [d for d in udata_listing(udata_server) if d["title"] == title]


def test_publish_read_the_links_then_republish_updates_in_place(
    saved_connections, pycsw_server, udata_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = open_dialog(tmp_path, "arbres_publies", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres d'alignement de Saint-Exemple")
    choose_destinations(dialog, CATALOGUE, PORTAL)
    dialog.prepare.formatChecks["geojson"].setChecked(True)
    type_into(dialog.destinations.zonesEdit, "fr:commune:44109")
    granularity = dialog.destinations.granularityCombo
    granularity.setCurrentIndex(granularity.findData("fr:commune"))
    dialog.stepTabs.setCurrentWidget(dialog.publishTab)
    assert dialog.publisher.blockers.text() == ""
    assert "va dans le catalogue" in dialog.publisher.summary.text()
    click_publish(dialog)

    publisher = dialog.publisher
    assert publisher.step_state("export") == "exporté"
    assert publisher.step_state(CATALOGUE) == "créé"
    assert publisher.step_state(PORTAL) == "créé"
    record_url, dataset_url = links(dialog)
    record = requests.get(record_url, timeout=10)
    assert record.status_code == 200
    assert "Arbres d'alignement de Saint-Exemple" in record.text
    # The record names the formats of the files on the portal, as the package's own record.
    formats = etree.fromstring(record.content).iterfind(
        ".//{*}MD_Format/{*}name/{*}CharacterString"
    )
    assert [f.text for f in formats] == ["GeoPackage", "GeoJSON"]
    page = requests.get(dataset_url, timeout=10)
    assert page.status_code == 200
    [dataset] = datasets_titled(udata_server, "Arbres d'alignement de Saint-Exemple")
    assert not dataset["private"] and dataset["license"] == "lov2"
    assert dataset["spatial"]["zones"] == ["fr:commune:44109"]
    assert dataset["spatial"]["granularity"] == "fr:commune"
    resource_ids = sorted(r["id"] for r in dataset["resources"])
    assert len(resource_ids) >= 2  # the GeoPackage and the ISO 19139 record
    assert publisher.report_path is not None and publisher.report_path.is_file()
    report = publisher.report_path.read_text(encoding="utf-8")
    assert "Rapport de publication" in report and "créé" in report
    assert "GeoPublier:arbres_publies : publié." in qgis_iface.messageBar().get_messages(3)

    # Second publication of the same layer: "mis à jour", same record and dataset.
    type_into(dialog.describe.editors["lineage"].widget, "Relevé GPS 2024, contrôlé en 2025.")
    assert "sera mise à jour sur place" in dialog.publisher.summary.text()
    conditions = dialog.describe.editors["use_conditions"].widget
    click_publish(dialog, meanwhile=lambda: type_into(conditions, "Source : Saint-Exemple"))
    # What was typed while it published is still there, and kept with the layer.
    assert conditions.text() == "Source : Saint-Exemple"
    dialog.save_now()
    assert stored_record(dialog.layer).use_conditions == "Source : Saint-Exemple"
    assert publisher.step_state(CATALOGUE) == "mis à jour"
    assert publisher.step_state(PORTAL) == "mis à jour"
    assert links(dialog) == [record_url, dataset_url]
    assert "contrôlé en 2025" in requests.get(record_url, timeout=10).text
    assert titles_in_catalogue(pycsw_server, "Arbres d'alignement de Saint-Exemple") == 1
    [again] = datasets_titled(udata_server, "Arbres d'alignement de Saint-Exemple")
    assert again["id"] == dataset["id"]
    assert sorted(r["id"] for r in again["resources"]) == resource_ids
    messages = qgis_iface.messageBar().get_messages(3)
    assert "GeoPublier:arbres_publies : publication mise à jour sur place." in messages


def test_cancel_in_the_middle_then_retry_completes_without_duplicate(
    saved_connections, udata_server, qgis_iface, tmp_path: Path, monkeypatch
) -> None:
    dialog = open_dialog(tmp_path, "arbres_annules", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres annulés puis repris")
    choose_destinations(dialog, CATALOGUE, PORTAL)
    uploads: list[str] = []

    def session_with_hook(kind, credentials=None):
        """The session as built, whose first file upload to udata is followed, inside the
        publication task, by the user's Cancel: the dataset is then half-filled whatever
        the machine's speed (no race with a polling loop, no tiny chunks needed)."""
        session = build_session(kind, credentials)
        if kind != "udata":
            return session
        send = session.request

        def request(method, url, *args, **kwargs):
            response = send(method, url, *args, **kwargs)
            if "/upload/" in url and not uploads:
                uploads.append(url)
                dialog.cancel_publication()
            return response

        session.request = request
        return session

    monkeypatch.setattr(destinations, "build_session", session_with_hook)
    dialog.publisher.publishButton.click()
    wait_for(lambda: dialog.job is None, 300)
    assert len(uploads) == 1
    [half] = datasets_titled(udata_server, "Arbres annulés puis repris")
    assert half["private"] is True and len(half["resources"]) == 1  # stopped after one file

    publisher = dialog.publisher
    assert publisher.step_state(CATALOGUE) == "créé"
    assert publisher.step_state(PORTAL) == "annulé"
    assert any("annulée" in m for m in qgis_iface.messageBar().get_messages(1))  # Warning
    assert publisher.retryButton.isEnabled()

    click_publish(dialog, publisher.retryButton)
    steps = publisher.steps
    keys = [steps.topLevelItem(i).data(0, Qt.UserRole) for i in range(steps.topLevelItemCount())]
    assert CATALOGUE not in keys  # only what failed runs again
    assert publisher.step_state(PORTAL) in ("créé", "mis à jour"), publisher._item(PORTAL).text(2)
    [dataset] = datasets_titled(udata_server, "Arbres annulés puis repris")
    assert not dataset["private"]
    assert not publisher.retryButton.isEnabled()


def test_failing_destination_shows_its_error_and_retry_works(
    saved_connections, udata_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = open_dialog(tmp_path, "arbres_cle", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres publiés avec une clé périmée")
    choose_destinations(dialog, CATALOGUE, BAD_PORTAL)
    click_publish(dialog)
    publisher = dialog.publisher
    assert publisher.step_state(CATALOGUE) == "créé"
    assert publisher.step_state(BAD_PORTAL) == "échec"
    detail = publisher._item(BAD_PORTAL).text(2)
    assert "jeton d'API" in detail and udata_server.url.split("//")[1].split("/")[0] in detail
    assert os.environ[BAD_KEY_ENV] not in detail
    assert "incomplète" in qgis_iface.messageBar().get_messages(2)[-1]  # Critical
    assert len(links(dialog)) == 1  # the record is published; the report says so

    os.environ[BAD_KEY_ENV] = udata_server.api_key  # the user fixes the key
    click_publish(dialog, publisher.retryButton)
    assert publisher.step_state(BAD_PORTAL) == "créé"
    assert len(datasets_titled(udata_server, "Arbres publiés avec une clé périmée")) == 1


def test_import_a_record_from_the_catalogue_into_another_layer(
    saved_connections, qgis_iface, tmp_path: Path
) -> None:
    first = open_dialog(tmp_path, "arbres_source", qgis_iface)
    type_into(first.describe.editors["title"].widget, "Arbres de la fiche à réutiliser")
    choose_destinations(first, CATALOGUE, "")
    click_publish(first)
    identifier = first.describe.record().file_identifier

    layer = QgsVectorLayer("Point?crs=EPSG:2154", "Nouvelle couche", "memory")
    second = MainDialog(iface=qgis_iface)
    second.set_layer(layer)
    importer = second.import_from_catalogue()
    importer.identifierEdit.setText(identifier)
    importer.catalogueCombo.setCurrentIndex(importer.catalogueCombo.findText(CATALOGUE))
    assert importer.fetch() is not None
    wait_for(lambda: importer.task is None, 60)
    editors = second.describe.editors
    assert editors["title"].widget.text() == "Arbres de la fiche à réutiliser"
    assert editors["lineage"].widget.toPlainText().startswith("Relevé GPS")
    assert "sd" in editors["inspire_themes"].checked()

    missing = second.import_from_catalogue()
    missing.identifierEdit.setText("fiche-qui-n-existe-pas")
    missing.fetch()
    wait_for(lambda: missing.task is None, 60)
    assert "fiche-qui-n-existe-pas" in missing.status.text()
    assert editors["title"].widget.text() == "Arbres de la fiche à réutiliser"


def test_withdraw_the_publication_from_catalogue_and_portal(
    saved_connections, pycsw_server, udata_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = open_dialog(tmp_path, "arbres_retires", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres publiés puis retirés")
    choose_destinations(dialog, CATALOGUE, PORTAL)
    click_publish(dialog)
    publisher = dialog.publisher
    assert publisher.unpublishButton.isEnabled()
    [dataset] = datasets_titled(udata_server, "Arbres publiés puis retirés")
    record_url = links(dialog)[0]

    task = dialog.unpublish(dialog.published_destinations())  # what "Yes" to the question does
    assert task is not None and not publisher.publishButton.isEnabled()
    wait_for(lambda: dialog.job is None, 120)
    assert publisher.step_state(CATALOGUE) == "retiré"
    assert publisher.step_state(PORTAL) == "retiré"
    assert titles_in_catalogue(pycsw_server, "Arbres publiés puis retirés") == 0
    assert "MD_Metadata" not in requests.get(record_url, timeout=10).text
    gone = requests.get(f"{udata_server.api_url}/datasets/{dataset['id']}/", timeout=10)
    assert gone.status_code in (404, 410)
    assert not publisher.unpublishButton.isEnabled()
    assert "publication retirée" in qgis_iface.messageBar().get_messages(3)[-1]
    # Publishing again creates them afresh.
    click_publish(dialog)
    assert publisher.step_state(CATALOGUE) == "créé"


def same_address(url: str) -> tuple:
    """A URL compared by its parts (the journal stores it normalised, e.g. `%3A` as `:`)."""
    parts = urlsplit(url)
    return parts.scheme, parts.netloc, parts.path, sorted(parse_qsl(parts.query))


def empty_profile_journal() -> None:
    """What another machine (or a reinstalled QGIS) has: no publication journal of its own."""
    from plugin.qgis.destinations import profile_folder

    (profile_folder() / "journal.json").unlink(missing_ok=True)


def test_the_project_opened_on_another_machine_shows_the_publication_and_updates_it(
    saved_connections, udata_server, qgis_iface, tmp_path: Path
) -> None:
    """The project keeps where the layer was published: a fresh profile opening it sees the
    layer as published, with its links, and Publish updates the same dataset."""
    dialog = open_dialog(tmp_path, "arbres_partages", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres publiés depuis un autre poste")
    choose_destinations(dialog, CATALOGUE, PORTAL)
    click_publish(dialog)
    record_url, dataset_url = links(dialog)
    [dataset] = datasets_titled(udata_server, "Arbres publiés depuis un autre poste")
    project = tmp_path / "projet.qgs"
    assert QgsProject.instance().write(str(project))
    dialog.close()

    empty_profile_journal()
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(project))
    [layer] = QgsProject.instance().mapLayersByName("arbres_partages")
    other = MainDialog(iface=qgis_iface)
    other.set_layer(layer)
    choose_destinations(other, CATALOGUE, PORTAL)
    other.stepTabs.setCurrentWidget(other.publishTab)
    summary = other.publisher.summary.text()
    assert "sera mise à jour sur place" in summary and "sera mis à jour sur place" in summary
    shown = [same_address(a.get("href")) for a in etree.fromstring(f"<p>{summary}</p>").iter("a")]
    assert shown == [same_address(record_url), same_address(dataset_url)]
    assert other.publisher.unpublishButton.isEnabled()

    other.prepare.folderWidget.setFilePath(str(tmp_path / "paquets-b"))
    click_publish(other)
    assert other.publisher.step_state(PORTAL) == "mis à jour"
    [again] = datasets_titled(udata_server, "Arbres publiés depuis un autre poste")
    assert again["id"] == dataset["id"]
    assert sorted(r["id"] for r in again["resources"]) == sorted(
        r["id"] for r in dataset["resources"]
    )


def test_a_dataset_deleted_on_the_portal_is_published_afresh_in_one_click(
    saved_connections, udata_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = open_dialog(tmp_path, "arbres_supprimes", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres supprimés sur le portail")
    choose_destinations(dialog, "", PORTAL)
    click_publish(dialog)
    [dataset] = datasets_titled(udata_server, "Arbres supprimés sur le portail")
    deleted = requests.delete(
        f"{udata_server.api_url}/datasets/{dataset['id']}/",
        headers={"X-API-KEY": udata_server.api_key},
        timeout=10,
    )
    assert deleted.status_code == 204
    publisher = dialog.publisher
    assert not publisher.afreshButton.isVisibleTo(dialog)

    click_publish(dialog)
    assert publisher.step_state(PORTAL) == "échec"
    detail = publisher._item(PORTAL).text(2)
    assert dataset["id"] in detail and "Publier à neuf" in detail
    assert "effacez l'entrée du journal" not in detail
    assert publisher.afreshButton.isVisibleTo(dialog)
    assert [
        d
        for d in datasets_titled(udata_server, "Arbres supprimés sur le portail")
        if not d.get("deleted")
    ] == []

    click_publish(dialog, publisher.afreshButton)
    assert publisher.step_state(PORTAL) == "créé"
    [fresh] = [
        d
        for d in datasets_titled(udata_server, "Arbres supprimés sur le portail")
        if not d.get("deleted")
    ]
    assert fresh["id"] != dataset["id"] and not fresh["private"]
    assert links(dialog)[-1].startswith(udata_server.url)
    assert not publisher.afreshButton.isVisibleTo(dialog)


def test_ckan_through_the_dialog_then_withdrawn_with_the_button(
    saved_connections, ckan_server, qgis_iface, tmp_path: Path, monkeypatch
) -> None:
    """The real CKAN 2.12 (Solr: the in-memory stand-in): Publish, then Publish again (one
    package, same resources), then « Retirer la publication… » answered « Oui »."""
    monkeypatch.setenv("GP_DIALOG_CKAN_TOKEN", ckan_server.api_token)
    items = list(Settings.load().connections)
    items.append(
        {
            "name": "CKAN bac à sable",
            "type": "ckan",
            "url": ckan_server.url,
            "api_key_env": "GP_DIALOG_CKAN_TOKEN",
            "options": {"organization": ckan_server.organization},
        }
    )
    save_saved_connections(loads_connections(json.dumps({"connections": items})))
    dialog = open_dialog(tmp_path, "arbres_ckan", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres publiés sur CKAN")
    choose_destinations(dialog, "", "CKAN bac à sable")
    click_publish(dialog)
    publisher = dialog.publisher
    assert publisher.step_state("CKAN bac à sable") == "créé"
    [dataset_url] = links(dialog)
    name = dataset_url.rstrip("/").rsplit("/", 1)[-1]

    def package() -> dict:
        answer = requests.get(
            f"{ckan_server.api_url}/package_show",
            params={"id": name},
            headers={"Authorization": ckan_server.api_token},
            timeout=30,
        )
        answer.raise_for_status()
        return answer.json()["result"]

    first = package()
    assert first["private"] is False and first["title"] == "Arbres publiés sur CKAN"
    resources = sorted(r["id"] for r in first["resources"])
    assert resources

    click_publish(dialog)
    assert publisher.step_state("CKAN bac à sable") == "mis à jour"
    again = package()
    assert again["id"] == first["id"] and sorted(r["id"] for r in again["resources"]) == resources

    seen: list = []
    answer_next_window(lambda box: box.button(QMessageBox.Yes).click(), seen)
    publisher.unpublishButton.click()
    assert "CKAN bac à sable" in seen[-1][1]
    wait_for(lambda: dialog.job is None, 120)
    assert publisher.step_state("CKAN bac à sable") == "retiré"
    assert package()["state"] == "deleted"
    assert not publisher.unpublishButton.isEnabled()
