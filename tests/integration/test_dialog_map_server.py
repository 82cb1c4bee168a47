"""The real dialog publishes a styled layer to a real QGIS Server and the real udata portal:
the WMS/WFS links are shown, « Ajouter à la carte » adds the served layer to the map, and the
portal dataset links the services (upload mode)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from qgis.core import QgsProject, QgsRasterLayer

from plugin.publishers.connections import loads_connections
from plugin.qgis.destinations import journal, save_saved_connections
from plugin.toolbelt.settings import Settings
from tests.dialog_helpers import french_ui, type_into
from tests.integration.test_dialog_publication import click_publish, links, open_dialog
from tests.integration.test_qgis_server import RED, colours

pytestmark = pytest.mark.integration
SERVER = "Serveur carto (formation)"
PORTAL = "Portail (formation)"
KEY_ENV = "GP_MAPSERVER_UDATA_KEY"


@pytest.fixture()
def connections(qgis_server, udata_server, monkeypatch):
    french_ui()
    Settings().save()
    monkeypatch.setenv(KEY_ENV, udata_server.api_key)
    items = [
        qgis_server.connection(SERVER),
        {
            "name": PORTAL,
            "type": "udata",
            "url": udata_server.url,
            "api_key_env": KEY_ENV,
            "options": {"organization": udata_server.organization_id},
        },
    ]
    save_saved_connections(loads_connections(json.dumps({"connections": items})))
    yield
    QgsProject.instance().removeAllMapLayers()


def test_dialog_publishes_the_map_shows_links_and_adds_it_to_the_map(
    connections, udata_server, qgis_iface, tmp_path: Path
) -> None:
    from qgis.core import QgsSingleSymbolRenderer, QgsSymbol
    from qgis.PyQt.QtGui import QColor

    dialog = open_dialog(tmp_path, "points_carto", qgis_iface)
    layer = dialog.layer
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(*RED))
    symbol.symbolLayer(0).setStrokeColor(QColor(*RED))
    symbol.setSize(4)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    type_into(dialog.describe.editors["title"].widget, "Points de collecte de Saint-Exemple")
    destinations = dialog.destinations
    destinations.mapServerCombo.setCurrentIndex(destinations.mapServerCombo.findText(SERVER))
    destinations.portalCombo.setCurrentIndex(destinations.portalCombo.findText(PORTAL))
    dialog.refresh_plan()
    assert SERVER in dialog.publisher.summary.text()

    click_publish(dialog)
    assert dialog.publisher.step_state(SERVER) == "créé", dialog.publisher.blockers.text()
    shown = links(dialog)
    wms = next(url for url in shown if "SERVICE=WMS" in url)
    wfs = next(url for url in shown if "SERVICE=WFS" in url)
    assert "points_de_collecte_de_saint_exemple" in requests.get(wms, timeout=30).text
    assert requests.get(wfs, timeout=30).status_code == 200
    assert "Carte (WMS)" in dialog.publisher.links.text()
    dialog.stepTabs.setCurrentWidget(dialog.publishTab)
    dialog.grab().save(str(tmp_path / "publication-carte.png"))

    assert dialog.publisher.addToMapButton.isVisible()
    added = dialog.publisher.add_to_map()
    assert isinstance(added, QgsRasterLayer) and added.isValid(), added.error().summary()
    assert added.id() in QgsProject.instance().mapLayers()
    block = added.dataProvider().block(1, added.extent(), 128, 128)
    assert block.isValid()
    drawn = colours(block.image())
    assert drawn.get(RED, 0) > 20, drawn

    record = dialog.describe.record()
    dataset_id = journal().previous_remote_id(record.identifier.uri, PORTAL)
    dataset = requests.get(f"{udata_server.api_url}/datasets/{dataset_id}/", timeout=10).json()
    remote = {r["format"]: r for r in dataset["resources"] if r["filetype"] == "remote"}
    assert remote["wms"]["url"] == wms and remote["wfs"]["url"] == wfs
    assert remote["wms"]["title"].startswith("Carte en ligne (WMS)")
    assert any(r["filetype"] == "file" for r in dataset["resources"])
