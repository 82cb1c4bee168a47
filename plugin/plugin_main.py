"""GeoPublier plugin: menu entry, toolbar button, translator and Processing provider."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsMapLayerType
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .__about__ import PLUGIN_DIR, __title__
from .qgis.processing_provider import GeoPublierProvider
from .toolbelt.i18n import qgis_locale

ICON_PATH = PLUGIN_DIR / "resources" / "icon.svg"


def translation_file(language: str) -> Optional[Path]:
    """Compiled translation for `language`, if the plugin ships one."""
    path = PLUGIN_DIR / "i18n" / f"geopublier_{language}.qm"
    return path if path.exists() else None


class GeoPublierPlugin:
    """The object QGIS holds for the plugin's lifetime."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.translator: Optional[QTranslator] = None
        self.action: Optional[QAction] = None
        self.layer_action: Optional[QAction] = None
        self.options_factory = None
        self.provider: Optional[GeoPublierProvider] = None
        self.dialog = None
        self.panel_action: Optional[QAction] = None
        self.panel = None
        self._install_translator()

    def tr(self, message: str) -> str:
        """Translate a user-facing string of this class."""
        return QCoreApplication.translate("GeoPublierPlugin", message)

    def _install_translator(self) -> None:
        path = translation_file(qgis_locale())
        if path is None:
            return
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API name
        """Register the `geopublier` Processing provider (also used by qgis_process)."""
        if self.provider is None:
            self.provider = GeoPublierProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API name
        """Create the menu entry and the toolbar button."""
        self.action = QAction(
            QIcon(str(ICON_PATH)), self.tr("Publish with GeoPublier…"), self.iface.mainWindow()
        )
        self.action.setObjectName("geopublierPublishAction")
        self.action.setToolTip(
            self.tr("Describe the current layer with INSPIRE metadata, export it and publish it")
        )
        self.action.triggered.connect(self.open_dialog)
        self.iface.addPluginToWebMenu(self.menu_name(), self.action)
        self.panel_action = QAction(
            QIcon(str(ICON_PATH)), self.tr("Publications panel"), self.iface.mainWindow()
        )
        self.panel_action.setObjectName("geopublierPanelAction")
        self.panel_action.setToolTip(
            self.tr("Every layer of the project with its publication state; republish several")
        )
        self.panel_action.triggered.connect(self.open_panel)
        self.iface.addPluginToWebMenu(self.menu_name(), self.panel_action)
        self.iface.addWebToolBarIcon(self.action)
        self.layer_action = QAction(
            QIcon(str(ICON_PATH)), self.tr("Publish with GeoPublier…"), self.iface.mainWindow()
        )
        self.layer_action.setObjectName("geopublierLayerAction")
        self.layer_action.triggered.connect(self.open_dialog)
        for layer_type in (QgsMapLayerType.VectorLayer, QgsMapLayerType.RasterLayer):
            self.iface.addCustomActionForLayerType(self.layer_action, "", layer_type, True)
        from .gui.settings_page import SettingsPageFactory

        self.options_factory = SettingsPageFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        self.initProcessing()

    def menu_name(self) -> str:
        """Name of the submenu under Web."""
        return f"&{__title__}"

    def open_dialog(self) -> None:
        """Show the (non-modal) main dialog on the current layer."""
        from .gui.main_dialog import MainDialog

        if self.dialog is None:
            self.dialog = MainDialog(self.iface.mainWindow(), self.iface)
        self.dialog.set_layer(self.iface.activeLayer())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def open_panel(self) -> None:
        """Show the « Publications » dock (created on first use) with fresh states."""
        from .gui.publications_dock import PublicationsDock

        if self.panel is None:
            self.panel = PublicationsDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.show()
        self.panel.raise_()
        self.panel.refresh()

    def unload(self) -> None:
        """Remove everything the plugin added to QGIS."""
        if self.panel_action is not None:
            self.iface.removePluginWebMenu(self.menu_name(), self.panel_action)
            self.panel_action.deleteLater()
            self.panel_action = None
        if self.panel is not None:
            self.panel.release()
            self.iface.removeDockWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name(), self.action)
            self.iface.removeWebToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.layer_action is not None:
            self.iface.removeCustomActionForLayerType(self.layer_action)
            self.layer_action.deleteLater()
            self.layer_action = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.dialog is not None:
            if self.dialog.job is not None:
                self.dialog.job.cancel()
            self.dialog.release()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
