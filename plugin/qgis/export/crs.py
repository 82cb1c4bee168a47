"""The CRS a package is written in: the requested one when the data lies in its area of use.

A layer already in the requested CRS stays in it. Otherwise, in order: the legal CRS of a
French overseas territory (décret 2006-272 as amended: RGAF09, RGFG95, RGR92, RGM04, RGSPM06,
each with its UTM zone); the layer's own projected CRS when the data lies in its area of use
(New York in State Plane stays there); WGS 84 for everything else (a world layer, a layer
crossing the antimeridian). The choice comes with its reason, shown in the Prepare step and
the quality report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ...core.quality import INFO, QualityIssue

DEFAULT_CRS = "EPSG:2154"
WGS84 = "EPSG:4326"
# Data this close (degrees, about 10 km) to the edge of an area of use still counts as inside.
TOLERANCE = 0.1


@dataclass(frozen=True)
class Territory:
    """A French overseas territory: its name, its legal projected CRS, a WGS 84 box around it."""

    name_fr: str
    name_en: str
    crs: str
    box: tuple[float, float, float, float]  # west, south, east, north (land and nearby sea)


TERRITORIES = (
    Territory("Antilles", "French Antilles", "EPSG:5490", (-63.7, 14.0, -60.5, 18.3)),
    Territory("Guyane", "French Guiana", "EPSG:2972", (-54.7, 2.0, -49.4, 9.0)),
    Territory("La Réunion", "Réunion", "EPSG:2975", (54.0, -24.8, 58.3, -18.2)),
    Territory("Mayotte", "Mayotte", "EPSG:4471", (43.6, -14.6, 46.8, -11.3)),
    Territory(
        "Saint-Pierre-et-Miquelon",
        "Saint Pierre and Miquelon",
        "EPSG:4467",
        (-57.2, 43.4, -55.9, 47.4),
    ),
)


@dataclass
class CrsChoice:
    """The CRS chosen for the files and why: `reason` is a message code `crs.*`."""

    crs: QgsCoordinateReferenceSystem
    reason: str
    params: dict[str, Any] = field(default_factory=dict)

    def issue(self) -> QualityIssue:
        """The choice as an information line of the quality report."""
        params = {"crs": self.crs.authid(), "name": self.crs.description(), **self.params}
        return QualityIssue(self.reason, INFO, params=params)


def wgs84_box(
    layer_crs: QgsCoordinateReferenceSystem, extent: Optional[QgsRectangle]
) -> Optional[QgsRectangle]:
    """The layer's extent in WGS 84 degrees, or None when unknown (empty layer, no CRS)."""
    if extent is None or extent.isNull():
        return None
    if not layer_crs.isValid():
        return None
    if layer_crs.authid() == WGS84:
        return QgsRectangle(extent)
    to_wgs = QgsCoordinateTransform(
        layer_crs, QgsCoordinateReferenceSystem(WGS84), QgsProject.instance()
    )
    try:
        box = to_wgs.transformBoundingBox(extent)
    except QgsCsException:
        return QgsRectangle(-360, -90, 360, 90)  # so large that nothing but WGS 84 holds it
    return box if box.isFinite() else QgsRectangle(-360, -90, 360, 90)


def _inside(box: QgsRectangle, west: float, south: float, east: float, north: float) -> bool:
    return (
        box.xMinimum() >= west - TOLERANCE
        and box.yMinimum() >= south - TOLERANCE
        and box.xMaximum() <= east + TOLERANCE
        and box.yMaximum() <= north + TOLERANCE
    )


def fits(box: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> bool:
    """True when `box` (WGS 84) lies in the CRS's area of use (or the CRS declares none)."""
    area = crs.bounds()
    if area.isNull() or area.isEmpty():
        return True
    return _inside(box, area.xMinimum(), area.yMinimum(), area.xMaximum(), area.yMaximum())


def territory_of(box: QgsRectangle) -> Optional[Territory]:
    """The overseas territory whose box holds `box`, if any."""
    return next((t for t in TERRITORIES if _inside(box, *t.box)), None)


def choose_crs(
    layer_crs: QgsCoordinateReferenceSystem, requested: str, extent: Optional[QgsRectangle] = None
) -> CrsChoice:
    """The CRS the files are written in, and why (see the module's docstring)."""
    wanted = QgsCoordinateReferenceSystem(requested or DEFAULT_CRS)
    if not wanted.isValid():
        wanted = layer_crs
    box = wgs84_box(layer_crs, extent)
    if box is None or not layer_crs.isValid() or layer_crs == wanted or fits(box, wanted):
        return CrsChoice(wanted, "crs.requested")  # nothing to project, or it fits
    outside = {"requested": wanted.authid(), "requested_name": wanted.description()}
    territory = territory_of(box) if wanted.authid() == DEFAULT_CRS else None
    if territory is not None:
        params = dict(outside, territory=territory.name_fr, territory_en=territory.name_en)
        return CrsChoice(QgsCoordinateReferenceSystem(territory.crs), "crs.overseas", params)
    if not layer_crs.isGeographic() and fits(box, layer_crs):
        return CrsChoice(layer_crs, "crs.source", outside)
    return CrsChoice(QgsCoordinateReferenceSystem(WGS84), "crs.wgs84", outside)


def layer_crs_choice(layer: QgsMapLayer, requested: str) -> CrsChoice:
    """`choose_crs` for a layer (its CRS and its provider's extent)."""
    return choose_crs(layer.crs(), requested, layer.extent())


def target_crs(
    layer_crs: QgsCoordinateReferenceSystem, requested: str, extent: Optional[QgsRectangle] = None
) -> QgsCoordinateReferenceSystem:
    """The CRS the files are written in (`choose_crs` without the reason)."""
    return choose_crs(layer_crs, requested, extent).crs


def extent_projects(
    crs: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem, extent: QgsRectangle
) -> bool:
    """True when a grid of points over `extent` projects to `target` without failing.

    A quick test before writing: neither GDAL nor QgsVectorFileWriter say clearly which
    features failed (QGIS even writes infinite coordinates), so a doubt costs a count.
    """
    if not crs.isValid() or not target.isValid() or crs == target or extent.isNull():
        return True
    transform = QgsCoordinateTransform(crs, target, QgsProject.instance())
    steps = 10
    for i in range(steps + 1):
        for j in range(steps + 1):
            x = extent.xMinimum() + extent.width() * i / steps
            y = extent.yMinimum() + extent.height() * j / steps
            try:
                point = transform.transform(QgsPointXY(x, y))
            except QgsCsException:
                return False
            if not (math.isfinite(point.x()) and math.isfinite(point.y())):
                return False
    return True


def unprojectable(layer: QgsVectorLayer, target: QgsCoordinateReferenceSystem) -> int:
    """How many features cannot be projected to `target` (reads every geometry: failures only)."""
    if not layer.crs().isValid() or not target.isValid() or layer.crs() == target:
        return 0
    transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
    count = 0
    for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        try:
            geometry.transform(transform)
        except QgsCsException:
            count += 1
            continue
        box = geometry.boundingBox()
        if not box.isFinite():
            count += 1
    return count
