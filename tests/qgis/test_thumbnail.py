"""The catalogue thumbnail is the layer drawn by QGIS with its own style."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from plugin.qgis.thumbnail import render_thumbnail


def test_thumbnail_is_a_png_showing_the_layer(rivers_shapefile: Path) -> None:
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    png = render_thumbnail(layer, 160, 120)
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (160, 120)
    colours = {image.pixel(x, y) for x in range(0, 160, 2) for y in range(0, 120, 2)}
    assert len(colours) > 1, "only the background was drawn"
