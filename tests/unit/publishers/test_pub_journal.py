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


def test_a_renamed_connection_finds_its_entry_by_address(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.record(
        RID, "Portail régional", remote_id="65f0", server="https://Data.Region.fr/api/1/"
    )
    assert journal.previous_remote_id(RID, "Open data (nouveau nom)") is None
    found = journal.entry_for(RID, "Open data (nouveau nom)", "https://data.region.fr/api/1")
    assert found is not None and found.destination == "Portail régional"
    assert journal.previous_remote_id(RID, "Autre", "https://data.region.fr/api/1") == "65f0"
    assert journal.entry_for(RID, "Autre", "https://autre.fr/api/1") is None
    assert Journal(tmp_path / "j.json").entry(RID, "Portail régional").server.startswith("https")


def test_the_layer_copy_is_merged_newest_first(tmp_path: Path) -> None:
    """Another machine's copy (kept in the project) fills what this profile does not know."""
    elsewhere = Journal(tmp_path / "other.json")
    elsewhere.record(RID, "udata", remote_id="65f0", when="2026-01-02T00:00:00+00:00")
    elsewhere.record(RID, "csw", remote_id="fr-haies", when="2026-01-01T00:00:00+00:00")
    copy = {e.destination: e.to_json() for e in elsewhere.entries(RID)}

    here = Journal(tmp_path / "j.json")
    here.record(RID, "csw", remote_id="fr-haies", when="2026-03-01T00:00:00+00:00")
    assert here.merge(RID, copy) == ["udata"]
    assert Journal(tmp_path / "j.json").previous_remote_id(RID, "udata") == "65f0"
    assert here.entry(RID, "csw").time.startswith("2026-03-01")
    assert here.merge(RID, copy) == []
    assert here.merge(RID, "damaged") == [] and here.merge(RID, {"x": "y"}) == []


def test_forgotten_publications_are_not_revived_by_an_old_project_copy(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.record(RID, "Bac à sable", remote_id="65f0", server="http://127.0.0.1:7000")
    journal.record(RID, "Catalogue", remote_id="fr-haies", server="http://127.0.0.1:8000/csw")
    journal.record("autre", "Ancien", remote_id="a1", url="http://127.0.0.1:7000/datasets/a1/")
    copy = {e.destination: e.to_json() for e in journal.entries(RID)}

    removed = journal.forget(server="http://127.0.0.1:7000/")
    assert sorted(e.remote_id for e in removed) == ["65f0", "a1"]  # "a1": matched by its URL
    again = Journal(tmp_path / "j.json")
    assert [e.destination for e in again.entries(RID)] == ["Catalogue"]
    assert again.merge(RID, copy) == []
    assert again.forget(destination="catalogue")[0].remote_id == "fr-haies"

    again.record(RID, "Bac à sable", remote_id="65f0")  # published there again
    again.clear(RID, "Bac à sable")  # then withdrawn
    assert Journal(tmp_path / "j.json").merge(RID, copy) == []


def test_a_renamed_catalogue_finds_its_record_and_its_links_apart(tmp_path: Path) -> None:
    """A catalogue's record and its links share the address: each step finds its own."""
    journal = Journal(tmp_path / "journal.json")
    csw = "https://geo.exemple.fr/csw"
    journal.record(RID, "Géocatalogue", remote_id="fr-haies", step="catalogue", server=csw)
    journal.record(RID, "Géocatalogue — liens", remote_id="fr-haies", step="links", server=csw)
    record = journal.entry_for(RID, "Catalogue régional", csw, "catalogue")
    links = journal.entry_for(RID, "Catalogue régional — liens", csw, "links")
    assert (record.destination, links.destination) == ("Géocatalogue", "Géocatalogue — liens")


def test_retry_names_a_renamed_connections_failed_step_as_it_is_now_called(tmp_path: Path) -> None:
    from plugin.publishers.pipeline import failed_destinations

    journal = Journal(tmp_path / "journal.json")
    ows = "http://127.0.0.1:8080/ows"
    journal.record_failure(RID, "Serveur carto", step="mapserver", error_code="x", server=ows)
    journal.record(RID, "Portail", remote_id="65f0", step="portal", server="https://p.fr")
    now = [
        ("mapserver", "Serveur de l'agglo", ows + "/"),
        ("portal", "Portail renommé", "https://p.fr"),  # done: nothing to retry there
    ]
    assert failed_destinations(journal, RID, now) == {"Serveur carto", "Serveur de l'agglo"}
    assert failed_destinations(journal, RID) == {"Serveur carto"}
