"""Plugin identity read from metadata.txt, without importing QGIS."""

from __future__ import annotations

import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent
"""The plugin folder (the repository root, or the installed `geopublier/` folder)."""


def read_metadata(path: Path = PLUGIN_DIR / "metadata.txt") -> dict[str, str]:
    """Return the [general] section of metadata.txt as a plain dict."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return dict(parser["general"])


_META = read_metadata()
__title__: str = _META["name"]
__version__: str = _META["version"]
__homepage__: str = _META.get("homepage", "")
__tracker__: str = _META.get("tracker", "")
PLUGIN_SLUG = "geopublier"
"""Folder name under which the plugin is installed and the Processing provider id."""
