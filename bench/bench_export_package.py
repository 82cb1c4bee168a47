"""Benchmark: the whole harmonised package against the same work done by GDAL's own tools.

GeoPublier writes GeoPackage + GeoJSON + CSV + zipped Shapefile + the quality report (and the
record, DCAT, README) for a point layer. The reference is what a technician would run by hand
for the same files: `ogr2ogr` once per format (GeoJSON and CSV in WGS 84, as the package) plus
one GDAL SQL pass checking the geometries (validity, emptiness) — each a separate process, as
they would be. Same sources, same run, same machine; best of REPEAT runs for each side.
Prints both times, the part of each step, the ratio and a verdict against the target (≤ 1.5×).
No assertion.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_export_package.py [COUNT]
"""

from __future__ import annotations

import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsFeedback, QgsVectorLayer  # noqa: E402

from plugin.core.model import Record  # noqa: E402
from plugin.qgis.export import ExportOptions, export_package  # noqa: E402
from tests.datasets import points_gpkg  # noqa: E402

TARGET_RATIO = 1.5
REPEAT = 2
FORMATS = ["gpkg", "geojson", "csv", "shp"]


def gdal_commands(source: Path, out: Path) -> list[tuple[str, list[str]]]:
    """What GDAL's tools run for the same package (one process each)."""
    ogr2ogr = ["ogr2ogr", "-q"]
    return [
        ("GeoPackage", [*ogr2ogr, "-f", "GPKG", str(out / "p.gpkg"), str(source)]),
        (
            "GeoJSON",
            [
                *ogr2ogr,
                "-f",
                "GeoJSON",
                str(out / "p.geojson"),
                str(source),
                "-t_srs",
                "EPSG:4326",
                "-lco",
                "RFC7946=YES",
                "-lco",
                "COORDINATE_PRECISION=7",
            ],
        ),
        (
            "CSV",
            [
                *ogr2ogr,
                "-f",
                "CSV",
                str(out / "p.csv"),
                str(source),
                "-t_srs",
                "EPSG:4326",
                "-lco",
                "GEOMETRY=AS_XY",
            ],
        ),
        ("Shapefile", [*ogr2ogr, "-f", "ESRI Shapefile", str(out / "p.shp"), str(source)]),
        (
            "contrôle SQL",
            [
                "ogrinfo",
                "-q",
                "-ro",
                str(source),
                "-dialect",
                "SQLITE",
                "-sql",
                "SELECT COUNT(*) FROM points WHERE geom IS NULL OR ST_IsEmpty(geom) "
                "OR NOT ST_IsValid(geom)",
            ],
        ),
    ]


def gdal_time(source: Path, folder: Path, run: int) -> tuple[float, dict[str, float]]:
    """Seconds of the GDAL reference, in total and per command."""
    out = folder / f"gdal_{run}"
    out.mkdir()
    parts = {}
    for label, command in gdal_commands(source, out):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        parts[label] = time.perf_counter() - start
    return sum(parts.values()), parts


class StepClock(QgsFeedback):
    """Notes when the export's progress crosses each step boundary (quality, then formats)."""

    def __init__(self, steps: int) -> None:
        super().__init__()
        self.steps, self.marks = steps, []
        self.progressChanged.connect(self._progress)

    def _progress(self, value: float) -> None:
        while len(self.marks) < self.steps and value >= 100.0 * (len(self.marks) + 1) / self.steps:
            self.marks.append(time.perf_counter())


def geopublier_time(layer: QgsVectorLayer, folder: Path, run: int) -> tuple[float, dict]:
    """Seconds of GeoPublier's package, in total and per step."""
    clock = StepClock(1 + len(FORMATS))
    start = time.perf_counter()
    export_package(
        layer,
        Record(title="Points"),
        str(folder / f"paquet_{run}"),
        ExportOptions(formats=list(FORMATS)),
        clock,
    )
    end = time.perf_counter()
    labels = ["rapport qualité", *FORMATS]
    marks = [start, *clock.marks[: len(labels) - 1], end]
    parts = {label: marks[i + 1] - marks[i] for i, label in enumerate(labels) if i + 1 < len(marks)}
    return end - start, parts


def compare(count: int, folder: Path) -> None:
    """Time both sides on the same GeoPackage of `count` points (layers gone on return)."""
    source = points_gpkg(folder / "source.gpkg", count)
    layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    gdal_runs = [gdal_time(source, folder, run) for run in range(REPEAT)]
    ours_runs = [geopublier_time(layer, folder, run) for run in range(REPEAT)]
    reference, gdal_parts = min(gdal_runs, key=lambda r: r[0])
    ours, our_parts = min(ours_runs, key=lambda r: r[0])
    print(f"{count} points, meilleur de {REPEAT} essais ; formats : {', '.join(FORMATS)}")
    print(
        "GDAL (ogr2ogr par format + un contrôle SQL) : "
        + ", ".join(f"{k} {v:.2f}s" for k, v in gdal_parts.items())
    )
    print("GeoPublier : " + ", ".join(f"{k} {v:.2f}s" for k, v in our_parts.items()))
    ratio = ours / reference
    verdict = "OK" if ratio <= TARGET_RATIO else "AU-DESSUS de l'objectif"
    print(
        f"paquet complet : GDAL {reference:.2f}s, GeoPublier {ours:.2f}s, ratio {ratio:.2f} "
        f"— {verdict} (≤ {TARGET_RATIO}×)"
    )


def main(count: int) -> None:
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory() as tmp:
        compare(count, Path(tmp))
    gc.collect()
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
