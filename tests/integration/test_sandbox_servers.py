"""Smoke tests of the sandbox servers over real HTTP: pycsw CSW-T and udata on 127.0.0.1.

These servers are the real applications (pycsw 2.6.2; udata 17.18 on mongomock, an in-memory
MongoDB, because MongoDB cannot be installed here). What is asserted is what a publisher and a
trainer rely on: transactions accepted, licences and zones seeded, the key working, bad keys
refused, a dataset's whole life cycle, and the traps the publishers must check.
"""

from __future__ import annotations

import uuid

import pytest
import requests
from lxml import etree

from sandbox.pycsw_server import PycswServer
from sandbox.udata_server import UdataServer

pytestmark = pytest.mark.integration

SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "ows": "http://www.opengis.net/ows",
    "dc": "http://purl.org/dc/elements/1.1/",
}
TIMEOUT = 30


def _xml(response: requests.Response) -> etree._Element:
    """Parse a server answer safely (bounded size)."""
    assert len(response.content) < 5_000_000
    return etree.fromstring(response.content, SAFE_PARSER)


def _transaction(body: str) -> str:
    """Wrap one CSW-T action in a Transaction request."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<csw:Transaction xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
        'xmlns:ogc="http://www.opengis.net/ogc" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'service="CSW" version="2.0.2">{body}</csw:Transaction>'
    )


def _summary(root: etree._Element, field: str) -> int:
    """Read a TransactionSummary counter (totalInserted, totalDeleted…)."""
    values = root.xpath(f"//csw:TransactionSummary/csw:{field}/text()", namespaces=NS)
    assert values, etree.tostring(root)[:500]
    return int(values[0])


def test_csw_capabilities_list_transaction(pycsw_server: PycswServer) -> None:
    """GetCapabilities of the sandbox catalogue advertises the Transaction operation."""
    response = requests.get(pycsw_server.capabilities_url(), timeout=TIMEOUT)
    assert response.status_code == 200
    operations = _xml(response).xpath("//ows:Operation/@name", namespaces=NS)
    assert "Transaction" in operations
    assert "GetRecordById" in operations


def test_csw_transaction_insert_read_delete(pycsw_server: PycswServer) -> None:
    """127.0.0.1 may write: a record inserted is found by id, then deleted."""
    identifier = f"sandbox-smoke-{uuid.uuid4()}"
    record = (
        '<csw:Insert><csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
        f"<dc:identifier>{identifier}</dc:identifier><dc:title>Haies bocagères</dc:title>"
        "<dc:type>dataset</dc:type></csw:Record></csw:Insert>"
    )
    headers = {"Content-Type": "application/xml"}
    inserted = requests.post(
        pycsw_server.url, data=_transaction(record).encode(), headers=headers, timeout=TIMEOUT
    )
    assert _summary(_xml(inserted), "totalInserted") == 1
    params = {"service": "CSW", "version": "2.0.2", "request": "GetRecordById", "id": identifier}
    found = _xml(requests.get(pycsw_server.url, params=params, timeout=TIMEOUT))
    assert found.xpath("//dc:title/text()", namespaces=NS) == ["Haies bocagères"]
    delete = (
        '<csw:Delete><csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsEqualTo>'
        f"<ogc:PropertyName>dc:identifier</ogc:PropertyName><ogc:Literal>{identifier}"
        "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint></csw:Delete>"
    )
    deleted = requests.post(
        pycsw_server.url, data=_transaction(delete).encode(), headers=headers, timeout=TIMEOUT
    )
    assert _summary(_xml(deleted), "totalDeleted") == 1
    gone = _xml(requests.get(pycsw_server.url, params=params, timeout=TIMEOUT))
    assert gone.xpath("//dc:title", namespaces=NS) == []


def test_udata_licences_are_seeded(udata_server: UdataServer) -> None:
    """The licences endpoint lists the French portal licences, lov2 and odc-odbl included."""
    response = requests.get(f"{udata_server.api_url}/datasets/licenses/", timeout=TIMEOUT)
    assert response.status_code == 200
    titles = {licence["id"]: licence["title"] for licence in response.json()}
    assert {"fr-lo", "lov2", "odc-odbl", "cc-by", "notspecified"} <= set(titles)
    assert "2.0" in titles["lov2"]


def test_udata_zones_and_granularities_are_seeded(udata_server: UdataServer) -> None:
    """country:fr and a commune resolve; the commune level is a valid granularity."""
    for zone in ("country:fr", "fr:commune:44109"):
        response = requests.get(f"{udata_server.api_url}/spatial/zones/{zone}/", timeout=TIMEOUT)
        assert response.status_code == 200, zone
    levels = requests.get(f"{udata_server.api_url}/spatial/granularities/", timeout=TIMEOUT)
    assert "fr:commune" in {level["id"] for level in levels.json()}


def test_udata_refuses_a_bad_key_with_401(udata_server: UdataServer) -> None:
    """A wrong API key and a missing key are both refused with 401."""
    url = f"{udata_server.api_url}/datasets/"
    payload = {"title": "Refusé", "description": "Sans clé valide"}
    bad = requests.post(url, json=payload, headers={"X-API-KEY": "udata_bad"}, timeout=TIMEOUT)
    assert bad.status_code == 401
    assert requests.post(url, json=payload, timeout=TIMEOUT).status_code == 401


def test_udata_key_belongs_to_an_organisation_admin(udata_server: UdataServer) -> None:
    """The seeded key authenticates a user who administers the demo organisation."""
    me = requests.get(
        f"{udata_server.api_url}/me/", headers={"X-API-KEY": udata_server.api_key}, timeout=TIMEOUT
    )
    assert me.status_code == 200
    organisations = {org["id"]: org for org in me.json()["organizations"]}
    assert organisations[udata_server.organization_id]["permissions"]["edit"] is True
    assert udata_server.other_organization_id not in organisations
