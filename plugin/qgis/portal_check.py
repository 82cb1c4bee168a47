"""The Publications panel's « Check the portals »: does each portal still hold the files the
layer's last publication left there? One read of each dataset (udata, CKAN), compared with the
files the journal kept (see ``publishers/held_files``): a file deleted there by hand, or replaced
by someone else, is named; republishing the layer sends it again.

Main thread: :func:`portal_checks` (reads the layers and the journal). Any thread:
:class:`PortalCheckTask` (the requests).
"""

from __future__ import annotations

import dataclasses
from typing import Optional

from qgis.core import QgsMapLayer, QgsTask

from ..core.errors import GeoPublierError
from ..publishers import ckan, udata
from ..publishers.connections import Connection
from ..publishers.errors import PublishError
from ..publishers.held_files import files_to_resend, parse
from ..publishers.journal import FAILED, Journal, entry_among
from .destinations import make_publisher
from .freshness import kept_record, layer_entries, resource_id

HELD_FILES = {"udata": udata.held_files, "ckan": ckan.held_files}
GONE = "gone"  # the dataset is no longer on the portal
LOST = "lost"  # files deleted or replaced there
ERROR = "error"  # the portal could not be read


@dataclasses.dataclass
class PortalCheck:
    """One portal dataset of one layer, and the files it held after the last publication."""

    layer_id: str
    destination: str
    connection: Connection
    remote_id: str
    kept: dict[str, str]
    state: str = ""  # after the check: "", LOST, GONE or ERROR
    files: list[str] = dataclasses.field(default_factory=list)  # LOST: the names
    error: str = ""  # ERROR: the error code


def portal_checks(
    layers: list[QgsMapLayer], journal: Journal, connections: list[Connection]
) -> list[PortalCheck]:
    """Main thread: the portal datasets to read — published successfully, with the files they
    held kept in the journal, through a connection still configured (by name or address)."""
    checks = []
    for layer in layers:
        rid = resource_id(layer, kept_record(layer))
        for entry in layer_entries(layer, journal, rid) if rid else []:
            kept = parse(entry.files)
            connection = next(
                (
                    c
                    for c in connections
                    if c.type in HELD_FILES and entry_among([entry], c.name, c.url, "portal")
                ),
                None,
            )
            if kept and connection and entry.remote_id and entry.status != FAILED:
                checks.append(
                    PortalCheck(layer.id(), entry.destination, connection, entry.remote_id, kept)
                )
    return checks


def run_check(check: PortalCheck, cancel=None) -> PortalCheck:
    """Any thread: read the dataset once and fill ``check.state``; never raises."""
    try:
        publisher = make_publisher(check.connection, cancel=cancel)
        dataset = publisher.find(check.remote_id)
    except (PublishError, GeoPublierError) as error:
        check.state, check.error = ERROR, error.code
        return check
    if dataset is None:
        check.state = GONE
        return check
    held = HELD_FILES[check.connection.type](dataset.get("resources") or [])
    check.files = files_to_resend(check.kept, held)
    check.state = LOST if check.files else ""
    return check


class PortalCheckTask(QgsTask):
    """Reads each portal dataset in the background; ``checks`` hold the answers at the end."""

    def __init__(self, checks: list[PortalCheck]) -> None:
        super().__init__("GeoPublier: portals", QgsTask.Flag.CanCancel)
        self.checks = checks

    def run(self) -> bool:
        """Worker thread: one request per dataset; Cancel stops between two."""
        for number, check in enumerate(self.checks):
            if self.isCanceled():
                return False
            run_check(check, self.isCanceled)
            self.setProgress(100.0 * (number + 1) / max(1, len(self.checks)))
        return True

    def found(self, layer_id: str, destination: str) -> Optional[PortalCheck]:
        """The answer for one destination of a layer (None when it was not checked)."""
        return next(
            (c for c in self.checks if c.layer_id == layer_id and c.destination == destination),
            None,
        )
