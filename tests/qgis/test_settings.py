"""Plugin settings round-trip through QgsSettings and survive damaged values."""

from __future__ import annotations

from qgis.core import QgsSettings

from plugin.core.profile import OrganisationProfile
from plugin.toolbelt.settings import GROUP, Settings


def test_settings_round_trip() -> None:
    settings = Settings(
        organisation_profile=OrganisationProfile(
            organisation="Parc naturel régional d'Exemple",
            email="sig@parc-exemple.fr",
            licence="odc-odbl",
        ),
        default_crs="EPSG:3948",
        upload_chunk_mb=4,
        network_timeout_s=12,
        connections=[
            {
                "name": "Catalogue",
                "type": "csw",
                "url": "http://127.0.0.1:1/csw",
                "authcfg": "abc1234",
            }
        ],
    )
    settings.save()
    assert Settings.load() == settings


def test_damaged_values_fall_back_to_defaults() -> None:
    store = QgsSettings()
    store.setValue(f"{GROUP}/organisation_profile", "{not json")
    store.setValue(f"{GROUP}/upload_chunk_mb", "beaucoup")
    loaded = Settings.load()
    assert loaded.organisation_profile == OrganisationProfile()
    assert loaded.upload_chunk_mb == 10
