"""Complete on arrival: the REAL udata 17.18 scores the dataset 1.0, and the REAL pycsw record
links back to the portal page and every file (read with OWSLib, as QGIS MetaSearch does).

udata's own judge is its ``quality`` field (``Dataset.quality`` in udata/core/dataset/models.py):
licence, temporal coverage, spatial coverage, update frequency (and fulfilled in time),
description length, open formats, resources available and documented.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import requests
from owslib.csw import CatalogueServiceWeb

from plugin.core.iso19139_writer import write
from plugin.core.model import Record
from plugin.core.online_links import linked_record
from plugin.core.portal_payload import PortalOptions, udata_payload
from plugin.publishers.csw import CswPublisher
from plugin.publishers.http import RetryPolicy
from plugin.publishers.journal import Journal
from plugin.publishers.pipeline import CatalogueStep, LinkStep, PortalStep, run_steps
from plugin.publishers.udata import UdataPublisher
from sandbox.pycsw_server import PycswServer
from sandbox.udata_server import UdataServer
from tests.datasets import portal_files
from tests.unit.core.conftest import build_complete_record

pytestmark = pytest.mark.integration
TIMEOUT = 30
GMD = "http://www.isotc211.org/2005/gmd"


def _udata(server: UdataServer) -> UdataPublisher:
    session = requests.Session()
    session.headers["X-API-KEY"] = server.api_key
    return UdataPublisher(
        server.url,
        session,
        name="Portail bac à sable",
        timeout=TIMEOUT,
        retry=RetryPolicy(attempts=2, backoff=0.05),
        options={"organization": server.organization_id},
    )


def _record(code: str, **changes: Any) -> Record:
    """The unit tests' complete record, under its own identifier, in Lambert-93."""
    record = build_complete_record()
    record.identifier.code = code
    record.file_identifier = f"{code}-0000-4000-8000-000000000000"[:36]
    record.reference_systems = ["EPSG:2154"]
    return dataclasses.replace(record, **changes)


def _steps(record: Record, csw: CswPublisher, udata: UdataPublisher, files: list[Path]):
    def payload(url: str) -> dict[str, Any]:
        options = PortalOptions(
            catalogue_record_url=url, files=tuple(f.name for f in files), date="2026-12-06"
        )
        return udata_payload(record, options)

    def xml_for(links):
        return write(linked_record(record, links, [udata.url]))

    portal = PortalStep(udata, payload, files)
    return [
        CatalogueStep(csw, write(record), record.file_identifier),
        portal,
        LinkStep(csw, xml_for, record.file_identifier, [portal.destination]),
    ]


def _public(server: UdataServer, dataset_id: str) -> dict[str, Any]:
    answer = requests.get(f"{server.api_url}/datasets/{dataset_id}/", timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _metasearch_links(csw_url: str, identifier: str) -> list[Any]:
    """The record's online resources as QGIS MetaSearch gets them (OWSLib, ISO output)."""
    csw = CatalogueServiceWeb(csw_url, timeout=TIMEOUT)
    csw.getrecordbyid(id=[identifier], outputschema=GMD)
    record = csw.records[identifier]
    return list(record.distribution.online)


def test_complete_record_scores_one_and_the_record_links_back(
    udata_server: UdataServer, pycsw_server: PycswServer, tmp_path: Path
) -> None:
    record = _record("bornes-qualite", maintenance_frequency="annually")
    csv, geojson = portal_files(tmp_path / "v1", 1)
    csw = CswPublisher(pycsw_server.url, requests.Session(), name="Catalogue")
    udata = _udata(udata_server)
    journal = Journal(tmp_path / "journal.json")

    report = run_steps(
        _steps(record, csw, udata, [csv, geojson]), journal, record.identifier.uri, record.title
    )

    assert [(s.role, s.status) for s in report.steps] == [
        ("catalogue", "done"),
        ("portal", "done"),
        ("links", "done"),
    ], report.steps
    dataset = _public(udata_server, report.step("portal").remote_id)
    quality = dataset["quality"]
    assert quality["score"] == 1.0, quality
    assert dataset["frequency"] == "annual"
    assert dataset["temporal_coverage"]["start"].startswith("2019-03-01")
    titles = {r["title"]: r for r in dataset["resources"]}
    short = "Plan local d'urbanisme de Saint-Exemple – zonage"
    assert any(t.startswith(short) and t.endswith("— CSV (Lambert-93)") for t in titles), titles
    assert any(t.endswith("— GeoJSON (WGS 84)") for t in titles), titles
    for resource in dataset["resources"]:
        assert "Format :" in resource["description"]
        assert "Système de coordonnées" in resource["description"]
        assert "1\u202f234 objets" in resource["description"]

    links = _metasearch_links(pycsw_server.url, record.file_identifier)
    by_url = {link.url: link for link in links}
    page = report.step("portal").url
    assert by_url[page].function == "information"
    files = [r["url"] for r in dataset["resources"]]
    for url in files:
        assert by_url[url].function == "download"
        assert by_url[url].protocol == "WWW:DOWNLOAD-1.0-http--download"
    assert "Lambert-93 (EPSG:2154)" in by_url[files[0]].description + by_url[files[1]].description
    for url in [page, *files]:
        assert requests.get(url, timeout=TIMEOUT).status_code == 200, url

    # Republishing replaces the files: the record links to the current URLs only.
    csv2, geojson2 = portal_files(tmp_path / "v2", 2)
    again = run_steps(
        _steps(record, csw, udata, [csv2, geojson2]), journal, record.identifier.uri, record.title
    )
    assert [s.status for s in again.steps] == ["done", "done", "done"]
    current = [r["url"] for r in _public(udata_server, again.step("portal").remote_id)["resources"]]
    urls = [link.url for link in _metasearch_links(pycsw_server.url, record.file_identifier)]
    own = [loc.url for loc in record.locators]  # the user's own links stay
    assert own and sorted(urls) == sorted([*own, page, *current]), urls

    # Data unchanged: nothing is uploaded, the record still links to every file kept.
    kept = run_steps(_steps(record, csw, udata, []), journal, record.identifier.uri, record.title)
    assert [s.status for s in kept.steps] == ["done", "done", "done"]
    urls = [link.url for link in _metasearch_links(pycsw_server.url, record.file_identifier)]
    assert sorted(urls) == sorted([*own, page, *current]), urls


def test_ckan_reads_back_frequency_period_footprint_and_described_files(
    ckan_server, tmp_path: Path
) -> None:
    """The real CKAN 2.12 keeps the ckanext-dcat field names and the resource texts."""
    from plugin.core.portal_payload import ckan_payload
    from plugin.publishers.ckan import CkanPublisher

    record = _record("bornes-ckan", maintenance_frequency="monthly")
    files = portal_files(tmp_path / "ckan", 1)
    session = requests.Session()
    session.headers["Authorization"] = ckan_server.api_token
    publisher = CkanPublisher(
        ckan_server.url,
        session,
        name="Portail CKAN",
        timeout=60,
        options={"organization": ckan_server.organization},
    )
    options = PortalOptions(files=tuple(f.name for f in files), date="2026-12-06")

    result = publisher.publish(ckan_payload(record, options), files)

    answer = requests.get(
        f"{ckan_server.api_url}/package_show", params={"id": result.remote_id}, timeout=60
    )
    package = answer.json()["result"]
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert (
        extras["frequency"] == "http://publications.europa.eu/resource/authority/frequency/MONTHLY"
    )
    assert extras["temporal_start"] == "2019-03-01" and "temporal_end" not in extras  # ongoing
    assert '"MultiPolygon"' in extras["spatial"]
    by_format = {r["format"].upper(): r for r in package["resources"]}  # CKAN writes "GeoJSON"
    assert sorted(by_format) == ["CSV", "GEOJSON"]
    assert by_format["CSV"]["name"].endswith("— CSV (Lambert-93)")
    assert "1\u202f234 objets" in by_format["CSV"]["description"]
    assert "WGS 84 (EPSG:4326)" in by_format["GEOJSON"]["description"]
    downloads = [link["url"] for link in result.details["online_resources"][1:]]
    assert sorted(downloads) == sorted(r["url"] for r in package["resources"])
