"""Run the trainers' commands (`python -m sandbox …`, scripts/*.py) as a trainer would, on a
private sandbox folder that shares the installed server venvs and uses free ports."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from sandbox.common import free_port

ROOT = Path(__file__).resolve().parents[1]


def private_sandbox(home: Path, venvs_home: Path) -> Iterator[dict[str, str]]:
    """The environment of a sandbox in `home` (venvs linked, free ports); stopped at the end."""
    home.mkdir(parents=True)
    (home / "venvs").symlink_to(venvs_home / "venvs")
    env = dict(
        os.environ,
        GEOPUBLIER_SANDBOX_DIR=str(home),
        GEOPUBLIER_SANDBOX_CSW_PORT=str(free_port()),
        GEOPUBLIER_SANDBOX_UDATA_PORT=str(free_port()),
        GEOPUBLIER_SANDBOX_QGIS_PORT=str(free_port()),
    )
    try:
        yield env
    finally:
        run(env, "-m", "sandbox", "stop", timeout=120)


def run(env: dict[str, str], *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the repository's python with these arguments from the repository root."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_ok(env: dict[str, str], *args: str, timeout: float = 900) -> str:
    """`run`, which must succeed; its standard output."""
    result = run(env, *args, timeout=timeout)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-3000:]
    return result.stdout
