"""A minimal in-memory stand-in for Solr's HTTP API, so the real CKAN runs without Solr.

THIS IS THE ONLY FAKE PIECE of the CKAN sandbox: Solr (Java) cannot be installed here, and
without it every CKAN dataset write fails with "Search Index Error". It answers what CKAN 2.12
and pysolr call: the schema (`/schema`, `/admin/file`), `/admin/ping`, `/update` (JSON add,
XML delete by id or query, commit) and `/select` (simple Lucene-like field queries, filter
queries, rows/start, fl, sort on one field, facet counts). Text search is a case-insensitive
substring match, not Solr's ranking. Stdlib only; run with any python:
    python solr_standin.py --port PORT
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import xml.etree.ElementTree as ElementTree  # noqa: S405 - parses CKAN's own update messages
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SCHEMA_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<schema name="ckan-2.12" version="1.6"><uniqueKey>index_id</uniqueKey></schema>\n'
)
MAX_BODY = 50_000_000
TOKEN = re.compile(
    r"(?P<sign>[+-]?)(?:(?P<field>[\w.]+|\*):)?"
    r'(?P<value>\((?:[^()"]|"(?:[^"\\]|\\.)*")*\)|"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^\s()]+)'
)

Doc = dict[str, Any]


class Index:
    """Documents keyed by CKAN's `index_id`, guarded by a lock."""

    def __init__(self) -> None:
        self.docs: dict[str, Doc] = {}
        self.lock = threading.Lock()

    def add(self, docs: list[Doc]) -> None:
        """Add or replace documents."""
        with self.lock:
            for doc in docs:
                self.docs[str(doc.get("index_id") or doc.get("id"))] = doc

    def delete(self, ids: list[str], queries: list[str]) -> None:
        """Delete documents by id and by query."""
        with self.lock:
            for key in ids:
                self.docs.pop(key, None)
                for index_id, doc in list(self.docs.items()):
                    if doc.get("id") == key:
                        del self.docs[index_id]
            for query in queries:
                for index_id, doc in list(self.docs.items()):
                    if matches(doc, query):
                        del self.docs[index_id]

    def select(self, queries: list[str]) -> list[Doc]:
        """Return the documents matching every query, in insertion order."""
        with self.lock:
            return [doc for doc in self.docs.values() if all(matches(doc, q) for q in queries)]


def _unquote(value: str) -> str:
    """Strip quotes and Lucene escapes from a term."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return re.sub(r"\\(.)", r"\1", value)


def _values(doc: Doc, field: str | None) -> list[str]:
    """Return a document's values for a field (all text values for a default-field term)."""
    if field in (None, "text"):
        raw: list[Any] = []
        for value in doc.values():
            raw.extend(value if isinstance(value, list) else [value])
    else:
        value = doc.get(field)
        raw = value if isinstance(value, list) else ([] if value is None else [value])
    return [str(item).lower() for item in raw if item is not None]


def _term_matches(doc: Doc, field: str | None, value: str) -> bool:
    """Tell whether one field term matches the document."""
    if value.startswith("(") and value.endswith(")"):
        inner = value[1:-1]
        return any(
            _term_matches(doc, field, tok.group("value"))
            for tok in TOKEN.finditer(inner)
            if tok.group("value").upper() not in ("OR", "AND")
        )
    if value.startswith("["):
        return bool(_values(doc, field))  # ranges: present is enough for this stand-in
    wanted = _unquote(value).lower()
    values = _values(doc, field)
    if wanted == "*":
        return bool(values)
    if field in (None, "text"):
        return any(wanted.strip("*") in item for item in values)
    if wanted.endswith("*"):
        return any(item.startswith(wanted[:-1]) for item in values)
    return wanted in values


def matches(doc: Doc, query: str) -> bool:
    """Evaluate a simple Lucene query: AND by default, OR groups, +/- signs, field:value."""
    query = query.strip()
    if not query or query == "*:*":
        return True
    required: list[bool] = []
    optional: list[bool] = []
    pending_or = False
    for token in TOKEN.finditer(query):
        sign, field, value = token.group("sign"), token.group("field"), token.group("value")
        if field is None and value.upper() in ("AND", "OR", "NOT"):
            pending_or = value.upper() == "OR"
            continue
        hit = True if field == "*" and value == "*" else _term_matches(doc, field, value)
        if sign == "-":
            required.append(not hit)
        elif pending_or and required:
            optional.extend([required.pop(), hit])
        elif pending_or and optional:
            optional.append(hit)
        else:
            required.append(hit)
        pending_or = False
    return all(required) and (not optional or any(optional))


def search(index: Index, params: dict[str, list[str]]) -> dict[str, Any]:
    """Answer a /select request as Solr's JSON response writer does."""
    first = {key: values[0] for key, values in params.items() if values}
    found = index.select([first.get("q", "*:*")] + params.get("fq", []))
    sort = first.get("sort", "")
    for clause in reversed([c.strip() for c in sort.split(",") if c.strip()]):
        field, _, direction = clause.partition(" ")
        if field != "score":
            found.sort(key=lambda doc, f=field: str(doc.get(f, "")), reverse=direction == "desc")
    start, rows = int(first.get("start", 0)), int(first.get("rows", 10))
    fields = [f for f in re.split(r"[,\s]+", first.get("fl", "*")) if f]
    docs = [_project(doc, fields) for doc in found[start : start + rows]]
    answer: dict[str, Any] = {
        "responseHeader": {"status": 0, "QTime": 0},
        "response": {"numFound": len(found), "start": start, "docs": docs},
    }
    if first.get("facet") == "true":
        answer["facet_counts"] = _facets(found, params, first)
    return answer


def _project(doc: Doc, fields: list[str]) -> Doc:
    """Keep the requested fields (`*` for all, `score` as 1.0)."""
    if "*" in fields:
        return dict(doc)
    projected = {field: doc[field] for field in fields if field in doc}
    if "score" in fields:
        projected["score"] = 1.0
    return projected


def _facets(found: list[Doc], params: dict[str, list[str]], first: dict[str, str]) -> Doc:
    """Count values of each facet field among the matching documents."""
    limit = int(first.get("facet.limit", 50) or 50)
    mincount = int(first.get("facet.mincount", 1) or 1)
    fields: dict[str, list[Any]] = {}
    for field in params.get("facet.field", []):
        counts: dict[str, int] = {}
        for doc in found:
            value = doc.get(field)
            for item in value if isinstance(value, list) else [value]:
                if item is not None:
                    counts[str(item)] = counts.get(str(item), 0) + 1
        ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
        flat: list[Any] = []
        for value, count in ranked[: limit if limit >= 0 else None]:
            if count >= mincount:
                flat.extend([value, count])
        fields[field] = flat
    empty: dict[str, Any] = {}
    return {
        "facet_queries": empty,
        "facet_fields": fields,
        "facet_ranges": {},
        "facet_intervals": {},
        "facet_heatmaps": {},
    }


def update(index: Index, body: bytes, content_type: str) -> None:
    """Apply a JSON add (list of docs) or an XML add/delete/commit message."""
    if not body.strip():
        return
    if "json" in content_type or body.lstrip()[:1] in (b"[", b"{"):
        message = json.loads(body)
        if isinstance(message, dict) and "delete" in message:
            target = message["delete"]
            ids = [target["id"]] if "id" in target else []
            queries = [target["query"]] if "query" in target else []
            index.delete(ids, queries)
        else:
            index.add(message if isinstance(message, list) else [message])
        return
    root = ElementTree.fromstring(body)  # noqa: S314 - local CKAN's own message, no DTD
    if root.tag == "delete":
        ids = [node.text or "" for node in root.iter("id")]
        queries = [node.text or "" for node in root.iter("query")]
        index.delete(ids, queries)
    elif root.tag == "add":
        docs = []
        for doc_node in root.iter("doc"):
            doc: Doc = {}
            for field in doc_node.iter("field"):
                name = field.get("name", "")
                doc.setdefault(name, []).append(field.text or "")
            docs.append({k: v[0] if len(v) == 1 else v for k, v in doc.items()})
        index.add(docs)


class Handler(BaseHTTPRequestHandler):
    """Routes Solr URLs by their last path segment; any core name is accepted."""

    index = Index()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Keep the log short: one line per request."""
        print(f"{self.command} {self.path[:200]} {args[1] if len(args) > 1 else ''}", flush=True)

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        """Send an answer."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, content: Any, status: int = 200) -> None:
        """Send JSON."""
        self._send(status, json.dumps(content).encode())

    def _body(self) -> bytes:
        """Read the request body (bounded)."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        return self.rfile.read(length)

    def _route(self, params: dict[str, list[str]], body: bytes) -> None:
        """Dispatch a request."""
        path = urlsplit(self.path).path.rstrip("/")
        if path.endswith("/schema") or path.endswith("/admin/file"):
            self._send(200, SCHEMA_XML.encode(), "application/xml; charset=utf-8")
        elif path.endswith("/admin/ping"):
            self._json({"responseHeader": {"status": 0}, "status": "OK"})
        elif path.endswith("/select"):
            self._json(search(self.index, params))
        elif path.endswith("/update"):
            update(self.index, body, self.headers.get("Content-Type", ""))
            self._json({"responseHeader": {"status": 0, "QTime": 0}})
        else:
            self._json({"error": {"msg": f"unknown path {path}", "code": 404}}, 404)

    def _handle(self, body: bytes) -> None:
        """Parse parameters from the URL and a form body; answer Solr-style errors."""
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if "x-www-form-urlencoded" in self.headers.get("Content-Type", ""):
            for key, values in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            body = b""
        try:
            self._route(params, body)
        except (ValueError, KeyError, ElementTree.ParseError) as error:
            self._json({"error": {"msg": str(error), "code": 400}}, 400)

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        """Handle GET."""
        self._handle(b"")

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        """Handle POST."""
        self._handle(self._body())


def main() -> None:
    """Serve on 127.0.0.1 until terminated."""
    parser = argparse.ArgumentParser(description="In-memory Solr stand-in for CKAN (fake).")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"Solr stand-in on http://127.0.0.1:{args.port}/solr/ckan", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
