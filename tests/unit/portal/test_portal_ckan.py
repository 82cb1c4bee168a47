"""CKAN publisher against the FAKE scripted transport (tests/fakes/scripted_http.py), answering
as CKAN 2.12's action API does (``{"success", "result"|"error"}``, 409 for validation errors).
The real-CKAN integration tests wait for the ``ckan_server`` fixture."""

from __future__ import annotations

import email.parser
import email.policy
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from plugin.publishers.ckan import (
    CkanPublisher,
    action_root,
    make_valid_name,
    numbered_name,
    valid_name,
)
from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from tests.fakes.scripted_http import Reply, scripted_session

TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi-secret"
LICENCES = [{"id": "odc-odbl"}, {"id": "other-at"}, {"id": "cc-by"}]
IDENT = {"key": "inspire:identifier", "value": "https://data.example.fr/id/haies-2024"}
PACKAGE = {
    "name": "haies-2024",
    "title": "Haies",
    "notes": "n",
    "license_id": "other-at",
    "owner_org": "demo",
    "tags": [{"name": "haies"}],
    "extras": [IDENT],
}


def _ok(result: Any) -> Reply:
    return Reply(
        200,
        json.dumps({"success": True, "result": result}).encode(),
        {"Content-Type": "application/json"},
    )


def _fail(status: int, error: dict[str, Any]) -> Reply:
    return Reply(
        status,
        json.dumps({"success": False, "error": error}).encode(),
        {"Content-Type": "application/json"},
    )


NOT_FOUND = _fail(404, {"__type": "Not Found Error", "message": "Not found"})
ORGANIZATION = _ok({"id": "org-1", "name": "demo"})
NO_RESULTS = _ok({"count": 0, "results": []})
LOOKUP = [ORGANIZATION, NO_RESULTS]  # the search by identifier in the organisation: nothing


def _publisher(answers: list[Any]) -> tuple[CkanPublisher, Any]:
    session, adapter = scripted_session(answers, headers={"Authorization": TOKEN})
    publisher = CkanPublisher(
        "https://ckan.example.fr/", session, timeout=5, retry=RetryPolicy(attempts=1)
    )
    return publisher, adapter


def _action(request: requests.PreparedRequest) -> str:
    return urlsplit(request.url or "").path.rsplit("/", 1)[-1]


def test_create_private_upload_then_public(tmp_path: Path) -> None:
    """license_list checked, free name found, created private, file streamed, made public."""
    path = tmp_path / "haies.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)
    uploads: list[dict[str, Any]] = []

    def resource_create(request: requests.PreparedRequest) -> Reply:
        raw = (f"Content-Type: {request.headers['Content-Type']}\r\n\r\n").encode()
        mime = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            raw + request.body.read()
        )  # type: ignore[union-attr]
        uploads.append(
            {
                p.get_param("name", header="content-disposition"): p.get_payload(decode=True)
                for p in mime.iter_parts()
            }
        )
        return _ok({"id": "res-1"})

    created = {**PACKAGE, "id": "pkg-1", "private": True, "resources": []}
    publisher, adapter = _publisher(
        [
            _ok(LICENCES),
            NOT_FOUND,
            *LOOKUP,
            NOT_FOUND,
            _ok(created),
            resource_create,
            _ok({**created, "private": False}),
        ]
    )
    result = publisher.publish({"package": PACKAGE}, [path])

    assert [_action(r) for r in adapter.sent] == [
        "license_list",
        "package_show",
        "organization_show",
        "package_search",
        "package_show",
        "package_create",
        "resource_create",
        "package_patch",
    ]
    search = parse_qs(urlsplit(adapter.sent[3].url).query)
    assert search["fq"] == ['owner_org:"org-1"'] and search["include_private"] == ["true"]
    assert json.loads(adapter.sent[5].body)["private"] is True
    assert json.loads(adapter.sent[7].body) == {"id": "pkg-1", "private": False}
    assert uploads[0]["upload"] == path.read_bytes()
    assert uploads[0]["package_id"] == b"pkg-1"
    assert result.action == "created" and result.url == "https://ckan.example.fr/dataset/haies-2024"


def test_name_taken_by_another_dataset_gets_a_suffix() -> None:
    """Another record already owns the name: ``name-2`` is used, never theirs patched."""
    theirs = {**PACKAGE, "id": "x", "extras": [{"key": "inspire:identifier", "value": "other"}]}
    created = {**PACKAGE, "name": "haies-2024-2", "id": "pkg-2", "resources": []}
    publisher, adapter = _publisher(
        [
            _ok(LICENCES),
            _ok(theirs),
            *LOOKUP,
            _ok(theirs),
            NOT_FOUND,
            _ok(created),
            _ok({**created, "private": False}),
        ]
    )
    result = publisher.publish({"package": PACKAGE})
    assert json.loads(adapter.sent[6].body)["name"] == "haies-2024-2"
    assert parse_qs(urlsplit(adapter.sent[5].url).query)["id"] == ["haies-2024-2"]
    assert result.remote_id == "pkg-2"


def test_republish_patches_and_updates_resources_in_place(tmp_path: Path) -> None:
    """With the journal's id: package_patch, and resource_update of the file it holds."""
    path = tmp_path / "haies.gpkg"
    path.write_bytes(b"v2")
    current = {
        **PACKAGE,
        "id": "pkg-1",
        "resources": [{"id": "res-1", "name": "haies.gpkg", "url_type": "upload"}],
    }
    publisher, adapter = _publisher(
        [
            _ok(LICENCES),
            _ok(current),
            _ok(current),
            _ok({"id": "res-1"}),
            _ok({**current, "private": False}),
        ]
    )
    result = publisher.publish({"package": PACKAGE}, [path], remote_id="pkg-1")
    assert [_action(r) for r in adapter.sent][2:4] == ["package_patch", "resource_update"]
    assert "name" not in json.loads(adapter.sent[2].body)
    assert result.action == "updated" and result.details["resources"] == ["res-1"]


def test_unknown_licence_refused_before_any_write() -> None:
    """CKAN stores any license_id: ours is checked against license_list first."""
    publisher, adapter = _publisher([_ok(LICENCES)])
    with pytest.raises(PublishError) as caught:
        publisher.publish({"package": {**PACKAGE, "license_id": "lov2"}})
    assert caught.value.code == "licence_rejected"
    assert len(adapter.sent) == 1


def test_validation_error_names_the_field() -> None:
    """409 Validation Error: the field and CKAN's words reach the user, not the token."""
    publisher, _ = _publisher(
        [
            _ok(LICENCES),
            NOT_FOUND,
            *LOOKUP,
            NOT_FOUND,
            _fail(
                409, {"__type": "Validation Error", "owner_org": ["Organization does not exist"]}
            ),
        ]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish({"package": PACKAGE})
    text = message(caught.value, "fr")
    assert caught.value.code == "bad_request"
    assert "owner_org" in text and "Organization does not exist" in text
    assert TOKEN not in text


def test_no_organisation_for_the_token() -> None:
    """A token that can publish nowhere fails the connection test in plain words."""
    publisher, _ = _publisher([_ok({"name": "publieur"}), _ok([])])
    with pytest.raises(PublishError) as caught:
        publisher.test_connection()
    assert caught.value.code == "portal_no_organization"


def test_unknown_token_is_told_apart_from_missing_rights() -> None:
    """CKAN reads an unknown token as anonymous: 403 on the write, then user_show 404."""
    forbidden = _fail(403, {"__type": "Authorization Error", "message": "Access denied"})
    publisher, adapter = _publisher(
        [_ok(LICENCES), NOT_FOUND, *LOOKUP, NOT_FOUND, forbidden, NOT_FOUND]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish({"package": PACKAGE})
    assert caught.value.code == "portal_bad_token"
    assert [_action(r) for r in adapter.sent][-2:] == ["package_create", "user_show"]
    assert "jeton" in message(caught.value, "fr") and TOKEN not in message(caught.value, "fr")

    publisher, _ = _publisher(
        [_ok(LICENCES), NOT_FOUND, *LOOKUP, NOT_FOUND, forbidden, _ok({"name": "publieur"})]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish({"package": PACKAGE})
    assert caught.value.code == "forbidden"


def test_invalid_names_are_made_valid() -> None:
    """Whatever name the payload brings, CKAN gets lowercase ASCII ``[a-z0-9_-]``, 2-100."""
    assert make_valid_name("Haies Bocagères / 2024") == "haies-bocageres-2024"
    assert make_valid_name("é") == "dataset-e" and make_valid_name("?!") == "dataset"
    assert valid_name(make_valid_name("X" * 300))


def test_names_and_roots() -> None:
    """CKAN name rules and API root from any address."""
    assert valid_name("haies-2024_v2") and not valid_name("Haies") and not valid_name("a")
    assert len(numbered_name("x" * 100, 12)) == 100 and numbered_name("ab", 2) == "ab-2"
    assert action_root("https://ckan.example.fr/api/3/") == "https://ckan.example.fr/api/3/action"


def test_a_renamed_package_is_found_by_its_identifier() -> None:
    """The title (hence the name) changed since: the package with our identifier in the
    organisation is patched, no second one is created."""
    ours = {**PACKAGE, "name": "ancien-nom", "id": "pkg-1", "resources": [], "state": "active"}
    other = {**PACKAGE, "name": "autre", "id": "x", "extras": [], "state": "active"}
    publisher, adapter = _publisher(
        [
            _ok(LICENCES),
            NOT_FOUND,
            ORGANIZATION,
            _ok({"count": 2, "results": [other, ours]}),
            _ok(ours),
            _ok({**ours, "private": False}),
        ]
    )
    result = publisher.publish({"package": PACKAGE})
    assert (result.action, result.remote_id) == ("updated", "pkg-1")
    assert [_action(r) for r in adapter.sent][-2:] == ["package_patch", "package_patch"]
    assert json.loads(adapter.sent[4].body)["id"] == "pkg-1"


def test_two_packages_with_our_identifier_stop_the_publication() -> None:
    first = {**PACKAGE, "name": "haies-2024", "id": "pkg-1", "state": "active"}
    second = {**PACKAGE, "name": "haies-copie", "id": "pkg-2", "state": "active"}
    publisher, adapter = _publisher(
        [_ok(LICENCES), _ok(first), ORGANIZATION, _ok({"count": 2, "results": [first, second]})]
    )
    with pytest.raises(PublishError) as caught:
        publisher.publish({"package": PACKAGE})
    text = message(caught.value, "fr")
    assert caught.value.code == "portal_duplicates"
    assert "https://ckan.example.fr/dataset/haies-2024" in text and "haies-copie" in text
    assert "package_create" not in [_action(r) for r in adapter.sent]
