"""Batch publication of many small layers in one task (issue 18: linear growth).

Small GeoPackage layers (200 points each) are published to a local pycsw and udata through the
panel's path — plan_layer on the main thread, then one RepublishTask running every LayerJob — by
batches of 1, 10 and 50 fresh layers. Prints the time per layer of each batch and its ratio to
the single publication: a ratio near 1 means a batch costs no more per layer than publishing
layers one by one (growth is linear). No assertion: this is a measurement.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_batch_republish.py [BATCH ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(batches: list[int]) -> None:
    """Start the servers, publish each batch of fresh layers in one task, print the times."""
    work = Path(tempfile.mkdtemp(prefix="geopublier-bench-batch-"))
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "profile")
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from bench.publication_servers import describe_for_both, publication_servers
    from plugin.qgis.batch import REPUBLISHED, RepublishTask, plan_layer
    from plugin.qgis.destinations import journal, saved_connections
    from tests.datasets import points_gpkg

    sample = points_gpkg(work / "sample.gpkg", 200, layer="t")
    layers: list[QgsVectorLayer] = []

    def fresh_layers(count: int) -> list[QgsVectorLayer]:
        made = []
        for _ in range(count):
            number = len(layers)
            path = work / f"couche{number}.gpkg"
            path.write_bytes(sample.read_bytes())
            layer = QgsVectorLayer(f"{path}|layername=t", f"couche{number}", "ogr")
            describe_for_both(layer, f"Couche {number} de Saint-Exemple")
            layers.append(layer)
            made.append(layer)
        return made

    timings = {}
    with publication_servers(work):
        for size in batches:
            batch = fresh_layers(size)
            start = time.perf_counter()
            store = journal()
            jobs = [
                plan_layer(layer, saved_connections(), store, work / "paquets") for layer in batch
            ]
            task = RepublishTask(jobs, store)
            task.run()  # the task's own body, here on this thread
            task.keep({layer.id(): layer for layer in batch}.get)
            timings[size] = time.perf_counter() - start
            statuses = {o.status for o in task.outcomes.values()}
            assert statuses == {REPUBLISHED}, [o.reason_en for o in task.outcomes.values()]
    single = timings[batches[0]] / batches[0]
    for size, seconds in timings.items():
        per_layer = seconds / size
        print(
            f"{size:3d} layer(s) in one task: {seconds:6.1f} s, {per_layer:.2f} s per layer, "
            f"ratio to one layer alone: {per_layer / single:.2f}"
        )
    layers.clear()
    app.exitQgis()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 10, 50])
