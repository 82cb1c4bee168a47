"""What the sandbox portal needs beyond udata's own code (run inside the udata venv).

- Full-text search: udata asks MongoDB for a `$text` index, which mongomock lacks (every `?q=`,
  including the portal's search box, answers 500). Here a search is a case-insensitive match of
  every word on the document's text fields, and the `$text_score` sort is dropped.
- Static files: udata serves `/static/` only in debug mode; the old admin pages need them.
"""

from __future__ import annotations

import re
from functools import reduce
from pathlib import Path
from typing import Any

TEXT_FIELDS = ("title", "name", "acronym", "description", "first_name", "last_name", "tags")
TEXT_SCORE = "$text_score"


def words_of(text: str) -> list[str]:
    """The words of a query, without the quotes udata adds around each of them."""
    return [word for word in re.split(r"\s+", text.replace('"', " ").strip()) if word]


def patch_search() -> None:
    """Make `QuerySet.search_text` a word match and ignore `$text_score` in `order_by`."""
    from mongoengine.queryset.base import BaseQuerySet
    from mongoengine.queryset.visitor import Q

    original_order_by = BaseQuerySet.order_by

    def search_text(self: Any, text: str, language: Any = None) -> Any:
        fields = [name for name in TEXT_FIELDS if name in self._document._fields]
        if not fields:
            return self
        conditions = [
            reduce(lambda a, b: a | b, [Q(**{f"{name}__icontains": word}) for name in fields])
            for word in words_of(text)
        ]
        return self.filter(reduce(lambda a, b: a & b, conditions)) if conditions else self

    def order_by(self: Any, *keys: Any, **kwargs: Any) -> Any:
        kept = [key for key in keys if key and str(key).lstrip("+-") != TEXT_SCORE]
        return original_order_by(self, *kept, **kwargs)

    BaseQuerySet.search_text = search_text
    BaseQuerySet.order_by = order_by


def serve_static(app: Any) -> None:
    """Serve `/static/` (udata's folder and its STATIC_DIRS aliases) outside debug mode."""
    from flask import abort, send_from_directory

    def send_static_file(filename: str) -> Any:
        folders = [("", app.static_folder)] + list(app.config.get("STATIC_DIRS") or [])
        for prefix, folder in folders:
            if not folder or not filename.startswith(prefix):
                continue
            relative = filename[len(prefix) :].lstrip("/")
            if (Path(folder) / relative).is_file():
                return send_from_directory(folder, relative, max_age=3600)
        abort(404)

    app.send_static_file = send_static_file
