"""Step 3, Destinations: the saved connections (add, edit, remove, test, import, export) and,
for this layer, which catalogue and which portal to publish to, and how."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..publishers.connections import (
    CATALOGUE_TYPES,
    Connection,
    load_connections,
    save_connections,
)
from ..publishers.errors import PublishError
from ..qgis.choices import DestinationChoice
from ..qgis.destinations import save_saved_connections, saved_connections
from ..qgis.tasks import ConnectionTestTask
from .connection_dialog import MAP_SERVERS, PORTALS, ConnectionDialog, type_labels
from .errors import error_text
from .widgets import button_row


class DestinationsWidget(QWidget):
    """Saved connections and the layer's destinations; emits `changed` when the choice changes."""

    changed = pyqtSignal()

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.connections: list[Connection] = []
        self.tasks: dict[str, ConnectionTestTask] = {}
        self.results: dict[str, str] = {}
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Saved connections"))
        inner = QVBoxLayout(box)
        self.tree = QTreeWidget()
        self.tree.setObjectName("connectionsTree")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Address")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_connection())
        self.tree.itemSelectionChanged.connect(self._show_status)
        inner.addWidget(self.tree)
        inner.addLayout(self._buttons())
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.status)
        layout.addWidget(box, 1)
        layout.addWidget(self._choice_box())
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        specs = [
            ("addButton", self.tr("Add…"), self.add_connection, self.tr("Add a destination")),
            ("editButton", self.tr("Edit…"), self.edit_connection, self.tr("Edit the selection")),
            ("removeButton", self.tr("Remove"), self.remove_connection, self.tr("Remove it")),
            (
                "testButton",
                self.tr("Test"),
                self.test_connection,
                self.tr("Check the server answers and accepts the credentials"),
            ),
            (
                "importButton",
                self.tr("Import…"),
                self.import_file,
                self.tr("Add the connections of a file (e.g. given by your trainer)"),
            ),
            (
                "exportButton",
                self.tr("Export…"),
                self.export_file,
                self.tr("Save the connections to a file to share (no password in it)"),
            ),
        ]
        return button_row(self, specs)

    def _choice_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Destinations of this layer"))
        form = QFormLayout(box)
        self.catalogueCombo = QComboBox()
        self.catalogueCombo.setObjectName("catalogueCombo")
        self.catalogueCombo.setToolTip(self.tr("Where the INSPIRE record is published"))
        self.mapServerCombo = QComboBox()
        self.mapServerCombo.setObjectName("mapServerCombo")
        self.mapServerCombo.setToolTip(
            self.tr("Where the layer is published as a map (WMS) and for download (WFS)")
        )
        self.portalCombo = QComboBox()
        self.portalCombo.setObjectName("portalCombo")
        self.portalCombo.setToolTip(self.tr("Where the open data dataset is published"))
        self.uploadRadio = QRadioButton(self.tr("Upload the harmonised files to the portal"))
        self.referenceRadio = QRadioButton(
            self.tr("Reference only: the portal links to the geoportal's record and services")
        )
        self.uploadRadio.setChecked(True)
        self.modeGroup = QButtonGroup(self)
        self.modeGroup.addButton(self.uploadRadio)
        self.modeGroup.addButton(self.referenceRadio)
        form.addRow(self.tr("Catalogue"), self.catalogueCombo)
        form.addRow(self.tr("Map server"), self.mapServerCombo)
        form.addRow(self.tr("Open data portal"), self.portalCombo)
        form.addRow(self.tr("On the portal"), self.uploadRadio)
        form.addRow("", self.referenceRadio)
        self.zonesEdit = QLineEdit()
        self.zonesEdit.setObjectName("zonesEdit")
        self.zonesEdit.setPlaceholderText("fr:commune:44109, fr:epci:244400404")
        self.zonesEdit.setToolTip(
            self.tr("udata: the territories the data covers (zone ids, separated by commas)")
        )
        self.granularityCombo = QComboBox()
        self.granularityCombo.setToolTip(self.tr("udata: the finest territory level of the data"))
        for code, label in (
            ("", self.tr("(not given)")),
            ("fr:commune", self.tr("Municipality")),
            ("fr:epci", self.tr("Intercommunality (EPCI)")),
            ("fr:departement", self.tr("Department")),
            ("fr:region", self.tr("Region")),
            ("country", self.tr("Country")),
            ("other", self.tr("Other (finer than a municipality)")),
        ):
            self.granularityCombo.addItem(label, code)
        self.zonesLabel = QLabel(self.tr("Territories (udata)"))
        self.granularityLabel = QLabel(self.tr("Spatial granularity"))
        form.addRow(self.zonesLabel, self.zonesEdit)
        form.addRow(self.granularityLabel, self.granularityCombo)
        self.zonesEdit.editingFinished.connect(self._choice_changed)
        self.granularityCombo.currentIndexChanged.connect(self._choice_changed)
        self.catalogueCombo.currentIndexChanged.connect(self._choice_changed)
        self.mapServerCombo.currentIndexChanged.connect(self._choice_changed)
        self.portalCombo.currentIndexChanged.connect(self._choice_changed)
        self.uploadRadio.toggled.connect(self._choice_changed)
        return box

    # -- the saved connections -------------------------------------------------------------

    def reload(self) -> None:
        """Read the saved connections again (a damaged setting is shown, not fatal)."""
        try:
            self.connections = saved_connections()
        except PublishError as error:
            self.connections = []
            self.status.setText(error_text(error, self.language))
        self._fill()

    def _fill(self) -> None:
        choice = self.choice()
        labels = type_labels()
        self.tree.clear()
        for connection in self.connections:
            item = QTreeWidgetItem(
                [connection.name, labels.get(connection.type, connection.type), connection.url]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, connection.name)
            self.tree.addTopLevelItem(item)
        for column in (0, 1):  # names and types in full; the address takes the rest
            self.tree.resizeColumnToContents(column)
        self._fill_combo(
            self.catalogueCombo, [c for c in self.connections if c.type in CATALOGUE_TYPES]
        )
        self._fill_combo(
            self.mapServerCombo, [c for c in self.connections if c.type in MAP_SERVERS]
        )
        self._fill_combo(self.portalCombo, [c for c in self.connections if c.type in PORTALS])
        self.set_choice(choice)

    def _fill_combo(self, combo: QComboBox, connections: list[Connection]) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(none)"), "")
        for connection in connections:
            combo.addItem(connection.name, connection.name)
        combo.blockSignals(False)

    def _save(self) -> None:
        save_saved_connections(self.connections)
        self._fill()
        self.changed.emit()

    def selected(self) -> Optional[Connection]:
        """The connection selected in the list."""
        items = self.tree.selectedItems()
        name = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return next((c for c in self.connections if c.name == name), None)

    def select(self, name: str) -> None:
        """Select a connection by name."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == name)

    def _unique(self, connection: Connection, replacing: str = "") -> bool:
        taken = {c.name.casefold() for c in self.connections if c.name != replacing}
        if connection.name.casefold() in taken:
            QMessageBox.warning(
                self,
                self.tr("GeoPublier"),
                self.tr("A connection called “{0}” already exists.").format(connection.name),
            )
            return False
        return True

    def add_connection(self) -> None:
        """Ask for a new connection and save it."""
        dialog = ConnectionDialog(self.language, parent=self)
        if dialog.exec() and (connection := dialog.connection()) and self._unique(connection):
            self.connections.append(connection)
            self._save()
            self.select(connection.name)

    def edit_connection(self) -> None:
        """Edit the selected connection."""
        current = self.selected()
        if current is None:
            return
        dialog = ConnectionDialog(self.language, current, parent=self)
        if (
            dialog.exec()
            and (connection := dialog.connection())
            and self._unique(connection, current.name)
        ):
            self.connections = [connection if c is current else c for c in self.connections]
            self.results.pop(current.name, None)
            self._save()
            self.select(connection.name)

    def remove_connection(self) -> None:
        """Remove the selected connection after confirmation."""
        current = self.selected()
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("GeoPublier"),
            self.tr("Remove the connection “{0}”? Nothing is deleted on the server.").format(
                current.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.connections = [c for c in self.connections if c is not current]
            self._save()

    def import_file(self, path: str = "") -> None:
        """Add the connections of a file; same-name connections are replaced."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import connections"), "", self.tr("Connections (*.json)")
            )
        if not path:
            return
        try:
            imported = load_connections(path)
        except PublishError as error:
            self.status.setText(error_text(error, self.language))
            return
        names = {c.name.casefold() for c in imported}
        self.connections = [c for c in self.connections if c.name.casefold() not in names]
        self.connections.extend(imported)
        self._save()
        self.status.setText(
            self.tr("{0} connection(s) imported from {1}").format(len(imported), path)
        )

    def export_file(self, path: str = "") -> None:
        """Write every saved connection to a file to share (secrets are never in it)."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export connections"),
                "connexions.json",
                self.tr("Connections (*.json)"),
            )
        if not path:
            return
        try:
            save_connections(path, self.connections)
        except (PublishError, OSError) as error:
            self.status.setText(error_text(error, self.language))
            return
        self.status.setText(self.tr("Connections saved to {0}").format(path))

    # -- connection test (in a task, short timeout) ------------------------------------------

    def test_connection(self) -> Optional[ConnectionTestTask]:
        """Test the selected connection in the background."""
        connection = self.selected()
        if connection is None:
            self.status.setText(self.tr("Select a connection to test."))
            return None
        task = ConnectionTestTask(connection)
        self.tasks[connection.name] = task
        self.results[connection.name] = self.tr("Testing {0}…").format(connection.name)
        task.taskCompleted.connect(lambda: self._tested(task))
        task.taskTerminated.connect(lambda: self._tested(task))
        self._show_status()
        QgsApplication.taskManager().addTask(task)
        return task

    def _tested(self, task: ConnectionTestTask) -> None:
        name = task.connection.name
        if task.error is not None:
            text = "✖ " + error_text(task.error, self.language)
        elif task.isCanceled():
            text = self.tr("Test cancelled.")
        else:
            who = task.result.get("user") or task.result.get("title") or ""
            text = "✔ " + self.tr("{0} answers and accepts the connection.").format(name)
            if who:
                text += " " + self.tr("Account: {0}").format(who)
        self.results[name] = text
        self.tasks.pop(name, None)
        self._show_status()

    def _show_status(self) -> None:
        current = self.selected()
        if current is not None:
            self.status.setText(self.results.get(current.name, ""))

    # -- the layer's choice --------------------------------------------------------------------

    def choice(self) -> DestinationChoice:
        """What is chosen for this layer now."""
        zones = [z.strip() for z in self.zonesEdit.text().split(",") if z.strip()]
        return DestinationChoice(
            catalogue=self.catalogueCombo.currentData() or "",
            portal=self.portalCombo.currentData() or "",
            mode="reference" if self.referenceRadio.isChecked() else "upload",
            zones=zones,
            granularity=self.granularityCombo.currentData() or "",
            map_server=self.mapServerCombo.currentData() or "",
        )

    def set_choice(self, choice: DestinationChoice) -> None:
        """Show a stored choice (unknown names fall back to none)."""
        for combo, name in (
            (self.catalogueCombo, choice.catalogue),
            (self.mapServerCombo, choice.map_server),
            (self.portalCombo, choice.portal),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(name), 0))
            combo.blockSignals(False)
        radio = self.referenceRadio if choice.mode == "reference" else self.uploadRadio
        for button in (self.uploadRadio, self.referenceRadio):
            button.blockSignals(True)
        radio.setChecked(True)
        for button in (self.uploadRadio, self.referenceRadio):
            button.blockSignals(False)
        self.zonesEdit.setText(", ".join(choice.zones))
        self.granularityCombo.blockSignals(True)
        self.granularityCombo.setCurrentIndex(
            max(self.granularityCombo.findData(choice.granularity), 0)
        )
        self.granularityCombo.blockSignals(False)
        self._show_udata_options()

    def connection(self, name: str) -> Optional[Connection]:
        """A saved connection by name."""
        return next((c for c in self.connections if c.name == name), None)

    def _choice_changed(self, *_args) -> None:
        self._show_udata_options()
        self.changed.emit()

    def _show_udata_options(self) -> None:
        portal = self.connection(self.portalCombo.currentData() or "")
        shown = portal is not None and portal.type == "udata"
        for widget in (
            self.zonesLabel,
            self.zonesEdit,
            self.granularityLabel,
            self.granularityCombo,
        ):
            widget.setVisible(shown)
