"""The small contract every destination implements (idea from GeoCat Bridge's servers/bases.py,
without widgets): test the connection, find the remote object, publish (create or update), delete.

Two families: :class:`CataloguePublisher` (ISO 19139 records: CSW-T, GeoNetwork) and
:class:`DataPublisher` (data and services: GeoServer, udata, CKAN). Publishers get an injected
``requests.Session`` built from the QGIS proxy/SSL/auth settings and never make their own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Optional
from urllib.parse import quote

import requests

from .errors import safe_url
from .http import CancelCheck, HttpClient, ProgressHook, RetryPolicy

CREATED = "created"
UPDATED = "updated"
RECORD_PAGE_FIELD = "{uuid}"  # placeholder of the ``record_page`` connection option


@dataclass(frozen=True)
class PublishResult:
    """What a publication did: ``action`` is "created" or "updated"; ``url`` is public."""

    action: str
    remote_id: str
    url: str
    destination: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def as_report(self) -> dict[str, Any]:
        """Plain dict for the JSON publication report (URLs scrubbed of credentials)."""
        return {
            "action": self.action,
            "remote_id": self.remote_id,
            "url": safe_url(self.url),
            "destination": self.destination,
            "details": dict(self.details),
        }


class Publisher(ABC):
    """A destination reachable through an injected session; subclasses set ``kind``."""

    kind: ClassVar[str] = ""

    def __init__(
        self,
        url: str,
        session: requests.Session,
        *,
        name: str = "",
        timeout: float = 30.0,
        retry: Optional[RetryPolicy] = None,
        options: Optional[Mapping[str, Any]] = None,
        progress: Optional[ProgressHook] = None,
        cancel: Optional[CancelCheck] = None,
        secrets: Sequence[str] = (),
    ) -> None:
        """``secrets``: credentials the session hides (e.g. in a custom auth class) that must
        be scrubbed from errors too; Basic passwords and API-key headers are found alone."""
        self.url = url.strip()
        self.name = name or safe_url(self.url)
        self.options: dict[str, Any] = dict(options or {})
        self.progress = progress
        self.http = HttpClient(
            session,
            self.url,
            timeout=timeout,
            retry=retry or RetryPolicy(),
            cancel=cancel,
            extra_secrets=secrets,
        )

    @property
    def session(self) -> requests.Session:
        """The injected session (proxy, TLS and credentials already configured)."""
        return self.http.session

    def _report(self, fraction: float, step: str) -> None:
        """Forward progress to the hook, if any."""
        if self.progress is not None:
            self.progress(max(0.0, min(1.0, fraction)), step)

    @abstractmethod
    def test_connection(self) -> dict[str, Any]:
        """Check the server answers and accepts our credentials; return facts for the UI."""

    @abstractmethod
    def find(self, identifier: str) -> Optional[Any]:
        """Return the remote object for ``identifier``, or None when it does not exist."""

    @abstractmethod
    def delete(self, identifier: str) -> None:
        """Remove the remote object; raise ``not_found`` when there was nothing to remove."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, url={safe_url(self.url)!r})"


class CataloguePublisher(Publisher):
    """A metadata catalogue storing ``gmd:MD_Metadata`` records under their fileIdentifier."""

    @abstractmethod
    def publish(
        self,
        record_xml: bytes,
        identifier: str,
        *,
        thumbnail: Optional[bytes] = None,
    ) -> PublishResult:
        """Insert or update the record ``identifier`` (never a duplicate)."""

    @abstractmethod
    def get_record(self, identifier: str) -> Optional[bytes]:
        """The stored ``gmd:MD_Metadata`` bytes, or None (for "import from catalogue")."""

    @abstractmethod
    def record_url(self, identifier: str) -> str:
        """Machine address of the record (its ISO 19139 document, e.g. CSW GetRecordById)."""

    def record_page(self, identifier: str) -> str:
        """The page a person opens to read the record: the connection's ``record_page``
        option (a URL template with ``{uuid}``), else the catalogue's own page, else the
        machine address."""
        template = str(self.options.get("record_page") or "").strip()
        if template:
            return template.replace(RECORD_PAGE_FIELD, quote(identifier, safe=""))
        return self.default_record_page(identifier)

    def default_record_page(self, identifier: str) -> str:
        """The record's page when no template is configured (a CSW has no page of its own)."""
        return self.record_url(identifier)

    def find(self, identifier: str) -> Optional[bytes]:
        """A catalogue finds a record by fetching it."""
        return self.get_record(identifier)


class DataPublisher(Publisher):
    """A data destination (map server, open data portal) publishing a dataset and its files."""

    @abstractmethod
    def publish(
        self,
        payload: Mapping[str, Any],
        files: Sequence[Path] = (),
        *,
        remote_id: Optional[str] = None,
    ) -> PublishResult:
        """Create (``remote_id`` None) or update the remote dataset from ``payload``/``files``."""
