"""Keep the sandbox portal's in-memory database on disk (run inside the udata venv).

mongomock forgets everything when the process ends. The launcher restores the collections from
`portal-db.json` (MongoDB Extended JSON, so ObjectIds and dates survive) before seeding, writes
them back a few seconds after each change and when it receives SIGTERM (`sandbox stop`).
Uploaded files already live on disk under FS_ROOT. Only `sandbox reset` deletes both.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

LOG = logging.getLogger("sandbox.udata_store")
DUMP_NAME = "portal-db.json"
DUMP_EVERY_S = 3.0


def dump(database: Any, path: Path) -> int:
    """Write every collection to `path` atomically; return the number of documents."""
    from bson import json_util

    content: dict[str, list[Any]] = {}
    for name in sorted(database.list_collection_names()):
        content[name] = list(database[name].find())
    temporary = path.with_suffix(".tmp")
    fd = os.open(str(temporary), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json_util.dumps(content, json_options=json_util.CANONICAL_JSON_OPTIONS))
    os.replace(temporary, path)
    return sum(len(documents) for documents in content.values())


def restore(database: Any, path: Path) -> int:
    """Load the collections saved by `dump` (nothing when there is no file); return the count."""
    from bson import json_util

    if not path.exists():
        return 0
    content = json_util.loads(path.read_text(encoding="utf-8"))
    count = 0
    for name, documents in content.items():
        if documents:
            database[name].insert_many(documents)
            count += len(documents)
    return count


class Keeper:
    """Saves the database shortly after writes, and once more on SIGTERM before exiting."""

    def __init__(self, database: Any, path: Path) -> None:
        self.database = database
        self.path = path
        self.dirty = threading.Event()
        self.lock = threading.Lock()

    def save(self) -> None:
        """Dump now (a concurrent write may make mongomock's iteration fail: retry once)."""
        with self.lock:
            for attempt in range(3):
                try:
                    dump(self.database, self.path)
                    return
                except RuntimeError:  # dictionary changed size during iteration
                    time.sleep(0.2 * (attempt + 1))
            LOG.error("Could not save the portal database to %s", self.path)

    def watch(self, app: Any) -> None:
        """Mark the database changed after every write request; save in a background thread."""

        @app.after_request
        def _mark(response: Any) -> Any:
            from flask import request

            if request.method not in ("GET", "HEAD", "OPTIONS"):
                self.dirty.set()
            return response

        threading.Thread(target=self._loop, name="portal-db-keeper", daemon=True).start()
        signal.signal(signal.SIGTERM, self._on_term)

    def _loop(self) -> None:
        while True:
            self.dirty.wait()
            time.sleep(DUMP_EVERY_S)
            self.dirty.clear()
            self.save()

    def _on_term(self, _signum: int, _frame: Any) -> None:
        self.save()
        print(f"Base du portail enregistrée dans {self.path}", flush=True)
        sys.exit(0)
