"""Status codes → error codes, bounded retries, Retry-After, cancel, safe XML parsing."""

from __future__ import annotations

import pytest
import requests

from plugin.publishers.errors import PublishError
from plugin.publishers.http import HttpClient, RetryPolicy, no_proxy_hosts, parse_xml_bytes
from tests.fakes.scripted_http import Reply, scripted_session

URL = "https://geo.example.fr/csw"


def _client(
    answers: list, attempts: int = 3, max_wait: float = 10.0, cancel=None
) -> tuple[HttpClient, list[float], object]:
    session, adapter = scripted_session(answers)
    waits: list[float] = []
    client = HttpClient(
        session,
        URL,
        timeout=5,
        cancel=cancel,
        sleep=waits.append,
        retry=RetryPolicy(attempts=attempts, backoff=0.5, max_wait=max_wait),
    )
    return client, waits, adapter


@pytest.mark.parametrize(
    "status, code",
    [
        (400, "bad_request"),
        (401, "auth"),
        (403, "forbidden"),
        (404, "not_found"),
        (409, "conflict"),
        (413, "too_large"),
        (500, "server_error"),
        (502, "server_error"),
        (418, "http_error"),
    ],
)
def test_status_codes_map_to_stable_error_codes(status: int, code: str) -> None:
    client, _, _ = _client([Reply(status)] * 3, attempts=1)
    with pytest.raises(PublishError) as err:
        client.request("POST", URL, idempotent=False)
    assert err.value.code == code
    assert err.value.params["status"] == status
    assert err.value.params["server"] == "geo.example.fr"


def test_bad_request_carries_the_server_field_errors() -> None:
    body = b'{"message": "Validation error", "errors": {"license": ["unknown licence"]}}'
    client, _, _ = _client([Reply(400, body, {"Content-Type": "application/json"})])
    with pytest.raises(PublishError) as err:
        client.request("POST", URL)
    assert err.value.params["detail"] == "Validation error"
    assert err.value.params["fields"] == {"license": "unknown licence"}


def test_429_is_retried_after_the_delay_the_server_asks() -> None:
    client, waits, adapter = _client([Reply(429, headers={"Retry-After": "2"}), Reply(200, b"ok")])
    assert client.request("POST", URL, idempotent=False).content == b"ok"
    assert waits == [2.0]
    assert len(adapter.sent) == 2


def test_429_with_a_long_retry_after_is_not_waited_for() -> None:
    client, waits, _ = _client([Reply(429, headers={"Retry-After": "3600"})], max_wait=10)
    with pytest.raises(PublishError) as err:
        client.request("GET", URL)
    assert (err.value.code, err.value.params["retry_after"]) == ("rate_limited", 3600)
    assert waits == []


def test_503_retries_are_bounded_then_server_error() -> None:
    client, waits, adapter = _client([Reply(503)] * 3, attempts=3)
    with pytest.raises(PublishError) as err:
        client.request("GET", URL)
    assert err.value.code == "server_error"
    assert waits == [0.5, 1.0]
    assert len(adapter.sent) == 3


def test_502_is_retried_for_get_but_not_for_post() -> None:
    client, _, adapter = _client([Reply(502), Reply(200, b"ok")])
    assert client.request("GET", URL).content == b"ok"
    client, _, adapter = _client([Reply(502), Reply(200)])
    with pytest.raises(PublishError):
        client.request("POST", URL, idempotent=False)
    assert len(adapter.sent) == 1


def test_connection_errors_are_retried_for_idempotent_calls_only() -> None:
    drop = requests.exceptions.ConnectionError("refused")
    client, waits, _ = _client([drop, Reply(200, b"ok")])
    assert client.request("GET", URL).content == b"ok"
    client, _, adapter = _client([drop, Reply(200)])
    with pytest.raises(PublishError) as err:
        client.request("POST", URL, idempotent=False)
    assert err.value.code == "unreachable"
    assert len(adapter.sent) == 1


@pytest.mark.parametrize(
    "exc, code",
    [
        (requests.exceptions.SSLError("bad cert"), "tls"),
        (requests.exceptions.ConnectTimeout("slow"), "timeout"),
        (requests.exceptions.ReadTimeout("slow"), "timeout"),
        (requests.exceptions.ConnectionError("refused"), "unreachable"),
    ],
)
def test_transport_failures_have_their_own_codes(exc: Exception, code: str) -> None:
    client, _, _ = _client([exc], attempts=1)
    with pytest.raises(PublishError) as err:
        client.request("GET", URL)
    assert err.value.code == code


def test_cancel_stops_before_sending() -> None:
    client, _, adapter = _client([Reply(200)], cancel=lambda: True)
    with pytest.raises(PublishError) as err:
        client.request("GET", URL)
    assert err.value.code == "cancelled"
    assert adapter.sent == []


def test_http_200_with_ows_exception_report_is_an_error() -> None:
    body = b"""<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"
      version="1.2.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="typename">
      <ows:ExceptionText>Invalid typename</ows:ExceptionText></ows:Exception>
      </ows:ExceptionReport>"""
    client, _, _ = _client([Reply(200, body)])
    response = client.request("GET", URL)
    with pytest.raises(PublishError) as err:
        client.parse_xml(response)
    assert err.value.code == "exception_report"
    assert err.value.params["exception_code"] == "InvalidParameterValue"
    assert "Invalid typename" in err.value.params["detail"]


def test_external_entities_are_never_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>'
    ).encode()
    root = parse_xml_bytes(body, "test")
    assert b"TOP-SECRET" not in __import__("lxml.etree").etree.tostring(root)


def test_not_xml_and_too_large_are_invalid_answers() -> None:
    with pytest.raises(PublishError) as err:
        parse_xml_bytes(b"<html><body>Proxy error", "proxy")
    assert err.value.code == "invalid_answer"
    with pytest.raises(PublishError) as err:
        parse_xml_bytes(b"<a>" + b"x" * 100 + b"</a>", "srv", limit=50)
    assert err.value.params["detail"] == "XML too large"


@pytest.mark.parametrize(
    ("entry", "host"),
    [
        ("https://geo.exemple.fr/", "geo.exemple.fr"),
        ("HTTPS://Geo.Exemple.FR/wms?x=1", "geo.exemple.fr"),
        ("http://sig.exemple.fr:8443/", "sig.exemple.fr:8443"),
        ("http://10.0.0.1:8080", "10.0.0.1"),
        ("10.0.0.1", "10.0.0.1"),
        ("10.0.0.0/8", "10.0.0.0/8"),
        ("intranet.local", "intranet.local"),
        ("intranet.local:8080", "intranet.local:8080"),
        (".exemple.fr", ".exemple.fr"),
        ("http://[::1]:8080/", "::1"),
        ("   ", ""),
        ("http://", ""),
    ],
)
def test_qgis_exclusions_become_hosts_requests_matches(entry: str, host: str) -> None:
    assert no_proxy_hosts([entry]) == host


@pytest.mark.parametrize(
    ("url", "bypassed"),
    [
        ("https://geo.exemple.fr/csw", True),
        ("http://10.0.0.1:8080/geoserver/wms", True),
        ("https://data.exemple.fr/api/1/", True),  # under .exemple.fr
        ("http://intranet.local/", True),
        ("https://www.data.gouv.fr/api/1/", False),
        ("http://10.0.0.2:8080/", False),
    ],
)
def test_requests_skips_the_proxy_for_exactly_the_converted_hosts(url: str, bypassed: bool) -> None:
    no_proxy = no_proxy_hosts(
        ["https://geo.exemple.fr/", "http://10.0.0.1:8080", "intranet.local", ".exemple.fr", ""]
    )
    assert no_proxy == "geo.exemple.fr,10.0.0.1,intranet.local,.exemple.fr"
    assert requests.utils.should_bypass_proxies(url, no_proxy=no_proxy) is bypassed
