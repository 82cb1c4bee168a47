"""Export options, result, errors and progress shared by every step of the export."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeedback,
    QgsMessageLog,
    QgsVectorLayer,
)

from ...__about__ import __title__
from ...core.errors import GeoPublierError
from ...core.package_readme import FieldName
from ...core.quality import QualityReport
from ...core.resource_texts import cut_slug
from ..quality_facts import REPAIR
from .crs import DEFAULT_CRS, extent_projects, unprojectable

FORMATS = ("gpkg", "geojson", "csv", "shp")


class ExportError(GeoPublierError):
    """The export cannot be done or was cancelled (codes `export.*`, `schema.*`)."""


def log_technical(text: str) -> None:
    """GDAL's or QGIS's own words, for the log only (the user reads what to do)."""
    QgsMessageLog.logMessage(text, __title__, Qgis.Warning)


def write_failed(fmt: str, detail: str) -> ExportError:
    """`export.write_failed` for `fmt`, the technical detail sent to the log."""
    log_technical(f"Export {fmt}: {detail}")
    return ExportError("export.write_failed", {"format": fmt})


def check_projection(layer: QgsVectorLayer, target: QgsCoordinateReferenceSystem) -> None:
    """Before writing: stop with `export.reprojection_failed` if features cannot be projected."""
    if extent_projects(layer.crs(), target, layer.extent()):
        return
    count = unprojectable(layer, target)
    if count:
        params = {"count": count, "layer": layer.name(), "crs": target.authid()}
        raise ExportError("export.reprojection_failed", params)


def vector_write_failed(
    layer: QgsVectorLayer, target: QgsCoordinateReferenceSystem, fmt: str, detail: str
) -> ExportError:
    """The error of a failed vector write: features that cannot be projected, named and
    counted, when that is the cause; `export.write_failed` otherwise (detail in the log)."""
    count = unprojectable(layer, target)
    if not count:
        return write_failed(fmt, detail)
    log_technical(f"Export {fmt}, {count} feature(s) outside {target.authid()}: {detail}")
    params = {"count": count, "layer": layer.name(), "crs": target.authid()}
    return ExportError("export.reprojection_failed", params)


@dataclass
class ExportOptions:
    """The user's harmonisation choices."""

    formats: list[str] = field(default_factory=lambda: ["gpkg"])
    crs: str = DEFAULT_CRS
    fields: Optional[list[str]] = None
    geometry_mode: str = REPAIR
    csv_points: str = "lonlat"
    geojson_precision: int = 7
    make_zip: bool = False
    schema_source: str = ""


@dataclass
class ExportResult:
    """Where everything was written."""

    package_dir: Path
    files: list[Path]
    quality_html: Path
    quality_json: Path
    report: QualityReport
    fields: list[FieldName]
    zip_path: Optional[Path] = None


def slug(text: str) -> str:
    """ASCII file-name stem of a title ("Arbres d'alignement" → "arbres_d_alignement")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    name = cut_slug(re.sub(r"[^a-z0-9]+", "_", folded).strip("_"), 60, "_") or "donnees"
    # GeoPackage reserves table names starting with "gpkg" (it refuses to write them).
    return f"donnees_{name}" if name.startswith("gpkg") else name


class StepFeedback:
    """Splits a parent feedback into equal steps: progress scaled, cancellation passed on."""

    def __init__(self, parent: Optional[QgsFeedback], count: int) -> None:
        self.parent = parent
        self.count = max(count, 1)
        self.children: list[QgsFeedback] = []  # kept alive while the export runs

    def step(self, index: int) -> Optional[QgsFeedback]:
        """Feedback for step `index` (0-based), or None without a parent."""
        if self.parent is None:
            return None
        child = QgsFeedback()
        base, span, parent = 100.0 * index / self.count, 100.0 / self.count, self.parent
        child.progressChanged.connect(lambda p: parent.setProgress(base + p * span / 100.0))
        parent.canceled.connect(child.cancel)
        if parent.isCanceled():
            child.cancel()
        self.children.append(child)
        return child


def gdal_progress(feedback: Optional[QgsFeedback], start: float = 0.0, span: float = 100.0):
    """A GDAL progress callback reporting into `feedback` between start and start + span %.

    The fraction is clamped: GDAL 3.10 reports past 1 when feature ids are sparse (id / count).
    """

    def progress(done: float, _message, _data) -> int:
        if feedback is None:
            return 1
        feedback.setProgress(start + span * min(max(done, 0.0), 1.0))
        return 0 if feedback.isCanceled() else 1

    return progress


def check_cancel(feedback: Optional[QgsFeedback]) -> None:
    """Stop with `export.cancelled` when the user pressed Cancel."""
    if feedback is not None and feedback.isCanceled():
        raise ExportError("export.cancelled")
