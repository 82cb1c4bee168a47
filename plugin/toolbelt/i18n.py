"""The language GeoPublier speaks: the one QGIS runs in, French unless QGIS is in English."""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QLocale


def qgis_locale() -> str:
    """Two-letter language QGIS runs in: the user's override when set, else the system's."""
    settings = QgsSettings()
    locale = ""
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str) or ""
    if not locale:
        locale = QLocale.system().name()
    return (locale or "fr")[:2]


def ui_language() -> str:
    """ "fr" or "en": the language of the messages GeoPublier builds from codes."""
    return "en" if qgis_locale() == "en" else "fr"
