"""Step 1, Describe: the INSPIRE form built from `record_fields`, with the live checklist."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import Issue
from ..core.kept import kept_elements
from ..core.model import Record
from ..core.rules import validate
from .checklist import ChecklistWidget
from .editors import Editor
from .record_fields import FieldDef, definitions, section_titles
from .widgets import button_row


class DescribeWidget(QWidget):
    """The record form. Emits `edited` on every change the user makes (not when loading)."""

    edited = pyqtSignal()
    importFileRequested = pyqtSignal()  # noqa: N815 - Qt signal naming
    importCatalogueRequested = pyqtSignal()  # noqa: N815
    exportFileRequested = pyqtSignal()  # noqa: N815

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.base = Record()
        self.guessed: set[str] = set()
        self.definitions: list[FieldDef] = definitions()
        self.editors: dict[str, Editor] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._buttons())
        self.facts = QLabel()
        self.facts.setObjectName("layerFacts")
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.kept = QLabel()
        self.kept.setObjectName("keptFromImport")
        self.kept.setWordWrap(True)
        layout.addWidget(self.kept)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self._form())
        splitter.addWidget(self.scroll)
        self.checklist = ChecklistWidget(language)
        self.checklist.fieldActivated.connect(self.focus_field)
        splitter.addWidget(self.checklist)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 460])
        layout.addWidget(splitter, 1)

    def _buttons(self) -> QHBoxLayout:
        return button_row(
            self,
            [
                (
                    "importFileButton",
                    self.tr("Import an XML record…"),
                    self.importFileRequested,
                    self.tr("Fill the form from an ISO 19139 / INSPIRE XML file"),
                ),
                (
                    "importCatalogueButton",
                    self.tr("Import from a catalogue…"),
                    self.importCatalogueRequested,
                    self.tr("Fill the form from a record of a saved catalogue (CSW GetRecordById)"),
                ),
                (
                    "exportFileButton",
                    self.tr("Export the XML record…"),
                    self.exportFileRequested,
                    self.tr("Save the record as an ISO 19139 XML file"),
                ),
            ],
        )

    def _form(self) -> QWidget:
        container = QWidget()
        column = QVBoxLayout(container)
        titles = section_titles()
        forms: dict[str, QFormLayout] = {}
        for definition in self.definitions:
            if definition.section not in forms:
                box = QGroupBox(titles[definition.section])
                forms[definition.section] = QFormLayout(box)
                forms[definition.section].setFieldGrowthPolicy(
                    QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow
                )
                column.addWidget(box)
            editor = definition.make(definition.key, self.language)
            editor.changed.connect(lambda key=definition.key: self._edited(key))
            label = QLabel()
            label.setToolTip(definition.tooltip)
            label.setBuddy(editor.inputs()[0])
            label.setWordWrap(True)
            for widget in editor.inputs() + [editor.widget]:
                widget.setToolTip(definition.tooltip)
            editor.widget.setObjectName(f"field_{definition.key}")
            forms[definition.section].addRow(label, editor.widget)
            self.editors[definition.key] = editor
            self.labels[definition.key] = label
        column.addStretch()
        self._refresh_labels()
        return container

    def _refresh_labels(self) -> None:
        for definition in self.definitions:
            text = definition.label + (" *" if definition.mandatory else "")
            if definition.key in self.guessed:
                text += "<br/><i style='color:#666'>" + self.tr("(read from the layer)") + "</i>"
            self.labels[definition.key].setText(text)

    def set_record(self, record: Record, guessed: Optional[set[str]] = None) -> None:
        """Show a record; `guessed` fields are marked as read from the layer."""
        self.base = Record.from_dict(record.to_dict())
        self.guessed = set(guessed or ())
        for editor in self.editors.values():
            editor.load(self.base)
        self._refresh_labels()
        self._show_facts()
        self._show_kept()
        self.checklist.show_issues(validate(self.record()))

    def _show_facts(self) -> None:
        record = self.base
        parts = []
        if record.geometry_type:
            parts.append(self.tr("geometry: {0}").format(record.geometry_type))
        if record.feature_count is not None:
            parts.append(self.tr("{0} feature(s)").format(record.feature_count))
        if record.attributes:
            names = ", ".join(a.name for a in record.attributes[:12])
            more = "…" if len(record.attributes) > 12 else ""
            parts.append(self.tr("attributes: {0}").format(names + more))
        self.facts.setText(self.tr("Read from the layer — ") + " · ".join(parts) if parts else "")

    def _show_kept(self) -> None:
        """Say what an imported record holds beyond the form: it is published unchanged."""
        items = kept_elements(self.base, self.language)
        text = ""
        if items:
            text = self.tr(
                "Kept from the imported record (not in this form, published unchanged): {0}."
            ).format(", ".join(items))
        self.kept.setText(text)
        self.kept.setVisible(bool(text))

    def record(self) -> Record:
        """The record as the form shows it now."""
        record = Record.from_dict(self.base.to_dict())
        for editor in self.editors.values():
            editor.store(record)
        return record

    def issues(self) -> list[Issue]:
        """The rule issues of the record as shown."""
        return list(self.checklist.issues)

    def _edited(self, key: str) -> None:
        if key in self.guessed:
            self.guessed.discard(key)
            self._refresh_labels()
        self.checklist.show_issues(validate(self.record()))
        self.edited.emit()

    def editor_for(self, field: str) -> Optional[Editor]:
        """The editor that lets the user fix rule issues on `field`."""
        for definition in self.definitions:
            if field in definition.issue_fields:
                return self.editors[definition.key]
        return None

    def focus_field(self, field: str) -> None:
        """Scroll to the field's row and give it the keyboard focus."""
        editor = self.editor_for(field)
        if editor is None:
            return
        self.scroll.ensureWidgetVisible(editor.widget, 20, 40)
        editor.focus()
