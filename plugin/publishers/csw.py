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
import re
from typing import Any, Optional
from urllib.parse import quote, urlencode, urlsplit

import requests
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
# GeoNetwork's CSW-T endpoint: {root}/srv/{lang}/csw-publication (3-letter language code).
_GEONETWORK_CSW_T = re.compile(r"^(?P<root>.*?)/srv/(?P<lang>[a-z]{2,3})/csw-publication/?$")
_LOGIN_PAGE = re.compile(r"login|signin", re.IGNORECASE)
# GeoNetwork's CSW Transaction refusals (csw-server Transaction.java), in its own words.
_NOT_ALLOWED = "not allowed"
_NOT_AUTHENTICATED = "not authenticated"


def geonetwork_csw_t(url: str) -> Optional[tuple[str, str]]:
    """``(catalogue root, language)`` when ``url`` is GeoNetwork's csw-publication, else None."""
    found = _GEONETWORK_CSW_T.match(url.split("?", 1)[0].strip())
    return (found["root"], found["lang"]) if found else None


def geonetwork_record_page(root: str, lang: str, identifier: str) -> str:
    """GeoNetwork 4's own page of a record (``{root}/srv/{lang}/catalog.search#/metadata/``)."""
    return f"{root}/srv/{lang}/catalog.search#/metadata/{quote(identifier, safe='')}"


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

    def _kvp_url(self, base: str = "", **params: str) -> str:
        base = base or self.url
        separator = "&" if "?" in base else "?"
        query = {"service": "CSW", "version": "2.0.2", **params}
        return base + separator + urlencode(query)

    def _get(self, url: str, **kwargs: Any) -> requests.Response:
        response = self.http.request("GET", url, headers=_GET_HEADERS, **kwargs)
        self._check_not_login_page(response)
        return response

    def _check_not_login_page(self, response: requests.Response) -> None:
        """A write endpoint that redirects to a sign-in page (GeoNetwork does, to anonymous
        callers) wants credentials: say so instead of "unexpected answer"."""
        if response.history and _LOGIN_PAGE.search(urlsplit(response.url).path):
            raise PublishError("login_required", {"server": self.http.server})

    def test_connection(self) -> dict[str, Any]:
        """GetCapabilities; the catalogue must advertise the Transaction operation."""
        response = self._get(self._kvp_url(request="GetCapabilities"))
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

    def _record_by_id(self, identifier: str, base: str = "") -> str:
        return self._kvp_url(
            base,
            request="GetRecordById",
            id=identifier,
            outputSchema=GMD_SCHEMA,
            elementSetName="full",
        )

    def record_url(self, identifier: str) -> str:
        """GetRecordById address returning the ISO 19139 record. GeoNetwork's csw-publication
        is for editors only: the public address is its ``csw`` endpoint."""
        geonetwork = geonetwork_csw_t(self.url)
        if geonetwork is not None:
            root, lang = geonetwork
            return self._record_by_id(identifier, f"{root}/srv/{lang}/csw")
        return self._record_by_id(identifier)

    def default_record_page(self, identifier: str) -> str:
        """GeoNetwork's page of the record when the endpoint is GeoNetwork's, else the
        GetRecordById address."""
        geonetwork = geonetwork_csw_t(self.url)
        if geonetwork is not None:
            return geonetwork_record_page(*geonetwork, identifier)
        return self.record_url(identifier)

    def get_record(self, identifier: str) -> Optional[bytes]:
        """GetRecordById (outputSchema gmd) on the connection's own endpoint, with its
        credentials (a record not yet public is found too): the record bytes, or None."""
        response = self._get(self._record_by_id(identifier), allow=(404,))
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
        LOG.info("CSW %s of record %s on %s", operation, identifier, self.http.server)
        details: dict[str, Any] = {"operation": operation}
        if geonetwork_csw_t(self.url) is not None:
            details.update(self._geonetwork_extras(identifier, thumbnail))
        self._report(1.0, "catalogue.done")
        return PublishResult(
            UPDATED if exists else CREATED,
            identifier,
            self.record_url(identifier),
            destination=self.name,
            details=details,
        )

    def _geonetwork_extras(self, identifier: str, thumbnail: Optional[bytes]) -> dict[str, Any]:
        """What CSW-T cannot carry, through GeoNetwork's API with the same session: sharing
        with "All" (GeoNetwork keeps a record inserted by CSW-T private unless its
        administrator chose otherwise; option ``public``, default True) and the thumbnail.
        The record is published either way: a refusal becomes the step's ``notices``."""
        from .geonetwork import GeoNetworkPublisher  # it builds on this module

        api = GeoNetworkPublisher(
            geonetwork_csw_t(self.url)[0],  # type: ignore[index] - checked by the caller
            self.session,
            name=self.name,
            timeout=self.http.timeout,
            retry=self.http.retry,
            cancel=self.http.cancel,
            options=self.options,
        )
        extras: dict[str, Any] = {}
        notices: list[dict[str, Any]] = []
        if self.options.get("public", True):
            self._report(0.7, "catalogue.sharing")
            try:
                api.share_public(identifier)
                extras["shared_public"] = True
            except PublishError as error:
                notices.append(_notice("geonetwork_not_public", error))
        if thumbnail:
            self._report(0.85, "catalogue.thumbnail")
            try:
                extras["thumbnail_url"] = api.add_thumbnail(identifier, thumbnail)
            except PublishError as error:
                notices.append(_notice("geonetwork_thumbnail_not_sent", error))
        if notices:
            extras["notices"] = notices
        return extras

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
        self._check_not_login_page(response)
        try:
            root = self.http.parse_xml(response)
        except PublishError as error:
            raise refusal(error) from None
        return transaction_summary(root, self.http.server)

    def _expect_one(self, summary: dict[str, int], key: str, operation: str) -> None:
        count = summary.get(key, 0)
        if count != 1:
            raise PublishError(
                "transaction_failed",
                {"server": self.http.server, "operation": operation, "count": count},
            )


def _notice(code: str, error: PublishError) -> dict[str, Any]:
    """A step's warning (code + params, worded by errors.message); cancelling still stops."""
    if error.code == "cancelled":
        raise error
    status = error.params.get("status")
    detail = f"HTTP {status}" if status else str(error.params.get("detail") or error.code)
    return {"code": code, "params": {"server": error.params.get("server", ""), "detail": detail}}


def is_geonetwork(kind: str, url: str) -> bool:
    """A GeoNetwork connection: its API, or its csw-publication address."""
    return kind == "geonetwork" or (kind == "csw" and geonetwork_csw_t(url) is not None)


def catalogue_takes_thumbnail(kind: str, url: str) -> bool:
    """GeoNetwork holds a record's overview, through its API or next to csw-publication."""
    return is_geonetwork(kind, url)


def refusal(error: PublishError) -> PublishError:
    """GeoNetwork answers a refused transaction with an ExceptionReport in English (« User
    not allowed to update this metadata(12) »): the user's own words for the two it sends."""
    if error.code != "exception_report":
        return error
    detail = str(error.params.get("detail") or "")
    if _NOT_AUTHENTICATED in detail.lower():
        return PublishError("login_required", {"server": error.params.get("server", "")})
    if _NOT_ALLOWED in detail.lower():
        return PublishError("catalogue_not_allowed", error.params)
    return error


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
