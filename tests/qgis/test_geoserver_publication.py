"""geopublier:publish to GeoServer — against the FAKE GeoServer of tests/fakes (GeoServer cannot
run here): QGIS writes the real GeoPackage and the real SLD export of the layer's style, the
user is told what SLD cannot express, and credentials come from environment variables."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from lxml import etree
from qgis.core import (
    QgsPalLayerSettings,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from tests.fakes.geoserver_fake import FakeGeoServer

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


@pytest.fixture()
def geoserver(monkeypatch):
    server = FakeGeoServer().start()
    monkeypatch.setenv("GP_GS_USER", server.credentials[0])
    monkeypatch.setenv("GP_GS_PASSWORD", server.credentials[1])
    yield server
    server.stop()
    QgsProject.instance().removeAllMapLayers()


def styled_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer(str(SAMPLE / "bornes_recharge_saint_exemple.geojson"), "bornes", "ogr")
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor("#d7191c"))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    labels = QgsPalLayerSettings()
    labels.fieldName = "nom_station"
    text = labels.format()
    background = text.background()
    background.setEnabled(True)
    text.setBackground(background)
    labels.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_publish_sends_geopackage_sld_and_metadata_and_warns_about_sld(
    provider, geoserver, tmp_path: Path
) -> None:
    import processing

    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps(
            {
                "connections": [
                    {
                        "name": "GeoServer",
                        "type": "geoserver",
                        "url": geoserver.url,
                        "username_env": "GP_GS_USER",
                        "password_env": "GP_GS_PASSWORD",
                        "options": {"workspace": "Saint-Exemple"},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    layer = styled_layer()
    result = processing.run(
        "geopublier:publish",
        {
            "INPUT": layer.id(),
            "MAP_SERVER": "GeoServer",
            "CONNECTIONS": str(connections),
            "PROFILE": str(SAMPLE / "profil_organisme.json"),
            "REPORT": str(tmp_path / "rapport.json"),
        },
    )
    name = result["MAP_LAYER_NAME"]
    assert result["WMS_URL"].startswith(f"{geoserver.url}/saint_exemple/wms?")
    workspace = geoserver.workspaces["saint_exemple"]
    feature = workspace.stores[name].feature_types[name]
    assert feature["title"].startswith("Bornes de recharge")
    with tempfile.NamedTemporaryFile(suffix=".gpkg") as handle:
        Path(handle.name).write_bytes(workspace.stores[name].data)
        with sqlite3.connect(handle.name) as db:
            count = db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
    assert count == layer.featureCount()
    content_type, sld = workspace.styles[name]
    assert content_type == "application/vnd.ogc.se+xml"
    root = etree.fromstring(sld)
    assert "#d7191c" in sld.decode("utf-8").lower()
    assert name in [e.text for e in root.iter("{http://www.opengis.net/se}Name")]
    assert workspace.layers[name]["defaultStyle"] == name
    report = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert "labels:background" in report["steps"][0]["details"]["style_limits"]

    from plugin.core.style_limits import style_limits_text

    sentence = style_limits_text(report["steps"][0]["details"]["style_limits"], "fr")
    assert "fond" in sentence and "ne peut pas rendre" in sentence
