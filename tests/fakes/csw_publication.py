"""The CSW endpoints of the FAKE GeoNetwork (``/srv/<lang>/csw-publication`` and ``/csw``).

Not GeoNetwork: the contract it follows, and why a fake, are in geonetwork_fake's docstring.
Records are the fake's own (``FakeGeoNetwork.records``), so a record inserted here is the one
the REST API serves, shares and gives a thumbnail, as in GeoNetwork.
"""

from __future__ import annotations

from typing import Optional
from xml.sax.saxutils import escape

from lxml import etree

from .geonetwork_fake import (
    ALL_GROUP,
    CONTEXT,
    NS,
    FakeRecord,
    _can_edit,
    _can_view,
    _Handler,
)

CSW = "http://www.opengis.net/cat/csw/2.0.2"
OGC = "http://www.opengis.net/ogc"
GMD = NS["gmd"]
# Spring's role hierarchy in config-security-core.xml: csw-publication asks for Editor.
RANKS = ("Guest", "RegisteredUser", "Editor", "Reviewer", "UserAdmin", "Administrator")
PUBLIC_OPERATIONS = {"view", "download", "dynamic"}


class CswError(Exception):
    """Becomes an OWS ExceptionReport (NoApplicableCode) served with HTTP 200."""


def handle(h: _Handler, method: str, service: str) -> None:
    """Security chain first (Basic auth, Editor for csw-publication), then the operation."""
    failure = h.take_failure(method, service)
    if failure is not None:
        status, headers, body = failure
        return h._send_raw(status, body, "application/xml", headers)
    user = h._user()
    if user is False:  # BasicAuthenticationFilter: wrong credentials
        page = b"<html><body>HTTP Status 401 - Bad credentials</body></html>"
        return h._send_raw(401, page, "text/html", {"WWW-Authenticate": 'Basic realm="Geonetwork"'})
    h.user_name, h.user = user if user else ("", None)
    if service == "csw-publication":
        if h.user is None:  # anonymous: LoginUrlAuthenticationEntryPoint
            return h._send_raw(302, b"", "text/html", {"Location": f"{CONTEXT}/login.jsp?node=srv"})
        if RANKS.index(h.user.profile) < RANKS.index("Editor"):
            page = b"<html><body>Access denied</body></html>"
            return h._send_raw(403, page, "text/html")
    try:
        if method == "GET":
            body = _get(h, service)
        elif method == "POST":
            body = _transaction(h, service)
        else:
            raise CswError(f"Method {method} not supported")
    except CswError as error:
        body = _exception_report(str(error))
    return h._send_raw(200, body, "application/xml")


def _exception_report(text: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.0.0">'
        '<ows:Exception exceptionCode="NoApplicableCode">'
        f"<ows:ExceptionText>{escape(text)}</ows:ExceptionText>"
        "</ows:Exception></ows:ExceptionReport>"
    ).encode()


def _param(h: _Handler, name: str) -> str:
    for key, values in h.query.items():
        if key.lower() == name.lower() and values:
            return values[0]
    return ""


def _get(h: _Handler, service: str) -> bytes:
    request = _param(h, "request")
    if request == "GetCapabilities":
        return _capabilities(h, service)
    if request == "GetRecordById":
        return _get_record_by_id(h)
    raise CswError(f"Operation {request or '(none)'} not supported")


def _capabilities(h: _Handler, service: str) -> bytes:
    names = ["GetCapabilities", "DescribeRecord", "GetRecords", "GetRecordById"]
    if service == "csw-publication":
        names += ["Transaction", "Harvest"]
    address = f"{h.fake.url}/srv/eng/{service}"
    operations = "".join(
        f'<ows:Operation name="{n}"><ows:DCP><ows:HTTP><ows:Get xlink:href="{address}"/>'
        f'<ows:Post xlink:href="{address}"/></ows:HTTP></ows:DCP></ows:Operation>'
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<csw:Capabilities xmlns:csw="{CSW}" xmlns:ows="http://www.opengis.net/ows" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" version="2.0.2">'
        "<ows:ServiceIdentification><ows:Title>GeoNetwork (fake)</ows:Title>"
        "<ows:ServiceType>CSW</ows:ServiceType></ows:ServiceIdentification>"
        f"<ows:OperationsMetadata>{operations}</ows:OperationsMetadata></csw:Capabilities>"
    ).encode()


def _get_record_by_id(h: _Handler) -> bytes:
    """Records the caller may see; unknown or hidden ones are simply absent (GeoNetwork)."""
    if _param(h, "outputSchema") not in ("", GMD, "csw:IsoRecord"):
        raise CswError("The fake only serves outputSchema http://www.isotc211.org/2005/gmd")
    response = etree.Element(f"{{{CSW}}}GetRecordByIdResponse", nsmap={"csw": CSW})
    for uuid in filter(None, _param(h, "id").split(",")):
        record = h.fake.records.get(uuid.strip())
        if record is not None and _can_view(h, record):
            response.append(etree.fromstring(record.xml))
    return etree.tostring(response, xml_declaration=True, encoding="UTF-8")


def _transaction(h: _Handler, service: str) -> bytes:
    if service != "csw-publication":
        raise CswError("Transaction is only available on csw-publication")
    try:
        root = etree.fromstring(h.body, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        raise CswError("Cannot process transaction: the request is not XML") from None
    if root.tag != f"{{{CSW}}}Transaction":
        raise CswError(f"Operation {etree.QName(root).localname} not supported")
    totals = {"totalInserted": 0, "totalUpdated": 0, "totalDeleted": 0}
    inserted: list[FakeRecord] = []
    try:
        for action in root:
            name = etree.QName(action).localname if isinstance(action.tag, str) else ""
            if name == "Insert":
                for metadata in action:
                    inserted.append(_insert(h, metadata))
                    totals["totalInserted"] += 1
            elif name == "Update":
                totals["totalUpdated"] = _update(h, action)
            elif name == "Delete":
                totals["totalDeleted"] = _delete(h, action)
    except CswError as error:
        raise CswError(f"Cannot process transaction: {error}") from None
    return _transaction_response(totals, inserted)


def _uuid(metadata: etree._Element) -> str:
    return (
        metadata.findtext("gmd:fileIdentifier/gco:CharacterString", namespaces=NS) or ""
    ).strip()


def _insert(h: _Handler, metadata: etree._Element) -> FakeRecord:
    uuid = _uuid(metadata)
    if h.user is None:
        raise CswError("User not authenticated.")
    if uuid in h.fake.records:
        raise CswError(f"Metadata with UUID '{uuid}' already exists")
    group = h.user.groups[0] if h.user.groups else 0
    privileges: dict[int, set[str]] = {}
    if h.fake.csw_metadata_public:
        privileges[ALL_GROUP] = set(PUBLIC_OPERATIONS)
    record = FakeRecord(
        uuid,
        h.fake.new_id(),
        etree.tostring(metadata, xml_declaration=True, encoding="UTF-8"),
        h.user_name,
        group,
        privileges=privileges,
    )
    h.fake.records[uuid] = record
    return record


def _update(h: _Handler, action: etree._Element) -> int:
    metadata = next(
        (c for c in action if isinstance(c.tag, str) and c.tag != f"{{{CSW}}}Constraint"), None
    )
    if metadata is None or etree.QName(metadata).namespace == CSW:
        raise CswError("The fake only updates whole records")
    uuid = _uuid(metadata)
    if not uuid:
        raise CswError("Metadata identifier not provided")
    record = h.fake.records.get(uuid)
    if record is None:
        return 0
    if not _can_edit(h, record):
        raise CswError(f"User not allowed to update this metadata({record.internal_id}).")
    record.xml = etree.tostring(metadata, xml_declaration=True, encoding="UTF-8")
    return 1


def _delete(h: _Handler, action: etree._Element) -> int:
    literal = _identifier_filter(action)
    record = h.fake.records.get(literal or "")
    if record is None or not _can_view(h, record):  # the search sees only visible records
        return 0
    if not _can_edit(h, record):
        raise CswError(f"User not allowed to delete metadata : {record.internal_id}")
    del h.fake.records[record.uuid]
    return 1


def _identifier_filter(action: etree._Element) -> Optional[str]:
    """The Literal of ``PropertyIsEqualTo`` on an identifier queryable, the only filter kept."""
    equal = action.find(f".//{{{OGC}}}PropertyIsEqualTo")
    if equal is None:
        raise CswError("The fake only deletes with PropertyIsEqualTo on Identifier")
    name = (equal.findtext(f"{{{OGC}}}PropertyName") or "").split(":")[-1].lower()
    if name not in ("identifier", "fileidentifier"):
        raise CswError(f"Unknown queryable {name}")
    return (equal.findtext(f"{{{OGC}}}Literal") or "").strip()


def _transaction_response(totals: dict[str, int], inserted: list[FakeRecord]) -> bytes:
    dc = "http://purl.org/dc/elements/1.1/"
    root = etree.Element(f"{{{CSW}}}TransactionResponse", nsmap={"csw": CSW, "dc": dc})
    root.set("version", "2.0.2")
    summary = etree.SubElement(root, f"{{{CSW}}}TransactionSummary")
    for key, value in totals.items():
        etree.SubElement(summary, f"{{{CSW}}}{key}").text = str(value)
    if inserted:
        result = etree.SubElement(root, f"{{{CSW}}}InsertResult", handleRef="handleRefValue")
        for record in inserted:
            brief = etree.SubElement(result, f"{{{CSW}}}BriefRecord")
            etree.SubElement(brief, f"{{{dc}}}identifier").text = record.uuid
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
