"""A FAKE GeoNetwork 4 catalogue — not GeoNetwork. GeoNetwork is a Java application that cannot
be installed on the test machine, so this small HTTP server (http.server in a thread, 127.0.0.1,
free port) was written from GeoNetwork 4's documented REST contract to test our client:

- Basic auth: bad credentials → 401; ``GET /srv/api/me`` → 200 JSON for a user, 204 anonymous.
- XSRF (Spring's cookie repository): every answer sets an ``XSRF-TOKEN`` cookie if the caller
  has none; every PUT/POST/DELETE without a matching ``X-XSRF-TOKEN`` header → 403, before
  authentication is even looked at.
- ``PUT /srv/api/records?metadataType&uuidProcessing&group[&category]`` (XML body) → 201 +
  SimpleMetadataProcessingReport JSON; OVERWRITE replaces the record with the same uuid,
  NOTHING refuses an existing uuid (400); only editors of the group may import (403).
- ``GET /srv/api/records/{uuid}`` (XML) → 200 if the caller may view (owner, admin, or group 1
  "All" has view), 403 otherwise, 404 if unknown. ``DELETE`` → 204.
- ``PUT /srv/api/records/{uuid}/sharing`` (JSON ``{clear, privileges:[{group, operations}]}``)
  → 204; ``POST .../attachments?visibility=`` (multipart ``file``) → 201 MetadataResource JSON;
  ``GET .../attachments/{name}``; ``POST .../processes/thumbnail-add?thumbnail_url=`` → 204,
  adds a ``gmd:graphicOverview`` to the stored record.

CSW-T, ``/srv/<lang>/csw-publication`` (module ``csw_publication``), follows GeoNetwork 4's
sources rather than a page of its manual: the security chain (``config-security-core.xml``,
``config-security-mapping.xml``) and the ``Transaction`` operation of ``csw-server``:

- no CSRF token is asked (csw-publication is in GeoNetwork's CSRF exclusions) but Basic auth
  is: bad credentials → 401 ``WWW-Authenticate: Basic realm="Geonetwork"``; no credentials →
  302 to ``/login.jsp`` (the login form's entry point, an HTML page); a user below Editor →
  403 (access-denied page);
- GetCapabilities (Transaction advertised), GetRecordById (``outputSchema`` gmd; an empty
  GetRecordByIdResponse when the caller may not see the record or it does not exist);
- Transaction Insert (the record goes to the user's first group, private unless the
  « inserted metadata is public » setting, ``csw_metadata_public``), Update of a whole record
  (0 updated when the uuid is unknown), Delete by ``Identifier`` filter; TransactionResponse
  with ``totalInserted/Updated/Deleted`` and an InsertResult; errors are an OWS
  ExceptionReport ``NoApplicableCode`` « Cannot process transaction: … » served with HTTP 200
  (GeoNetwork's CSW dispatcher sets no error status).

Failures can be injected per method and path prefix (``fail``) to test status-code handling.
Records, privileges and attachments live in memory.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import parse_qs, unquote, urlsplit

from lxml import etree

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
NS = {"gmd": GMD, "gco": GCO}
CONTEXT = "/geonetwork"
ALL_GROUP = 1


@dataclass
class FakeUser:
    """A catalogue account: ``profile`` is Administrator or Editor; ``groups`` it edits in."""

    password: str
    profile: str = "Editor"
    groups: tuple[int, ...] = (2,)
    user_id: int = 0


@dataclass
class FakeRecord:
    """One stored record, its owner, group, categories, privileges and attachments."""

    uuid: str
    internal_id: int
    xml: bytes
    owner: str
    group: int
    categories: list[str] = field(default_factory=list)
    privileges: dict[int, set[str]] = field(default_factory=dict)
    attachments: dict[str, tuple[bytes, str]] = field(default_factory=dict)


def csw_service(path: str) -> str:
    """``csw-publication`` or ``csw`` for ``/geonetwork/srv/<lang>/<service>``, else ""."""
    parts = path[len(CONTEXT) :].strip("/").split("/") if path.startswith(CONTEXT) else []
    if len(parts) == 3 and parts[0] == "srv" and parts[2] in ("csw", "csw-publication"):
        return parts[2]
    return ""


class FakeGeoNetwork:
    """Start with :meth:`start`, stop with :meth:`stop`; ``url`` is the catalogue base URL."""

    def __init__(
        self,
        users: Optional[dict[str, FakeUser]] = None,
        groups: tuple[int, ...] = (2,),
        categories: tuple[str, ...] = ("dataset", "maps"),
    ) -> None:
        self.users = users or {"editeur": FakeUser("motdepasse-GN-42", "Editor", (2,))}
        self.groups = set(groups) | {ALL_GROUP}
        self.categories = set(categories)
        self.records: dict[str, FakeRecord] = {}
        self.fail: dict[tuple[str, str], tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, str]] = []
        self.rotate_token_once = False
        self.csw_metadata_public = False  # GeoNetwork's « inserted metadata is public » setting
        self._next_id = 100
        self._lock = threading.Lock()
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        """Base URL of the catalogue, like ``https://host/geonetwork``."""
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_address[1]}{CONTEXT}"

    def start(self) -> FakeGeoNetwork:
        """Serve on 127.0.0.1 on a free port in a daemon thread."""
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Shut the server down and wait for its thread (bounded)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = None

    def inject(
        self,
        method: str,
        path_prefix: str,
        status: int,
        body: bytes = b"",
        headers: Optional[dict[str, str]] = None,
    ) -> None:
        """Answer the next ``method`` on ``path_prefix`` (under /srv/api) with ``status``."""
        self.fail[(method, path_prefix)] = (status, headers or {}, body)

    def new_id(self) -> int:
        """Next internal record id (GeoNetwork's integer id)."""
        with self._lock:
            self._next_id += 1
            return self._next_id


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGeoNetwork
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Silence the default stderr access log."""

    # ---- plumbing -------------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        self.query = {k: v for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        self.cookies = SimpleCookie(self.headers.get("Cookie", ""))
        self.new_token: Optional[str] = None
        if "XSRF-TOKEN" not in self.cookies:
            self.new_token = secrets.token_hex(16)
        path = parts.path
        self.fake.requests.append((method, path))
        if path == CONTEXT + "/login.jsp" and method == "GET":
            page = b"<!DOCTYPE html><html><body><form>GeoNetwork login</form></body></html>"
            return self._send_raw(200, page, "text/html")
        service = csw_service(path)
        if service:
            from .csw_publication import handle  # it builds on this module's records

            return handle(self, method, service)
        prefix = CONTEXT + "/srv/api"
        if not path.startswith(prefix):
            return self._send(404, {"message": "not found"})
        route = path[len(prefix) :]
        failure = self.take_failure(method, route)
        if failure is not None:
            status, headers, body = failure
            return self._send_raw(status, body, "application/json", headers)
        if method in ("PUT", "POST", "DELETE") and not self._xsrf_ok():
            return self._send(403, {"code": "forbidden", "message": "Invalid CSRF token"})
        user = self._user()
        if user is False:
            return self._send(
                401,
                {"message": "Bad credentials"},
                {"WWW-Authenticate": 'Basic realm="GeoNetwork"'},
            )
        self.user_name, self.user = user if user else ("", None)
        _route(self, method, [unquote(p) for p in route.strip("/").split("/")])

    def _xsrf_ok(self) -> bool:
        cookie = self.cookies.get("XSRF-TOKEN")
        header = self.headers.get("X-XSRF-TOKEN")
        if cookie is None or not header or header != cookie.value:
            return False
        if self.fake.rotate_token_once:
            self.fake.rotate_token_once = False
            self.new_token = secrets.token_hex(16)
            return False
        return True

    def take_failure(self, method: str, route: str) -> Optional[tuple]:
        """The injected answer for ``method`` on ``route`` (used once), if any."""
        for (fail_method, fail_path), answer in list(self.fake.fail.items()):
            if fail_method == method and route.startswith(fail_path):
                del self.fake.fail[(fail_method, fail_path)]
                return answer
        return None

    def _user(self) -> Any:
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Basic "):
            return None
        try:
            name, _, password = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
        except ValueError:
            return False
        account = self.fake.users.get(name)
        if account is None or account.password != password:
            return False
        return name, account

    def _send_raw(
        self, status: int, body: bytes, ctype: str, headers: Optional[dict[str, str]] = None
    ) -> None:
        self.send_response(status)
        if self.new_token:
            self.send_header("Set-Cookie", f"XSRF-TOKEN={self.new_token}; Path={CONTEXT}")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if body:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send(
        self, status: int, data: Any = None, headers: Optional[dict[str, str]] = None
    ) -> None:
        body = b"" if data is None else json.dumps(data).encode("utf-8")
        self._send_raw(status, body, "application/json", headers)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._dispatch("GET")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")


def _route(h: _Handler, method: str, parts: list[str]) -> None:
    """Dispatch ``/srv/api/<parts>`` to the endpoint functions below."""
    if parts == ["me"] and method == "GET":
        return _me(h)
    if parts and parts[0] == "records":
        if len(parts) == 1 and method == "PUT":
            return _insert(h)
        if len(parts) >= 2:
            record = h.fake.records.get(parts[1])
            tail = parts[2:]
            if record is None:
                return h._send(404, {"message": f"Metadata {parts[1]} not found"})
            return _record_route(h, method, record, tail)
    return h._send(404, {"message": "no such endpoint"})


def _record_route(h: _Handler, method: str, record: FakeRecord, tail: list[str]) -> None:
    if not tail and method == "GET":
        if not _can_view(h, record):
            return h._send(403, {"message": "Operation not allowed"})
        return h._send_raw(200, record.xml, "application/xml")
    if len(tail) == 2 and tail[0] == "attachments" and method == "GET":
        if not _can_view(h, record):
            return h._send(403, {"message": "Operation not allowed"})
        if tail[1] not in record.attachments:
            return h._send(404, {"message": "Attachment not found"})
        data, ctype = record.attachments[tail[1]]
        return h._send_raw(200, data, ctype)
    if h.user is None:
        return h._send(403, {"message": "Authentication required"})
    if not _can_edit(h, record):
        return h._send(403, {"message": "You can't edit this record"})
    if not tail and method == "DELETE":
        del h.fake.records[record.uuid]
        return h._send(204)
    if tail == ["sharing"] and method == "PUT":
        return _sharing(h, record)
    if tail == ["attachments"] and method == "POST":
        return _attach(h, record)
    if tail == ["processes", "thumbnail-add"] and method == "POST":
        return _thumbnail(h, record)
    return h._send(404, {"message": "no such endpoint"})


def _me(h: _Handler) -> None:
    if h.user is None:
        return h._send(204)
    return h._send(
        200,
        {"id": h.user.user_id, "username": h.user_name, "profile": h.user.profile, "enabled": True},
    )


def _insert(h: _Handler) -> None:
    if h.user is None:
        return h._send(403, {"message": "Authentication required"})
    group = int((h.query.get("group") or ["0"])[0] or 0)
    if group not in h.fake.groups:
        return h._send(400, {"code": "bad_parameter", "message": f"Group {group} not found"})
    if h.user.profile != "Administrator" and group not in h.user.groups:
        return h._send(403, {"message": "You are not editor in this group"})
    categories = h.query.get("category", [])
    unknown = [c for c in categories if c not in h.fake.categories]
    if unknown:
        return h._send(400, {"code": "bad_parameter", "message": f"Category {unknown[0]} unknown"})
    try:
        root = etree.fromstring(h.body, etree.XMLParser(resolve_entities=False, no_network=True))
        uuid = root.findtext("gmd:fileIdentifier/gco:CharacterString", namespaces=NS).strip()
    except (etree.XMLSyntaxError, AttributeError):
        return h._send(400, {"code": "bad_format", "message": "Invalid XML fragment"})
    existing = h.fake.records.get(uuid)
    processing = (h.query.get("uuidProcessing") or ["NOTHING"])[0]
    if existing is not None and processing != "OVERWRITE":
        return h._send(
            400, {"code": "bad_parameter", "message": f"Record with UUID {uuid} already exists"}
        )
    if existing is not None and not _can_edit(h, existing):
        return h._send(403, {"message": "You can't edit this record"})
    internal_id = existing.internal_id if existing else h.fake.new_id()
    record = FakeRecord(
        uuid,
        internal_id,
        h.body,
        existing.owner if existing else h.user_name,
        group,
        categories,
        existing.privileges if existing else {},
        existing.attachments if existing else {},
    )
    h.fake.records[uuid] = record
    report = {
        "errors": [],
        "infos": [],
        "uuid": secrets.token_hex(8),
        "metadata": [internal_id],
        "metadataErrors": {},
        "metadataInfos": {
            str(internal_id): [
                {
                    "message": f"Metadata imported from XML with UUID '{uuid}'",
                    "uuid": uuid,
                    "draft": False,
                    "approved": True,
                }
            ]
        },
        "numberOfRecords": 0,
        "numberOfRecordsProcessed": 1,
        "numberOfRecordsWithErrors": 0,
        "numberOfNullRecords": 0,
        "numberOfRecordNotFound": 0,
        "numberOfRecordsNotEditable": 0,
        "type": "SimpleMetadataProcessingReport",
        "running": False,
    }
    return h._send(201, report)


def _can_view(h: _Handler, record: FakeRecord) -> bool:
    if "view" in record.privileges.get(ALL_GROUP, set()):
        return True
    return h.user is not None and _can_edit(h, record)


def _can_edit(h: _Handler, record: FakeRecord) -> bool:
    if h.user is None:
        return False
    return (
        h.user.profile == "Administrator"
        or record.owner == h.user_name
        or record.group in h.user.groups
    )


def _sharing(h: _Handler, record: FakeRecord) -> None:
    try:
        sharing = json.loads(h.body)
        privileges = sharing["privileges"]
        if sharing.get("clear"):
            record.privileges = {}
        for item in privileges:
            group = int(item["group"])
            for operation, allowed in item["operations"].items():
                ops = record.privileges.setdefault(group, set())
                (ops.add if allowed else ops.discard)(operation)
    except (ValueError, KeyError, TypeError, AttributeError):
        return h._send(400, {"message": "Invalid sharing parameter"})
    return h._send(204)


def _attach(h: _Handler, record: FakeRecord) -> None:
    ctype = h.headers.get("Content-Type", "")
    if not ctype.startswith("multipart/form-data"):
        return h._send(415, {"message": "multipart/form-data expected"})
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {ctype}\r\n\r\n".encode() + h.body
    )
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            filename = part.get_filename() or "file"
            data = part.get_payload(decode=True) or b""
            record.attachments[filename] = (data, part.get_content_type())
            visibility = (h.query.get("visibility") or ["public"])[0]
            url = f"{h.fake.url}/srv/api/records/{record.uuid}/attachments/{filename}"
            return h._send(
                201,
                {
                    "id": f"{record.uuid}/attachments/{filename}",
                    "url": url,
                    "filename": filename,
                    "type": "onlinesrc",
                    "visibility": visibility,
                    "size": len(data),
                    "metadataId": record.internal_id,
                },
            )
    return h._send(400, {"message": "Required part 'file' is not present."})


def _thumbnail(h: _Handler, record: FakeRecord) -> None:
    url = (h.query.get("thumbnail_url") or [""])[0]
    if not url:
        return h._send(400, {"message": "thumbnail_url is required"})
    root = etree.fromstring(record.xml)
    ident = root.find("gmd:identificationInfo/*", NS)
    if ident is None:
        return h._send(400, {"message": "No identification to process"})
    overview = etree.Element(f"{{{GMD}}}graphicOverview")
    graphic = etree.SubElement(overview, f"{{{GMD}}}MD_BrowseGraphic")
    name = etree.SubElement(
        etree.SubElement(graphic, f"{{{GMD}}}fileName"), f"{{{GCO}}}CharacterString"
    )
    name.text = url
    later = (
        "resourceFormat",
        "descriptiveKeywords",
        "resourceSpecificUsage",
        "resourceConstraints",
        "aggregationInfo",
        "spatialRepresentationType",
        "spatialResolution",
        "language",
        "characterSet",
        "topicCategory",
        "extent",
    )
    anchor = next(
        (c for c in ident if isinstance(c.tag, str) and etree.QName(c).localname in later), None
    )
    if anchor is None:
        ident.append(overview)
    else:
        anchor.addprevious(overview)
    record.xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return h._send(204)
