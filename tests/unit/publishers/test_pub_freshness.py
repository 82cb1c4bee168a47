"""Freshness: a layer's state from its journal entries and its fingerprint now."""

from __future__ import annotations

import json
from pathlib import Path

from plugin.publishers.freshness import (
    CHANGED,
    FAILED_STATE,
    MOVED,
    NEVER,
    UNKNOWN,
    UNVERIFIABLE,
    UNVERIFIABLE_DATA,
    UP_TO_DATE,
    WITHDRAWN,
    Fingerprint,
    data_reusable,
    layer_state,
    metadata_digest,
    moved_from,
    package_reusable,
    same_source,
)
from plugin.publishers.journal import Journal

RID = "https://data.val-exemple.fr/id/haies-2024"
THEN = Fingerprint(data="d1", metadata="m1", style="s1")


def journal_with(tmp_path: Path, *destinations: str, fingerprint: str = THEN.to_json()) -> Journal:
    journal = Journal(tmp_path / "journal.json")
    for number, name in enumerate(destinations):
        journal.record(
            RID,
            name,
            remote_id=f"id-{number}",
            url=f"http://x/{number}",
            fingerprint=fingerprint,
            when=f"2026-12-0{number + 1}T10:00:00+00:00",
        )
    return journal


def test_never_published_and_withdrawn(tmp_path: Path) -> None:
    assert layer_state([], THEN).code == NEVER
    state = layer_state([], THEN, withdrawn_at="2026-12-06T10:00:00+00:00")
    assert (state.code, state.withdrawn_at) == (WITHDRAWN, "2026-12-06T10:00:00+00:00")


def test_same_fingerprint_is_up_to_date_with_its_dates_and_links(tmp_path: Path) -> None:
    journal = journal_with(tmp_path, "catalogue", "portail")
    state = layer_state(journal.entries(RID), THEN)
    assert state.code == UP_TO_DATE and state.changed == []
    assert state.last_published == "2026-12-02T10:00:00+00:00"
    assert [(d.destination, d.url) for d in state.destinations] == [
        ("catalogue", "http://x/0"),
        ("portail", "http://x/1"),
    ]
    assert not state.needs_publication


def test_each_part_that_changed_is_named(tmp_path: Path) -> None:
    entries = journal_with(tmp_path, "catalogue").entries(RID)
    assert layer_state(entries, Fingerprint("d2", "m1", "s1")).changed == ["data"]
    assert layer_state(entries, Fingerprint("d1", "m2", "s1")).changed == ["metadata"]
    both = layer_state(entries, Fingerprint("d1", "m2", "s2"))
    assert (both.code, both.changed, both.needs_publication) == (
        CHANGED,
        ["metadata", "style"],
        True,
    )


def test_a_part_that_cannot_be_told_is_not_a_change(tmp_path: Path) -> None:
    entries = journal_with(tmp_path, "catalogue").entries(RID)
    assert layer_state(entries, Fingerprint("", "m1", "s1")).code == UP_TO_DATE


def test_a_failure_wins_and_keeps_the_fingerprint_of_the_last_success(tmp_path: Path) -> None:
    journal = journal_with(tmp_path, "catalogue", "portail")
    journal.record_failure(RID, "portail", step="portal", error_code="timeout")
    assert journal.entry(RID, "portail").fingerprint == THEN.to_json()
    state = layer_state(Journal(journal.path).entries(RID), Fingerprint("d2", "m1", "s1"))
    assert (state.code, state.changed) == (FAILED_STATE, ["data"])
    assert state.last_published == "2026-12-01T10:00:00+00:00"  # the failed one does not count
    assert state.needs_publication


def test_older_journal_entries_without_fingerprint_are_unknown(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    entry = {"catalogue": {"remote_id": "x", "status": "done"}}
    path.write_text(json.dumps({"version": 1, "layers": {RID: entry}}), encoding="utf-8")
    state = layer_state(Journal(path).entries(RID), THEN)
    assert state.code == UNKNOWN
    assert state.destinations[0].known is False


def test_fingerprint_round_trip_and_unreadable_text() -> None:
    assert Fingerprint.from_json(THEN.to_json()) == THEN
    assert Fingerprint.from_json("") is None
    assert Fingerprint.from_json("{oops") is None
    assert Fingerprint.from_json("[1]") is None


def test_publication_dates_do_not_change_the_metadata_digest() -> None:
    record = {"title": "Haies", "abstract": "Linéaire", "metadata_date": "2026-12-01"}
    republished = dict(record, metadata_date="2026-12-06", revision_date="2026-12-06")
    assert metadata_digest(record) == metadata_digest(republished)
    assert metadata_digest(record) != metadata_digest(dict(record, abstract="Linéaire 2026"))


def test_portal_files_are_reused_only_for_the_same_data_and_export_choices(tmp_path: Path) -> None:
    sent = Fingerprint(data="d1", metadata="m1", style="s1", package="gpkg")
    journal = journal_with(tmp_path, "portail", fingerprint=sent.to_json())
    entry = journal.entry(RID, "portail")
    assert package_reusable(entry, Fingerprint("d1", "m2", "s2", "gpkg"))  # metadata, style
    assert not package_reusable(entry, Fingerprint("d2", "m1", "s1", "gpkg"))  # data changed
    assert not package_reusable(entry, Fingerprint("d1", "m1", "s1", "gpkg+csv"))  # choices
    assert not package_reusable(entry, Fingerprint("", "m1", "s1", "gpkg"))  # cannot tell
    assert not package_reusable(None, sent)  # never published there
    # A map server keeps its data whatever the portal's export choices.
    assert data_reusable(entry, Fingerprint("d1", "m2", "s2", "gpkg+csv"))
    assert not data_reusable(entry, Fingerprint("d2", "m1", "s1", "gpkg"))
    assert not data_reusable(None, sent)
    journal.record_failure(RID, "portail", step="portal", error_code="timeout")
    assert not package_reusable(journal.entry(RID, "portail"), sent)  # last attempt failed
    older = journal_with(tmp_path / "old", "portail")  # fingerprint without export choices
    assert not package_reusable(older.entry(RID, "portail"), sent)


def test_a_moved_source_wins_and_names_both_sources(tmp_path: Path) -> None:
    then = Fingerprint("d1", "m1", "s1", source="./donnees/haies.gpkg|layername=haies")
    journal = journal_with(tmp_path, "catalogue", "portail", fingerprint=then.to_json())
    journal.record_failure(RID, "portail", step="portal", error_code="timeout")
    moved = Fingerprint("d1", "m1", "s1", source="./donnees/haies_2024.gpkg|layername=haies")
    state = layer_state(journal.entries(RID), moved)
    assert (state.code, state.moved_from, state.source, state.needs_publication) == (
        MOVED,
        "./donnees/haies.gpkg|layername=haies",
        "./donnees/haies_2024.gpkg|layername=haies",
        True,
    )
    # Unknown on either side (older journals, web services) is not a move.
    assert layer_state(journal.entries(RID), Fingerprint("d1", "m1", "s1")).code == FAILED_STATE
    old = journal_with(tmp_path / "old", "catalogue")
    assert layer_state(old.entries(RID), moved).code == UP_TO_DATE


def test_one_publication_from_the_source_now_is_enough(tmp_path: Path) -> None:
    """Updated with the new source on one destination (the other failed, or is no longer
    used): no longer moved; moved again, the newest publication's source is named."""
    journal = Journal(tmp_path / "journal.json")
    for name, source, when in (
        ("catalogue", "postgres://sig/public.haies", "2026-12-01T10:00:00+00:00"),
        ("portail", "postgres://sig/public.haies_2024", "2026-12-02T10:00:00+00:00"),
    ):
        fingerprint = Fingerprint("d1", "m1", "s1", source=source).to_json()
        journal.record(RID, name, remote_id="x", fingerprint=fingerprint, when=when)
    now = Fingerprint("d1", "m1", "s1", source="postgres://sig/public.haies_2024")
    assert moved_from(journal.entries(RID), now.source) == ""
    journal.record_failure(RID, "portail", step="portal", error_code="timeout")
    assert moved_from(journal.entries(RID), now.source) == ""
    assert moved_from(journal.entries(RID), "postgres://sig/public.haies_2025") == (
        "postgres://sig/public.haies_2024"
    )


def test_a_relative_path_matches_the_absolute_one_it_ends() -> None:
    """Published before the project was saved beside its data, then saved: not a move."""
    assert same_source("/home/sig/projet/donnees/a.gpkg", "./donnees/a.gpkg")
    assert same_source("./donnees/a.gpkg", "/home/sig/projet/donnees/a.gpkg")
    assert not same_source("/home/sig/projet/donnees/a.gpkg", "./donnees/b.gpkg")
    assert not same_source("./donnees/a.gpkg", "./autres/a.gpkg")


def test_data_only_a_download_could_tell_is_not_verifiable_and_never_keeps_files(
    tmp_path: Path,
) -> None:
    web = Fingerprint(UNVERIFIABLE_DATA, "m1", "s1", package="p1")
    journal = journal_with(tmp_path, "portail", fingerprint=web.to_json())
    state = layer_state(journal.entries(RID), web)
    assert (state.code, state.changed, state.needs_publication) == (UNVERIFIABLE, [], False)
    # Metadata or style changes still show; the data part is never « changed » nor « same ».
    assert layer_state(
        journal.entries(RID), Fingerprint(UNVERIFIABLE_DATA, "m2", "s1")
    ).changed == ["metadata"]
    assert layer_state(journal.entries(RID), Fingerprint("d1", "m1", "s1")).code == UP_TO_DATE
    assert not package_reusable(journal.entry(RID, "portail"), web)
