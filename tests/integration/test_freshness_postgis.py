"""Freshness of PostGIS layers read from the server's own row counters (real PostgreSQL +
PostGIS 3 on 127.0.0.1): a table edited by someone else is flagged, its neighbour is not, and no
row is read to tell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from plugin.publishers.freshness import CHANGED, UNVERIFIABLE, UP_TO_DATE
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


def test_views_follow_the_tables_they_read_and_their_definition(
    postgis: Postgis, tmp_path: Path
) -> None:
    """A view has no row counters of its own: its state follows the counters of the tables it
    reads (through a view over a view too) and its definition; a materialized view has its own
    counters (each REFRESH counts); a view reading only the system catalogue cannot be told."""
    postgis.psql("CREATE VIEW arbres_vue AS SELECT * FROM arbres WHERE fid > 2")
    postgis.psql("CREATE VIEW arbres_vue_vue AS SELECT * FROM arbres_vue")
    postgis.psql("CREATE MATERIALIZED VIEW arbres_fige AS SELECT * FROM arbres")
    postgis.psql(
        "CREATE VIEW origine AS SELECT 1 AS fid, "
        "ST_SetSRID(ST_MakePoint(700000, 6600000), 2154)::geometry(Point, 2154) AS geom "
        "FROM pg_class LIMIT 1"
    )
    names = ("arbres_vue", "arbres_vue_vue", "arbres_fige", "origine")
    layers = [QgsVectorLayer(postgis.uri(name), name, "postgres") for name in names]
    assert all(layer.isValid() for layer in layers)
    journal = Journal(tmp_path / "journal.json")

    def publish_all() -> None:
        for layer in layers:
            save_record(layer, prefill(layer).record)
            journal.record(
                resource_id(layer),
                "catalogue",
                remote_id="x",
                fingerprint=fingerprint(layer).to_json(),
            )

    def codes() -> dict[str, str]:
        found = project_states(layers, journal)
        return {layer.name(): found[layer.id()].code for layer in layers}

    publish_all()
    assert codes() == {
        "arbres_vue": UP_TO_DATE,
        "arbres_vue_vue": UP_TO_DATE,
        "arbres_fige": UP_TO_DATE,
        "origine": UNVERIFIABLE,
    }
    postgis.psql("UPDATE bancs SET nom = 'granit' WHERE fid = 2")  # a table they do not read
    assert set(codes().values()) == {UP_TO_DATE, UNVERIFIABLE}
    postgis.psql("UPDATE arbres SET nom = 'tilleul' WHERE fid = 5")
    assert codes() == {
        "arbres_vue": CHANGED,
        "arbres_vue_vue": CHANGED,
        "arbres_fige": UP_TO_DATE,  # not refreshed: it still holds what was published
        "origine": UNVERIFIABLE,
    }
    postgis.psql("REFRESH MATERIALIZED VIEW arbres_fige")
    assert codes()["arbres_fige"] == CHANGED

    publish_all()
    postgis.psql("CREATE OR REPLACE VIEW arbres_vue AS SELECT * FROM arbres WHERE fid > 3")
    assert codes() == {
        "arbres_vue": CHANGED,
        "arbres_vue_vue": CHANGED,  # it shows what that view now selects
        "arbres_fige": UP_TO_DATE,
        "origine": UNVERIFIABLE,
    }
