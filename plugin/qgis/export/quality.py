"""The quality pass: chosen fields, their safe names, the quality report, repaired geometries."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeedback, QgsGeometry, QgsRasterLayer, QgsVectorLayer

from ...core.package_readme import FieldName, field_mapping
from ...core.quality import QualityReport
from ..quality_facts import gather_quality, load_schema
from .crs import layer_crs_choice
from .encoding import offer_latin1
from .fields import feature_id_field, field_indexes
from .options import ExportError, ExportOptions, check_cancel
from .raster import raster_report


def quality_pass(
    layer: QgsVectorLayer, options: ExportOptions, feedback: Optional[QgsFeedback] = None
) -> tuple[list[int], list[FieldName], QualityReport, dict[int, QgsGeometry]]:
    """The chosen fields, their safe names, the quality report and the repaired geometries."""
    indexes = field_indexes(layer, options.fields)
    mapping = field_mapping(
        [layer.fields().at(i).name() for i in indexes],
        [layer.fields().at(i).typeName() for i in indexes],
        feature_id_field(layer),
    )
    schema = load_schema(options.schema_source, feedback) if options.schema_source else None
    report, fixed = gather_quality(
        layer,
        indexes,
        [m.safe for m in mapping],
        options.geometry_mode,
        schema,
        options.schema_source,
        feedback,
    )
    offer_latin1(layer, report)
    if layer.isSpatial() and layer.crs().isValid():
        report.issues.append(layer_crs_choice(layer, options.crs).issue())
    return indexes, mapping, report, fixed


def check_quality(
    layer, options: ExportOptions, feedback: Optional[QgsFeedback] = None
) -> QualityReport:
    """The quality report the export would give, without writing any file (step "Prepare")."""
    if layer is None or not layer.isValid():
        raise ExportError("export.layer_invalid", {"layer": getattr(layer, "name", lambda: "")()})
    if isinstance(layer, QgsRasterLayer):
        return raster_report(layer, layer_crs_choice(layer, options.crs))
    report = quality_pass(layer, options, feedback)[2]
    check_cancel(feedback)
    return report
