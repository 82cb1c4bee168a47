"""Local test servers (pycsw catalogue, udata portal) for trainers and integration tests.

A development package, not shipped in the plugin. The client side is stdlib-only; each server
runs in its own venv under the sandbox folder so its pins never leak into the plugin's venv.
"""

from __future__ import annotations

from .common import SandboxError, sandbox_home

__all__ = ["SandboxError", "sandbox_home"]
