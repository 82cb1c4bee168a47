"""Every GeoPublier setting in one dataclass, read and saved in one place (QgsSettings).

Secrets never go here: connections keep only a QGIS authentication configuration id.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from qgis.core import QgsSettings

from ..core.profile import OrganisationProfile

GROUP = "geopublier"


@dataclass
class Settings:
    """Plugin preferences with their defaults."""

    organisation_profile: OrganisationProfile = field(default_factory=OrganisationProfile)
    default_crs: str = "EPSG:2154"
    upload_chunk_mb: int = 10
    network_timeout_s: int = 30
    xsd_folder: str = ""
    connections: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls) -> Settings:
        """Read the settings, falling back to defaults for anything missing or unreadable."""
        store = QgsSettings()
        defaults = cls()
        values: dict[str, Any] = {}
        for item in dataclasses.fields(cls):
            raw = store.value(f"{GROUP}/{item.name}", None)
            if raw in (None, ""):
                continue
            values[item.name] = _decode(item.name, raw, getattr(defaults, item.name))
        return cls(**values)

    def save(self) -> None:
        """Write every setting under the plugin's group."""
        store = QgsSettings()
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "organisation_profile":
                value = json.dumps(value.to_dict(), ensure_ascii=False)
            elif item.name == "connections":
                value = json.dumps(value, ensure_ascii=False)
            store.setValue(f"{GROUP}/{item.name}", value)


def _decode(name: str, raw: Any, default: Any) -> Any:
    """Turn a stored value back into the field's type; a damaged value gives the default."""
    try:
        if name == "organisation_profile":
            return OrganisationProfile.from_dict(json.loads(raw))
        if name == "connections":
            loaded = json.loads(raw)
            return loaded if isinstance(loaded, list) else default
        if isinstance(default, int):
            return int(raw)
        return str(raw)
    except (TypeError, ValueError):
        return default
