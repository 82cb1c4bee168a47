"""The udata publisher against the REAL udata application (mongomock database), 127.0.0.1, in
both versions a user meets: udata 17.18 (data.gouv.fr runs the newest) and udata 10.4.2 with its
web front (the training sandbox) — every test that talks to udata runs against both.

What a user sees on the portal is checked over plain HTTP as an anonymous visitor: the dataset
is public, has the licence and tags, and its files download byte for byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import pytest
import requests

from plugin.core import codelists
from plugin.core.model import BoundingBox, Identifier, OnlineResource, Record, TemporalExtent
from plugin.core.portal_payload import REFERENCE, PortalOptions, udata_payload
from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from plugin.publishers.journal import Journal
from plugin.publishers.pipeline import PortalStep, run_steps
from plugin.publishers.udata import UdataPublisher, portal_frequency
from sandbox.udata_server import UdataServer
from tests.datasets import portal_files

pytestmark = pytest.mark.integration

TIMEOUT = 30
RECORD_URL = "https://geo.example.fr/geonetwork/srv/fre/catalog.search#/metadata/haies-2024"
XML_URL = "https://geo.example.fr/geonetwork/srv/api/records/haies-2024/formatters/xml"
WMS_URL = "https://geo.example.fr/geoserver/ows?SERVICE=WMS&REQUEST=GetCapabilities"


@pytest.fixture(params=["udata_server", "udata10_server"], ids=["udata17", "udata10"])
def udata_server(request: pytest.FixtureRequest) -> UdataServer:
    """The running udata of each version (session servers, started once)."""
    return request.getfixturevalue(request.param)


def _record(
    title: str = "Haies bocagères de Démo-sur-Loire", licence: str = "lov2", code: str = ""
) -> Record:
    """A record as the dialog would hold it; its identifier follows the title unless ``code``
    is given (the publisher finds a dataset by identifier: tests must not share one)."""
    code = code or "haies-" + hashlib.sha256(f"{title}|{licence}".encode()).hexdigest()[:10]
    return Record(
        title=title,
        abstract="Linéaire de haies bocagères relevé sur la commune.",
        lineage="Relevé terrain 2024 sur orthophotographie.",
        licence=licence,
        identifier=Identifier(code, "https://data.demo-sur-loire.fr/id/"),
        inspire_themes=["lc"],
        free_keywords=["haies", "bocage", "données ouvertes", "ab"],
        maintenance_frequency="annually",
        bboxes=[BoundingBox(west=-1.64, east=-1.48, south=47.17, north=47.27)],
        temporal_extent=TemporalExtent("2024-03-01", "2024-06-30"),
        locators=[OnlineResource(url=WMS_URL, protocol="OGC:WMS", name="Carte des haies (WMS)")],
    )


def _publisher(server: UdataServer, key: str | None = None, **options: Any) -> UdataPublisher:
    """A publisher whose session carries the key, as the QGIS network layer builds it."""
    session = requests.Session()
    session.headers["X-API-KEY"] = server.api_key if key is None else key
    return UdataPublisher(
        server.url,
        session,
        name="Portail bac à sable",
        timeout=TIMEOUT,
        retry=RetryPolicy(attempts=2, backoff=0.05),
        options={"organization": server.organization_id, **options},
    )


def _public(server: UdataServer, dataset_id: str) -> dict[str, Any]:
    """The dataset as an anonymous visitor sees it (404 while private)."""
    response = requests.get(f"{server.api_url}/datasets/{dataset_id}/", timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    return response.json()


def _downloaded(resource: dict[str, Any]) -> bytes:
    """The bytes a visitor downloads from a resource URL."""
    response = requests.get(resource["url"], timeout=TIMEOUT)
    assert response.status_code == 200
    return response.content


def test_upload_then_republish_in_place(udata_server: UdataServer, tmp_path: Path) -> None:
    """One public dataset with licence, tags and files; republish keeps ids and count."""
    progress: list[tuple[float, str]] = []
    publisher = _publisher(udata_server, chunk_threshold=2048, chunk_size=1500)
    publisher.progress = lambda fraction, step: progress.append((fraction, step))
    files = portal_files(tmp_path / "v1", 1)
    assert files[1].stat().st_size > 2048  # the GeoJSON goes through the chunked protocol
    payload = udata_payload(
        _record(code="haies-2024"), PortalOptions(catalogue_record_url=RECORD_URL)
    )

    first = publisher.publish(payload, files)

    dataset = _public(udata_server, first.remote_id)
    assert first.action == "created"
    assert dataset["private"] is False
    assert dataset["license"] == "lov2"
    assert set(dataset["tags"]) == {"haies", "bocage", "donnees-ouvertes", "occupation-des-terres"}
    assert dataset["frequency"] == "annual"
    assert dataset["temporal_coverage"] == {"start": "2024-03-01", "end": "2024-06-30"}
    assert dataset["extras"]["inspire:identifier"] == "https://data.demo-sur-loire.fr/id/haies-2024"
    assert RECORD_URL in dataset["description"]
    by_title = {r["title"]: r for r in dataset["resources"]}
    assert sorted(by_title) == ["haies.csv", "haies.geojson"]
    for path in files:
        assert _downloaded(by_title[path.name]) == path.read_bytes()
    assert progress[-1] == (1.0, "portal.done")
    assert any(step == "portal.upload" for _, step in progress)

    changed = portal_files(tmp_path / "v2", 2)
    payload2 = udata_payload(
        _record(title="Haies bocagères 2025", code="haies-2024"),
        PortalOptions(catalogue_record_url=RECORD_URL),
    )
    second = publisher.publish(payload2, changed, remote_id=first.remote_id)

    again = _public(udata_server, first.remote_id)
    assert second.action == "updated" and second.remote_id == first.remote_id
    assert again["title"] == "Haies bocagères 2025"
    assert sorted(r["id"] for r in again["resources"]) == sorted(
        r["id"] for r in dataset["resources"]
    )
    for resource in again["resources"]:
        path = next(p for p in changed if p.name == resource["title"])
        assert _downloaded(resource) == path.read_bytes()
    assert set(again["tags"]) == set(dataset["tags"])  # not emptied by the updates


def test_reference_mode_creates_only_remote_resources(udata_server: UdataServer) -> None:
    """Links to the catalogue record, its XML and the WMS; nothing uploaded; stable on rerun."""
    publisher = _publisher(udata_server)
    options = PortalOptions(
        catalogue_record_url=RECORD_URL,
        record_xml_url=XML_URL,
        mode=REFERENCE,
        zones=("fr:commune:44109",),
        granularity="fr:commune",
    )
    payload = udata_payload(_record(title="Haies (référencement)"), options)

    first = publisher.publish(payload)
    second = publisher.publish(payload, remote_id=first.remote_id)

    dataset = _public(udata_server, first.remote_id)
    assert {r["filetype"] for r in dataset["resources"]} == {"remote"}
    assert sorted(r["url"] for r in dataset["resources"]) == sorted([RECORD_URL, XML_URL, WMS_URL])
    assert dataset["spatial"]["zones"] == ["fr:commune:44109"]
    assert second.details["resources"] == first.details["resources"]
    assert len(dataset["resources"]) == 3


class _CountingSession(requests.Session):
    """Counts the writes sent, to prove nothing was created."""

    writes = 0

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if method.upper() != "GET":
            self.writes += 1
        return super().request(method, url, *args, **kwargs)


def test_unknown_licence_is_refused_before_any_write(udata_server: UdataServer) -> None:
    """A licence this portal does not offer is a clear error, not a silent `notspecified`."""
    session = _CountingSession()
    session.headers["X-API-KEY"] = udata_server.api_key
    publisher = UdataPublisher(
        udata_server.url,
        session,
        timeout=TIMEOUT,
        options={"organization": udata_server.organization_id},
    )
    payload = udata_payload(_record(licence="cc-by-sa"), PortalOptions())

    with pytest.raises(PublishError) as caught:
        publisher.publish(payload)

    assert caught.value.code == "licence_rejected"
    assert "cc-by-sa" in message(caught.value, "fr")
    assert session.writes == 0


def test_bad_key_gives_an_authentication_error(udata_server: UdataServer) -> None:
    """A wrong API key: udata's 401 in plain words (the key, not a password), never shown."""
    bad_key = "udata_" + "x" * 40
    publisher = _publisher(udata_server, key=bad_key)
    payload = udata_payload(_record(), PortalOptions())

    with pytest.raises(PublishError) as caught:
        publisher.publish(payload)
    with pytest.raises(PublishError) as tested:
        publisher.test_connection()

    assert caught.value.code == tested.value.code == "portal_bad_token"
    assert "jeton d'API" in message(caught.value, "fr")
    assert bad_key not in repr(caught.value.params)


def test_connection_lists_the_organisation(udata_server: UdataServer) -> None:
    """The connection test names the account's organisation."""
    facts = _publisher(udata_server).test_connection()
    assert udata_server.organization_id in {org["id"] for org in facts["organizations"]}


def test_server_stopped_mid_upload(tmp_path: Path) -> None:
    """The portal dies while a file is being sent: a clear "unreachable" error, no success."""
    server = UdataServer(tmp_path / "udata-dying")
    server.start()
    try:
        publisher = _publisher(server, chunk_threshold=1024, chunk_size=1024)
        big = tmp_path / "haies.csv"
        big.write_bytes(b"id,nom\n" + b"1,Haie\n" * 2000)

        def stop_on_upload(fraction: float, step: str) -> None:
            if step == "portal.upload" and server.process is not None:
                server.stop()

        publisher.progress = stop_on_upload
        with pytest.raises(PublishError) as caught:
            publisher.publish(udata_payload(_record(), PortalOptions()), [big])
    finally:
        server.stop()

    assert caught.value.code == "unreachable"
    assert "ne répond pas" in message(caught.value, "fr")


def test_every_frequency_of_the_code_list_is_a_udata_frequency(udata_server: UdataServer) -> None:
    """Every udata id in maintenance_frequencies.json is one this udata accepts, directly or
    (udata 10 has no ``notPlanned``) through its fallback."""
    answer = requests.get(f"{udata_server.api_url}/datasets/frequencies/", timeout=TIMEOUT)
    accepted = [item["id"] for item in answer.json()]
    ours = {entry["code"]: entry["udata"] for entry in codelists.values("maintenance_frequencies")}
    fitted = {code: portal_frequency(udata, accepted) for code, udata in ours.items()}
    assert {code: udata for code, udata in fitted.items() if udata not in accepted} == {}


def test_no_planned_update_is_published_with_the_portals_own_word(
    udata_server: UdataServer,
) -> None:
    """« Pas de mise à jour prévue » is `notPlanned` on udata 17 and `punctual` on udata 10
    (refused there with a 400 if sent as is): the dataset is published either way."""
    answer = requests.get(f"{udata_server.api_url}/datasets/frequencies/", timeout=TIMEOUT)
    accepted = [item["id"] for item in answer.json()]
    record = dataclasses.replace(
        _record(title="Haies (sans mise à jour prévue)"), maintenance_frequency="notPlanned"
    )

    result = _publisher(udata_server).publish(udata_payload(record, PortalOptions()))

    expected = "notPlanned" if "notPlanned" in accepted else "punctual"
    assert _public(udata_server, result.remote_id)["frequency"] == expected


def test_refused_fields_are_named_in_the_message(udata_server: UdataServer) -> None:
    """udata's nested field errors (spatial.zones) reach the sentence, key never shown."""
    payload = udata_payload(_record(), PortalOptions(zones=("pas-une-zone",)))

    with pytest.raises(PublishError) as caught:
        _publisher(udata_server).publish(payload)

    text = message(caught.value, "fr")
    assert caught.value.code == "bad_request"
    assert "(erreur 400) : spatial.zones : " in text and "pas-une-zone" in text
    assert udata_server.api_key not in text and udata_server.api_key not in repr(caught.value)


def _owned_datasets(server: UdataServer, identifier_uri: str) -> list[dict[str, Any]]:
    """The organisation's datasets holding this INSPIRE identifier, private ones included
    (``/me/org_datasets/`` lists them for a member; full-text search fails on mongomock)."""
    response = requests.get(
        f"{server.api_url}/me/org_datasets/",
        headers={"X-API-KEY": server.api_key},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text
    return [
        d
        for d in response.json()
        if (d.get("extras") or {}).get("inspire:identifier") == identifier_uri
    ]


def test_failed_first_publication_resumes_on_the_dataset_it_created(
    udata_server: UdataServer, tmp_path: Path
) -> None:
    """udata refuses a file once the private dataset exists: the journal keeps that dataset's
    id (status failed), and the next run fills it — one dataset, no duplicate resource."""
    record = dataclasses.replace(
        _record(title="Haies (reprise après un refus)"),
        identifier=Identifier("haies-reprise-refus", "https://data.demo-sur-loire.fr/id/"),
    )
    uri = record.identifier.uri
    journal = Journal(tmp_path / "journal.json")
    csv, geojson = portal_files(tmp_path / "v1", 1)
    refused = tmp_path / "v1" / "haies.exe"  # not in /api/1/datasets/extensions/
    refused.write_bytes(b"MZ not a dataset")

    def step(files: list[Path]) -> PortalStep:
        return PortalStep(
            _publisher(udata_server),
            lambda url: udata_payload(record, PortalOptions(catalogue_record_url=RECORD_URL)),
            files,
        )

    failed = run_steps([step([csv, refused, geojson])], journal, uri, record.title).steps[0]

    assert (failed.status, failed.error_code) == ("failed", "bad_request")
    entry = Journal(tmp_path / "journal.json").entry(uri, "Portail bac à sable")
    assert entry is not None and (entry.status, entry.error_code) == ("failed", "bad_request")
    [draft] = _owned_datasets(udata_server, uri)
    assert entry.remote_id == draft["id"] == failed.details["params"]["remote_id"]
    assert draft["private"] is True
    assert [r["title"] for r in draft["resources"]] == ["haies.csv"]

    done = run_steps([step([csv, geojson])], journal, uri, record.title).steps[0]

    assert (done.status, done.action, done.remote_id) == ("done", "updated", draft["id"])
    [dataset] = _owned_datasets(udata_server, uri)
    assert dataset["id"] == draft["id"] and dataset["private"] is False
    by_title = {r["title"]: r for r in dataset["resources"]}
    assert sorted(by_title) == ["haies.csv", "haies.geojson"]
    assert by_title["haies.csv"]["id"] == draft["resources"][0]["id"]
    entry = Journal(tmp_path / "journal.json").entry(uri, "Portail bac à sable")
    assert (entry.status, entry.remote_id, entry.url) == ("done", draft["id"], done.url)
