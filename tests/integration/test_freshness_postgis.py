"""Freshness of PostGIS layers read from the server's own row counters (real PostgreSQL +
PostGIS 3 on 127.0.0.1): a table edited by someone else is flagged, its neighbour is not, and no
row is read to tell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from plugin.publishers.freshness import CHANGED, UP_TO_DATE
from plugin.publishers.journal import Journal
from plugin.qgis.freshness import fingerprint, project_states, resource_id
from plugin.qgis.layer_metadata import save_record
from plugin.qgis.layer_reader import prefill
from plugin.qgis.publication import data_changed_since_last_publication, mirror_journal
from tests.datasets import points_gpkg
from tests.postgis import Postgis, postgis_database

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def postgis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgis]:
    with postgis_database() as database:
        folder = tmp_path_factory.mktemp("pg-data")
        for table in ("arbres", "bancs"):
            database.load(points_gpkg(folder / f"{table}.gpkg", 30), table)
        yield database


def test_a_table_edited_elsewhere_is_flagged_alone(postgis: Postgis, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.json")
    layers = [QgsVectorLayer(postgis.uri(t), t, "postgres") for t in ("arbres", "bancs")]
    assert all(layer.isValid() for layer in layers)
    for layer in layers:
        save_record(layer, prefill(layer).record)
        journal.record(
            resource_id(layer), "catalogue", remote_id="x", fingerprint=fingerprint(layer).to_json()
        )
        mirror_journal(layer, journal, resource_id(layer))
    states = project_states(layers, journal)
    assert [states[layer.id()].code for layer in layers] == [UP_TO_DATE, UP_TO_DATE]
    postgis.psql("UPDATE arbres SET nom = 'chêne' WHERE fid = 3")
    states = project_states(layers, journal)
    assert [(states[lay.id()].code, states[lay.id()].changed) for lay in layers] == [
        (CHANGED, ["data"]),
        (UP_TO_DATE, []),
    ]
    # The republished record gets today's revision date (the data changed).
    assert [data_changed_since_last_publication(layer) for layer in layers] == [True, False]
