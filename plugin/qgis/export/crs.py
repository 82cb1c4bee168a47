"""The CRS a package is written in: the requested one, unless it does not fit the data."""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)

DEFAULT_CRS = "EPSG:2154"


WGS84 = "EPSG:4326"


# Overseas French CRSs (and UTM zones used there): a layer in one of them keeps its CRS.
OVERSEAS_EPSG = frozenset(
    {
        5490,
        2972,
        2975,
        4471,
        4467,
        32620,
        32622,
        32738,
        32740,
        32621,
        4559,
        2973,
        3727,
        5489,
        4470,
        2980,
        2987,
        3163,
        2976,
        2977,
        2978,
    }
)


METROPOLE = QgsRectangle(-5.8, 41.0, 10.0, 51.6)


def target_crs(
    layer_crs: QgsCoordinateReferenceSystem, requested: str, extent: Optional[QgsRectangle] = None
) -> QgsCoordinateReferenceSystem:
    """The requested CRS, except Lambert-93 for a layer overseas: then its own CRS is kept."""
    wanted = QgsCoordinateReferenceSystem(requested or DEFAULT_CRS)
    if not layer_crs.isValid() or wanted.authid() != DEFAULT_CRS:
        return wanted if wanted.isValid() else layer_crs
    code = layer_crs.authid().split(":")[-1]
    if code.isdigit() and int(code) in OVERSEAS_EPSG:
        return layer_crs
    if extent is not None and not extent.isNull():
        to_wgs = QgsCoordinateTransform(
            layer_crs, QgsCoordinateReferenceSystem(WGS84), QgsProject.instance()
        )
        if not METROPOLE.intersects(to_wgs.transformBoundingBox(extent)):
            return layer_crs
    return wanted
