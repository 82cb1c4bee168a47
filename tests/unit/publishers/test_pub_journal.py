"""Publication journal: republication id, failures keep the last success, atomic JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugin.publishers.errors import ConfigError
from plugin.publishers.journal import Journal, content_hash

RID = "https://data.val-exemple.fr/id/haies-2024"


def test_record_then_reload_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "profile" / "journal.json"
    journal = Journal(path)
    journal.record(
        RID,
        "GéoCatalogue",
        remote_id="fr-haies",
        url="https://gn/x#/metadata/fr-haies",
        content_hash=content_hash(b"<xml/>"),
        when="2025-01-02T03:04:05+00:00",
    )
    again = Journal(path)
    entry = again.entry(RID, "GéoCatalogue")
    assert entry is not None
    assert (entry.remote_id, entry.status, entry.time) == (
        "fr-haies",
        "done",
        "2025-01-02T03:04:05+00:00",
    )
    assert again.previous_remote_id(RID, "GéoCatalogue") == "fr-haies"
    assert again.previous_remote_id(RID, "udata") is None
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert not list(path.parent.glob(".journal-*"))


def test_a_failure_keeps_what_the_last_success_recorded(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.record(
        RID, "udata", remote_id="65f0", url="https://portal/ds/65f0", content_hash="sha256:aa"
    )
    journal.record_failure(RID, "udata", step="portal.upload", error_code="rate_limited")
    entry = Journal(tmp_path / "j.json").entry(RID, "udata")
    assert (entry.status, entry.remote_id, entry.url, entry.error_code) == (
        "failed",
        "65f0",
        "https://portal/ds/65f0",
        "rate_limited",
    )
    assert journal.previous_remote_id(RID, "udata") == "65f0"
    assert not journal.is_unchanged(RID, "udata", "sha256:aa")


def test_a_first_failure_keeps_the_object_it_already_created(tmp_path: Path) -> None:
    """A dataset created before the failure is remembered; an id recorded earlier wins."""
    journal = Journal(tmp_path / "j.json")
    journal.record_failure(RID, "udata", step="portal", error_code="bad_request", remote_id="6b0f")
    entry = Journal(tmp_path / "j.json").entry(RID, "udata")
    assert (entry.status, entry.remote_id, entry.url) == ("failed", "6b0f", "")
    assert journal.previous_remote_id(RID, "udata") == "6b0f"

    journal.record(RID, "ckan", remote_id="pkg-1", url="https://portal/dataset/pkg-1")
    journal.record_failure(RID, "ckan", step="portal", error_code="cancelled", remote_id="other")
    assert journal.previous_remote_id(RID, "ckan") == "pkg-1"


def test_failed_steps_and_clear(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.record(RID, "catalogue", remote_id="r1")
    journal.record_failure(RID, "geoserver", step="layer.style", error_code="server_error")
    journal.record_failure("other-layer", "udata", step="portal.create", error_code="auth")
    assert [(e.resource_id, e.destination) for e in journal.failed_steps()] == [
        (RID, "geoserver"),
        ("other-layer", "udata"),
    ]
    assert [e.destination for e in journal.failed_steps(RID)] == ["geoserver"]
    journal.clear(RID, "catalogue")
    assert journal.entry(RID, "catalogue") is None
    assert [e.destination for e in Journal(tmp_path / "j.json").entries(RID)] == ["geoserver"]
    journal.clear(RID)
    assert Journal(tmp_path / "j.json").entries(RID) == []


def test_forget_destinations_after_a_sandbox_reset(tmp_path: Path) -> None:
    """Entries of the emptied servers go, for every layer; others stay, on disk too."""
    journal = Journal(tmp_path / "j.json")
    journal.record(RID, "Catalogue bac à sable", remote_id="r1")
    journal.record_failure(RID, "Portail bac à sable", step="portal.create", error_code="auth")
    journal.record(RID, "Géoportail régional", remote_id="r2")
    journal.record("other-layer", "Portail bac à sable", remote_id="d9")

    forgotten = journal.forget_destinations(["Catalogue bac à sable", "Portail bac à sable"])

    assert forgotten == 3
    reloaded = Journal(tmp_path / "j.json")
    assert [e.destination for e in reloaded.entries(RID)] == ["Géoportail régional"]
    assert reloaded.entries("other-layer") == []
    assert reloaded.forget_destinations(["Portail bac à sable"]) == 0


def test_unchanged_content_is_detected(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.record(RID, "catalogue", remote_id="r1", content_hash=content_hash(b"v1"))
    assert journal.is_unchanged(RID, "catalogue", content_hash(b"v1"))
    assert not journal.is_unchanged(RID, "catalogue", content_hash(b"v2"))


def test_urls_are_stored_without_credentials(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.record(RID, "csw", remote_id="r", url="https://bob:pw123@geo.fr/csw?api_key=K3Y")
    text = (tmp_path / "j.json").read_text(encoding="utf-8")
    assert "pw123" not in text and "K3Y" not in text and "geo.fr/csw" in text


def test_a_corrupt_journal_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    path.write_text('{"layers": {"x": ', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Journal(path)
    assert err.value.code == "journal_corrupt"
    assert path.read_text(encoding="utf-8") == '{"layers": {"x": '
