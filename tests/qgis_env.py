"""Early pytest plugin: headless Qt and a fresh QGIS auth database, set before QGIS starts.

pytest-qgis runs initQgis() before any conftest is imported, and QGIS reads
QGIS_AUTH_DB_DIR_PATH only once, so this module is loaded with `-p tests.qgis_env`.
Harmless for the pure unit tests, which run without pytest-qgis.
Each session also starts from an empty QGIS profile (settings, publication journal).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_AUTH_DIR = tempfile.mkdtemp(prefix="geopublier-auth-")
os.environ["QGIS_AUTH_DB_DIR_PATH"] = _AUTH_DIR
atexit.register(shutil.rmtree, _AUTH_DIR, ignore_errors=True)

# pytest-qgis keeps the QGIS profile in <rootdir>/.qgis-settings: start each session from a clean
# one, so a publication journal left by an earlier run cannot point at servers long gone.
shutil.rmtree(Path(__file__).resolve().parents[1] / ".qgis-settings", ignore_errors=True)
