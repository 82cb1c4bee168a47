"""Import a record from a saved catalogue (CSW GetRecordById or GeoNetwork API), in a task."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..publishers.connections import CATALOGUE_TYPES, Connection
from ..qgis.tasks import RecordImportTask
from .errors import error_text


class CatalogueImportDialog(QDialog):
    """Choose a catalogue and a record identifier; emits `imported(xml, source)` when fetched."""

    imported = pyqtSignal(bytes, str)

    def __init__(
        self, language: str, connections: list[Connection], identifier: str, parent=None
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.task: Optional[RecordImportTask] = None
        self.catalogues = [c for c in connections if c.type in CATALOGUE_TYPES]
        self.setWindowTitle(self.tr("Import from a catalogue"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.catalogueCombo = QComboBox()
        for connection in self.catalogues:
            self.catalogueCombo.addItem(connection.name, connection.name)
        self.identifierEdit = QLineEdit(identifier)
        self.identifierEdit.setToolTip(self.tr("The record's identifier (fileIdentifier / uuid)"))
        form.addRow(self.tr("Catalogue"), self.catalogueCombo)
        form.addRow(self.tr("Record identifier"), self.identifierEdit)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.fetch)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if not self.catalogues:
            self.status.setText(self.tr("No catalogue connection yet: add one in step 3."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def fetch(self) -> Optional[RecordImportTask]:
        """Fetch the record in the background."""
        index = self.catalogueCombo.currentIndex()
        identifier = self.identifierEdit.text().strip()
        if index < 0 or not identifier or self.task is not None:
            return None
        connection = self.catalogues[index]
        self.task = RecordImportTask(connection, identifier)
        task = self.task
        task.taskCompleted.connect(lambda: self._fetched(task))
        task.taskTerminated.connect(lambda: self._fetched(task))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.status.setText(self.tr("Fetching the record from {0}…").format(connection.name))
        QgsApplication.taskManager().addTask(task)
        return task

    def _fetched(self, task: RecordImportTask) -> None:
        self.task = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if task.error is not None:
            self.status.setText(error_text(task.error, self.language))
            return
        if not task.xml:
            self.status.setText(
                self.tr("{0} has no record with the identifier {1}.").format(
                    task.connection.name, task.identifier
                )
            )
            return
        self.imported.emit(task.xml, task.connection.name)
        self.accept()
