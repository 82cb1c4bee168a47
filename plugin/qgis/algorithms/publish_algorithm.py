"""Processing algorithm geopublier:publish — the same publication as the dialog, headless."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
)

from ...core.issues import ERROR
from ...core.profile import OrganisationProfile, apply_profile
from ...core.rules import validate
from ...publishers.connections import find_connection
from ...publishers.errors import PublishError, message
from ..destinations import journal, saved_connections
from ..publication import (
    PublicationRequest,
    data_changed_since_last_publication,
    publish,
    remember_publication,
)
from ..thumbnail import render_thumbnail
from .common import issue_report, layer_record, tr, write_json


class PublishAlgorithm(QgsProcessingAlgorithm):
    """Publish the layer's INSPIRE record to a catalogue (insert, or update in place)."""

    def name(self) -> str:
        return "publish"

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Publish layer")

    def group(self) -> str:
        return tr("Publication")

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return "publication"

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return tr(
            "Publishes the layer's INSPIRE metadata to the chosen catalogue connection. "
            "Publishing the same layer again updates the same record. A JSON report says "
            "what was published where."
        )

    def createInstance(self):  # noqa: N802 - QGIS API name
        return PublishAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterMapLayer("INPUT", tr("Layer")))
        self.addParameter(
            QgsProcessingParameterString(
                "CATALOGUE", tr("Catalogue connection (name)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "CONNECTIONS",
                tr("Connections file (JSON, optional)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "METADATA",
                tr("ISO 19139 metadata to merge (optional)"),
                extension="xml",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "PROFILE",
                tr("Organisation profile (JSON, optional)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "REPORT", tr("Publication report"), fileFilter="JSON (*.json)"
            )
        )
        self.addOutput(
            QgsProcessingOutputString("CATALOGUE_RECORD_URL", tr("Catalogue record URL"))
        )
        self.addOutput(QgsProcessingOutputString("CATALOGUE_RECORD_ID", tr("Catalogue record id")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        layer = self.parameterAsLayer(parameters, "INPUT", context)
        record, _ = layer_record(
            layer, self.parameterAsFile(parameters, "METADATA", context), feedback
        )
        profile_file = self.parameterAsFile(parameters, "PROFILE", context)
        if profile_file:
            profile = OrganisationProfile.from_dict(
                json.loads(Path(profile_file).read_text(encoding="utf-8"))
            )
            record = apply_profile(record, profile)
        blocking = [i for i in validate(record) if i.level == ERROR]
        if blocking:
            lines = "\n".join(f"- {item['message']}" for item in issue_report(blocking))
            raise QgsProcessingException(
                tr(
                    "The metadata of {0} does not meet INSPIRE yet; nothing was published:\n{1}"
                ).format(layer.name(), lines)
            )
        request = self._request(parameters, context, record)
        request.data_changed = data_changed_since_last_publication(layer)
        if request.catalogue.type == "geonetwork":
            request.thumbnail = render_thumbnail(layer)
        store = journal()
        try:
            report, published = publish(
                request,
                journal=store,
                is_cancelled=feedback.isCanceled,
                progress=lambda i, f, d: feedback.setProgress(100 * f),
            )
        except PublishError as error:
            raise QgsProcessingException(message(error, "fr")) from error
        remember_publication(layer, store, published)
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context)
        write_json(report_path, report.to_dict())
        return self._outputs(report, report_path, feedback)

    def _request(self, parameters, context, record) -> PublicationRequest:
        connections_file = self.parameterAsFile(parameters, "CONNECTIONS", context)
        catalogue_name = self.parameterAsString(parameters, "CATALOGUE", context)
        try:
            connections = saved_connections(connections_file)
            catalogue = find_connection(connections, catalogue_name) if catalogue_name else None
        except PublishError as error:
            raise QgsProcessingException(message(error, "fr")) from error
        if catalogue is None:
            raise QgsProcessingException(tr("Choose at least one destination (CATALOGUE)."))
        return PublicationRequest(record=record, catalogue=catalogue)

    def _outputs(self, report, report_path: str, feedback) -> dict:
        outputs = {"REPORT": report_path, "CATALOGUE_RECORD_URL": "", "CATALOGUE_RECORD_ID": ""}
        for step in report.steps:
            if step.status == "done":
                feedback.pushInfo(
                    tr("{0}: {1} ({2}) — {3}").format(
                        step.destination, step.remote_id, step.action, step.url
                    )
                )
            else:
                feedback.reportError(
                    tr("{0}: failed — {1}").format(step.destination, step.message_fr or step.status)
                )
        catalogue = report.step("catalogue")
        if catalogue is not None and catalogue.status == "done":
            outputs["CATALOGUE_RECORD_URL"] = catalogue.url
            outputs["CATALOGUE_RECORD_ID"] = catalogue.remote_id
        if not report.ok:
            raise QgsProcessingException(
                tr("Publication incomplete: see the report {0}").format(report_path)
            )
        return outputs
