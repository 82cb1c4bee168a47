"""Fixtures for the pure unit tests: the offline ISO 19139 XML Schemas and real-world records."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `pythonpath = .` in pytest.ini does this too
    sys.path.insert(0, str(ROOT))

ISO_FIXTURES = ROOT / "tests" / "fixtures" / "iso"


@pytest.fixture(scope="session")
def iso19139_xsd_dir() -> Path:
    """Folder holding gmx/gmx.xsd (2007-04-17 set): $GEOPUBLIER_XSD_DIR or the pycsw venv copy."""
    from tests.schemas import iso19139_xsd_dir as find_schemas

    try:
        found = find_schemas()
    except RuntimeError as error:
        pytest.fail(f"{error} (or set GEOPUBLIER_XSD_DIR to the iso/19139/20070417 folder)")
    if not (found / "gmx" / "gmx.xsd").is_file():
        pytest.fail(f"ISO 19139 XML Schemas not found: no gmx/gmx.xsd under {found}")
    return found


@pytest.fixture(scope="session")
def iso_fixture_dir() -> Path:
    """Folder of the real-world ISO 19139 records kept as fixtures (see its README.md)."""
    return ISO_FIXTURES
