"""The packaged plugin loads in QGIS, adds its menu entry and toolbar button, unloads cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import qgis.utils
from qgis.core import QgsApplication, QgsMapLayerType, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QAction


def forget_plugin_modules() -> None:
    """Drop already-imported copies so QGIS imports the unpacked package."""
    for name in [n for n in sys.modules if n == "geopublier" or n.startswith("geopublier.")]:
        del sys.modules[name]


@pytest.fixture()
def started_plugin(packaged_plugin_dir: Path, qgis_iface):
    """Load and start `geopublier` from the unpacked zip through qgis.utils, as QGIS does."""
    qgis.utils.iface = qgis_iface
    qgis.utils.plugin_paths.insert(0, str(packaged_plugin_dir))
    sys.path.insert(0, str(packaged_plugin_dir))
    qgis.utils.updateAvailablePlugins()
    forget_plugin_modules()
    assert qgis.utils.loadPlugin("geopublier")
    assert qgis.utils.startPlugin("geopublier")
    yield qgis.utils.plugins["geopublier"]
    if "geopublier" in qgis.utils.active_plugins:
        qgis.utils.unloadPlugin("geopublier")
    qgis.utils.plugin_paths.remove(str(packaged_plugin_dir))
    sys.path.remove(str(packaged_plugin_dir))
    forget_plugin_modules()


def test_package_is_loaded_from_the_zip(started_plugin, packaged_plugin_dir: Path) -> None:
    module_file = Path(sys.modules["geopublier"].__file__)
    assert module_file.parent == packaged_plugin_dir / "geopublier"
    assert (packaged_plugin_dir / "geopublier" / "i18n" / "geopublier_fr.qm").is_file()
    assert not (packaged_plugin_dir / "geopublier" / "tests").exists()


def test_menu_entry_and_toolbar_button_open_the_dialog(started_plugin, qgis_iface) -> None:
    action = started_plugin.action
    assert isinstance(action, QAction)
    qgis_iface.addPluginToWebMenu.assert_any_call("&GeoPublier", action)
    qgis_iface.addWebToolBarIcon.assert_any_call(action)
    assert not action.icon().isNull()

    action.trigger()
    dialog = started_plugin.dialog
    assert dialog.isVisible()
    assert dialog.windowTitle() == "GeoPublier"
    assert dialog.stepTabs.count() == 4


def test_layer_context_menu_and_options_page(started_plugin, qgis_iface) -> None:
    layer_action = started_plugin.layer_action
    types = {
        call.args[2]
        for call in qgis_iface.addCustomActionForLayerType.call_args_list
        if call.args[0] is layer_action
    }
    assert types == {QgsMapLayerType.VectorLayer, QgsMapLayerType.RasterLayer}
    qgis_iface.registerOptionsWidgetFactory.assert_any_call(started_plugin.options_factory)
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "Bornes", "memory")
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    layer_action.trigger()
    assert started_plugin.dialog.layer is layer
    assert "Bornes" in started_plugin.dialog.layerLabel.text()
    factory = started_plugin.options_factory
    assert qgis.utils.unloadPlugin("geopublier")
    qgis_iface.unregisterOptionsWidgetFactory.assert_any_call(factory)
    qgis_iface.removeCustomActionForLayerType.assert_called()
    QgsProject.instance().removeAllMapLayers()


def test_processing_provider_is_registered_then_removed(started_plugin) -> None:
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("geopublier")
    assert provider is not None
    assert provider.name() == "GeoPublier"

    assert qgis.utils.unloadPlugin("geopublier")
    assert registry.providerById("geopublier") is None
    assert started_plugin.action is None
    assert started_plugin.dialog is None


def test_publications_panel_from_the_menu_then_unload(started_plugin, qgis_iface) -> None:
    action = started_plugin.panel_action
    qgis_iface.addPluginToWebMenu.assert_any_call("&GeoPublier", action)
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "Bornes", "memory")
    QgsProject.instance().addMapLayer(layer)
    action.trigger()
    panel = started_plugin.panel
    assert not panel.isHidden() and panel.windowTitle() == "Publications"
    assert panel.tree.topLevelItemCount() == 1
    assert panel.tree.topLevelItem(0).text(0) == "Bornes"
    assert qgis.utils.unloadPlugin("geopublier")
    assert started_plugin.panel is None
    QgsProject.instance().removeAllMapLayers()  # the panel no longer listens: nothing breaks
