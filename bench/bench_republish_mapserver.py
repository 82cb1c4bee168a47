"""Republishing a large layer to QGIS Server with its data unchanged (issue 18): the served
GeoPackage is kept, only the project is rewritten.

A GeoPackage of N points (1,500,000 by default) is published to a QGIS Server connection (a
folder the server would serve; the publication writes files, no server needs to run) through
the panel's path (plan_layer → LayerJob.run → keep_layer). Its abstract is then edited and it is
republished. Prints both times, their ratio, and whether the served GeoPackage is the same file
(inode and modification time). No assertion: this is a measurement.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_republish_mapserver.py [N_POINTS]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(count: int) -> None:
    """Publish to a QGIS Server folder, edit the abstract, republish; print the times."""
    work = Path(tempfile.mkdtemp(prefix="geopublier-bench-mapserver-"))
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "profile")
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from bench.publication_servers import edit_abstract, publish_timed
    from plugin.publishers.connections import connection_from_json
    from plugin.qgis.choices import DESTINATIONS_PROPERTY
    from plugin.qgis.destinations import save_saved_connections
    from plugin.qgis.layer_metadata import save_record
    from plugin.qgis.layer_reader import prefill
    from tests.datasets import fill_inspire, points_gpkg

    served = work / "qgis-server"
    served.mkdir()
    save_saved_connections(
        [
            connection_from_json(
                {
                    "name": "Carto",
                    "type": "qgisserver",
                    "url": "http://127.0.0.1:8703/ows/",
                    "options": {"folder": str(served)},
                }
            )
        ]
    )
    path = points_gpkg(work / "points.gpkg", count)
    layer = QgsVectorLayer(f"{path}|layername=points", "points", "ogr")
    save_record(layer, fill_inspire(prefill(layer).record, "Points de mesure"))
    layer.setCustomProperty(DESTINATIONS_PROPERTY, json.dumps({"map_server": "Carto"}))

    first_s, job = publish_timed(layer, work / "paquets")
    gpkg = served / f"{job.report.step('mapserver').details['layer_name']}.gpkg"
    before = gpkg.stat()
    edit_abstract(layer)
    again_s, job = publish_timed(layer, work / "paquets")
    again = job.report.step("mapserver").details
    after = gpkg.stat()
    same = (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    print(f"points: {count}; served GeoPackage: {before.st_size / 1e6:.0f} MB")
    print(f"first publication to QGIS Server (GeoPackage + project): {first_s:.1f} s")
    print(
        f"republication, abstract edited, data unchanged: {again_s:.2f} s "
        f"(data kept: {again.get('data_kept')}; same GeoPackage file: {same})"
    )
    print(f"ratio republication / first publication: {again_s / first_s:.3f} (target < 0.10)")
    layer = None  # gone before QGIS exits
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_500_000)
