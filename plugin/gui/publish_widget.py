"""Step 4, Publish: one button (enabled only when nothing blocks), the steps with their state, a
progress bar and Cancel, then the links, "Retry failed steps" and the publication report."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.publication_report import state_label
from ..qgis.mapserver_project import add_wms_layer

# The state code of a step ("waiting", "done"…), beside its words.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {
    "done": "#1b7a2f",
    "failed": "#b00020",
    "running": "#0b5cad",
    "skipped": "#8a6d00",
    "cancelled": "#8a6d00",
    "withdrawn": "#555555",
}


def breakable(url: str) -> str:
    """The escaped URL as shown in a label, with a zero-width space after / ? & = so that a
    long address (a GetCapabilities with its MAP=…) wraps inside the window instead of
    widening it; the link's href stays the exact URL."""
    return escape(re.sub(r"(//|[/?&=])", "\\1\u200b", url))


class PublishWidget(QWidget):
    """The publication step's view; the dialog drives it."""

    publishRequested = pyqtSignal()  # noqa: N815 - Qt signal naming
    retryRequested = pyqtSignal()  # noqa: N815
    cancelRequested = pyqtSignal()  # noqa: N815
    unpublishRequested = pyqtSignal()  # noqa: N815
    afreshRequested = pyqtSignal()  # noqa: N815 - publish again a dataset gone from the portal

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.report_path: Optional[Path] = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("publishSummary")
        self.summary.setWordWrap(True)
        self.summary.setOpenExternalLinks(True)  # links to what is already published
        layout.addWidget(self.summary)
        self.blockers = QLabel()
        self.blockers.setObjectName("publishBlockers")
        self.blockers.setWordWrap(True)
        self.blockers.setStyleSheet("color: #b00020;")
        layout.addWidget(self.blockers)
        row = QHBoxLayout()
        self.publishButton = QPushButton(self.tr("Publish"))
        self.publishButton.setObjectName("publishButton")
        self.publishButton.setDefault(True)
        self.publishButton.setMinimumHeight(36)
        self.publishButton.setToolTip(
            self.tr("Publish the record and the data to every destination")
        )
        self.publishButton.clicked.connect(self.publishRequested)
        self.cancelButton = QPushButton(self.tr("Cancel"))
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setEnabled(False)
        self.cancelButton.setToolTip(self.tr("Stop after the current step"))
        self.cancelButton.clicked.connect(self.cancelRequested)
        self.retryButton = QPushButton(self.tr("Retry failed steps"))
        self.retryButton.setObjectName("retryButton")
        self.retryButton.setEnabled(False)
        self.retryButton.setToolTip(
            self.tr("Publish again only where it failed (what succeeded is kept)")
        )
        self.retryButton.clicked.connect(self.retryRequested)
        self.afreshButton = QPushButton(self.tr("Publish afresh"))
        self.afreshButton.setObjectName("afreshButton")
        self.afreshButton.setVisible(False)
        self.afreshButton.setToolTip(
            self.tr(
                "The dataset published earlier was deleted on the portal: create a new one "
                "there and remember it"
            )
        )
        self.afreshButton.clicked.connect(self.afreshRequested)
        buttons = (self.publishButton, self.cancelButton, self.retryButton, self.afreshButton)
        for button in buttons:
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("publishProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.steps = QTreeWidget()
        self.steps.setObjectName("publishSteps")
        self.steps.setHeaderLabels([self.tr("Step"), self.tr("State"), self.tr("Detail")])
        self.steps.setRootIsDecorated(False)
        self.steps.setWordWrap(True)
        self.steps.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # every step stays visible (five rows) beside the links, even at 1366×768
        self.steps.setMinimumHeight(self.steps.fontMetrics().height() * 8)
        layout.addWidget(self.steps, 3)
        self.links = QLabel()
        self.links.setObjectName("publishLinks")
        self.links.setWordWrap(True)
        self.links.setOpenExternalLinks(True)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.linksArea = QScrollArea()  # long WMS/WFS addresses scroll, never hide the steps
        self.linksArea.setWidgetResizable(True)
        self.linksArea.setFrameShape(QFrame.Shape.NoFrame)
        self.linksArea.setWidget(self.links)
        self.linksArea.setVisible(False)
        layout.addWidget(self.linksArea, 2)
        report_row = QHBoxLayout()
        self.reportButton = QPushButton(self.tr("Open the publication report"))
        self.reportButton.setObjectName("reportButton")
        self.reportButton.setEnabled(False)
        self.reportButton.clicked.connect(self.open_report)
        report_row.addWidget(self.reportButton)
        self.addToMapButton = QPushButton(self.tr("Add to the map"))
        self.addToMapButton.setObjectName("addToMapButton")
        self.addToMapButton.setToolTip(
            self.tr("Add the published layer to the QGIS map, as served by the map server (WMS)")
        )
        self.addToMapButton.setVisible(False)
        self.addToMapButton.clicked.connect(self.add_to_map)
        report_row.addWidget(self.addToMapButton)
        self.map_layer: Optional[tuple[str, str, str, str]] = None
        report_row.addStretch()
        self.unpublishButton = QPushButton(self.tr("Withdraw the publication…"))
        self.unpublishButton.setObjectName("unpublishButton")
        self.unpublishButton.setEnabled(False)
        self.unpublishButton.setToolTip(
            self.tr(
                "Delete this layer's record, map layer and dataset from the destinations they "
                "are on"
            )
        )
        self.unpublishButton.clicked.connect(self.unpublishRequested)
        report_row.addWidget(self.unpublishButton)
        layout.addLayout(report_row)
        self.running = False

    def set_published(self, published: bool) -> None:
        """Whether the layer is published somewhere (it can then be withdrawn)."""
        self.unpublishButton.setEnabled(published and not self.running)

    def set_plan(
        self, summary: str, blockers: list[str], can_retry: bool, missing: bool = False
    ) -> None:
        """What a click on Publish would do, and why it cannot (when it cannot).

        ``missing``: a dataset published earlier is gone from its portal; "Publish afresh"
        is offered.
        """
        self.summary.setText(summary)
        if blockers:
            self.blockers.setText(
                self.tr("Publishing is not possible yet:")
                + "<ul>"
                + "".join(f"<li>{line}</li>" for line in blockers)
                + "</ul>"
            )
        else:
            self.blockers.setText("")
        self.publishButton.setEnabled(not blockers and not self.running)
        self.publishButton.setToolTip(
            self.tr("Publish the record and the data to every destination")
            if not blockers
            else self.tr("Publishing is not possible yet: see the reasons above the button")
        )
        self.retryButton.setEnabled(can_retry and not blockers and not self.running)
        self.afreshButton.setVisible(missing)
        self.afreshButton.setEnabled(missing and not blockers and not self.running)

    def start(self, steps: list[tuple[str, str]]) -> None:
        """A publication starts: (key, label) of each step, all waiting."""
        self.running = True
        self.publishButton.setEnabled(False)
        self.retryButton.setEnabled(False)
        self.afreshButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.reportButton.setEnabled(False)
        self.unpublishButton.setEnabled(False)
        self.links.setText("")
        self.linksArea.setVisible(False)
        self.set_map_layer("", "", "")
        self.progress.setValue(0)
        self.steps.clear()
        for key, label in steps:
            item = QTreeWidgetItem([label, self.tr("waiting"), ""])
            item.setData(0, Qt.ItemDataRole.UserRole, key)
            item.setData(1, STATE_ROLE, "waiting")
            self.steps.addTopLevelItem(item)
        self.steps.resizeColumnToContents(0)

    def _item(self, key: str) -> Optional[QTreeWidgetItem]:
        for row in range(self.steps.topLevelItemCount()):
            item = self.steps.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == key:
                return item
        return None

    def set_step(self, key: str, state: str, detail: str = "", action: str = "") -> None:
        """Show a step's state ("running", "done" + action, "failed", "skipped"…)."""
        item = self._item(key)
        if item is None:
            return
        text = (
            self.tr("in progress…")
            if state == "running"
            else state_label(state, action, self.language)
        )
        item.setText(1, text)
        item.setData(1, STATE_ROLE, state)
        item.setText(2, detail)
        item.setToolTip(2, detail)
        item.setForeground(1, QColor(STATE_COLOURS.get(state, "#222")))

    def step_state(self, key: str) -> str:
        """The text shown in the State column of a step."""
        item = self._item(key)
        return item.text(1) if item is not None else ""

    def waiting_steps(self) -> list[str]:
        """Keys of the steps that never started."""
        items = (self.steps.topLevelItem(row) for row in range(self.steps.topLevelItemCount()))
        return [
            i.data(0, Qt.ItemDataRole.UserRole) for i in items if i.data(1, STATE_ROLE) == "waiting"
        ]

    def finish(self, links: list[tuple[str, str]], report_path: Optional[Path]) -> None:
        """The publication ended: show the links and offer the report."""
        self.running = False
        self.cancelButton.setEnabled(False)
        self.progress.setValue(100)
        self.links.setText(
            "<br/>".join(
                f'{escape(label)} : <a href="{escape(url)}">{breakable(url)}</a>'
                for label, url in links
            )
        )
        self.linksArea.setVisible(bool(links))
        self.report_path = report_path
        self.reportButton.setEnabled(report_path is not None)

    def set_map_layer(self, wms_url: str, name: str, title: str, crs: str = "") -> None:
        """The WMS layer the « Add to the map » button adds (hidden when there is none)."""
        self.map_layer = (wms_url, name, title, crs) if wms_url and name else None
        self.addToMapButton.setVisible(self.map_layer is not None)

    def add_to_map(self):
        """Add the published WMS layer to the current QGIS project; returns it."""
        if self.map_layer is None:
            return None
        return add_wms_layer(*self.map_layer)

    def open_report(self) -> None:
        """Open the HTML report in the user's browser."""
        if self.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_path)))
