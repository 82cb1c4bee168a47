"""GeoNetwork's csw-publication (CSW-T) through the dialog, as a user drives it: Publish,
Publish again (the same record updated, never a second one), « Retirer la publication… »
answered « Oui »; a wrong password and an API refusal, in French, in the steps list.
GeoNetwork cannot run here: the catalogue is the FAKE of tests/fakes (csw_publication.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QMessageBox

from plugin.publishers.connections import loads_connections
from plugin.qgis.destinations import save_saved_connections
from plugin.toolbelt.settings import Settings
from tests.dialog_helpers import answer_next_window, french_ui, type_into, wait_for
from tests.fakes.geonetwork_fake import FakeGeoNetwork, FakeUser
from tests.integration.test_dialog_publication import (
    choose_destinations,
    click_publish,
    links,
    open_dialog,
)

CATALOGUE = "GéoCatalogue (CSW-T)"
PASSWORD = "motdepasse-GN-42"


@pytest.fixture()
def geonetwork(monkeypatch) -> Iterator[FakeGeoNetwork]:
    """The fake GeoNetwork, saved in QGIS as a CSW-T connection; credentials from variables."""
    french_ui()
    Settings().save()
    fake = FakeGeoNetwork(users={"editeur": FakeUser(PASSWORD, "Editor", (2,))}).start()
    monkeypatch.setenv("GP_GN_USER", "editeur")
    monkeypatch.setenv("GP_GN_PASSWORD", PASSWORD)
    item = {
        "name": CATALOGUE,
        "type": "csw",
        "url": f"{fake.url}/srv/fre/csw-publication",
        "username_env": "GP_GN_USER",
        "password_env": "GP_GN_PASSWORD",
    }
    save_saved_connections(loads_connections(json.dumps({"connections": [item]})))
    yield fake
    fake.stop()
    QgsProject.instance().removeAllMapLayers()


def _detail(dialog) -> str:
    return dialog.publisher._item(CATALOGUE).text(2)


def test_publish_republish_then_withdraw_with_the_button(
    geonetwork: FakeGeoNetwork, qgis_iface, tmp_path: Path
) -> None:
    dialog = open_dialog(tmp_path, "arbres_gn", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres publiés dans GeoNetwork")
    choose_destinations(dialog, CATALOGUE, "")
    click_publish(dialog)
    publisher = dialog.publisher
    assert publisher.step_state(CATALOGUE) == "créé"
    [uuid] = list(geonetwork.records)
    stored = geonetwork.records[uuid]
    assert "Arbres publiés dans GeoNetwork".encode() in stored.xml
    assert {"view", "download", "dynamic"} <= stored.privileges[1]
    [(png, _)] = stored.attachments.values()
    assert png.startswith(b"\x89PNG")  # the thumbnail the dialog rendered, sent by the API
    assert links(dialog) == [f"{geonetwork.url}/srv/fre/catalog.search#/metadata/{uuid}"]

    type_into(dialog.describe.editors["title"].widget, "Arbres d'alignement dans GeoNetwork")
    click_publish(dialog)
    assert publisher.step_state(CATALOGUE) == "mis à jour"
    assert list(geonetwork.records) == [uuid]
    assert b"Arbres d'alignement dans GeoNetwork" in geonetwork.records[uuid].xml

    seen: list = []
    answer_next_window(lambda box: box.button(QMessageBox.Yes).click(), seen)
    publisher.unpublishButton.click()
    assert CATALOGUE in seen[-1][1]
    wait_for(lambda: dialog.job is None, 60)
    assert publisher.step_state(CATALOGUE) == "retiré"
    assert geonetwork.records == {}
    assert not publisher.unpublishButton.isEnabled()
    dialog.close()


def test_wrong_password_then_api_refusal_are_told_in_french(
    geonetwork: FakeGeoNetwork, qgis_iface, tmp_path: Path, monkeypatch
) -> None:
    server = geonetwork.url.split("//")[1].split("/")[0]
    monkeypatch.setenv("GP_GN_PASSWORD", "mot-de-passe-perime")
    dialog = open_dialog(tmp_path, "arbres_gn_refus", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Arbres refusés par GeoNetwork")
    choose_destinations(dialog, CATALOGUE, "")
    click_publish(dialog)
    assert dialog.publisher.step_state(CATALOGUE) == "échec"
    assert server in _detail(dialog) and "mot de passe" in _detail(dialog)
    assert "mot-de-passe-perime" not in _detail(dialog)
    assert geonetwork.records == {}

    monkeypatch.setenv("GP_GN_PASSWORD", PASSWORD)  # the user fixes the password
    geonetwork.inject("POST", "/records/", 413, b'{"message": "File too large"}')
    click_publish(dialog, dialog.publisher.retryButton)
    assert dialog.publisher.step_state(CATALOGUE) == "créé"
    [uuid] = list(geonetwork.records)
    assert geonetwork.records[uuid].attachments == {}
    assert "refusé l'aperçu (HTTP 413)" in _detail(dialog) and server in _detail(dialog)
    told = qgis_iface.messageBar().get_messages(1)[-1]  # Warning, not Success
    assert "publié" in told and "Attention" in told and "refusé l'aperçu" in told
    dialog.close()
