"""The one GeoPublier window: a thin shell holding one widget per step, and the glue between them.

It pre-fills the record from the layer, writes every edit back to the layer (and to a crash-safe
draft), keeps the export and destination choices with the layer, and runs the publication in a
QgsTask so QGIS stays responsive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Optional

from qgis.core import Qgis, QgsApplication, QgsMapLayer, QgsMessageLog, QgsProject
from qgis.gui import QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from ..__about__ import PLUGIN_DIR, __title__
from ..core.errors import GeoPublierError
from ..core.iso19139_reader import read_with_warnings
from ..core.iso19139_writer import write
from ..core.issues import ERROR
from ..core.merge import merge_records
from ..core.model import Identifier, Record
from ..core.publication_report import to_html
from ..core.style_limits import style_limits_text
from ..publishers.connections import connection_role
from ..publishers.journal import FAILED, Journal, JournalEntry, entry_among
from ..publishers.pipeline import MISSING_CODES
from ..qgis.batch import export_plan, layer_request
from ..qgis.choices import (
    DESTINATIONS_PROPERTY,
    PREPARE_PROPERTY,
    DestinationChoice,
    PrepareChoice,
    stored_choice,
)
from ..qgis.destinations import profile_folder
from ..qgis.drafts import DraftStore
from ..qgis.export import slug
from ..qgis.freshness import JOURNAL_PROPERTY, WITHDRAWN_PROPERTY, source_moved
from ..qgis.layer_metadata import save_record
from ..qgis.layer_reader import prefill
from ..qgis.publication import (
    FINGERPRINT_PROPERTY,
    layer_journal,
    mark_withdrawn,
    mirror_journal,
    planned_link_step,
    remember_publication,
)
from ..qgis.tasks import PublicationJob, UnpublishTask
from ..toolbelt.i18n import ui_language
from ..toolbelt.settings import Settings
from .catalogue_import import CatalogueImportDialog
from .describe_widget import DescribeWidget
from .destinations_widget import DestinationsWidget
from .errors import error_text
from .prepare_widget import FORMAT_LABELS, PrepareWidget
from .publish_widget import PublishWidget

FORM_CLASS, _ = uic.loadUiType(str(PLUGIN_DIR / "forms" / "main_dialog.ui"))

SAVE_DELAY_MS = 400
LOG_TAG = __title__
# The title of the publication a layer left behind when it became new data (see publish_as_new).
REPLACED_TITLE_PROPERTY = "geopublier/replaced-title"


class MainDialog(QDialog, FORM_CLASS):
    """Non-modal dialog: describe, prepare, destinations, publish."""

    def __init__(self, parent: Optional[QWidget] = None, iface=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.language = ui_language()
        self.layer: Optional[QgsMapLayer] = None
        self.job: Optional[PublicationJob] = None
        self.job_layer: Optional[QgsMapLayer] = None
        self.last_report_path: Optional[Path] = None
        settings = Settings.load()
        self.drafts = DraftStore(profile_folder() / "drafts")
        self.messageBar = QgsMessageBar(self)
        self.mainLayout.insertWidget(0, self.messageBar)
        self.describe = DescribeWidget(self.language)
        self.prepare = PrepareWidget(
            self.language, settings.default_crs, str(profile_folder() / "packages")
        )
        self.destinations = DestinationsWidget(self.language)
        self.publisher = PublishWidget(self.language)
        self.describeLayout.addWidget(self.describe)
        self.prepareLayout.addWidget(self.prepare)
        self.destinationsLayout.addWidget(self.destinations)
        self.publishLayout.addWidget(self.publisher)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_now)
        self.describe.edited.connect(self._record_edited)
        self.describe.importFileRequested.connect(self.import_file)
        self.describe.importCatalogueRequested.connect(self.import_from_catalogue)
        self.describe.exportFileRequested.connect(self.export_file)
        self.prepare.changed.connect(self._choices_changed)
        self.prepare.checked.connect(self.refresh_plan)
        self.destinations.changed.connect(self._choices_changed)
        self.publisher.publishRequested.connect(lambda: self.publish(retry=False))
        self.publisher.retryRequested.connect(lambda: self.publish(retry=True))
        self.publisher.afreshRequested.connect(lambda: self.publish(retry=True, recreate=True))
        self.publisher.cancelRequested.connect(self.cancel_publication)
        self.publisher.unpublishRequested.connect(self.ask_unpublish)
        self.stepTabs.currentChanged.connect(lambda *_: self.refresh_plan())
        close = self.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))  # not left to Qt's own translations, often missing
        close.clicked.connect(self.close)
        self.resize(1280, 760)
        QgsProject.instance().layerWillBeRemoved[str].connect(self._layer_removed)
        self.set_layer(None)

    # -- layer -----------------------------------------------------------------------------------

    def set_layer(self, layer: Optional[QgsMapLayer]) -> None:
        """Work on `layer`: its kept record (or a pre-fill), its choices, its publications."""
        if layer is not None and layer is self.layer:
            return
        self.save_now()
        self.layer = layer
        for tab in range(self.stepTabs.count()):
            self.stepTabs.widget(tab).setEnabled(layer is not None)
        if layer is None:
            self.layerLabel.setText(
                self.tr("No layer selected: choose a layer in the Layers panel first.")
            )
            self.prepare.set_layer(None, PrepareChoice())
            self.refresh_plan()
            return
        self.layerLabel.setText(self.tr("Layer: {0}").format(layer.name()))
        facts = prefill(layer, Settings.load().organisation_profile)
        record, guessed = facts.record, facts.guessed
        draft = self.drafts.newer_than_layer(layer)
        if draft is not None:
            record, guessed = draft.record, set()
            self.messageBar.pushMessage(
                self.tr("Your last edits of {0} were restored.").format(draft.saved_at[:16]),
                Qgis.Info,
                8,
            )
        self.describe.set_record(record, guessed)
        self.prepare.set_layer(layer, PrepareChoice.from_dict(self._stored(PREPARE_PROPERTY)))
        self.destinations.set_choice(
            DestinationChoice.from_dict(self._stored(DESTINATIONS_PROPERTY))
        )
        self.dirty = draft is not None
        self.save_now()
        self.refresh_plan()

    def _layer_removed(self, layer_id: str) -> None:
        """The layer leaves the project: keep what was typed, then let it go."""
        if self.layer is not None and self.layer.id() == layer_id:
            self.save_now()
            self.layer = None
            self.set_layer(None)
        if self.job_layer is not None and self.job_layer.id() == layer_id:
            self.job_layer = None

    def _stored(self, key: str):
        return stored_choice(self.layer, key)

    # -- keeping what the user typed ---------------------------------------------------------

    dirty = False

    def _record_edited(self) -> None:
        self.dirty = True
        self.save_timer.start()
        self.refresh_plan()

    def save_now(self) -> None:
        """Write the record to the layer (project) and to the draft file, if anything changed."""
        self.save_timer.stop()
        if self.layer is None or not self.dirty:
            return
        record = self.describe.record()
        save_record(self.layer, record)
        self.drafts.save(self.layer, record)
        self.dirty = False

    def _choices_changed(self) -> None:
        if self.layer is not None:
            choices = (
                (PREPARE_PROPERTY, self.prepare.choice().to_dict()),
                (DESTINATIONS_PROPERTY, self.destinations.choice().to_dict()),
            )
            for key, value in choices:
                text = json.dumps(value, ensure_ascii=False)
                if self.layer.customProperty(key) != text:
                    self.layer.setCustomProperty(key, text)
                    QgsProject.instance().setDirty(True)
        self.refresh_plan()

    def release(self) -> None:
        """The plugin unloads: keep what was typed and stop listening to the project (its
        modules may be gone before this dialog is deleted)."""
        self.save_now()
        QgsProject.instance().layerWillBeRemoved[str].disconnect(self._layer_removed)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API name
        """Closing keeps everything typed (the running publication goes on in its task)."""
        self.save_now()
        super().closeEvent(event)

    # -- import / export of records ----------------------------------------------------------

    def import_file(self, path: str = "") -> None:
        """Merge an ISO 19139 file into the form (what it states wins, the rest is kept)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import an XML record"), "", self.tr("ISO 19139 XML (*.xml)")
            )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self.messageBar.pushCritical(__title__, f"{path}: {error.strerror}")
            return
        self.merge_xml(data, Path(path).name)

    def merge_xml(self, data: bytes, source: str) -> bool:
        """Merge an ISO 19139 document into the form; False with a message when refused."""
        try:
            imported, warnings = read_with_warnings(data, keep_document=True)
        except GeoPublierError as error:
            self.messageBar.pushCritical(
                __title__,
                self.tr("{0} cannot be used: {1}").format(source, error_text(error, self.language)),
            )
            return False
        merged = merge_records(self.describe.record(), imported)
        self.describe.set_record(merged, set())
        self._record_edited()
        text = self.tr("Record imported from {0}.").format(source)
        if warnings:
            text += " " + self.tr("{0} element(s) were missing or unreadable: see the checklist.")
            text = text.format(len(warnings))
        self.messageBar.pushSuccess(__title__, text)
        return True

    def import_from_catalogue(self) -> Optional[CatalogueImportDialog]:
        """Ask for a catalogue and a record id, fetch it in a task, merge it."""
        dialog = CatalogueImportDialog(
            self.language,
            self.destinations.connections,
            self.describe.record().file_identifier,
            self,
        )
        dialog.imported.connect(lambda data, source: self.merge_xml(data, source))
        dialog.show()
        return dialog

    def export_file(self, path: str = "") -> None:
        """Save the record as an ISO 19139 file."""
        record = self.describe.record()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the XML record"),
                f"{slug(record.title or 'fiche')}.xml",
                self.tr("ISO 19139 XML (*.xml)"),
            )
        if not path:
            return
        try:
            Path(path).write_bytes(write(record))
        except OSError as error:
            self.messageBar.pushCritical(__title__, f"{path}: {error.strerror}")
            return
        self.messageBar.pushSuccess(__title__, self.tr("Record saved to {0}").format(path))

    # -- what Publish will do ------------------------------------------------------------------

    def plan(self) -> tuple[str, list[str]]:
        """A sentence of what Publish will do, and the reasons it cannot yet."""
        if self.layer is None:
            return "", [self.tr("Choose a layer in the Layers panel.")]
        record = self.describe.record()
        return self._plan(record, self.journal(record).entries(record.identifier.uri))

    def journal(self, record: Optional[Record] = None) -> Journal:
        """The publication journal of this profile, with the copy the layer carries in the
        project merged in (a project published from another machine or profile)."""
        record = record or self.describe.record()
        return layer_journal(self.layer, record.identifier.uri)

    @staticmethod
    def _published_on(connection, entries: list[JournalEntry]) -> Optional[JournalEntry]:
        """The entry of ``connection`` among ``entries``: by name, else by address (renamed)."""
        role = connection_role(connection.type)
        return entry_among(entries, connection.name, connection.url, role)

    def _plan(self, record: Record, entries: list[JournalEntry]) -> tuple[str, list[str]]:
        """`plan()` for a record and its journal entries, read once by the caller."""
        blockers = []
        replaced = str(self.layer.customProperty(REPLACED_TITLE_PROPERTY) or "")
        if replaced and record.title.strip() == replaced.strip():
            blockers.append(
                self.tr(
                    "new data: give it a title different from the earlier publication's (step 1)"
                )
            )
        errors = [i for i in self.describe.issues() if i.level == ERROR]
        if errors:
            blockers.append(
                self.tr(
                    "the record does not meet INSPIRE yet: {0} point(s) to fill in (step 1)"
                ).format(len(errors))
            )
        choice = self.destinations.choice()
        catalogue = self.destinations.connection(choice.catalogue)
        portal = self.destinations.connection(choice.portal)
        map_server = self.destinations.connection(choice.map_server)
        if catalogue is None and portal is None and map_server is None:
            blockers.append(self.tr("choose at least one destination (step 3)"))
        if map_server is not None and self.layer.type() != QgsMapLayer.VectorLayer:
            blockers.append(
                self.tr("only a vector layer can be published on a map server for now (step 3)")
            )
        prepare = self.prepare.choice()
        uploads = (
            portal is not None and choice.mode == "upload" and not portal.options.get("harvested")
        )
        if uploads and not prepare.formats and not self._is_raster():
            blockers.append(self.tr("choose at least one export format (step 2)"))
        personal = self.prepare.unresolved_personal_columns()
        if uploads and personal:
            blockers.append(
                self.tr(
                    "columns that look like personal data: {0} — remove or confirm them (step 2)"
                ).format(", ".join(personal))
            )
        return self._summary(record, entries, catalogue, portal, choice, prepare), blockers

    def _is_raster(self) -> bool:
        return self.layer is not None and self.layer.type() == QgsMapLayer.RasterLayer

    def _summary(
        self, record: Record, entries: list[JournalEntry], catalogue, portal, choice, prepare
    ) -> str:
        lines = []
        if catalogue is not None:
            line = self.tr("The record “{0}” goes to the catalogue “{1}”.").format(
                escape(record.title), escape(catalogue.name)
            )
            known = self._published_on(catalogue, entries)
            if known is not None and known.remote_id:
                line += " " + self.tr("It is already there: it will be updated in place.")
                line += self._link(known)
            lines.append(line)
        map_server = self.destinations.connection(choice.map_server)
        if map_server is not None:
            line = self.tr(
                "The layer, with its QGIS style, is published on “{0}” as a map (WMS) and for "
                "download (WFS)."
            ).format(escape(map_server.name))
            known = self._published_on(map_server, entries)
            if known is not None and known.remote_id:
                line += " " + self.tr("It is already there: it will be replaced in place.")
            lines.append(line)
        if portal is not None:
            name = escape(portal.name)
            if portal.options.get("harvested"):
                line = self.tr("“{0}” harvests the catalogue: no dataset is created there.")
                line = line.format(name)
            elif choice.mode == "reference":
                line = self.tr("The dataset on “{0}” links to the geoportal's record and services.")
                line = line.format(name)
            else:
                formats = ", ".join(FORMAT_LABELS.get(f, f) for f in prepare.formats)
                line = self.tr("The dataset on “{0}” receives the files: {1}.")
                line = line.format(name, escape(formats or "GeoTIFF"))
            known = self._published_on(portal, entries)
            if known is not None and known.remote_id:
                line += " " + self.tr("It already exists: it will be updated in place.")
                line += self._link(known)
            lines.append(line)
        previous = source_moved(self.layer, record.identifier.uri)[0]
        if previous:
            lines.append(
                self.tr(
                    "The layer's source changed since its publication (it was {0}): Publish "
                    "first asks whether that publication is to be updated."
                ).format(escape(previous))
            )
        return "<br/>".join(lines)

    @staticmethod
    def _link(entry: JournalEntry) -> str:
        """A link to what the journal says was published (empty when it has no address)."""
        if not entry.url:
            return ""
        return f' <a href="{escape(entry.url)}">{escape(entry.url)}</a>'

    def refresh_plan(self) -> None:
        """Update the Publish step (summary, reasons, buttons); runs on every edit, so the
        record is built and the journal read once here."""
        if self.layer is None:
            self.publisher.set_plan("", [self.tr("Choose a layer in the Layers panel.")], False)
            self.publisher.set_published(False)
            return
        record = self.describe.record()
        entries = self.journal(record).entries(record.identifier.uri)
        summary, blockers = self._plan(record, entries)
        retry = any(entry.status == FAILED for entry in entries)
        missing = any(e.status == FAILED and e.error_code in MISSING_CODES for e in entries)
        published = bool(self.published_destinations(entries))
        self.publisher.set_plan(summary, [escape(b) for b in blockers], retry, missing)
        self.publisher.set_published(published and self.job is None)

    def published_destinations(self, entries: Optional[list[JournalEntry]] = None) -> list:
        """The saved connections this layer is published to (per the journal)."""
        if entries is None:
            entries = self.journal().entries(self.describe.record().identifier.uri)
        published = [e for e in entries if e.remote_id]
        return [c for c in self.destinations.connections if self._published_on(c, published)]

    def ask_unpublish(self) -> Optional[UnpublishTask]:
        """Confirm, then withdraw the publication from every destination, in a task."""
        targets = self.published_destinations()
        if not targets or self.job is not None:
            return None
        answer = QMessageBox.question(
            self,
            __title__,
            self.tr(
                "Delete what was published of “{0}” (record, map layer, dataset) from: {1}? "
                "The layer and its metadata stay in QGIS; you can publish again later."
            ).format(self.describe.record().title, ", ".join(c.name for c in targets)),
        )
        return self.unpublish(targets) if answer == QMessageBox.StandardButton.Yes else None

    def unpublish(self, targets: list) -> UnpublishTask:
        """Withdraw the publication from `targets` in the background."""
        task = UnpublishTask(self.describe.record(), targets, self.journal())
        self.job = task
        self.job_layer = self.layer
        self.publisher.start(
            [(c.name, self.tr("Withdraw from {0}").format(c.name)) for c in targets]
        )
        task.progressChanged.connect(lambda value: self.publisher.progress.setValue(int(value)))
        task.taskCompleted.connect(lambda: self._unpublished(task))
        task.taskTerminated.connect(lambda: self._unpublished(task))
        QgsApplication.taskManager().addTask(task)
        return task

    def _unpublished(self, task: UnpublishTask) -> None:
        self.job = None
        for connection in task.destinations:
            if connection.name not in task.outcomes:  # cancelled before its turn
                self.publisher.set_step(connection.name, "cancelled")
            elif task.outcomes[connection.name] is None:
                self.publisher.set_step(connection.name, "withdrawn")
            else:
                error = error_text(task.outcomes[connection.name], self.language)
                self.publisher.set_step(connection.name, "failed", error)
        if self.job_layer is not None:
            record = self.describe.record()
            mirror_journal(self.job_layer, task.journal, record.identifier.uri)
        self.publisher.finish([], None)
        done = all(e is None for e in task.outcomes.values()) and not task.isCanceled()
        if done and self.job_layer is not None:
            mark_withdrawn(self.job_layer)
        text = (
            self.tr("{0}: publication withdrawn.")
            if done
            else self.tr("{0}: withdrawal incomplete.")
        ).format(self.job_layer.name() if self.job_layer is not None else "")
        self._announce(text, Qgis.Success if done else Qgis.Warning)
        self.refresh_plan()

    # -- publication -----------------------------------------------------------------------------

    def publish(
        self,
        retry: bool = False,
        on_remote_change: str = "",
        recreate: bool = False,
        source_moved_ok: bool = False,
    ) -> Optional[PublicationJob]:
        """Start the publication task (all destinations, or only the failed ones).

        `on_remote_change`: what to do with a catalogue record changed by someone else since
        our last publication ("" stops and asks, "merge", "overwrite"). `recreate`: the user
        asked to publish afresh a dataset deleted on its portal. `source_moved_ok`: the user
        said the publication follows the layer's moved source (else they are asked first).
        """
        summary, blockers = self.plan()
        if self.layer is None or blockers or self.job is not None:
            return None
        self.save_now()
        store = self.journal()
        if not source_moved_ok:
            previous, now = source_moved(self.layer, self.describe.record().identifier.uri)
            if previous:
                return self.ask_source_moved(previous, now, retry, on_remote_change, recreate)
        request = layer_request(
            self.layer,
            self.describe.record(),
            self.destinations.choice(),
            self.destinations.connection,
            store,
            retry,
        )
        request.on_remote_change = on_remote_change
        request.recreate_missing = recreate  # before export_plan: a new dataset gets its files
        export = export_plan(
            request,
            store,
            self.prepare.choice(),
            self.prepare.package_folder(),
            self.prepare.default_crs,
            self.layer,
        )
        self.job = PublicationJob(self.layer, request, store, export)
        self.job_layer = self.layer
        steps = [("export", self.tr("Export of the harmonised package"))] if export else []
        for connection in request.destinations():
            if connection is request.catalogue:
                label = self.tr("Record → {0}")
            elif connection is request.map_server:
                label = self.tr("Map layer (WMS/WFS) → {0}")
            else:
                label = self.tr("Dataset → {0}")
            steps.append((connection.name, label.format(connection.name)))
        links_step = planned_link_step(request)
        if links_step:
            label = self.tr("Links to the data in the record → {0}")
            steps.append((links_step, label.format(request.catalogue.name)))
        job = self.job
        job.stepChanged.connect(self._job_step)
        job.progressChanged.connect(lambda value: self.publisher.progress.setValue(int(value)))
        job.taskCompleted.connect(lambda: self._published(job))
        job.taskTerminated.connect(lambda: self._published(job))
        self.publisher.start(steps)
        self.stepTabs.setCurrentWidget(self.publishTab)
        QgsApplication.taskManager().addTask(job)
        return job

    def ask_source_moved(
        self,
        previous: str,
        now: str,
        retry: bool = False,
        on_remote_change: str = "",
        recreate: bool = False,
    ) -> Optional[PublicationJob]:
        """The layer's source moved or was renamed since its publication: update that
        publication, publish as new data, or cancel — nothing is sent before the answer."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(__title__)
        title = self.describe.record().title
        box.setText(
            self.tr(
                "The layer's source changed since its last publication.\n"
                "Published from: {0}\nNow: {1}\n\n"
                "Update the existing publication: the same record and dataset receive the data "
                "of the new source; file names, portal resources and the map layer keep their "
                "names (they follow the title « {2} »).\n"
                "Publish as new data: the earlier publication is left as it is and the layer "
                "gets a new record; give it its own title first (step 1)."
            ).format(previous, now, title)
        )
        update = box.addButton(
            self.tr("Update the existing publication"), QMessageBox.ButtonRole.AcceptRole
        )
        new = box.addButton(self.tr("Publish as new data"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is update:
            return self.publish(retry, on_remote_change, recreate, source_moved_ok=True)
        if box.clickedButton() is new:
            self.publish_as_new()
        else:
            self._announce(self.tr("Nothing was published."), Qgis.Info)
        return None

    def publish_as_new(self) -> None:
        """Give the layer a new record (new identifiers, no publication remembered) and go
        back to step 1: the earlier publication stays as it is on its destinations."""
        layer, record = self.layer, self.describe.record()
        namespace = record.identifier.namespace
        record = dataclasses.replace(
            record,
            identifier=Identifier(code=str(uuid.uuid4()), namespace=namespace),
            file_identifier=str(uuid.uuid4()),
        )
        for prop in (JOURNAL_PROPERTY, WITHDRAWN_PROPERTY, FINGERPRINT_PROPERTY):
            layer.removeCustomProperty(prop)
        layer.setCustomProperty(REPLACED_TITLE_PROPERTY, record.title)
        save_record(layer, record)
        self.drafts.save(layer, record)
        self.describe.set_record(record, set())
        self.stepTabs.setCurrentWidget(self.describeTab)
        self._announce(
            self.tr(
                "New record for this layer: give it a title different from the earlier "
                "publication (« {0} »), then publish."
            ).format(record.title),
            Qgis.Info,
        )
        self.refresh_plan()

    def _job_step(self, key: str, state: str) -> None:
        """A step of the running job started or (the export) ended."""
        action = "exported" if key == "export" and state == "done" else ""
        self.publisher.set_step(key, state, "", action)

    def cancel_publication(self) -> None:
        """Stop the publication after its current request."""
        if self.job is not None:
            self.job.cancel()

    def _published(self, job: PublicationJob) -> None:
        """Main thread: show each step's outcome, keep the journal with the layer, the report."""
        self.job = None
        links: list[tuple[str, str]] = []
        if job.error is not None:
            failed = "export" if job.export is not None and job.export_result is None else ""
            key = failed or next(iter(d.name for d in job.request.destinations()), "")
            self.publisher.set_step(key, "failed", error_text(job.error, self.language))
        report = job.report
        if report is not None:
            if job.export_result is not None:
                self.publisher.set_step(
                    "export", "done", str(job.export_result.package_dir), "exported"
                )
            for step in report.steps:
                note = step.message_fr if self.language == "fr" else step.message_en
                status = "cancelled" if step.error_code == "cancelled" else step.status
                limits = style_limits_text(step.details.get("style_limits") or (), self.language)
                shown = note or (f"{step.url}\n{limits}" if limits else step.url)
                if step.status == "done" and note:  # done, with a warning (e.g. no thumbnail)
                    shown = f"{step.url}\n{note}"
                shown += self._merge_note(step.details)
                self.publisher.set_step(step.destination, status, shown, step.action)
                if step.status == "done" and step.role == "mapserver":
                    links += self._service_links(step.details)
                elif step.status == "done" and step.url and step.role != "links":
                    role = (
                        self.tr("Catalogue record")
                        if step.role == "catalogue"
                        else self.tr("Portal dataset")
                    )
                    links.append((role, step.url))
            if job.published_record is not None and self.job_layer is not None:
                self._keep_publication(self.job_layer, job)
            self.last_report_path = self._write_report(job)
        elif job.isCanceled():
            for key in self.publisher.waiting_steps():
                self.publisher.set_step(key, "cancelled")
        self.publisher.finish(links, self.last_report_path if report is not None else None)
        self._tell(job, links)
        self.refresh_plan()
        changed = report is not None and any(s.error_code == "remote_changed" for s in report.steps)
        if changed and not job.isCanceled():
            QTimer.singleShot(0, self.ask_remote_change)

    def _merge_note(self, details: dict) -> str:
        """What a merge with the catalogue's changes did, field by field."""
        if "merged" not in details and not details.get("overwritten"):
            return ""
        if details.get("overwritten"):
            return "\n" + self.tr("The catalogue's changes were overwritten: {0}.").format(
                ", ".join(details.get("remote_changed") or [])
            )
        text = "\n" + self.tr("Taken from the catalogue: {0}.").format(
            ", ".join(details.get("merged") or []) or "—"
        )
        if details.get("conflicts"):
            text += " " + self.tr("Changed on both sides, your value kept: {0}.").format(
                ", ".join(details["conflicts"])
            )
        return text

    def ask_remote_change(self) -> Optional[PublicationJob]:
        """The catalogue's record was changed by someone else: merge, overwrite or cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(__title__)
        box.setText(
            self.tr(
                "The record was changed in the catalogue since your last publication. Nothing "
                "was overwritten. What should be done?"
            )
        )
        merge = box.addButton(
            self.tr("Merge: their changes plus yours"), QMessageBox.ButtonRole.AcceptRole
        )
        overwrite = box.addButton(
            self.tr("Overwrite the catalogue's record"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        choice = {merge: "merge", overwrite: "overwrite"}.get(box.clickedButton(), "")
        return self.resolve_remote_change(choice)

    def resolve_remote_change(self, choice: str) -> Optional[PublicationJob]:
        """Publish the failed steps again, merging or overwriting ("" does nothing)."""
        if choice not in ("merge", "overwrite"):
            return None
        return self.publish(retry=True, on_remote_change=choice)

    def _service_links(self, details: dict) -> list[tuple[str, str]]:
        """The WMS and WFS addresses of a map-server step; the WMS one can go on the map."""
        name = str(details.get("layer_name") or "")
        links = []
        if details.get("wms_url"):
            links.append((self.tr("Map (WMS) — layer {0}").format(name), details["wms_url"]))
            layer = self.job_layer
            self.publisher.set_map_layer(
                str(details.get("wms_base") or ""),
                name,
                self.tr("{0} (WMS)").format(layer.name() if layer is not None else name),
                layer.crs().authid() if layer is not None else "",
            )
        if details.get("wfs_url"):
            links.append((self.tr("Download (WFS) — layer {0}").format(name), details["wfs_url"]))
        return links

    def _keep_publication(self, layer: QgsMapLayer, job: PublicationJob) -> None:
        """Journal and published record go with the layer; what was typed meanwhile is kept."""
        published = job.published_record
        remember_publication(layer, job.journal, published)
        layer.removeCustomProperty(REPLACED_TITLE_PROPERTY)
        if layer is not self.layer:
            return  # the user moved on to another layer while it ran
        merged = any("merged" in s.details for s in job.report.steps)
        current = published if merged else self.describe.record()  # their changes shown
        current.metadata_date = published.metadata_date
        current.revision_date = published.revision_date
        self.describe.set_record(current, set())
        if current != published:
            save_record(layer, current)
        self.drafts.save(layer, current)

    def _write_report(self, job: PublicationJob) -> Path:
        folder = profile_folder() / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        record = job.published_record or job.request.record
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S")
        path = folder / f"{slug(record.title or 'publication')}_{stamp}.html"
        quality = job.export_result.report.to_dict(self.language) if job.export_result else None
        if quality is None and self.prepare.report is not None:
            quality = self.prepare.report.to_dict(self.language)
        path.write_text(
            to_html(job.report.to_dict(), record, quality, self.language), encoding="utf-8"
        )
        return path

    def _tell(self, job: PublicationJob, links: list[tuple[str, str]]) -> None:
        """Message bar of QGIS and message log: the outcome in one sentence."""
        name = self.job_layer.name() if self.job_layer is not None else ""
        if job.report is not None and job.report.ok and not job.isCanceled():
            # The link step always updates the record it just wrote: it says nothing of it.
            updated = any(s.action == "updated" and s.role != "links" for s in job.report.steps)
            text = (
                self.tr("{0}: publication updated in place (mise à jour).")
                if updated
                else self.tr("{0}: published.")
            ).format(name)
            level = Qgis.Success
            warnings = [  # done, but something is missing (e.g. a catalogue refused the thumbnail)
                s.message_fr if self.language == "fr" else s.message_en
                for s in job.report.steps
                if s.status == "done" and (s.message_fr or s.message_en)
            ]
            if warnings:
                text = self.tr("{0} Warning: {1}").format(text, " ".join(warnings))
                level = Qgis.Warning
        elif job.isCanceled():
            text, level = self.tr("{0}: publication cancelled.").format(name), Qgis.Warning
        else:
            text = self.tr("{0}: publication incomplete — see step 4.").format(name)
            level = Qgis.Critical
        self._announce(text, level, links)

    def _announce(self, text: str, level, links: Sequence[tuple[str, str]] = ()) -> None:
        """One outcome sentence to the message log, QGIS's message bar and the dialog's."""
        QgsMessageLog.logMessage(
            text + "".join(f"\n{label}: {url}" for label, url in links), LOG_TAG, level
        )
        if self.iface is not None:
            self.iface.messageBar().pushMessage(__title__, text, level, 10)
        self.messageBar.pushMessage(__title__, text, level, 10)
