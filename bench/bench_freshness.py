"""Freshness of a 200-layer project (issue 18: under 1 s for the whole project).

200 published layers — tables of a few GeoPackages (one with 200,000 points), shapefiles and
memory layers; with --postgis, a fifth are PostGIS tables and a fifth PostGIS views over them (a
real PostgreSQL started for the run) — each with its record kept on the layer and a journal
entry holding its fingerprint. Prints the time to compute every layer's state, per layer, and
its ratio to a reference run in the same process: opening every layer again (what loading the
project costs). No assertion: this is a measurement.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_freshness.py [N_LAYERS] [--postgis]
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

from bench.bench_prefill import best_of  # noqa: E402
from tests.datasets import points_gpkg  # noqa: E402


def postgis_layers(database, small: Path, count: int) -> list[QgsVectorLayer]:
    """`count` PostGIS tables and a view over each."""
    layers = []
    for number in range(count):
        database.load(small, f"table{number}")
        database.psql(f"CREATE VIEW vue{number} AS SELECT * FROM table{number} WHERE fid > 1")
        for name in (f"table{number}", f"vue{number}"):
            layers.append(QgsVectorLayer(database.uri(name), name, "postgres"))
    return layers


def make_layers(folder: Path, count: int, database=None) -> list[QgsVectorLayer]:
    """`count` layers: GeoPackage tables (10 per file), shapefiles, PostGIS tables and views
    (with a database) and memory layers."""
    big = points_gpkg(folder / "big.gpkg", 200_000, layer="t0")
    layers = [QgsVectorLayer(f"{big}|layername=t0", "big", "ogr")]
    small = points_gpkg(folder / "small.gpkg", 50, layer="t0")
    if database is not None:
        layers += postgis_layers(database, small, count // 5)
    for number in range(count // 2):
        file = folder / f"data{number // 10}.gpkg"
        table = f"t{number % 10}"
        update = ["-update"] if file.exists() else []
        subprocess.run(["ogr2ogr", "-q", *update, "-nln", table, str(file), str(small)], check=True)
        layers.append(QgsVectorLayer(f"{file}|layername={table}", f"{file.stem}-{table}", "ogr"))
    for number in range(count // 4):
        shp = folder / f"couche{number}.shp"
        subprocess.run(["ogr2ogr", "-q", str(shp), str(small)], check=True)
        layers.append(QgsVectorLayer(str(shp), shp.stem, "ogr"))
    while len(layers) < count:
        layers.append(QgsVectorLayer("Point?crs=epsg:2154", f"memoire{len(layers)}", "memory"))
    assert all(layer.isValid() for layer in layers)
    return layers


def main(count: int, with_postgis: bool = False) -> None:
    """Build and "publish" the layers, then time the reference and the freshness check."""
    with contextlib.ExitStack() as stack:
        database = None
        if with_postgis:
            from tests.postgis import postgis_database

            database = stack.enter_context(postgis_database())
        run(count, database)


def run(count: int, database: Optional[object]) -> None:
    """The measurement, with or without a PostGIS database."""
    app = QgsApplication([], False)
    app.initQgis()
    from plugin.publishers.journal import Journal
    from plugin.qgis.freshness import fingerprint, project_states, resource_id
    from plugin.qgis.layer_metadata import save_record
    from plugin.qgis.layer_reader import prefill

    with tempfile.TemporaryDirectory() as folder:
        layers = make_layers(Path(folder), count, database)
        journal = Journal(Path(folder) / "journal.json")
        for layer in layers:
            save_record(layer, prefill(layer).record)
            journal.record(
                resource_id(layer),
                "catalogue",
                remote_id=layer.id(),
                fingerprint=fingerprint(layer).to_json(),
            )

        def reference() -> None:
            for layer in layers:
                QgsVectorLayer(layer.source(), layer.name(), layer.providerType())

        def freshness() -> None:
            states = project_states(layers, journal)
            assert all(state.code == "up_to_date" for state in states.values()), states

        reference_s = best_of(3, reference)
        freshness_s = best_of(3, freshness)
    kinds = f", {count // 5} PostGIS tables and {count // 5} views" if database else ""
    print(f"layers: {count} (one GeoPackage table of 200,000 points{kinds})")
    print(
        "reference (opening every layer again, as loading the project does): "
        f"{reference_s * 1000:.1f} ms"
    )
    print(f"freshness of the project: {freshness_s * 1000:.1f} ms (target < 1000 ms)")
    print(f"per layer: {freshness_s / count * 1000:.2f} ms")
    print(f"ratio freshness / reference: {freshness_s / reference_s:.2f}")
    layers.clear()
    app.exitQgis()


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    main(int(numbers[0]) if numbers else 200, "--postgis" in sys.argv)
