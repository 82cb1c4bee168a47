"""Republishing a large layer whose data did not change (issue 18: under 10 % of the first
publication).

A GeoPackage of N points (1,500,000 by default) is published to a local pycsw and udata through
the panel's path (plan_layer → LayerJob.run → keep_layer): export + upload + record. Its abstract
is then edited and it is republished: the data did not change, so nothing is exported or
uploaded; only the record, the ISO 19139 file and the dataset's fields are sent. Prints both
times and their ratio. No assertion: this is a measurement.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_republish_unchanged.py [N_POINTS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(count: int) -> None:
    """Start the servers, publish, edit the abstract, republish; print the times."""
    work = Path(tempfile.mkdtemp(prefix="geopublier-bench-republish-"))
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "profile")
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from bench.publication_servers import (
        describe_for_both,
        edit_abstract,
        publication_servers,
        publish_timed,
    )
    from tests.datasets import points_gpkg

    with publication_servers(work):
        path = points_gpkg(work / "points.gpkg", count)
        layer = QgsVectorLayer(f"{path}|layername=points", "points", "ogr")
        describe_for_both(layer, "Points de mesure")

        first_s, job = publish_timed(layer, work / "paquets")
        first_files = job.request.files
        edit_abstract(layer)
        time.sleep(1.1)  # udata refuses to store two files under one name in the same second
        again_s, job = publish_timed(layer, work / "paquets")
        kept, again_files = job.request.files_kept, job.request.files
    size = sum(Path(f).stat().st_size for f in first_files) / 1e6
    print(f"points: {count}; files uploaded the first time: {size:.0f} MB")
    print(f"first publication (export + upload + record): {first_s:.1f} s")
    print(
        f"republication, abstract edited, data unchanged: {again_s:.2f} s "
        f"(files kept on the portal: {kept}; sent: {[Path(f).name for f in again_files]})"
    )
    print(f"ratio republication / first publication: {again_s / first_s:.3f} (target < 0.10)")
    layer = None  # gone before QGIS exits
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_500_000)
