"""Conformance of an attribute table to a Table Schema (frictionless / schema.data.gouv.fr).

QGIS does not ship `frictionless`, so the subset GeoPublier needs is implemented here: fields
missing or extra, types, required, unique, enum, pattern, minimum/maximum and lengths. Rows are
streamed (`SchemaChecker.check_row`) so a large layer is never held in memory; row numbers are
1-based feature positions, capped per problem. Rows are always checked by this module; when
`frictionless` is importable it also validates the schema descriptor itself (`engine()` says
so, `engine_label()` says it in words for the report).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import GeoPublierError

MAX_SCHEMA_BYTES = 2_000_000
MAX_ROWS_LISTED = 20
TYPES = (
    "string",
    "number",
    "integer",
    "boolean",
    "date",
    "datetime",
    "time",
    "year",
    "yearmonth",
    "duration",
    "geopoint",
    "geojson",
    "object",
    "array",
    "any",
)
_TRUE = {"true", "True", "TRUE", "1", "oui", "Oui", "OUI"}
_FALSE = {"false", "False", "FALSE", "0", "non", "Non", "NON"}


class TableSchemaError(GeoPublierError):
    """The Table Schema chosen by the user cannot be read or is not a Table Schema."""


@dataclass
class SchemaFinding:
    """One kind of problem on one field: code, field name, rows (capped) and total count."""

    code: str
    field: str
    params: dict[str, Any] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)
    count: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (quality report)."""
        return {
            "code": self.code,
            "field": self.field,
            "params": self.params,
            "rows": self.rows,
            "count": self.count,
        }


ENGINE_OWN = "geopublier"
ENGINE_WITH_FRICTIONLESS = "geopublier+frictionless"
ENGINE_LABELS = {
    ENGINE_OWN: ("GeoPublier", "GeoPublier"),
    ENGINE_WITH_FRICTIONLESS: (
        "GeoPublier (schéma vérifié par frictionless)",
        "GeoPublier (schema checked by frictionless)",
    ),
}


def frictionless_available() -> bool:
    """True when the `frictionless` package can be imported (QGIS does not ship it)."""
    try:
        import frictionless  # noqa: F401
    except ImportError:
        return False
    return True


def engine() -> str:
    """What checked the table: always GeoPublier's rows check, plus frictionless on the schema."""
    return ENGINE_WITH_FRICTIONLESS if frictionless_available() else ENGINE_OWN


def engine_label(name: str, lang: str = "fr") -> str:
    """The engine in words for a report ("" when no schema was checked)."""
    labels = ENGINE_LABELS.get(name)
    if labels is None:
        return name
    return labels[0] if lang == "fr" else labels[1]


def parse_schema(data: bytes) -> dict[str, Any]:
    """Parse a Table Schema document (JSON, size-limited) and check its shape."""
    if len(data) > MAX_SCHEMA_BYTES:
        raise TableSchemaError("schema.too_large", {"size": len(data), "max": MAX_SCHEMA_BYTES})
    try:
        schema = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise TableSchemaError("schema.unreadable", {"detail": str(exc)[:200]}) from exc
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not all(
        isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields
    ):
        raise TableSchemaError("schema.not_table_schema", {})
    for spec in fields:
        if not isinstance(spec.get("constraints") or {}, dict):
            raise TableSchemaError(
                "schema.not_table_schema", {"detail": f"constraints of {spec['name']}"}
            )
        compiled_pattern(spec)
    _check_descriptor(schema)
    return schema


def compiled_pattern(spec: dict[str, Any]) -> Optional[re.Pattern]:
    """The field's `pattern` constraint compiled; a broken one names the field and the pattern."""
    pattern = (spec.get("constraints") or {}).get("pattern")
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise TableSchemaError(
            "schema.pattern_invalid",
            {"field": spec["name"], "pattern": str(pattern), "detail": "not a string"},
        )
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise TableSchemaError(
            "schema.pattern_invalid",
            {"field": spec["name"], "pattern": pattern, "detail": str(exc)[:200]},
        ) from exc


def _check_descriptor(schema: dict[str, Any]) -> None:
    """Let frictionless validate the descriptor when it is installed."""
    if not frictionless_available():
        return
    import frictionless

    try:
        errors = frictionless.Schema.validate_descriptor(schema).errors  # v5 API
    except AttributeError:
        errors = frictionless.Schema(schema).metadata_errors  # v4 API
    if errors:
        raise TableSchemaError("schema.not_table_schema", {"detail": str(errors[0])[:200]})


def _is_int(text: str) -> bool:
    """True for an integer written in decimal."""
    return bool(re.fullmatch(r"[+-]?\d+", text))


def _cast(value: Any, kind: str) -> Any:
    """Return the typed value, or raise ValueError when it is not of Table Schema type `kind`."""
    if isinstance(value, bool):
        if kind in ("boolean", "any", "string"):
            return value if kind != "string" else str(value)
        raise ValueError(kind)
    if kind in ("string", "any"):
        return value if kind == "any" else str(value)
    text = str(value).strip()
    if kind == "integer":
        if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            return int(value)
        if _is_int(text):
            return int(text)
        raise ValueError(kind)
    if kind == "number":
        if isinstance(value, (int, float)):
            return value
        return (
            float(text.replace(",", "."))
            if re.fullmatch(r"[+-]?\d+([.,]\d*)?([eE][+-]?\d+)?", text)
            else _fail(kind)
        )
    if kind == "boolean":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(kind)
    if kind == "date":
        return (
            dt.date.fromisoformat(text[:10])
            if re.fullmatch(r"\d{4}-\d\d-\d\d", text)
            else _fail(kind)
        )
    if kind == "datetime":
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if kind == "year":
        return int(text) if re.fullmatch(r"\d{4}", text) else _fail(kind)
    if kind == "yearmonth":
        return text if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text) else _fail(kind)
    if kind == "time":
        return dt.time.fromisoformat(text)
    return value


def _fail(kind: str) -> Any:
    """Raise the ValueError `_cast` uses for a value of the wrong type."""
    raise ValueError(kind)


class _FieldCheck:
    """Constraints of one schema field, with its findings so far."""

    def __init__(self, spec: dict[str, Any], index: Optional[int]) -> None:
        self.name: str = spec["name"]
        self.type: str = spec.get("type", "string") if spec.get("type") in TYPES else "string"
        self.index = index
        self.constraints: dict[str, Any] = dict(spec.get("constraints") or {})
        self.pattern = compiled_pattern(spec)
        self.enum = self.constraints.get("enum")
        self.missing_values = {""}
        self.seen: dict[Any, int] = {}
        self.findings: dict[str, SchemaFinding] = {}

    def add(self, code: str, row: int, **params: Any) -> None:
        """Record one problem at `row`, keeping at most MAX_ROWS_LISTED row numbers."""
        finding = self.findings.setdefault(code, SchemaFinding(code, self.name, dict(params)))
        finding.count += 1
        if len(finding.rows) < MAX_ROWS_LISTED:
            finding.rows.append(row)

    def check(self, row: int, value: Any) -> None:
        """Check one cell of this field."""
        if value is None or (isinstance(value, str) and value.strip() in self.missing_values):
            if self.constraints.get("required"):
                self.add("schema.required", row)
            return
        try:
            typed = _cast(value, self.type)
        except (ValueError, TypeError):
            self.add("schema.type", row, type=self.type)
            return
        self._check_constraints(row, value, typed)

    def _check_constraints(self, row: int, raw: Any, typed: Any) -> None:
        """Enum, pattern, bounds, lengths and uniqueness of a typed cell."""
        c = self.constraints
        if self.enum is not None and typed not in self.enum and str(raw) not in map(str, self.enum):
            self.add("schema.enum", row, values=", ".join(map(str, self.enum[:10])))
        if self.pattern is not None and not self.pattern.fullmatch(str(raw)):
            self.add("schema.pattern", row, pattern=self.pattern.pattern)
        for key, code, bad in (
            ("minimum", "schema.minimum", lambda v, b: v < b),
            ("maximum", "schema.maximum", lambda v, b: v > b),
        ):
            if key in c:
                try:
                    bound = _cast(c[key], self.type)
                    if bad(typed, bound):
                        self.add(code, row, bound=c[key])
                except (ValueError, TypeError):
                    pass  # an unusable bound in the schema is not the data's fault
        if isinstance(typed, str):
            if "minLength" in c and len(typed) < int(c["minLength"]):
                self.add("schema.min_length", row, bound=c["minLength"])
            if "maxLength" in c and len(typed) > int(c["maxLength"]):
                self.add("schema.max_length", row, bound=c["maxLength"])
        if c.get("unique"):
            key = typed if not isinstance(typed, float) else round(typed, 12)
            first = self.seen.setdefault(key, row)
            if first != row:
                self.add("schema.unique", row, first_row=first)


class SchemaChecker:
    """Streams rows of a table (header given once) through the constraints of a Table Schema."""

    def __init__(self, schema: dict[str, Any], header: Sequence[str]) -> None:
        self.header = list(header)
        position = {name: i for i, name in enumerate(self.header)}
        self.checks = [_FieldCheck(spec, position.get(spec["name"])) for spec in schema["fields"]]
        declared = {check.name for check in self.checks}
        self.structure: list[SchemaFinding] = []
        for check in self.checks:
            if check.index is None:
                self.structure.append(
                    SchemaFinding(
                        "schema.field_missing",
                        check.name,
                        {"required": bool(check.constraints.get("required"))},
                    )
                )
        for name in self.header:
            if name not in declared:
                self.structure.append(SchemaFinding("schema.field_extra", name))
        self.rows = 0

    def check_row(self, values: Sequence[Any]) -> None:
        """Check the next row (values in header order)."""
        self.rows += 1
        for check in self.checks:
            if check.index is not None:
                check.check(self.rows, values[check.index])

    def findings(self) -> list[SchemaFinding]:
        """Every problem found: structure first, then per field in schema order."""
        result = list(self.structure)
        for check in self.checks:
            result.extend(check.findings.values())
        return result


def check_table(
    schema: dict[str, Any], header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[SchemaFinding]:
    """Check a whole in-memory table (convenience for small tables and tests)."""
    checker = SchemaChecker(schema, header)
    for row in rows:
        checker.check_row(row)
    return checker.findings()
