"""Publication journal: per layer (its unique resource identifier) and per destination, what
was published where — remote id, URL, time, content hash, status — in one JSON file.

Republication reads the previous remote id from here so the same remote object is updated;
"Retry failed steps" lists failed entries; "Unpublish" clears an entry. A failure never erases
what an earlier success recorded. Writes are atomic (temporary file + rename). The QGIS side
mirrors entries in the layer's custom properties.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from .errors import ConfigError, safe_url

DONE = "done"
FAILED = "failed"
_VERSION = 1
_MAX_BYTES = 50 * 1024 * 1024


def content_hash(data: bytes) -> str:
    """Stable hash of what was sent, to tell "unchanged" from "changed" on republication."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


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

    def to_json(self) -> dict[str, Any]:
        """Serialisable form (resource id and destination are the keys, not stored twice)."""
        data = asdict(self)
        del data["resource_id"], data["destination"]
        return data


class Journal:
    """The JSON journal file; every change is written immediately and atomically."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._layers: dict[str, dict[str, JournalEntry]] = self._load()

    def _load(self) -> dict[str, dict[str, JournalEntry]]:
        if not self.path.exists():
            return {}
        try:
            if self.path.stat().st_size > _MAX_BYTES:
                raise ValueError("file too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
            layers = data["layers"]
            known = {f.name for f in fields(JournalEntry)}
            return {
                str(rid): {
                    str(dest): JournalEntry(
                        resource_id=str(rid),
                        destination=str(dest),
                        **{
                            k: str(v)
                            for k, v in raw.items()
                            if k in known and k not in ("resource_id", "destination")
                        },
                    )
                    for dest, raw in dests.items()
                }
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
    ) -> JournalEntry:
        """Remember a successful publication (status ``done``)."""
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
    ) -> JournalEntry:
        """Mark a destination as failed, keeping the remote id/URL/hash of the last success.

        ``remote_id``: the object a first, failed attempt already created (e.g. a private
        portal dataset), so the next run updates it instead of creating another one; an id
        recorded earlier wins.
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
        )
        self._put(entry)
        return entry

    def _put(self, entry: JournalEntry) -> None:
        if not entry.resource_id or not entry.destination:
            raise ValueError("resource_id and destination are required")
        self._layers.setdefault(entry.resource_id, {})[entry.destination] = entry
        self._save()

    def entry(self, resource_id: str, destination: str) -> Optional[JournalEntry]:
        """The entry for this layer and destination, or None."""
        return self._layers.get(resource_id, {}).get(destination)

    def entries(self, resource_id: str) -> list[JournalEntry]:
        """Every destination recorded for a layer, sorted by destination."""
        return [e for _, e in sorted(self._layers.get(resource_id, {}).items())]

    def previous_remote_id(self, resource_id: str, destination: str) -> Optional[str]:
        """Remote id to update on republication (kept even after a later failure)."""
        found = self.entry(resource_id, destination)
        return found.remote_id if found and found.remote_id else None

    def is_unchanged(self, resource_id: str, destination: str, new_hash: str) -> bool:
        """True when the last successful publication sent exactly this content."""
        found = self.entry(resource_id, destination)
        return bool(found and found.status == DONE and found.content_hash == new_hash)

    def failed_steps(self, resource_id: Optional[str] = None) -> list[JournalEntry]:
        """Failed entries (of one layer, or of all), for "Retry failed steps"."""
        ids = [resource_id] if resource_id is not None else sorted(self._layers)
        return [e for rid in ids for e in self.entries(rid) if e.status == FAILED]

    def clear(self, resource_id: str, destination: Optional[str] = None) -> None:
        """Forget one destination of a layer (after unpublishing), or the whole layer."""
        if resource_id not in self._layers:
            return
        if destination is None:
            del self._layers[resource_id]
        else:
            self._layers[resource_id].pop(destination, None)
            if not self._layers[resource_id]:
                del self._layers[resource_id]
        self._save()

    def forget_destinations(self, destinations: Iterable[str]) -> int:
        """Forget every layer's entries for these destinations (their server was emptied,
        e.g. a training sandbox reset): the next publication creates afresh. Returns how many."""
        names = set(destinations)
        forgotten = 0
        for resource_id in list(self._layers):
            for name in names & set(self._layers[resource_id]):
                del self._layers[resource_id][name]
                forgotten += 1
            if not self._layers[resource_id]:
                del self._layers[resource_id]
        if forgotten:
            self._save()
        return forgotten
