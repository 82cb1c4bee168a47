"""The `Issue` value type shared by the rules and the XML reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One problem found in a record: stable code, record field, level and message parameters."""

    code: str
    field: str
    level: str = ERROR
    params: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (Processing reports)."""
        return {"code": self.code, "field": self.field, "level": self.level, "params": self.params}
