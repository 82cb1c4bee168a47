"""Fixtures for tests that need QGIS (pytest-qgis, offscreen)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_package  # noqa: E402


@pytest.fixture(scope="session")
def packaged_plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin zip built as `make package` builds it, unpacked into a fresh plugin folder."""
    archive = build_package.build(tmp_path_factory.mktemp("dist"))
    plugins_dir = tmp_path_factory.mktemp("plugins")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(plugins_dir)
    return plugins_dir
