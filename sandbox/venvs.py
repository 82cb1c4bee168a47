"""Idempotent creation of one venv per server under <SANDBOX_HOME>/venvs/<name>.

Each venv is made with Debian's /usr/bin/python3 (not a pyenv one) and holds the pinned
requirements of one server; a marker file holding the requirement line means "installed".
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import subprocess
from pathlib import Path

from .common import SandboxError, sandbox_home, tail

log = logging.getLogger(__name__)

BASE_PYTHON = os.environ.get("GEOPUBLIER_SANDBOX_PYTHON", "/usr/bin/python3")
MARKER = ".geopublier-installed"
INSTALL_TIMEOUT_S = 1200

# Pinned, verified requirement lines (issue 8); the marker holds exactly this line.
REQUIREMENTS: dict[str, str] = {
    # pycsw 2.6.2 imports pkg_resources (gone from setuptools 81, and venvs of Python >= 3.12
    # have no setuptools) and cgi (removed from Python 3.13: legacy-cgi is its copy).
    "pycsw": "pycsw==2.6.2 sqlalchemy<2 waitress setuptools<81 "
    "'legacy-cgi; python_version >= \"3.13\"'",
    "udata": "udata==17.18.0 mongomock==4.3.0",
    # The portal with data.gouv.fr's web pages (udata-front pins Flask 2.1: not udata 17).
    # udata 10 imports pkg_resources (setuptools < 81; venvs of Python >= 3.12 have none).
    "udata10": "udata==10.4.2 udata-front==6.2.4 mongomock==4.3.0 setuptools<81",
    # psycopg2 builds from source: gcc, libpq-dev, python3-dev (apt); CKAN also wants libmagic1.
    "ckan": "ckan[requirements]==2.12.0",
}

# Pins inside a server's requirements that cannot install on a newer Python, replaced there with
# uv's --override (pip has none): udata 10.4.2 and flask-storage pin Pillow 9.2.0, which has no
# wheel for Python 3.13 (Debian 13) and whose source no longer builds; udata 10 uses nothing that
# Pillow 10 removed.
OVERRIDES: dict[str, tuple[tuple[int, int], list[str]]] = {
    "udata10": ((3, 13), ["pillow>=10.4,<12"]),
}
UV = "uv==0.13.9"


def venv_dir(name: str, home: Path | None = None) -> Path:
    """Return the folder of a server's venv."""
    return (home or sandbox_home()) / "venvs" / name


def venv_python(name: str, home: Path | None = None) -> Path:
    """Return the python executable of a server's venv."""
    return venv_dir(name, home) / "bin" / "python"


def venv_bin(name: str, executable: str, home: Path | None = None) -> Path:
    """Return a console script installed in a server's venv."""
    return venv_dir(name, home) / "bin" / executable


def _requirement_line(name: str) -> str:
    """Return the pinned requirement line of a known server venv."""
    if name not in REQUIREMENTS:
        raise SandboxError("unknown_venv", name=name)
    return REQUIREMENTS[name]


def is_installed(name: str, home: Path | None = None) -> bool:
    """Tell whether the venv exists and its marker holds the expected requirement line."""
    directory = venv_dir(name, home)
    marker = directory / MARKER
    if not (directory / "bin" / "python").exists() or not marker.exists():
        return False
    return marker.read_text(encoding="utf-8").strip() == _requirement_line(name)


def require(name: str, home: Path | None = None) -> Path:
    """Return the venv folder, or raise `venv_missing` if it is not installed."""
    if not is_installed(name, home):
        raise SandboxError("venv_missing", name=name, venv=venv_dir(name, home))
    return venv_dir(name, home)


def ensure_venv(name: str, home: Path | None = None) -> Path:
    """Create the venv and install its pinned requirements unless already done; return it."""
    requirements = _requirement_line(name)
    directory = venv_dir(name, home)
    if is_installed(name, home):
        log.debug("venv %s already installed", directory)
        return directory
    directory.parent.mkdir(parents=True, exist_ok=True)
    install_log = directory.parent / f"{name}-install.log"
    if not (directory / "bin" / "python").exists():
        _run([BASE_PYTHON, "-m", "venv", str(directory)], install_log, name, directory)
    python = str(directory / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet"]
    overrides = _overrides(name, python)
    if overrides:
        _run(pip + [UV], install_log, name, directory)
        override_file = directory / "overrides.txt"
        override_file.write_text("\n".join(overrides) + "\n", encoding="utf-8")
        uv = [str(directory / "bin" / "uv"), "pip", "install", "--quiet", "--system-certs"]
        uv += ["--python", python, "--override", str(override_file)]
        _run(uv + shlex.split(requirements), install_log, name, directory)
        _declare_overrides(directory, overrides)
    else:
        _run(pip + shlex.split(requirements), install_log, name, directory)
    (directory / MARKER).write_text(requirements + "\n", encoding="utf-8")
    return directory


def _overrides(name: str, python: str) -> list[str]:
    """The replaced pins of a venv when its Python is recent enough to need them, else []."""
    if name not in OVERRIDES:
        return []
    since, overrides = OVERRIDES[name]
    check = f"import sys; sys.exit(sys.version_info[:2] < {since!r})"
    return overrides if subprocess.run([python, "-c", check], check=False).returncode == 0 else []


def _declare_overrides(directory: Path, overrides: list[str]) -> None:
    """Write the replaced pins into the installed packages' metadata.

    udata loads its plugins through pkg_resources, which checks every declared requirement:
    left as `pillow==9.2.0`, a pin replaced by uv would stop udata at start-up.
    """
    names = {re.split(r"[<>=!~; ]", spec, maxsplit=1)[0].lower(): spec for spec in overrides}
    for metadata in directory.glob("lib/python3*/site-packages/*.dist-info/METADATA"):
        lines = metadata.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = False
        for index, line in enumerate(lines):
            if not line.startswith("Requires-Dist:"):
                continue
            requirement = line.split(":", 1)[1].strip()
            name = re.split(r"[<>=!~;\[ (]", requirement, maxsplit=1)[0].lower()
            if name in names and ";" not in requirement:
                lines[index] = f"Requires-Dist: {names[name]}\n"
                changed = True
        if changed:
            metadata.write_text("".join(lines), encoding="utf-8")


def _run(command: list[str], install_log: Path, name: str, directory: Path) -> None:
    """Run an install step, appending its output to a log; raise with the log's tail on failure."""
    with open(install_log, "ab") as output:
        try:
            completed = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=INSTALL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SandboxError("venv_failed", name=name, venv=directory, detail=error) from error
    if completed.returncode != 0:
        raise SandboxError(
            "install_failed",
            name=name,
            requirements=REQUIREMENTS[name],
            venv=directory,
            log=tail(install_log, 20),
        )
