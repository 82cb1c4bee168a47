"""Raster path: a GeoTIFF written through QGIS's raster pipe."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsProject,
    QgsRasterFileWriter,
    QgsRasterLayer,
    QgsRasterPipe,
    QgsRasterProjector,
)

from .options import ExportError, check_cancel


def write_raster(
    layer: QgsRasterLayer,
    path: Path,
    target: QgsCoordinateReferenceSystem,
    feedback: Optional[QgsFeedback],
) -> None:
    """Tiled, DEFLATE-compressed GeoTIFF, reprojected to `target` when it differs."""
    provider = layer.dataProvider()
    pipe = QgsRasterPipe()
    if not pipe.set(provider.clone()):
        raise ExportError("export.write_failed", {"format": "GeoTIFF", "detail": "pipe"})
    extent, crs = provider.extent(), layer.crs()
    context = QgsProject.instance().transformContext()
    if target.isValid() and crs.isValid() and target != crs:
        projector = QgsRasterProjector()
        projector.setCrs(crs, target, context)
        pipe.set(projector)
        extent = QgsCoordinateTransform(crs, target, context).transformBoundingBox(extent)
        crs = target
    writer = QgsRasterFileWriter(str(path))
    writer.setOutputFormat("GTiff")
    writer.setCreateOptions(["TILED=YES", "COMPRESS=DEFLATE"])
    error = writer.writeRaster(
        pipe, provider.xSize(), provider.ySize(), extent, crs, context, feedback
    )
    check_cancel(feedback)
    if error != QgsRasterFileWriter.NoError:
        raise ExportError("export.write_failed", {"format": "GeoTIFF", "detail": str(error)})
