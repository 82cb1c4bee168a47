"""GeoPublier QGIS plugin entry point: QGIS calls classFactory(iface)."""


def classFactory(iface):  # noqa: N802 - name imposed by QGIS
    """Create the plugin instance (imported lazily so loading the package stays cheap)."""
    from .plugin.plugin_main import GeoPublierPlugin

    return GeoPublierPlugin(iface)
