"""Saved destinations ("connections") and their JSON file format, shared by a whole training room.

File format (every key but ``name``, ``type`` and ``url`` is optional; a catalogue's
``options.record_page`` is the address of a record's page for people, with ``{uuid}``)::

    {"connections": [{"name": "Géoportail régional", "type": "csw",
                      "url": "https://geo.example.fr/csw", "authcfg": "ab12cd3",
                      "username_env": "GEO_USER", "password_env": "GEO_PASSWORD",
                      "api_key_env": "PORTAL_KEY", "options": {"group": 2}}]}

Secrets never live here: ``authcfg`` names a QGIS authentication configuration and the
``*_env`` keys name environment variables, read only when a connection is used.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from .errors import ConfigError

CONNECTION_TYPES = ("csw", "geonetwork", "geoserver", "qgisserver", "udata", "ckan")
CATALOGUE_TYPES = ("csw", "geonetwork")
MAP_SERVER_TYPES = ("geoserver", "qgisserver")


def connection_role(kind: str) -> str:
    """The role of the step a connection of this type runs, as the journal records it."""
    if kind in CATALOGUE_TYPES:
        return "catalogue"
    return "mapserver" if kind in MAP_SERVER_TYPES else "portal"


_ENV_KEYS = ("username_env", "password_env", "api_key_env")
_KNOWN_KEYS = frozenset(("name", "type", "url", "authcfg", "options") + _ENV_KEYS)
_SECRET_KEYS = frozenset(("password", "passwd", "api_key", "apikey", "token", "secret", "key"))
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_AUTHCFG = re.compile(r"^[A-Za-z0-9]{1,32}$")
_MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Connection:
    """One destination: what it is and where; credentials only by reference."""

    name: str
    type: str
    url: str
    authcfg: str = ""
    username_env: str = ""
    password_env: str = ""
    api_key_env: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The file form: empty optional keys are left out."""
        data: dict[str, Any] = {"name": self.name, "type": self.type, "url": self.url}
        for key in ("authcfg",) + _ENV_KEYS:
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.options:
            data["options"] = dict(self.options)
        return data


@dataclass(frozen=True)
class Credentials:
    """Secrets resolved at use time from environment variables (never stored or printed)."""

    username: str = field(default="", repr=False)
    password: str = field(default="", repr=False)
    api_key: str = field(default="", repr=False)

    def __repr__(self) -> str:
        shown = [k for k in ("username", "password", "api_key") if getattr(self, k)]
        return f"Credentials(set={shown})"


def connection_from_json(raw: Any, index: int = 0) -> Connection:
    """Build and validate one connection; errors name the connection (or its position)."""
    label = raw.get("name") if isinstance(raw, Mapping) else None
    label = label if isinstance(label, str) and label.strip() else f"#{index + 1}"
    if not isinstance(raw, Mapping):
        raise ConfigError(
            "conn_bad_field", {"connection": label, "field": "-", "detail": "object expected"}
        )
    for key in raw:
        if str(key).lower() in _SECRET_KEYS:
            raise ConfigError("conn_secret_inline", {"connection": label, "field": str(key)})
    for key in ("name", "type", "url"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError("conn_missing_field", {"connection": label, "field": key})
    ctype = raw["type"].strip().lower()
    if ctype not in CONNECTION_TYPES:
        raise ConfigError(
            "conn_bad_type",
            {"connection": label, "value": raw["type"], "allowed": ", ".join(CONNECTION_TYPES)},
        )
    url = raw["url"].strip()
    _check_url(url, label)
    values: dict[str, str] = {}
    for key in ("authcfg",) + _ENV_KEYS:
        value = raw.get(key, "")
        if value in (None, ""):
            continue
        pattern = _AUTHCFG if key == "authcfg" else _ENV_NAME
        if not isinstance(value, str) or not pattern.match(value):
            raise ConfigError(
                "conn_bad_field",
                {"connection": label, "field": key, "detail": "letters, digits and _ only"},
            )
        values[key] = value
    options = raw.get("options", {}) or {}
    if not isinstance(options, Mapping):
        raise ConfigError(
            "conn_bad_field", {"connection": label, "field": "options", "detail": "object expected"}
        )
    for key in options:
        if str(key).lower() in _SECRET_KEYS:
            raise ConfigError(
                "conn_secret_inline", {"connection": label, "field": f"options.{key}"}
            )
    _check_record_page(options.get("record_page"), label)
    return Connection(
        name=raw["name"].strip(), type=ctype, url=url, options=dict(options), **values
    )


def _check_record_page(template: Any, label: str) -> None:
    """``record_page``: an http(s) address holding ``{uuid}`` (the record's identifier)."""
    if template in (None, ""):
        return
    if not isinstance(template, str) or "{uuid}" not in template:
        raise ConfigError(
            "conn_bad_field",
            {
                "connection": label,
                "field": "options.record_page",
                "detail": "{uuid} expected, e.g. https://geo.exemple.fr/fiche/{uuid}",
            },
        )
    _check_url(template.replace("{uuid}", "x"), label)


def _check_url(url: str, label: str) -> None:
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        ok = ok and "@" not in parts.netloc and " " not in url
    except ValueError:
        ok = False
    if not ok:
        raise ConfigError("conn_bad_url", {"connection": label})


def loads_connections(text: str, source: str = "<text>") -> list[Connection]:
    """Parse and validate the JSON text of a connections file."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", "?")
        raise ConfigError(
            "conn_file_invalid", {"path": source, "detail": f"JSON line {line}"}
        ) from None
    items = data.get("connections") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        raise ConfigError(
            "conn_file_invalid", {"path": source, "detail": "'connections' list expected"}
        )
    connections = [connection_from_json(raw, i) for i, raw in enumerate(items)]
    seen: set[str] = set()
    for conn in connections:
        if conn.name.casefold() in seen:
            raise ConfigError("conn_duplicate", {"connection": conn.name})
        seen.add(conn.name.casefold())
    return connections


def load_connections(path: Path | str) -> list[Connection]:
    """Read a connections file (UTF-8 JSON, at most 1 MB)."""
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise ConfigError("conn_file_invalid", {"path": str(path), "detail": "too large"})
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            "conn_file_unreadable", {"path": str(path), "detail": type(exc).__name__}
        ) from None
    return loads_connections(text, str(path))


def dumps_connections(connections: Sequence[Connection]) -> str:
    """The JSON text of a connections file (stable, human-readable)."""
    payload = {"connections": [c.to_json() for c in connections]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def save_connections(path: Path | str, connections: Sequence[Connection]) -> None:
    """Write a connections file atomically (export for a training room)."""
    path = Path(path)
    text = dumps_connections(connections)
    loads_connections(text, str(path))  # never write a file we would refuse to read
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".connections-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def find_connection(connections: Sequence[Connection], name: str) -> Connection:
    """The connection called ``name`` (case-insensitive), or ``conn_not_found``."""
    for conn in connections:
        if conn.name.casefold() == name.strip().casefold():
            return conn
    raise ConfigError("conn_not_found", {"connection": name})


def resolve_credentials(
    conn: Connection, environ: Optional[Mapping[str, str]] = None
) -> Credentials:
    """Read the connection's ``*_env`` variables now; a named but unset variable is an error."""
    env = os.environ if environ is None else environ
    values: dict[str, str] = {}
    for key, target in zip(_ENV_KEYS, ("username", "password", "api_key")):
        variable = getattr(conn, key)
        if not variable:
            continue
        value = env.get(variable)
        if value is None or value == "":
            raise ConfigError("conn_env_missing", {"connection": conn.name, "variable": variable})
        values[target] = value
    return Credentials(**values)
