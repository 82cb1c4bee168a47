"""Benchmark: GeoPublier's GeoPackage export of a 1,000,000-point layer against ogr2ogr.

Same source, same run, same machine. Prints the times and the ratios (target: GeoPackage
writing ≤ 1.5× ogr2ogr; the full package adds the one-pass quality report). No assertion.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_export_gpkg.py [COUNT]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

from plugin.core.model import Record  # noqa: E402
from plugin.core.package_readme import field_mapping  # noqa: E402
from plugin.qgis.export import (  # noqa: E402
    ExportOptions,
    export_package,
    feature_id_field,
    target_crs,
    write_vector,
)
from tests.datasets import points_gpkg  # noqa: E402


def timed(action) -> float:
    """Seconds taken by `action()`."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(count: int) -> None:
    """Build the source, then time ogr2ogr, our GeoPackage writer and the full package."""
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = points_gpkg(folder / "source.gpkg", count)
        ogr_time = timed(
            lambda: subprocess.run(
                ["ogr2ogr", "-f", "GPKG", str(folder / "ogr2ogr.gpkg"), str(source)], check=True
            )
        )
        layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
        indexes = list(range(layer.fields().count()))
        mapping = field_mapping([f.name() for f in layer.fields()], (), feature_id_field(layer))
        target = target_crs(layer.crs(), "EPSG:2154")
        ours = folder / "ours"
        ours.mkdir()
        gpkg_time = timed(
            lambda: write_vector(
                layer, "gpkg", ours, "points", target, indexes, mapping, ExportOptions(), None
            )
        )
        package_time = timed(
            lambda: export_package(
                layer, Record(title="Points"), str(folder / "package"), ExportOptions()
            )
        )
        print(f"{count} points")
        print(f"ogr2ogr                         : {ogr_time:6.2f} s")
        print(
            f"GeoPublier GeoPackage writing   : {gpkg_time:6.2f} s  ratio "
            f"{gpkg_time / ogr_time:.2f} (target ≤ 1.5)"
        )
        print(
            f"GeoPublier full package+quality : {package_time:6.2f} s  ratio "
            f"{package_time / ogr_time:.2f}"
        )
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
