"""Gather the quality facts of a vector layer (one pass over its features) for `core.quality`.

Also returns the repaired geometries (makeValid) when the user chose repair, so the export
writes them instead of the invalid ones. Text values reach Python already decoded by the
provider: bytes that were not valid UTF-8 show up as U+FFFD, which the pure layer detects.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsNetworkAccessManager,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QUrl, QVariant
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core.quality import (
    GEOMETRY_EMPTY,
    GEOMETRY_INVALID,
    GEOMETRY_NULL,
    GEOMETRY_OK,
    GEOMETRY_REPAIRED,
    QualityProfiler,
    QualityReport,
)
from ..core.table_schema import MAX_SCHEMA_BYTES, TableSchemaError, engine, parse_schema
from .compat import TEMPORAL_TYPES

REPAIR = "repair"
REPORT = "report"


def plain_value(value: Any) -> Any:
    """A QVariant/QDate… attribute as a plain Python value (NULL → None, dates → ISO 8601)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, (QDate, QTime)):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    return value


def _plain_or_none(value: Any) -> Any:
    """A non-temporal attribute as a plain value: NULL (a null QVariant) → None."""
    return None if isinstance(value, QVariant) and value.isNull() else value


def _geometry_state(
    geometry: QgsGeometry, check_validity: bool, mode: str
) -> tuple[str, Optional[QgsGeometry], str]:
    """(state, repaired geometry or None, reason) of one feature geometry."""
    if geometry is None or geometry.isNull():
        return GEOMETRY_NULL, None, ""
    if geometry.isEmpty():
        return GEOMETRY_EMPTY, None, ""
    if not check_validity or geometry.isGeosValid():
        return GEOMETRY_OK, None, ""
    errors = geometry.validateGeometry(QgsGeometry.ValidatorGeos)
    reason = errors[0].what() if errors else ""
    if mode == REPAIR:
        fixed = repaired(geometry)
        if fixed is not None:
            return GEOMETRY_REPAIRED, fixed, reason
    return GEOMETRY_INVALID, None, reason


def repaired(geometry: QgsGeometry) -> Optional[QgsGeometry]:
    """makeValid() keeping only parts of the original dimension (None when that fails)."""
    fixed = geometry.makeValid()
    if fixed.isNull() or fixed.isEmpty():
        return None
    if QgsWkbTypes.flatType(fixed.wkbType()) == QgsWkbTypes.GeometryCollection:
        fixed = fixed.convertGeometryCollectionToSubclass(geometry.type())
    return fixed if fixed and not fixed.isEmpty() and fixed.isGeosValid() else None


def load_schema(source: str, feedback: Optional[QgsFeedback] = None) -> dict[str, Any]:
    """Read a Table Schema from a local file or an http(s) URL (QGIS network settings)."""
    if source.startswith(("http://", "https://")):
        data = _download(source, feedback)
    else:
        try:
            path = Path(source)
            if path.stat().st_size > MAX_SCHEMA_BYTES:
                raise TableSchemaError(
                    "schema.too_large", {"size": path.stat().st_size, "max": MAX_SCHEMA_BYTES}
                )
            data = path.read_bytes()
        except OSError as exc:
            raise TableSchemaError(
                "schema.unreadable", {"detail": exc.strerror or str(exc)}
            ) from exc
    return parse_schema(data)


def _download(url: str, feedback: Optional[QgsFeedback]) -> bytes:
    """GET a small document through QGIS's network manager (proxy, CAs), size-limited."""
    request = QNetworkRequest(QUrl(url))
    reply = QgsNetworkAccessManager.blockingGet(request, "", False, feedback)
    if reply.error() != QNetworkReply.NetworkError.NoError:
        raise TableSchemaError(
            "schema.download_failed", {"url": url, "detail": reply.errorString()}
        )
    data = bytes(reply.content())
    if len(data) > MAX_SCHEMA_BYTES:
        raise TableSchemaError("schema.too_large", {"size": len(data), "max": MAX_SCHEMA_BYTES})
    return data


def gather_quality(
    layer: QgsVectorLayer,
    field_indexes: Sequence[int],
    names: Sequence[str],
    mode: str = REPAIR,
    schema: Optional[dict[str, Any]] = None,
    schema_source: str = "",
    feedback: Optional[QgsFeedback] = None,
) -> tuple[QualityReport, dict[int, QgsGeometry]]:
    """One pass over the layer: the quality report and the repaired geometries by feature id.

    `names` are the column names as exported (the Table Schema is checked against them).
    """
    fields = layer.fields()
    columns = [(name, fields.at(i).typeName()) for i, name in zip(field_indexes, names)]
    has_geometry = layer.isSpatial()
    crs = layer.crs().authid() if layer.crs().isValid() else ""
    if has_geometry and not crs and layer.crs().isValid():
        crs = layer.crs().toWkt()[:60]
    profiler = QualityProfiler(
        layer.name(), columns, crs, has_geometry, schema, schema_source, engine() if schema else ""
    )
    check_validity = QgsWkbTypes.geometryType(layer.wkbType()) in (
        QgsWkbTypes.LineGeometry,
        QgsWkbTypes.PolygonGeometry,
    )
    request = QgsFeatureRequest().setSubsetOfAttributes(list(field_indexes))
    if not has_geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    total = max(layer.featureCount(), 1)
    fixed: dict[int, QgsGeometry] = {}
    converters = [
        (i, plain_value if fields.at(i).type() in TEMPORAL_TYPES else _plain_or_none)
        for i in field_indexes
    ]
    for number, feature in enumerate(layer.getFeatures(request)):
        if feedback is not None and number % 1000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * number / total)
        attributes = feature.attributes()
        values = [convert(attributes[i]) for i, convert in converters]
        state, key, reason = GEOMETRY_OK, b"", ""
        if has_geometry:
            geometry = feature.geometry()
            state, repaired_geometry, reason = _geometry_state(geometry, check_validity, mode)
            if repaired_geometry is not None:
                fixed[feature.id()] = repaired_geometry
            key = bytes(geometry.asWkb()) if not geometry.isNull() else b""
        profiler.add_feature(feature.id(), values, state, key, reason)
    return profiler.finish(), fixed
