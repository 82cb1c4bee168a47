"""Background tasks of the dialog: reading data and talking to servers never block the UI.

Each task keeps its result or its error; the dialog reads them in the `taskCompleted` /
`taskTerminated` handlers (main thread) and turns error codes into sentences.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Optional

from qgis.core import QgsFeatureRequest, QgsFeedback, QgsMapLayer, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import pyqtSignal

from ..core.model import Record
from ..core.quality import QualityReport
from ..publishers.connections import Connection
from ..publishers.journal import Journal
from ..publishers.pipeline import PublicationReport
from .destinations import make_publisher
from .export import ExportOptions, ExportResult, check_quality
from .publication import (
    PublicationRequest,
    distributed_record,
    export_for_portal,
    publish,
    unpublish,
)

CONNECTION_TEST_TIMEOUT_S = 8.0
EXPORT_SHARE = 30.0  # part of the publication's progress bar taken by the export


def detached_copy(layer: QgsMapLayer) -> QgsMapLayer:
    """A copy of the layer that only the background task reads (the project's layer stays free).

    A memory layer has no source to reopen: its features are copied into a new memory layer.
    """
    if isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
        copy.setName(layer.name())
        return copy
    return layer.clone()


class FeedbackTask(QgsTask):
    """A cancellable task whose QgsFeedback follows the task's progress and Cancel."""

    def __init__(self, description: str, feedback_share: float = 100.0) -> None:
        """`feedback_share`: the part of the task's progress (0-100) the feedback covers."""
        super().__init__(description, QgsTask.CanCancel)
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(lambda p: self.setProgress(p * feedback_share / 100))
        self.error: Optional[BaseException] = None

    def cancel(self) -> None:
        """Stop the running step as soon as it checks, then the task."""
        self.feedback.cancel()
        super().cancel()


class ServerTask(QgsTask):
    """One exchange with a saved destination, in the background; keeps its error for the UI."""

    timeout: Optional[float] = None  # None: the network timeout of the settings

    def __init__(self, connection: Connection) -> None:
        super().__init__(f"GeoPublier: {connection.name}", QgsTask.CanCancel)
        self.connection = connection
        self.error: Optional[BaseException] = None

    def run(self) -> bool:
        """Worker thread."""
        try:
            publisher = make_publisher(
                self.connection, timeout=self.timeout, cancel=self.isCanceled
            )
            self.exchange(publisher)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the dialog
            self.error = exc
            return False
        return True

    def exchange(self, publisher) -> None:
        """What to ask the server (subclasses)."""
        raise NotImplementedError


class ConnectionTestTask(ServerTask):
    """Checks that a destination answers and accepts the credentials (short timeout)."""

    timeout = CONNECTION_TEST_TIMEOUT_S

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self.result: dict[str, Any] = {}

    def exchange(self, publisher) -> None:
        """The publisher's own connection test."""
        self.result = dict(publisher.test_connection())


class RecordImportTask(ServerTask):
    """Fetches a record from a catalogue (CSW GetRecordById / GeoNetwork API)."""

    def __init__(self, connection: Connection, identifier: str) -> None:
        super().__init__(connection)
        self.identifier = identifier
        self.xml: Optional[bytes] = None

    def exchange(self, publisher) -> None:
        """The stored record, or None when the catalogue has none with this identifier."""
        self.xml = publisher.get_record(self.identifier)


class QualityCheckTask(FeedbackTask):
    """Computes the quality report of the layer with the user's export options."""

    def __init__(self, layer: QgsMapLayer, options: ExportOptions) -> None:
        super().__init__(f"GeoPublier: {layer.name()}")
        self.layer = detached_copy(layer)
        self.options = options
        self.report: Optional[QualityReport] = None

    def run(self) -> bool:
        """Worker thread."""
        try:
            self.report = check_quality(self.layer, self.options, self.feedback)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the dialog
            self.error = exc
            return False
        return not self.isCanceled()


@dataclasses.dataclass
class ExportPlan:
    """The harmonised package to make before uploading to a portal."""

    folder: Path
    options: ExportOptions
    confirmed_columns: tuple[str, ...] = ()


def export_package_for(
    request: PublicationRequest, layer: QgsMapLayer, plan: ExportPlan, feedback: QgsFeedback
) -> ExportResult:
    """Export the package for the portal; the request gets its files and the record as the
    files are (formats, CRS). Raises PersonalDataError over unconfirmed columns."""
    result, request.files = export_for_portal(
        layer, request.record, plan.folder, plan.options, plan.confirmed_columns, feedback
    )
    request.record = distributed_record(request.record, result)
    return result


class PublicationJob(FeedbackTask):
    """Exports the package (portal upload mode), then publishes to each destination in order.

    `stepChanged(key, state)` tells the dialog which step runs ("export" or a destination
    name): states "running", then the final states come from the report.
    """

    stepChanged = pyqtSignal(str, str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        layer: QgsMapLayer,
        request: PublicationRequest,
        journal: Journal,
        export: Optional[ExportPlan] = None,
    ) -> None:
        super().__init__(f"GeoPublier: {layer.name()}", EXPORT_SHARE if export else 0.0)
        self.layer = detached_copy(layer) if export is not None else None
        self.request = request
        self.journal = journal
        self.export = export
        self.export_result: Optional[ExportResult] = None
        self.report: Optional[PublicationReport] = None
        self.published_record: Optional[Record] = None

    def run(self) -> bool:
        """Worker thread: never touches widgets, only emits signals."""
        try:
            if self.export is not None:
                self.stepChanged.emit("export", "running")
                self.export_result = export_package_for(
                    self.request, self.layer, self.export, self.feedback
                )
                self.stepChanged.emit("export", "done")
            self.report, self.published_record = publish(
                self.request,
                journal=self.journal,
                progress=self._progress,
                is_cancelled=self.isCanceled,
            )
        except Exception as exc:  # noqa: BLE001 - shown to the user by the dialog
            self.error = exc
            return False
        return self.report.ok and not self.isCanceled()

    def _progress(self, index: int, fraction: float, destination: str) -> None:
        total = max(1, len(self.request.destinations()))
        start = EXPORT_SHARE if self.export is not None else 0.0
        self.setProgress(start + (100.0 - start) * (index + fraction) / total)
        if fraction == 0.0:
            self.stepChanged.emit(destination, "running")


class SchemaDownloadTask(FeedbackTask):
    """Downloads the official ISO 19139 schemas once into the QGIS profile (settings page)."""

    def __init__(self, base_url: str = "") -> None:
        """`base_url`: another copy of schemas.opengis.net (a local mirror), else the official."""
        super().__init__("GeoPublier: ISO 19139")
        self.base_url = base_url
        self.folder: Optional[Path] = None

    def run(self) -> bool:
        """Worker thread."""
        from .network import build_session
        from .schemas import OFFICIAL_BASE_URL, download_schemas

        try:
            self.folder = download_schemas(
                build_session("csw"),
                base_url=self.base_url or OFFICIAL_BASE_URL,
                feedback=self.feedback,
            )
        except Exception as exc:  # noqa: BLE001 - shown to the user by the settings page
            self.error = exc
            return False
        return not self.isCanceled()


class UnpublishTask(QgsTask):
    """Removes a layer's record and dataset from the destinations it was published to."""

    def __init__(self, record: Record, destinations: list[Connection], journal: Journal) -> None:
        super().__init__(f"GeoPublier: {record.title}", QgsTask.CanCancel)
        self.record = record
        self.destinations = destinations
        self.journal = journal
        self.outcomes: dict[str, Optional[BaseException]] = {}

    def run(self) -> bool:
        """Worker thread: each destination on its own, a failure does not stop the others."""
        for number, connection in enumerate(self.destinations):
            if self.isCanceled():
                break
            try:
                unpublish(self.record, connection, self.journal, cancel=self.isCanceled)
                self.outcomes[connection.name] = None
            except Exception as exc:  # noqa: BLE001 - shown to the user by the dialog
                self.outcomes[connection.name] = exc
            self.setProgress(100.0 * (number + 1) / max(1, len(self.destinations)))
        return all(error is None for error in self.outcomes.values())
