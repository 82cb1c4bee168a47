"""Shared by the publication benches: a local pycsw and udata, saved as the connections
« Catalogue » and « Portail », and a layer described and sent to both (the panel's choices)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def publication_servers(work: Path) -> Iterator[None]:
    """Start pycsw and udata in `work`, save them as connections; stop them at the end."""
    from plugin.publishers.connections import connection_from_json
    from plugin.qgis.destinations import save_saved_connections
    from sandbox.pycsw_server import PycswServer
    from sandbox.udata_server import UdataServer
    from sandbox.venvs import ensure_venv

    ensure_venv("pycsw")
    ensure_venv("udata")
    pycsw, udata = PycswServer(work / "pycsw"), UdataServer(work / "udata")
    pycsw.start()
    udata.start()
    try:
        os.environ["GP_UDATA_KEY"] = udata.api_key
        save_saved_connections(
            [
                connection_from_json({"name": "Catalogue", "type": "csw", "url": pycsw.url}),
                connection_from_json(
                    {
                        "name": "Portail",
                        "type": "udata",
                        "url": udata.url,
                        "api_key_env": "GP_UDATA_KEY",
                        "options": {"organization": udata.organization_id},
                    }
                ),
            ]
        )
        yield
    finally:
        udata.stop()
        pycsw.stop()


def describe_for_both(layer, title: str) -> None:
    """An INSPIRE-complete record, the catalogue and portal chosen, GeoPackage upload."""
    from plugin.qgis.choices import DESTINATIONS_PROPERTY, PREPARE_PROPERTY
    from plugin.qgis.layer_metadata import save_record
    from plugin.qgis.layer_reader import prefill
    from tests.datasets import fill_inspire

    save_record(layer, fill_inspire(prefill(layer).record, title))
    layer.setCustomProperty(
        DESTINATIONS_PROPERTY, json.dumps({"catalogue": "Catalogue", "portal": "Portail"})
    )
    layer.setCustomProperty(PREPARE_PROPERTY, json.dumps({"formats": ["gpkg"]}))


def publish_timed(layer, folder: Path):
    """Publish the layer through the panel's path (plan_layer → LayerJob.run → keep_layer);
    the seconds it took and the job."""
    import time

    from qgis.core import QgsFeedback

    from plugin.qgis.batch import keep_layer, plan_layer
    from plugin.qgis.destinations import journal, saved_connections

    start = time.perf_counter()
    store = journal()
    job = plan_layer(layer, saved_connections(), store, folder)
    outcome = job.run(store, QgsFeedback(), lambda: False)
    keep_layer(layer, job, store)
    assert outcome.status == "republished", outcome
    return time.perf_counter() - start, job


def edit_abstract(layer) -> None:
    """Only the abstract of the layer's record changes."""
    from plugin.qgis.layer_metadata import save_record
    from plugin.qgis.layer_reader import prefill

    record = prefill(layer).record
    record.abstract += " Mise à jour du résumé seulement."
    save_record(layer, record)
