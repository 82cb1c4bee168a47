"""Harmonised export package of a layer: data files, ISO 19139, DCAT-AP, README, quality report.

Everything is written into a hidden temporary folder beside the destination and moved into
place at the end, so a failure or a cancellation never leaves a half-written package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

from qgis.core import QgsFeedback, QgsRasterLayer, QgsVectorLayer

from ...core import dcat, iso19139_writer
from ...core.model import Encoding, Record
from ...core.package_readme import PackageFile, PackageInfo, readme_text
from ...core.quality import QualityReport, to_html
from .crs import layer_crs_choice
from .options import (
    FORMATS,
    ExportError,
    ExportOptions,
    ExportResult,
    StepFeedback,
    check_cancel,
    slug,
)
from .qgis_writer import copy_with_geometries, write_vector
from .quality import quality_pass
from .raster import raster_report, write_raster

ENCODINGS = {
    "gpkg": Encoding("GeoPackage", "1.2"),
    "geojson": Encoding("GeoJSON", "RFC 7946"),
    "csv": Encoding("CSV", "RFC 4180"),
    "shp": Encoding("ESRI Shapefile", "1.0"),
    "tif": Encoding("GeoTIFF", "1.1"),
}


DESCRIPTIONS = {
    "gpkg": ("GeoPackage", "les données (format recommandé par le CNIG)"),
    "geojson": ("GeoJSON (RFC 7946)", "les données en WGS 84, pour le web"),
    "csv": ("CSV UTF-8", "le tableau des attributs avec la géométrie"),
    "shp": ("Shapefile zippé", "pour les anciens logiciels (.cpg UTF-8, noms ≤ 10 caractères)"),
    "tif": ("GeoTIFF (COG)", "l'image (tuilée, compressée, avec aperçus : Cloud Optimized)"),
}


def digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def side_files(
    folder: Path, name: str, record: Record, data: list[tuple[str, Path]], info: PackageInfo
) -> list[Path]:
    """ISO 19139 record, DCAT-AP JSON-LD and README beside the data files."""
    record = dataclasses.replace(
        record, encodings=[ENCODINGS[f] for f, _ in data], character_set="utf8"
    )
    iso = folder / f"{name}.xml"
    iso.write_bytes(iso19139_writer.write(record))
    distributions = [
        dcat.Distribution(p.name, fmt, byte_size=p.stat().st_size, sha256=digest(p))
        for fmt, p in data
    ]
    jsonld = folder / f"{name}.dcat.jsonld"
    jsonld.write_bytes(dcat.write(record, distributions))
    info.files = [PackageFile(p.name, *DESCRIPTIONS[fmt]) for fmt, p in data] + [
        PackageFile(iso.name, "ISO 19139", "la fiche de métadonnées INSPIRE"),
        PackageFile(jsonld.name, "DCAT-AP (JSON-LD)", "la description pour les portails"),
    ]
    readme = folder / "LISEZMOI.md"
    readme.write_text(readme_text(record, info), encoding="utf-8")
    return [iso, jsonld, readme]


def free_path(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`… when it already exists (never overwrite a package)."""
    candidate, number = path, 1
    while candidate.exists() or candidate.with_suffix(".zip").exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def finish(
    staging: Path, output: Path, package: str, report: QualityReport, make_zip: bool
) -> tuple[Path, Optional[Path], Path, Path]:
    """Zip if asked, move the package into place, write the quality report beside it."""
    final = free_path(output / package)
    zip_path = None
    if make_zip:
        staged_zip = staging.parent / f"{staging.name}.zip"
        with zipfile.ZipFile(staged_zip, "w", zipfile.ZIP_DEFLATED) as zipped:
            for part in sorted(staging.rglob("*")):
                zipped.write(part, f"{final.name}/{part.relative_to(staging)}")
        zip_path = final.with_suffix(".zip")
        os.replace(staged_zip, zip_path)
    os.replace(staging, final)
    html_path = output / f"{final.name}_rapport_qualite.html"
    json_path = output / f"{final.name}_rapport_qualite.json"
    html_path.write_text(to_html(report), encoding="utf-8")
    json_path.write_bytes(report.to_json())
    return final, zip_path, html_path, json_path


def export_package(
    layer,
    record: Record,
    output_folder: str,
    options: ExportOptions,
    feedback: Optional[QgsFeedback] = None,
) -> ExportResult:
    """Export a vector or raster layer as a dated package in `output_folder`."""
    if layer is None or not layer.isValid():
        raise ExportError("export.layer_invalid", {"layer": getattr(layer, "name", lambda: "")()})
    output = Path(output_folder)
    try:
        output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".geopublier-", dir=output))
    except OSError as exc:
        raise ExportError(
            "export.folder_unwritable", {"folder": str(output), "detail": exc.strerror}
        ) from exc
    try:
        if isinstance(layer, QgsRasterLayer):
            return _export_raster(layer, record, output, staging, options, feedback)
        return _export_vector(layer, record, output, staging, options, feedback)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        Path(f"{staging}.zip").unlink(missing_ok=True)


def _export_vector(
    layer: QgsVectorLayer,
    record: Record,
    output: Path,
    staging: Path,
    options: ExportOptions,
    feedback: Optional[QgsFeedback],
) -> ExportResult:
    """Quality pass, then each format, then the side files; all inside `staging`."""
    formats = [f for f in dict.fromkeys(options.formats)]
    if not formats:
        raise ExportError("export.no_format")
    for fmt in formats:
        if fmt not in FORMATS:
            raise ExportError("export.format_unknown", {"format": fmt})
    steps = StepFeedback(feedback, 1 + len(formats))
    indexes, mapping, report, fixed = quality_pass(layer, options, steps.step(0))
    check_cancel(feedback)
    source = copy_with_geometries(layer, fixed) if fixed else layer
    name = slug(record.title or layer.name())
    target = layer_crs_choice(layer, options.crs).crs
    data = []
    for number, fmt in enumerate(formats, start=1):
        path = write_vector(
            source, fmt, staging, name, target, indexes, mapping, options, steps.step(number)
        )
        data.append((fmt, path))
    record = dataclasses.replace(
        record,
        reference_systems=[target.authid()] if target.authid() else record.reference_systems,
        feature_count=report.feature_count,
    )
    info = PackageInfo(
        fields=mapping,
        crs=target.authid(),
        feature_count=report.feature_count,
        export_date=dt.date.today().isoformat(),
    )
    if fixed:
        info.notes.append(f"{len(fixed)} géométrie(s) invalide(s) réparée(s) (makeValid).")
    side = side_files(staging, name, record, data, info)
    check_cancel(feedback)
    package = f"{name}_{info.export_date}"
    final, zip_path, html_path, json_path = finish(
        staging, output, package, report, options.make_zip
    )
    files = [final / p.name for _, p in data] + [final / p.name for p in side]
    return ExportResult(final, files, html_path, json_path, report, mapping, zip_path)


def _export_raster(
    layer: QgsRasterLayer,
    record: Record,
    output: Path,
    staging: Path,
    options: ExportOptions,
    feedback: Optional[QgsFeedback],
) -> ExportResult:
    """Cloud Optimized GeoTIFF with the record (grid, resolution), DCAT and README."""
    name = slug(record.title or layer.name())
    choice = layer_crs_choice(layer, options.crs)
    path = staging / f"{name}.tiff"  # udata accepts .tiff, not .tif
    grid = write_raster(layer, path, choice.crs, feedback)
    check_cancel(feedback)
    report = raster_report(layer, choice)
    resolution = grid.resolution()
    record = dataclasses.replace(
        record,
        reference_systems=[choice.crs.authid()],
        spatial_representation_type="grid",
        resolutions=[resolution] if resolution is not None else record.resolutions,
    )
    info = PackageInfo(crs=choice.crs.authid(), export_date=dt.date.today().isoformat())
    info.notes.append(grid.note())
    side = side_files(staging, name, record, [("tif", path)], info)
    final, zip_path, html_path, json_path = finish(
        staging, output, f"{name}_{info.export_date}", report, options.make_zip
    )
    files = [final / path.name] + [final / p.name for p in side]
    return ExportResult(final, files, html_path, json_path, report, [], zip_path)
