"""Where the tests find the official ISO 19139 XML Schemas (the copy the pycsw package ships)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYCSW_SCHEMAS = (
    "lib/python3*/site-packages/pycsw/plugins/profiles/apiso/schemas/ogc/iso/19139/20070417"
)


def iso19139_xsd_dir() -> Path:
    """The 2007-04-17 ISO 19139 schema folder; fails loudly when `make setup` was not run."""
    if os.environ.get("GEOPUBLIER_XSD_DIR"):
        return Path(os.environ["GEOPUBLIER_XSD_DIR"])
    sandbox = Path(os.environ.get("GEOPUBLIER_SANDBOX_DIR", ROOT / ".sandbox"))
    found = sorted((sandbox / "venvs" / "pycsw").glob(PYCSW_SCHEMAS))
    if not found or not (found[0] / "gmx" / "gmx.xsd").is_file():
        raise RuntimeError(
            f"ISO 19139 schemas not found under {sandbox}/venvs/pycsw: run `make setup`"
        )
    return found[0]
