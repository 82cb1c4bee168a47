"""Processing algorithm geopublier:publishproject — republish a project's layers headless.

For scheduled runs (`qgis_process` from cron): a project file or the current project; every
layer, the layers changed since their publication, or a list. Each layer goes through the same
path as the dialog and `geopublier:publish`; the JSON report says what was republished, what was
skipped and why.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ...publishers.errors import PublishError, message
from ...publishers.freshness import MOVED, NEVER, UNVERIFIABLE, UP_TO_DATE, WITHDRAWN
from ..batch import (
    FAILED,
    REPUBLISHED,
    SKIPPED,
    LayerOutcome,
    keep_layer,
    moved_outcome,
    plan_layer,
)
from ..destinations import journal, profile_folder, saved_connections
from ..freshness import project_states, resource_id
from ..publication import adopt_layer_journal
from .common import ON_SOURCE_MOVED, on_source_moved_parameter, tr, write_json

SELECTIONS = ("changed", "all", "list")


def project_layers(project: QgsProject) -> list[QgsMapLayer]:
    """The project's vector and raster layers, in the order of the Layers panel."""
    kinds = (QgsMapLayer.LayerType.VectorLayer, QgsMapLayer.LayerType.RasterLayer)
    found = [node.layer() for node in project.layerTreeRoot().findLayers()]
    return [layer for layer in found if layer is not None and layer.type() in kinds]


def asked_layers(layers: list[QgsMapLayer], text: str) -> list[QgsMapLayer]:
    """The layers named in `text` (names or ids, separated by commas or new lines)."""
    wanted = {part.strip() for part in text.replace("\n", ",").split(",") if part.strip()}
    return [layer for layer in layers if layer.name() in wanted or layer.id() in wanted]


class PublishProjectAlgorithm(QgsProcessingAlgorithm):
    """Republish the layers of a project (all, the changed ones, or a list) in one run."""

    def name(self) -> str:
        return "publishproject"

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Republish project layers")

    def group(self) -> str:
        return tr("Publication")

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return "publication"

    def flags(self):
        # Reads a project and writes to its layers: on the main thread only.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return tr(
            "Republishes the layers of a project to the destinations chosen for each of them in "
            "GeoPublier: the layers changed since their last publication (data, metadata or "
            "style), every layer, or a list. A layer whose metadata is incomplete or whose "
            "personal-data columns are not confirmed is skipped with the reason. A layer whose "
            "source moved or was renamed since its publication is skipped unless "
            "ON_SOURCE_MOVED says to update its publication. For scheduled runs with "
            "qgis_process. A JSON report says what was republished, skipped and why."
        )

    def createInstance(self):  # noqa: N802 - QGIS API name
        return PublishProjectAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API name
        self.addParameter(
            QgsProcessingParameterFile(
                "PROJECT",
                tr("Project file (empty: the current project)"),
                fileFilter="QGIS (*.qgs *.qgz)",
                optional=True,
            )
        )
        choices = [tr("Layers changed since their publication"), tr("Every layer"), tr("A list")]
        self.addParameter(
            QgsProcessingParameterEnum(
                "SELECTION", tr("Layers to republish"), options=choices, defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "LAYERS", tr("Layer names or ids (comma separated, for a list)"), optional=True
            )
        )
        self.addParameter(on_source_moved_parameter())
        self.addParameter(
            QgsProcessingParameterFile(
                "CONNECTIONS",
                tr("Connections file (JSON)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "SAVE_PROJECT",
                tr("Save the project file afterwards (publication kept with the layers)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                "PACKAGE_FOLDER", tr("Export package folder"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "REPORT", tr("Republication report"), fileFilter="JSON (*.json)"
            )
        )
        for key, label in (
            ("REPUBLISHED", tr("Layers republished")),
            ("SKIPPED", tr("Layers skipped")),
            ("FAILED", tr("Layers failed")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        project = self._project(parameters, context)
        selection = SELECTIONS[self.parameterAsEnum(parameters, "SELECTION", context)]
        self.on_moved = ON_SOURCE_MOVED[
            self.parameterAsEnum(parameters, "ON_SOURCE_MOVED", context)
        ]
        layers = project_layers(project)
        if selection == "list":
            layers = asked_layers(layers, self.parameterAsString(parameters, "LAYERS", context))
            if not layers:
                raise QgsProcessingException(
                    tr("None of the layers listed in LAYERS is in the project.")
                )
        try:
            connections = saved_connections(
                self.parameterAsFile(parameters, "CONNECTIONS", context)
            )
        except PublishError as error:
            raise QgsProcessingException(message(error, "fr")) from error
        folder = self.parameterAsString(parameters, "PACKAGE_FOLDER", context)
        folder = Path(folder or profile_folder() / "packages")
        store = journal()
        for layer in layers:  # a project published from another machine or profile
            adopt_layer_journal(layer, store, resource_id(layer))
        states = project_states(layers, store)
        started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        rows: list[dict[str, Any]] = []
        for number, layer in enumerate(layers):
            if feedback.isCanceled():
                break
            state = states[layer.id()]
            outcome = self._one(layer, state, selection, connections, store, folder, feedback)
            self._tell(outcome, feedback)
            row = dict(outcome.to_dict(), state=state.code, changed=state.changed)
            if state.code == MOVED:
                row.update(previous_source=state.moved_from, source=state.source)
            rows.append(row)
            feedback.setProgress(100.0 * (number + 1) / max(1, len(layers)))
        if self.parameterAsBoolean(parameters, "SAVE_PROJECT", context) and project.fileName():
            project.write()
        counts = {key: sum(r["status"] == key for r in rows) for key in (REPUBLISHED, SKIPPED)}
        counts[FAILED] = len(rows) - sum(counts.values())
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context)
        write_json(
            report_path,
            {
                "project": project.fileName(),
                "selection": selection,
                "on_source_moved": self.on_moved,
                "started": started,
                "finished": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                "counts": counts,
                "layers": rows,
            },
        )
        if counts[FAILED]:
            raise QgsProcessingException(
                tr("{0} layer(s) could not be republished: see the report {1}").format(
                    counts[FAILED], report_path
                )
            )
        return {
            "REPORT": report_path,
            "REPUBLISHED": counts[REPUBLISHED],
            "SKIPPED": counts[SKIPPED],
            "FAILED": counts[FAILED],
        }

    def _project(self, parameters, context) -> QgsProject:
        path = self.parameterAsFile(parameters, "PROJECT", context)
        if not path:
            return context.project() or QgsProject.instance()
        project = QgsProject()
        if not project.read(path):
            raise QgsProcessingException(
                tr("Cannot open the project {0}: {1}").format(path, project.error())
            )
        self._keep = project  # the layers live as long as the run
        return project

    def _one(self, layer, state, selection, connections, store, folder, feedback) -> LayerOutcome:
        """Republish one layer, or say why not."""
        if selection == "changed" and not state.needs_publication:
            code = {
                NEVER: "never_published",
                WITHDRAWN: "never_published",
                UP_TO_DATE: "up_to_date",
                UNVERIFIABLE: "unverifiable",
            }.get(state.code, "unknown_state")
            return LayerOutcome.skipped(layer, code)
        if state.code == MOVED and self.on_moved != "update":
            return moved_outcome(layer, state)
        job = plan_layer(layer, connections, store, folder)
        if isinstance(job, LayerOutcome):
            return job
        feedback.pushInfo(tr("{0}: republishing…").format(layer.name()))
        outcome = job.run(store, feedback, feedback.isCanceled)
        keep_layer(layer, job, store)
        return outcome

    @staticmethod
    def _tell(outcome: LayerOutcome, feedback) -> None:
        text = f"{outcome.name}: {outcome.status}"
        if outcome.reason_fr:
            text += f" — {outcome.reason_fr}"
        if outcome.status == FAILED:
            feedback.reportError(text)
        else:
            feedback.pushInfo(text)
