"""The choices the dialog keeps with each layer (export, destinations), readable without the
dialog: the publications panel and `geopublier:publishproject` republish with them."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Optional

from qgis.core import QgsMapLayer

from .export import FORMATS, ExportOptions
from .quality_facts import REPAIR

PREPARE_PROPERTY = "geopublier/prepare"
DESTINATIONS_PROPERTY = "geopublier/destinations"


def stored_choice(layer: Optional[QgsMapLayer], key: str) -> Any:
    """The JSON value kept with the layer under `key` (None when absent or unreadable)."""
    raw = layer.customProperty(key) if layer is not None else None
    try:
        return json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None


@dataclasses.dataclass
class PrepareChoice:
    """The user's export choices for a layer (kept with the layer)."""

    formats: list[str] = dataclasses.field(default_factory=lambda: ["gpkg"])
    crs: str = ""
    fields: Optional[list[str]] = None
    geometry_mode: str = REPAIR
    csv_points: str = "lonlat"
    make_zip: bool = False
    schema_source: str = ""
    output_folder: str = ""
    confirmed_columns: list[str] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> PrepareChoice:
        """Tolerant reading of a stored choice (unknown keys ignored)."""
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in dataclasses.fields(cls)}
        try:
            return cls(**{k: v for k, v in data.items() if k in known})
        except TypeError:
            return cls()

    def export_options(self, default_crs: str) -> ExportOptions:
        """The export options these choices mean."""
        return ExportOptions(
            formats=[f for f in self.formats if f in FORMATS] or ["gpkg"],
            crs=self.crs or default_crs,
            fields=list(self.fields) if self.fields is not None else None,
            geometry_mode=self.geometry_mode,
            csv_points=self.csv_points,
            make_zip=self.make_zip,
            schema_source=self.schema_source,
        )


@dataclasses.dataclass
class DestinationChoice:
    """What the user chose for this layer (kept with the layer)."""

    catalogue: str = ""
    portal: str = ""
    mode: str = "upload"
    zones: list[str] = dataclasses.field(default_factory=list)
    granularity: str = ""
    map_server: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> DestinationChoice:
        """Tolerant reading of a stored choice."""
        if not isinstance(data, dict):
            return cls()
        mode = data.get("mode") if data.get("mode") in ("upload", "reference") else "upload"
        zones = data.get("zones") if isinstance(data.get("zones"), list) else []
        return cls(
            str(data.get("catalogue", "")),
            str(data.get("portal", "")),
            mode,
            [str(z) for z in zones],
            str(data.get("granularity", "")),
            str(data.get("map_server", "")),
        )
