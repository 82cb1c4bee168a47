"""The CSW-T publisher on GeoNetwork's ``csw-publication`` endpoint, against the FAKE GeoNetwork
(tests/fakes/csw_publication.py: GeoNetwork 4's security chain and CSW Transaction, read from
its sources): insert, update in place, delete, the record made public and its thumbnail through
the API with the same session, and the refusals a user meets, worded in French."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from lxml import etree

from plugin.publishers.csw import CswPublisher, catalogue_takes_thumbnail, geonetwork_csw_t
from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from tests.fakes.geonetwork_fake import FakeGeoNetwork, FakeUser
from tests.unit.publishers.test_pub_geonetwork import NS, PASSWORD, PNG, UUID, _record


@pytest.fixture()
def fake() -> Iterator[FakeGeoNetwork]:
    server = FakeGeoNetwork(
        users={
            "editeur": FakeUser(PASSWORD, "Editor", (2,)),
            "voisin": FakeUser("voisin-pass", "Editor", (3,)),
            "inscrit": FakeUser("inscrit-pass", "RegisteredUser", ()),
        },
        groups=(2, 3),
    ).start()
    try:
        yield server
    finally:
        server.stop()


def _publisher(fake: FakeGeoNetwork, auth=("editeur", PASSWORD), **options: object) -> CswPublisher:
    session = requests.Session()
    session.auth = auth
    return CswPublisher(
        f"{fake.url}/srv/fre/csw-publication",
        session,
        name="GéoCatalogue CSW-T",
        timeout=5,
        retry=RetryPolicy(attempts=1),
        options=options,
    )


def _visitor_sees(fake: FakeGeoNetwork, url: str) -> bool:
    """A visitor (no credentials) opens the record's public GetRecordById address."""
    answer = requests.get(url, timeout=5)
    return answer.status_code == 200 and b"MD_Metadata" in answer.content


def test_geonetwork_endpoint_is_recognised() -> None:
    assert geonetwork_csw_t("https://geo.fr/geonetwork/srv/fre/csw-publication") == (
        "https://geo.fr/geonetwork",
        "fre",
    )
    assert geonetwork_csw_t("https://geo.fr/geonetwork/srv/eng/csw") is None
    assert geonetwork_csw_t("https://geo.fr/pycsw/csw.py") is None
    assert catalogue_takes_thumbnail("csw", "https://geo.fr/gn/srv/fre/csw-publication")
    assert not catalogue_takes_thumbnail("csw", "https://geo.fr/pycsw/csw.py")


def test_insert_share_thumbnail_then_update_in_place_then_delete(fake: FakeGeoNetwork) -> None:
    publisher = _publisher(fake)
    assert publisher.test_connection()["transactions"] is True

    first = publisher.publish(_record(), UUID, thumbnail=PNG)
    assert first.action == "created" and list(fake.records) == [UUID]
    stored = fake.records[UUID]
    assert (stored.owner, stored.group) == ("editeur", 2)  # the user's first group
    assert stored.privileges[1] == {"view", "download", "dynamic"}  # made public by the API
    assert first.details["shared_public"] is True and "notices" not in first.details
    assert publisher.record_page(UUID) == f"{fake.url}/srv/fre/catalog.search#/metadata/{UUID}"
    assert first.url.startswith(f"{fake.url}/srv/fre/csw?")  # public endpoint, not the editors'
    assert _visitor_sees(fake, first.url)
    overview = etree.fromstring(publisher.get_record(UUID)).findtext(
        ".//gmd:graphicOverview/gmd:MD_BrowseGraphic/gmd:fileName/gco:CharacterString",
        namespaces=NS,
    )
    assert overview == first.details["thumbnail_url"]
    assert requests.get(overview, timeout=5).content == PNG
    # CSW-T carried no XSRF header (csw-publication is outside GeoNetwork's CSRF checks).
    assert ("POST", "/geonetwork/srv/fre/csw-publication") in fake.requests

    internal_id = stored.internal_id
    second = _publisher(fake).publish(_record("Haies (mise à jour)"), UUID)
    assert second.action == "updated" and list(fake.records) == [UUID]
    assert fake.records[UUID].internal_id == internal_id
    assert b"Haies (mise \xc3\xa0 jour)" in fake.records[UUID].xml

    publisher.delete(UUID)
    assert fake.records == {}
    with pytest.raises(PublishError) as err:
        publisher.delete(UUID)
    assert err.value.code == "not_found"


def test_private_record_is_found_by_its_editor_and_left_private_on_request(
    fake: FakeGeoNetwork,
) -> None:
    publisher = _publisher(fake, public=False)
    result = publisher.publish(_record(), UUID)
    assert fake.records[UUID].privileges == {}  # GeoNetwork's own choice kept
    assert not _visitor_sees(fake, result.url)
    assert publisher.get_record(UUID) is not None  # through csw-publication, as its editor
    assert publisher.publish(_record(), UUID).action == "updated"  # never a second Insert


def test_anonymous_is_sent_to_the_login_page_and_told_to_sign_in(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake, auth=None).publish(_record(), UUID)
    assert err.value.code == "login_required"
    text = message(err.value, "fr")
    assert fake.url.split("//")[1].split("/")[0] in text and "compte éditeur" in text
    assert fake.records == {}


def test_bad_password_is_401_naming_the_server(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake, auth=("editeur", "faux")).publish(_record(), UUID)
    assert (err.value.code, err.value.params["status"]) == ("auth", 401)
    assert "mot de passe" in message(err.value, "fr") and "faux" not in message(err.value, "fr")


def test_user_below_editor_is_403(fake: FakeGeoNetwork) -> None:
    with pytest.raises(PublishError) as err:
        _publisher(fake, auth=("inscrit", "inscrit-pass")).publish(_record(), UUID)
    assert (err.value.code, err.value.params["status"]) == ("forbidden", 403)
    assert "droits" in message(err.value, "fr")


def test_record_of_another_group_is_refused_in_french(fake: FakeGeoNetwork) -> None:
    _publisher(fake, auth=("voisin", "voisin-pass")).publish(_record(), UUID)  # public
    with pytest.raises(PublishError) as err:
        _publisher(fake).publish(_record("Haies (écrasées ?)"), UUID)
    assert err.value.code == "catalogue_not_allowed"
    text = message(err.value, "fr")
    assert "refuse que ce compte modifie la fiche" in text and "not allowed" in text
    assert b"\xc3\xa9cras" not in fake.records[UUID].xml


def test_other_exception_reports_are_errors_never_successes(fake: FakeGeoNetwork) -> None:
    report = (
        b'<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception '
        b'exceptionCode="NoApplicableCode"><ows:ExceptionText>Cannot process transaction: '
        b"Schema not detected</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"
    )
    fake.inject("POST", "csw-publication", 200, report)
    with pytest.raises(PublishError) as err:
        _publisher(fake).publish(_record(), UUID)
    assert err.value.code == "exception_report"
    assert "Schema not detected" in message(err.value, "fr")
    assert fake.records == {}


def test_api_refusals_leave_the_record_published_with_notices(fake: FakeGeoNetwork) -> None:
    # (a 403 would be retried once with a fresh XSRF token, as GeoNetwork may rotate it)
    fake.inject("PUT", f"/records/{UUID}/sharing", 500, b'{"message": "NullPointerException"}')
    fake.inject("POST", f"/records/{UUID}/attachments", 413, b'{"message": "Too large"}')
    result = _publisher(fake).publish(_record(), UUID, thumbnail=PNG)
    assert result.action == "created" and UUID in fake.records
    codes = [n["code"] for n in result.details["notices"]]
    assert codes == ["geonetwork_not_public", "geonetwork_thumbnail_not_sent"]
    assert fake.records[UUID].privileges == {} and fake.records[UUID].attachments == {}
    error = PublishError(**result.details["notices"][1])
    assert "refusé l'aperçu (HTTP 413)" in message(error, "fr")
