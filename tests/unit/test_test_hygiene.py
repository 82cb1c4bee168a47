"""The test harness itself: refused ports stay refused; no session shares a QGIS profile."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ports import closed_port

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_port_refuses_connections_and_cannot_be_taken() -> None:
    with closed_port() as port:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=5)
        with socket.socket() as other, pytest.raises(OSError):
            other.bind(("127.0.0.1", port))


def test_the_early_plugin_leaves_the_checkout_profile_alone(tmp_path: Path) -> None:
    """Loading tests.qgis_env (as every run does) never deletes `.qgis-settings` in the
    checkout, where another run may be working, and gives each process its own profile."""
    marker = ROOT / ".qgis-settings" / "geopublier-hygiene-marker"
    created = not marker.parent.exists()
    marker.parent.mkdir(exist_ok=True)
    marker.write_text("another run's profile", encoding="utf-8")
    try:
        code = (
            "import tests.qgis_env as env, os;"
            "print(env.PROFILE_ROOT, os.environ['QGIS_AUTH_DB_DIR_PATH'])"
        )
        first, second = (
            subprocess.run(
                [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.split()
            for _ in range(2)
        )
        assert marker.exists()
        assert first[0] != second[0] and first[1] != second[1]
        assert not Path(first[0]).is_relative_to(ROOT)
    finally:
        marker.unlink(missing_ok=True)
        if created:
            marker.parent.rmdir()
