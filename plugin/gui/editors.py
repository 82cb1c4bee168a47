"""Small editors that bind one record field to one widget: load, store, focus, `changed`.

Each editor knows only its record attribute; the field definitions (`record_fields.py`) say which
editor edits which field, with its label, tooltip and INSPIRE requirement.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Callable, Optional

from qgis.core import QgsCoordinateReferenceSystem
from qgis.gui import QgsDateEdit, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QDate, QObject, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import codelists
from ..core.model import (
    REG_1089_TITLE_FR,
    BoundingBox,
    Conformity,
    Encoding,
    Identifier,
    OnlineResource,
    Record,
    Resolution,
    ResponsibleParty,
    TemporalExtent,
)

ISO_DATE = "yyyy-MM-dd"


def first_replaced(current: Optional[list], first, unique: bool = False) -> list:
    """`current` with its first item replaced by `first` (None or "": removed), the rest kept.

    The form edits the first of several values (party, CRS, format…); values an imported record
    brings beyond the first stay as they were. `unique`: `first` is not repeated in the rest.
    """
    rest = list(current[1:]) if current else []
    if unique:
        rest = [item for item in rest if item != first]
    return rest if first in (None, "") else [first] + rest


class Editor(QObject):
    """Binds one record attribute to a widget."""

    changed = pyqtSignal()

    def __init__(self, key: str, language: str) -> None:
        super().__init__()
        self.key = key
        self.language = language
        self.widget: QWidget = QWidget()
        self._loading = False

    def focus(self) -> None:
        """Give the keyboard focus to the editor's first input."""
        self.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        """The widgets that take input (for tooltips and the tab order)."""
        return [self.widget]

    def load(self, record: Record) -> None:
        """Show the record's value without emitting `changed`."""
        self._loading = True
        try:
            value = getattr(record, self.key)
            self._load(value)
            self._as_loaded = (copy.deepcopy(value), self._value(copy.deepcopy(value)))
        finally:
            self._loading = False

    def store(self, record: Record) -> None:
        """Write the widget's value into the record.

        While the widget still shows what was loaded, a value it cannot show exactly (an
        imported record's 8-decimal bounding box, a second conformity statement, a keyword
        with a comma, a CRS QGIS does not know) is kept as it was, not rewritten.
        """
        current = getattr(record, self.key)
        value = self._value(current)
        loaded = getattr(self, "_as_loaded", None)
        if current and loaded is not None and (current, value) == loaded:
            return
        setattr(record, self.key, value)

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _load(self, value) -> None:
        raise NotImplementedError

    def _value(self, current):
        raise NotImplementedError


class LineEditor(Editor):
    """A one-line text (title)."""

    def __init__(self, key: str, language: str, placeholder: str = "") -> None:
        super().__init__(key, language)
        self.widget = QLineEdit()
        self.widget.setPlaceholderText(placeholder)
        self.widget.textEdited.connect(self._emit)

    def _load(self, value: str) -> None:
        self.widget.setText(value or "")

    def _value(self, current: str) -> str:
        return self.widget.text().strip()


class TextEditor(Editor):
    """A paragraph (abstract, lineage)."""

    def __init__(self, key: str, language: str, placeholder: str = "") -> None:
        super().__init__(key, language)
        self.widget = QPlainTextEdit()
        self.widget.setPlaceholderText(placeholder)
        self.widget.setTabChangesFocus(True)
        self.widget.setMinimumHeight(70)
        self.widget.setMaximumHeight(120)
        self.widget.textChanged.connect(self._emit)

    def _load(self, value: str) -> None:
        self.widget.setPlainText(value or "")

    def _value(self, current: str) -> str:
        return self.widget.toPlainText().strip()


def _date_edit() -> QgsDateEdit:
    edit = QgsDateEdit()
    edit.setAllowNull(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.clear()
    return edit


def _set_date(edit: QgsDateEdit, value: str) -> None:
    date = QDate.fromString((value or "")[:10], ISO_DATE)
    if date.isValid():
        edit.setDate(date)
    else:
        edit.clear()


def _date_text(edit: QgsDateEdit) -> str:
    return "" if edit.isNull() or not edit.date().isValid() else edit.date().toString(ISO_DATE)


class DateEditor(Editor):
    """A calendar date stored as YYYY-MM-DD; empty is allowed."""

    def __init__(self, key: str, language: str) -> None:
        super().__init__(key, language)
        self.widget = _date_edit()
        self.widget.dateValueChanged.connect(self._emit)

    def _load(self, value: str) -> None:
        _set_date(self.widget, value)

    def _value(self, current: str) -> str:
        return _date_text(self.widget)


class TemporalEditor(Editor):
    """The period the data covers (optional): start and end dates."""

    def __init__(self, key: str, language: str) -> None:
        super().__init__(key, language)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.start, self.end = _date_edit(), _date_edit()
        for edit in (self.start, self.end):
            edit.dateValueChanged.connect(self._emit)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("→"))
        layout.addWidget(self.end)

    def focus(self) -> None:
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        return [self.start, self.end]

    def _load(self, value: Optional[TemporalExtent]) -> None:
        _set_date(self.start, value.start if value else "")
        _set_date(self.end, value.end if value else "")

    def _value(self, current: Optional[TemporalExtent]) -> Optional[TemporalExtent]:
        start, end = _date_text(self.start), _date_text(self.end)
        if not start and not end:
            return None
        return TemporalExtent(start=start, end=end)


def codelist_items(name: str, language: str, first: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(code, label) pairs of a code list in the UI language, `first` codes on top."""
    key = {"licences": "id"}.get(name, "code")
    entries = [
        (str(e[key]), codelists.label(name, e[key], language)) for e in codelists.values(name)
    ]
    top = [item for code in first for item in entries if item[0] == code]
    return top + [item for item in entries if item[0] not in first]


ROLES_FIRST = ("pointOfContact", "custodian")  # the roles a local authority picks most
LICENCES_FIRST = ("lov2", "odc-odbl")  # the open licences French portals expect


def codelist_combo(name: str, language: str, first: tuple[str, ...] = ()) -> QComboBox:
    """A combo box of a code list's labels (codes as item data), `first` codes on top."""
    combo = QComboBox()
    for code, label in codelist_items(name, language, first):
        combo.addItem(label, code)
    return combo


class ChoiceEditor(Editor):
    """One value of a code list (an empty choice first when `empty_label` is given)."""

    def __init__(
        self,
        key: str,
        language: str,
        items: list[tuple[str, str]],
        empty_label: str = "",
        as_list: bool = False,
    ) -> None:
        super().__init__(key, language)
        self.as_list = as_list
        self.widget = QComboBox()
        self.widget.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.widget.setMinimumContentsLength(20)
        if empty_label:
            self.widget.addItem(empty_label, "")
        for code, label in items:
            self.widget.addItem(label, code)
            self.widget.setItemData(self.widget.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.widget.currentIndexChanged.connect(self._emit)

    def _load(self, value) -> None:
        code = (value[0] if value else "") if self.as_list else (value or "")
        index = self.widget.findData(code)
        if index < 0 and code:
            self.widget.addItem(code, code)  # a value from an imported record: keep it visible
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(max(index, 0))

    def _value(self, current):
        code = self.widget.currentData() or ""
        if not self.as_list:
            return code
        return first_replaced(current, code, unique=True)


class CheckListEditor(Editor):
    """Several values of a code list, as check boxes in a list, with an optional search box."""

    def __init__(
        self, key: str, language: str, items: list[tuple[str, str]], search_hint: str = ""
    ) -> None:
        super().__init__(key, language)
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search: Optional[QLineEdit] = None
        if search_hint:
            self.search = QLineEdit()
            self.search.setPlaceholderText(search_hint)
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self._filter)
            layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.list.setMaximumHeight(150)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for code, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._emit)
        layout.addWidget(self.list)

    def focus(self) -> None:
        (self.search or self.list).setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        return [w for w in (self.search, self.list) if w is not None]

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def checked(self) -> list[str]:
        """Codes of the checked items, in list order."""
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _load(self, value: list[str]) -> None:
        wanted = set(value or [])
        known = set()
        for row in range(self.list.count()):
            item = self.list.item(row)
            known.add(item.data(Qt.ItemDataRole.UserRole))
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )
        for code in sorted(wanted - known):  # unknown codes from an imported record stay visible
            item = QListWidgetItem(code)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self._checked_first()

    def _checked_first(self) -> None:
        """Move the chosen items to the top, so the user sees them without scrolling."""
        checked = [
            self.list.takeItem(row)
            for row in reversed(range(self.list.count()))
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        for item in checked:
            self.list.insertItem(0, item)
        self.list.scrollToTop()

    def _value(self, current: list[str]) -> list[str]:
        return self.checked()


class KeywordsEditor(Editor):
    """Free keywords, separated by commas."""

    def __init__(self, key: str, language: str, placeholder: str = "") -> None:
        super().__init__(key, language)
        self.widget = QLineEdit()
        self.widget.setPlaceholderText(placeholder)
        self.widget.textEdited.connect(self._emit)

    def _load(self, value: list[str]) -> None:
        self.widget.setText(", ".join(value or []))

    def _value(self, current: list[str]) -> list[str]:
        words = [w.strip() for w in self.widget.text().split(",")]
        return list(dict.fromkeys(w for w in words if w))


class PartyEditor(Editor):
    """The first responsible party (organisation, e-mail, role); further ones are kept."""

    def __init__(
        self,
        key: str,
        language: str,
        labels: tuple[str, str, str],
        fixed_role: str = "",
    ) -> None:
        super().__init__(key, language)
        self.fixed_role = fixed_role
        self.widget = QWidget()
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.organisation, self.email = QLineEdit(), QLineEdit()
        self.email.setPlaceholderText("sig@exemple.fr")
        grid.addWidget(QLabel(labels[0]), 0, 0)
        grid.addWidget(self.organisation, 0, 1)
        grid.addWidget(QLabel(labels[1]), 1, 0)
        grid.addWidget(self.email, 1, 1)
        self.role: Optional[QComboBox] = None
        if not fixed_role:
            self.role = codelist_combo("roles", language, ROLES_FIRST)
            grid.addWidget(QLabel(labels[2]), 2, 0)
            grid.addWidget(self.role, 2, 1)
            self.role.currentIndexChanged.connect(self._emit)
        for edit in (self.organisation, self.email):
            edit.textEdited.connect(self._emit)

    def focus(self) -> None:
        target = self.email if self.organisation.text().strip() else self.organisation
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        return [w for w in (self.organisation, self.email, self.role) if w is not None]

    def _load(self, value: list[ResponsibleParty]) -> None:
        party = value[0] if value else ResponsibleParty()
        self.organisation.setText(party.organisation)
        self.email.setText(party.email)
        if self.role is not None:
            self.role.setCurrentIndex(max(self.role.findData(party.role), 0))

    def _value(self, current: list[ResponsibleParty]) -> list[ResponsibleParty]:
        first = dataclasses.replace(current[0]) if current else ResponsibleParty()
        first.organisation = self.organisation.text().strip()
        first.email = self.email.text().strip()
        first.role = self.fixed_role or (self.role.currentData() if self.role else first.role)
        empty = not first.organisation and not first.email and not first.individual
        return first_replaced(current, None if empty else first)


class IdentifierEditor(Editor):
    """Unique resource identifier: namespace (the authority's URI) and code."""

    def __init__(self, key: str, language: str, labels: tuple[str, str]) -> None:
        super().__init__(key, language)
        self.widget = QWidget()
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.namespace, self.code = QLineEdit(), QLineEdit()
        self.namespace.setPlaceholderText("https://data.exemple.fr/id/")
        grid.addWidget(QLabel(labels[0]), 0, 0)
        grid.addWidget(self.namespace, 0, 1)
        grid.addWidget(QLabel(labels[1]), 1, 0)
        grid.addWidget(self.code, 1, 1)
        for edit in (self.namespace, self.code):
            edit.textEdited.connect(self._emit)

    def focus(self) -> None:
        (self.code if self.namespace.text() else self.namespace).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def inputs(self) -> list[QWidget]:
        return [self.namespace, self.code]

    def _load(self, value: Identifier) -> None:
        self.namespace.setText(value.namespace)
        self.code.setText(value.code)

    def _value(self, current: Identifier) -> Identifier:
        return Identifier(code=self.code.text().strip(), namespace=self.namespace.text().strip())


class ResolutionEditor(Editor):
    """Spatial resolution: an equivalent scale (1:N) or a ground distance in metres."""

    def __init__(self, key: str, language: str, labels: tuple[str, str, str]) -> None:
        super().__init__(key, language)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.addItem(labels[0], "")
        self.kind.addItem(labels[1], "scale")
        self.kind.addItem(labels[2], "distance")
        self.scale = QSpinBox()
        self.scale.setRange(1, 100_000_000)
        self.scale.setPrefix("1:")
        self.scale.setValue(5000)
        self.distance = QDoubleSpinBox()
        self.distance.setRange(0.001, 1_000_000)
        self.distance.setDecimals(3)
        self.distance.setSuffix(" m")
        self.distance.setValue(1.0)
        for widget in (self.kind, self.scale, self.distance):
            layout.addWidget(widget)
        layout.addStretch()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.scale.valueChanged.connect(self._emit)
        self.distance.valueChanged.connect(self._emit)
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        kind = self.kind.currentData()
        self.scale.setVisible(kind == "scale")
        self.distance.setVisible(kind == "distance")
        self._emit()

    def focus(self) -> None:
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.scale, self.distance]

    def _load(self, value: list[Resolution]) -> None:
        first = value[0] if value else None
        kind = ""
        if first is not None and first.scale:
            kind = "scale"
            self.scale.setValue(int(first.scale))
        elif first is not None and first.distance:
            kind = "distance"
            self.distance.setValue(float(first.distance))
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._kind_changed()

    def _value(self, current: list[Resolution]) -> list[Resolution]:
        kind = self.kind.currentData()
        first = None
        if kind == "scale":
            first = Resolution(scale=self.scale.value())
        elif kind == "distance":
            first = Resolution(distance=round(self.distance.value(), 3), uom="m")
        return first_replaced(current, first)


class ConformityEditor(Editor):
    """Degree of conformity to Regulation (EU) No 1089/2010 (the INSPIRE interoperability rules)."""

    DEGREES = ("", "true", "false")

    def __init__(self, key: str, language: str, labels: tuple[str, str, str]) -> None:
        super().__init__(key, language)
        self.widget = QComboBox()
        for degree, label in zip(self.DEGREES, labels):
            self.widget.addItem(label, degree)
        self.widget.currentIndexChanged.connect(self._emit)

    def _load(self, value: list[Conformity]) -> None:
        regulation = next((c for c in value if "1089/2010" in c.specification), None)
        degree = "" if regulation is None or regulation.degree is None else str(regulation.degree)
        self.widget.setCurrentIndex(max(self.widget.findData(degree.lower()), 0))

    def _value(self, current: list[Conformity]) -> list[Conformity]:
        degree = {"": None, "true": True, "false": False}[self.widget.currentData() or ""]
        others = [c for c in current if "1089/2010" not in c.specification]
        regulation = next((c for c in current if "1089/2010" in c.specification), None)
        regulation = dataclasses.replace(regulation) if regulation else Conformity()
        if not regulation.specification:
            regulation.specification = REG_1089_TITLE_FR
        regulation.degree = degree
        return [regulation] + others


class BoundingBoxEditor(Editor):
    """The WGS84 bounding box (read from the layer; editable when the user knows better)."""

    def __init__(self, key: str, language: str, labels: tuple[str, str, str, str]) -> None:
        super().__init__(key, language)
        self.widget = QWidget()
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[str, QDoubleSpinBox] = {}
        sides = (("west", -180, 180), ("east", -180, 180), ("south", -90, 90), ("north", -90, 90))
        for number, ((side, low, high), label) in enumerate(zip(sides, labels)):
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setDecimals(6)
            spin.setSuffix(" °")
            spin.valueChanged.connect(self._emit)
            self.spins[side] = spin
            grid.addWidget(QLabel(label), number // 2, (number % 2) * 2)
            grid.addWidget(spin, number // 2, (number % 2) * 2 + 1)

    def focus(self) -> None:
        self.spins["west"].setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        return list(self.spins.values())

    def _load(self, value: list[BoundingBox]) -> None:
        box = value[0] if value else BoundingBox()
        for side, spin in self.spins.items():
            spin.setValue(getattr(box, side))

    def _value(self, current: list[BoundingBox]) -> list[BoundingBox]:
        values = {side: round(spin.value(), 6) for side, spin in self.spins.items()}
        if not any(values.values()) and not current:
            return []
        return first_replaced(current, BoundingBox(**values))


class CrsEditor(Editor):
    """The reference system of the data, chosen with QGIS's own CRS selector."""

    def __init__(self, key: str, language: str) -> None:
        super().__init__(key, language)
        self.widget = QgsProjectionSelectionWidget()
        self.widget.setOptionVisible(QgsProjectionSelectionWidget.CrsNotSet, True)
        self.widget.crsChanged.connect(self._emit)

    def _load(self, value: list[str]) -> None:
        crs = QgsCoordinateReferenceSystem(value[0]) if value else QgsCoordinateReferenceSystem()
        self.widget.setCrs(crs)

    def _value(self, current: list[str]) -> list[str]:
        crs = self.widget.crs()
        authid = crs.authid() if crs.isValid() else ""
        return first_replaced(current, authid, unique=True)


class EncodingEditor(Editor):
    """The distribution format (name and version), pre-filled from how the data is stored."""

    FORMATS = (
        ("GeoPackage", "1.2"),
        ("GeoJSON", "RFC 7946"),
        ("CSV", ""),
        ("ESRI Shapefile", ""),
        ("GeoTIFF", "1.1"),
    )

    def __init__(self, key: str, language: str) -> None:
        super().__init__(key, language)
        self.widget = QComboBox()
        self.widget.setEditable(True)
        self.widget.addItem("", "")
        for name, version in self.FORMATS:
            self.widget.addItem(name, version)
        self.widget.currentTextChanged.connect(self._emit)

    def _load(self, value: list[Encoding]) -> None:
        self.widget.setCurrentText(value[0].name if value else "")

    def _value(self, current: list[Encoding]) -> list[Encoding]:
        name = self.widget.currentText().strip()
        if name and current and current[0].name == name:
            return list(current)
        known = dict(self.FORMATS)
        return first_replaced(
            current, Encoding(name=name, version=known.get(name, "")) if name else None
        )


class LocatorEditor(Editor):
    """The first resource locator (a page or service where the data is); others are kept."""

    def __init__(self, key: str, language: str) -> None:
        super().__init__(key, language)
        self.widget = QLineEdit()
        self.widget.setPlaceholderText("https://")
        self.widget.textEdited.connect(self._emit)

    def _load(self, value: list[OnlineResource]) -> None:
        self.widget.setText(value[0].url if value else "")

    def _value(self, current: list[OnlineResource]) -> list[OnlineResource]:
        url = self.widget.text().strip()
        if not url:
            return first_replaced(current, None)
        first = (
            dataclasses.replace(current[0]) if current else OnlineResource(function="information")
        )
        first.url = url
        return first_replaced(current, first)


EditorFactory = Callable[[str, str], Editor]
