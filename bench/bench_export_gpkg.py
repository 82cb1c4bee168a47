"""Benchmark: GeoPublier's GeoPackage export of a point layer against ogr2ogr on the same data.

Same sources, same run, same machine; each time is the best of REPEAT runs. The ways a layer
reaches GeoPackage in GeoPublier, each compared with ogr2ogr copying the same file:
- a plain GeoPackage layer: the fast path (gdal.VectorTranslate), a ratio near 1 by design;
- a layer whose field names must be made safe ("nom du point" → "nom_du_point"): the same
  fast path, then the columns renamed in the written file;
- a memory layer (no file behind it, its "fid" column exported as "fid_2"): QgsVectorFileWriter,
  renaming through field aliases on a clone of the layer (in C++);
- the renamed layer with an unsaved edit (a clone would lose it): QgsVectorFileWriter under the
  layer's own names, then the columns renamed in the written file;
- the memory layer with an unsaved edit: its "fid" column cannot be written as it is, so the
  Python FieldValueConverter renames, called for every value — the one slow path left (also
  taken for dates written as text in CSV/Shapefile), shown for information.
Prints the times, the ratios and a verdict against the target (≤ 1.5× ogr2ogr, DESIGN.md §5b).
The whole default package (GeoPackage, quality report pass, record, DCAT, README) is shown for
information. ogr2ogr's time includes its process start (~0.2 s): use ≥ 200,000 points.
No assertion.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_export_gpkg.py [COUNT]
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

from qgis.core import QgsApplication, QgsFeatureRequest, QgsVectorLayer  # noqa: E402

from plugin.core.model import Record  # noqa: E402
from plugin.core.package_readme import field_mapping  # noqa: E402
from plugin.qgis import export  # noqa: E402
from plugin.qgis.export import gdal_copy, qgis_writer  # noqa: E402
from tests.datasets import points_gpkg  # noqa: E402

TARGET_RATIO = 1.5
REPEAT = 2


def best_time(action, repeat: int = REPEAT) -> float:
    """Best wall-clock seconds of `repeat` runs of `action(run_number)`."""
    times = []
    for run in range(repeat):
        start = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - start)
    return min(times)


def ogr2ogr_time(source: Path, folder: Path) -> float:
    """ogr2ogr copying `source` to a new GeoPackage."""
    return best_time(
        lambda run: subprocess.run(
            [
                "ogr2ogr",
                "-f",
                "GPKG",
                str(folder / f"ogr2ogr_{source.stem}_{run}.gpkg"),
                str(source),
            ],
            check=True,
        )
    )


def geopublier_time(layer: QgsVectorLayer, folder: Path, label: str) -> tuple[float, str]:
    """GeoPublier writing `layer` to GeoPackage (qgis_writer.write_vector), and the path it took."""
    fields = layer.fields()
    indexes = list(range(fields.count()))
    mapping = field_mapping(
        [f.name() for f in fields], [f.typeName() for f in fields], export.feature_id_field(layer)
    )
    target = export.target_crs(layer.crs(), "EPSG:2154")
    paths: set[str] = set()
    translate = gdal_copy.translate_gpkg
    clone, converter = qgis_writer.aliased_clone, qgis_writer.Harmoniser

    def spying_translate(*args, **kwargs) -> bool:
        done = translate(*args, **kwargs)
        renames = args[6] if len(args) > 6 else kwargs.get("renames")
        if done:
            paths.add("VectorTranslate" + (" + renommage" if renames else ""))
        return done

    def spying_clone(*args, **kwargs):
        copy = clone(*args, **kwargs)
        paths.add("QgsVectorFileWriter + " + ("alias" if copy is not None else "renommage"))
        return copy

    class SpyingConverter(converter):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            paths.discard("QgsVectorFileWriter + renommage")
            paths.add("QgsVectorFileWriter + Python")

    def write(run: int) -> None:
        out = folder / f"{label}_{run}"
        out.mkdir()
        qgis_writer.write_vector(
            layer, "gpkg", out, "points", target, indexes, mapping, export.ExportOptions(), None
        )

    gdal_copy.translate_gpkg = spying_translate
    qgis_writer.aliased_clone, qgis_writer.Harmoniser = spying_clone, SpyingConverter
    try:
        seconds = best_time(write)
    finally:
        gdal_copy.translate_gpkg = translate
        qgis_writer.aliased_clone, qgis_writer.Harmoniser = clone, converter
    return seconds, " / ".join(sorted(paths)) or "QgsVectorFileWriter"


def renamed_copy(source: Path, path: Path) -> Path:
    """The same points with a field name GeoPublier must make safe (built by ogr2ogr)."""
    subprocess.run(
        [
            "ogr2ogr",
            "-q",
            "-f",
            "GPKG",
            str(path),
            str(source),
            "-nln",
            "points",
            "-dialect",
            "SQLITE",
            "-sql",
            'SELECT geom, id, x, y, nom AS "nom du point" FROM points',
        ],
        check=True,
    )
    return path


def memory_copy(layer: QgsVectorLayer) -> QgsVectorLayer:
    """A memory layer holding the same features (loaded before timing)."""
    copy = layer.materialize(QgsFeatureRequest())
    assert copy.featureCount() == layer.featureCount()
    return copy


def edited(layer: QgsVectorLayer) -> QgsVectorLayer:
    """The layer in edit mode with one unsaved change (a clone would lose it)."""
    assert layer.startEditing()
    first = next(layer.getFeatures())
    assert layer.changeAttributeValue(first.id(), layer.fields().count() - 1, "modifié")
    return layer


def verdict(ratio: float) -> str:
    """Within the target or not."""
    if ratio <= TARGET_RATIO:
        return f"OK (≤ {TARGET_RATIO}×)"
    return f"AU-DESSUS de l'objectif ({TARGET_RATIO}×)"


def compare(count: int, folder: Path) -> None:
    """Build the sources in `folder`, then time ogr2ogr and GeoPublier on each of them.

    The layers live in this function only: they are gone before QGIS exits (a layer still
    held then is destroyed after QGIS and crashed the process, stopping `make bench`).
    """
    source = points_gpkg(folder / "source.gpkg", count)
    renamed = renamed_copy(source, folder / "renamed.gpkg")
    plain_layer = QgsVectorLayer(f"{source}|layername=points", "points", "ogr")
    renamed_layer = QgsVectorLayer(f"{renamed}|layername=points", "points", "ogr")
    memory_layer = memory_copy(plain_layer)
    edited_layer = edited(QgsVectorLayer(f"{renamed}|layername=points", "points", "ogr"))
    edited_memory = edited(memory_copy(plain_layer))
    cases = [
        ("GeoPackage simple", source, plain_layer),
        ("champ à renommer", renamed, renamed_layer),
        ("couche mémoire", source, memory_layer),
        ("modifiée, à renommer", renamed, edited_layer),
        ("mémoire modifiée", source, edited_memory),
    ]
    print(f"{count} points, meilleur de {REPEAT} essais")
    print(f"{'cas':<20} {'chemin':<32} {'ogr2ogr':>8} {'GeoPublier':>11} {'ratio':>6}  verdict")
    for label, data, layer in cases:
        reference = ogr2ogr_time(data, folder)
        ours, path = geopublier_time(layer, folder, label.replace(" ", "_"))
        ratio = ours / reference
        print(
            f"{label:<20} {path:<32} {reference:7.2f}s {ours:10.2f}s {ratio:6.2f}  {verdict(ratio)}"
        )
    package = best_time(
        lambda run: export.export_package(
            plain_layer,
            Record(title="Points"),
            str(folder / f"package_{run}"),
            export.ExportOptions(),
        ),
        repeat=1,
    )
    reference = ogr2ogr_time(source, folder)
    print(
        f"paquet complet (GeoPackage + rapport qualité, fiche, DCAT) : {package:.2f}s, "
        f"ratio {package / reference:.2f} (pour information : le rapport lit chaque objet)"
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
