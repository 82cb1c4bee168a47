"""The live INSPIRE checklist: every unmet requirement in plain words; a click goes to the field."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core.issues import ERROR, Issue
from ..core.messages import message

ICONS = {ERROR: "/mIconWarning.svg", "warning": "/mIconInfo.svg"}


class ChecklistWidget(QWidget):
    """Lists the rule issues of the record, errors first; emits the field of a clicked item."""

    fieldActivated = pyqtSignal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("checklistSummary")
        self.summary.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("checklistItems")
        self.items.setWordWrap(True)
        self.items.setToolTip(self.tr("Click an item to go to the field to fill in."))
        self.items.itemActivated.connect(self._activated)
        self.items.itemClicked.connect(self._activated)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        self.issues: list[Issue] = []

    def show_issues(self, issues: list[Issue]) -> None:
        """Replace the list with `issues` (errors first, then advice)."""
        self.issues = sorted(issues, key=lambda i: i.level != ERROR)
        self.items.clear()
        for issue in self.issues:
            item = QListWidgetItem(
                QgsApplication.getThemeIcon(ICONS.get(issue.level, ICONS["warning"])),
                message(issue, self.language),
            )
            item.setData(Qt.ItemDataRole.UserRole, issue.field)
            item.setToolTip(
                self.tr("INSPIRE requirement {0}").format(issue.params.get("req", ""))
                if issue.level == ERROR
                else self.tr("Advice of the CNIG guide (does not block publication)")
            )
            self.items.addItem(item)
        blocking = sum(1 for issue in issues if issue.level == ERROR)
        advice = len(issues) - blocking
        if blocking:
            text = self.tr("{0} INSPIRE requirement(s) still to meet").format(blocking)
            self.summary.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            text = self.tr("✔ The record meets every INSPIRE requirement")
            self.summary.setStyleSheet("color: #1b7a2f; font-weight: bold;")
        if advice:
            text += self.tr(" — {0} piece(s) of advice").format(advice)
        self.summary.setText(text)

    def blocking_count(self) -> int:
        """How many errors are listed."""
        return sum(1 for issue in self.issues if issue.level == ERROR)

    def _activated(self, item: QListWidgetItem) -> None:
        self.fieldActivated.emit(str(item.data(Qt.ItemDataRole.UserRole) or ""))
