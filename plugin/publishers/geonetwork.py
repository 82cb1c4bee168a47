"""GeoNetwork 4 REST API publisher.

Handshake: ``GET /srv/api/me`` (Basic auth from the session) makes GeoNetwork set the
``XSRF-TOKEN`` cookie; every write sends it back as the ``X-XSRF-TOKEN`` header. Publication is
``PUT /srv/api/records?uuidProcessing=OVERWRITE`` (insert or update, 201 + JSON report, which
is checked), then sharing so group 1 ("All") can view, download and use the dynamic map — a
record that is "published" but not shared is not public. Optional thumbnail: attachment upload
then the ``thumbnail-add`` process.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Optional
from urllib.parse import quote

import requests

from .base import CREATED, UPDATED, CataloguePublisher, PublishResult
from .csw import geonetwork_record_page, parse_record
from .errors import PublishError

LOG = logging.getLogger(__name__)

ALL_GROUP = 1
PUBLIC_OPERATIONS = {"view": True, "download": True, "dynamic": True}
XSRF_COOKIE = "XSRF-TOKEN"
XSRF_HEADER = "X-XSRF-TOKEN"
_XML_ACCEPT = {"Accept": "application/xml"}
_JSON_ACCEPT = {"Accept": "application/json"}


def api_root(url: str) -> str:
    """Catalogue base URL (".../geonetwork") from what the user typed (may end in /srv...)."""
    base = url.strip().rstrip("/")
    for suffix in ("/srv/api", "/srv"):
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base


def check_import_report(report: Any, identifier: str, server: str) -> Optional[int]:
    """Validate GeoNetwork's SimpleMetadataProcessingReport; return the internal id if given."""
    if not isinstance(report, Mapping):
        raise PublishError("invalid_answer", {"server": server, "detail": "report expected"})
    errors = report.get("errors") or []
    metadata_errors = report.get("metadataErrors") or {}
    if errors or metadata_errors or report.get("numberOfRecordsWithErrors", 0):
        detail = _first_error(errors) or _first_error(list(metadata_errors.values()))
        raise PublishError("bad_request", {"server": server, "detail": detail or "import"})
    if report.get("numberOfRecordsProcessed", 0) != 1:
        raise PublishError(
            "transaction_failed",
            {
                "server": server,
                "operation": "import",
                "count": report.get("numberOfRecordsProcessed", 0),
            },
        )
    infos = report.get("metadataInfos") or {}
    for internal_id, entries in infos.items():
        uuids = {e.get("uuid") for e in entries if isinstance(e, Mapping) and e.get("uuid")}
        if uuids and identifier not in uuids:
            raise PublishError(
                "invalid_answer",
                {"server": server, "detail": "the catalogue stored another identifier"},
            )
        try:
            return int(internal_id)
        except (TypeError, ValueError):
            return None
    return None


def _first_error(items: Any) -> str:
    for item in items if isinstance(items, list) else []:
        if isinstance(item, list):
            found = _first_error(item)
            if found:
                return found
        elif isinstance(item, Mapping):
            text = item.get("message") or item.get("description")
            if text:
                return str(text)[:300]
        elif item:
            return str(item)[:300]
    return ""


class GeoNetworkPublisher(CataloguePublisher):
    """Publishes ISO 19139 records through the GeoNetwork 4 REST API.

    Options: ``group`` (id of the owner group, required to publish), ``category`` (optional),
    ``lang`` for public links (default "fre"), ``public`` (default True: share with "All").
    """

    kind = "geonetwork"

    def __init__(self, url: str, session: requests.Session, **kwargs: Any) -> None:
        super().__init__(url, session, **kwargs)
        self.root = api_root(self.url)
        self.api = f"{self.root}/srv/api"
        self._xsrf: Optional[str] = None

    def _record_api(self, identifier: str, tail: str = "") -> str:
        return f"{self.api}/records/{quote(identifier, safe='')}{tail}"

    def login(self) -> dict[str, Any]:
        """``GET /me``: checks the credentials and collects the XSRF token for writes."""
        response = self.http.request("GET", f"{self.api}/me", headers=_JSON_ACCEPT)
        if response.status_code == 204:  # GeoNetwork's answer to an anonymous caller
            raise PublishError("auth", {"server": self.http.server, "status": 204})
        me = self.http.parse_json(response)
        token = self.session.cookies.get(XSRF_COOKIE)
        if not token:
            raise PublishError(
                "invalid_answer", {"server": self.http.server, "detail": "no XSRF-TOKEN cookie"}
            )
        self._xsrf = token
        return me if isinstance(me, dict) else {}

    def test_connection(self) -> dict[str, Any]:
        """Log in and report who we are (user name and profile only)."""
        me = self.login()
        return {"username": me.get("username", ""), "profile": me.get("profile", "")}

    def _write(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """A write with the XSRF header; on 403 the token is refreshed once (it may rotate)."""
        if self._xsrf is None:
            self.login()
        for attempt in (1, 2):
            headers = {**kwargs.pop("headers", {}), XSRF_HEADER: self._xsrf or ""}
            try:
                return self.http.request(method, url, headers=headers, **kwargs)
            except PublishError as err:
                if err.code != "forbidden" or attempt == 2:
                    raise
                kwargs["headers"] = {k: v for k, v in headers.items() if k != XSRF_HEADER}
                self.login()
        raise AssertionError("unreachable")

    def get_record(self, identifier: str) -> Optional[bytes]:
        """``GET /records/{uuid}`` as XML; None when the catalogue has no such record."""
        response = self.http.request(
            "GET", self._record_api(identifier), headers=_XML_ACCEPT, allow=(404,)
        )
        if response.status_code == 404:
            return None
        root = self.http.parse_xml(response)
        if not root.tag.endswith("}MD_Metadata"):
            raise PublishError(
                "invalid_answer", {"server": self.http.server, "detail": "gmd:MD_Metadata expected"}
            )
        return response.content

    def record_url(self, identifier: str) -> str:
        """The record's ISO 19139 document (``/srv/api/records/{uuid}/formatters/xml``)."""
        return self._record_api(identifier, "/formatters/xml")

    def default_record_page(self, identifier: str) -> str:
        """GeoNetwork 4's own page of the record (``{node}/{lang}/catalog.search#/metadata/``,
        the link its user interface gives)."""
        return geonetwork_record_page(self.root, str(self.options.get("lang") or "fre"), identifier)

    def publish(
        self, record_xml: bytes, identifier: str, *, thumbnail: Optional[bytes] = None
    ) -> PublishResult:
        """Insert or overwrite the record, share it with "All", attach the thumbnail."""
        parse_record(record_xml, identifier)
        group = self.options.get("group")
        if group in (None, ""):
            raise PublishError("missing_option", {"connection": self.name, "option": "group"})
        self._report(0.05, "catalogue.login")
        self.login()
        exists = self.get_record(identifier) is not None
        self._report(0.3, "catalogue.upload")
        internal_id = self._put_record(record_xml, identifier, str(group))
        if self.options.get("public", True):
            self._report(0.6, "catalogue.sharing")
            self.share_public(identifier)
        thumbnail_url = ""
        if thumbnail:
            self._report(0.8, "catalogue.thumbnail")
            thumbnail_url = self.add_thumbnail(identifier, thumbnail)
        self._report(1.0, "catalogue.done")
        LOG.info("GeoNetwork %s record %s", "updated" if exists else "created", identifier)
        details: dict[str, Any] = {"internal_id": internal_id, "thumbnail_url": thumbnail_url}
        return PublishResult(
            UPDATED if exists else CREATED,
            identifier,
            self.record_page(identifier),
            destination=self.name,
            details=details,
        )

    def _put_record(self, record_xml: bytes, identifier: str, group: str) -> Optional[int]:
        params = {"metadataType": "METADATA", "uuidProcessing": "OVERWRITE", "group": group}
        category = self.options.get("category")
        if category not in (None, ""):
            params["category"] = str(category)
        response = self._write(
            "PUT",
            f"{self.api}/records",
            params=params,
            data=record_xml,
            headers={"Content-Type": "application/xml", **_JSON_ACCEPT},
        )
        if response.status_code != 201:
            raise PublishError(
                "invalid_answer",
                {"server": self.http.server, "detail": f"HTTP {response.status_code}"},
            )
        return check_import_report(self.http.parse_json(response), identifier, self.http.server)

    def share_public(self, identifier: str) -> None:
        """Give group "All" view + download + dynamic (without clearing other privileges)."""
        body = {
            "clear": False,
            "privileges": [{"group": ALL_GROUP, "operations": dict(PUBLIC_OPERATIONS)}],
        }
        self._write("PUT", self._record_api(identifier, "/sharing"), json=body)

    def add_thumbnail(self, identifier: str, png: bytes, filename: str = "apercu.png") -> str:
        """Upload a public PNG attachment and register it as the record's overview."""
        response = self._write(
            "POST",
            self._record_api(identifier, "/attachments"),
            params={"visibility": "public"},
            headers=_JSON_ACCEPT,
            files={"file": (filename, png, "image/png")},
            idempotent=False,
        )
        resource = self.http.parse_json(response)
        url = resource.get("url") if isinstance(resource, Mapping) else None
        if not url:
            raise PublishError(
                "invalid_answer", {"server": self.http.server, "detail": "attachment URL missing"}
            )
        self._write(
            "POST",
            self._record_api(identifier, "/processes/thumbnail-add"),
            params={"thumbnail_url": url, "thumbnail_desc": filename},
            idempotent=False,
        )
        return str(url)

    def delete(self, identifier: str) -> None:
        """``DELETE /records/{uuid}``; ``not_found`` when it does not exist."""
        self._write("DELETE", self._record_api(identifier))
        LOG.info("GeoNetwork deleted record %s", identifier)
