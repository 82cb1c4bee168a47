"""Harmonised export package of a layer: data files, ISO 19139, DCAT-AP, README, quality report.

Everything is written into a hidden temporary folder beside the destination and moved into
place at the end, so a failure or a cancellation never leaves a half-written package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsField,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterFileWriter,
    QgsRasterLayer,
    QgsRasterPipe,
    QgsRasterProjector,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core import dcat, iso19139_writer
from ..core.errors import GeoPublierError
from ..core.model import Encoding, Record
from ..core.package_readme import (
    RESERVED,
    FieldName,
    PackageFile,
    PackageInfo,
    field_mapping,
    readme_text,
)
from ..core.quality import ERROR, QualityIssue, QualityReport, to_html
from .quality_facts import REPAIR, gather_quality, load_schema, plain_value

FORMATS = ("gpkg", "geojson", "csv", "shp")
DEFAULT_CRS = "EPSG:2154"
WGS84 = "EPSG:4326"
# Overseas French CRSs (and UTM zones used there): a layer in one of them keeps its CRS.
OVERSEAS_EPSG = frozenset(
    {
        5490,
        2972,
        2975,
        4471,
        4467,
        32620,
        32622,
        32738,
        32740,
        32621,
        4559,
        2973,
        3727,
        5489,
        4470,
        2980,
        2987,
        3163,
        2976,
        2977,
        2978,
    }
)
METROPOLE = QgsRectangle(-5.8, 41.0, 10.0, 51.6)
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
    "tif": ("GeoTIFF", "l'image (tuilée, compressée)"),
}


class ExportError(GeoPublierError):
    """The export cannot be done or was cancelled (codes `export.*`, `schema.*`)."""


@dataclass
class ExportOptions:
    """The user's harmonisation choices."""

    formats: list[str] = field(default_factory=lambda: ["gpkg"])
    crs: str = DEFAULT_CRS
    fields: Optional[list[str]] = None
    geometry_mode: str = REPAIR
    csv_points: str = "lonlat"
    geojson_precision: int = 7
    make_zip: bool = False
    schema_source: str = ""


@dataclass
class ExportResult:
    """Where everything was written."""

    package_dir: Path
    files: list[Path]
    quality_html: Path
    quality_json: Path
    report: QualityReport
    fields: list[FieldName]
    zip_path: Optional[Path] = None


def slug(text: str) -> str:
    """ASCII file-name stem of a title ("Arbres d'alignement" → "arbres_d_alignement")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")[:60] or "donnees"
    # GeoPackage reserves table names starting with "gpkg" (it refuses to write them).
    return f"donnees_{name}" if name.startswith("gpkg") else name


def target_crs(
    layer_crs: QgsCoordinateReferenceSystem, requested: str, extent: Optional[QgsRectangle] = None
) -> QgsCoordinateReferenceSystem:
    """The requested CRS, except Lambert-93 for a layer overseas: then its own CRS is kept."""
    wanted = QgsCoordinateReferenceSystem(requested or DEFAULT_CRS)
    if not layer_crs.isValid() or wanted.authid() != DEFAULT_CRS:
        return wanted if wanted.isValid() else layer_crs
    code = layer_crs.authid().split(":")[-1]
    if code.isdigit() and int(code) in OVERSEAS_EPSG:
        return layer_crs
    if extent is not None and not extent.isNull():
        to_wgs = QgsCoordinateTransform(
            layer_crs, QgsCoordinateReferenceSystem(WGS84), QgsProject.instance()
        )
        if not METROPOLE.intersects(to_wgs.transformBoundingBox(extent)):
            return layer_crs
    return wanted


class StepFeedback:
    """Splits a parent feedback into equal steps: progress scaled, cancellation passed on."""

    def __init__(self, parent: Optional[QgsFeedback], count: int) -> None:
        self.parent = parent
        self.count = max(count, 1)
        self.children: list[QgsFeedback] = []  # kept alive while the export runs

    def step(self, index: int) -> Optional[QgsFeedback]:
        """Feedback for step `index` (0-based), or None without a parent."""
        if self.parent is None:
            return None
        child = QgsFeedback()
        base, span, parent = 100.0 * index / self.count, 100.0 / self.count, self.parent
        child.progressChanged.connect(lambda p: parent.setProgress(base + p * span / 100.0))
        parent.canceled.connect(child.cancel)
        if parent.isCanceled():
            child.cancel()
        self.children.append(child)
        return child


class Harmoniser(QgsVectorFileWriter.FieldValueConverter):
    """Renames fields to their safe names and writes dates/times as ISO 8601 text.

    QgsVectorFileWriter calls it (fieldDefinition and convert) for every value of every
    feature, which makes a write 3-4 times slower: only used where nothing else can do.
    """

    def __init__(self, layer: QgsVectorLayer, names: dict[int, str], iso: set[int]) -> None:
        super().__init__()
        self.layer, self.names, self.iso = layer, names, iso

    def fieldDefinition(self, source: QgsField) -> QgsField:  # noqa: N802 - QGIS API name
        """The field as written: new name, text for dates the format cannot hold."""
        index = self.layer.fields().lookupField(source.name())
        name = self.names.get(index, source.name())
        if index in self.iso:
            return QgsField(name, QVariant.String, "String", 32)
        renamed = QgsField(source)
        renamed.setName(name)
        return renamed

    def convert(self, index: int, value):
        """ISO 8601 text for converted dates, the value itself otherwise."""
        return plain_value(value) if index in self.iso else value

    def clone(self) -> Harmoniser:
        """A copy for the writer."""
        return Harmoniser(self.layer, self.names, self.iso)


def _aliased_clone(layer: QgsVectorLayer, names: dict[int, str]) -> Optional[QgsVectorLayer]:
    """A clone of the layer whose fields carry their exported names as aliases, or None.

    With `PreferAlias`, QgsVectorFileWriter then renames in C++, without `Harmoniser`.
    A clone would lose unsaved edits: None for an edited layer.
    """
    if layer.isModified():
        return None
    clone = layer.clone()
    if clone is None or not clone.isValid() or clone.fields().names() != layer.fields().names():
        return None
    if layer.providerType() == "memory" and clone.featureCount() != layer.featureCount():
        return None
    for index, name in names.items():
        clone.setFieldAlias(index, name)
    return clone


def copy_with_geometries(layer: QgsVectorLayer, fixed: dict[int, QgsGeometry]) -> QgsVectorLayer:
    """Memory copy of the layer with repaired geometries (multi-part, as makeValid may split)."""
    copy = QgsMemoryProviderUtils.createMemoryLayer(
        layer.name(), layer.fields(), QgsWkbTypes.multiType(layer.wkbType()), layer.crs()
    )
    provider, batch = copy.dataProvider(), []
    for feature in layer.getFeatures():
        geometry = fixed.get(feature.id(), feature.geometry())
        if not geometry.isNull() and not geometry.isMultipart():
            geometry = QgsGeometry(geometry)
            geometry.convertToMultiType()
        feature.setGeometry(geometry)
        batch.append(feature)
        if len(batch) >= 10000:
            provider.addFeatures(batch)
            batch = []
    provider.addFeatures(batch)
    return copy


def rename_csv_xy(path: Path) -> None:
    """Name OGR's X/Y columns lon/lat (they hold WGS 84 degrees)."""
    renamed = path.with_suffix(".tmp")
    with (
        path.open("r", encoding="utf-8", newline="") as src,
        renamed.open("w", encoding="utf-8", newline="") as dst,
    ):
        header = src.readline()
        if header.startswith("X,Y"):
            header = "lon,lat" + header[3:]
        dst.write(header)
        shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(renamed, path)


def write_raster(
    layer: QgsRasterLayer,
    path: Path,
    target: QgsCoordinateReferenceSystem,
    feedback: Optional[QgsFeedback],
) -> None:
    """Tiled, DEFLATE-compressed GeoTIFF, reprojected to `target` when it differs."""
    provider = layer.dataProvider()
    pipe = QgsRasterPipe()
    if not pipe.set(provider.clone()):
        raise ExportError("export.write_failed", {"format": "GeoTIFF", "detail": "pipe"})
    extent, crs = provider.extent(), layer.crs()
    context = QgsProject.instance().transformContext()
    if target.isValid() and crs.isValid() and target != crs:
        projector = QgsRasterProjector()
        projector.setCrs(crs, target, context)
        pipe.set(projector)
        extent = QgsCoordinateTransform(crs, target, context).transformBoundingBox(extent)
        crs = target
    writer = QgsRasterFileWriter(str(path))
    writer.setOutputFormat("GTiff")
    writer.setCreateOptions(["TILED=YES", "COMPRESS=DEFLATE"])
    error = writer.writeRaster(
        pipe, provider.xSize(), provider.ySize(), extent, crs, context, feedback
    )
    _check_cancel(feedback)
    if error != QgsRasterFileWriter.NoError:
        raise ExportError("export.write_failed", {"format": "GeoTIFF", "detail": str(error)})


def _check_cancel(feedback: Optional[QgsFeedback]) -> None:
    """Stop with `export.cancelled` when the user pressed Cancel."""
    if feedback is not None and feedback.isCanceled():
        raise ExportError("export.cancelled")


def _writer_options(
    fmt: str,
    name: str,
    target: QgsCoordinateReferenceSystem,
    layer: QgsVectorLayer,
    opts: ExportOptions,
) -> tuple:
    """(driver options, output CRS, file name) of one vector format."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.fileEncoding = "UTF-8"
    options.layerName = name
    crs = target
    point = QgsWkbTypes.flatType(layer.wkbType()) == QgsWkbTypes.Point
    if fmt == "gpkg":
        options.driverName, file_name = "GPKG", f"{name}.gpkg"
    elif fmt == "geojson":
        options.driverName, file_name = "GeoJSON", f"{name}.geojson"
        crs = QgsCoordinateReferenceSystem(WGS84)
        options.layerOptions = [
            "RFC7946=YES",
            "WRITE_NAME=NO",
            f"COORDINATE_PRECISION={opts.geojson_precision}",
        ]
    elif fmt == "csv":
        options.driverName, file_name = "CSV", f"{name}.csv"
        lonlat = point and opts.csv_points == "lonlat"
        crs = QgsCoordinateReferenceSystem(WGS84) if lonlat else target
        geometry = "AS_XY" if lonlat else "AS_WKT"
        options.layerOptions = [f"GEOMETRY={geometry}", "STRING_QUOTING=IF_NEEDED"]
        if not layer.isSpatial():
            options.layerOptions = ["STRING_QUOTING=IF_NEEDED"]
    elif fmt == "shp":
        options.driverName, file_name = "ESRI Shapefile", f"{name}.shp"
    else:
        raise ExportError("export.format_unknown", {"format": fmt})
    if layer.isSpatial() and layer.crs().isValid() and crs != layer.crs():
        options.ct = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    return options, crs, file_name


def _iso_fields(layer: QgsVectorLayer, indexes: list[int], fmt: str) -> set[int]:
    """Date/time fields the format would not write as ISO 8601 by itself."""
    kinds = {
        "csv": (QVariant.Date, QVariant.DateTime, QVariant.Time),
        "shp": (QVariant.DateTime, QVariant.Time),
    }.get(fmt, ())
    return {i for i in indexes if layer.fields().at(i).type() in kinds}


def _plain_ogr_source(layer: QgsVectorLayer) -> Optional[tuple[str, str]]:
    """(file, layer name) when the layer is an unfiltered, unedited OGR file layer, else None."""
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    fields = layer.fields()
    if any(fields.fieldOrigin(i) != fields.OriginProvider for i in range(fields.count())):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or not Path(path).is_file():
        return None
    if not parts.get("layerName") and parts.get("layerId") not in (None, "", 0, "0"):
        return None
    return path, parts.get("layerName") or ""


def _names_survive_copy(layer: QgsVectorLayer, indexes: list[int]) -> bool:
    """True when the chosen fields can be written to GeoPackage under their own names.

    Not so for a name that a driver reserves (a "geom" column in a Shapefile…), or that
    differs from another only by case (SQLite ignores case): the feature id column aside.
    """
    feature_id = feature_id_field(layer).lower()
    lowered = [layer.fields().at(i).name().lower() for i in indexes]
    others = {n for n in lowered if n != feature_id}
    return len(set(lowered)) == len(lowered) and not RESERVED.intersection(others)


def _ogr_selection(
    layer: QgsVectorLayer, indexes: list[int], renames: dict[str, str]
) -> Optional[list[str]]:
    """GDAL's `-select` list for the fast path: None for every field, [] when GDAL cannot.

    `-select` splits names on spaces and commas; names that do not survive the copy as they
    are cannot be renamed afterwards: those layers take QgsVectorFileWriter instead.
    """
    if renames and not _names_survive_copy(layer, indexes):
        return []
    feature_id = feature_id_field(layer)
    names = [layer.fields().at(i).name() for i in indexes]
    names = [n for n in names if n != feature_id]  # the feature id column is copied as such
    if indexes == list(range(layer.fields().count())):
        return None
    if any(mark in n for n in names for mark in ' ,"'):
        return []
    return names


def rename_ogr_fields(layer: ogr.Layer, renames: dict[str, str]) -> bool:
    """Give the fields of a written OGR layer their safe names (False if one cannot be renamed).

    Through temporary names when a new name is already taken (SQLite ignores case).
    """
    definition = layer.GetLayerDefn()
    count = definition.GetFieldCount()
    taken = {definition.GetFieldDefn(i).GetName().lower() for i in range(count)}
    steps = list(renames.items())
    if any(new.lower() in taken for new in renames.values()):
        temporary = {old: f"geopublier_renaming_{n}" for n, old in enumerate(renames)}
        steps = list(temporary.items()) + [(temporary[old], new) for old, new in renames.items()]
    for old, new in steps:
        index = layer.GetLayerDefn().GetFieldIndex(old)
        if index < 0:
            return False
        renamed = ogr.FieldDefn(new, layer.GetLayerDefn().GetFieldDefn(index).GetType())
        try:
            if layer.AlterFieldDefn(index, renamed, ogr.ALTER_NAME_FLAG) != ogr.OGRERR_NONE:
                return False
        except RuntimeError:  # when OGR exceptions are on
            return False
    return True


def _rename_in_file(path: Path, layer_name: str, renames: dict[str, str]) -> bool:
    """Rename fields of a layer of a written GeoPackage (False if GDAL could not)."""
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    except RuntimeError:  # when GDAL exceptions are on
        return False
    layer = dataset.GetLayerByName(layer_name) if dataset is not None else None
    renamed = layer is not None and rename_ogr_fields(layer, renames)
    layer = dataset = None  # closes the file
    return renamed


def translate_gpkg(
    layer: QgsVectorLayer,
    path: Path,
    name: str,
    target: QgsCoordinateReferenceSystem,
    indexes: list[int],
    feedback: Optional[QgsFeedback],
    renames: Optional[dict[str, str]] = None,
) -> bool:
    """Fast path: GDAL copies an OGR file layer straight into GeoPackage (False if not possible).

    Used when nothing needs QGIS in between (no conversion, no repair): the result is the same
    as through QgsVectorFileWriter, at ogr2ogr's speed. Fields to rename (source name → safe
    name) are renamed in the written file, which only rewrites the table's schema.
    """
    source = _plain_ogr_source(layer)
    renames = renames or {}
    if source is None:
        return False
    selection = _ogr_selection(layer, indexes, renames)
    if selection == []:
        return False

    def progress(done: float, _message, _data) -> int:
        if feedback is not None:
            feedback.setProgress(100.0 * done)
            return 0 if feedback.isCanceled() else 1
        return 1

    feature_id = feature_id_field(layer)
    keep_ids = bool(feature_id) and layer.fields().lookupField(feature_id) in indexes
    options = gdal.VectorTranslateOptions(
        options=["-preserve_fid"] if keep_ids else None,  # as QgsVectorFileWriter does
        format="GPKG",
        layers=[source[1]] if source[1] else None,
        layerName=name,
        selectFields=selection,
        dstSRS=target.authid() if target.authid() else None,
        reproject=bool(target.authid()) and target != layer.crs(),
        layerCreationOptions=["FID=fid"],
        callback=progress,
    )
    try:
        done = gdal.VectorTranslate(str(path), source[0], options=options)
    except RuntimeError as exc:  # when GDAL exceptions are on
        _check_cancel(feedback)
        raise ExportError("export.write_failed", {"format": "gpkg", "detail": str(exc)}) from exc
    _check_cancel(feedback)
    if done is None:
        raise ExportError(
            "export.write_failed", {"format": "gpkg", "detail": gdal.GetLastErrorMsg()}
        )
    done = None  # closes the dataset: the file is complete
    complete = not renames or _rename_in_file(path, name, renames)
    if not complete:
        path.unlink(missing_ok=True)  # QgsVectorFileWriter writes it instead
    return complete


def _write_with_qgis(
    layer: QgsVectorLayer,
    path: Path,
    options: QgsVectorFileWriter.SaveVectorOptions,
    fmt: str,
    feedback: Optional[QgsFeedback],
) -> None:
    """QgsVectorFileWriter writes `layer` to `path` (cancellation and failure raised)."""
    error, detail, _new, _layer = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    _check_cancel(feedback)
    if error != QgsVectorFileWriter.NoError:
        raise ExportError("export.write_failed", {"format": fmt, "detail": detail})


def write_vector(
    layer: QgsVectorLayer,
    fmt: str,
    folder: Path,
    name: str,
    target: QgsCoordinateReferenceSystem,
    indexes: list[int],
    mapping: list[FieldName],
    opts: ExportOptions,
    feedback: Optional[QgsFeedback],
) -> Path:
    """Write one format into `folder`; return the file (the zip for Shapefile).

    Renaming without a Python converter where possible (it is called for every value):
    GDAL's copy then renamed columns, a clone with aliases, or, for an edited layer going to
    GeoPackage, its own names then renamed columns.
    """
    options, _crs, file_name = _writer_options(fmt, name, target, layer, opts)
    options.attributes = indexes
    options.feedback = feedback
    if QgsWkbTypes.isMultiType(layer.wkbType()) or fmt == "shp":
        options.forceMulti = QgsWkbTypes.isMultiType(layer.wkbType())
    names = {i: (m.short if fmt == "shp" else m.safe) for i, m in zip(indexes, mapping)}
    iso = _iso_fields(layer, indexes, fmt)
    renames = {
        layer.fields().at(i).name(): n for i, n in names.items() if layer.fields().at(i).name() != n
    }
    if fmt == "gpkg" and translate_gpkg(
        layer, folder / file_name, name, target, indexes, feedback, renames
    ):
        return folder / file_name
    aliased = _aliased_clone(layer, names) if renames and not iso else None
    rename_after = (
        renames
        if aliased is None and not iso and fmt == "gpkg" and _names_survive_copy(layer, indexes)
        else {}
    )
    converter = None
    if aliased is None and not rename_after and (renames or iso):
        converter = Harmoniser(layer, names, iso)  # the options do not keep it alive: this does
    options.fieldValueConverter = converter
    if aliased is not None:
        options.fieldNameSource = QgsVectorFileWriter.PreferAlias
    out_dir = folder / f"{name}_shp" if fmt == "shp" else folder
    out_dir.mkdir(exist_ok=True)
    path = out_dir / file_name
    _write_with_qgis(aliased if aliased is not None else layer, path, options, fmt, feedback)
    if rename_after and not _rename_in_file(path, name, rename_after):
        path.unlink(missing_ok=True)
        converter = options.fieldValueConverter = Harmoniser(layer, names, iso)
        _write_with_qgis(layer, path, options, fmt, feedback)
    if fmt == "csv" and "GEOMETRY=AS_XY" in options.layerOptions:
        rename_csv_xy(path)
    if fmt == "shp":
        archive = folder / f"{name}_shp.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for part in sorted(out_dir.iterdir()):
                zipped.write(part, part.name)
        shutil.rmtree(out_dir)
        return archive
    return path


def _digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def _side_files(
    folder: Path, name: str, record: Record, data: list[tuple[str, Path]], info: PackageInfo
) -> list[Path]:
    """ISO 19139 record, DCAT-AP JSON-LD and README beside the data files."""
    record = dataclasses.replace(
        record, encodings=[ENCODINGS[f] for f, _ in data], character_set="utf8"
    )
    iso = folder / f"{name}.xml"
    iso.write_bytes(iso19139_writer.write(record))
    distributions = [
        dcat.Distribution(p.name, fmt, byte_size=p.stat().st_size, sha256=_digest(p))
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


def _free_path(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`… when it already exists (never overwrite a package)."""
    candidate, number = path, 1
    while candidate.exists() or candidate.with_suffix(".zip").exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def _finish(
    staging: Path, output: Path, package: str, report: QualityReport, make_zip: bool
) -> tuple[Path, Optional[Path], Path, Path]:
    """Zip if asked, move the package into place, write the quality report beside it."""
    final = _free_path(output / package)
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


def feature_id_field(layer: QgsVectorLayer) -> str:
    """Name of the field holding the source's feature id (a GeoPackage "fid"), if any."""
    keys = layer.primaryKeyAttributes()
    if len(keys) == 1 and layer.providerType() == "ogr":
        return layer.fields().at(keys[0]).name()
    return ""


def _field_indexes(layer: QgsVectorLayer, wanted: Optional[list[str]]) -> list[int]:
    """Indexes of the chosen fields (all when none chosen)."""
    fields = layer.fields()
    if not wanted:
        return list(range(fields.count()))
    indexes = []
    for name in wanted:
        index = fields.lookupField(name)
        if index < 0:
            raise ExportError("export.field_unknown", {"field": name})
        indexes.append(index)
    return indexes


def quality_pass(
    layer: QgsVectorLayer, options: ExportOptions, feedback: Optional[QgsFeedback] = None
) -> tuple[list[int], list[FieldName], QualityReport, dict[int, QgsGeometry]]:
    """The chosen fields, their safe names, the quality report and the repaired geometries."""
    indexes = _field_indexes(layer, options.fields)
    mapping = field_mapping(
        [layer.fields().at(i).name() for i in indexes],
        [layer.fields().at(i).typeName() for i in indexes],
        feature_id_field(layer),
    )
    schema = load_schema(options.schema_source, feedback) if options.schema_source else None
    report, fixed = gather_quality(
        layer,
        indexes,
        [m.safe for m in mapping],
        options.geometry_mode,
        schema,
        options.schema_source,
        feedback,
    )
    return indexes, mapping, report, fixed


def check_quality(
    layer, options: ExportOptions, feedback: Optional[QgsFeedback] = None
) -> QualityReport:
    """The quality report the export would give, without writing any file (step "Prepare")."""
    if layer is None or not layer.isValid():
        raise ExportError("export.layer_invalid", {"layer": getattr(layer, "name", lambda: "")()})
    if isinstance(layer, QgsRasterLayer):
        crs = layer.crs().authid() if layer.crs().isValid() else ""
        report = QualityReport(layer.name(), 0, crs)
        if not crs:
            report.issues.append(QualityIssue("quality.crs_missing", ERROR))
        return report
    report = quality_pass(layer, options, feedback)[2]
    _check_cancel(feedback)
    return report


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
    _check_cancel(feedback)
    source = copy_with_geometries(layer, fixed) if fixed else layer
    name = slug(record.title or layer.name())
    target = target_crs(layer.crs(), options.crs, layer.extent())
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
    side = _side_files(staging, name, record, data, info)
    _check_cancel(feedback)
    package = f"{name}_{info.export_date}"
    final, zip_path, html_path, json_path = _finish(
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
    """GeoTIFF (tiled, compressed) with the record, DCAT and README."""
    name = slug(record.title or layer.name())
    target = target_crs(layer.crs(), options.crs, layer.extent())
    path = staging / f"{name}.tif"
    write_raster(layer, path, target, feedback)
    _check_cancel(feedback)
    crs = layer.crs().authid() if layer.crs().isValid() else ""
    report = QualityReport(layer.name(), 0, crs)
    if not crs:
        report.issues.append(QualityIssue("quality.crs_missing", ERROR))
    record = dataclasses.replace(record, reference_systems=[target.authid()])
    info = PackageInfo(crs=target.authid(), export_date=dt.date.today().isoformat())
    side = _side_files(staging, name, record, [("tif", path)], info)
    final, zip_path, html_path, json_path = _finish(
        staging, output, f"{name}_{info.export_date}", report, options.make_zip
    )
    files = [final / path.name] + [final / p.name for p in side]
    return ExportResult(final, files, html_path, json_path, report, [], zip_path)
