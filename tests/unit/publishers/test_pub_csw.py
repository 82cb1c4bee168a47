"""CSW-T publisher logic on scripted answers (the real pycsw runs in tests/integration)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from plugin.publishers.csw import CswPublisher, build_transaction, parse_record
from plugin.publishers.errors import PublishError, message
from plugin.publishers.http import RetryPolicy
from tests.fakes.scripted_http import Reply, scripted_session

RECORD = (
    Path(__file__).resolve().parents[2] / "fixtures" / "csw" / "record_haies.xml"
).read_bytes()
UUID = "fr-200040566-haies-2024"
URL = "http://127.0.0.1:9/csw"
CSW = "http://www.opengis.net/cat/csw/2.0.2"
EMPTY = f'<csw:GetRecordByIdResponse xmlns:csw="{CSW}"/>'.encode()


def _summary(inserted: int = 0, updated: int = 0, deleted: int = 0) -> bytes:
    return (
        f'<csw:TransactionResponse xmlns:csw="{CSW}" version="2.0.2"><csw:TransactionSummary>'
        f"<csw:totalInserted>{inserted}</csw:totalInserted>"
        f"<csw:totalUpdated>{updated}</csw:totalUpdated>"
        f"<csw:totalDeleted>{deleted}</csw:totalDeleted>"
        f"</csw:TransactionSummary></csw:TransactionResponse>"
    ).encode()


def _publisher(answers: list) -> tuple[CswPublisher, object]:
    session, adapter = scripted_session(answers, auth=("editeur", "pw-csw-123"))
    return CswPublisher(URL, session, timeout=5, retry=RetryPolicy(attempts=1)), adapter


def test_insert_when_absent_and_the_summary_is_checked() -> None:
    publisher, adapter = _publisher([Reply(200, EMPTY), Reply(200, _summary(inserted=1))])
    result = publisher.publish(RECORD, UUID)
    assert result.action == "created"
    sent = etree.fromstring(adapter.sent[1].body)
    assert sent.tag == f"{{{CSW}}}Transaction"
    assert [etree.QName(c).localname for c in sent] == ["Insert"]
    assert sent[0][0].tag == "{http://www.isotc211.org/2005/gmd}MD_Metadata"
    assert "GetRecordById" in adapter.sent[0].url and "outputSchema" in adapter.sent[0].url


def test_update_when_getrecordbyid_finds_it() -> None:
    found = f'<csw:GetRecordByIdResponse xmlns:csw="{CSW}">'.encode() + RECORD.split(b"?>", 1)[1]
    found += b"</csw:GetRecordByIdResponse>"
    publisher, adapter = _publisher([Reply(200, found), Reply(200, _summary(updated=1))])
    assert publisher.publish(RECORD, UUID).action == "updated"
    assert etree.QName(etree.fromstring(adapter.sent[1].body)[0]).localname == "Update"


def test_update_of_zero_records_is_not_a_success() -> None:
    found = f'<csw:GetRecordByIdResponse xmlns:csw="{CSW}">'.encode() + RECORD.split(b"?>", 1)[1]
    found += b"</csw:GetRecordByIdResponse>"
    publisher, _ = _publisher([Reply(200, found), Reply(200, _summary(updated=0))])
    with pytest.raises(PublishError) as err:
        publisher.publish(RECORD, UUID)
    assert (err.value.code, err.value.params["count"]) == ("transaction_failed", 0)
    assert "Update" in message(err.value, "en")


def test_server_500_on_transaction_is_an_error() -> None:
    publisher, _ = _publisher([Reply(200, EMPTY), Reply(500, b"boom")])
    with pytest.raises(PublishError) as err:
        publisher.publish(RECORD, UUID)
    assert err.value.code == "server_error"


def test_capabilities_without_transaction_is_explained() -> None:
    caps = (
        f'<csw:Capabilities xmlns:csw="{CSW}" xmlns:ows="http://www.opengis.net/ows">'
        '<ows:OperationsMetadata><ows:Operation name="GetRecords"/></ows:OperationsMetadata>'
        "</csw:Capabilities>"
    ).encode()
    publisher, _ = _publisher([Reply(200, caps)])
    with pytest.raises(PublishError) as err:
        publisher.test_connection()
    assert err.value.code == "transactions_disabled"


def test_delete_filters_on_the_identifier_and_escapes_it() -> None:
    body = build_transaction("Delete", identifier='a&b<"c>')
    root = etree.fromstring(body)
    literal = root.find(".//{http://www.opengis.net/ogc}Literal")
    assert literal.text == 'a&b<"c>'
    publisher, _ = _publisher([Reply(200, _summary(deleted=0))])
    with pytest.raises(PublishError) as err:
        publisher.delete(UUID)
    assert err.value.code == "not_found"


def test_record_checks_happen_before_any_request() -> None:
    with pytest.raises(PublishError) as err:
        parse_record(b"<not-iso/>", UUID)
    assert err.value.code == "invalid_record"
    with pytest.raises(PublishError) as err:
        parse_record(RECORD, "other")
    assert "other" in message(err.value, "fr")
