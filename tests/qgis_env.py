"""Early pytest plugin: headless Qt, a fresh QGIS auth database and a private QGIS profile.

pytest-qgis runs initQgis() before any conftest is imported, and QGIS reads
QGIS_AUTH_DB_DIR_PATH only once, so this module is loaded with `-p tests.qgis_env`.
Harmless for the pure unit tests, which run without pytest-qgis.

pytest-qgis 5 keeps the QGIS profile in `<rootdir>/.qgis-settings`, shared by every run in the
checkout: two runs at once (or a run started while another one cleans it) would read and
destroy each other's settings and publication journal. Each session here gets its own
temporary profile instead, removed when the process ends; nothing under the checkout is
touched.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_AUTH_DIR = tempfile.mkdtemp(prefix="geopublier-auth-")
os.environ["QGIS_AUTH_DB_DIR_PATH"] = _AUTH_DIR
atexit.register(shutil.rmtree, _AUTH_DIR, ignore_errors=True)

#: This session's QGIS profile root (pytest-qgis puts `.qgis-settings` under it).
PROFILE_ROOT = Path(tempfile.mkdtemp(prefix="geopublier-profile-"))
atexit.register(shutil.rmtree, PROFILE_ROOT, ignore_errors=True)


def _private_profile(load_settings):
    """pytest-qgis's settings loader, pointed at this session's profile instead of rootdir."""

    def load(config: pytest.Config) -> None:
        load_settings(
            SimpleNamespace(
                rootpath=PROFILE_ROOT,
                workerinput=getattr(config, "workerinput", None),
            )
        )

    return load


@pytest.hookimpl(hookwrapper=True)
def pytest_load_initial_conftests(early_config: pytest.Config):
    """Before pytest-qgis starts QGIS, give it this session's profile folder."""
    plugin = early_config.pluginmanager.get_plugin("pytest_qgis")
    loader = getattr(plugin, "_load_qgis_settings", None)
    if loader is not None and not getattr(loader, "geopublier_private", False):
        private = _private_profile(loader)
        private.geopublier_private = True
        plugin._load_qgis_settings = private
    yield
