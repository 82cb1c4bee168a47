"""GeoServer publisher against the FAKE GeoServer (tests/fakes/geoserver_fake.py, written from
GeoServer's documented REST contract): the whole sequence, republication that leaves another
layer of the workspace alone, withdrawal, and 401 / 404 / 500 with clear messages."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from plugin.core.model import Record
from plugin.publishers.errors import PublishError, message
from plugin.publishers.geoserver import GeoServerPublisher, LayerSources
from plugin.publishers.mapserver import PROTOCOL_WFS, PROTOCOL_WMS, service_layer
from tests.fakes.geoserver_fake import FakeGeoServer

SLD = (
    b'<?xml version="1.0" encoding="UTF-8"?><StyledLayerDescriptor version="1.1.0" '
    b'xmlns="http://www.opengis.net/sld"><NamedLayer><se:Name xmlns:se="http://www.opengis.net/se">'
    b"x</se:Name></NamedLayer></StyledLayerDescriptor>"
)


@pytest.fixture()
def geoserver() -> Iterator[FakeGeoServer]:
    server = FakeGeoServer().start()
    yield server
    server.stop()


def geopackage(folder: Path, table: str, rows: int) -> Path:
    """A minimal GeoPackage-like SQLite file: its gpkg_contents names the table."""
    path = folder / f"{table}.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT)")
        db.execute("INSERT INTO gpkg_contents VALUES (?, 'features')", (table,))
        db.execute(f"CREATE TABLE {table} (fid INTEGER PRIMARY KEY, nom TEXT)")
        insert = f"INSERT INTO {table} (nom) VALUES (?)"  # noqa: S608 - our own table name
        db.executemany(insert, [(f"n{i}",) for i in range(rows)])
    return path


def publisher(server: FakeGeoServer, password: str = "", rows: int = 3) -> GeoServerPublisher:
    session = requests.Session()
    session.auth = (server.credentials[0], password or server.credentials[1])
    pub = GeoServerPublisher(
        server.url, session, name="GeoServer régional", options={"workspace": "Saint-Exemple"}
    )
    pub.sources = lambda folder, layer: LayerSources(
        geopackage(folder, layer.name, rows), SLD, "1.1.0", ("label_background",)
    )
    return pub


def record(title: str, uri: str) -> Record:
    rec = Record(title=title, abstract=f"Résumé de {title}", free_keywords=["énergie"])
    rec.identifier.namespace, rec.identifier.code = uri.rsplit("/", 1)
    return rec


def test_whole_sequence_creates_workspace_store_metadata_and_style(geoserver) -> None:
    pub = publisher(geoserver)
    layer = service_layer(
        record("Bornes de recharge", "https://x.fr/id/bornes"),
        "bornes",
        "https://cat.x.fr/csw?REQUEST=GetRecordById&ID=1",
    )
    result = pub.publish_layer(layer)
    assert result.action == "created" and result.remote_id == "bornes"
    workspace = geoserver.workspaces["saint_exemple"]
    feature = workspace.stores["bornes"].feature_types["bornes"]
    assert feature["title"] == "Bornes de recharge"
    assert feature["abstract"] == "Résumé de Bornes de recharge"
    assert feature["keywords"] == {"string": ["énergie"]}
    assert feature["metadataLinks"]["metadataLink"][0]["content"].endswith("ID=1")
    assert workspace.styles["bornes"][0] == "application/vnd.ogc.se+xml"
    assert workspace.layers["bornes"]["defaultStyle"] == "bornes"
    assert geoserver.tables_of("saint_exemple", "bornes") == ["bornes"]
    wms, wfs = result.details["online_resources"]
    assert wms["url"] == f"{geoserver.url}/saint_exemple/wms?SERVICE=WMS&REQUEST=GetCapabilities"
    assert (wms["protocol"], wfs["protocol"]) == (PROTOCOL_WMS, PROTOCOL_WFS)
    assert result.details["style_limits"] == ["label_background"]
    posts = [p for m, p in geoserver.calls if m == "POST"]
    assert posts == [
        "/geoserver/rest/workspaces",
        "/geoserver/rest/workspaces/saint_exemple/styles",
    ]


def test_republish_replaces_this_layer_only(geoserver) -> None:
    pub = publisher(geoserver)
    pub.publish_layer(service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"))
    pub.publish_layer(service_layer(record("Haies", "https://x.fr/id/h"), "haies"))
    haies = geoserver.workspaces["saint_exemple"].stores["haies"]
    haies_data, haies_type = haies.data, dict(haies.feature_types["haies"])
    geoserver.calls.clear()

    again = publisher(geoserver, rows=7).publish_layer(
        service_layer(record("Bornes (v2)", "https://x.fr/id/b"), "bornes"), remote_id="bornes"
    )
    assert again.action == "updated"
    workspace = geoserver.workspaces["saint_exemple"]
    assert workspace.stores["bornes"].feature_types["bornes"]["title"] == "Bornes (v2)"
    assert workspace.stores["haies"].data == haies_data
    assert workspace.stores["haies"].feature_types["haies"] == haies_type
    assert not [c for c in geoserver.calls if "haies" in c[1]]
    assert not [c for c in geoserver.calls if c[0] == "DELETE"]
    assert ("POST", "/geoserver/rest/workspaces") not in geoserver.calls  # exists: untouched
    assert ("PUT", "/geoserver/rest/workspaces/saint_exemple/styles/bornes") in geoserver.calls

    pub.delete("bornes")
    assert "bornes" not in workspace.stores and "bornes" not in workspace.styles
    assert "haies" in workspace.stores and "saint_exemple" in geoserver.workspaces
    with pytest.raises(PublishError) as gone:
        pub.delete("bornes")
    assert gone.value.code == "not_found"


def test_bad_password_is_a_401_with_a_clear_message(geoserver) -> None:
    pub = publisher(geoserver, password="mauvais")
    with pytest.raises(PublishError) as error:
        pub.publish_layer(service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"))
    assert error.value.code == "auth"
    text = message(error.value, "fr")
    assert "401" in text and "mot de passe" in text and "mauvais" not in text
    assert geoserver.workspaces == {}


def test_server_error_and_missing_layer(geoserver) -> None:
    pub = publisher(geoserver)
    geoserver.fail[("PUT", "/rest/workspaces/saint_exemple/datastores")] = 500
    with pytest.raises(PublishError) as error:
        pub.publish_layer(service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"))
    assert error.value.code == "server_error"
    assert "erreur interne (erreur 500)" in message(error.value, "fr")
    geoserver.fail.clear()
    wrong = GeoServerPublisher(geoserver.url + "-ancienne", pub.session, name="GeoServer")
    with pytest.raises(PublishError) as missing:
        wrong.test_connection()
    assert missing.value.code == "not_found"
    assert "404" in message(missing.value, "fr") and "adresse" in message(missing.value, "fr")
    assert pub.test_connection() == {
        "workspace": "saint_exemple",
        "workspace_exists": True,
        "version": "2.24.2",
    }


def test_a_layer_removed_on_the_server_is_published_again(geoserver) -> None:
    pub = publisher(geoserver)
    pub.publish_layer(service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"))
    del geoserver.workspaces["saint_exemple"].stores["bornes"]
    again = pub.publish_layer(
        service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"), remote_id="bornes"
    )
    assert again.action == "created"
    assert "bornes" in geoserver.workspaces["saint_exemple"].stores


def test_data_unchanged_sends_metadata_and_style_not_the_data(geoserver) -> None:
    """keep_data (the journal's fingerprint says the data did not change): no GeoPackage is
    written nor uploaded while the layer is on the server; gone from it, the data goes again."""
    pub = publisher(geoserver)
    pub.publish_layer(service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"))
    data = geoserver.workspaces["saint_exemple"].stores["bornes"].data
    asked: list[bool] = []

    def sources(folder: Path, layer, data: bool = True) -> LayerSources:
        asked.append(data)
        gpkg = geopackage(folder, layer.name, 9) if data else None
        return LayerSources(gpkg, SLD, "1.1.0")

    pub.sources, pub.keep_data = sources, True
    geoserver.calls.clear()
    again = pub.publish_layer(
        service_layer(record("Bornes (résumé revu)", "https://x.fr/id/b"), "bornes"),
        remote_id="bornes",
    )
    assert again.action == "updated" and again.details["data_kept"] is True
    assert asked == [False]
    store = geoserver.workspaces["saint_exemple"].stores["bornes"]
    assert store.data == data
    assert store.feature_types["bornes"]["title"] == "Bornes (résumé revu)"
    assert not [c for c in geoserver.calls if c[1].endswith("/file.gpkg")]
    assert ("PUT", "/geoserver/rest/workspaces/saint_exemple/styles/bornes") in geoserver.calls

    del geoserver.workspaces["saint_exemple"].stores["bornes"]
    back = pub.publish_layer(
        service_layer(record("Bornes", "https://x.fr/id/b"), "bornes"), remote_id="bornes"
    )
    assert back.details["data_kept"] is False and asked == [False, True]
    assert geoserver.workspaces["saint_exemple"].stores["bornes"].data != data
