"""Publish a layer's record to its destinations — the one code path of the dialog and Processing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Callable, Optional

from qgis.core import QgsMapLayer, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.iso19139_writer import write
from ..core.model import Record
from ..publishers.connections import Connection
from ..publishers.journal import Journal
from ..publishers.pipeline import CatalogueStep, PublicationReport, Step, run_steps
from .destinations import journal as default_journal
from .destinations import make_publisher
from .layer_metadata import save_record
from .layer_reader import source_path

JOURNAL_PROPERTY = "geopublier/journal"
FINGERPRINT_PROPERTY = "geopublier/data-fingerprint"


@dataclass
class PublicationRequest:
    """What to publish where."""

    record: Record
    catalogue: Optional[Connection] = None
    only: Optional[set[str]] = None  # destinations to run ("Retry failed steps"); None = all
    thumbnail: Optional[bytes] = None  # PNG overview for catalogues that hold one
    data_changed: bool = False  # the data differs from the last publication


def record_for_publication(record: Record, data_changed: bool = False) -> Record:
    """The record as published: today's metadata date, and revision date if the data changed."""
    published = dataclasses.replace(record)
    today = dt.date.today().isoformat()
    published.metadata_date = today
    if data_changed:
        published.revision_date = today
    return published


def data_fingerprint(layer: QgsMapLayer) -> str:
    """Size and modification time of the files behind the layer ('' when there is no file)."""
    path = source_path(layer)
    if not path:
        return ""
    folder, stem = os.path.dirname(path), os.path.splitext(os.path.basename(path))[0]
    parts = sorted(
        f"{name}:{os.path.getsize(os.path.join(folder, name))}:"
        f"{int(os.path.getmtime(os.path.join(folder, name)))}"
        for name in os.listdir(folder)
        if os.path.splitext(name)[0] == stem and not name.endswith((".qmd", ".qml"))
    )
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def data_changed_since_last_publication(layer: QgsMapLayer) -> bool:
    """True when the files changed since the fingerprint kept at the last publication."""
    previous = layer.customProperty(FINGERPRINT_PROPERTY)
    return bool(previous) and previous != data_fingerprint(layer)


def remember_publication(layer: QgsMapLayer, journal: Journal, record: Record) -> None:
    """Keep the record, the journal entries and the data fingerprint with the layer."""
    save_record(layer, record)
    mirror_journal(layer, journal, record.identifier.uri)
    layer.setCustomProperty(FINGERPRINT_PROPERTY, data_fingerprint(layer))


def build_steps(
    request: PublicationRequest, record: Record, cancel: Callable[[], bool]
) -> list[Step]:
    """One step per chosen destination, in publication order (catalogue first)."""
    steps: list[Step] = []
    if request.catalogue is not None:
        publisher = make_publisher(request.catalogue, cancel=cancel)
        steps.append(
            CatalogueStep(publisher, write(record), record.file_identifier, request.thumbnail)
        )
    if request.only is not None:
        steps = [step for step in steps if step.destination in request.only]
    return steps


def publish(
    request: PublicationRequest,
    *,
    journal: Optional[Journal] = None,
    progress: Optional[Callable[[int, float, str], None]] = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> tuple[PublicationReport, Record]:
    """Run the publication; returns the report and the record as published."""
    record = record_for_publication(request.record, request.data_changed)
    steps = build_steps(request, record, is_cancelled)
    report = run_steps(
        steps,
        journal or default_journal(),
        record.identifier.uri,
        record.title,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    return report, record


def mirror_journal(layer: QgsMapLayer, journal: Journal, resource_id: str) -> None:
    """Copy the layer's journal entries into its custom properties (saved with the project)."""
    entries = {e.destination: e.to_json() for e in journal.entries(resource_id)}
    layer.setCustomProperty(JOURNAL_PROPERTY, json.dumps(entries, ensure_ascii=False))


class PublicationTask(QgsTask):
    """Runs `publish` in a background thread (QGIS stays responsive); Cancel stops between steps."""

    stepChanged = pyqtSignal(int, float, str)  # noqa: N815 - Qt signal naming

    def __init__(self, description: str, request: PublicationRequest) -> None:
        super().__init__(description, QgsTask.CanCancel)
        self.request = request
        self.report: Optional[PublicationReport] = None
        self.published_record: Optional[Record] = None
        self.error: Optional[BaseException] = None

    def run(self) -> bool:
        """Worker thread: never touches widgets, only emits signals."""
        try:
            self.report, self.published_record = publish(
                self.request, progress=self._progress, is_cancelled=self.isCanceled
            )
        except Exception as exc:  # noqa: BLE001 - reported to the user by the dialog
            self.error = exc
            return False
        return self.report.ok and not self.isCanceled()

    def _progress(self, index: int, fraction: float, destination: str) -> None:
        total = max(1, len(self.request_destinations()))
        self.setProgress(100.0 * (index + fraction) / total)
        self.stepChanged.emit(index, fraction, destination)

    def request_destinations(self) -> list[Connection]:
        """The destinations this task publishes to."""
        return [c for c in (self.request.catalogue,) if c is not None]


def unpublish(record: Record, catalogue: Connection, journal: Optional[Journal] = None) -> None:
    """Delete the record from the catalogue and forget it in the journal."""
    store = journal or default_journal()
    make_publisher(catalogue).delete(record.file_identifier)
    store.clear(record.identifier.uri, catalogue.name)
