"""Raster path: a Cloud Optimized GeoTIFF (tiled, DEFLATE, internal overviews).

A GDAL file is read by GDAL itself (warped on the fly when the CRS changes); any other raster
goes through QGIS's raster pipe into a temporary GeoTIFF first. GDAL's COG driver then writes
the final file with its overviews, so a viewer or a portal can show it without reading it all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsProject,
    QgsRasterBlockFeedback,
    QgsRasterFileWriter,
    QgsRasterLayer,
    QgsRasterPipe,
    QgsRasterProjector,
    QgsUnitTypes,
)

from ...core.model import Resolution
from ...core.quality import ERROR, QualityIssue, QualityReport
from ..layer_reader import source_path
from .crs import CrsChoice
from .options import check_cancel, gdal_progress, write_failed

COG_OPTIONS = ["COMPRESS=DEFLATE", "OVERVIEWS=IGNORE_EXISTING", "BIGTIFF=IF_SAFER"]


@dataclass
class RasterGrid:
    """The grid written: size in pixels, pixel size in CRS units, CRS, overview count."""

    width: int
    height: int
    pixel_x: float
    pixel_y: float
    crs: QgsCoordinateReferenceSystem
    overviews: int

    def resolution(self) -> Optional[Resolution]:
        """Ground resolution for the record (metres), None when the CRS is not in metres."""
        if self.crs.mapUnits() != QgsUnitTypes.DistanceMeters or self.pixel_x <= 0:
            return None
        return Resolution(distance=round(self.pixel_x, 3), uom="m")

    def note(self) -> str:
        """One line of the README about the grid."""
        return (
            f"Grille de {self.width} × {self.height} pixels de {self.pixel_x:g} × "
            f"{self.pixel_y:g} unités de {self.crs.authid()} ; GeoTIFF optimisé pour le cloud "
            f"(COG), {self.overviews} niveau(x) d'aperçus internes."
        )


def raster_report(layer: QgsRasterLayer, choice: CrsChoice) -> QualityReport:
    """The quality report of a raster: its CRS, and the CRS the package is written in."""
    crs = layer.crs().authid() if layer.crs().isValid() else ""
    report = QualityReport(layer.name(), 0, crs)
    if not crs:
        report.issues.append(QualityIssue("quality.crs_missing", ERROR))
    else:
        report.issues.append(choice.issue())
    return report


def _through_qgis(
    layer: QgsRasterLayer,
    path: Path,
    target: QgsCoordinateReferenceSystem,
    feedback: Optional[QgsFeedback],
) -> None:
    """QGIS's raster pipe into a tiled GeoTIFF at `path` (for rasters GDAL cannot open)."""
    provider = layer.dataProvider()
    pipe = QgsRasterPipe()
    if not pipe.set(provider.clone()):
        raise write_failed("GeoTIFF", "QgsRasterPipe refused the provider")
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
    # QGIS 3.22 only accepts a QgsRasterBlockFeedback here (a QgsFeedback raises TypeError).
    block = QgsRasterBlockFeedback()
    if feedback is not None:
        block.progressChanged.connect(lambda p: feedback.setProgress(p / 2))
        feedback.canceled.connect(block.cancel)
    error = writer.writeRaster(
        pipe, provider.xSize(), provider.ySize(), extent, crs, context, block
    )
    check_cancel(feedback)
    if error != QgsRasterFileWriter.NoError:
        raise write_failed("GeoTIFF", f"QgsRasterFileWriter error {int(error)}")


def _gdal_source(layer: QgsRasterLayer, target: QgsCoordinateReferenceSystem):
    """The GDAL dataset to copy: the file itself, warped to `target` when the CRS differs."""
    source = gdal.Open(source_path(layer))
    if source is None:
        return None
    crs = layer.crs()
    if not target.isValid() or not crs.isValid() or target == crs:
        return source
    return gdal.Warp("", source, format="VRT", dstSRS=target.toWkt(), resampleAlg="near")


def write_raster(
    layer: QgsRasterLayer,
    path: Path,
    target: QgsCoordinateReferenceSystem,
    feedback: Optional[QgsFeedback],
) -> RasterGrid:
    """Write `layer` as a COG at `path`, reprojected to `target` when it differs."""
    file_source = layer.providerType() == "gdal" and Path(source_path(layer) or "").is_file()
    source = _gdal_source(layer, target) if file_source else None
    staged = path.with_name(f"{path.stem}.qgis.tif")
    if source is None:
        _through_qgis(layer, staged, target, feedback)
        source = gdal.Open(str(staged))
    start = 0.0 if file_source else 50.0
    options = gdal.TranslateOptions(
        format="COG",
        creationOptions=COG_OPTIONS,
        callback=gdal_progress(feedback, start, 100.0 - start),
    )
    try:
        written = gdal.Translate(str(path), source, options=options)
    except RuntimeError as exc:  # when GDAL exceptions are on
        check_cancel(feedback)
        raise write_failed("GeoTIFF", str(exc)) from exc
    finally:
        source = None
        staged.unlink(missing_ok=True)
    check_cancel(feedback)
    if written is None:
        raise write_failed("GeoTIFF", gdal.GetLastErrorMsg())
    transform = written.GetGeoTransform()
    grid = RasterGrid(
        written.RasterXSize,
        written.RasterYSize,
        abs(transform[1]),
        abs(transform[5]),
        target if target.isValid() else layer.crs(),
        written.GetRasterBand(1).GetOverviewCount(),
    )
    written = None  # closes the file
    return grid
