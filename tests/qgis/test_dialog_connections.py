"""Adding, editing and removing a destination in the dialog with its buttons, its connection
window and its confirmation boxes — what a user clicks, nothing private."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QDialogButtonBox, QMessageBox

from plugin.gui.connection_dialog import ConnectionDialog
from plugin.gui.main_dialog import MainDialog
from plugin.toolbelt.settings import Settings
from tests.datasets import points_gpkg
from tests.dialog_helpers import answer_next_window, choose, french_ui, type_into, wait_for


@pytest.fixture()
def dialog(tmp_path: Path, qgis_iface):
    french_ui()
    Settings().save()  # a first start: no connection yet
    path = points_gpkg(tmp_path / "arbres.gpkg", 5)
    layer = QgsVectorLayer(f"{path}|layername=points", "Arbres", "ogr")
    QgsProject.instance().addMapLayer(layer)
    window = MainDialog(iface=qgis_iface)
    window.set_layer(layer)
    window.show()
    yield window
    window.close()
    QgsProject.instance().removeAllMapLayers()


def press(box: QMessageBox, button) -> None:
    box.button(button).click()


def saved_names() -> list[str]:
    return [c["name"] for c in Settings.load().connections]


def test_add_edit_and_remove_a_connection_with_the_buttons(dialog) -> None:
    destinations = dialog.destinations
    seen: list = []

    def fill_in(window: ConnectionDialog) -> None:
        type_into(window.name, "Catalogue régional")
        choose(window.kind, "csw")
        type_into(window.url, "geo.exemple.fr/csw")  # no http://: refused in plain words
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        assert window.isVisible() and "http://" in window.problem.text()
        type_into(window.url, "https://geo.exemple.fr/csw")
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    answer_next_window(fill_in, seen)
    destinations.addButton.click()
    assert seen[-1][0] is ConnectionDialog
    assert saved_names() == ["Catalogue régional"]
    assert destinations.catalogueCombo.findText("Catalogue régional") > 0

    # The same name again: a warning box, and nothing added.
    def same_name(window: ConnectionDialog) -> None:
        type_into(window.name, "catalogue RÉGIONAL")
        type_into(window.url, "https://autre.exemple.fr/csw")
        answer_next_window(lambda box: press(box, QMessageBox.Ok), seen)
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    answer_next_window(same_name, seen)
    destinations.addButton.click()
    assert seen[-1][0] is QMessageBox and "existe déjà" in seen[-1][1]
    assert saved_names() == ["Catalogue régional"]

    # Edit: the window shows the connection; a new name and address are saved.
    def rename(window: ConnectionDialog) -> None:
        assert window.url.text() == "https://geo.exemple.fr/csw"
        assert not window.public.isVisible()  # a plain CSW-T: nothing to share
        type_into(window.name, "Géoportail régional")
        type_into(window.url, "https://geo.exemple.fr/geonetwork/srv/fre/csw-publication")
        assert window.public.isVisible() and window.public.isChecked()  # GeoNetwork's
        window.public.click()  # keep the records private to the group
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    destinations.select("Catalogue régional")
    answer_next_window(rename, seen)
    destinations.editButton.click()
    [saved] = Settings.load().connections
    assert saved["name"] == "Géoportail régional" and saved["url"].endswith("csw-publication")
    assert saved["options"] == {"public": False}

    def reopen(window: ConnectionDialog) -> None:
        assert window.public.isVisible() and not window.public.isChecked()
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.Cancel).click()

    destinations.select("Géoportail régional")
    answer_next_window(reopen, seen)
    destinations.editButton.click()
    assert seen[-1][0] is ConnectionDialog
    assert destinations.catalogueCombo.findText("Catalogue régional") < 0

    # Remove: "No" keeps it, "Yes" removes it; nothing else is touched.
    destinations.select("Géoportail régional")
    answer_next_window(lambda box: press(box, QMessageBox.No), seen)
    destinations.removeButton.click()
    assert "Rien n'est supprimé sur le serveur" in seen[-1][1]
    assert saved_names() == ["Géoportail régional"]
    answer_next_window(lambda box: press(box, QMessageBox.Yes), seen)
    destinations.removeButton.click()
    wait_for(lambda: saved_names() == [], 5)
    assert destinations.catalogueCombo.findText("Géoportail régional") < 0
    assert json.dumps(Settings.load().connections) == "[]"
