"""GeoNetwork 4 publisher against the FAKE GeoNetwork (tests/fakes/geonetwork_fake.py), a real
HTTP server written from GeoNetwork's documented REST contract (XSRF enforced, Basic auth)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from lxml import etree

from plugin.publishers.errors import PublishError, message
from plugin.publishers.geonetwork import GeoNetworkPublisher, api_root
from plugin.publishers.http import RetryPolicy
from tests.fakes.geonetwork_fake import FakeGeoNetwork, FakeUser

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "csw" / "record_haies.xml"
UUID = "fr-200040566-haies-2024"
PASSWORD = "motdepasse-GN-42"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
NS = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}


@pytest.fixture()
def fake() -> Iterator[FakeGeoNetwork]:
    server = FakeGeoNetwork(
        users={
            "editeur": FakeUser(PASSWORD, "Editor", (2,)),
            "lecteur": FakeUser("lecteur-pass", "Editor", (3,)),
        },
        groups=(2, 3),
    ).start()
    try:
        yield server
    finally:
        server.stop()


def _publisher(
    fake: FakeGeoNetwork, user: str = "editeur", password: str = PASSWORD, **options: object
) -> GeoNetworkPublisher:
    session = requests.Session()
    session.auth = (user, password)
    opts = {"group": 2, "category": "dataset", **options}
    return GeoNetworkPublisher(
        fake.url,
        session,
        name="GéoCatalogue",
        timeout=5,
        retry=RetryPolicy(attempts=2, backoff=0.01),
        options=opts,
    )


def _record(title: str = "Haies bocagères du Val d'Exemple") -> bytes:
    root = etree.fromstring(FIXTURE.read_bytes())
    path = (
        "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:citation/gmd:CI_Citation/"
        "gmd:title/gco:CharacterString"
    )
    root.find(path, NS).text = title
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_api_root_accepts_what_users_type() -> None:
    assert api_root("https://geo.example.fr/geonetwork/srv/") == "https://geo.example.fr/geonetwork"
    assert api_root("https://geo.example.fr/geonetwork/srv/api") == (
        "https://geo.example.fr/geonetwork"
    )
    assert api_root("https://geo.example.fr/geonetwork") == "https://geo.example.fr/geonetwork"


def test_connection_test_logs_in_and_gets_the_xsrf_token(fake: FakeGeoNetwork) -> None:
    publisher = _publisher(fake)
    assert publisher.test_connection() == {"username": "editeur", "profile": "Editor"}
    assert publisher.session.cookies.get("XSRF-TOKEN")


def test_full_sequence_publishes_a_public_record_with_thumbnail(fake: FakeGeoNetwork) -> None:
    steps: list[str] = []
    publisher = _publisher(fake)
    publisher.progress = lambda fraction, step: steps.append(step)
    result = publisher.publish(_record(), UUID, thumbnail=PNG)

    assert result.action == "created"
    assert result.remote_id == UUID
    assert result.url == f"{fake.url}/srv/fre/catalog.search#/metadata/{UUID}"
    stored = fake.records[UUID]
    assert (stored.group, stored.categories, stored.owner) == (2, ["dataset"], "editeur")
    assert stored.privileges[1] == {"view", "download", "dynamic"}
    # Really public: an anonymous visitor reads the record and its thumbnail.
    anonymous = requests.get(
        f"{fake.url}/srv/api/records/{UUID}", timeout=5, headers={"Accept": "application/xml"}
    )
    assert anonymous.status_code == 200
    overview = etree.fromstring(anonymous.content).findtext(
        ".//gmd:graphicOverview/gmd:MD_BrowseGraphic/gmd:fileName/gco:CharacterString",
        namespaces=NS,
    )
    assert overview == result.details["thumbnail_url"]
    image = requests.get(overview, timeout=5)
    assert (image.status_code, image.content) == (200, PNG)
    assert steps[0] == "catalogue.login" and steps[-1] == "catalogue.done"
    assert "catalogue.sharing" in steps and "catalogue.thumbnail" in steps
    # Every write carried the XSRF header (the fake answers 403 otherwise).
    writes = [r for r in fake.requests if r[0] in ("PUT", "POST")]
    assert [w[1].rsplit("/", 1)[-1] for w in writes] == [
        "records",
        "sharing",
        "attachments",
        "thumbnail-add",
    ]


def test_republication_updates_the_same_uuid(fake: FakeGeoNetwork) -> None:
    publisher = _publisher(fake)
    first = publisher.publish(_record(), UUID)
    internal_id = fake.records[UUID].internal_id
    second = _publisher(fake).publish(_record("Haies (mise à jour)"), UUID)

    assert (first.action, second.action) == ("created", "updated")
    assert list(fake.records) == [UUID]
    assert fake.records[UUID].internal_id == internal_id
    assert b"Haies (mise \xc3\xa0 jour)" in publisher.get_record(UUID)


def test_write_without_xsrf_token_is_refused_with_403(fake: FakeGeoNetwork) -> None:
    bare = requests.put(
        f"{fake.url}/srv/api/records",
        params={"group": 2},
        data=_record(),
        auth=("editeur", PASSWORD),
        timeout=5,
        headers={"Content-Type": "application/xml"},
    )
    assert bare.status_code == 403
    assert UUID not in fake.records


def test_user_without_rights_in_the_group_gets_forbidden(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake, user="lecteur", password="lecteur-pass").publish(_record(), UUID)
    assert err.value.code == "forbidden"
    assert err.value.params["status"] == 403
    assert "403" in message(err.value, "fr") and "droits" in message(err.value, "fr")
    assert UUID not in fake.records


def test_rotated_xsrf_token_is_refreshed_once(fake: FakeGeoNetwork) -> None:
    publisher = _publisher(fake)
    publisher.login()
    fake.rotate_token_once = True
    assert publisher.publish(_record(), UUID).action == "created"
    assert fake.records[UUID].privileges[1] == {"view", "download", "dynamic"}


def test_bad_password_is_auth_error(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake, password="wrong-password").test_connection()
    assert err.value.code == "auth"


def test_anonymous_me_204_is_auth_error(fake: FakeGeoNetwork) -> None:
    publisher = GeoNetworkPublisher(fake.url, requests.Session(), timeout=5)
    with pytest.raises(PublishError) as err:
        publisher.test_connection()
    assert (err.value.code, err.value.params["status"]) == ("auth", 204)


def test_server_error_on_import_is_never_a_success(fake: FakeGeoNetwork) -> None:
    fake.inject("PUT", "/records", 500, b'{"message": "NullPointerException"}')
    with pytest.raises(PublishError) as err:
        _publisher(fake).publish(_record(), UUID)
    assert err.value.code == "server_error"
    assert err.value.params["status"] == 500
    assert UUID not in fake.records


def test_import_report_with_errors_is_an_error(fake: FakeGeoNetwork) -> None:
    report = (
        b'{"errors": [{"message": "Schema not detected"}], "numberOfRecordsProcessed": 0,'
        b' "numberOfRecordsWithErrors": 1, "metadataInfos": {}}'
    )
    fake.inject("PUT", "/records", 201, report)
    with pytest.raises(PublishError) as err:
        _publisher(fake).publish(_record(), UUID)
    assert err.value.code == "bad_request"
    assert "Schema not detected" in err.value.params["detail"]


def test_unknown_group_is_bad_request_with_server_detail(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake, group=99).publish(_record(), UUID)
    assert err.value.code == "bad_request"
    assert "Group 99" in message(err.value, "en")


def test_missing_group_option_is_named(fake: FakeGeoNetwork) -> None:
    publisher = _publisher(fake)
    publisher.options.pop("group")
    with pytest.raises(PublishError) as err:
        publisher.publish(_record(), UUID)
    assert err.value.code == "missing_option"
    assert "GéoCatalogue" in message(err.value, "fr")


def test_sharing_failure_is_reported(fake: FakeGeoNetwork) -> None:
    fake.inject("PUT", f"/records/{UUID}/sharing", 500)
    with pytest.raises(PublishError) as err:
        _publisher(fake).publish(_record(), UUID)
    assert err.value.code == "server_error"


def test_find_and_delete(fake: FakeGeoNetwork) -> None:
    publisher = _publisher(fake)
    assert publisher.find(UUID) is None
    publisher.publish(_record(), UUID)
    assert publisher.find(UUID) is not None
    publisher.delete(UUID)
    assert UUID not in fake.records
    with pytest.raises(PublishError) as err:
        publisher.delete(UUID)
    assert err.value.code == "not_found"


def test_record_from_another_identifier_is_refused_before_sending(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake).publish(_record(), "another-id")
    assert err.value.code == "invalid_record"
    assert not [r for r in fake.requests if r[0] == "PUT"]
