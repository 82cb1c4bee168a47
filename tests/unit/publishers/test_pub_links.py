"""The link step: the catalogue record gets the links the other steps published, as its own
step (failed and retried alone, from the journal)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import requests

from plugin.core.model import OnlineResource
from plugin.core.online_links import download_link, page_link
from plugin.publishers.base import CREATED, CataloguePublisher, PublishResult
from plugin.publishers.errors import PublishError
from plugin.publishers.journal import Journal
from plugin.publishers.pipeline import LinkStep, Step, failed_destinations, run_steps


class MemoryCatalogue(CataloguePublisher):
    """An in-memory catalogue (no server): keeps the last record sent; can be made to fail."""

    kind = "memory"

    def __init__(self) -> None:
        super().__init__("https://catalogue.exemple.fr/csw", requests.Session(), name="Catalogue")
        self.records: dict[str, bytes] = {}
        self.down = False

    def publish(self, record_xml: bytes, identifier: str, *, thumbnail=None) -> PublishResult:
        if self.down:
            raise PublishError("unreachable", {"server": self.name, "detail": "-"})
        self.records[identifier] = record_xml
        return PublishResult("updated", identifier, self.record_url(identifier), self.name)

    def get_record(self, identifier: str) -> Optional[bytes]:
        return self.records.get(identifier)

    def record_url(self, identifier: str) -> str:
        return f"{self.url}?id={identifier}"

    def test_connection(self) -> dict[str, Any]:
        return {}

    def delete(self, identifier: str) -> None:
        self.records.pop(identifier, None)


class PortalLike(Step):
    """A step that publishes a page and a file, as the portal publishers do."""

    role = "portal"

    def run(self, previous_remote_id, context):
        links = [
            page_link("https://portail.exemple.fr/datasets/bornes/", "Jeu de données"),
            download_link("https://portail.exemple.fr/fs/bornes.gpkg", "Bornes — GeoPackage"),
        ]
        details = {"online_resources": links}
        return PublishResult(CREATED, "d1", links[0]["url"], self.destination, details), "h"


def _xml_for(links: list[OnlineResource]) -> bytes:
    return "\n".join(f"{link.function} {link.url}" for link in links).encode()


def test_links_reach_the_record_and_a_failed_update_is_retried_alone(tmp_path: Path) -> None:
    catalogue = MemoryCatalogue()
    journal = Journal(tmp_path / "journal.json")
    portal = PortalLike("Portail")
    link = LinkStep(catalogue, _xml_for, "rec-1", ["Portail"])
    catalogue.down = True

    first = run_steps([portal, link], journal, "urn:x", "Bornes")

    assert [(s.role, s.status) for s in first.steps] == [("portal", "done"), ("links", "failed")]
    assert failed_destinations(journal, "urn:x") == {"Catalogue — liens"}
    catalogue.down = False
    context = {"online_resources": {"Portail": journal_links(journal)}}

    retry = run_steps([link], journal, "urn:x", "Bornes", context=context)

    assert [(s.destination, s.status, s.action) for s in retry.steps] == [
        ("Catalogue — liens", "done", "updated")
    ]
    assert catalogue.records["rec-1"].decode().splitlines() == [
        "information https://portail.exemple.fr/datasets/bornes/",
        "download https://portail.exemple.fr/fs/bornes.gpkg",
    ]


def journal_links(journal: Journal) -> list[dict[str, Any]]:
    from plugin.publishers.pipeline import journalled_links

    return journalled_links(journal, "urn:x")["Portail"]


def test_nothing_to_link_leaves_the_record_alone(tmp_path: Path) -> None:
    catalogue = MemoryCatalogue()
    link = LinkStep(catalogue, _xml_for, "rec-1", ["Portail"])
    report = run_steps([link], Journal(tmp_path / "j.json"), "urn:x", "Bornes")
    assert (report.steps[0].status, report.steps[0].action) == ("done", "unchanged")
    assert catalogue.records == {}


def test_record_page_template_gives_the_page_people_read() -> None:
    from plugin.publishers.connections import connection_from_json
    from plugin.publishers.csw import CswPublisher
    from plugin.publishers.errors import ConfigError
    from plugin.publishers.geonetwork import GeoNetworkPublisher

    session = requests.Session()
    geonetwork = GeoNetworkPublisher("https://geo.exemple.fr/geonetwork", session)
    assert geonetwork.record_page("a b") == (
        "https://geo.exemple.fr/geonetwork/srv/fre/catalog.search#/metadata/a%20b"
    )
    assert geonetwork.record_url("ab").endswith("/srv/api/records/ab/formatters/xml")
    csw = CswPublisher("https://geo.exemple.fr/csw", session)
    assert csw.record_page("ab") == csw.record_url("ab")  # no page of its own: machine link
    page = "https://geo.exemple.fr/fiche/{uuid}"
    csw = CswPublisher("https://geo.exemple.fr/csw", session, options={"record_page": page})
    assert csw.record_page("ab/1") == "https://geo.exemple.fr/fiche/ab%2F1"
    raw = {"name": "Géo", "type": "csw", "url": "https://geo.exemple.fr/csw"}
    assert connection_from_json({**raw, "options": {"record_page": page}}).options
    for bad in ("https://geo.exemple.fr/fiche/", "fiche/{uuid}"):
        try:
            connection_from_json({**raw, "options": {"record_page": bad}})
        except ConfigError as error:
            assert error.code in ("conn_bad_field", "conn_bad_url")
        else:
            raise AssertionError(bad)


def test_no_links_written_over_a_record_the_record_step_refused(tmp_path: Path) -> None:
    """The record step failed (e.g. the record was edited in the catalogue meanwhile): the
    link step leaves the catalogue's record alone, and reruns when the record step does."""
    from plugin.publishers.pipeline import CatalogueStep

    catalogue = MemoryCatalogue()
    catalogue.down = True
    record_step = CatalogueStep(catalogue, b"<record/>", "rec-1")
    link = LinkStep(catalogue, _xml_for, "rec-1", ["Catalogue", "Portail"])
    steps = [record_step, PortalLike("Portail"), link]
    report = run_steps(steps, Journal(tmp_path / "j.json"), "urn:x", "Bornes")
    catalogue.down = False  # only the record step saw the failure
    assert [(s.role, s.status) for s in report.steps] == [
        ("catalogue", "failed"),
        ("portal", "done"),
        ("links", "done"),
    ]
    assert report.steps[2].details == {"record_step_failed": True}
    assert catalogue.records == {}
