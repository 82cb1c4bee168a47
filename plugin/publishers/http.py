"""HTTP plumbing shared by publishers: bounded retries, status → error code, safe XML parsing.

Publishers receive a ready ``requests.Session`` (proxy, TLS and authentication come from QGIS,
built elsewhere); this module only sends through it and judges the answers.
"""

from __future__ import annotations

import contextlib
import email.utils
import ipaddress
import json
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

import requests
from lxml import etree

from .errors import PublishError, redact, safe_url, server_label

LOG = logging.getLogger(__name__)

ProgressHook = Callable[[float, str], None]
"""Called with a fraction in [0, 1] and a step code, e.g. ``(0.5, "catalogue.sharing")``."""
CancelCheck = Callable[[], bool]
"""Returns True when the user asked to cancel; checked before every request."""

MAX_XML_BYTES = 20 * 1024 * 1024
_DETAIL_CHARS = 400
_RETRY_ALWAYS = frozenset({429, 503})
_RETRY_IDEMPOTENT = frozenset({502, 504})
_SECRET_HEADERS = ("authorization", "x-api-key", "proxy-authorization")

OWS_NAMESPACES = ("http://www.opengis.net/ows", "http://www.opengis.net/ows/1.1", "")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry: total ``attempts``, doubling ``backoff`` capped at
    ``max_wait`` seconds (a longer Retry-After is not waited for: the error is raised)."""

    attempts: int = 3
    backoff: float = 0.5
    max_wait: float = 10.0


def session_secrets(session: requests.Session) -> tuple[str, ...]:
    """Secrets the session carries (Basic password, API key headers), to scrub from errors."""
    found: list[str] = []
    auth = session.auth
    if isinstance(auth, tuple) and len(auth) == 2:
        found.append(str(auth[1]))
    elif auth is not None and getattr(auth, "password", None):
        found.append(str(auth.password))
    for name, value in session.headers.items():
        if name.lower() in _SECRET_HEADERS and value:
            text = value.decode() if isinstance(value, bytes) else str(value)
            found.append(text)
            found.append(text.split(" ", 1)[-1])
    return tuple(s for s in found if s)


class HttpClient:
    """Sends requests to one server through the injected session and maps failures to codes."""

    def __init__(
        self,
        session: requests.Session,
        server_url: str,
        *,
        timeout: float = 30.0,
        retry: Optional[RetryPolicy] = None,
        cancel: Optional[CancelCheck] = None,
        sleep: Callable[[float], None] = time.sleep,
        extra_secrets: Iterable[str] = (),
    ) -> None:
        self.session = session
        self.server = server_label(server_url)
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.cancel = cancel
        self._sleep = sleep
        self._extra_secrets = tuple(s for s in extra_secrets if s)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Everything that must never appear in an error, a log line or a report."""
        return session_secrets(self.session) + self._extra_secrets

    def request(
        self,
        method: str,
        url: str,
        *,
        idempotent: Optional[bool] = None,
        allow: Iterable[int] = (),
        **kwargs: Any,
    ) -> requests.Response:
        """Send with bounded retries; return a 2xx response (or one whose status is in
        ``allow``), else raise :class:`PublishError`."""
        if idempotent is None:
            idempotent = method.upper() in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
        response = self._send_with_retries(method, url, idempotent, kwargs)
        if response.status_code in set(allow) or 200 <= response.status_code < 300:
            return response
        raise self.error_for(response)

    def _send_with_retries(
        self, method: str, url: str, idempotent: bool, kwargs: dict[str, Any]
    ) -> requests.Response:
        attempts = max(1, self.retry.attempts)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self._check_cancel()
            try:
                response = self._send_once(method, url, kwargs)
            except PublishError as err:
                if last or not idempotent or err.code not in ("unreachable", "timeout"):
                    raise
                self._wait(self.retry.backoff * 2**attempt, url)
                continue
            status = response.status_code
            retryable = status in _RETRY_ALWAYS or (idempotent and status in _RETRY_IDEMPOTENT)
            if not retryable or last:
                return response
            wait = retry_after_seconds(response)
            if wait is None:
                wait = self.retry.backoff * 2**attempt
            if wait > self.retry.max_wait:
                return response
            self._wait(wait, url)
        raise AssertionError("unreachable: the loop always returns or raises")

    def _send_once(self, method: str, url: str, kwargs: dict[str, Any]) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        shown = safe_url(url)
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.exceptions.SSLError:
            raise PublishError("tls", {"server": self.server}) from None
        except requests.exceptions.Timeout:
            raise PublishError("timeout", {"server": self.server}) from None
        except requests.exceptions.ConnectionError:
            raise PublishError("unreachable", {"server": self.server}) from None
        except requests.exceptions.RequestException as exc:
            detail = redact(type(exc).__name__, self.secrets)
            raise PublishError("unreachable", {"server": self.server, "detail": detail}) from None
        LOG.debug("%s %s -> %s", method, shown, response.status_code)
        return response

    def _wait(self, seconds: float, url: str) -> None:
        LOG.info("Retrying %s in %.1f s", safe_url(url), seconds)
        self._sleep(max(0.0, min(seconds, self.retry.max_wait)))

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise PublishError("cancelled", {"server": self.server})

    def error_for(self, response: requests.Response) -> PublishError:
        """Translate a non-success HTTP answer into a coded error (never a success)."""
        status = response.status_code
        params: dict[str, Any] = {"server": self.server, "status": status}
        detail, fields = error_detail(response)
        if detail:
            params["detail"] = redact(detail, self.secrets)
        if fields:
            params["fields"] = {k: redact(v, self.secrets) for k, v in fields.items()}
        code = _STATUS_CODES.get(status)
        if code is None:
            code = "server_error" if status >= 500 else "http_error"
        if status == 429:
            wait = retry_after_seconds(response)
            if wait is not None:
                params["retry_after"] = int(wait)
        return PublishError(code, params)

    def parse_xml(self, response: requests.Response) -> etree._Element:
        """Parse a response body as XML safely; raise ``exception_report`` for OWS exceptions."""
        root = parse_xml_bytes(response.content, self.server)
        exception = ows_exception(root)
        if exception is not None:
            code, detail = exception
            raise PublishError(
                "exception_report",
                {
                    "server": self.server,
                    "exception_code": code,
                    "detail": redact(detail, self.secrets),
                },
            )
        return root

    def parse_json(self, response: requests.Response) -> Any:
        """Decode a JSON body or raise ``invalid_answer``."""
        try:
            return response.json()
        except ValueError:
            raise PublishError(
                "invalid_answer", {"server": self.server, "detail": "JSON expected"}
            ) from None


_STATUS_CODES = {
    400: "bad_request",
    401: "auth",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    429: "rate_limited",
}


def secure_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml_bytes(content: bytes, server: str, limit: int = MAX_XML_BYTES) -> etree._Element:
    """Parse untrusted XML bytes with size limit; ``invalid_answer`` when not XML."""
    if len(content) > limit:
        raise PublishError("invalid_answer", {"server": server, "detail": "XML too large"})
    try:
        root = etree.fromstring(content, parser=secure_parser())
    except etree.XMLSyntaxError:
        raise PublishError("invalid_answer", {"server": server, "detail": "XML expected"}) from None
    if root is None:
        raise PublishError("invalid_answer", {"server": server, "detail": "empty answer"})
    return root


def ows_exception(root: etree._Element) -> Optional[tuple[str, str]]:
    """``(exceptionCode, text)`` if ``root`` is an OWS ExceptionReport, else None."""
    if etree.QName(root).localname != "ExceptionReport":
        return None
    if etree.QName(root).namespace not in (None, *OWS_NAMESPACES):
        return None
    code, texts = "", []
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname
        if name == "Exception" and not code:
            code = node.get("exceptionCode", "")
            locator = node.get("locator")
            if locator:
                texts.append(f"[{locator}]")
        elif name == "ExceptionText" and node.text:
            texts.append(node.text.strip())
    return code or "NoApplicableCode", " ".join(texts)[:_DETAIL_CHARS]


def error_detail(response: requests.Response) -> tuple[str, dict[str, str]]:
    """Best short explanation the server gave (JSON message/field errors, OWS text)."""
    ctype = response.headers.get("Content-Type", "").lower()
    body = response.content or b""
    if "json" in ctype or body[:1] in (b"{", b"["):
        try:
            return _json_detail(json.loads(body.decode("utf-8", "replace")))
        except ValueError:
            pass
    if "xml" in ctype or body.lstrip()[:1] == b"<":
        try:
            root = etree.fromstring(body[:MAX_XML_BYTES], parser=secure_parser())
            exception = ows_exception(root) if root is not None else None
            if exception:
                return f"{exception[0]}: {exception[1]}", {}
        except etree.XMLSyntaxError:
            pass
        return "", {}
    if ctype.startswith("text/plain"):
        return body.decode("utf-8", "replace").strip()[:_DETAIL_CHARS], {}
    return "", {}


def _json_detail(data: Any) -> tuple[str, dict[str, str]]:
    if not isinstance(data, Mapping):
        return "", {}
    fields: dict[str, str] = {}
    errors = data.get("errors")
    if isinstance(errors, Mapping):
        for key, value in errors.items():
            text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            fields[str(key)] = text[:_DETAIL_CHARS]
    parts = [
        str(data[k])
        for k in ("message", "description", "detail", "error")
        if isinstance(data.get(k), (str, int)) and str(data[k]).strip()
    ]
    unique = list(dict.fromkeys(parts))
    return " - ".join(unique)[:_DETAIL_CHARS], fields


def retry_after_seconds(response: requests.Response) -> Optional[float]:
    """Seconds asked by a Retry-After header (delta or HTTP date), None when absent/invalid."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def no_proxy_hosts(entries: Iterable[str]) -> str:
    """QGIS's "no proxy for" entries as requests' ``no_proxy`` (comma-separated hosts).

    QGIS stores URL prefixes (``https://geo.exemple.fr/``, ``http://10.0.0.1:8080``); requests
    matches host names by suffix (``host``, ``host:port``, ``.domain``) and IP addresses by
    equality or CIDR network, without a port. So a URL keeps its host (and its explicit port
    for a name), an IP address loses its port, a path is dropped (the whole host then skips
    the proxy, a little more than QGIS would), and what users type too — bare hosts,
    ``host:port``, ``.domain`` suffixes, networks such as ``10.0.0.0/8`` — is kept as is.
    """
    hosts: list[str] = []
    for entry in entries:
        host = _no_proxy_host(str(entry).strip())
        if host and host not in hosts:
            hosts.append(host)
    return ",".join(hosts)


def _no_proxy_host(text: str) -> str:
    """One entry of :func:`no_proxy_hosts` in requests' form ('' when there is no host)."""
    if not text:
        return ""
    if "://" not in text:
        with contextlib.suppress(ValueError):
            network = ipaddress.ip_network(text, strict=False)  # 10.0.0.0/8, 10.0.0.1
            return str(network) if "/" in text else text
    parsed = urlsplit(text if "://" in text else f"//{text}")
    host = (parsed.hostname or "").strip()
    if not host:
        return ""
    with contextlib.suppress(ValueError):
        ipaddress.ip_address(host)
        return host  # requests compares IP addresses without their port
    if text.split("://")[-1].startswith("."):
        host = "." + host.lstrip(".")
    try:
        port = parsed.port
    except ValueError:  # not a number: the host alone
        port = None
    return f"{host}:{port}" if port else host
