"""`make install-plugin` then `qgis_process` lists the geopublier provider (headless)."""

from __future__ import annotations

import json
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


def test_sandbox_connections_are_preloaded_into_the_profile(tmp_path: Path) -> None:
    from qgis.PyQt.QtCore import QSettings

    connections = {
        "connections": [
            {"name": "Catalogue bac à sable", "type": "csw", "url": "http://127.0.0.1:8701/csw"},
            {
                "name": "Portail bac à sable",
                "type": "udata",
                "url": "http://127.0.0.1:8702",
                "api_key_env": "GEOPUBLIER_SANDBOX_UDATA_KEY",
                "options": {"organization": "abc"},
            },
        ]
    }
    source = tmp_path / "connections.json"
    source.write_text(json.dumps(connections, ensure_ascii=False), encoding="utf-8")
    config_dir = tmp_path / "qgis-config"
    install_plugin.install(build_package.build(tmp_path / "dist"), config_dir)
    assert install_plugin.preload_connections(config_dir, source) == 2
    ini = config_dir / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    stored = QSettings(str(ini), QSettings.IniFormat).value("geopublier/connections")
    assert json.loads(stored) == connections["connections"]
    assert "geopublier=true" in ini.read_text(encoding="utf-8")


def test_qgis_process_publishproject_reports_what_it_skipped_and_why(tmp_path: Path) -> None:
    """What cron runs: a project file, « the changed layers »; nothing published yet, so
    every layer is skipped with its reason in the JSON report, and the run succeeds."""
    from qgis.core import QgsProject, QgsVectorLayer

    from tests.datasets import points_gpkg

    config_dir = tmp_path / "qgis-config"
    install_plugin.install(build_package.build(tmp_path / "dist"), config_dir)
    data = points_gpkg(tmp_path / "arbres.gpkg", 10, layer="arbres")
    project = QgsProject()
    project.addMapLayer(QgsVectorLayer(f"{data}|layername=arbres", "Arbres", "ogr"))
    assert project.write(str(tmp_path / "commune.qgz"))
    report = tmp_path / "rapport.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir))
    env.pop("QGIS_PLUGINPATH", None)
    command = [QGIS_PROCESS, "run", "geopublier:publishproject", "--"]
    command += [f"PROJECT={tmp_path / 'commune.qgz'}", "SELECTION=0", f"REPORT={report}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["selection"] == "changed"
    assert written["counts"] == {"republished": 0, "skipped": 1, "failed": 0}
    (row,) = written["layers"]
    assert (row["name"], row["status"], row["code"], row["state"]) == (
        "Arbres",
        "skipped",
        "never_published",
        "never",
    )
    assert row["reason_fr"].startswith("Jamais publiée")
