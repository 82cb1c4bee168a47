"""Step 2, Prepare: harmonised formats, CRS, columns, Table Schema — and "Check", which runs the
quality report in a task. Columns that look like personal data must be removed or confirmed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.quality import QualityReport, to_html
from ..qgis.choices import PrepareChoice
from ..qgis.export import FORMATS
from ..qgis.export.encoding import LATIN1, latin1_columns
from ..qgis.quality_facts import REPAIR, REPORT
from ..qgis.tasks import QualityCheckTask
from .errors import error_text

FORMAT_LABELS = {
    "gpkg": "GeoPackage",
    "geojson": "GeoJSON (WGS84)",
    "csv": "CSV (UTF-8)",
    "shp": "Shapefile (zip, UTF-8)",
}


class PrepareWidget(QWidget):
    """Export choices and quality check; emits `changed` on every change of choice."""

    changed = pyqtSignal()
    checked = pyqtSignal()  # a quality report is available

    def __init__(self, language: str, default_crs: str, default_folder: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.default_crs = default_crs
        self.default_folder = default_folder
        self.layer: Optional[QgsMapLayer] = None
        self.report: Optional[QualityReport] = None
        self.task: Optional[QualityCheckTask] = None
        self.confirmed: list[str] = []
        self._loading = False
        layout = QVBoxLayout(self)
        # The quality report gets about half the width even at 1366×768 (its table has four
        # columns); the export options fit in the other half (formats on two rows).
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._options_box())
        splitter.addWidget(self._report_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 640])
        layout.addWidget(splitter, 1)

    # -- building ------------------------------------------------------------------------------

    def _options_box(self) -> QWidget:
        box = QGroupBox(self.tr("Harmonised export"))
        form = QFormLayout(box)
        formats = QGridLayout()
        self.formatChecks: dict[str, QCheckBox] = {}
        for index, code in enumerate(FORMATS):
            check = QCheckBox(FORMAT_LABELS[code])
            check.setObjectName(f"format_{code}")
            check.setToolTip(self.tr("Export the data in this open format"))
            check.toggled.connect(self._changed)
            self.formatChecks[code] = check
            formats.addWidget(check, index // 2, index % 2)
        formats.setColumnStretch(2, 1)
        self.crsWidget = QgsProjectionSelectionWidget()
        self.crsWidget.setToolTip(
            self.tr(
                "Lambert-93 (EPSG:2154) for metropolitan France. Data outside the chosen "
                "system's area of use is written in the legal system of its overseas territory, "
                "in the layer's own projected system, or in WGS 84: the quality report says "
                "which and why"
            )
        )
        self.crsWidget.crsChanged.connect(self._changed)
        self.crsWidget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.geometryCombo = QComboBox()
        self.geometryCombo.addItem(self.tr("Repair them (makeValid)"), REPAIR)
        self.geometryCombo.addItem(self.tr("Only report them"), REPORT)
        self.geometryCombo.setToolTip(self.tr("What to do with invalid geometries"))
        self.geometryCombo.currentIndexChanged.connect(self._changed)
        self.csvCombo = QComboBox()
        self.csvCombo.addItem(self.tr("Longitude / latitude columns"), "lonlat")
        self.csvCombo.addItem(self.tr("WKT geometry column"), "wkt")
        self.csvCombo.setToolTip(self.tr("How points are written in the CSV file"))
        self.csvCombo.currentIndexChanged.connect(self._changed)
        self.fieldsList = QListWidget()
        self.fieldsList.setObjectName("fieldsList")
        self.fieldsList.setToolTip(self.tr("Uncheck the columns that must not be published"))
        self.fieldsList.setMaximumHeight(150)
        self.fieldsList.itemChanged.connect(self._changed)
        self.schemaEdit = QLineEdit()
        self.schemaEdit.setPlaceholderText(self.tr("Optional: a Table Schema file or URL"))
        self.schemaEdit.setToolTip(
            self.tr(
                "A Table Schema (schema.data.gouv.fr, e.g. Socle Commun des Données Locales) "
                "the attribute table must follow"
            )
        )
        self.schemaEdit.editingFinished.connect(self._changed)
        self.folderWidget = QgsFileWidget()
        self.folderWidget.setStorageMode(QgsFileWidget.GetDirectory)
        self.folderWidget.setToolTip(self.tr("Where the dated export package is written"))
        self.folderWidget.fileChanged.connect(self._changed)
        self.folderWidget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.zipCheck = QCheckBox(self.tr("Also make one zip of the package"))
        self.zipCheck.toggled.connect(self._changed)
        form.addRow(self.tr("Formats"), formats)
        form.addRow(self.tr("Reference system"), self.crsWidget)
        form.addRow(self.tr("Invalid geometries"), self.geometryCombo)
        form.addRow(self.tr("Points in CSV"), self.csvCombo)
        form.addRow(self.tr("Columns to publish"), self.fieldsList)
        form.addRow(self.tr("Table Schema"), self.schemaEdit)
        form.addRow(self.tr("Package folder"), self.folderWidget)
        form.addRow("", self.zipCheck)
        outer = QWidget()
        column = QVBoxLayout(outer)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(box)
        column.addStretch()
        return outer

    def _report_box(self) -> QWidget:
        box = QGroupBox(self.tr("Quality report"))
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.checkButton = QPushButton(self.tr("Check the data"))
        self.checkButton.setObjectName("checkButton")
        self.checkButton.setToolTip(
            self.tr("Look for invalid geometries, duplicates, empty columns and personal data")
        )
        self.checkButton.clicked.connect(self.check)
        self.cancelButton = QPushButton(self.tr("Cancel"))
        self.cancelButton.setEnabled(False)
        self.cancelButton.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        row.addWidget(self.checkButton)
        row.addWidget(self.cancelButton)
        row.addWidget(self.progress, 1)
        column.addLayout(row)
        self.reportView = QTextBrowser()
        self.reportView.setObjectName("qualityReport")
        self.reportView.setOpenExternalLinks(False)

        column.addWidget(self.reportView, 1)
        self.rereadButton = QPushButton(self.tr("Re-read as ISO-8859-1 (Latin-1)"))
        self.rereadButton.setObjectName("rereadButton")
        self.rereadButton.setToolTip(
            self.tr(
                "The file does not say how its text is encoded and reads correctly in "
                "ISO-8859-1: re-read the layer in that encoding, then check again"
            )
        )
        self.rereadButton.clicked.connect(self.reread_latin1)
        self.rereadButton.setVisible(False)
        column.addWidget(self.rereadButton)
        self.personalBox = QGroupBox(self.tr("Personal data"))
        personal = QVBoxLayout(self.personalBox)
        self.personalLabel = QLabel()
        self.personalLabel.setWordWrap(True)
        self.personalLabel.setStyleSheet("color: #b00020;")
        self.removeColumnsButton = QPushButton(self.tr("Do not publish these columns"))
        self.removeColumnsButton.clicked.connect(self.remove_personal_columns)
        self.confirmCheck = QCheckBox(
            self.tr("I checked these columns: they hold no personal data and may be opened")
        )
        self.confirmCheck.toggled.connect(self._confirm_toggled)
        personal.addWidget(self.personalLabel)
        personal.addWidget(self.removeColumnsButton)
        personal.addWidget(self.confirmCheck)
        self.personalBox.setVisible(False)
        column.addWidget(self.personalBox)
        return box

    # -- layer and choices ---------------------------------------------------------------------

    def set_layer(self, layer: Optional[QgsMapLayer], choice: PrepareChoice) -> None:
        """Show the layer's columns and its stored choices; forget the previous report."""
        self._loading = True
        try:
            self.layer = layer
            self.report = None
            self.reportView.setHtml(
                "<p>" + self.tr("Press “Check the data” to see the quality report.") + "</p>"
            )
            self.personalBox.setVisible(False)
            self.progress.setValue(0)
            raster = isinstance(layer, QgsRasterLayer)
            for code, check in self.formatChecks.items():
                check.setChecked(code in choice.formats)
                check.setEnabled(not raster and layer is not None)
            self.crsWidget.setCrs(QgsCoordinateReferenceSystem(choice.crs or self.default_crs))
            self.geometryCombo.setCurrentIndex(
                max(self.geometryCombo.findData(choice.geometry_mode), 0)
            )
            self.csvCombo.setCurrentIndex(max(self.csvCombo.findData(choice.csv_points), 0))
            self.fieldsList.clear()
            names = [f.name() for f in layer.fields()] if layer is not None and not raster else []
            wanted = set(choice.fields) if choice.fields is not None else set(names)
            for name in names:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if name in wanted else Qt.CheckState.Unchecked
                )
                self.fieldsList.addItem(item)
            self.schemaEdit.setText(choice.schema_source)
            self.folderWidget.setFilePath(choice.output_folder or self.default_folder)
            self.zipCheck.setChecked(choice.make_zip)
            self.confirmed = list(choice.confirmed_columns)
            self.checkButton.setEnabled(layer is not None)
        finally:
            self._loading = False

    def choice(self) -> PrepareChoice:
        """The choices shown now."""
        names = [self.fieldsList.item(i) for i in range(self.fieldsList.count())]
        chosen = [item.text() for item in names if item.checkState() == Qt.CheckState.Checked]
        crs = self.crsWidget.crs()
        return PrepareChoice(
            formats=[code for code, check in self.formatChecks.items() if check.isChecked()],
            crs=crs.authid() if crs.isValid() else "",
            fields=None if len(chosen) == len(names) else chosen,
            geometry_mode=self.geometryCombo.currentData(),
            csv_points=self.csvCombo.currentData(),
            make_zip=self.zipCheck.isChecked(),
            schema_source=self.schemaEdit.text().strip(),
            output_folder=self.folderWidget.filePath().strip(),
            confirmed_columns=list(self.confirmed),
        )

    def package_folder(self) -> Path:
        """Where the package goes."""
        return Path(self.choice().output_folder or self.default_folder)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    # -- quality check -------------------------------------------------------------------------

    def check(self) -> Optional[QualityCheckTask]:
        """Run the quality report in a background task."""
        if self.layer is None or self.task is not None:
            return None
        options = self.choice().export_options(self.default_crs)
        self.task = QualityCheckTask(self.layer, options)
        task = self.task
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        task.taskCompleted.connect(lambda: self._checked(task))
        task.taskTerminated.connect(lambda: self._checked(task))
        self.checkButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.reportView.setHtml("<p>" + self.tr("Checking the data…") + "</p>")
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel(self) -> None:
        """Stop the running check."""
        if self.task is not None:
            self.task.cancel()

    def _checked(self, task: QualityCheckTask) -> None:
        self.task = None
        self.checkButton.setEnabled(self.layer is not None)
        self.cancelButton.setEnabled(False)
        if task.error is not None:
            self.reportView.setHtml(
                f"<p style='color:#b00020'>{error_text(task.error, self.language)}</p>"
            )
            return
        if task.report is None or task.isCanceled():
            self.reportView.setHtml("<p>" + self.tr("Check cancelled.") + "</p>")
            return
        self.progress.setValue(100)
        self.show_report(task.report)

    def show_report(self, report: QualityReport) -> None:
        """Show a quality report and its personal-data findings."""
        self.report = report
        # The report is a whole page made for a browser: a smaller heading in this pane.
        self.reportView.setHtml(re.sub(r"<(/?)h1\b", r"<\1h3", to_html(report)))
        self.rereadButton.setVisible(
            isinstance(self.layer, QgsVectorLayer) and bool(latin1_columns(report))
        )
        self._show_personal()
        self.checked.emit()

    def reread_latin1(self) -> None:
        """Read the layer's text in ISO-8859-1 (kept in the project) and check again."""
        if not isinstance(self.layer, QgsVectorLayer):
            return
        self.layer.setProviderEncoding(LATIN1)
        self.rereadButton.setVisible(False)
        self.check()

    def _show_personal(self) -> None:
        columns = self.unresolved_personal_columns(include_confirmed=True)
        self.personalBox.setVisible(bool(columns))
        if not columns:
            return
        self.personalLabel.setText(
            self.tr(
                "These columns look like personal data, which must not be opened: {0}. "
                "Do not publish them, or confirm they may be opened."
            ).format(", ".join(columns))
        )
        self.confirmCheck.blockSignals(True)
        self.confirmCheck.setChecked(all(c in self.confirmed for c in columns))
        self.confirmCheck.blockSignals(False)

    def unresolved_personal_columns(self, include_confirmed: bool = False) -> list[str]:
        """Flagged columns still chosen for publication (and not confirmed, unless asked)."""
        if self.report is None:
            return []
        chosen = self.choice()
        published = set(chosen.fields) if chosen.fields is not None else None
        columns = []
        for column in self.report.personal_data_columns:
            if published is not None and column not in published:
                continue
            if not include_confirmed and column in self.confirmed:
                continue
            columns.append(column)
        return columns

    def remove_personal_columns(self) -> None:
        """Uncheck the flagged columns in the list of columns to publish."""
        flagged = set(self.unresolved_personal_columns(include_confirmed=True))
        for row in range(self.fieldsList.count()):
            item = self.fieldsList.item(row)
            if item.text() in flagged:
                item.setCheckState(Qt.CheckState.Unchecked)
        self._show_personal()
        self.changed.emit()

    def _confirm_toggled(self, on: bool) -> None:
        columns = self.unresolved_personal_columns(include_confirmed=True)
        if on:
            self.confirmed = sorted(set(self.confirmed) | set(columns))
        else:
            self.confirmed = [c for c in self.confirmed if c not in columns]
        self.changed.emit()
