"""Crash-safe drafts of what the user typed in the Describe form, one JSON file per layer.

Every edit is written to the layer (saved with the project) and here, in the QGIS profile, so
that even if QGIS stops before the project is saved, reopening the layer brings the edits back.
Files are named by a hash of the layer's source: no path, password or host appears on disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsMapLayer

from ..core.model import Record
from .layer_reader import lasting_source

EDITED_AT_PROPERTY = "geopublier/edited-at"


@dataclass
class Draft:
    """The last record typed for a layer, and when."""

    saved_at: str
    record: Record


def now() -> str:
    """A sortable local timestamp with microseconds (two edits in one second stay ordered)."""
    return dt.datetime.now().isoformat(timespec="microseconds")


def layer_key(layer: QgsMapLayer) -> str:
    """A stable name for the layer's data (memory layers: their id, they have no lasting source)."""
    source = lasting_source(layer)
    return hashlib.sha256(f"{layer.providerType()}|{source}".encode()).hexdigest()[:32]


class DraftStore:
    """Drafts kept in one folder of the QGIS profile."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, layer: QgsMapLayer) -> Path:
        """The draft file of a layer."""
        return self.folder / f"{layer_key(layer)}.json"

    def save(self, layer: QgsMapLayer, record: Record) -> str:
        """Write the draft atomically; mark the layer with the same time; return it."""
        saved_at = now()
        payload = {"saved_at": saved_at, "layer": layer.name(), "record": record.to_dict()}
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(payload, stream, ensure_ascii=False)
            os.replace(tmp, self.path(layer))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        layer.setCustomProperty(EDITED_AT_PROPERTY, saved_at)
        return saved_at

    def load(self, layer: QgsMapLayer) -> Optional[Draft]:
        """The layer's draft, or None (a damaged file counts as none)."""
        path = self.path(layer)
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Draft(str(data["saved_at"]), Record.from_dict(data["record"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def newer_than_layer(self, layer: QgsMapLayer) -> Optional[Draft]:
        """The draft when it holds edits the layer (and its project) does not have."""
        draft = self.load(layer)
        if draft is None:
            return None
        kept = str(layer.customProperty(EDITED_AT_PROPERTY, "") or "")
        return draft if draft.saved_at > kept else None
