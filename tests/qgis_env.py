"""Early pytest plugin: headless Qt and a fresh QGIS auth database, set before QGIS starts.

pytest-qgis runs initQgis() before any conftest is imported, and QGIS reads
QGIS_AUTH_DB_DIR_PATH only once, so this module is loaded with `-p tests.qgis_env`.
Harmless for the pure unit tests, which run without pytest-qgis.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_AUTH_DIR = tempfile.mkdtemp(prefix="geopublier-auth-")
os.environ["QGIS_AUTH_DB_DIR_PATH"] = _AUTH_DIR
atexit.register(shutil.rmtree, _AUTH_DIR, ignore_errors=True)
