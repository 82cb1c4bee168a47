"""Secrets (password, API key) never reach logs, exceptions, messages, results or reports."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import requests

from plugin.publishers.csw import CswPublisher
from plugin.publishers.errors import MESSAGES, PublishError, message, safe_url
from plugin.publishers.geonetwork import GeoNetworkPublisher
from plugin.publishers.http import HttpClient, RetryPolicy
from plugin.publishers.journal import Journal
from tests.fakes.geonetwork_fake import FakeGeoNetwork, FakeUser
from tests.fakes.scripted_http import Reply, scripted_session

PASSWORD = "Zx9-tres-secret-Pw"
API_KEY = "udata_k3y_ABCDEF123456"
RECORD = (
    Path(__file__).resolve().parents[2] / "fixtures" / "csw" / "record_haies.xml"
).read_bytes()
UUID = "fr-200040566-haies-2024"


def _texts(err: PublishError) -> str:
    return (
        str(err)
        + repr(err)
        + message(err, "fr")
        + message(err, "en")
        + json.dumps(err.params, default=str)
    )


def _assert_clean(text: str) -> None:
    assert PASSWORD not in text
    assert API_KEY not in text


def test_geonetwork_success_and_failure_paths_leak_nothing(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeGeoNetwork(users={"editeur": FakeUser(PASSWORD, "Editor", (2,))}).start()
    try:
        session = requests.Session()
        session.auth = ("editeur", PASSWORD)
        session.headers["X-API-KEY"] = API_KEY
        publisher = GeoNetworkPublisher(fake.url, session, options={"group": 2}, timeout=5)
        result = publisher.publish(RECORD, UUID)
        journal = Journal(tmp_path / "journal.json")
        journal.record(UUID, "gn", remote_id=result.remote_id, url=result.url)
        report = json.dumps(result.as_report())

        wrong = requests.Session()
        wrong.auth = ("editeur", PASSWORD + "x")
        with pytest.raises(PublishError) as auth_err:
            GeoNetworkPublisher(fake.url, wrong, options={"group": 2}).publish(RECORD, UUID)
        fake.inject("PUT", "/records", 500, json.dumps({"message": f"echo {PASSWORD}"}).encode())
        with pytest.raises(PublishError) as echo_err:
            publisher.publish(RECORD, UUID)
    finally:
        fake.stop()
    assert auth_err.value.code == "auth"
    assert echo_err.value.code == "server_error" and "***" in echo_err.value.params["detail"]
    _assert_clean(caplog.text + report + repr(result) + repr(publisher))
    _assert_clean(_texts(auth_err.value) + _texts(echo_err.value))
    _assert_clean((tmp_path / "journal.json").read_text(encoding="utf-8"))


def test_csw_errors_never_echo_the_password(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    report = (
        b'<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception '
        b'exceptionCode="NoApplicableCode"><ows:ExceptionText>user editeur:'
        + PASSWORD.encode()
        + b" refused</ows:ExceptionText></ows:Exception>"
        b"</ows:ExceptionReport>"
    )
    session, _ = scripted_session(
        [Reply(200, report), requests.exceptions.ConnectionError(f"pw={PASSWORD}")],
        auth=("editeur", PASSWORD),
    )
    url = f"https://editeur:{PASSWORD}@geo.example.fr/csw?api_key={API_KEY}"
    publisher = CswPublisher(url, session, retry=RetryPolicy(attempts=1))
    errors = []
    for _ in range(2):
        with pytest.raises(PublishError) as err:
            publisher.get_record(UUID)
        errors.append(err.value)
    assert [e.code for e in errors] == ["exception_report", "unreachable"]
    _assert_clean(caplog.text + "".join(_texts(e) for e in errors) + repr(publisher))


def test_api_key_header_is_scrubbed_from_server_detail() -> None:
    session, _ = scripted_session(
        [
            Reply(
                400,
                json.dumps({"message": f"bad key {API_KEY}"}).encode(),
                {"Content-Type": "application/json"},
            )
        ],
        headers={"X-API-KEY": API_KEY},
    )
    client = HttpClient(session, "https://www.data.gouv.fr/api/1", retry=RetryPolicy(attempts=1))
    with pytest.raises(PublishError) as err:
        client.request("POST", "https://www.data.gouv.fr/api/1/datasets/")
    assert err.value.code == "bad_request"
    _assert_clean(_texts(err.value))


def test_safe_url_strips_userinfo_and_secret_parameters() -> None:
    shown = safe_url(f"https://bob:{PASSWORD}@h.fr/api?token={API_KEY}&q=haies")
    assert shown == "https://h.fr/api?token=%2A%2A%2A&q=haies" or shown == (
        "https://h.fr/api?token=***&q=haies"
    )


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_french_and_english_sentences(code: str) -> None:
    err = PublishError(
        code,
        {
            "server": "geo.example.fr",
            "status": 500,
            "detail": "x",
            "connection": "Cat",
            "field": "url",
            "path": "/p",
            "variable": "V",
            "value": "v",
            "allowed": "csw",
            "operation": "Insert",
            "count": 0,
            "exception_code": "E",
            "option": "group",
        },
    )
    french, english = message(err, "fr"), message(err, "en")
    assert french and english and french != english
    assert "{" not in french + english
    assert message(err) == french


def test_secrets_hidden_in_a_custom_auth_are_scrubbed_when_declared() -> None:
    class TokenAuth(requests.auth.AuthBase):
        def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
            request.headers["Authorization"] = f"Token {API_KEY}"
            return request

    body = json.dumps({"message": f"token {API_KEY} expired"}).encode()
    session, adapter = scripted_session([Reply(401, body, {"Content-Type": "application/json"})])
    session.auth = TokenAuth()
    publisher = CswPublisher(
        "https://geo.example.fr/csw", session, retry=RetryPolicy(attempts=1), secrets=[API_KEY]
    )
    with pytest.raises(PublishError) as err:
        publisher.test_connection()
    assert err.value.code == "auth"
    assert adapter.sent[0].headers["Authorization"] == f"Token {API_KEY}"
    _assert_clean(_texts(err.value))
