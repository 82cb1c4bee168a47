"""The `geopublier` Processing provider: validate, export and publish as algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PLUGIN_DIR, PLUGIN_SLUG, __title__


class GeoPublierProvider(QgsProcessingProvider):
    """Holds GeoPublier's algorithms so they run in models, batch mode and qgis_process."""

    def id(self) -> str:  # noqa: A003 - QGIS API name
        """Provider id used in algorithm ids (`geopublier:…`)."""
        return PLUGIN_SLUG

    def name(self) -> str:
        """Name shown in the Processing toolbox."""
        return __title__

    def longName(self) -> str:  # noqa: N802 - QGIS API name
        """Longer name shown in tooltips."""
        return QCoreApplication.translate(
            "GeoPublierProvider", "GeoPublier — INSPIRE metadata and open data publication"
        )

    def icon(self) -> QIcon:
        """Provider icon in the toolbox."""
        return QIcon(str(PLUGIN_DIR / "resources" / "icon.svg"))

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS API name
        """Register the algorithms (added by later steps of the plugin)."""
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())


def algorithm_classes() -> list:
    """Algorithm classes the provider exposes."""
    from .algorithms.export_algorithm import ExportPackageAlgorithm
    from .algorithms.metadata_algorithms import ExportMetadataAlgorithm, ValidateMetadataAlgorithm
    from .algorithms.publish_algorithm import PublishAlgorithm
    from .algorithms.publishproject_algorithm import PublishProjectAlgorithm

    return [
        ValidateMetadataAlgorithm,
        ExportMetadataAlgorithm,
        ExportPackageAlgorithm,
        PublishAlgorithm,
        PublishProjectAlgorithm,
    ]
