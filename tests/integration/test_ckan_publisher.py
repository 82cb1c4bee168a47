"""The CKAN publisher against the REAL CKAN 2.12 (PostgreSQL) on 127.0.0.1.

Everything is CKAN's own code except Solr, replaced by sandbox/solr_standin.py (an in-memory
stand-in answering CKAN's search-index calls — the only fake piece here). What a user sees is
checked over plain HTTP as an anonymous visitor: the package is public, in the organisation, has
the licence, tags and footprint, and its files download byte for byte.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import requests

from plugin.core.model import BoundingBox, Identifier, OnlineResource, Record, TemporalExtent
from plugin.core.portal_payload import REFERENCE, PortalOptions, ckan_payload
from plugin.publishers.ckan import CkanPublisher
from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from plugin.publishers.journal import Journal
from plugin.publishers.pipeline import PortalStep, run_steps
from sandbox.ckan_server import CkanServer
from sandbox.common import SandboxError
from tests.datasets import portal_files

pytestmark = pytest.mark.integration

TIMEOUT = 60
RECORD_URL = "https://geo.example.fr/geonetwork/srv/fre/catalog.search#/metadata/haies-2024"
XML_URL = "https://geo.example.fr/geonetwork/srv/api/records/haies-2024/formatters/xml"
WMS_URL = "https://geo.example.fr/geoserver/ows?SERVICE=WMS&REQUEST=GetCapabilities"
BBOX = BoundingBox(west=-1.64, east=-1.48, south=47.17, north=47.27)


def _record(code: str, title: str = "Haies bocagères", licence: str = "odc-odbl") -> Record:
    """A record as the dialog would hold it; ``code`` makes its identifier (and name) unique."""
    return Record(
        title=title,
        abstract="Linéaire de haies bocagères relevé sur la commune.",
        lineage="Relevé terrain 2024 sur orthophotographie.",
        licence=licence,
        identifier=Identifier(code, "https://data.demo-sur-loire.fr/id/"),
        inspire_themes=["lc"],
        free_keywords=["haies", "bocage", "données ouvertes", "ab"],
        maintenance_frequency="annually",
        bboxes=[BBOX],
        temporal_extent=TemporalExtent("2024-03-01", "2024-06-30"),
        locators=[OnlineResource(url=WMS_URL, protocol="OGC:WMS", name="Carte des haies (WMS)")],
    )


def _publisher(
    server: CkanServer, token: str | None = None, session: requests.Session | None = None
) -> CkanPublisher:
    """A publisher whose session carries the token, as the QGIS network layer builds it."""
    session = session or requests.Session()
    session.headers["Authorization"] = server.api_token if token is None else token
    return CkanPublisher(
        server.url,
        session,
        name="Portail CKAN bac à sable",
        timeout=TIMEOUT,
        retry=RetryPolicy(attempts=2, backoff=0.05),
        options={"organization": server.organization},
    )


def _public(server: CkanServer, package_id: str) -> dict[str, Any]:
    """The package as an anonymous visitor sees it (refused while private)."""
    response = requests.get(
        f"{server.api_url}/package_show", params={"id": package_id}, timeout=TIMEOUT
    )
    assert response.status_code == 200, response.text
    return response.json()["result"]


def _package_names(server: CkanServer) -> list[str]:
    """Names of every public package (read from the database, not the search index)."""
    response = requests.get(f"{server.api_url}/package_list", timeout=TIMEOUT)
    return list(response.json()["result"])


def _downloaded(resource: dict[str, Any]) -> bytes:
    """The bytes an anonymous visitor downloads from a resource URL."""
    response = requests.get(resource["url"], timeout=TIMEOUT)
    assert response.status_code == 200, resource["url"]
    return response.content


def test_upload_then_republish_in_place(ckan_server: CkanServer, tmp_path: Path) -> None:
    """One public package in the organisation; republishing keeps its id and resource ids."""
    progress: list[tuple[float, str]] = []
    publisher = _publisher(ckan_server)
    publisher.progress = lambda fraction, step: progress.append((fraction, step))
    files = portal_files(tmp_path / "v1", 1)
    payload = ckan_payload(_record("haies-upload"), PortalOptions(catalogue_record_url=RECORD_URL))

    first = publisher.publish(payload, files)

    package = _public(ckan_server, first.remote_id)
    assert first.action == "created"
    assert package["private"] is False and package["state"] == "active"
    assert package["organization"]["name"] == ckan_server.organization
    assert package["license_id"] == "odc-odbl"
    assert {t["name"] for t in package["tags"]} == {
        "haies",
        "bocage",
        "donnees-ouvertes",
        "occupation-des-terres",
    }
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert json.loads(extras["spatial"])["type"] == "MultiPolygon"
    assert json.loads(extras["spatial"])["coordinates"][0][0][0] == [BBOX.west, BBOX.south]
    assert extras["inspire:identifier"] == "https://data.demo-sur-loire.fr/id/haies-upload"
    assert RECORD_URL in package["notes"]
    assert first.url == f"{ckan_server.url}/dataset/{package['name']}"
    assert [n for n in _package_names(ckan_server) if n.startswith("haies-bocageres")] == [
        package["name"]
    ]
    by_name = {r["name"]: r for r in package["resources"]}
    assert sorted(by_name) == ["haies.csv", "haies.geojson"]
    for path in files:
        assert by_name[path.name]["url_type"] == "upload"
        assert _downloaded(by_name[path.name]) == path.read_bytes()
    assert progress[-1] == (1.0, "portal.done")
    assert any(step == "portal.upload" for _, step in progress)

    changed = portal_files(tmp_path / "v2", 2)
    payload2 = ckan_payload(
        _record("haies-upload", title="Haies bocagères 2025"),
        PortalOptions(catalogue_record_url=RECORD_URL),
    )
    second = publisher.publish(payload2, changed, remote_id=first.remote_id)

    again = _public(ckan_server, first.remote_id)
    assert second.action == "updated" and second.remote_id == first.remote_id
    assert again["title"] == "Haies bocagères 2025" and again["name"] == package["name"]
    assert sorted(r["id"] for r in again["resources"]) == sorted(r["id"] for r in by_name.values())
    for resource in again["resources"]:
        path = next(p for p in changed if p.name == resource["name"])
        assert _downloaded(resource) == path.read_bytes()
    assert {t["name"] for t in again["tags"]} == {t["name"] for t in package["tags"]}


def test_rerun_without_journal_finds_its_package(ckan_server: CkanServer, tmp_path: Path) -> None:
    """A resumed run (journal lost the id) patches the package holding our identifier."""
    publisher = _publisher(ckan_server)
    files = portal_files(tmp_path, 1)
    payload = ckan_payload(_record("haies-reprise", title="Haies reprise"), PortalOptions())

    first = publisher.publish(payload, files)
    second = publisher.publish(payload, files)

    assert second.action == "updated" and second.remote_id == first.remote_id
    assert len(_public(ckan_server, first.remote_id)["resources"]) == 2


def test_name_held_by_a_hidden_package_gets_a_suffix(ckan_server: CkanServer) -> None:
    """Another organisation's private package holds the name (403 to us): ``name-2`` is used."""
    payload = ckan_payload(_record("haies-homonyme", title="Haies homonymes"), PortalOptions())
    name = payload["package"]["name"]
    admin = ckan_server.sysadmin_token
    ckan_server.action("organization_create", {"name": "autre-commune"}, admin)
    ckan_server.action(
        "package_create",
        {"name": name, "title": "Homonyme", "owner_org": "autre-commune", "private": True},
        admin,
    )

    result = _publisher(ckan_server).publish(payload)

    package = _public(ckan_server, result.remote_id)
    assert package["name"] == f"{name}-2" and result.details["name"] == f"{name}-2"
    assert package["organization"]["name"] == ckan_server.organization


def test_deleted_on_the_portal_then_published_again(ckan_server: CkanServer) -> None:
    """Deleted by hand: the journal's id is reported missing; without it, the name is reused."""
    publisher = _publisher(ckan_server)
    payload = ckan_payload(_record("haies-supprime", title="Haies supprimées"), PortalOptions())
    first = publisher.publish(payload)
    publisher.delete(first.remote_id)

    with pytest.raises(PublishError) as caught:
        publisher.publish(payload, remote_id=first.remote_id)
    again = publisher.publish(payload)

    assert caught.value.code == "portal_dataset_missing"
    assert again.action == "created" and again.remote_id != first.remote_id
    assert again.details["name"] == first.details["name"]
    assert _public(ckan_server, again.remote_id)["state"] == "active"


def test_reference_mode_creates_only_url_resources(ckan_server: CkanServer) -> None:
    """Links to the catalogue record, its XML and the WMS; nothing uploaded; stable on rerun."""
    publisher = _publisher(ckan_server)
    options = PortalOptions(catalogue_record_url=RECORD_URL, record_xml_url=XML_URL, mode=REFERENCE)
    payload = ckan_payload(_record("haies-reference", title="Haies (référencement)"), options)

    first = publisher.publish(payload)
    second = publisher.publish(payload, remote_id=first.remote_id)

    package = _public(ckan_server, first.remote_id)
    assert {r.get("url_type") or "" for r in package["resources"]} == {""}
    assert sorted(r["url"] for r in package["resources"]) == sorted([RECORD_URL, XML_URL, WMS_URL])
    assert second.details["resources"] == first.details["resources"]
    assert len(package["resources"]) == 3


class _CountingSession(requests.Session):
    """Counts the writes sent (CKAN writes are POSTs), to prove nothing was created."""

    writes = 0

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if method.upper() != "GET":
            self.writes += 1
        return super().request(method, url, *args, **kwargs)


def test_unknown_licence_is_refused_before_any_write(ckan_server: CkanServer) -> None:
    """CKAN would store any license_id: a licence it does not offer is refused first."""
    session = _CountingSession()
    publisher = _publisher(ckan_server, session=session)
    payload = ckan_payload(_record("haies-licence", licence="cc-by-sa"), PortalOptions())
    before = _package_names(ckan_server)

    with pytest.raises(PublishError) as caught:
        publisher.publish(payload)

    assert caught.value.code == "licence_rejected"
    assert "cc-by-sa" in message(caught.value, "fr")
    assert session.writes == 0
    assert _package_names(ckan_server) == before


def test_bad_token_gives_a_clear_error(ckan_server: CkanServer) -> None:
    """A wrong token: CKAN reads as anonymous and answers 403 to the first write; the user is
    told the token is not recognised (not "no rights"), and never sees the token."""
    bad_token = "eyJhbGciOiJIUzI1NiJ9.jeton-invalide-" + "x" * 20
    publisher = _publisher(ckan_server, token=bad_token)
    payload = ckan_payload(_record("haies-jeton"), PortalOptions())
    before = _package_names(ckan_server)

    with pytest.raises(PublishError) as caught:
        publisher.publish(payload)
    with pytest.raises(PublishError) as tested:
        publisher.test_connection()

    assert caught.value.code == "portal_bad_token" and caught.value.params["status"] == 403
    assert tested.value.code == "portal_bad_token"
    for err in (caught.value, tested.value):
        text = message(err, "fr")
        assert "ne reconnaît pas le jeton" in text and ckan_server.url.split("//")[1] in text
        assert bad_token not in text and bad_token not in repr(err) and bad_token not in str(err)
    assert _package_names(ckan_server) == before


def test_valid_token_without_rights_is_forbidden(ckan_server: CkanServer) -> None:
    """A real account that is not a member of the organisation: 403 "no rights", as is."""
    user = ckan_server.action(
        "user_create",
        {
            "name": "visiteur",
            "email": "visiteur@sandbox.example.org",
            "password": "Visiteur-sandbox-2024!",
        },
        ckan_server.sysadmin_token,
    )
    token = ckan_server.action(
        "api_token_create", {"user": user["name"], "name": "essai"}, ckan_server.sysadmin_token
    )["token"]
    publisher = _publisher(ckan_server, token=token)

    with pytest.raises(PublishError) as caught:
        publisher.publish(ckan_payload(_record("haies-sans-droits"), PortalOptions()))
    with pytest.raises(PublishError) as tested:
        publisher.test_connection()

    assert caught.value.code == "forbidden" and "403" in message(caught.value, "fr")
    assert token not in repr(caught.value) and token not in message(caught.value, "fr")
    assert tested.value.code == "portal_no_organization"


def test_connection_lists_the_organisation(ckan_server: CkanServer) -> None:
    """The connection test names the organisation the token can publish in."""
    facts = _publisher(ckan_server).test_connection()
    assert ckan_server.organization in {org["name"] for org in facts["organizations"]}


def test_server_not_listening_is_unreachable(refused_port: int) -> None:
    """Nothing listens on the port (held closed): ``unreachable`` in plain words."""
    session = requests.Session()
    session.headers["Authorization"] = "jeton"
    publisher = CkanPublisher(
        f"http://127.0.0.1:{refused_port}",
        session,
        timeout=5,
        retry=RetryPolicy(attempts=2, backoff=0.01),
    )

    with pytest.raises(PublishError) as caught:
        publisher.publish(ckan_payload(_record("haies-injoignable"), PortalOptions()))

    assert caught.value.code == "unreachable"
    assert "ne répond pas" in message(caught.value, "fr")


def test_licence_ouverte_uses_the_id_a_french_ckan_offers(ckan_server: CkanServer) -> None:
    """CKAN's default id for Licence Ouverte is `other-at`; a French portal lists `lov2`."""
    record = _record("bornes-lo", title="Bornes de recharge", licence="lov2")
    payload = ckan_payload(record, PortalOptions(mode=REFERENCE))
    assert payload["package"]["license_id"] == "other-at"
    publisher = _publisher(ckan_server)
    result = publisher.publish(payload, [])
    assert _public(ckan_server, result.remote_id)["license_id"] == "lov2"


class _CancelAfterCreate(requests.Session):
    """Notes when ``package_create`` succeeded: the user presses Cancel right then."""

    created = False

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if url.endswith("/package_create") and response.ok:
            self.created = True
        return response


def test_cancelled_first_publication_resumes_on_its_package_after_a_title_change(
    ckan_server: CkanServer, tmp_path: Path
) -> None:
    """Cancelled once the private package exists: the journal keeps its id (status failed);
    the next run, under a new title (so a new name), patches that package — no second one."""
    session = _CancelAfterCreate()
    session.headers["Authorization"] = ckan_server.api_token
    cancelling = CkanPublisher(
        ckan_server.url,
        session,
        name="Portail CKAN bac à sable",
        timeout=TIMEOUT,
        options={"organization": ckan_server.organization},
        cancel=lambda: session.created,
    )
    record = _record("haies-annule", title="Haies annulées")
    uri = record.identifier.uri
    journal = Journal(tmp_path / "journal.json")
    files = portal_files(tmp_path, 1)
    first = ckan_payload(record, PortalOptions())

    failed = run_steps(
        [PortalStep(cancelling, lambda url: first, files)], journal, uri, record.title
    ).steps[0]

    assert (failed.status, failed.error_code) == ("failed", "cancelled")
    entry = Journal(tmp_path / "journal.json").entry(uri, "Portail CKAN bac à sable")
    assert entry is not None and entry.status == "failed" and entry.remote_id
    draft = ckan_server.action("package_show", {"id": entry.remote_id}, ckan_server.api_token)
    assert draft["private"] is True and draft["resources"] == []
    assert draft["name"] == first["package"]["name"]

    admin_token = ckan_server.api_token
    renamed = ckan_payload(dataclasses.replace(record, title="Haies reprises"), PortalOptions())
    assert renamed["package"]["name"] != draft["name"]  # a lookup by name would miss it
    done = run_steps(
        [PortalStep(_publisher(ckan_server), lambda url: renamed, files)], journal, uri, "x"
    ).steps[0]

    assert (done.status, done.action, done.remote_id) == ("done", "updated", entry.remote_id)
    package = _public(ckan_server, entry.remote_id)
    assert package["title"] == "Haies reprises" and len(package["resources"]) == 2
    with pytest.raises(SandboxError, match="Not Found Error"):
        ckan_server.action("package_show", {"id": renamed["package"]["name"]}, admin_token)
