"""udata publisher cases a real server cannot produce on demand (429, 413, a licence silently
changed), through the FAKE scripted transport (tests/fakes/scripted_http.py); and the streamed
multipart body, parsed back with the standard library's MIME parser."""

from __future__ import annotations

import email.parser
import email.policy
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from plugin.publishers.multipart import MultipartFileBody
from plugin.publishers.udata import UdataPublisher, api_root, portal_frequency, same_second_wait
from tests.fakes.scripted_http import Reply, scripted_session

KEY = "udata_secret-key-123456"
LICENCES = json.dumps([{"id": "lov2"}, {"id": "notspecified"}]).encode()
PAYLOAD = {"dataset": {"title": "Haies", "description": "d", "license": "lov2"}}


def _json(status: int, data: Any, **headers: str) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"Content-Type": "application/json", **headers})


def _parts(body: bytes, content_type: str) -> dict[str, tuple[str, bytes]]:
    """Form parts of a multipart body: name → (filename, bytes)."""
    raw = f"Content-Type: {content_type}\r\n\r\n".encode() + body
    message_ = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    return {
        part.get_param("name", header="content-disposition"): (
            part.get_filename() or "",
            part.get_payload(decode=True),
        )
        for part in message_.iter_parts()
    }


def _publisher(answers: list[Any], **options: Any) -> tuple[UdataPublisher, Any]:
    session, adapter = scripted_session(answers, headers={"X-API-KEY": KEY})
    publisher = UdataPublisher(
        "https://portail.example.fr",
        session,
        timeout=5,
        retry=RetryPolicy(attempts=3, backoff=0.0),
        options=options,
    )
    publisher.http._sleep = lambda seconds: None
    return publisher, adapter


def test_multipart_body_streams_a_byte_range(tmp_path: Path) -> None:
    """Fields and the file range, exactly; Content-Length = len; rewind gives the same bytes."""
    path = tmp_path / "données.csv"
    path.write_bytes(bytes(range(256)) * 40)
    seen: list[int] = []
    body = MultipartFileBody(
        {"uuid": "u1", "partindex": 1},
        "file",
        path,
        path.name,
        offset=1000,
        length=5000,
        on_bytes=seen.append,
    )
    first = body.read()
    body.rewind()
    second = b"".join(body)
    assert first == second and len(first) == len(body)
    parts = _parts(first, body.content_type)
    assert parts["uuid"] == ("", b"u1") and parts["partindex"] == ("", b"1")
    assert parts["file"] == ("données.csv", path.read_bytes()[1000:6000])
    assert seen[-1] == 5000
    with pytest.raises(ValueError):
        MultipartFileBody({}, "file", path, "x", offset=9000, length=5000)


def test_upload_retried_after_429_sends_the_whole_body_again(tmp_path: Path) -> None:
    """A 429 on a streamed upload: the retry carries every byte again (body rewound)."""
    path = tmp_path / "haies.csv"
    path.write_bytes(b"id;nom\n" * 500)
    bodies: list[bytes] = []

    def reading(status: int, data: Any) -> Any:
        def answer(request: requests.PreparedRequest) -> Reply:
            bodies.append(request.body.read())  # type: ignore[union-attr]
            return _json(status, data)

        return answer

    publisher, _ = _publisher(
        [reading(429, {"message": "slow down"}), reading(201, {"id": "r1", "url": "u"})]
    )
    resource = publisher.upload_file("https://portail.example.fr/api/1/datasets/d/upload/", path)
    assert resource["id"] == "r1"
    assert len(bodies) == 2 and bodies[0] == bodies[1]
    assert (
        _parts(bodies[1], "multipart/form-data; boundary=" + bodies[1][2:34].decode())["file"][1]
        == path.read_bytes()
    )


def test_frequency_fitted_to_what_the_portal_offers() -> None:
    """udata 10 has no `notPlanned`: the nearest word it offers, or the field left out."""
    udata17 = ["unknown", "punctual", "annual", "irregular", "notPlanned"]
    udata10 = ["unknown", "punctual", "annual", "irregular"]
    assert portal_frequency("notPlanned", udata17) == "notPlanned"
    assert portal_frequency("notPlanned", udata10) == "punctual"
    assert portal_frequency("notPlanned", ["unknown"]) == "unknown"
    assert portal_frequency("annual", udata10) == "annual"
    assert portal_frequency("hourly", ["annual"]) is None
    assert portal_frequency("", udata10) is None


def test_publish_sends_the_portals_frequency() -> None:
    """The frequencies are read once, and the dataset is created with the fitted one."""
    publisher, adapter = _publisher(
        [
            _json(200, [{"id": "lov2"}]),
            _json(200, [{"id": "unknown"}, {"id": "punctual"}]),
            _json(201, {"id": "d1", "license": "lov2", "resources": []}),
            _json(200, {"id": "d1", "license": "lov2", "private": False, "page": "p"}),
        ]
    )
    payload = {"dataset": {**PAYLOAD["dataset"], "frequency": "notPlanned"}}
    result = publisher.publish(payload)
    assert result.url == "p"
    assert adapter.sent[1].url.endswith("/datasets/frequencies/")
    assert json.loads(adapter.sent[2].body)["frequency"] == "punctual"
    assert json.loads(adapter.sent[3].body)["frequency"] == "punctual"


def test_licence_silently_changed_is_an_error_and_the_draft_is_removed() -> None:
    """udata answered 201 but stored `notspecified`: error, and the private draft deleted."""
    publisher, adapter = _publisher(
        [
            _json(200, [{"id": "lov2"}]),
            _json(201, {"id": "d1", "license": "notspecified", "resources": []}),
            Reply(204),
        ]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish(PAYLOAD)
    assert caught.value.code == "licence_rejected"
    assert "lov2" in message(caught.value, "fr") and "notspecified" in message(caught.value)
    assert [r.method for r in adapter.sent] == ["GET", "POST", "DELETE"]
    assert json.loads(adapter.sent[1].body)["private"] is True


def test_validation_errors_are_shown_field_by_field() -> None:
    """A 400 with udata's field errors: the fields are in the French sentence, not the key."""
    publisher, _ = _publisher(
        [
            _json(200, [{"id": "lov2"}]),
            _json(
                400,
                {
                    "errors": {"tags": ['Le mot-clé "ab" doit avoir entre 3 et 96 caractères.']},
                    "message": "Validation error",
                },
            ),
        ]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish(PAYLOAD)
    text = message(caught.value, "fr")
    assert caught.value.code == "bad_request" and "tags" in text and "ab" in text
    assert KEY not in text and KEY not in repr(caught.value)


@pytest.mark.parametrize(
    ("status", "code"),
    [(401, "portal_bad_token"), (403, "forbidden"), (413, "too_large"), (500, "server_error")],
)
def test_http_failures_are_coded(status: int, code: str, tmp_path: Path) -> None:
    """401, 403, 413 and 5xx on an upload: a coded error, never a success."""
    path = tmp_path / "haies.csv"
    path.write_bytes(b"x" * 100)
    publisher, _ = _publisher([_json(status, {"message": "no"})])
    with pytest.raises(PublishError) as caught:
        publisher.upload_file("https://portail.example.fr/api/1/datasets/d/upload/", path)
    assert caught.value.code == code


def test_chunked_upload_protocol(tmp_path: Path) -> None:
    """Above the threshold: parts with uuid/partindex/offset/size, then the assembling POST."""
    path = tmp_path / "gros.geojson"
    path.write_bytes(b"a" * 2500)
    forms: list[dict[str, Any]] = []

    def part(request: requests.PreparedRequest) -> Reply:
        body = request.body.read()  # type: ignore[union-attr]
        parts = _parts(body, request.headers["Content-Type"])
        forms.append({k: v[1] for k, v in parts.items()})
        return _json(200, {"success": True})

    publisher, adapter = _publisher(
        [part, part, part, _json(201, {"id": "r9"})], chunk_threshold=1000, chunk_size=1000
    )
    resource = publisher.upload_file("https://portail.example.fr/api/1/datasets/d/upload/", path)
    assert resource["id"] == "r9"
    assert [f["partindex"] for f in forms] == [b"0", b"1", b"2"]
    assert [f["partbyteoffset"] for f in forms] == [b"0", b"1000", b"2000"]
    assert [f["chunksize"] for f in forms] == [b"1000", b"1000", b"500"]
    assert [len(f["file"]) for f in forms] == [1000, 1000, 500]
    assert len({f["uuid"] for f in forms}) == 1
    final = dict(x.split("=") for x in adapter.sent[-1].body.split("&"))
    assert final["totalparts"] == "3" and final["filename"] == "gros.geojson"


def test_failed_chunk_is_an_error(tmp_path: Path) -> None:
    """udata's {"success": false} answer to a part stops the upload with its reason."""
    path = tmp_path / "gros.csv"
    path.write_bytes(b"a" * 2000)
    publisher, _ = _publisher(
        [_json(200, {"success": False, "error": "Chunk size mismatch"})],
        chunk_threshold=1000,
        chunk_size=1000,
    )
    with pytest.raises(PublishError) as caught:
        publisher.upload_file("https://portail.example.fr/api/1/datasets/d/upload/", path)
    assert caught.value.code == "upload_failed"
    assert "Chunk size mismatch" in message(caught.value, "fr")


def test_missing_dataset_on_republish() -> None:
    """The journal's dataset is gone (410): a clear error, no duplicate created."""
    publisher, adapter = _publisher([_json(200, [{"id": "lov2"}]), _json(410, {"message": "x"})])
    with pytest.raises(PublishError) as caught:
        publisher.publish(PAYLOAD, remote_id="d1")
    assert caught.value.code == "portal_dataset_missing"
    assert all(r.method == "GET" for r in adapter.sent)


def test_same_second_wait_and_api_root() -> None:
    """Wait only when the file was stored less than ~1 s ago; API root from any address."""
    now = datetime(2026, 1, 1, 12, 0, 0, 500000, tzinfo=timezone.utc)
    recent = {"last_modified": (now - timedelta(seconds=0.3)).isoformat()}
    old = {"last_modified": (now - timedelta(seconds=5)).isoformat()}
    assert 0.7 < same_second_wait(recent, now) <= 0.8
    assert same_second_wait(old, now) == 0.0
    assert same_second_wait({}, now) == 0.0
    assert api_root("https://www.data.gouv.fr/") == "https://www.data.gouv.fr/api/1"
    assert api_root("https://demo.data.gouv.fr/api/1/") == "https://demo.data.gouv.fr/api/1"


IDENTIFIED = {
    "dataset": {
        "title": "Haies",
        "description": "d",
        "license": "lov2",
        "organization": "org-1",
        "extras": {"inspire:identifier": "https://data.example.fr/id/haies"},
    }
}


def _listed(*datasets: dict[str, Any], total: int | None = None) -> Reply:
    return _json(200, {"data": list(datasets), "total": total or len(datasets)})


def test_without_journal_the_dataset_is_found_by_its_identifier() -> None:
    """Nothing in the journal: the organisation's datasets are paged through (no full-text
    search) and the one carrying our identifier is updated, not duplicated."""
    ours = {"id": "d1", "extras": IDENTIFIED["dataset"]["extras"], "resources": []}
    others = [{"id": f"x{n}", "extras": {}} for n in range(100)]
    deleted = {"id": "old", "extras": ours["extras"], "deleted": "2026-01-01T00:00:00"}
    public = {**ours, "license": "lov2", "private": False, "page": "https://p/d1"}
    publisher, adapter = _publisher(
        [
            _json(200, [{"id": "lov2"}]),
            _listed(*others, total=102),
            _listed(deleted, ours, total=102),
            _json(200, {**ours, "license": "lov2"}),  # find before the update
            _json(200, {**ours, "license": "lov2"}),  # PUT
            _json(200, public),
        ]
    )
    result = publisher.publish(IDENTIFIED)
    assert (result.action, result.remote_id) == ("updated", "d1")
    listing = [r for r in adapter.sent if "/organizations/org-1/datasets/" in r.url]
    assert [parse_qs(urlsplit(r.url).query)["page"] for r in listing] == [["1"], ["2"]]
    assert not any("q=" in (urlsplit(r.url).query or "") for r in adapter.sent)
    assert [r.method for r in adapter.sent if "/datasets/d1/" in r.url] == ["GET", "PUT", "PUT"]


def test_two_datasets_with_our_identifier_are_named_and_nothing_is_created() -> None:
    extras = IDENTIFIED["dataset"]["extras"]
    publisher, adapter = _publisher(
        [
            _json(200, [{"id": "lov2"}]),
            _listed(
                {"id": "d1", "extras": extras, "page": "https://p/fr/datasets/haies/"},
                {"id": "d2", "extras": extras, "page": "https://p/fr/datasets/haies-1/"},
            ),
        ]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish(IDENTIFIED)
    text = message(caught.value, "fr")
    assert caught.value.code == "portal_duplicates"
    assert (
        "d1 (https://p/fr/datasets/haies/)" in text
        and "d2 (https://p/fr/datasets/haies-1/)" in text
    )
    assert all(r.method == "GET" for r in adapter.sent)


def test_without_organisation_the_accounts_own_datasets_are_searched() -> None:
    payload = {"dataset": {k: v for k, v in IDENTIFIED["dataset"].items() if k != "organization"}}
    created = {"id": "n1", "license": "lov2", "resources": []}
    publisher, adapter = _publisher(
        [
            _json(200, [{"id": "lov2"}]),
            _json(200, [{"id": "x", "extras": {}}]),
            _json(201, created),
            _json(200, {**created, "private": False}),
        ]
    )
    assert publisher.publish(payload).action == "created"
    assert urlsplit(adapter.sent[1].url).path == "/api/1/me/datasets/"


def test_updates_replace_the_spatial_coverage_kind() -> None:
    """A dataset first published with its footprint, then with zones: udata refuses both
    together, so the update empties the geometry (and the reverse)."""
    from plugin.publishers.udata import replacing_spatial

    zones = replacing_spatial({"spatial": {"zones": ["fr:commune:44109"]}})
    assert zones["spatial"] == {"zones": ["fr:commune:44109"], "geom": None}
    geom = replacing_spatial({"spatial": {"geom": {"type": "MultiPolygon"}}})
    assert geom["spatial"]["zones"] == []
    assert replacing_spatial({"title": "t"}) == {"title": "t"}
