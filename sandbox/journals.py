"""Tell GeoPublier's journals that the sandbox was emptied (`sandbox reset`).

The journal (in each QGIS profile: profiles/<name>/geopublier/journal.json) remembers which
record and dataset each layer became on each connection. After a reset those are gone: the
entries of the sandbox's connections are forgotten in every QGIS profile the sandbox knows
(the demo's, `make run`'s, the simulated trainees'), so the next publication creates them afresh.
Profiles register themselves in SANDBOX_HOME/qgis-profiles.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .common import REPO_ROOT

REGISTRY = "qgis-profiles.json"
DEFAULT_CONFIG = REPO_ROOT / ".qgis-profile"  # QGIS_CONFIG of the Makefile (make run, make demo)


def known_profiles(home: Path) -> list[Path]:
    """QGIS config folders (QGIS_CUSTOM_CONFIG_PATH) that published to this sandbox: the
    registered ones, and the Makefile's profile (`make run`) for the project's own sandbox."""
    try:
        listed = json.loads((home / REGISTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        listed = []
    folders = [Path(p) for p in listed if isinstance(p, str)]
    if home.resolve() == (REPO_ROOT / ".sandbox").resolve():
        folders.append(DEFAULT_CONFIG)
    return list(dict.fromkeys(folders))


def register_profile(home: Path, config_dir: Path) -> None:
    """Remember a QGIS config folder that publishes to the sandbox (for `reset`)."""
    folders = [str(p) for p in known_profiles(home) if p != DEFAULT_CONFIG]
    wanted = str(Path(config_dir).resolve())
    if wanted not in folders:
        home.mkdir(parents=True, exist_ok=True)
        (home / REGISTRY).write_text(json.dumps(folders + [wanted], indent=2), encoding="utf-8")


def connection_names(files: list[Path]) -> set[str]:
    """The names of the connections in the sandbox's connections files."""
    names: set[str] = set()
    for path in files:
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        names.update(str(c.get("name")) for c in content.get("connections", []) if c.get("name"))
    return names


def forget_publications(home: Path, connection_files: list[Path]) -> int:
    """Forget the sandbox connections' entries in every known profile's journal; how many."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from plugin.publishers.errors import ConfigError
    from plugin.publishers.journal import Journal

    names = connection_names(connection_files)
    forgotten = 0
    for config_dir in known_profiles(home):
        for path in sorted(config_dir.glob("profiles/*/geopublier/journal.json")):
            try:
                forgotten += Journal(path).forget_destinations(names)
            except ConfigError as error:
                print(f"Journal illisible, laissé tel quel : {path} ({error})", flush=True)
    return forgotten
