"""`make install-plugin` then `qgis_process` lists the geopublier provider (headless)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_package  # noqa: E402
import install_plugin  # noqa: E402

QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def test_qgis_process_lists_the_geopublier_provider(tmp_path: Path) -> None:
    archive = build_package.build(tmp_path / "dist")
    config_dir = tmp_path / "qgis-config"
    install_plugin.install(archive, config_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir))
    env.pop("QGIS_PLUGINPATH", None)
    result = subprocess.run(
        [QGIS_PROCESS, "list"], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "GeoPublier" in result.stdout.splitlines(), result.stdout[-2000:]
