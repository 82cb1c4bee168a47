"""QGIS writer path: QgsVectorFileWriter for every format and for what GDAL cannot copy."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsField,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ...core.package_readme import FieldName
from ..compat import TEMPORAL_TYPES, text_field
from ..quality_facts import plain_value
from . import gdal_copy
from .crs import WGS84
from .fields import names_survive_copy, rename_in_file
from .options import (
    ExportError,
    ExportOptions,
    check_cancel,
    check_projection,
    vector_write_failed,
)

LABELS = {"gpkg": "GeoPackage", "geojson": "GeoJSON", "csv": "CSV", "shp": "Shapefile"}


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
            return text_field(name, 32)
        renamed = QgsField(source)
        renamed.setName(name)
        return renamed

    def convert(self, index: int, value):
        """ISO 8601 text for converted dates, the value itself otherwise."""
        return plain_value(value) if index in self.iso else value

    def clone(self) -> Harmoniser:
        """A copy for the writer."""
        return Harmoniser(self.layer, self.names, self.iso)


def aliased_clone(layer: QgsVectorLayer, names: dict[int, str]) -> Optional[QgsVectorLayer]:
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


def writer_options(
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


def iso_fields(layer: QgsVectorLayer, indexes: list[int], fmt: str) -> set[int]:
    """Date/time fields the format would not write as ISO 8601 by itself."""
    kinds = {
        "csv": TEMPORAL_TYPES,
        "shp": (QMetaType.Type.QDateTime, QMetaType.Type.QTime),
    }.get(fmt, ())
    return {i for i in indexes if layer.fields().at(i).type() in kinds}


def write_with_qgis(
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
    check_cancel(feedback)
    if error != QgsVectorFileWriter.NoError:
        target = options.ct.destinationCrs() if options.ct.isValid() else layer.crs()
        raise vector_write_failed(layer, target, LABELS.get(fmt, fmt), detail)


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
    options, crs, file_name = writer_options(fmt, name, target, layer, opts)
    if layer.isSpatial():
        check_projection(layer, crs)
    options.attributes = indexes
    options.feedback = feedback
    if QgsWkbTypes.isMultiType(layer.wkbType()) or fmt == "shp":
        options.forceMulti = QgsWkbTypes.isMultiType(layer.wkbType())
    names = {i: (m.short if fmt == "shp" else m.safe) for i, m in zip(indexes, mapping)}
    iso = iso_fields(layer, indexes, fmt)
    renames = {
        layer.fields().at(i).name(): n for i, n in names.items() if layer.fields().at(i).name() != n
    }
    if fmt == "gpkg" and gdal_copy.translate_gpkg(
        layer, folder / file_name, name, target, indexes, feedback, renames
    ):
        return folder / file_name
    aliased = aliased_clone(layer, names) if renames and not iso else None
    rename_after = (
        renames
        if aliased is None and not iso and fmt == "gpkg" and names_survive_copy(layer, indexes)
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
    write_with_qgis(aliased if aliased is not None else layer, path, options, fmt, feedback)
    if rename_after and not rename_in_file(path, name, rename_after):
        path.unlink(missing_ok=True)
        converter = options.fieldValueConverter = Harmoniser(layer, names, iso)
        write_with_qgis(layer, path, options, fmt, feedback)
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
