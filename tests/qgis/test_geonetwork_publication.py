"""GeoNetwork through the paths a user takes: geopublier:publish (record, public sharing,
thumbnail rendered from the layer), republication, then withdrawal as the dialog's Withdraw
button runs it. GeoNetwork cannot run here: the catalogue is the FAKE of tests/fakes
(GeoNetwork 4's documented REST contract, XSRF enforced); what it stores is read back from it,
as a visitor would, not from our report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from lxml import etree
from qgis.core import QgsVectorLayer

from plugin.publishers.connections import load_connections
from plugin.qgis.destinations import journal
from plugin.qgis.layer_metadata import stored_record
from plugin.qgis.tasks import UnpublishTask
from tests.fakes.geonetwork_fake import FakeGeoNetwork, FakeUser
from tests.portal_setup import profile_file

PASSWORD = "motdepasse-GN-42"
GMD = "http://www.isotc211.org/2005/gmd"


@pytest.fixture()
def catalogue(tmp_path: Path, monkeypatch) -> Iterator[tuple[FakeGeoNetwork, Path]]:
    fake = FakeGeoNetwork(users={"editeur": FakeUser(PASSWORD, "Editor", (2,))}).start()
    monkeypatch.setenv("GN_USER", "editeur")
    monkeypatch.setenv("GN_PASSWORD", PASSWORD)
    connections = tmp_path / "connexions.json"
    connection = {
        "name": "GéoCatalogue régional",
        "type": "geonetwork",
        "url": fake.url,
        "username_env": "GN_USER",
        "password_env": "GN_PASSWORD",
        "options": {"group": 2, "category": "dataset"},
    }
    connections.write_text(json.dumps({"connections": [connection]}), encoding="utf-8")
    yield fake, connections
    fake.stop()


def publish(layer, connections: Path, folder: Path) -> dict:
    import processing

    folder.mkdir(parents=True, exist_ok=True)
    profile = profile_file(folder)
    return processing.run(
        "geopublier:publish",
        {
            "INPUT": layer,
            "CATALOGUE": "GéoCatalogue régional",
            "CONNECTIONS": str(connections),
            "PROFILE": str(profile),
            "REPORT": str(folder / "rapport.json"),
        },
    )


def test_publish_share_thumbnail_republish_then_withdraw(
    provider, rivers_shapefile: Path, catalogue, tmp_path: Path
) -> None:
    fake, connections = catalogue
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")

    first = publish(layer, connections, tmp_path / "a")
    uuid = first["CATALOGUE_RECORD_ID"]
    assert list(fake.records) == [uuid]
    stored = fake.records[uuid]
    assert stored.group == 2 and stored.categories == ["dataset"]
    assert {"view", "download", "dynamic"} <= stored.privileges[1]  # really public
    [(name, (png, ctype))] = stored.attachments.items()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and ctype == "image/png"
    # What a visitor gets: the record, with its overview pointing at the attachment.
    public = requests.get(f"{fake.url}/srv/api/records/{uuid}", timeout=10)
    assert public.status_code == 200
    overview = etree.fromstring(public.content).find(
        f".//{{{GMD}}}graphicOverview/{{{GMD}}}MD_BrowseGraphic/{{{GMD}}}fileName/*"
    )
    assert overview is not None and overview.text.endswith(name)
    assert requests.get(overview.text, timeout=10).content == png

    second = publish(layer, connections, tmp_path / "b")
    assert second["CATALOGUE_RECORD_ID"] == uuid and list(fake.records) == [uuid]
    report = json.loads((tmp_path / "b" / "rapport.json").read_text(encoding="utf-8"))
    assert report["steps"][0]["action"] == "updated"

    # Withdraw, as the dialog's button does (its task, run here in the test's thread).
    record = stored_record(layer)
    [connection] = load_connections(connections)
    task = UnpublishTask(record, [connection], journal())
    assert task.run() and task.outcomes == {connection.name: None}
    assert fake.records == {}
    assert requests.get(f"{fake.url}/srv/api/records/{uuid}", timeout=10).status_code == 404
    assert journal().entries(record.identifier.uri) == []
