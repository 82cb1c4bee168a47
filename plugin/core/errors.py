"""Exceptions the user can act on: each carries a stable `code` and `params` the GUI translates."""

from __future__ import annotations

from typing import Any, Optional


class GeoPublierError(Exception):
    """Base error with a stable code (e.g. "xml.too_large") and JSON-able parameters."""

    def __init__(self, code: str, params: Optional[dict[str, Any]] = None) -> None:
        self.code = code
        self.params = dict(params or {})
        super().__init__(f"{code} {self.params}" if self.params else code)


class XmlInputError(GeoPublierError):
    """An XML document from outside is too large, malformed, hostile or not ISO 19139."""
