"""ISO 8601 date checks shared by the rules and the XML writer (gco:Date / gco:DateTime forms)."""

from __future__ import annotations

import re

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_DATETIME = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?"
    r"(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$"
)


def is_date(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD (the forms gco:Date accepts)."""
    return bool(_DATE.match(value))


def is_datetime(value: str) -> bool:
    """True for YYYY-MM-DDThh:mm:ss with optional fraction and time zone (gco:DateTime)."""
    return bool(_DATETIME.match(value))


def is_iso(value: str) -> bool:
    """True when `value` is a date or a date-time GeoPublier can write."""
    return is_date(value) or is_datetime(value)


def sort_key(value: str) -> str:
    """Return a key that orders ISO dates and date-times chronologically (date part first)."""
    return value[:10].ljust(10, "0")
