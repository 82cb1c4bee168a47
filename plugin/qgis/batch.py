"""Republish several layers in one run — the Publications panel's task and
`geopublier:publishproject` — through the dialog's own path: the choices kept with each layer,
`export_for_portal`, `publish()`. A layer the dialog would refuse (metadata not INSPIRE-complete,
columns that look like personal data unconfirmed, no destination) is skipped with the reason.

Main thread: `plan_layer` (reads the layer) and `keep_layer` (writes to it). Any thread:
`LayerJob.run` (works on a detached copy).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable, Optional

from qgis.core import QgsFeedback, QgsMapLayer, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core import messages as record_messages
from ..core import quality
from ..core.errors import GeoPublierError
from ..core.issues import ERROR
from ..core.model import Record
from ..core.rules import validate
from ..publishers.connections import Connection
from ..publishers.csw import catalogue_takes_thumbnail
from ..publishers.errors import PublishError
from ..publishers.errors import message as publish_message
from ..publishers.freshness import LayerState
from ..publishers.journal import Journal
from ..publishers.pipeline import CANCELLED, DONE, PublicationReport, failed_destinations
from ..toolbelt.settings import Settings
from .choices import (
    DESTINATIONS_PROPERTY,
    PREPARE_PROPERTY,
    DestinationChoice,
    PrepareChoice,
    stored_choice,
)
from .export import ExportResult
from .freshness import fingerprint
from .layer_reader import prefill
from .publication import (
    PersonalDataError,
    PublicationRequest,
    adopt_layer_journal,
    data_changed_since_last_publication,
    keep_portal_files,
    package_on_demand,
    publish,
    remember_publication,
    step_names,
)
from .tasks import ExportPlan, detached_copy, export_package_for
from .thumbnail import render_thumbnail

REPUBLISHED, SKIPPED, FAILED, CANCELLED_LAYER = "republished", "skipped", "failed", "cancelled"

# Why a layer was not republished, in the user's words (fr, en); `{}` fields from params.
REASONS: dict[str, tuple[str, str]] = {
    "metadata_incomplete": (
        "Métadonnées incomplètes ({count} point(s) INSPIRE à compléter, dont : {first}) : "
        "complétez la fiche dans GeoPublier (étape 1).",
        "Incomplete metadata ({count} INSPIRE point(s) to fill in, including: {first}): complete "
        "the record in GeoPublier (step 1).",
    ),
    "no_destination": (
        "Aucune destination choisie pour cette couche : publiez-la une première fois depuis "
        "GeoPublier (étape 3).",
        "No destination chosen for this layer: publish it once from GeoPublier (step 3).",
    ),
    "connection_missing": (
        "La connexion « {name} » n'existe plus : recréez-la ou choisissez-en une autre (étape 3).",
        "The connection “{name}” no longer exists: create it again or choose another (step 3).",
    ),
    "personal_data": (
        "Colonnes qui ressemblent à des données personnelles, non confirmées : {columns}. "
        "Retirez-les ou confirmez-les (étape 2). Rapport qualité : {report}",
        "Columns that look like personal data, not confirmed: {columns}. Remove or confirm "
        "them (step 2). Quality report: {report}",
    ),
    "up_to_date": (
        "À jour : rien n'a changé depuis la dernière publication.",
        "Up to date: nothing changed since the last publication.",
    ),
    "never_published": (
        "Jamais publiée (ou publication retirée) : publiez-la d'abord depuis GeoPublier.",
        "Never published (or withdrawn): publish it from GeoPublier first.",
    ),
    "unknown_state": (
        "Publiée avant que GeoPublier ne garde son empreinte : impossible de dire si elle a "
        "changé. Republiez-la une fois (toutes les couches, ou la liste).",
        "Published before GeoPublier kept its fingerprint: cannot tell whether it changed. "
        "Republish it once (every layer, or the list).",
    ),
    "cancelled": ("Annulée avant son tour.", "Cancelled before its turn."),
    "unverifiable": (
        "Non vérifiable : ses métadonnées et son style n'ont pas changé, mais on ne peut pas "
        "savoir si ses données ont changé sans les télécharger (service web WMS, WFS, ArcGIS, "
        "ou vue PostGIS sur des tables sans statistiques). Pour renvoyer ses données, "
        "republiez toutes les couches (SELECTION=1) ou une liste.",
        "Not verifiable: its metadata and style did not change, but whether its data changed "
        "cannot be told without downloading it (WMS, WFS or ArcGIS web service, or a PostGIS "
        "view over tables without statistics). To send its data again, republish every layer "
        "(SELECTION=1) or a list.",
    ),
    "source_moved": (
        "La source de la couche a changé depuis sa dernière publication (avant : {previous} ; "
        "maintenant : {source}) : rien n'a été envoyé. Pour mettre à jour la publication "
        "existante avec la nouvelle source, republiez-la depuis le panneau Publications ou le "
        "dialogue GeoPublier et confirmez (sans interface : ON_SOURCE_MOVED=update).",
        "The layer's source changed since its last publication (before: {previous}; now: "
        "{source}): nothing was sent. To update the existing publication with the new source, "
        "republish it from the Publications panel or the GeoPublier dialog and confirm "
        "(headless: ON_SOURCE_MOVED=update).",
    ),
}


def reason(code: str, lang: str, params: Optional[dict[str, Any]] = None) -> str:
    """The sentence for a skip reason."""
    fr, en = REASONS[code]
    return (fr if lang == "fr" else en).format(**(params or {}))


def error_sentence(error: BaseException, lang: str) -> str:
    """The user's sentence for an error raised while exporting or publishing a layer."""
    if isinstance(error, PublishError):
        return publish_message(error, lang)
    if isinstance(error, GeoPublierError):
        for sentence in (quality.message(error, lang), record_messages.message(error, lang)):
            if sentence != error.code:
                return sentence
        return error.code
    return f"{type(error).__name__}"


@dataclasses.dataclass
class LayerOutcome:
    """What the run did with one layer, for the panel and the JSON report."""

    layer_id: str
    name: str
    status: str  # republished, skipped, failed, cancelled
    code: str = ""  # reason code (skipped) or error code (failed)
    reason_fr: str = ""
    reason_en: str = ""
    resource_id: str = ""
    steps: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    files_kept: bool = False  # data unchanged: nothing exported or uploaded

    @classmethod
    def skipped(
        cls, layer: QgsMapLayer, code: str, params: Optional[dict[str, Any]] = None, **kw: Any
    ) -> LayerOutcome:
        """A layer left alone, with the reason in both languages."""
        return cls(
            layer.id(),
            layer.name(),
            SKIPPED,
            code,
            reason(code, "fr", params),
            reason(code, "en", params),
            **kw,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return dataclasses.asdict(self)


@dataclasses.dataclass
class LayerJob:
    """One layer's publication, prepared on the main thread, run anywhere."""

    layer_id: str
    name: str
    request: PublicationRequest
    export: Optional[ExportPlan] = None
    copy: Optional[QgsMapLayer] = None  # a detached copy, read by the export
    export_result: Optional[ExportResult] = None
    report: Optional[PublicationReport] = None
    published: Optional[Record] = None
    error: Optional[BaseException] = None

    def steps(self) -> list[str]:
        """The step keys this job goes through, in order ("export", then destinations)."""
        keys = ["export"] if self.export is not None else []
        return keys + [c.name for c in self.request.destinations()]

    def run(
        self,
        journal: Journal,
        feedback: QgsFeedback,
        is_cancelled: Callable[[], bool],
        on_step: Callable[[str, str], None] = lambda key, state: None,
    ) -> LayerOutcome:
        """Export (portal upload), then publish; never raises: the outcome says what happened."""
        try:
            if self.export is not None:
                on_step("export", "running")
                self.export_result = export_package_for(
                    self.request, self.copy, self.export, feedback
                )
                on_step("export", DONE)
            self.report, self.published = publish(
                self.request,
                journal=journal,
                progress=lambda i, f, d: on_step(d, "running") if f == 0.0 else None,
                is_cancelled=is_cancelled,
            )
        except PersonalDataError as error:
            on_step("export", "skipped")
            return self._outcome(SKIPPED, "personal_data", dict(error.params))
        except Exception as error:  # noqa: BLE001 - reported per layer, the others go on
            self.error = error
            if self.export is not None and self.export_result is None:
                on_step("export", FAILED)
            code = getattr(error, "code", type(error).__name__)
            return LayerOutcome(
                self.layer_id,
                self.name,
                FAILED,
                code,
                error_sentence(error, "fr"),
                error_sentence(error, "en"),
                self.request.record.identifier.uri,
            )
        for step in self.report.steps:
            on_step(step.destination, step.status)
        return self._from_report()

    def _outcome(self, status: str, code: str, params: dict[str, Any]) -> LayerOutcome:
        return LayerOutcome(
            self.layer_id,
            self.name,
            status,
            code,
            reason(code, "fr", params),
            reason(code, "en", params),
            self.request.record.identifier.uri,
        )

    def _from_report(self) -> LayerOutcome:
        report = self.report
        steps = [
            {
                "destination": s.destination,
                "role": s.role,
                "status": s.status,
                "action": s.action,
                "remote_id": s.remote_id,
                "url": s.url,
                "message_fr": s.message_fr,
                "message_en": s.message_en,
            }
            for s in report.steps
        ]
        if report.ok:
            status = REPUBLISHED
        elif any(s.status == CANCELLED for s in report.steps):
            status = CANCELLED_LAYER
        else:
            status = FAILED
        failed = next((s for s in report.steps if s.status not in (DONE, "skipped")), None)
        return LayerOutcome(
            self.layer_id,
            self.name,
            status,
            failed.error_code if failed else "",
            failed.message_fr if failed else "",
            failed.message_en if failed else "",
            report.resource_id,
            steps,
            self.request.files_kept,
        )


def moved_outcome(layer: QgsMapLayer, state: LayerState) -> LayerOutcome:
    """A layer whose source moved, left alone until the user says its publication follows."""
    params = {"previous": state.moved_from, "source": state.source}
    return LayerOutcome.skipped(layer, "source_moved", params)


def _connection(connections: list[Connection], name: str) -> Optional[Connection]:
    return next((c for c in connections if c.name == name), None) if name else None


def plan_layer(
    layer: QgsMapLayer,
    connections: list[Connection],
    journal: Journal,
    package_folder: Path,
    *,
    retry: bool = False,
) -> LayerJob | LayerOutcome:
    """Main thread: the layer's job as the dialog would run it, or why it is skipped.

    The journal copy the layer carries (a project published from another machine or profile)
    is merged into ``journal`` first, so the same datasets are updated.
    """
    settings = Settings.load()
    record = prefill(layer, settings.organisation_profile).record
    adopt_layer_journal(layer, journal, record.identifier.uri)
    errors = [i for i in validate(record) if i.level == ERROR]
    if errors:
        first = record_messages.message(errors[0], "fr")
        first_en = record_messages.message(errors[0], "en")
        skipped = LayerOutcome.skipped(
            layer, "metadata_incomplete", {"count": len(errors), "first": first}
        )
        skipped.reason_en = reason(
            "metadata_incomplete", "en", {"count": len(errors), "first": first_en}
        )
        skipped.resource_id = record.identifier.uri
        return skipped
    choice = DestinationChoice.from_dict(stored_choice(layer, DESTINATIONS_PROPERTY))
    names = [n for n in (choice.catalogue, choice.map_server, choice.portal) if n]
    if not names:
        return LayerOutcome.skipped(layer, "no_destination", resource_id=record.identifier.uri)
    missing = [n for n in names if _connection(connections, n) is None]
    if missing:
        return LayerOutcome.skipped(
            layer, "connection_missing", {"name": missing[0]}, resource_id=record.identifier.uri
        )
    request = layer_request(
        layer, record, choice, lambda name: _connection(connections, name), journal, retry
    )
    job = LayerJob(layer.id(), layer.name(), request)
    prepare = PrepareChoice.from_dict(stored_choice(layer, PREPARE_PROPERTY))
    folder = Path(prepare.output_folder or package_folder)
    job.export = export_plan(request, journal, prepare, folder, settings.default_crs, layer)
    if job.export is not None:
        job.copy = detached_copy(layer)
    return job


def layer_request(
    layer: QgsMapLayer,
    record: Record,
    choice: DestinationChoice,
    connection: Callable[[str], Optional[Connection]],
    journal: Journal,
    retry: bool = False,
) -> PublicationRequest:
    """Main thread: the request for a layer as the dialog and the panel build it (the failed
    destinations only for a retry; data change, fingerprint, map layer, thumbnail)."""
    catalogue = connection(choice.catalogue)
    map_server = connection(choice.map_server)
    portal = connection(choice.portal)
    only = None
    if retry:
        steps = step_names(catalogue, map_server, portal)
        only = failed_destinations(journal, record.identifier.uri, steps)
    request = PublicationRequest(
        record=record,
        catalogue=catalogue,
        portal=portal,
        map_server=map_server,
        mode=choice.mode,
        only=only,
        zones=tuple(choice.zones),
        granularity=choice.granularity,
    )
    request.data_changed = data_changed_since_last_publication(layer)
    request.fingerprint = fingerprint(layer)
    if map_server is not None and (only is None or map_server.name in only):
        request.map_layer = detached_copy(layer)
    if catalogue is not None and catalogue_takes_thumbnail(catalogue.type, catalogue.url):
        request.thumbnail = render_thumbnail(layer)
    return request


def export_plan(
    request: PublicationRequest,
    journal: Journal,
    prepare: PrepareChoice,
    folder: Path,
    default_crs: str,
    layer: Optional[QgsMapLayer] = None,
) -> Optional[ExportPlan]:
    """The package to export before the portal upload; None when nothing is uploaded (no
    portal, reference mode, harvested portal, not retried) or the portal keeps its files.

    When it keeps them, the package is made from ``layer`` (a detached copy) only if the portal
    lost one of them or holds another version (checked during the portal step)."""
    portal = request.portal
    if portal is None or request.mode != "upload" or portal.options.get("harvested"):
        return None
    if request.only is not None and portal.name not in request.only:
        return None
    plan = ExportPlan(folder, prepare.export_options(default_crs), tuple(prepare.confirmed_columns))
    if keep_portal_files(request, journal, prepare.to_dict(), folder):
        if layer is not None and request.held_files:
            request.package_on_demand = package_on_demand(
                request, detached_copy(layer), plan.folder, plan.options, plan.confirmed_columns
            )
        return None  # same data, same choices: no export, no upload of the data
    return plan


def keep_layer(layer: QgsMapLayer, job: LayerJob, journal: Journal) -> None:
    """Main thread: the published record, journal copy and fingerprints go with the layer."""
    if job.published is not None and job.report is not None:
        remember_publication(layer, journal, job.published)


def selected(state: LayerState, selection: str) -> bool:
    """Does a "changed" run pick this layer? ("all" and lists pick every layer asked for.)"""
    return selection != "changed" or state.needs_publication


class RepublishTask(QgsTask):
    """Republishes several layers one after the other in one background task.

    One progress bar over all layers; `layerChanged(layer_id, status)` and
    `stepChanged(layer_id, step, state)` tell the panel where it is; Cancel stops after the
    current request, the layers not reached are "cancelled". `keep()` (main thread, at the end)
    writes what was published to the layers still in the project.
    """

    layerChanged = pyqtSignal(str, str)  # noqa: N815 - Qt signal naming
    stepChanged = pyqtSignal(str, str, str)  # noqa: N815

    def __init__(self, jobs: list[LayerJob], journal: Journal) -> None:
        super().__init__("GeoPublier: republication", QgsTask.Flag.CanCancel)
        self.jobs = jobs
        self.journal = journal
        self.outcomes: dict[str, LayerOutcome] = {}
        self._feedback: Optional[QgsFeedback] = None

    def run(self) -> bool:
        """Worker thread: one layer after the other; a failure does not stop the others."""
        total = max(1, len(self.jobs))
        for number, job in enumerate(self.jobs):
            if self.isCanceled():
                self.outcomes[job.layer_id] = self.not_reached(job)
                self.layerChanged.emit(job.layer_id, CANCELLED_LAYER)
                continue
            self.layerChanged.emit(job.layer_id, "running")
            feedback = QgsFeedback()
            feedback.progressChanged.connect(
                lambda value, n=number: self.setProgress(100.0 * (n + value / 100.0) / total)
            )
            self._feedback = feedback
            outcome = job.run(
                self.journal,
                feedback,
                self.isCanceled,
                lambda key, state, lid=job.layer_id: self.stepChanged.emit(lid, key, state),
            )
            self.outcomes[job.layer_id] = outcome
            self.layerChanged.emit(job.layer_id, outcome.status)
            self.setProgress(100.0 * (number + 1) / total)
        return all(o.status in (REPUBLISHED, SKIPPED) for o in self.outcomes.values())

    @staticmethod
    def not_reached(job: LayerJob) -> LayerOutcome:
        """The outcome of a layer the task did not reach (cancelled before its turn)."""
        return LayerOutcome(
            job.layer_id,
            job.name,
            CANCELLED_LAYER,
            "cancelled",
            reason("cancelled", "fr"),
            reason("cancelled", "en"),
            job.request.record.identifier.uri,
        )

    def all_outcomes(self) -> dict[str, LayerOutcome]:
        """Every job's outcome, « cancelled » for those never run (the task may be cancelled
        before it starts)."""
        return {
            job.layer_id: self.outcomes.get(job.layer_id) or self.not_reached(job)
            for job in self.jobs
        }

    def cancel(self) -> None:
        """Stop the running export as soon as it checks, then the task."""
        if self._feedback is not None:
            self._feedback.cancel()
        super().cancel()

    def keep(self, project_layer: Callable[[str], Optional[QgsMapLayer]]) -> None:
        """Main thread: remember each publication with its layer (if still in the project)."""
        for job in self.jobs:
            layer = project_layer(job.layer_id)
            if layer is not None:
                keep_layer(layer, job, self.journal)
