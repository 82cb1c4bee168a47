"""Turn saved connections into publishers, and find the journal and connections files."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication

from ..publishers.base import Publisher
from ..publishers.ckan import CkanPublisher
from ..publishers.connections import Connection, connection_from_json, load_connections
from ..publishers.csw import CswPublisher
from ..publishers.errors import ConfigError
from ..publishers.geonetwork import GeoNetworkPublisher
from ..publishers.geoserver import GeoServerPublisher
from ..publishers.http import CancelCheck, ProgressHook
from ..publishers.journal import Journal
from ..publishers.qgisserver import QgisServerPublisher
from ..publishers.udata import UdataPublisher
from ..toolbelt.settings import Settings
from .network import build_session, credentials_for

PUBLISHER_CLASSES: dict[str, type] = {
    "csw": CswPublisher,
    "geonetwork": GeoNetworkPublisher,
    "udata": UdataPublisher,
    "ckan": CkanPublisher,
    "qgisserver": QgisServerPublisher,
    "geoserver": GeoServerPublisher,
}


def register_publisher(kind: str, publisher_class: type) -> None:
    """Make a destination type available (each destination module registers itself here)."""
    PUBLISHER_CLASSES[kind] = publisher_class


def make_publisher(
    connection: Connection,
    *,
    timeout: Optional[float] = None,
    progress: Optional[ProgressHook] = None,
    cancel: Optional[CancelCheck] = None,
) -> Publisher:
    """A publisher for the connection, with a session from QGIS's network settings."""
    publisher_class = PUBLISHER_CLASSES.get(connection.type)
    if publisher_class is None:
        raise ConfigError(
            "conn_type_unsupported", {"connection": connection.name, "type": connection.type}
        )
    session = build_session(connection.type, credentials_for(connection))
    settings = Settings.load()
    options = dict(connection.options)
    if connection.type in ("udata", "ckan"):
        options.setdefault("chunk_size", settings.upload_chunk_mb * 1024 * 1024)
    return publisher_class(
        connection.url,
        session,
        name=connection.name,
        timeout=timeout or settings.network_timeout_s,
        options=options,
        progress=progress,
        cancel=cancel,
    )


def saved_connections(connections_file: str = "") -> list[Connection]:
    """Connections from a JSON file (headless runs) or else from the plugin settings."""
    if connections_file:
        return load_connections(connections_file)
    return [
        connection_from_json(raw, index) for index, raw in enumerate(Settings.load().connections)
    ]


def save_saved_connections(connections: list[Connection]) -> None:
    """Keep the connections in the plugin settings (one key; never a secret in it)."""
    settings = Settings.load()
    settings.connections = [connection.to_json() for connection in connections]
    settings.save()


def profile_folder() -> Path:
    """GeoPublier's folder in the user's QGIS profile."""
    folder = Path(QgsApplication.qgisSettingsDirPath()) / "geopublier"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def journal() -> Journal:
    """The publication journal of this QGIS profile."""
    return Journal(profile_folder() / "journal.json")
