"""No lost update on a catalogue: compare with what this layer last published there first.

The document each catalogue step sends is kept (one file per layer and catalogue, beside the
journal). Before updating, the catalogue's current record is fetched: when it says something
else than what we sent last time (someone edited it in the catalogue), the step stops with
`remote_changed`, unless the user chose to merge (their changes plus ours, conflicts keep ours
and are listed) or to overwrite.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from pathlib import Path
from typing import Callable, Optional

from ..core.model import Record
from ..core.remote_merge import changed_since, merge_remote, remote_changes
from .base import CataloguePublisher
from .errors import PublishError
from .pipeline import CatalogueStep

LOG = logging.getLogger(__name__)

STOP, MERGE, OVERWRITE = "", "merge", "overwrite"
ON_REMOTE_CHANGE = (STOP, MERGE, OVERWRITE)


class PublishedStore:
    """The last document published per layer (resource id) and catalogue, as files."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def _path(self, resource_id: str, destination: str) -> Path:
        key = hashlib.sha256(f"{resource_id}\n{destination}".encode()).hexdigest()
        return self.folder / f"{key[:32]}.xml"

    def load(self, resource_id: str, destination: str) -> Optional[bytes]:
        """What was last published there, or None."""
        path = self._path(resource_id, destination)
        return path.read_bytes() if path.is_file() else None

    def save(self, resource_id: str, destination: str, document: bytes) -> None:
        """Remember what was just published (written atomically)."""
        path = self._path(resource_id, destination)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(document)
        tmp.replace(path)

    def forget(self, resource_id: str, destination: str) -> None:
        """After a withdrawal: nothing is published there any more."""
        self._path(resource_id, destination).unlink(missing_ok=True)


def stored_copy(publisher: CataloguePublisher, identifier: str, sent: bytes) -> bytes:
    """The record as the catalogue holds it now, else as sent (not readable back)."""
    try:
        return publisher.get_record(identifier) or sent
    except PublishError as error:
        LOG.info("%s: stored copy not read back (%s)", identifier, error.code)
        return sent


class GuardedCatalogueStep(CatalogueStep):
    """A catalogue step that never overwrites someone else's edits without being told to."""

    def __init__(
        self,
        publisher: CataloguePublisher,
        record: Record,
        write: Callable[[Record], bytes],
        store: PublishedStore,
        resource_id: str,
        on_remote_change: str = STOP,
        thumbnail: Optional[bytes] = None,
    ) -> None:
        super().__init__(publisher, write(record), record.file_identifier, thumbnail)
        if on_remote_change not in ON_REMOTE_CHANGE:
            raise ValueError(f"on_remote_change must be one of {ON_REMOTE_CHANGE}")
        self.record = record
        self.write = write
        self.store = store
        self.resource_id = resource_id
        self.on_remote_change = on_remote_change
        self.merged: Optional[Record] = None  # the record as merged, when it was

    def run(self, previous_remote_id, context):
        """Check the catalogue's copy, merge or overwrite as told, publish, remember."""
        notes = self._guard(previous_remote_id)
        result, sent_hash = super().run(previous_remote_id, context)
        self.store.save(self.resource_id, self.destination, self._as_stored())
        if notes:
            result = dataclasses.replace(result, details={**dict(result.details), **notes})
        return result, sent_hash

    def _as_stored(self) -> bytes:
        """The record as the catalogue holds it now, else as sent.

        A catalogue changes what it stores on its own — GeoNetwork's thumbnail process adds a
        graphicOverview, imports are normalised — and those are not someone else's edits:
        the next comparison starts from the catalogue's own copy.
        """
        return stored_copy(self.publisher, self.identifier, self.record_xml)

    def _guard(self, previous_remote_id: Optional[str]) -> dict:
        """Stop before an update that would lose someone else's edits, and before quietly
        re-creating a record the journal says is published but the catalogue no longer has
        (`previous_remote_id` is None when the user chose to publish it afresh)."""
        published = self.store.load(self.resource_id, self.destination)
        if published is None and not previous_remote_id:
            return {}
        current = self.publisher.get_record(self.identifier)
        if current is None and previous_remote_id:
            raise PublishError(
                "catalogue_record_missing",
                {"server": self.publisher.http.server, "remote_id": previous_remote_id},
            )
        if current is None or published is None or not changed_since(published, current):
            return {}
        fields = remote_changes(published, current)
        if self.on_remote_change == OVERWRITE:
            LOG.info("%s: catalogue changes overwritten (%s)", self.identifier, fields)
            return {"remote_changed": fields, "overwritten": True}
        if self.on_remote_change == MERGE:
            merged, taken, conflicts = merge_remote(self.record, published, current)
            self.merged, self.record = merged, merged
            self.record_xml = self.write(merged)
            return {
                "remote_changed": fields,
                "merged": taken,
                "conflicts": [c.field for c in conflicts],
            }
        raise PublishError(
            "remote_changed",
            {
                "server": self.publisher.http.server,
                "changed": ", ".join(fields) or "?",
                "remote_id": self.identifier,
            },
        )
