"""Field choice and names: chosen indexes, the feature id column, renaming in a written file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from osgeo import gdal, ogr
from qgis.core import QgsVectorLayer

from ...core.package_readme import RESERVED
from .options import ExportError


def feature_id_field(layer: QgsVectorLayer) -> str:
    """Name of the field holding the source's feature id (a GeoPackage "fid"), if any."""
    keys = layer.primaryKeyAttributes()
    if len(keys) == 1 and layer.providerType() == "ogr":
        return layer.fields().at(keys[0]).name()
    return ""


def field_indexes(layer: QgsVectorLayer, wanted: Optional[list[str]]) -> list[int]:
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


def names_survive_copy(layer: QgsVectorLayer, indexes: list[int]) -> bool:
    """True when the chosen fields can be written to GeoPackage under their own names.

    Not so for a name that a driver reserves (a "geom" column in a Shapefile…), or that
    differs from another only by case (SQLite ignores case): the feature id column aside.
    """
    feature_id = feature_id_field(layer).lower()
    lowered = [layer.fields().at(i).name().lower() for i in indexes]
    others = {n for n in lowered if n != feature_id}
    return len(set(lowered)) == len(lowered) and not RESERVED.intersection(others)


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


def rename_in_file(path: Path, layer_name: str, renames: dict[str, str]) -> bool:
    """Rename fields of a layer of a written GeoPackage (False if GDAL could not)."""
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    except RuntimeError:  # when GDAL exceptions are on
        return False
    layer = dataset.GetLayerByName(layer_name) if dataset is not None else None
    renamed = layer is not None and rename_ogr_fields(layer, renames)
    layer = dataset = None  # closes the file
    return renamed
