"""CSW-T publisher against the REAL pycsw 2.6.2 (own venv, SQLite, 127.0.0.1).

Uses the shared ``pycsw_server`` fixture when the sandbox provides it; otherwise (and always for
the "server stopped" test, which must not stop the shared server) starts a private pycsw.
Records are read back with OWSLib's ``owslib.iso.MD_Metadata`` and compared element by element.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest
import requests
from lxml import etree
from owslib.iso import MD_Metadata

from plugin.publishers.csw import CswPublisher
from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from plugin.publishers.journal import Journal, content_hash

ROOT = Path(__file__).resolve().parents[2]
PYCSW_VENV = ROOT / ".sandbox" / "venvs" / "pycsw"
FIXTURE = ROOT / "tests" / "fixtures" / "csw" / "record_haies.xml"
FIXTURE_ID = "fr-200040566-haies-2024"
NS = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not (PYCSW_VENV / "bin" / "waitress-serve").exists(),
        reason="pycsw venv missing: run the sandbox setup (make sandbox)",
    ),
]

_CONFIG = """[server]
home={home}
url=http://127.0.0.1:{port}/csw
mimetype=application/xml; charset=UTF-8
encoding=UTF-8
language=fr-FR
maxrecords=10
loglevel=WARNING
logfile={home}/pycsw.log
pretty_print=true
domainquerytype=list
domaincounts=false
profiles=apiso

[manager]
transactions=true
allowed_ips=127.0.0.1
csw_harvest_pagesize=10

[metadata:main]
identification_title=Catalogue de test GeoPublier
identification_abstract=pycsw local pour les tests
identification_keywords=test
identification_keywords_type=theme
identification_fees=None
identification_accessconstraints=None
provider_name=GeoPublier
provider_url=http://127.0.0.1/
contact_name=Test
contact_position=Test
contact_address=1 rue de l'Exemple
contact_city=Exemple
contact_stateorprovince=Exemple
contact_postalcode=00000
contact_country=France
contact_phone=+33-0-00-00-00-00
contact_fax=+33-0-00-00-00-00
contact_email=test@example.org
contact_url=http://127.0.0.1/
contact_hours=9h-17h
contact_instructions=Aucune
contact_role=pointOfContact

[repository]
database=sqlite:///{home}/records.db
table=records

[metadata:inspire]
enabled=false
languages_supported=fre
default_language=fre
date=2024-01-01
gemet_keywords=Utility and governmental services
conformity_service=notEvaluated
contact_name=Test
contact_email=test@example.org
temp_extent=2024-01-01/2024-12-31
"""


@dataclass
class PrivatePycsw:
    """A pycsw 2.6.2 process started by this module (``url`` = CSW endpoint)."""

    url: str
    process: subprocess.Popen

    def stop(self) -> None:
        """Terminate the server process and wait for it (bounded)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_pycsw(home: Path) -> PrivatePycsw:
    """Create the SQLite repository and serve pycsw with waitress on 127.0.0.1."""
    port = _free_port()
    config = home / "pycsw.cfg"
    config.write_text(_CONFIG.format(home=home, port=port), encoding="utf-8")
    bin_dir = PYCSW_VENV / "bin"
    env = {**os.environ, "PYCSW_CONFIG": str(config)}
    subprocess.run(
        [
            str(bin_dir / "python"),
            str(bin_dir / "pycsw-admin.py"),
            "-c",
            "setup_db",
            "-f",
            str(config),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env=env,
    )
    process = subprocess.Popen(
        [
            str(bin_dir / "waitress-serve"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "pycsw.wsgi:application",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = PrivatePycsw(f"http://127.0.0.1:{port}/csw", process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(
                server.url, params={"service": "CSW", "request": "GetCapabilities"}, timeout=2
            )
            return server
        except requests.ConnectionError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("pycsw did not start within 30 s")


@pytest.fixture(scope="module")
def csw_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The shared sandbox pycsw when available, else a private one for this module."""
    try:
        shared = request.getfixturevalue("pycsw_server")
    except pytest.FixtureLookupError:
        shared = None
    if shared is not None:
        yield shared.url
        return
    server = start_pycsw(tmp_path_factory.mktemp("pycsw"))
    try:
        yield server.url
    finally:
        server.stop()


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
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
  xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2" resultType="hits">
 <csw:Query typeNames="csw:Record"><csw:ElementSetName>brief</csw:ElementSetName>
  <csw:Constraint version="1.1.0"><ogc:Filter>
  <ogc:PropertyIsEqualTo><ogc:PropertyName>dc:identifier</ogc:PropertyName>
  <ogc:Literal>{identifier}</ogc:Literal></ogc:PropertyIsEqualTo>
 </ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>"""
    response = requests.post(
        url,
        data=body.encode(),
        timeout=10,
        headers={"Content-Type": "application/xml", "Accept-Encoding": "identity"},
    )
    root = etree.fromstring(response.content)
    results = root.find("{http://www.opengis.net/cat/csw/2.0.2}SearchResults")
    assert results is not None, response.text[:500]
    return int(results.get("numberOfRecordsMatched"))


def _publisher(url: str, **kwargs: object) -> CswPublisher:
    session = requests.Session()
    session.auth = ("editeur", "s3cret-csw-Pa55")  # pycsw ignores it; it must never leak
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
    got = MD_Metadata(etree.fromstring(stored))
    want = MD_Metadata(etree.fromstring(_record(identifier)))
    assert got.identifier == want.identifier == identifier
    assert got.identification.title == "Haies bocagères du Val d'Exemple"
    assert got.identification.abstract == want.identification.abstract
    assert "&" in got.identification.abstract and "<2 m" in got.identification.abstract
    got_keywords = [(k["thesaurus"]["title"], k["keywords"]) for k in got.identification.keywords]
    want_keywords = [(k["thesaurus"]["title"], k["keywords"]) for k in want.identification.keywords]
    assert (
        got_keywords
        == want_keywords
        == [
            ("GEMET - INSPIRE themes, version 1.0", ["Occupation des terres"]),
            (None, ["haie", "bocage"]),
        ]
    )
    got_box, want_box = got.identification.bbox, want.identification.bbox
    assert (
        (got_box.minx, got_box.miny, got_box.maxx, got_box.maxy)
        == (want_box.minx, want_box.miny, want_box.maxx, want_box.maxy)
        == ("-1.25", "47.12", "-0.87", "47.41")
    )
    assert got.identification.accessconstraints == want.identification.accessconstraints
    assert (
        got.identification.otherconstraints
        == want.identification.otherconstraints
        == ["Licence Ouverte / Open Licence version 2.0"]
    )
    # OWSLib 0.27 skips gmx:Anchor: compare the INSPIRE access limitation in the raw XML.
    anchor = ".//gmd:otherConstraints/gmx:Anchor/@xlink:href"
    ns = {**NS, "gmx": "http://www.isotc211.org/2005/gmx", "xlink": "http://www.w3.org/1999/xlink"}
    assert etree.fromstring(stored).xpath(anchor, namespaces=ns) == [
        "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations"
    ]
    assert got.identification.topiccategory == ["environment"]
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
    got = MD_Metadata(etree.fromstring(publisher.get_record(identifier)))
    assert got.identification.title == "Haies bocagères (mise à jour 2025)"


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


def test_server_stopped_mid_run_gives_unreachable_and_keeps_journal(tmp_path: Path) -> None:
    server = start_pycsw(tmp_path)
    identifier = f"gp-test-{uuid.uuid4()}"
    journal = Journal(tmp_path / "journal.json")
    publisher = _publisher(server.url, retry=RetryPolicy(attempts=2, backoff=0.05))
    try:
        result = publisher.publish(_record(identifier), identifier)
        journal.record(
            identifier,
            "pycsw local",
            remote_id=result.remote_id,
            url=result.url,
            content_hash="sha256:first",
        )
        before = (tmp_path / "journal.json").read_bytes()
    finally:
        server.stop()

    with pytest.raises(PublishError) as err:
        publisher.publish(_record(identifier, title="Titre modifié"), identifier)
    assert err.value.code == "unreachable"
    assert "127.0.0.1" in message(err.value, "fr")
    assert "s3cret-csw-Pa55" not in str(err.value) + repr(err.value) + message(err.value, "en")
    assert (tmp_path / "journal.json").read_bytes() == before
    assert journal.previous_remote_id(identifier, "pycsw local") == identifier
