"""Processing algorithm geopublier:exportpackage — the harmonised export package of a layer."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
)

from ...core.errors import GeoPublierError
from ...core.quality import ERROR, message
from ...toolbelt.i18n import ui_language
from ..compat import parameter_as_names
from ..export import DEFAULT_CRS, FORMATS, ExportOptions, export_package
from ..quality_facts import REPAIR, REPORT
from .common import layer_record, tr

GEOMETRY_MODES = (REPAIR, REPORT)


class ExportPackageAlgorithm(QgsProcessingAlgorithm):
    """geopublier:exportpackage — data files, ISO 19139, DCAT, README and quality report."""

    def name(self) -> str:
        return "exportpackage"

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Export harmonised package")

    def group(self) -> str:
        return tr("Open data")

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return "opendata"

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return tr(
            "Exports the layer into a dated folder (and optionally a zip): GeoPackage, "
            "GeoJSON (WGS 84), CSV UTF-8, zipped Shapefile, with the ISO 19139 record, a "
            "DCAT-AP description and a README listing field names. A quality report "
            "(HTML and JSON) lists invalid geometries, duplicates, empty columns and "
            "columns that look like personal data, and checks an optional Table Schema."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API name
        self.addParameter(
            QgsProcessingParameterMapLayer(
                "INPUT", tr("Layer"), types=[QgsProcessing.TypeVector, QgsProcessing.TypeRaster]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "FORMATS",
                tr("Formats (vector layers)"),
                options=list(FORMATS),
                allowMultiple=True,
                defaultValue=[0],
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "CRS",
                tr(
                    "Target CRS (default Lambert-93; data outside its area of use: the "
                    "overseas legal CRS, the layer's own, or WGS 84)"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "FIELDS",
                tr("Fields to export (all when none chosen)"),
                parentLayerParameterName="INPUT",
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "GEOMETRY_CHECK",
                tr("Invalid geometries"),
                options=[tr("Repair them (makeValid)"), tr("Report them only")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "TABLE_SCHEMA",
                tr("Table Schema (JSON file or URL)"),
                optional=True,
                fileFilter="Table Schema (*.json)",
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder"))
        )
        self.addParameter(
            QgsProcessingParameterBoolean("ZIP", tr("Also make a zip"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputFolder("PACKAGE", tr("Package folder")))
        self.addOutput(QgsProcessingOutputFile("ZIP_FILE", tr("Package zip")))
        self.addOutput(QgsProcessingOutputFile("QUALITY_HTML", tr("Quality report (HTML)")))
        self.addOutput(QgsProcessingOutputFile("QUALITY_JSON", tr("Quality report (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("BLOCKING", tr("Blocking quality issues")))
        self.addOutput(
            QgsProcessingOutputString("PERSONAL_DATA", tr("Columns that look like personal data"))
        )

    def _options(self, parameters, context) -> ExportOptions:
        """The export options from the parameters."""
        crs = self.parameterAsCrs(parameters, "CRS", context)
        formats = [FORMATS[i] for i in self.parameterAsEnums(parameters, "FORMATS", context)]
        return ExportOptions(
            formats=formats or ["gpkg"],
            crs=crs.authid() if crs.isValid() else DEFAULT_CRS,
            fields=parameter_as_names(self, parameters, "FIELDS", context) or None,
            geometry_mode=GEOMETRY_MODES[
                self.parameterAsEnum(parameters, "GEOMETRY_CHECK", context)
            ],
            make_zip=self.parameterAsBoolean(parameters, "ZIP", context),
            schema_source=(
                self.parameterAsString(parameters, "TABLE_SCHEMA", context) or ""
            ).strip(),
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        layer = self.parameterAsLayer(parameters, "INPUT", context)
        record, _warnings = layer_record(layer, "", feedback)
        options = self._options(parameters, context)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        try:
            result = export_package(layer, record, folder, options, feedback)
        except GeoPublierError as exc:
            raise QgsProcessingException(message(exc, ui_language())) from exc
        for issue in result.report.issues:
            line = f"[{issue.level}] {message(issue, 'fr')}"
            if issue.level == ERROR:
                feedback.reportError(line)
            else:
                feedback.pushInfo(line)
        feedback.pushInfo(tr("Package written to {0}").format(str(result.package_dir)))
        return {
            "PACKAGE": str(result.package_dir),
            "OUTPUT_FOLDER": str(result.package_dir),
            "ZIP_FILE": str(result.zip_path) if result.zip_path else "",
            "QUALITY_HTML": str(result.quality_html),
            "QUALITY_JSON": str(result.quality_json),
            "BLOCKING": len(result.report.blocking),
            "PERSONAL_DATA": ",".join(result.report.personal_data_columns),
        }
