"""A local copy of the ISO 19139 XML Schemas, downloaded once on request into the QGIS profile.

`download_schemas` fetches `gmx.xsd` of the 2007-04-17 set from the official OGC schema
repository and, recursively, every schema it includes or imports (GML 3.2.1, XLink, xml.xsd).
Every `schemaLocation` is rewritten to a relative path inside the copy, so validation later
works offline and lxml never needs the network. The copy is written to a temporary folder,
compiled once to prove it is complete, then moved into place: a failed or cancelled download
leaves the previous copy (or nothing) behind, never half a copy.
"""

from __future__ import annotations

import posixpath
import shutil
import tempfile
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urljoin, urlsplit

import requests
from lxml import etree

from ..core import xsd
from ..core.errors import GeoPublierError
from .destinations import profile_folder

OFFICIAL_BASE_URL = "https://schemas.opengis.net/"
OFFICIAL_HOST = "schemas.opengis.net"
ISO_SUBPATH = "iso/19139/20070417"
ENTRY_POINT = f"{ISO_SUBPATH}/gmx/gmx.xsd"
# Hosts the official schemas point to, besides the OGC repository itself.
EXTERNAL_HOSTS = ("www.w3.org",)
MAX_FILES = 300
MAX_FILE_BYTES = 5_000_000
MAX_TOTAL_BYTES = 60_000_000
TIMEOUT_S = 30.0
_XS = "http://www.w3.org/2001/XMLSchema"
_REFERENCES = tuple(f"{{{_XS}}}{name}" for name in ("include", "import", "redefine", "override"))


class SchemaDownloadError(GeoPublierError):
    """The ISO 19139 schemas could not be downloaded (network, refused location, cancelled)."""


def default_schema_root() -> Path:
    """Where the downloaded copy lives: `<QGIS profile>/geopublier/schemas`."""
    return profile_folder() / "schemas"


def installed_schema_folder(target_folder: Optional[Path] = None) -> Optional[Path]:
    """The folder holding `gmx/gmx.xsd` of the downloaded copy, or None when there is none."""
    folder = Path(target_folder or default_schema_root()) / ISO_SUBPATH
    return folder if (folder / "gmx" / "gmx.xsd").is_file() else None


def download_schemas(
    session: requests.Session,
    target_folder: Optional[Path] = None,
    base_url: str = OFFICIAL_BASE_URL,
    feedback: Any = None,
    *,
    mirrors: Optional[Mapping[str, str]] = None,
    timeout: float = TIMEOUT_S,
) -> Path:
    """Download gmx.xsd and all it needs into `target_folder`; return the folder to validate with.

    The returned folder, `<target>/iso/19139/20070417`, holds gmx/gmx.xsd (what
    `installed_schema_folder()` returns and `core.xsd` validates with). `session` comes from
    `plugin.qgis.network.build_session` (QGIS proxy and CAs); `feedback` is a QgsFeedback
    (progress, cancel); `mirrors` maps an external host (www.w3.org) to a base URL to fetch its
    files from instead. Blocking: run it in a QgsTask. Raises SchemaDownloadError (a
    GeoPublierError: code + params, see messages).
    """
    root = Path(target_folder or default_schema_root())
    root.parent.mkdir(parents=True, exist_ok=True)
    crawler = _Crawler(session, base_url, mirrors or {}, feedback, timeout)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}-", dir=root.parent))
    try:
        crawler.crawl(staging)
        _check_compiles(staging)
        _replace(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    xsd.forget_schemas()
    return root / ISO_SUBPATH


class _Crawler:
    """Breadth-first walk of the include/import graph, one file at a time."""

    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        mirrors: Mapping[str, str],
        feedback: Any,
        timeout: float,
    ) -> None:
        self.session = session
        self.base = _folder_url(base_url)
        # (URL prefix, folder in the copy), longest prefix first: a mirror may sit below the base.
        sources = [(self.base, "")] + [
            (_folder_url(url), f"{host.lower()}/") for host, url in mirrors.items()
        ]
        self.sources = sorted(sources, key=lambda item: -len(item[0]))
        self.mirrors = {host.lower(): _folder_url(url) for host, url in mirrors.items()}
        self.feedback = feedback
        self.timeout = timeout
        self.total_bytes = 0

    def crawl(self, staging: Path) -> None:
        """Fetch every schema reachable from gmx.xsd into `staging`."""
        queue = deque([(self.base + ENTRY_POINT, ENTRY_POINT)])
        seen = {ENTRY_POINT}
        done = 0
        while queue:
            self._check_cancel()
            url, local = queue.popleft()
            data = self._fetch(url)
            document = self._parse(url, data)
            changed = False
            for element in document.iter(*_REFERENCES):
                location = (element.get("schemaLocation") or "").strip()
                if not location:
                    continue
                target_url, target_local = self.locate(urljoin(url, location))
                relative = posixpath.relpath(target_local, posixpath.dirname(local) or ".")
                if relative != location:
                    element.set("schemaLocation", relative)
                    changed = True
                if target_local not in seen:
                    if len(seen) >= MAX_FILES:
                        raise SchemaDownloadError("xsd.download_too_large", {"files": MAX_FILES})
                    seen.add(target_local)
                    queue.append((target_url, target_local))
            path = staging / local
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_serialise(document) if changed else data)
            done += 1
            if self.feedback is not None:
                self.feedback.setProgress(100.0 * done / (done + len(queue)))

    def locate(self, url: str) -> tuple[str, str]:
        """(URL to fetch, path inside the copy) of a referenced schema; refuse anything else.

        Files of the base (or of a mirror) keep their path below it; the official repository's
        own absolute URLs are fetched from the base; www.w3.org files go to `www.w3.org/...`.
        """
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or parts.query or not host:
            raise SchemaDownloadError("xsd.location_refused", {"url": url})
        path = posixpath.normpath("/" + parts.path).lstrip("/")
        key = f"{parts.netloc.lower()}/{path}"
        fetch, local = "", ""
        for prefix, folder in self.sources:
            prefix_key = _without_scheme(prefix)
            if key.startswith(prefix_key):
                rest = key[len(prefix_key) :]
                fetch, local = prefix + rest, folder + rest
                break
        else:
            if host in self.mirrors:
                fetch, local = self.mirrors[host] + path, f"{host}/{path}"
            elif host == OFFICIAL_HOST:
                fetch, local = self.base + path, path
            elif host in EXTERNAL_HOSTS:
                fetch, local = f"https://{host}/{path}", f"{host}/{path}"
        if not local or not _safe_local(local):
            raise SchemaDownloadError("xsd.location_refused", {"url": url})
        return fetch, local

    def _fetch(self, url: str) -> bytes:
        """The bytes of one schema, streamed with size limits and cancellation."""
        chunks: list[bytes] = []
        try:
            with self.session.get(url, timeout=self.timeout, stream=True) as response:
                if response.status_code != 200:
                    detail = f"HTTP {response.status_code}"
                    raise SchemaDownloadError("xsd.download_failed", {"url": url, "detail": detail})
                size = 0
                for chunk in response.iter_content(64 * 1024):
                    self._check_cancel()
                    size += len(chunk)
                    self.total_bytes += len(chunk)
                    if size > MAX_FILE_BYTES or self.total_bytes > MAX_TOTAL_BYTES:
                        raise SchemaDownloadError(
                            "xsd.download_too_large", {"url": url, "max": MAX_FILE_BYTES}
                        )
                    chunks.append(chunk)
        except requests.RequestException as exc:
            raise SchemaDownloadError(
                "xsd.download_failed", {"url": url, "detail": str(exc)[:200]}
            ) from exc
        return b"".join(chunks)

    @staticmethod
    def _parse(url: str, data: bytes) -> etree._ElementTree:
        """Parse a downloaded schema safely (no entities, DTD or network); it must be an XSD."""
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise SchemaDownloadError(
                "xsd.not_a_schema", {"url": url, "detail": str(exc)[:200]}
            ) from exc
        if root.getroottree().docinfo.internalDTD is not None:  # where entities are declared
            raise SchemaDownloadError("xsd.not_a_schema", {"url": url, "detail": "DOCTYPE"})
        if root.tag != f"{{{_XS}}}schema":
            raise SchemaDownloadError("xsd.not_a_schema", {"url": url, "detail": str(root.tag)})
        return root.getroottree()

    def _check_cancel(self) -> None:
        if self.feedback is not None and self.feedback.isCanceled():
            raise SchemaDownloadError("xsd.download_cancelled", {})


def _folder_url(url: str) -> str:
    """`url` ending with a slash (a folder)."""
    return url if url.endswith("/") else url + "/"


def _without_scheme(url: str) -> str:
    """`host[:port]/path` of a URL, lower-case host: http and https name the same file."""
    parts = urlsplit(url)
    return f"{parts.netloc.lower()}/{parts.path.lstrip('/')}"


def _serialise(document: etree._ElementTree) -> bytes:
    """A schema whose locations were rewritten, as UTF-8 XML."""
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def _safe_local(path: str) -> bool:
    """A relative path that stays inside the copy and names a schema file."""
    parts = path.split("/")
    return (
        path.endswith(".xsd")
        and not path.startswith("/")
        and all(part not in ("", ".", "..") for part in parts)
        and "\\" not in path
    )


def _check_compiles(staging: Path) -> None:
    """Compile the copy offline: a missing or broken file fails here, before replacing anything."""
    try:
        xsd.compile_schema(xsd.find_gmx_xsd(staging / ISO_SUBPATH))
    except GeoPublierError as exc:
        raise SchemaDownloadError("xsd.download_incomplete", dict(exc.params)) from exc


def _replace(staging: Path, root: Path) -> None:
    """Move the new copy into place, keeping the old one until the new one is there."""
    previous = None
    if root.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{root.name}-old-", dir=root.parent))
        previous.rmdir()
        root.rename(previous)
    try:
        staging.rename(root)
    except OSError:
        if previous is not None:
            previous.rename(root)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
