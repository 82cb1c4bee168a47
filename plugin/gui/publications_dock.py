"""The « Publications » panel: every layer of the project with its publication state (never
published, up to date, changed since publication, failed, withdrawn), its destinations, dates and
links; several layers republished in one background task, with Cancel and « Retry failed »."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication, QgsIconUtils, QgsMapLayer, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QDateTime, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import __title__
from ..publishers.freshness import (
    CHANGED,
    FAILED_STATE,
    MOVED,
    NEVER,
    UNKNOWN,
    UNVERIFIABLE,
    UP_TO_DATE,
    WITHDRAWN,
    LayerState,
)
from ..qgis.batch import (
    CANCELLED_LAYER,
    FAILED,
    REPUBLISHED,
    SKIPPED,
    LayerOutcome,
    RepublishTask,
    moved_outcome,
    plan_layer,
)
from ..qgis.destinations import journal, profile_folder, saved_connections
from ..qgis.freshness import project_states
from ..qgis.portal_check import ERROR, GONE, LOST, PortalCheck, PortalCheckTask, portal_checks
from ..toolbelt.i18n import ui_language
from .publish_widget import STATE_COLOURS

LAYER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URL_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
COLOURS = {
    UP_TO_DATE: STATE_COLOURS["done"],
    CHANGED: "#b35c00",
    FAILED_STATE: STATE_COLOURS["failed"],
    WITHDRAWN: STATE_COLOURS["withdrawn"],
    NEVER: "#555555",
    UNKNOWN: "#8a6d00",
    MOVED: "#7b2fa0",
    UNVERIFIABLE: "#555555",
    "running": STATE_COLOURS["running"],
    REPUBLISHED: STATE_COLOURS["done"],
    SKIPPED: STATE_COLOURS["skipped"],
    FAILED: STATE_COLOURS["failed"],
    CANCELLED_LAYER: STATE_COLOURS["cancelled"],
}
REFRESH_DELAY_MS = 500
COLUMNS = 4  # layer, state, published, link


class PublicationsDock(QgsDockWidget):
    """Dock listing the project's layers with their freshness; republishes a selection."""

    def __init__(self, iface=None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publications"))
        self.setObjectName("GeoPublierPublicationsDock")
        self.iface = iface
        self.language = ui_language()
        self.task: Optional[RepublishTask] = None
        self.states: dict[str, LayerState] = {}
        self.outcomes: dict[str, LayerOutcome] = {}
        self.portal_task: Optional[PortalCheckTask] = None
        self.portal_checks: dict[tuple[str, str], PortalCheck] = {}  # (layer id, destination)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.tree = QTreeWidget()
        self.tree.setObjectName("publicationsTree")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [self.tr("Layer"), self.tr("State"), self.tr("Published"), self.tr("Link")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.tree.setColumnWidth(3, 160)
        self.tree.itemDoubleClicked.connect(self._open_link)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 1)
        self.summary = QLabel()
        self.summary.setObjectName("publicationsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setObjectName("publicationsProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        layout.addLayout(self._buttons())
        self.setWidget(body)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        project = QgsProject.instance()
        project.layersAdded.connect(self._layers_added)
        project.layersRemoved.connect(self.schedule_refresh)
        project.cleared.connect(self.schedule_refresh)
        self._layers_added(list(project.mapLayers().values()))

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refreshButton = QPushButton(self.tr("Refresh"))
        self.refreshButton.setObjectName("refreshButton")
        self.refreshButton.clicked.connect(self.refresh)
        self.changedButton = QPushButton(self.tr("Select changed"))
        self.changedButton.setObjectName("selectChangedButton")
        self.changedButton.setToolTip(
            self.tr(
                "Select the layers changed since their publication, whose source moved, or "
                "whose publication failed (or whose portal lacks files, after « Check the "
                "portals »)"
            )
        )
        self.changedButton.clicked.connect(self.select_changed)
        self.republishButton = QPushButton(self.tr("Republish selected"))
        self.republishButton.setObjectName("republishButton")
        self.republishButton.setToolTip(
            self.tr("Republish the selected layers to their destinations, in one background task")
        )
        self.republishButton.clicked.connect(lambda: self.republish())
        self.retryButton = QPushButton(self.tr("Retry failed"))
        self.retryButton.setObjectName("retryFailedButton")
        self.retryButton.setToolTip(self.tr("Publish again only where it failed"))
        self.retryButton.clicked.connect(self.retry_failed)
        self.checkButton = QPushButton(self.tr("Check the portals"))
        self.checkButton.setObjectName("checkPortalsButton")
        self.checkButton.setToolTip(
            self.tr(
                "Read each portal dataset and show the files deleted or replaced there since the "
                "last publication (republishing the layer sends them again)"
            )
        )
        self.checkButton.clicked.connect(lambda: self.check_portals())
        self.cancelButton = QPushButton(self.tr("Cancel"))
        self.cancelButton.setObjectName("cancelRepublishButton")
        self.cancelButton.clicked.connect(self.cancel)
        for button in (
            self.refreshButton,
            self.changedButton,
            self.republishButton,
            self.retryButton,
            self.checkButton,
            self.cancelButton,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self._update_buttons()
        return row

    # -- states --------------------------------------------------------------------------------

    def _layers_added(self, layers: list[QgsMapLayer]) -> None:
        """Watch what makes a layer stale (style, metadata, edits), then refresh."""
        for layer in layers:
            layer.styleChanged.connect(self.schedule_refresh)
            layer.metadataChanged.connect(self.schedule_refresh)
            layer.customPropertyChanged.connect(self.schedule_refresh)
            if hasattr(layer, "afterCommitChanges"):
                layer.afterCommitChanges.connect(self.schedule_refresh)
        self.schedule_refresh()

    def schedule_refresh(self, *_args) -> None:
        """Refresh soon (several changes in a row give one refresh); not during a run, and
        not while the panel is closed (it refreshes when shown again)."""
        if self.task is None and self.isVisible():
            self.refresh_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API name
        """Shown again: the states may have changed meanwhile."""
        super().showEvent(event)
        if self.task is None:
            self.refresh_timer.start()

    def layers(self) -> list[QgsMapLayer]:
        """The project's vector and raster layers, in the Layers panel's order."""
        kinds = (QgsMapLayer.LayerType.VectorLayer, QgsMapLayer.LayerType.RasterLayer)
        nodes = QgsProject.instance().layerTreeRoot().findLayers()
        return [n.layer() for n in nodes if n.layer() is not None and n.layer().type() in kinds]

    def refresh(self) -> None:
        """Read every layer's state (no feature read) and show it."""
        self.refresh_timer.stop()
        layers = self.layers()
        self.states = project_states(layers, journal())
        selected = set(self.selected_ids())
        self.tree.clear()
        lost = self._portal_losses()
        for layer in layers:
            item = self._layer_item(layer, self.states[layer.id()], layer.id() in lost)
            self.tree.addTopLevelItem(item)
            item.setSelected(layer.id() in selected)
        counts = [s.code for s in self.states.values()]
        self.summary.setText(
            self.tr(
                "{0} layer(s): {1} up to date, {2} changed, {3} failed, {4} not published."
            ).format(
                len(counts),
                counts.count(UP_TO_DATE),
                counts.count(CHANGED),
                counts.count(FAILED_STATE),
                counts.count(NEVER) + counts.count(WITHDRAWN),
            )
            + (
                " " + self.tr("{0} with a moved source.").format(counts.count(MOVED))
                if MOVED in counts
                else ""
            )
            + (
                " " + self.tr("{0} not verifiable.").format(counts.count(UNVERIFIABLE))
                if UNVERIFIABLE in counts
                else ""
            )
        )
        self._update_buttons()

    def _part_names(self, changed: list[str]) -> list[str]:
        names = {
            "data": self.tr("data"),
            "metadata": self.tr("metadata"),
            "style": self.tr("style"),
        }
        return [names[part] for part in changed]

    def state_text(self, state: LayerState) -> str:
        """The state in words (changed parts named)."""
        texts = {
            NEVER: self.tr("Never published"),
            UP_TO_DATE: self.tr("Up to date"),
            CHANGED: self.tr("Changed: {0}"),
            FAILED_STATE: self.tr("Last publication failed"),
            WITHDRAWN: self.tr("Publication withdrawn"),
            UNKNOWN: self.tr("Published (changes unknown: published before this version)"),
            MOVED: self.tr("Source moved"),
            UNVERIFIABLE: self.tr("Not verifiable"),
        }
        text = texts[state.code]
        if state.code == CHANGED:
            text = text.format(", ".join(self._part_names(state.changed)))
        elif state.code == FAILED_STATE and state.changed:
            text += " — " + self.tr("changed since: {0}").format(
                ", ".join(self._part_names(state.changed))
            )
        return text

    def _layer_item(
        self, layer: QgsMapLayer, state: LayerState, portal_lost: bool = False
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([layer.name(), self.state_text(state), _date(state.last_published)])
        item.setData(0, LAYER_ID_ROLE, layer.id())
        item.setData(1, STATE_ROLE, state.code)
        item.setToolTip(1, self._state_tip(state, item.text(1)))
        item.setIcon(0, QgsIconUtils.iconForLayer(layer))
        _colour(item, 1, state.code)
        if state.withdrawn_at:
            item.setText(2, _date(state.withdrawn_at))
        if portal_lost:
            missing = self.tr("Files missing on the portal")
            text = missing if state.code == UP_TO_DATE else f"{item.text(1)} — {missing}"
            item.setText(1, text)
            _colour(item, 1, CHANGED)
        for destination in state.destinations:
            child = QTreeWidgetItem(
                [
                    destination.destination,
                    self._destination_text(destination.status, destination.changed),
                    _date(destination.time),
                    destination.url,
                ]
            )
            child.setData(3, URL_ROLE, destination.url)
            if destination.changed:
                child.setToolTip(1, self.tr("The layer changed since this publication"))
            child.setToolTip(3, self.tr("Double-click to open {0}").format(destination.url))
            child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            _colour(child, 1, FAILED if destination.status == "failed" else UP_TO_DATE)
            if destination.changed:
                _colour(child, 1, CHANGED)
            self._show_check(child, self.portal_checks.get((layer.id(), destination.destination)))
            item.addChild(child)
        outcome = self.outcomes.get(layer.id())
        if outcome is not None and outcome.status != REPUBLISHED:
            self._show_outcome(item, outcome)
        return item

    def _state_tip(self, state: LayerState, text: str) -> str:
        if state.code == CHANGED:
            return self.tr("Changed since its last publication: {0}").format(
                ", ".join(self._part_names(state.changed))
            )
        if state.code == MOVED:
            return self.tr(
                "The layer's source moved or was renamed since its last publication.\n"
                "Published from: {0}\nNow: {1}\nRepublishing asks first whether the existing "
                "publication is to be updated with the new source."
            ).format(state.moved_from, state.source)
        if state.code == UNVERIFIABLE:
            return self.tr(
                "Its metadata and style have not changed since its last publication, but "
                "whether its data changed cannot be told without downloading it: web services "
                "(WMS, WFS, ArcGIS) give no reliable date of their data's last change, and a "
                "PostGIS view may read tables without statistics. Republishing it sends its "
                "data again."
            )
        return text

    def _destination_text(self, status: str, changed: list[str]) -> str:
        if status == "failed":
            return self.tr("Failed")
        return self.tr("Published") + (" *" if changed else "")

    # -- selection -----------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """Ids of the selected layers, in the panel's order."""
        return [
            item.data(0, LAYER_ID_ROLE)
            for item in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if item.isSelected()
        ]

    def select_changed(self) -> None:
        """Select the layers a « republish what changed » picks up."""
        lost = self._portal_losses()
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            layer_id = item.data(0, LAYER_ID_ROLE)
            state = self.states.get(layer_id)
            item.setSelected(layer_id in lost or (state is not None and state.needs_publication))

    def _portal_losses(self) -> set[str]:
        """Layers whose portal lost files or holds other ones (last « Check the portals »)."""
        return {c.layer_id for c in self.portal_checks.values() if c.state == LOST}

    def _update_buttons(self) -> None:
        running = self.task is not None
        self.republishButton.setEnabled(not running and bool(self.selected_ids()))
        failed = any(s.code == FAILED_STATE for s in self.states.values())
        self.retryButton.setEnabled(not running and failed)
        self.changedButton.setEnabled(not running)
        self.refreshButton.setEnabled(not running)
        self.cancelButton.setEnabled(running)
        self.checkButton.setEnabled(not running and self.portal_task is None)

    def _open_link(self, item: QTreeWidgetItem, _column: int) -> None:
        url = item.data(3, URL_ROLE)
        if url:
            QDesktopServices.openUrl(QUrl(url))

    # -- republication -------------------------------------------------------------------------

    def _item(self, layer_id: str) -> Optional[QTreeWidgetItem]:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, LAYER_ID_ROLE) == layer_id:
                return item
        return None

    def republish(
        self, layer_ids: Optional[list[str]] = None, retry: bool = False
    ) -> Optional[RepublishTask]:
        """Republish the layers (the selection by default) in one background task."""
        if self.task is not None:
            return None
        ids = layer_ids if layer_ids is not None else self.selected_ids()
        project = QgsProject.instance()
        store = journal()
        layers = [project.mapLayer(i) for i in ids if project.mapLayer(i) is not None]
        states = project_states(layers, store)
        self.states.update(states)
        moved = [layer for layer in layers if states[layer.id()].code == MOVED]
        update_moved = self.ask_source_moved(moved) if moved else "update"
        if not update_moved:
            return None
        connections = saved_connections()
        folder = profile_folder() / "packages"
        jobs = []
        self.outcomes = {}
        for layer in layers:
            layer_id = layer.id()
            if update_moved == "skip" and layer in moved:
                planned = moved_outcome(layer, states[layer_id])
            else:
                planned = plan_layer(layer, connections, store, folder, retry=retry)
            if isinstance(planned, LayerOutcome):
                self.outcomes[layer_id] = planned
                self._show_outcome(self._item(layer_id), planned)
            else:
                jobs.append(planned)
                self._show_waiting(self._item(layer_id), planned.steps())
        if not jobs:
            self._finished(None)
            return None
        task = RepublishTask(jobs, store)
        self.task = task
        task.layerChanged.connect(self._layer_changed)
        task.stepChanged.connect(self._step_changed)
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        task.taskCompleted.connect(lambda: self._finished(task))
        task.taskTerminated.connect(lambda: self._finished(task))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Republishing {0} layer(s)…").format(len(jobs)))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)
        return task

    def ask_source_moved(self, moved: list[QgsMapLayer]) -> str:
        """Once for the run: the layers whose source moved — update their publications,
        skip them, or cancel the run ("update", "skip" or "")."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(__title__)
        names = "\n".join(
            f"• {layer.name()} : {self.states[layer.id()].source}" for layer in moved[:10]
        )
        box.setText(
            self.tr(
                "The source of {0} layer(s) moved or was renamed since their last publication:"
                "\n{1}\n\nUpdating sends the data of the new source to the same records and "
                "datasets (file names, portal resources and map layer keep their names, which "
                "follow each record's title). Skipped layers are left as published."
            ).format(len(moved), names)
        )
        update = box.addButton(
            self.tr("Update their existing publications"), QMessageBox.ButtonRole.AcceptRole
        )
        skip = box.addButton(self.tr("Skip these layers"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {update: "update", skip: "skip"}.get(box.clickedButton(), "")

    def retry_failed(self) -> Optional[RepublishTask]:
        """Republish, where it failed only, the layers whose last publication failed."""
        failed = [lid for lid, s in self.states.items() if s.code == FAILED_STATE]
        return self.republish(failed, retry=True) if failed else None

    def cancel(self) -> None:
        """Stop after the current request; the layers not reached are left as they were."""
        if self.task is not None:
            self.task.cancel()
        if self.portal_task is not None:
            self.portal_task.cancel()

    def _show_waiting(self, item: Optional[QTreeWidgetItem], steps: list[str]) -> None:
        if item is None:
            return
        item.takeChildren()
        item.setText(1, self.tr("Waiting"))
        _colour(item, 1, "running")
        for key in steps:
            label = self.tr("Export of the harmonised package") if key == "export" else key
            child = QTreeWidgetItem([label, self.tr("Waiting"), "", ""])
            child.setData(0, LAYER_ID_ROLE, key)
            child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            item.addChild(child)
        item.setExpanded(True)

    def _layer_changed(self, layer_id: str, status: str) -> None:
        item = self._item(layer_id)
        if item is not None:
            item.setText(1, self._status_text(status))
            _colour(item, 1, status)

    def _step_changed(self, layer_id: str, key: str, state: str) -> None:
        item = self._item(layer_id)
        if item is None:
            return
        for index in range(item.childCount()):
            child = item.child(index)
            if child.data(0, LAYER_ID_ROLE) == key:
                child.setText(1, self._status_text(state))
                _colour(child, 1, {"done": REPUBLISHED}.get(state, state))

    def _status_text(self, status: str) -> str:
        texts = {
            "running": self.tr("In progress…"),
            REPUBLISHED: self.tr("Republished"),
            "done": self.tr("Done"),
            SKIPPED: self.tr("Skipped"),
            FAILED: self.tr("Failed"),
            CANCELLED_LAYER: self.tr("Cancelled"),
        }
        return texts.get(status, status)

    def _show_outcome(self, item: Optional[QTreeWidgetItem], outcome: LayerOutcome) -> None:
        if item is None:
            return
        words = outcome.reason_fr if self.language == "fr" else outcome.reason_en
        status = self._status_text(outcome.status)  # a layer cancelled mid-way has no reason
        item.setText(1, f"{status} — {words}" if words else status)
        item.setToolTip(1, words or status)
        _colour(item, 1, outcome.status)

    def check_portals(self) -> Optional[PortalCheckTask]:
        """Read each portal dataset in a background task (one request each) and show, under
        the layers, the files deleted or replaced there since their last publication."""
        if self.portal_task is not None:
            return None
        checks = portal_checks(self.layers(), journal(), saved_connections())
        if not checks:
            self.summary.setText(
                self.tr("No portal dataset to check (none published from this project yet).")
            )
            return None
        task = PortalCheckTask(checks)
        self.portal_task = task
        self.checkButton.setEnabled(False)
        task.taskCompleted.connect(lambda: self._portals_checked(task))
        task.taskTerminated.connect(lambda: self._portals_checked(task))
        QgsApplication.taskManager().addTask(task)
        return task

    def _portals_checked(self, task: PortalCheckTask) -> None:
        """Main thread: show what each portal holds."""
        self.portal_task = None
        self.checkButton.setEnabled(True)
        self.portal_checks = {(c.layer_id, c.destination): c for c in task.checks}
        self.refresh()
        states = [c.state for c in task.checks]
        self.summary.setText(
            self.tr(
                "{0} portal dataset(s) checked: {1} with files deleted or replaced, {2} gone, "
                "{3} unreadable."
            ).format(len(states), states.count(LOST), states.count(GONE), states.count(ERROR))
            + " "
            + self.summary.text()
        )

    def _show_check(self, child: QTreeWidgetItem, check: Optional[PortalCheck]) -> None:
        """A destination row says what its portal lacks (after « Check the portals »)."""
        if check is None or not check.state:
            return
        if check.state == LOST:
            text = self.tr("Missing or replaced on the portal: {0}").format(", ".join(check.files))
            child.setText(1, text)
            child.setToolTip(
                1, text + "\n" + self.tr("Republish the layer: these files are sent again")
            )
            _colour(child, 1, CHANGED)
        elif check.state == GONE:
            child.setText(1, self.tr("Dataset no longer on the portal"))
            _colour(child, 1, FAILED)
        else:
            child.setText(1, self.tr("Portal not readable ({0})").format(check.error))
            _colour(child, 1, FAILED)

    def _finished(self, task: Optional[RepublishTask]) -> None:
        """Main thread: keep what was published with the layers, then show the new states."""
        self.portal_checks = {}  # republished: what the portals held is no longer known
        if task is not None:
            task.keep(QgsProject.instance().mapLayer)
            self.outcomes.update(task.all_outcomes())
        self.task = None
        self.progress.setVisible(False)
        self.refresh()
        statuses = [o.status for o in self.outcomes.values()]
        self.summary.setText(
            self.tr(
                "Republication: {0} republished, {1} skipped, {2} failed, {3} cancelled."
            ).format(
                statuses.count(REPUBLISHED),
                statuses.count(SKIPPED),
                statuses.count(FAILED),
                statuses.count(CANCELLED_LAYER),
            )
            + " "
            + self.summary.text()
        )

    def release(self) -> None:
        """The plugin unloads: stop listening to the project, cancel a running task."""
        if self.task is not None:
            self.task.cancel()
        if self.portal_task is not None:
            self.portal_task.cancel()
        project = QgsProject.instance()
        project.layersAdded.disconnect(self._layers_added)
        project.layersRemoved.disconnect(self.schedule_refresh)
        project.cleared.disconnect(self.schedule_refresh)
        self.refresh_timer.stop()


def _date(iso: str) -> str:
    """An ISO 8601 time as the user's short local date and time ("" when none)."""
    if not iso:
        return ""
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return when.toLocalTime().toString("yyyy-MM-dd HH:mm") if when.isValid() else iso


def _colour(item: QTreeWidgetItem, column: int, code: str) -> None:
    item.setForeground(column, QBrush(QColor(COLOURS.get(code, "#000000"))))
