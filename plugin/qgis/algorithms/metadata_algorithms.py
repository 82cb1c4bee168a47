"""Processing algorithms: validate a layer's INSPIRE metadata, export it as ISO 19139 XML."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
)

from ...core.iso19139_writer import write
from ...core.issues import ERROR
from ...core.rules import validate
from .common import issue_report, layer_record, schema_check, tr, write_json


class _MetadataAlgorithm(QgsProcessingAlgorithm):
    """Inputs shared by the metadata algorithms."""

    def group(self) -> str:
        return tr("Metadata")

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return "metadata"

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def add_inputs(self) -> None:
        """The layer and an optional ISO 19139 file to merge."""
        self.addParameter(QgsProcessingParameterMapLayer("INPUT", tr("Layer")))
        self.addParameter(
            QgsProcessingParameterFile(
                "METADATA",
                tr("ISO 19139 metadata to merge"),
                extension="xml",
                optional=True,
            )
        )
        self.addOutput(QgsProcessingOutputBoolean("VALID", tr("Meets every INSPIRE requirement")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Number of unmet requirements")))

    def checked_record(self, parameters, context, feedback):
        """The record and its issues, each one reported in the log in French."""
        layer = self.parameterAsLayer(parameters, "INPUT", context)
        metadata_file = self.parameterAsFile(parameters, "METADATA", context)
        record, read_warnings = layer_record(layer, metadata_file, feedback)
        issues = read_warnings + validate(record)
        self.log_issues(issues, feedback)
        return record, issues

    def checked_xml(self, record, feedback):
        """The ISO 19139 XML of the record and its XSD check (each schema error in the log)."""
        xml = write(record)
        check = schema_check(xml)
        for problem in check.problems:
            feedback.reportError(tr("XML schema: {0}").format(problem))
        self.log_issues(check.issues, feedback)
        return xml, check

    @staticmethod
    def log_issues(issues, feedback) -> None:
        """Each issue in the log, in French: errors as errors, the rest as warnings."""
        for item in issue_report(issues):
            line = f"[{item['level']}] {item['field']}: {item['message']}"
            if item["level"] == ERROR:
                feedback.reportError(line)
            else:
                feedback.pushWarning(line)


class ValidateMetadataAlgorithm(_MetadataAlgorithm):
    """geopublier:validatemetadata — is the layer's metadata INSPIRE-complete?"""

    def name(self) -> str:
        return "validatemetadata"

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Validate INSPIRE metadata")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return tr(
            "Checks the layer's metadata against every INSPIRE requirement and writes a "
            "JSON report (code, field, level and French message of each problem)."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API name
        self.add_inputs()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Validation report"), fileFilter="JSON (*.json)"
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        record, issues = self.checked_record(parameters, context, feedback)
        _xml, check = self.checked_xml(record, feedback)
        issues = issues + check.issues
        blocking = [i for i in issues if i.level == ERROR]
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        write_json(
            output,
            {
                "title": record.title,
                "valid": not blocking,
                "errors": len(blocking),
                "schema": check.to_dict(),
                "issues": issue_report(issues),
            },
        )
        return {"VALID": not blocking, "ERRORS": len(blocking), "OUTPUT": output}


class ExportMetadataAlgorithm(_MetadataAlgorithm):
    """geopublier:exportmetadata — write the layer's record as ISO 19139 XML."""

    def name(self) -> str:
        return "exportmetadata"

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Export INSPIRE metadata (ISO 19139)")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return tr(
            "Writes the layer's metadata as an ISO 19139 XML record. The file is written "
            "even when INSPIRE requirements are unmet; they are listed in the log."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API name
        self.add_inputs()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("ISO 19139 file"), fileFilter="XML (*.xml)"
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        record, issues = self.checked_record(parameters, context, feedback)
        xml, check = self.checked_xml(record, feedback)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_bytes(xml)
        blocking = [i for i in issues + check.issues if i.level == ERROR]
        return {"VALID": not blocking, "ERRORS": len(blocking), "OUTPUT": output}
