"""Publication journal: per layer (its unique resource identifier) and per destination, what
was published where — remote id, URL, time, content hash, status — in one JSON file.

Republication reads the previous remote id from here so the same remote object is updated;
"Retry failed steps" lists failed entries; "Unpublish" clears an entry. A failure never erases
what an earlier success recorded. Writes are atomic (temporary file + rename). The QGIS side
mirrors entries in the layer's custom properties.

The journal file lives in one QGIS profile; the layer's copy travels with the project. Another
machine, a reinstalled QGIS or a ``qgis_process`` job with its own profile reads the project's
copy back with :meth:`Journal.merge`. Each entry also keeps the address of the destination
(``server``), so a renamed connection still finds what it published (:meth:`Journal.entry_for`),
and a destination wiped clean (a training sandbox reset) is forgotten with :meth:`Journal.forget`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from .errors import ConfigError, safe_url

DONE = "done"
FAILED = "failed"
_VERSION = 1
_MAX_BYTES = 50 * 1024 * 1024
_MAX_FORGOTTEN = 2000  # remembered withdrawals, so a project's old copy does not revive them


def content_hash(data: bytes) -> str:
    """Stable hash of what was sent, to tell "unchanged" from "changed" on republication."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def server_key(url: str) -> str:
    """A destination's address reduced to what identifies it (no credentials, no case in the
    host, no trailing slash), so the same server typed twice compares equal."""
    try:
        parts = urlsplit(safe_url(url.strip()))
    except ValueError:
        return ""
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def entry_among(
    entries: Iterable[JournalEntry], destination: str, server: str = "", role: str = ""
) -> Optional[JournalEntry]:
    """The entry of a connection among a layer's ``entries``: by its name, else (a renamed
    connection) the most recent one on the same ``server`` address by a step of the same
    ``role`` when one is given (a catalogue's record and its links share the address)."""
    entries = list(entries)
    found = next((e for e in entries if e.destination == destination), None)
    key = server_key(server)
    if found is not None or not key:
        return found
    same = [e for e in entries if server_key(e.server) == key and (not role or e.step == role)]
    return max(same, key=lambda e: e.time, default=None)


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc.rsplit("@", 1)[-1].lower()
    except ValueError:
        return ""


@dataclass(frozen=True)
class JournalEntry:
    """One destination of one layer: the last known remote object and the last outcome."""

    resource_id: str
    destination: str
    remote_id: str = ""
    url: str = ""
    time: str = ""
    content_hash: str = ""
    status: str = DONE
    step: str = ""
    error_code: str = ""
    fingerprint: str = ""  # the layer as published (see freshness.py); "" in older journals
    server: str = ""  # the destination's address (connection URL), to match a renamed one
    online_resources: str = ""  # JSON list of the links this destination published (see pipeline)
    files: str = ""  # JSON {file name: version on the portal} of the files a portal holds

    def to_json(self) -> dict[str, Any]:
        """Serialisable form (resource id and destination are the keys, not stored twice)."""
        data = asdict(self)
        del data["resource_id"], data["destination"]
        for optional in ("online_resources", "files"):
            if not data[optional]:
                del data[optional]
        return data


def entries_from_json(resource_id: str, raw: Any) -> list[JournalEntry]:
    """Entries from their JSON form ``{destination: {remote_id, url, ...}}`` (the journal
    file's, and the copy kept in a layer's properties); unknown keys are ignored."""
    known = {f.name for f in fields(JournalEntry)} - {"resource_id", "destination"}
    return [
        JournalEntry(
            resource_id=resource_id,
            destination=str(dest),
            **{k: str(v) for k, v in values.items() if k in known},
        )
        for dest, values in raw.items()
    ]


class Journal:
    """The JSON journal file; every change is written immediately and atomically."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._forgotten: list[list[str]] = []  # [resource id, remote id] withdrawn or forgotten
        self._layers: dict[str, dict[str, JournalEntry]] = self._load()

    def _load(self) -> dict[str, dict[str, JournalEntry]]:
        if not self.path.exists():
            return {}
        try:
            if self.path.stat().st_size > _MAX_BYTES:
                raise ValueError("file too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
            layers = data["layers"]
            self._forgotten = [
                [str(rid), str(remote)] for rid, remote in data.get("forgotten") or []
            ]
            return {
                str(rid): {e.destination: e for e in entries_from_json(str(rid), dests)}
                for rid, dests in layers.items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(
                "journal_corrupt", {"path": str(self.path), "detail": type(exc).__name__}
            ) from None

    def _save(self) -> None:
        payload = {
            "version": _VERSION,
            "layers": {
                rid: {dest: entry.to_json() for dest, entry in sorted(dests.items())}
                for rid, dests in sorted(self._layers.items())
                if dests
            },
        }
        if self._forgotten:
            payload["forgotten"] = self._forgotten[-_MAX_FORGOTTEN:]
        text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(prefix=".journal-", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise ConfigError(
                "journal_write", {"path": str(self.path), "detail": type(exc).__name__}
            ) from None

    def record(
        self,
        resource_id: str,
        destination: str,
        *,
        remote_id: str,
        url: str = "",
        content_hash: str = "",
        step: str = "",
        when: Optional[str] = None,
        fingerprint: str = "",
        server: str = "",
        online_resources: str = "",
        files: str = "",
    ) -> JournalEntry:
        """Remember a successful publication (status ``done``) and the links it published.

        ``server``: the destination's address (connection URL), kept so a renamed connection
        finds this entry again (:meth:`entry_for`).
        """
        entry = JournalEntry(
            resource_id,
            destination,
            remote_id=remote_id,
            url=safe_url(url),
            time=when or _now(),
            content_hash=content_hash,
            status=DONE,
            step=step,
            fingerprint=fingerprint,
            server=safe_url(server) if server else "",
            online_resources=online_resources,
            files=files,
        )
        self._put(entry)
        return entry

    def record_failure(
        self,
        resource_id: str,
        destination: str,
        *,
        step: str,
        error_code: str,
        remote_id: str = "",
        when: Optional[str] = None,
        server: str = "",
    ) -> JournalEntry:
        """Mark a destination as failed, keeping the remote id/URL/hash of the last success.

        ``remote_id``: the object a first, failed attempt already created (e.g. a private
        portal dataset), so the next run updates it instead of creating another one; an id
        recorded earlier wins. ``server``: as in :meth:`record`.
        """
        previous = self.entry(resource_id, destination)
        entry = JournalEntry(
            resource_id,
            destination,
            remote_id=(previous.remote_id if previous else "") or remote_id,
            url=previous.url if previous else "",
            content_hash=previous.content_hash if previous else "",
            time=when or _now(),
            status=FAILED,
            step=step,
            error_code=error_code,
            fingerprint=previous.fingerprint if previous else "",
            server=safe_url(server) if server else (previous.server if previous else ""),
            online_resources=previous.online_resources if previous else "",
            files=previous.files if previous else "",
        )
        self._put(entry)
        return entry

    def _put(self, entry: JournalEntry) -> None:
        if not entry.resource_id or not entry.destination:
            raise ValueError("resource_id and destination are required")
        self._forgotten = [f for f in self._forgotten if f != [entry.resource_id, entry.remote_id]]
        self._layers.setdefault(entry.resource_id, {})[entry.destination] = entry
        self._save()

    def entry(self, resource_id: str, destination: str) -> Optional[JournalEntry]:
        """The entry for this layer and destination, or None."""
        return self._layers.get(resource_id, {}).get(destination)

    def entries(self, resource_id: str) -> list[JournalEntry]:
        """Every destination recorded for a layer, sorted by destination."""
        return [e for _, e in sorted(self._layers.get(resource_id, {}).items())]

    def entry_for(
        self, resource_id: str, destination: str, server: str = "", role: str = ""
    ) -> Optional[JournalEntry]:
        """The entry of this layer for a connection: by its name, else (a renamed connection)
        the entry published to the same ``server`` address — by a step of the same ``role``
        when one is given (a catalogue's record and its links share the address); None when
        there is neither.

        Two entries of the layer on the same address under other names: the most recent wins.
        """
        return entry_among(self.entries(resource_id), destination, server, role)

    def previous_remote_id(
        self, resource_id: str, destination: str, server: str = "", role: str = ""
    ) -> Optional[str]:
        """Remote id to update on republication (kept even after a later failure); with
        ``server``, a renamed connection's entry counts too (see :meth:`entry_for`)."""
        found = self.entry_for(resource_id, destination, server, role)
        return found.remote_id if found and found.remote_id else None

    def is_unchanged(self, resource_id: str, destination: str, new_hash: str) -> bool:
        """True when the last successful publication sent exactly this content."""
        found = self.entry(resource_id, destination)
        return bool(found and found.status == DONE and found.content_hash == new_hash)

    def failed_steps(self, resource_id: Optional[str] = None) -> list[JournalEntry]:
        """Failed entries (of one layer, or of all), for "Retry failed steps"."""
        ids = [resource_id] if resource_id is not None else sorted(self._layers)
        return [e for rid in ids for e in self.entries(rid) if e.status == FAILED]

    def merge(self, resource_id: str, raw: Any) -> list[str]:
        """Adopt the entries of another copy of this layer's journal (the one kept with the
        layer in the project, written on another machine or profile).

        ``raw`` is that copy's JSON form (``{destination: {...}}``, as :func:`entries_from_json`
        reads). An entry is adopted when this journal has none for the destination, or an
        older one; a damaged copy is ignored. Returns the destinations adopted (written to
        disk at once when there are any).
        """
        if not resource_id or not isinstance(raw, dict):
            return []
        try:
            theirs = entries_from_json(resource_id, raw)
        except (TypeError, AttributeError, ValueError):
            return []
        adopted = []
        mine = self._layers.setdefault(resource_id, {})
        for entry in theirs:
            current = mine.get(entry.destination)
            if [resource_id, entry.remote_id] in self._forgotten:
                continue  # withdrawn or forgotten here since that copy was written
            if entry.destination and (current is None or entry.time > current.time):
                mine[entry.destination] = entry
                adopted.append(entry.destination)
        if not mine:
            del self._layers[resource_id]
        if adopted:
            self._save()
        return adopted

    def forget(self, *, destination: str = "", server: str = "") -> list[JournalEntry]:
        """Forget, for every layer, what was published to a destination that no longer holds
        it (a sandbox reset, a catalogue emptied): the entries of the connection named
        ``destination`` and those published to the address ``server``.

        Entries written before addresses were kept match ``server`` by the host of their
        public URL. Returns the entries removed (saved at once).
        """
        key, host = server_key(server), _host(server)
        name = destination.strip().casefold()

        def gone(entry: JournalEntry) -> bool:
            if name and entry.destination.casefold() == name:
                return True
            if not key:
                return False
            if entry.server:
                return server_key(entry.server) == key
            return bool(host) and _host(entry.url) == host

        return self._drop(gone)

    def _drop(self, gone: Callable[[JournalEntry], bool]) -> list[JournalEntry]:
        """Remove (and remember as forgotten) the entries ``gone`` accepts; saved at once."""
        removed = [e for dests in self._layers.values() for e in dests.values() if gone(e)]
        for entry in removed:
            del self._layers[entry.resource_id][entry.destination]
            self._remember_forgotten(entry)
        self._layers = {rid: dests for rid, dests in self._layers.items() if dests}
        if removed:
            self._save()
        return removed

    def _remember_forgotten(self, entry: JournalEntry) -> None:
        """Keep that this remote object was withdrawn or forgotten, so :meth:`merge` does not
        take it back from an older copy (a project saved before the withdrawal)."""
        if entry.remote_id and [entry.resource_id, entry.remote_id] not in self._forgotten:
            self._forgotten.append([entry.resource_id, entry.remote_id])

    def clear(self, resource_id: str, destination: Optional[str] = None) -> None:
        """Forget one destination of a layer (after unpublishing), or the whole layer."""
        if resource_id not in self._layers:
            return
        if destination is None:
            for entry in self._layers.pop(resource_id).values():
                self._remember_forgotten(entry)
        else:
            entry = self._layers[resource_id].pop(destination, None)
            if entry is not None:
                self._remember_forgotten(entry)
            if not self._layers[resource_id]:
                del self._layers[resource_id]
        self._save()

    def forget_destinations(self, destinations: Iterable[str]) -> int:
        """Forget every layer's entries for these destinations (their server was emptied,
        e.g. a training sandbox reset): the next publication creates afresh. Returns how many."""
        names = set(destinations)
        return len(self._drop(lambda entry: entry.destination in names))
