"""A PNG overview of a layer, rendered by QGIS itself (for the catalogue record's thumbnail)."""

from __future__ import annotations

from qgis.core import QgsMapLayer, QgsMapRendererParallelJob, QgsMapSettings
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor


def render_thumbnail(layer: QgsMapLayer, width: int = 320, height: int = 240) -> bytes:
    """Render the layer's full extent with its own style to PNG bytes (white background)."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(QColor(255, 255, 255))
    extent = layer.extent()
    if not extent.isNull():
        extent.scale(1.05)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    job.renderedImage().save(buffer, "PNG")
    return bytes(QByteArray(buffer.data()))
