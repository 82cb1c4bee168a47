"""Install the packaged plugin into a dedicated QGIS profile and enable it (qgis_process, make run).

Usage: python scripts/install_plugin.py PLUGIN_ZIP CONFIG_DIR [CONNECTIONS_JSON [PROFILE_JSON]]
CONFIG_DIR is what QGIS_CUSTOM_CONFIG_PATH points to; the profile is `default`. With a
connections file (e.g. the sandbox's), its connections become GeoPublier's saved connections;
with an organisation profile (e.g. the sample's), it becomes GeoPublier's organisation profile,
and QGIS is set to French unless this profile already chose a language (training room).
"""

from __future__ import annotations

import configparser
import json
import shutil
import sys
import zipfile
from pathlib import Path

SLUG = "geopublier"


def install(archive: Path, config_dir: Path) -> Path:
    """Unpack the zip into the profile's plugin folder and mark the plugin enabled."""
    profile = config_dir / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    shutil.rmtree(plugins / SLUG, ignore_errors=True)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(plugins)
    ini_path = profile / "QGIS" / "QGIS3.ini"
    ini_path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str
    ini.read(ini_path, encoding="utf-8")
    if not ini.has_section("PythonPlugins"):
        ini.add_section("PythonPlugins")
    ini.set("PythonPlugins", SLUG, "true")
    with ini_path.open("w", encoding="utf-8") as handle:
        ini.write(handle, space_around_delimiters=False)
    return plugins / SLUG


def preload_connections(config_dir: Path, connections_file: Path) -> int:
    """Save the file's connections in the profile's settings, as the dialog would (no secrets)."""
    from qgis.PyQt.QtCore import QSettings

    connections = json.loads(connections_file.read_text(encoding="utf-8"))["connections"]
    ini_path = config_dir / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings = QSettings(str(ini_path), QSettings.IniFormat)
    settings.setValue("geopublier/connections", json.dumps(connections, ensure_ascii=False))
    settings.sync()
    return len(connections)


def preload_profile(config_dir: Path, profile_file: Path) -> None:
    """Save the organisation profile as GeoPublier's settings page would; French QGIS."""
    from qgis.PyQt.QtCore import QSettings

    profile = json.loads(profile_file.read_text(encoding="utf-8"))
    ini_path = config_dir / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings = QSettings(str(ini_path), QSettings.IniFormat)
    settings.setValue("geopublier/organisation_profile", json.dumps(profile, ensure_ascii=False))
    if not settings.contains("locale/userLocale"):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "fr_FR")
    settings.sync()


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    print(install(Path(argv[0]), Path(argv[1])))
    if len(argv) > 2:
        count = preload_connections(Path(argv[1]), Path(argv[2]))
        print(f"{count} connexion(s) importée(s) depuis {argv[2]}")
    if len(argv) > 3:
        preload_profile(Path(argv[1]), Path(argv[3]))
        print(f"Profil de l'organisme chargé depuis {argv[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
