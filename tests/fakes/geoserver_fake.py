"""A FAKE GeoServer REST API — not GeoServer. GeoServer is a Java application that cannot be
installed on the test machine, so this small HTTP server (http.server in a thread, 127.0.0.1,
free port) was written from GeoServer's documented REST contract (REST API 1.0.0, the
``doc/en/api/1.0.0/*.yaml`` Swagger files: workspaces, datastores, featuretypes, styles,
layers) to test our client:

- Basic auth on every ``/rest`` call: none or wrong → 401 with ``WWW-Authenticate``.
- ``GET /rest/about/version.json``; ``GET /rest/workspaces/{ws}.json`` → 200 or 404;
  ``POST /rest/workspaces`` (JSON ``{"workspace": {"name"}}``) → 201, 409 if it exists.
- ``PUT /rest/workspaces/{ws}/datastores/{ds}/file.gpkg?configure=all&update=overwrite``:
  404 if the workspace is missing; creates the store (201) or replaces its data (200); every
  table of the GeoPackage's ``gpkg_contents`` becomes a feature type and a layer.
- ``GET|PUT /rest/workspaces/{ws}/datastores/{ds}/featuretypes/{ft}[.json]`` (JSON
  ``{"featureType": {...}}``); ``DELETE /rest/workspaces/{ws}/datastores/{ds}?recurse=true``
  (without ``recurse`` a store that has feature types is refused: 403).
- ``GET /rest/workspaces/{ws}/styles/{s}.json``; ``POST /rest/workspaces/{ws}/styles?name=``
  with an SLD body (``application/vnd.ogc.sld+xml`` or ``application/vnd.ogc.se+xml``) → 201,
  400 when the body is not an SLD; ``PUT .../styles/{s}`` replaces it; ``DELETE ...?purge=``.
- ``PUT /rest/layers/{ws}:{layer}`` (JSON ``{"layer": {"defaultStyle": {...}}}``) → 200, 404.

Failures can be injected per method and path prefix (``fail``). Everything lives in memory;
``calls`` lists (method, path) in order.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qs, unquote, urlsplit

from lxml import etree

CONTEXT = "/geoserver"
SLD_TYPES = ("application/vnd.ogc.sld+xml", "application/vnd.ogc.se+xml")


@dataclass
class FakeStore:
    """A datastore: its uploaded GeoPackage bytes and its feature types by name."""

    data: bytes = b""
    feature_types: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class FakeWorkspace:
    stores: dict[str, FakeStore] = field(default_factory=dict)
    styles: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # name -> (type, body)
    layers: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> layer info


class FakeGeoServer:
    """Start with :meth:`start`, stop with :meth:`stop`; ``url`` is GeoServer's base URL."""

    def __init__(self, user: str = "admin", password: str = "geoserver-Mot2passe") -> None:  # noqa: S107 - a fake's test account
        self.credentials = (user, password)
        self.workspaces: dict[str, FakeWorkspace] = {}
        self.fail: dict[tuple[str, str], int] = {}
        self.calls: list[tuple[str, str]] = []
        self._server: Optional[ThreadingHTTPServer] = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{CONTEXT}"

    def start(self) -> FakeGeoServer:
        fake = self

        class Handler(_Handler):
            server_state = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def tables_of(self, workspace: str, store: str) -> list[str]:
        """The GeoPackage tables of a stored datastore (read back from the uploaded bytes)."""
        return _gpkg_tables(self.workspaces[workspace].stores[store].data)


def _gpkg_tables(data: bytes) -> list[str]:
    with tempfile.NamedTemporaryFile(suffix=".gpkg") as handle:
        Path(handle.name).write_bytes(data)
        try:
            with sqlite3.connect(handle.name) as db:
                rows = db.execute("SELECT table_name FROM gpkg_contents").fetchall()
        except sqlite3.DatabaseError:
            return []
    return [row[0] for row in rows]


class _Handler(BaseHTTPRequestHandler):
    server_state: FakeGeoServer

    def log_message(self, *_args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    # --- plumbing -----------------------------------------------------------------------

    def _send(self, status: int, body: Any = b"", content_type: str = "text/plain") -> None:
        if isinstance(body, (dict, list)):
            body, content_type = json.dumps(body).encode(), "application/json"
        elif isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="GeoServer Realm"')
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        return (user, password) == self.server_state.credentials

    def _dispatch(self, method: str) -> None:
        state = self.server_state
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        body = self._body()
        state.calls.append((method, path))
        if not path.startswith(CONTEXT + "/rest/"):
            return self._send(404, "No such page")
        if not self._authorised():
            return self._send(401, "HTTP ERROR 401 Unauthorized")
        for (fail_method, prefix), status in state.fail.items():
            if fail_method == method and path.startswith(CONTEXT + prefix):
                return self._send(status, f"Injected failure {status}")
        route = path[len(CONTEXT + "/rest/") :].split("/")
        try:
            self._route(method, route, query, body)
        except KeyError as missing:
            self._send(404, f"No such resource: {missing}")

    # --- the REST contract ------------------------------------------------------------------

    def _route(self, method: str, route: list[str], query: dict, body: bytes) -> None:
        state = self.server_state
        if route == ["about", "version.json"] and method == "GET":
            return self._send(
                200, {"about": {"resource": [{"@name": "GeoServer", "Version": "2.24.2"}]}}
            )
        if route == ["workspaces"] and method == "POST":
            name = json.loads(body)["workspace"]["name"]
            if name in state.workspaces:
                return self._send(409, f"Workspace '{name}' already exists")
            state.workspaces[name] = FakeWorkspace()
            return self._send(201, name)
        if route[0] == "workspaces" and len(route) == 2 and method == "GET":
            name = route[1].removesuffix(".json")
            workspace = state.workspaces[name]
            return self._send(
                200, {"workspace": {"name": name, "dataStores": list(workspace.stores)}}
            )
        if route[0] == "layers" and len(route) == 2 and method == "PUT":
            ws_name, _, layer = route[1].partition(":")
            info = state.workspaces[ws_name].layers[layer]
            style = json.loads(body)["layer"]["defaultStyle"]["name"]
            if style not in state.workspaces[ws_name].styles:
                return self._send(400, f"No such style: {style}")
            info["defaultStyle"] = style
            return self._send(200, "")
        if route[0] == "workspaces" and len(route) >= 4:
            workspace = state.workspaces[route[1]]
            if route[2] == "datastores":
                return self._datastore(method, workspace, route[3:], query, body)
            if route[2] == "styles":
                return self._styles(method, workspace, route[3:], query, body)
        if route[0] == "workspaces" and route[2:] == ["styles"] and method == "POST":
            workspace = state.workspaces[route[1]]
            return self._styles(method, workspace, [], query, body)
        self._send(405, "Method Not Allowed")

    def _datastore(self, method: str, workspace, route, query, body) -> None:
        name = route[0].removesuffix(".json")
        if route[1:] == ["file.gpkg"] and method == "PUT":
            tables = _gpkg_tables(body)
            if not tables:
                return self._send(400, "Could not read the GeoPackage")
            created = name not in workspace.stores
            store = workspace.stores.setdefault(name, FakeStore())
            if not created and query.get("update") != "overwrite":
                return self._send(500, "Appending to a GeoPackage store is not supported")
            store.data = body
            for table in tables:
                store.feature_types.setdefault(table, {"name": table, "title": table})
                workspace.layers.setdefault(table, {"name": table, "defaultStyle": "point"})
            return self._send(201 if created else 200, "")
        store = workspace.stores[name]
        if len(route) == 1 and method == "DELETE":
            if store.feature_types and query.get("recurse") != "true":
                return self._send(403, "Store is not empty")
            for table in store.feature_types:
                workspace.layers.pop(table, None)
            del workspace.stores[name]
            return self._send(200, "")
        if len(route) == 3 and route[1] == "featuretypes":
            feature = route[2].removesuffix(".json")
            if method == "GET":
                return self._send(200, {"featureType": store.feature_types[feature]})
            if method == "PUT":
                current = store.feature_types[feature]
                current.update(json.loads(body)["featureType"])
                return self._send(200, "")
        self._send(405, "Method Not Allowed")

    def _styles(self, method: str, workspace, route, query, body) -> None:
        content_type = self.headers.get("Content-Type", "").split(";")[0]
        if not route and method == "POST":
            name = query.get("name", "")
            if content_type not in SLD_TYPES or not _is_sld(body):
                return self._send(400, "Not a valid SLD document")
            if name in workspace.styles:
                return self._send(403, f"Style '{name}' already exists")
            workspace.styles[name] = (content_type, body)
            return self._send(201, name)
        name = route[0].removesuffix(".json")
        if method == "GET":
            kind, _ = workspace.styles[name]
            return self._send(200, {"style": {"name": name, "format": "sld"}})
        if method == "PUT":
            workspace.styles[name]  # noqa: B018 - 404 when unknown
            if content_type not in SLD_TYPES or not _is_sld(body):
                return self._send(400, "Not a valid SLD document")
            workspace.styles[name] = (content_type, body)
            return self._send(200, "")
        if method == "DELETE":
            del workspace.styles[name]
            return self._send(200, "")
        self._send(405, "Method Not Allowed")


def _is_sld(body: bytes) -> bool:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return False
    return etree.QName(root).localname == "StyledLayerDescriptor"
