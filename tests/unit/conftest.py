"""Fixtures for the pure unit tests: the offline ISO 19139 XML Schemas and real-world records."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `pythonpath = .` in pytest.ini does this too
    sys.path.insert(0, str(ROOT))

XSD_SUBPATH = "pycsw/plugins/profiles/apiso/schemas/ogc/iso/19139/20070417"
XSD_GLOB = f".sandbox/venvs/pycsw/lib/python3*/site-packages/{XSD_SUBPATH}"
ISO_FIXTURES = ROOT / "tests" / "fixtures" / "iso"


@pytest.fixture(scope="session")
def iso19139_xsd_dir() -> Path:
    """Folder holding gmx/gmx.xsd (2007-04-17 set): $GEOPUBLIER_XSD_DIR or the pycsw venv copy."""
    configured = os.environ.get("GEOPUBLIER_XSD_DIR")
    candidates = [Path(configured)] if configured else sorted(ROOT.glob(XSD_GLOB))
    for candidate in candidates:
        if (candidate / "gmx" / "gmx.xsd").is_file():
            return candidate
    pytest.fail(
        "ISO 19139 XML Schemas not found: expected gmx/gmx.xsd under "
        f"{configured or ROOT / XSD_GLOB}. Create the pycsw sandbox venv "
        "(.sandbox/venvs/pycsw with pycsw 2.6.2) or set GEOPUBLIER_XSD_DIR to the "
        "iso/19139/20070417 schema folder."
    )


@pytest.fixture(scope="session")
def iso_fixture_dir() -> Path:
    """Folder of the real-world ISO 19139 records kept as fixtures (see its README.md)."""
    return ISO_FIXTURES
