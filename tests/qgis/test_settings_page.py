"""GeoPublier's page in QGIS Options: what it shows is what it saves; schema download in a task."""

from __future__ import annotations

import functools

from qgis.core import QgsCoordinateReferenceSystem

from plugin.core.profile import OrganisationProfile
from plugin.gui import settings_page
from plugin.gui.settings_page import SettingsPage, SettingsPageFactory
from plugin.qgis.tasks import SchemaDownloadTask
from plugin.toolbelt.settings import Settings
from tests.dialog_helpers import french_ui, type_into, wait_for
from tests.ports import closed_port


def test_page_shows_then_saves_the_settings() -> None:
    french_ui()
    Settings(
        organisation_profile=OrganisationProfile(organisation="Commune de Saint-Exemple"),
        connections=[{"name": "Catalogue", "type": "csw", "url": "http://127.0.0.1:1/csw"}],
    ).save()
    page = SettingsPage()
    assert page.organisation.text() == "Commune de Saint-Exemple"
    type_into(page.email, "sig@saint-exemple.fr")
    type_into(page.keywords, "données ouvertes, mobilité")
    page.licence.setCurrentIndex(page.licence.findData("odc-odbl"))
    page.crs.setCrs(QgsCoordinateReferenceSystem("EPSG:3948"))
    page.chunk.setValue(4)
    page.timeout.setValue(12)
    page.apply()

    saved = Settings.load()
    profile = saved.organisation_profile
    assert profile.email == "sig@saint-exemple.fr"
    assert profile.keywords == ["données ouvertes", "mobilité"]
    assert profile.licence == "odc-odbl"
    assert (saved.default_crs, saved.upload_chunk_mb, saved.network_timeout_s) == (
        "EPSG:3948",
        4,
        12,
    )
    assert saved.connections[0]["name"] == "Catalogue"  # the page leaves connections alone
    assert SettingsPageFactory().title() == "GeoPublier"


def test_schema_download_runs_in_a_task_and_reports_a_failure(monkeypatch) -> None:
    french_ui()
    with closed_port() as port:
        monkeypatch.setattr(
            settings_page,
            "SchemaDownloadTask",
            functools.partial(SchemaDownloadTask, f"http://127.0.0.1:{port}/"),
        )
        page = SettingsPage()
        assert page.download_schemas() is not None
        assert not page.downloadButton.isEnabled()
        wait_for(lambda: page.task is None, 60)
    assert page.downloadButton.isEnabled()
    assert f"127.0.0.1:{port}" in page.schemaStatus.text()


def test_language_follows_the_qgis_override_then_the_system(monkeypatch) -> None:
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    from plugin.toolbelt import i18n

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_GB")
    assert i18n.qgis_locale() == "en" and i18n.ui_language() == "en"
    settings.setValue("locale/overrideFlag", False)  # a stale userLocale no longer counts
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert i18n.qgis_locale() == "fr" and i18n.ui_language() == "fr"
    french_ui()
