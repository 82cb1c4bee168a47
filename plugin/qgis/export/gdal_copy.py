"""GDAL fast path: an OGR file layer copied straight into GeoPackage, at ogr2ogr's speed."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeedback,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .fields import feature_id_field, names_survive_copy, rename_in_file
from .options import check_cancel, gdal_progress, vector_write_failed


def plain_ogr_source(layer: QgsVectorLayer) -> Optional[tuple[str, str]]:
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


def ogr_selection(
    layer: QgsVectorLayer, indexes: list[int], renames: dict[str, str]
) -> Optional[list[str]]:
    """GDAL's `-select` list for the fast path: None for every field, [] when GDAL cannot.

    `-select` splits names on spaces and commas; names that do not survive the copy as they
    are cannot be renamed afterwards: those layers take QgsVectorFileWriter instead.
    """
    if renames and not names_survive_copy(layer, indexes):
        return []
    feature_id = feature_id_field(layer)
    names = [layer.fields().at(i).name() for i in indexes]
    names = [n for n in names if n != feature_id]  # the feature id column is copied as such
    if indexes == list(range(layer.fields().count())):
        return None
    if any(mark in n for n in names for mark in ' ,"'):
        return []
    return names


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
    source = plain_ogr_source(layer)
    renames = renames or {}
    if source is None:
        return False
    selection = ogr_selection(layer, indexes, renames)
    if selection == []:
        return False

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
        callback=gdal_progress(feedback),
    )
    try:
        done = gdal.VectorTranslate(str(path), source[0], options=options)
    except RuntimeError as exc:  # when GDAL exceptions are on
        check_cancel(feedback)
        raise vector_write_failed(layer, target, "GeoPackage", str(exc)) from exc
    check_cancel(feedback)
    if done is None:
        raise vector_write_failed(layer, target, "GeoPackage", gdal.GetLastErrorMsg())
    done = None  # closes the dataset: the file is complete
    complete = not renames or rename_in_file(path, name, renames)
    if not complete:
        path.unlink(missing_ok=True)  # QgsVectorFileWriter writes it instead
    return complete
