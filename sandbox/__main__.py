"""Entry point of `python -m sandbox install|start|stop|status|reset`."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
