"""This test session's QGIS profile is its own temporary folder, not the checkout's."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

from plugin.qgis.destinations import profile_folder
from tests import qgis_env

ROOT = Path(__file__).resolve().parents[2]


def test_settings_and_journal_live_in_the_session_profile() -> None:
    profile = Path(QgsApplication.qgisSettingsDirPath()).resolve()
    assert profile.is_relative_to(qgis_env.PROFILE_ROOT.resolve())
    assert not profile.is_relative_to(ROOT)
    assert Path(QgsSettings().fileName()).resolve().is_relative_to(qgis_env.PROFILE_ROOT.resolve())
    assert profile_folder().resolve().is_relative_to(qgis_env.PROFILE_ROOT.resolve())
