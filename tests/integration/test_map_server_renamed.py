"""A map-server connection renamed in the dialog is still the same server: « Réessayer » runs
its failed step under the new name, and republishing updates the same layer of the real QGIS
Server (qgis_mapserver on 127.0.0.1) — never a second one. The connection is renamed with the
dialog's Edit button and its window, as a user does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QDialogButtonBox

from plugin.gui.connection_dialog import ConnectionDialog
from plugin.publishers.connections import loads_connections
from plugin.qgis.destinations import journal, save_saved_connections
from plugin.toolbelt.settings import Settings
from tests.dialog_helpers import answer_next_window, french_ui, type_into
from tests.integration.test_dialog_publication import click_publish, links, open_dialog

pytestmark = pytest.mark.integration
OLD_NAME = "Serveur carto"
NEW_NAME = "Serveur cartographique de l'agglo"
TITLE = "Arrêts de bus de Saint-Exemple"


@pytest.fixture()
def folder(qgis_server, tmp_path: Path):
    """A connection to the real QGIS Server publishing into a folder that does not exist
    yet (the first publication fails, as when a network share is not mounted)."""
    french_ui()
    Settings().save()
    projects = tmp_path / "projets-carto"
    connection = {
        "name": OLD_NAME,
        "type": "qgisserver",
        "url": qgis_server.url,
        "options": {"folder": str(projects)},
    }
    save_saved_connections(loads_connections(json.dumps({"connections": [connection]})))
    yield projects
    QgsProject.instance().removeAllMapLayers()


def served_layers(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.qgs"))


def test_retry_and_republish_after_renaming_the_map_server_connection(
    folder: Path, qgis_iface, tmp_path: Path
) -> None:
    dialog = open_dialog(tmp_path, "arrets", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, TITLE)
    destinations = dialog.destinations
    destinations.mapServerCombo.setCurrentIndex(destinations.mapServerCombo.findText(OLD_NAME))
    click_publish(dialog)
    publisher = dialog.publisher
    assert publisher.step_state(OLD_NAME) == "échec"
    assert str(folder) in publisher._item(OLD_NAME).text(2)

    # The user creates the folder, and renames the connection with Edit (same address).
    folder.mkdir()
    seen: list = []

    def rename(window: ConnectionDialog) -> None:
        type_into(window.name, NEW_NAME)
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    destinations.select(OLD_NAME)
    answer_next_window(rename, seen)
    destinations.editButton.click()
    assert seen and seen[-1][0] is ConnectionDialog
    assert [c["name"] for c in Settings.load().connections] == [NEW_NAME]
    destinations.mapServerCombo.setCurrentIndex(destinations.mapServerCombo.findText(NEW_NAME))
    assert destinations.mapServerCombo.currentText() == NEW_NAME
    dialog.refresh_plan()

    # « Réessayer » runs the failed map-server step, now under the connection's new name.
    assert publisher.retryButton.isEnabled()
    click_publish(dialog, publisher.retryButton)
    assert publisher.step_state(NEW_NAME) == "créé", publisher.blockers.text()
    [name] = served_layers(folder)
    assert name == "arrets_de_bus_de_saint_exemple"
    wms = next(url for url in links(dialog) if "SERVICE=WMS" in url)
    assert f"<Name>{name}</Name>" in requests.get(wms, timeout=30).text
    uri = dialog.describe.record().identifier.uri
    assert [(e.destination, e.status) for e in journal().entries(uri)] == [(NEW_NAME, "done")]

    # Republishing updates that same layer: still one layer in the folder, one entry.
    type_into(dialog.describe.editors["title"].widget, TITLE + " (mise à jour)")
    click_publish(dialog)
    assert publisher.step_state(NEW_NAME) == "mis à jour"
    assert served_layers(folder) == [name]
    assert "(mise à jour)" in requests.get(wms, timeout=30).text
    assert [e.destination for e in journal().entries(uri)] == [NEW_NAME]
