"""The publication steps and the journal: a renamed connection, a dataset deleted on the portal.

The portal here is an in-memory FAKE (``MemoryPortal``) following the DataPublisher contract;
the same paths run against the real udata and CKAN in tests/integration/test_republish_anywhere.py.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Optional

import requests

from plugin.core.iso19139_writer import write
from plugin.core.model import Record
from plugin.publishers.base import CREATED, UPDATED, DataPublisher, PublishResult
from plugin.publishers.errors import PublishError
from plugin.publishers.journal import Journal
from plugin.publishers.pipeline import PortalStep, run_steps
from plugin.publishers.remote_guard import GuardedCatalogueStep, PublishedStore
from tests.unit.publishers.test_pub_links import MemoryCatalogue

RID = "https://data.example.fr/id/haies"


class MemoryPortal(DataPublisher):
    """FAKE portal keeping datasets in a dict; answers as the real publishers do."""

    kind = "memory"
    numbers = itertools.count(1)

    def __init__(self, name: str, datasets: dict[str, dict]) -> None:
        super().__init__("https://portail.example.fr/api/1/", requests.Session(), name=name)
        self.datasets = datasets

    def test_connection(self) -> dict[str, Any]:
        return {}

    def find(self, identifier: str) -> Optional[dict]:
        return self.datasets.get(identifier)

    def delete(self, identifier: str) -> None:
        self.datasets.pop(identifier)

    def publish(self, payload, files=(), *, remote_id: Optional[str] = None) -> PublishResult:
        if remote_id and remote_id not in self.datasets:
            raise PublishError("portal_dataset_missing", {"server": "p", "dataset": remote_id})
        dataset_id = remote_id or f"d{next(self.numbers)}"
        self.datasets[dataset_id] = dict(payload)
        return PublishResult(
            UPDATED if remote_id else CREATED, dataset_id, f"https://p/{dataset_id}"
        )


def _run(journal: Journal, portal: MemoryPortal, **options: Any):
    step = PortalStep(portal, lambda url: {"title": "Haies"})
    return run_steps([step], journal, RID, "Haies", **options).steps[0]


def test_a_renamed_connection_updates_the_same_dataset(tmp_path: Path) -> None:
    datasets: dict[str, dict] = {}
    journal = Journal(tmp_path / "j.json")
    first = _run(journal, MemoryPortal("Portail", datasets))
    again = _run(journal, MemoryPortal("Open data de l'agglo", datasets))
    assert (again.action, again.remote_id) == ("updated", first.remote_id)
    assert list(datasets) == [first.remote_id]
    assert [e.destination for e in Journal(tmp_path / "j.json").entries(RID)] == [
        "Open data de l'agglo"
    ]


def test_a_deleted_dataset_is_reported_then_published_afresh_on_request(tmp_path: Path) -> None:
    datasets: dict[str, dict] = {}
    journal = Journal(tmp_path / "j.json")
    gone = _run(journal, MemoryPortal("Portail", datasets)).remote_id
    datasets.clear()

    refused = _run(journal, MemoryPortal("Portail", datasets))
    assert (refused.status, refused.error_code) == ("failed", "portal_dataset_missing")
    assert datasets == {}
    assert journal.entry(RID, "Portail").error_code == "portal_dataset_missing"

    afresh = _run(journal, MemoryPortal("Portail", datasets), recreate_missing=True)
    assert (afresh.status, afresh.action) == ("done", "created")
    assert afresh.details["replaces_missing"] == gone != afresh.remote_id
    assert list(datasets) == [afresh.remote_id]
    entry = Journal(tmp_path / "j.json").entry(RID, "Portail")
    assert (entry.status, entry.remote_id, entry.error_code) == ("done", afresh.remote_id, "")


def _catalogue_step(tmp_path: Path, catalogue) -> GuardedCatalogueStep:
    record = Record(title="Haies", file_identifier="rec-haies")
    return GuardedCatalogueStep(
        catalogue, record, write, PublishedStore(tmp_path / "sent"), RID
    )


def test_a_record_gone_from_the_catalogue_is_not_recreated_unasked(tmp_path: Path) -> None:
    """The journal says published; the catalogue no longer has it: the step stops and says so,
    nothing is inserted; « Publier à neuf » (recreate_missing) inserts it again, same id."""
    catalogue = MemoryCatalogue()
    journal = Journal(tmp_path / "j.json")
    run_steps([_catalogue_step(tmp_path, catalogue)], journal, RID, "Haies")
    catalogue.records.clear()  # the catalogue's administrator deleted it

    refused = run_steps([_catalogue_step(tmp_path, catalogue)], journal, RID, "Haies").steps[0]
    assert (refused.status, refused.error_code) == ("failed", "catalogue_record_missing")
    assert "rec-haies" in refused.message_fr and "Publier à neuf" in refused.message_fr
    assert catalogue.records == {}

    again = run_steps(
        [_catalogue_step(tmp_path, catalogue)], journal, RID, "Haies", recreate_missing=True
    ).steps[0]
    assert again.status == "done" and list(catalogue.records) == ["rec-haies"]
    assert journal.entry(RID, "Catalogue").status == "done"


def test_a_connection_pointed_at_another_catalogue_publishes_there_first_time(
    tmp_path: Path,
) -> None:
    """Same connection name, new address (the region moved its catalogue): nothing there is
    « missing », the record is simply published to the new catalogue."""
    journal = Journal(tmp_path / "j.json")
    run_steps([_catalogue_step(tmp_path, MemoryCatalogue())], journal, RID, "Haies")
    moved = MemoryCatalogue()
    moved.url = "https://nouveau-catalogue.exemple.fr/csw"
    outcome = run_steps([_catalogue_step(tmp_path, moved)], journal, RID, "Haies").steps[0]
    assert outcome.status == "done" and list(moved.records) == ["rec-haies"]
