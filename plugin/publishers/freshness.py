"""Is a published layer still fresh? A fingerprint of the layer kept at publication, compared with
the layer now.

The fingerprint has three parts, each a short digest: the data (cheap facts that change when the
data does: file sizes and times, the GeoPackage's last change, PostGIS's row change counters —
never a read of the features), the metadata (the record as published, without the dates a
publication sets itself) and the style. The QGIS side computes them; this module stores them in
the journal entries and turns entries + fingerprint into the state the panel and the headless
republication show.

Data that only a download could tell (a web service's, a view over relations without
counters) is ``UNVERIFIABLE_DATA``: never a change, never a reason to keep the portal's files,
and the layer's state says « not verifiable » rather than « up to date ».

The fingerprint also keeps where the data was read (``source``: a file path relative to the
project, or a PostGIS database, schema and table). A layer whose source moved or was renamed
keeps its identifier, so it still finds its publications; but the user must say whether that
publication is to be updated with the new source before anything is sent (state ``moved``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from .journal import FAILED, JournalEntry

NEVER = "never"  # never published (or the journal forgot it)
UP_TO_DATE = "up_to_date"
CHANGED = "changed"  # data, metadata or style changed since the last publication
FAILED_STATE = "failed"  # the last publication to a destination failed
WITHDRAWN = "withdrawn"  # the publication was withdrawn from every destination
UNKNOWN = "unknown"  # published before fingerprints were kept: cannot tell
MOVED = "moved"  # the layer's source moved or was renamed since its last publication
UNVERIFIABLE = "unverifiable"  # metadata and style unchanged; the data cannot be told cheaply
# The data part of a layer whose data cannot be told without downloading it (web services, a
# view over what has no counters): never "unchanged", so never a reason to keep the files.
UNVERIFIABLE_DATA = "unverifiable"
PARTS = ("data", "metadata", "style")

# Record fields a publication sets itself: they must not make the layer look edited.
PUBLICATION_DATES = ("metadata_date", "revision_date")


def digest(value: Any) -> str:
    """Short stable digest of any JSON-able value (sorted keys)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def metadata_digest(record: Mapping[str, Any]) -> str:
    """Digest of a record's dict form (`Record.to_dict()`), publication dates left out."""
    return digest({k: v for k, v in record.items() if k not in PUBLICATION_DATES})


@dataclass(frozen=True)
class Fingerprint:
    """What the layer looked like: one digest per part; "" means "cannot tell" (never a change)."""

    data: str = ""
    metadata: str = ""
    style: str = ""
    package: str = ""  # the export choices of the files sent to a portal (not a "change")
    source: str = ""  # where the data was read (see qgis/freshness.source_location); "" unknown

    def to_json(self) -> str:
        """Compact JSON kept in a journal entry."""
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Optional[Fingerprint]:
        """The fingerprint kept in a journal entry, or None (none kept, or unreadable)."""
        try:
            raw = json.loads(text) if text else None
        except ValueError:
            return None
        if not isinstance(raw, dict):
            return None
        return cls(**{part: str(raw.get(part) or "") for part in (*PARTS, "package", "source")})

    def changed_parts(self, now: Fingerprint) -> list[str]:
        """Parts known on both sides that differ, in PARTS order."""
        return [
            part
            for part in PARTS
            if _known(getattr(self, part))
            and _known(getattr(now, part))
            and getattr(self, part) != getattr(now, part)
        ]


def _known(part: str) -> bool:
    return bool(part) and part != UNVERIFIABLE_DATA


def data_reusable(entry: Optional[JournalEntry], now: Fingerprint) -> bool:
    """True when the destination's last publication succeeded with the same data (known on
    both sides): a map server keeps the data it serves, only its metadata and style change."""
    kept = Fingerprint.from_json(entry.fingerprint) if entry is not None else None
    return bool(
        entry is not None
        and entry.status != FAILED
        and entry.remote_id
        and kept is not None
        and _known(kept.data)
        and kept.data == now.data
    )


def package_reusable(entry: Optional[JournalEntry], now: Fingerprint) -> bool:
    """True when the portal already holds the files this publication would send: its last
    publication succeeded with the same data and the same export choices (both known)."""
    kept = Fingerprint.from_json(entry.fingerprint) if entry is not None else None
    return bool(data_reusable(entry, now) and kept.package and kept.package == now.package)


@dataclass
class DestinationState:
    """One destination of a layer as the journal knows it, compared with the layer now."""

    destination: str
    status: str  # the journal's: "done" or "failed"
    time: str = ""
    url: str = ""
    remote_id: str = ""
    error_code: str = ""
    changed: list[str] = field(default_factory=list)  # parts changed since this publication
    known: bool = True  # False: published before fingerprints were kept


@dataclass
class LayerState:
    """The freshness of one layer over all its destinations."""

    code: str
    changed: list[str] = field(default_factory=list)  # union of the destinations' changed parts
    destinations: list[DestinationState] = field(default_factory=list)
    last_published: str = ""  # newest successful publication time (ISO 8601)
    withdrawn_at: str = ""
    moved_from: str = ""  # the source of the last publication, when the layer's source moved
    source: str = ""  # the layer's source now (kept with a moved state)

    @property
    def needs_publication(self) -> bool:
        """True for the states a "republish what changed" run picks up (a moved source is
        picked up, then updated or skipped as the user says)."""
        return self.code in (CHANGED, FAILED_STATE, MOVED)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for reports."""
        return asdict(self)


def destination_state(entry: JournalEntry, now: Fingerprint) -> DestinationState:
    """One journal entry compared with the fingerprint of the layer now."""
    kept = Fingerprint.from_json(entry.fingerprint)
    return DestinationState(
        destination=entry.destination,
        status=entry.status,
        time=entry.time,
        url=entry.url,
        remote_id=entry.remote_id,
        error_code=entry.error_code,
        changed=kept.changed_parts(now) if kept is not None else [],
        known=kept is not None,
    )


def same_source(kept: str, now: str) -> bool:
    """Do two source locations name the same data? A path relative to the project (``./…``)
    matches an absolute one that ends with it (a layer published before the project was
    saved, then saved beside its data)."""
    if kept == now:
        return True
    relative, absolute = (kept, now) if kept.startswith("./") else (now, kept)
    return (
        relative.startswith("./")
        and not absolute.startswith("./")
        and absolute.endswith(relative[1:])
    )


def moved_from(entries: Sequence[JournalEntry], source: str) -> str:
    """The source of the newest publication when no publication of the layer was made from
    ``source`` (the layer's source now); "" when one was, or either side is unknown.

    A failed entry keeps the fingerprint of its last success, so it counts with that source:
    once the user had a publication follow the new source, a destination that failed on the
    way (or an old one no longer used) does not make it « moved » again.
    """
    published = [
        (entry.time, kept.source)
        for entry in entries
        for kept in [Fingerprint.from_json(entry.fingerprint)]
        if kept is not None and kept.source
    ]
    if not source or not published or any(same_source(s, source) for _, s in published):
        return ""
    return max(published)[1]


def layer_state(
    entries: Sequence[JournalEntry],
    now: Fingerprint,
    withdrawn_at: str = "",
    moved_entries: Optional[Sequence[JournalEntry]] = None,
) -> LayerState:
    """The state of a layer from its journal entries and its fingerprint now; whether its
    source moved is read from ``moved_entries`` when given (the copy the layer keeps).

    A moved source wins (the user must first say whether its publication follows it); then a
    failure wins over a change (retrying is what the user must do first); a destination
    published before fingerprints were kept makes the state unknown unless another one already
    tells of a change.
    """
    if not entries:
        return LayerState(WITHDRAWN if withdrawn_at else NEVER, withdrawn_at=withdrawn_at)
    states = [destination_state(entry, now) for entry in entries]
    changed = [part for part in PARTS if any(part in s.changed for s in states)]
    published = [s.time for s in states if s.status != FAILED and s.time]
    previous = moved_from(entries if moved_entries is None else moved_entries, now.source)
    if previous:
        code = MOVED
    elif any(s.status == FAILED for s in states):
        code = FAILED_STATE
    elif changed:
        code = CHANGED
    elif not all(s.known for s in states):
        code = UNKNOWN
    elif now.data == UNVERIFIABLE_DATA:
        code = UNVERIFIABLE
    else:
        code = UP_TO_DATE
    state = LayerState(code, changed, states, max(published, default=""))
    if previous:
        state.moved_from, state.source = previous, now.source
    return state
