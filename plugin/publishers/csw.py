"""CSW 2.0.2 Transaction publisher (pycsw, GeoNetwork's csw-publication endpoint).

GetRecordById decides between Insert and Update (CSW-T has no upsert); the TransactionSummary
must confirm exactly one record, otherwise nothing is counted as published. Basic auth and
proxy settings come with the injected session.

Why lxml and not OWSLib (which the issue asked for): OWSLib 0.27 (the version Debian/Ubuntu
ship with QGIS 3.22) sends every request with the module-level ``requests.request`` in
``owslib.util.openURL``, so it cannot use the injected session: QGIS's proxy, the CAs added in
its authentication manager and auth configurations other than user/password would be ignored,
as would our retries and coded errors. The few CSW-T documents we need are built and parsed
here with lxml; tests still read records back with OWSLib.
"""

from __future__ import annotations

import logging
from typing import Any, Optional
from urllib.parse import urlencode

from lxml import etree

from .base import CREATED, UPDATED, CataloguePublisher, PublishResult
from .errors import PublishError
from .http import parse_xml_bytes

LOG = logging.getLogger(__name__)

NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "ogc": "http://www.opengis.net/ogc",
    "ows": "http://www.opengis.net/ows",
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "apiso": "http://www.opengis.net/cat/csw/apiso/1.0",
}
GMD_SCHEMA = "http://www.isotc211.org/2005/gmd"
# pycsw 2.6 sends the uncompressed Content-Length with a gzip body (truncated or hanging
# answers): ask for an uncompressed answer, CSW documents are small.
_GET_HEADERS = {"Accept": "application/xml", "Accept-Encoding": "identity"}
_POST_HEADERS = {**_GET_HEADERS, "Content-Type": "application/xml; charset=UTF-8"}


def _csw(tag: str) -> str:
    return f"{{{NS['csw']}}}{tag}"


def _ogc(tag: str) -> str:
    return f"{{{NS['ogc']}}}{tag}"


def record_identifier(record: etree._Element) -> str:
    """The ``gmd:fileIdentifier`` of an ``MD_Metadata`` element ("" when absent)."""
    values = record.xpath("gmd:fileIdentifier/gco:CharacterString/text()", namespaces=NS)
    return str(values[0]).strip() if values else ""


def parse_record(record_xml: bytes, identifier: str) -> etree._Element:
    """Parse our own record safely and check it is the ``MD_Metadata`` of ``identifier``."""
    try:
        root = parse_xml_bytes(record_xml, "local")
    except PublishError:
        raise PublishError("invalid_record", {"detail": "not well-formed XML"}) from None
    if root.tag != f"{{{NS['gmd']}}}MD_Metadata":
        raise PublishError("invalid_record", {"detail": "root element is not gmd:MD_Metadata"})
    found = record_identifier(root)
    if found != identifier:
        raise PublishError(
            "invalid_record",
            {"detail": f"fileIdentifier '{found}' differs from '{identifier}'"},
        )
    return root


def build_transaction(
    operation: str, record: Optional[etree._Element] = None, identifier: str = ""
) -> bytes:
    """Serialise a csw:Transaction: Insert/Update carry the record, Delete filters by id."""
    root = etree.Element(
        _csw("Transaction"), nsmap={"csw": NS["csw"], "ogc": NS["ogc"], "apiso": NS["apiso"]}
    )
    root.set("service", "CSW")
    root.set("version", "2.0.2")
    if operation in ("Insert", "Update"):
        if record is None:
            raise ValueError("Insert and Update need a record")
        etree.SubElement(root, _csw(operation)).append(record)
    elif operation == "Delete":
        delete = etree.SubElement(root, _csw("Delete"), typeName="csw:Record")
        constraint = etree.SubElement(delete, _csw("Constraint"), version="1.1.0")
        equal = etree.SubElement(
            etree.SubElement(constraint, _ogc("Filter")), _ogc("PropertyIsEqualTo")
        )
        etree.SubElement(equal, _ogc("PropertyName")).text = "apiso:Identifier"
        etree.SubElement(equal, _ogc("Literal")).text = identifier
    else:
        raise ValueError(f"unknown CSW-T operation {operation}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class CswPublisher(CataloguePublisher):
    """Publishes ISO 19139 records to a CSW 2.0.2 catalogue with transactions."""

    kind = "csw"

    def _kvp_url(self, **params: str) -> str:
        base = self.url
        separator = "&" if "?" in base else "?"
        query = {"service": "CSW", "version": "2.0.2", **params}
        return base + separator + urlencode(query)

    def test_connection(self) -> dict[str, Any]:
        """GetCapabilities; the catalogue must advertise the Transaction operation."""
        response = self.http.request(
            "GET", self._kvp_url(request="GetCapabilities"), headers=_GET_HEADERS
        )
        root = self.http.parse_xml(response)
        if root.tag != _csw("Capabilities"):
            raise PublishError(
                "invalid_answer",
                {"server": self.http.server, "detail": "not CSW 2.0.2 capabilities"},
            )
        operations = root.xpath("//ows:OperationsMetadata/ows:Operation/@name", namespaces=NS)
        if "Transaction" not in operations:
            raise PublishError("transactions_disabled", {"server": self.http.server})
        title = root.xpath("string(//ows:ServiceIdentification/ows:Title)", namespaces=NS)
        return {"title": title.strip(), "transactions": True}

    def record_url(self, identifier: str) -> str:
        """GetRecordById address returning the ISO 19139 record."""
        return self._kvp_url(
            request="GetRecordById", id=identifier, outputSchema=GMD_SCHEMA, elementSetName="full"
        )

    def get_record(self, identifier: str) -> Optional[bytes]:
        """GetRecordById (outputSchema gmd): the record bytes, or None when absent."""
        response = self.http.request(
            "GET", self.record_url(identifier), headers=_GET_HEADERS, allow=(404,)
        )
        if response.status_code == 404:
            return None
        root = self.http.parse_xml(response)
        for record in root.iter(f"{{{NS['gmd']}}}MD_Metadata"):
            if record_identifier(record) == identifier:
                return etree.tostring(record, xml_declaration=True, encoding="UTF-8")
        if etree.QName(root).localname != "GetRecordByIdResponse":
            raise PublishError(
                "invalid_answer",
                {"server": self.http.server, "detail": "GetRecordByIdResponse expected"},
            )
        return None

    def publish(
        self, record_xml: bytes, identifier: str, *, thumbnail: Optional[bytes] = None
    ) -> PublishResult:
        """Insert the record, or Update it when GetRecordById already finds it."""
        record = parse_record(record_xml, identifier)
        self._report(0.1, "catalogue.lookup")
        exists = self.get_record(identifier) is not None
        operation = "Update" if exists else "Insert"
        self._report(0.4, f"catalogue.{operation.lower()}")
        summary = self._transaction(build_transaction(operation, record))
        key = "totalUpdated" if exists else "totalInserted"
        self._expect_one(summary, key, operation)
        self._report(1.0, "catalogue.done")
        LOG.info("CSW %s of record %s on %s", operation, identifier, self.http.server)
        return PublishResult(
            UPDATED if exists else CREATED,
            identifier,
            self.record_url(identifier),
            destination=self.name,
            details={"operation": operation},
        )

    def delete(self, identifier: str) -> None:
        """Delete the record; ``not_found`` when the catalogue deleted nothing."""
        summary = self._transaction(build_transaction("Delete", identifier=identifier))
        if summary.get("totalDeleted", 0) == 0:
            raise PublishError("not_found", {"server": self.http.server, "detail": identifier})
        self._expect_one(summary, "totalDeleted", "Delete")
        LOG.info("CSW Delete of record %s on %s", identifier, self.http.server)

    def _transaction(self, body: bytes) -> dict[str, int]:
        """POST a Transaction and return its summary counts (ExceptionReport → error)."""
        response = self.http.request(
            "POST", self.url, data=body, headers=_POST_HEADERS, idempotent=False
        )
        root = self.http.parse_xml(response)
        return transaction_summary(root, self.http.server)

    def _expect_one(self, summary: dict[str, int], key: str, operation: str) -> None:
        count = summary.get(key, 0)
        if count != 1:
            raise PublishError(
                "transaction_failed",
                {"server": self.http.server, "operation": operation, "count": count},
            )


def transaction_summary(root: etree._Element, server: str) -> dict[str, int]:
    """Read ``totalInserted/Updated/Deleted`` from a csw:TransactionResponse."""
    if root.tag != _csw("TransactionResponse"):
        raise PublishError(
            "invalid_answer", {"server": server, "detail": "TransactionResponse expected"}
        )
    summary: dict[str, int] = {}
    for key in ("totalInserted", "totalUpdated", "totalDeleted"):
        text = root.findtext(f"{_csw('TransactionSummary')}/{_csw(key)}")
        try:
            summary[key] = int(text.strip()) if text and text.strip() else 0
        except ValueError:
            raise PublishError("invalid_answer", {"server": server, "detail": key}) from None
    return summary
