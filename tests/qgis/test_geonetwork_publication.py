"""GeoNetwork through the paths a user takes, by its REST API and by its CSW-T endpoint
(csw-publication): geopublier:publish (record, public sharing, thumbnail rendered from the
layer), republication, the no-lost-update guard (CSW-T), then withdrawal as the dialog's
Withdraw button runs it. GeoNetwork cannot run here: the catalogue is the FAKE of tests/fakes
(GeoNetwork 4's documented REST contract, XSRF enforced); what it stores is read back from it,
as a visitor would, not from our report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from lxml import etree
from qgis.core import QgsProcessingException, QgsVectorLayer

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


def own_entries(resource_id: str, destination: str) -> list:
    """This catalogue's journal entries for the layer (other tests of the session publish the
    same sample layer elsewhere, in the same test profile)."""
    return [e for e in journal().entries(resource_id) if e.destination == destination]


def publish(layer, connections: Path, folder: Path, **extra: str) -> dict:
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
            **extra,
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
    assert own_entries(record.identifier.uri, connection.name) == []


@pytest.fixture()
def csw_t_catalogue(tmp_path: Path, monkeypatch) -> Iterator[tuple[FakeGeoNetwork, Path]]:
    """The same GeoNetwork reached through its CSW-T endpoint (connection type « csw »)."""
    fake = FakeGeoNetwork(
        users={
            "editeur": FakeUser(PASSWORD, "Editor", (2,)),
            "admin": FakeUser("admin-GN-42", "Administrator", (2,)),
        }
    ).start()
    monkeypatch.setenv("GN_USER", "editeur")
    monkeypatch.setenv("GN_PASSWORD", PASSWORD)
    connections = tmp_path / "connexions.json"
    connection = {
        "name": "GéoCatalogue régional",
        "type": "csw",
        "url": f"{fake.url}/srv/fre/csw-publication",
        "username_env": "GN_USER",
        "password_env": "GN_PASSWORD",
    }
    connections.write_text(json.dumps({"connections": [connection]}), encoding="utf-8")
    yield fake, connections
    fake.stop()


def _admin_edits_abstract(fake: FakeGeoNetwork, uuid: str, abstract: str) -> None:
    """The catalogue's administrator changes the abstract with a CSW-T Update of their own."""
    from plugin.publishers.csw import build_transaction

    record = etree.fromstring(fake.records[uuid].xml)
    record.find(f".//{{{GMD}}}abstract/*").text = abstract
    answer = requests.post(
        f"{fake.url}/srv/fre/csw-publication",
        data=build_transaction("Update", record),
        auth=("admin", "admin-GN-42"),
        headers={"Content-Type": "application/xml"},
        timeout=10,
    )
    assert b"<csw:totalUpdated>1</csw:totalUpdated>" in answer.content


def test_csw_publication_publish_republish_guard_then_withdraw(
    provider, rivers_shapefile: Path, csw_t_catalogue, tmp_path: Path
) -> None:
    fake, connections = csw_t_catalogue
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")

    first = publish(layer, connections, tmp_path / "a")
    uuid = first["CATALOGUE_RECORD_ID"]
    assert list(fake.records) == [uuid]
    stored = fake.records[uuid]
    assert (stored.owner, stored.group) == ("editeur", 2)
    assert {"view", "download", "dynamic"} <= stored.privileges[1]  # shared through the API
    [(name, (png, _))] = stored.attachments.items()  # the rendered thumbnail, via the API
    assert png.startswith(b"\x89PNG")
    assert first["CATALOGUE_RECORD_URL"] == (f"{fake.url}/srv/fre/catalog.search#/metadata/{uuid}")
    # A visitor reads it on the public CSW, with its overview.
    public = requests.get(
        f"{fake.url}/srv/fre/csw",
        params={
            "service": "CSW",
            "version": "2.0.2",
            "request": "GetRecordById",
            "id": uuid,
            "outputSchema": GMD,
        },
        timeout=10,
    )
    assert public.status_code == 200
    overview = etree.fromstring(public.content).find(
        f".//{{{GMD}}}graphicOverview/{{{GMD}}}MD_BrowseGraphic/{{{GMD}}}fileName/*"
    )
    assert overview is not None and overview.text.endswith(name)

    second = publish(layer, connections, tmp_path / "b")
    assert second["CATALOGUE_RECORD_ID"] == uuid and list(fake.records) == [uuid]
    report = json.loads((tmp_path / "b" / "rapport.json").read_text(encoding="utf-8"))
    assert report["steps"][0]["action"] == "updated"
    assert fake.records[uuid].xml.count(b"graphicOverview>") == 2  # one overview, not two

    # No lost update: the administrator's change, read back with GetRecordById, stops the step.
    theirs = "Résumé revu par l'administrateur du catalogue."
    _admin_edits_abstract(fake, uuid, theirs)
    with pytest.raises(QgsProcessingException):
        publish(layer, connections, tmp_path / "c")
    step = json.loads((tmp_path / "c" / "rapport.json").read_text(encoding="utf-8"))["steps"][0]
    assert (
        step["error_code"] == "remote_changed"
        and "modifiée dans le catalogue" in (step["message_fr"])
    )
    assert theirs.encode("utf-8") in fake.records[uuid].xml
    merged = publish(layer, connections, tmp_path / "d", ON_REMOTE_CHANGE="merge")
    assert merged["CATALOGUE_RECORD_ID"] == uuid and list(fake.records) == [uuid]
    assert theirs.encode("utf-8") in fake.records[uuid].xml

    record = stored_record(layer)
    [connection] = load_connections(connections)
    task = UnpublishTask(record, [connection], journal())
    assert task.run() and task.outcomes == {connection.name: None}
    assert fake.records == {}
    assert own_entries(record.identifier.uri, connection.name) == []


def test_csw_publication_with_the_api_refusing_to_share_still_publishes_and_says_so(
    provider, rivers_shapefile: Path, csw_t_catalogue, tmp_path: Path
) -> None:
    fake, connections = csw_t_catalogue
    fake.inject("PUT", "/records/", 500, b'{"message": "NullPointerException"}')  # sharing
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    outputs = publish(layer, connections, tmp_path / "a")
    uuid = outputs["CATALOGUE_RECORD_ID"]
    assert list(fake.records) == [uuid] and fake.records[uuid].privileges == {}
    step = json.loads((tmp_path / "a" / "rapport.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["status"] == "done" and step["action"] == "created"
    assert "refusé de la rendre publique (HTTP 500)" in step["message_fr"]
    assert "seul votre groupe la voit" in step["message_fr"]
