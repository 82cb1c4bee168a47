"""CSW-T publisher against the REAL pycsw 2.6.2 (own venv, SQLite, 127.0.0.1).

The catalogue is the sandbox's ``PycswServer`` (fixture ``pycsw_server``, which installs its
venv); the "server stopped mid-run" test starts its own instance of the same class, so that
stopping it leaves the shared one alone. Records are read back with OWSLib's
``owslib.iso.MD_Metadata`` and compared element by element.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Optional

import pytest
import requests
from lxml import etree
from owslib.iso import MD_Metadata

from plugin.publishers.csw import CswPublisher
from plugin.publishers.errors import PublishError
from plugin.publishers.http import RetryPolicy
from plugin.publishers.journal import Journal, content_hash
from plugin.publishers.pipeline import CatalogueStep, run_steps
from sandbox.pycsw_server import PycswServer
from sandbox.venvs import ensure_venv
from tests.csw_queries import count_records
from tests.owslib_records import data_identification as read_back
from tests.owslib_records import keyword_groups

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "csw" / "record_haies.xml"
NS = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}
PASSWORD = "s3cret-csw-Pa55"
TITLE = "Haies bocagères du Val d'Exemple"

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def csw_url(pycsw_server: PycswServer) -> str:
    """The CSW endpoint of the shared sandbox pycsw."""
    return pycsw_server.url


def _record(identifier: str, title: Optional[str] = None, abstract: Optional[str] = None) -> bytes:
    """The fixture record under a fresh identifier (shared server: no clash between runs)."""
    root = etree.fromstring(FIXTURE.read_bytes())
    root.find("gmd:fileIdentifier/gco:CharacterString", NS).text = identifier
    ident = "gmd:identificationInfo/gmd:MD_DataIdentification"
    if title is not None:
        root.find(
            f"{ident}/gmd:citation/gmd:CI_Citation/gmd:title/gco:CharacterString", NS
        ).text = title
    if abstract is not None:
        root.find(f"{ident}/gmd:abstract/gco:CharacterString", NS).text = abstract
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _count_records(url: str, identifier: str) -> int:
    """How many records GetRecords finds with this identifier (duplicates would show)."""
    return count_records(url, "dc:identifier", identifier)


def _publisher(url: str, **kwargs: object) -> CswPublisher:
    session = requests.Session()
    session.auth = ("editeur", PASSWORD)  # pycsw ignores it; it must never leak
    return CswPublisher(url, session, name="pycsw local", timeout=10, **kwargs)


def test_connection_reports_transactions(csw_url: str) -> None:
    info = _publisher(csw_url).test_connection()
    assert info["transactions"] is True
    assert info["title"]


def test_publish_then_read_back_element_by_element(csw_url: str) -> None:
    identifier = f"gp-test-{uuid.uuid4()}"
    publisher = _publisher(csw_url)
    result = publisher.publish(_record(identifier), identifier)
    assert (result.action, result.remote_id) == ("created", identifier)

    stored = publisher.get_record(identifier)
    assert stored is not None
    got_record = MD_Metadata(etree.fromstring(stored))
    want_record = MD_Metadata(etree.fromstring(_record(identifier)))
    assert got_record.identifier == want_record.identifier == identifier
    got, want = read_back(got_record), read_back(want_record)
    assert got.title == TITLE
    assert got.abstract == want.abstract
    assert "&" in got.abstract and "<2 m" in got.abstract
    got_keywords = keyword_groups(got)
    want_keywords = keyword_groups(want)
    assert (
        got_keywords
        == want_keywords
        == [
            ("GEMET - INSPIRE themes, version 1.0", ["Occupation des terres"]),
            (None, ["haie", "bocage"]),
        ]
    )
    got_box, want_box = got.bbox, want.bbox
    assert (
        (got_box.minx, got_box.miny, got_box.maxx, got_box.maxy)
        == (want_box.minx, want_box.miny, want_box.maxx, want_box.maxy)
        == ("-1.25", "47.12", "-0.87", "47.41")
    )
    assert got.accessconstraints == want.accessconstraints
    assert got.otherconstraints == want.otherconstraints
    assert "Licence Ouverte / Open Licence version 2.0" in got.otherconstraints
    # The INSPIRE access limitation is a gmx:Anchor, which OWSLib 0.27 skips (0.33 reads its
    # text): compare its URI in the raw XML.
    anchor = ".//gmd:otherConstraints/gmx:Anchor/@xlink:href"
    ns = {**NS, "gmx": "http://www.isotc211.org/2005/gmx", "xlink": "http://www.w3.org/1999/xlink"}
    assert etree.fromstring(stored).xpath(anchor, namespaces=ns) == [
        "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations"
    ]
    assert got.topiccategory == ["environment"]
    assert _count_records(csw_url, identifier) == 1


def test_republish_updates_the_same_record(csw_url: str, tmp_path: Path) -> None:
    identifier = f"gp-test-{uuid.uuid4()}"
    publisher = _publisher(csw_url)
    journal = Journal(tmp_path / "journal.json")
    first = publisher.publish(_record(identifier), identifier)
    journal.record(
        identifier,
        "pycsw local",
        remote_id=first.remote_id,
        url=first.url,
        content_hash=content_hash(_record(identifier)),
    )

    changed = _record(identifier, title="Haies bocagères (mise à jour 2025)")
    second = publisher.publish(changed, identifier)
    assert second.action == "updated"
    assert second.remote_id == journal.previous_remote_id(identifier, "pycsw local")
    assert _count_records(csw_url, identifier) == 1
    got = read_back(MD_Metadata(etree.fromstring(publisher.get_record(identifier))))
    assert got.title == "Haies bocagères (mise à jour 2025)"


def test_unpublish_deletes_the_record(csw_url: str) -> None:
    identifier = f"gp-test-{uuid.uuid4()}"
    publisher = _publisher(csw_url)
    publisher.publish(_record(identifier), identifier)
    publisher.delete(identifier)
    assert publisher.get_record(identifier) is None
    assert _count_records(csw_url, identifier) == 0
    with pytest.raises(PublishError) as err:
        publisher.delete(identifier)
    assert err.value.code == "not_found"


def test_http_200_exception_report_is_an_error_not_a_success(csw_url: str) -> None:
    identifier = f"gp-test-{uuid.uuid4()}"
    publisher = _publisher(csw_url)
    root = etree.fromstring(_record(identifier))
    root.remove(root.find("gmd:identificationInfo", NS))  # pycsw cannot index it: 200 + report
    with pytest.raises(PublishError) as err:
        publisher.publish(etree.tostring(root), identifier)
    assert err.value.code == "exception_report"
    assert err.value.params["exception_code"] == "NoApplicableCode"
    assert "insert" in err.value.params["detail"].lower()
    assert publisher.get_record(identifier) is None


class _StopsServerAfterLookup(requests.Session):
    """Stops the catalogue right after the GetRecordById of an armed run: the transaction
    that follows finds no server (the catalogue went down in the middle of publishing)."""

    def __init__(self, server: PycswServer) -> None:
        super().__init__()
        self.server = server
        self.armed = False
        self.stopped = False

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if self.armed and method.upper() == "GET" and "GetRecordById" in url:
            self.server.stop()
            self.stopped = True
        return response


def test_server_stopped_mid_run_is_a_clear_failure_and_the_journal_keeps_the_record(
    tmp_path: Path,
) -> None:
    """Through the real pipeline: published once, then the catalogue stops between the lookup
    and the update — the step fails as "unreachable" in plain words, the journal says failed
    and still holds the first publication's record id and URL."""
    ensure_venv("pycsw")
    server = PycswServer(tmp_path / "pycsw-dying")
    identifier = f"gp-test-{uuid.uuid4()}"
    journal = Journal(tmp_path / "journal.json")
    session = _StopsServerAfterLookup(server)
    session.auth = ("editeur", PASSWORD)
    publisher = CswPublisher(
        server.url,
        session,
        name="pycsw local",
        timeout=10,
        retry=RetryPolicy(attempts=2, backoff=0.05),
    )
    try:
        server.start()
        first = run_steps(
            [CatalogueStep(publisher, _record(identifier), identifier)], journal, identifier, "t"
        ).steps[0]
        assert (first.status, first.action) == ("done", "created")
        before = journal.entry(identifier, "pycsw local")
        assert before is not None and before.remote_id == identifier and before.url

        session.armed = True
        changed = _record(identifier, title="Titre modifié")
        failed = run_steps(
            [CatalogueStep(publisher, changed, identifier)], journal, identifier, "t"
        ).steps[0]
    finally:
        server.stop()

    assert session.stopped
    assert (failed.status, failed.error_code) == ("failed", "unreachable")
    assert "127.0.0.1" in failed.message_fr and "ne répond pas" in failed.message_fr
    assert PASSWORD not in repr(failed)
    entry = Journal(tmp_path / "journal.json").entry(identifier, "pycsw local")
    assert entry is not None
    assert (entry.status, entry.error_code) == ("failed", "unreachable")
    assert (entry.remote_id, entry.url, entry.content_hash) == (
        identifier,
        before.url,
        content_hash(_record(identifier)),
    )
    assert journal.previous_remote_id(identifier, "pycsw local") == identifier
    with PycswServer(tmp_path / "pycsw-dying") as again:  # same SQLite file: nothing changed
        stored = CswPublisher(again.url, requests.Session(), timeout=10).get_record(identifier)
    assert read_back(MD_Metadata(etree.fromstring(stored))).title == TITLE
