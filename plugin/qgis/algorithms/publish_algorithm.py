"""Processing algorithm geopublier:publish — the same publication as the dialog, headless."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ...core.errors import GeoPublierError
from ...core.issues import ERROR
from ...core.profile import OrganisationProfile, apply_profile
from ...core.publication_report import resent_note, to_html
from ...core.quality import message as quality_message
from ...core.rules import validate
from ...core.style_limits import style_limits_text
from ...publishers.connections import find_connection
from ...publishers.csw import catalogue_takes_thumbnail
from ...publishers.errors import PublishError, message
from ...publishers.held_files import RESENT_DETAIL
from ...publishers.remote_guard import ON_REMOTE_CHANGE
from ...toolbelt.i18n import ui_language
from ..batch import reason
from ..destinations import journal, profile_folder, saved_connections
from ..export import ExportOptions
from ..freshness import fingerprint, source_moved
from ..layer_metadata import RECORD_PROPERTY
from ..publication import (
    PersonalDataError,
    PublicationRequest,
    adopt_layer_journal,
    data_changed_since_last_publication,
    distributed_record,
    export_for_portal,
    keep_portal_files,
    publish,
    remember_publication,
    stamp_package,
)
from ..tasks import detached_copy
from ..thumbnail import render_thumbnail
from .common import (
    ON_SOURCE_MOVED,
    issue_report,
    layer_record,
    on_source_moved_parameter,
    tr,
    write_json,
)

MODES = ("upload", "reference")
FORMATS = ("gpkg", "geojson", "csv", "shp")


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
            "Publishes the layer's INSPIRE metadata to the chosen catalogue connection, the "
            "layer to a map server (WMS/WFS) and the dataset to an open data portal. "
            "Publishing the same layer again updates the same record and dataset, from any "
            "machine: the project keeps where the layer was published. REPUBLISH_MISSING "
            "publishes afresh a dataset or a record deleted on the portal or in the catalogue "
            "since. A JSON report says what was published where."
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
                tr("Connections file (JSON)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "METADATA",
                tr("ISO 19139 metadata to merge"),
                extension="xml",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "PROFILE",
                tr("Organisation profile (JSON)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "PORTAL", tr("Open data portal connection (name)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "MAP_SERVER", tr("Map server connection (QGIS Server, GeoServer)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "ON_REMOTE_CHANGE",
                tr(
                    "If the catalogue's record was changed since the last publication: "
                    "empty = stop, merge = take its changes in, overwrite = replace it"
                ),
                optional=True,
            )
        )
        self.addParameter(on_source_moved_parameter())
        modes = [tr("Upload the files"), tr("Reference the geoportal services")]
        self.addParameter(
            QgsProcessingParameterEnum("MODE", tr("Portal mode"), options=modes, defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "FORMATS",
                tr("Formats to upload"),
                options=list(FORMATS),
                allowMultiple=True,
                defaultValue=[0],
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CONFIRM_PERSONAL_DATA",
                tr("I checked the columns flagged as personal data: they may be opened"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SOURCE_ENCODING",
                tr("Encoding of the source's text when the file does not say (e.g. ISO-8859-1)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "REPUBLISH_MISSING",
                tr(
                    "Publish afresh a dataset or record the journal remembers but the portal "
                    "or catalogue no longer has"
                ),
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
                "REPORT",
                tr("Publication report"),
                fileFilter="JSON (*.json)",
                defaultValue=QgsProcessing.TEMPORARY_OUTPUT,
                optional=True,
            )
        )
        self.addOutput(
            QgsProcessingOutputString("CATALOGUE_RECORD_URL", tr("Catalogue record URL"))
        )
        self.addOutput(QgsProcessingOutputString("CATALOGUE_RECORD_ID", tr("Catalogue record id")))
        self.addOutput(QgsProcessingOutputString("PORTAL_DATASET_URL", tr("Portal dataset URL")))
        self.addOutput(QgsProcessingOutputString("PORTAL_DATASET_ID", tr("Portal dataset id")))
        self.addOutput(QgsProcessingOutputString("PACKAGE_DIR", tr("Export package folder")))
        self.addOutput(QgsProcessingOutputString("WMS_URL", tr("WMS GetCapabilities URL")))
        self.addOutput(QgsProcessingOutputString("WFS_URL", tr("WFS GetCapabilities URL")))
        self.addOutput(QgsProcessingOutputString("MAP_LAYER_NAME", tr("Published layer name")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        self.package = None
        layer = self.parameterAsLayer(parameters, "INPUT", context)
        encoding = self.parameterAsString(parameters, "SOURCE_ENCODING", context)
        if encoding and isinstance(layer, QgsVectorLayer):
            layer.setProviderEncoding(encoding)
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
            lines = "\n".join(
                f"- {item['message']}" for item in issue_report(blocking, ui_language())
            )
            raise QgsProcessingException(
                tr(
                    "The metadata of {0} does not meet INSPIRE yet; nothing was published:\n{1}"
                ).format(layer.name(), lines)
            )
        request = self._request(parameters, context, record)
        request.fingerprint = fingerprint(layer)
        request.recreate_missing = self.parameterAsBoolean(parameters, "REPUBLISH_MISSING", context)
        store = journal()
        adopted = adopt_layer_journal(layer, store, record.identifier.uri)
        if adopted:
            feedback.pushInfo(
                tr("Earlier publications found in the project: {0}").format(", ".join(adopted))
            )
        self._stop_if_moved(layer, record, parameters, context)
        if request.portal is not None and request.mode == "upload":
            choices = self._export_choices(parameters, context)
            folder = self._package_folder(parameters, context)
            # Only with the record kept on the layer since its last publication (it names the
            # package's formats and CRS); a layer opened afresh gets its package again.
            kept = bool(layer.customProperty(RECORD_PROPERTY))
            # The record may come merged from METADATA: its file on the portal is always sent.
            if kept and keep_portal_files(request, store, choices, folder, True):
                # A file lost on the portal (or replaced there) is exported and sent again.
                request.package_on_demand = lambda: self._export(
                    layer, request.record, parameters, context, feedback
                )
                feedback.pushInfo(
                    tr(
                        "Data unchanged since the last publication: the portal keeps its files, "
                        "only the dataset and the record are updated."
                    )
                )
            else:
                stamp_package(request, choices)  # the next run may keep these files
                request.files = self._export(layer, record, parameters, context, feedback)
                request.record = distributed_record(record, self.package)
        if request.map_server is not None:
            request.map_layer = detached_copy(with_saved_style(layer, context))
        request.data_changed = data_changed_since_last_publication(layer)
        catalogue = request.catalogue
        if catalogue is not None and catalogue_takes_thumbnail(catalogue.type, catalogue.url):
            request.thumbnail = render_thumbnail(layer)
        try:
            report, published = publish(
                request,
                journal=store,
                is_cancelled=feedback.isCanceled,
                progress=lambda i, f, d: feedback.setProgress(100 * f),
            )
        except PublishError as error:
            raise QgsProcessingException(message(error, ui_language())) from error
        remember_publication(layer, store, published)
        portal_step = report.step("portal")
        resent = (portal_step.details.get(RESENT_DETAIL) or []) if portal_step else []
        if resent:
            feedback.pushInfo(resent_note(list(resent), ui_language()))
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context)
        if not report_path or report_path == QgsProcessing.TEMPORARY_OUTPUT:
            report_path = QgsProcessingUtils.generateTempFilename("rapport_publication.json")
        data = report.to_dict()
        package = self.package
        if package is not None:
            data["package"] = {
                "folder": str(package.package_dir),
                "zip": str(package.zip_path or ""),
                "quality_report": str(package.quality_html),
                "files": [str(path) for path in package.files],
            }
        write_json(report_path, data)
        quality = package.report.to_dict(ui_language()) if package is not None else None
        html_path = Path(report_path).with_suffix(".html")
        html_path.write_text(to_html(data, published, quality, ui_language()), encoding="utf-8")
        feedback.pushInfo(tr("Publication report: {0}").format(html_path))
        outputs = self._outputs(report, report_path, feedback)
        outputs["PACKAGE_DIR"] = str(package.package_dir) if package is not None else ""
        return outputs

    def _stop_if_moved(self, layer, record, parameters, context) -> None:
        """A layer (of a project) whose source moved or was renamed since it was published
        updates its publication only when asked (ON_SOURCE_MOVED): by default nothing is sent
        and the report says why."""
        previous, now = source_moved(layer, record.identifier.uri)
        update = ON_SOURCE_MOVED[self.parameterAsEnum(parameters, "ON_SOURCE_MOVED", context)]
        if not previous or update == "update":
            return
        params = {"previous": previous, "source": now}
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report_path and report_path != QgsProcessing.TEMPORARY_OUTPUT:
            write_json(
                report_path,
                {
                    "layer": layer.name(),
                    "resource_id": record.identifier.uri,
                    "status": "skipped",
                    "code": "source_moved",
                    "previous_source": previous,
                    "source": now,
                    "reason_fr": reason("source_moved", "fr", params),
                    "reason_en": reason("source_moved", "en", params),
                    "steps": [],
                },
            )
        raise QgsProcessingException(reason("source_moved", ui_language(), params))

    def _request(self, parameters, context, record) -> PublicationRequest:
        """The destinations named by the parameters, from the connections file or settings."""
        connections_file = self.parameterAsFile(parameters, "CONNECTIONS", context)
        catalogue_name = self.parameterAsString(parameters, "CATALOGUE", context)
        try:
            connections = saved_connections(connections_file)
            catalogue = find_connection(connections, catalogue_name) if catalogue_name else None
            portal_name = self.parameterAsString(parameters, "PORTAL", context)
            portal = find_connection(connections, portal_name) if portal_name else None
            server_name = self.parameterAsString(parameters, "MAP_SERVER", context)
            map_server = find_connection(connections, server_name) if server_name else None
        except PublishError as error:
            raise QgsProcessingException(message(error, ui_language())) from error
        if catalogue is None and portal is None and map_server is None:
            raise QgsProcessingException(
                tr("Choose at least one destination (CATALOGUE, MAP_SERVER or PORTAL).")
            )
        mode = MODES[self.parameterAsEnum(parameters, "MODE", context)]
        on_change = self.parameterAsString(parameters, "ON_REMOTE_CHANGE", context).strip()
        if on_change.lower() not in ON_REMOTE_CHANGE:
            raise QgsProcessingException(
                tr(
                    "ON_REMOTE_CHANGE is “{0}”: leave it empty, or write merge or overwrite."
                ).format(on_change)
            )
        return PublicationRequest(
            record=record,
            catalogue=catalogue,
            portal=portal,
            map_server=map_server,
            mode=mode,
            on_remote_change=on_change.lower(),
        )

    def _export_choices(self, parameters, context) -> dict:
        """What shapes the exported files: the same values give the same files on the portal."""
        return {
            "formats": [FORMATS[i] for i in self.parameterAsEnums(parameters, "FORMATS", context)]
            or ["gpkg"],
            "confirmed": self.parameterAsBoolean(parameters, "CONFIRM_PERSONAL_DATA", context),
            "encoding": self.parameterAsString(parameters, "SOURCE_ENCODING", context),
        }

    def _package_folder(self, parameters, context) -> Path:
        folder = self.parameterAsString(parameters, "PACKAGE_FOLDER", context)
        return Path(folder or profile_folder() / "packages")

    def _export(self, layer, record, parameters, context, feedback) -> list:
        """The harmonised files to upload; refuses to go on over unconfirmed personal data."""
        formats = [FORMATS[i] for i in self.parameterAsEnums(parameters, "FORMATS", context)]
        folder = str(self._package_folder(parameters, context))
        confirmed = self.parameterAsBoolean(parameters, "CONFIRM_PERSONAL_DATA", context)
        options = ExportOptions(formats=formats or ["gpkg"])
        try:
            result, files = export_for_portal(layer, record, folder, options, confirmed, feedback)
        except PersonalDataError as error:
            raise QgsProcessingException(
                tr(
                    "Columns that look like personal data: {0}. Remove them, or confirm they "
                    "may be opened (CONFIRM_PERSONAL_DATA). Quality report: {1}"
                ).format(error.params["columns"], error.params["report"])
            ) from error
        except GeoPublierError as error:
            raise QgsProcessingException(quality_message(error, ui_language())) from error
        feedback.pushInfo(tr("Export package: {0}").format(result.package_dir))
        self.package = result
        return files

    def _outputs(self, report, report_path: str, feedback) -> dict:
        outputs = {
            "REPORT": report_path,
            "CATALOGUE_RECORD_URL": "",
            "CATALOGUE_RECORD_ID": "",
            "PORTAL_DATASET_URL": "",
            "PORTAL_DATASET_ID": "",
            "WMS_URL": "",
            "WFS_URL": "",
            "MAP_LAYER_NAME": "",
        }
        for step in report.steps:
            if step.status == "skipped":
                feedback.pushInfo(f"{step.destination}: {step.message_fr}")
            elif step.status == "done":
                feedback.pushInfo(
                    tr("{0}: {1} ({2}) — {3}").format(
                        step.destination, step.remote_id, step.action, step.url
                    )
                )
                if step.message_fr:  # done, with something the user must know
                    feedback.pushWarning(f"{step.destination}: {step.message_fr}")
            else:
                feedback.reportError(
                    tr("{0}: failed — {1}").format(step.destination, step.message_fr or step.status)
                )
        catalogue = report.step("catalogue")
        if catalogue is not None and catalogue.status == "done":
            outputs["CATALOGUE_RECORD_URL"] = catalogue.url
            outputs["CATALOGUE_RECORD_ID"] = catalogue.remote_id
        portal = report.step("portal")
        if portal is not None and portal.status == "done":
            outputs["PORTAL_DATASET_URL"] = portal.url
            outputs["PORTAL_DATASET_ID"] = portal.remote_id
        server = report.step("mapserver")
        if server is not None and server.status == "done":
            limits = style_limits_text(server.details.get("style_limits") or (), "fr")
            if limits:
                feedback.pushWarning(limits)
            outputs["WMS_URL"] = server.details.get("wms_url", "")
            outputs["WFS_URL"] = server.details.get("wfs_url", "")
            outputs["MAP_LAYER_NAME"] = server.remote_id
        if not report.ok:
            raise QgsProcessingException(
                tr("Publication incomplete: see the report {0}").format(report_path)
            )
        return outputs


def with_saved_style(layer, context):
    """The layer with its own style: a layer given by path (not in the project) is loaded by
    Processing without its default style, so the .qml beside the file (or the style saved in
    the GeoPackage) is read now — that is the style a map server publishes."""
    project = context.project()
    if project is None or project.mapLayer(layer.id()) is None:
        layer.loadDefaultStyle()
    return layer
