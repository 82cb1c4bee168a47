"""What differs between the QGIS versions GeoPublier runs on (3.22 LTR to 3.40 LTR, then QGIS 4).

One helper per API that QGIS deprecated after 3.22, each behind one version check, so the rest
of the plugin is written once and QGIS 3.40 prints no deprecation warning.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField, QgsMapLayer, QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QMetaType, QVariant

# Field types holding a date or a time (QgsField.type() compares equal on every version).
TEMPORAL_TYPES = (QMetaType.Type.QDate, QMetaType.Type.QDateTime, QMetaType.Type.QTime)

# QgsMapLayer.title()/abstract()/keywordList() moved to serverProperties() in QGIS 3.38.
TEXTS_IN_SERVER_PROPERTIES = Qgis.QGIS_VERSION_INT >= 33800
# QgsField takes a QMetaType.Type since QGIS 3.38 (QVariant.Type is gone from Qt 6).
FIELD_TAKES_METATYPE = Qgis.QGIS_VERSION_INT >= 33800
# parameterAsStrings exists since QGIS 3.32; parameterAsFields is deprecated since 3.40.
HAS_PARAMETER_AS_STRINGS = Qgis.QGIS_VERSION_INT >= 33200


def layer_texts(layer: QgsMapLayer) -> tuple[str, str, str]:
    """The title, abstract and comma-separated keywords typed in the layer's properties."""
    source = layer.serverProperties() if TEXTS_IN_SERVER_PROPERTIES else layer
    return source.title(), source.abstract(), source.keywordList()


def text_field(name: str, length: int) -> QgsField:
    """A text field of the given width, as every QGIS version wants it built."""
    if FIELD_TAKES_METATYPE:
        return QgsField(name, QMetaType.Type.QString, "String", length)
    return QgsField(name, QVariant.String, "String", length)  # qt5-only: QGIS < 3.38


def parameter_as_names(
    algorithm: QgsProcessingAlgorithm, parameters: dict, name: str, context
) -> list[str]:
    """The field names chosen for a Processing field parameter."""
    if HAS_PARAMETER_AS_STRINGS:
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)
