"""Pre-filling the form for a 1,000,000-point layer reads no feature (DESIGN.md §5b: under 1 s).

Prints the time of `prefill()` and its ratio to a reference run in the same process: opening the
same layer and asking its provider for the extent (the least any pre-fill must do). A ratio near
1 means pre-filling adds nothing that grows with the data. No assertion: this is a measurement.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_prefill.py [N_POINTS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

from tests.datasets import points_gpkg  # noqa: E402


def best_of(runs: int, action) -> float:
    """Fastest of several runs, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main(count: int) -> None:
    """Build the layer, then time the reference and the pre-fill."""
    app = QgsApplication([], False)
    app.initQgis()
    from plugin.qgis.layer_reader import prefill

    with tempfile.TemporaryDirectory() as folder:
        path = points_gpkg(Path(folder) / "points.gpkg", count)
        uri = f"{path}|layername=points"

        def reference() -> None:
            layer = QgsVectorLayer(uri, "points", "ogr")
            assert not layer.dataProvider().extent().isNull()

        def prefilled() -> None:
            layer = QgsVectorLayer(uri, "points", "ogr")
            record = prefill(layer).record
            assert record.feature_count == count

        reference_s = best_of(5, reference)
        prefill_s = best_of(5, prefilled)
    print(f"points: {count}")
    print(f"reference (open + provider extent): {reference_s * 1000:.1f} ms")
    print(f"prefill: {prefill_s * 1000:.1f} ms (target < 1000 ms)")
    print(f"ratio prefill / reference: {prefill_s / reference_s:.2f}")
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
