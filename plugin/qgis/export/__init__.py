"""Export of a layer as a harmonised package, one concern per module.

- `crs`: the CRS the package is written in (`target_crs`);
- `fields`: chosen fields, the feature id column, renaming in a written file;
- `gdal_copy`: the GDAL fast path into GeoPackage (`translate_gpkg`);
- `qgis_writer`: QgsVectorFileWriter for every format (`write_vector`);
- `raster`: the GeoTIFF path (`write_raster`);
- `quality`: the quality pass (`quality_pass`, `check_quality`);
- `package`: the package itself and its side files (`export_package`);
- `options`: options, result, errors and progress shared by all.
"""

from .crs import DEFAULT_CRS, WGS84, CrsChoice, choose_crs, target_crs
from .fields import feature_id_field
from .options import FORMATS, ExportError, ExportOptions, ExportResult, slug
from .package import export_package
from .quality import check_quality, quality_pass

__all__ = [
    "DEFAULT_CRS",
    "FORMATS",
    "WGS84",
    "CrsChoice",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "check_quality",
    "choose_crs",
    "export_package",
    "feature_id_field",
    "quality_pass",
    "slug",
    "target_crs",
]
