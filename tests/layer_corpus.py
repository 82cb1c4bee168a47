"""Real-world layers a local authority has, made with GDAL/OGR on the fly (recipes, not files).

Each builder writes its data into a folder and returns the QGIS source (URI, provider). They
reproduce what was met with layers not made for the tests: world data in WGS 84, a layer
crossing the antimeridian, an overseas CRS, a Latin-1 DBF without .cpg, a "fid" column with
duplicates, mixed single/multi geometries, empty geometries, 3D/M geometries, a multi-layer
GeoPackage, a raster, a layer of millions of points. No QGIS import here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from osgeo import gdal, ogr, osr

from tests.datasets import points_gpkg

Source = tuple[str, str]  # (QGIS data source, provider key)


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def write_layer(
    path: Path,
    driver: str,
    name: str,
    epsg: int,
    geometry_type: int,
    fields: list[tuple[str, int]],
    rows: list[tuple[Optional[str], list]],
    options: Optional[list[str]] = None,
) -> Path:
    """A layer of `rows` (WKT or None, values) written by OGR; appended to an existing file."""
    dataset = ogr.Open(str(path), 1) if path.exists() else None
    if dataset is None:
        dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = dataset.CreateLayer(name, _srs(epsg), geometry_type, options=options or [])
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for index, value in enumerate(values):
            if value is not None:
                feature.SetField(index, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    return path


def box(west: float, south: float, east: float, north: float) -> str:
    return f"POLYGON(({west} {south},{east} {south},{east} {north},{west} {north},{west} {south}))"


# Rough boxes of a few countries and Antarctica (the pole is what Lambert-93 cannot project).
COUNTRIES = [
    ("Antarctique", box(-180, -90, 180, -63)),
    ("France", box(-4.8, 42.3, 8.2, 51.1)),
    ("Brésil", box(-74, -34, -34.8, 5.3)),
    ("Canada", box(-141, 41.7, -52.6, 83.1)),
    ("Russie", box(27, 41, 180, 81.9)),
    ("Australie", box(113, -43.7, 153.7, -10.7)),
    ("Japon", box(129.4, 31, 145.6, 45.5)),
    ("Afrique du Sud", box(16.4, -34.8, 32.9, -22.1)),
]


def world_polygons(folder: Path) -> Source:
    """Countries (polygons, WGS 84) reaching both poles' latitudes and the antimeridian."""
    path = write_layer(
        folder / "pays_du_monde.gpkg",
        "GPKG",
        "pays",
        4326,
        ogr.wkbPolygon,
        [("nom", ogr.OFTString)],
        [(wkt, [name]) for name, wkt in COUNTRIES],
    )
    return f"{path}|layername=pays", "ogr"


def world_points(folder: Path) -> Source:
    """243 'cities' spread over the whole world (points, WGS 84)."""
    rows = []
    for i in range(243):
        lon, lat = -175 + (i % 27) * 13.3, -55 + (i // 27) * 14.5
        rows.append((f"POINT({lon:.4f} {lat:.4f})", [f"Ville {i}", 1000 * i]))
    path = write_layer(
        folder / "villes_du_monde.gpkg",
        "GPKG",
        "villes",
        4326,
        ogr.wkbPoint,
        [("nom", ogr.OFTString), ("population", ogr.OFTInteger)],
        rows,
    )
    return f"{path}|layername=villes", "ogr"


def antimeridian(folder: Path) -> Source:
    """Fiji's islands as GeoJSON: one polygon split at 180°, one beyond it (lon > 180)."""
    path = folder / "fidji.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":['
        '{"type":"Feature","properties":{"nom":"Vanua Levu"},"geometry":{"type":"MultiPolygon",'
        '"coordinates":[[[[178.5,-17],[180,-17],[180,-16],[178.5,-16],[178.5,-17]]],'
        "[[[-180,-17],[-179.5,-17],[-179.5,-16],[-180,-16],[-180,-17]]]]}},"
        '{"type":"Feature","properties":{"nom":"Lau"},"geometry":{"type":"Polygon",'
        '"coordinates":[[[179.5,-18.5],[181.2,-18.5],[181.2,-17.5],[179.5,-17.5],'
        "[179.5,-18.5]]]}}]}",
        encoding="utf-8",
    )
    return str(path), "ogr"


def overseas(folder: Path) -> Source:
    """Schools of La Réunion in WGS 84 / UTM zone 40S (a shapefile, UTF-8 .cpg)."""
    rows = [(f"POINT({335000 + 900 * i} {7660000 - 700 * i})", [f"École {i}"]) for i in range(40)]
    path = write_layer(
        folder / "ecoles_reunion.shp",
        "ESRI Shapefile",
        "ecoles_reunion",
        32740,
        ogr.wkbPoint,
        [("nom", ogr.OFTString)],
        rows,
        ["ENCODING=UTF-8"],
    )
    return str(path), "ogr"


LATIN1_NAMES = ["Forêt de Sénart", "Étang de la Gâtine", "Rue de l'Église", "Île-aux-Moines"]


def latin1_dbf(folder: Path) -> Source:
    """A shapefile whose DBF holds Latin-1 text and says nothing of it (no .cpg, no LDID)."""
    rows = [
        (f"POINT({650000 + 100 * i} {6860000 + 100 * i})", [name])
        for i, name in enumerate(LATIN1_NAMES)
    ]
    path = write_layer(
        folder / "lieux_dits.shp",
        "ESRI Shapefile",
        "lieux_dits",
        2154,
        ogr.wkbPoint,
        [("nom", ogr.OFTString)],
        rows,
        ["ENCODING=UTF-8"],
    )
    path.with_suffix(".cpg").unlink()  # the file forgets its encoding...
    dbf = bytearray(path.with_suffix(".dbf").read_bytes())
    dbf[29] = 0  # ... language driver id: none
    for name in LATIN1_NAMES:  # ... and holds Latin-1 bytes (DBF fields are space-padded)
        utf8, latin1 = name.encode("utf-8"), name.encode("latin-1")
        dbf = bytearray(dbf.replace(utf8, latin1 + b" " * (len(utf8) - len(latin1))))
    path.with_suffix(".dbf").write_bytes(bytes(dbf))
    return str(path), "ogr"


def duplicate_fid(folder: Path) -> Source:
    """A shapefile with its own "fid" column, whose values repeat (GeoPackage reserves fid)."""
    rows = [(f"POINT({650000 + 10 * i} {6860000})", [i % 3, f"Borne {i}"]) for i in range(12)]
    path = write_layer(
        folder / "bornes.shp",
        "ESRI Shapefile",
        "bornes",
        2154,
        ogr.wkbPoint,
        [("fid", ogr.OFTInteger), ("nom", ogr.OFTString)],
        rows,
        ["ENCODING=UTF-8"],
    )
    return str(path), "ogr"


def mixed_multi(folder: Path) -> Source:
    """Parcels as GeoJSON mixing Polygon and MultiPolygon features (Lambert-93 coordinates)."""
    rows = [
        (box(650000, 6860000, 650100, 6860100), ["A1"]),
        (
            "MULTIPOLYGON(((650200 6860000,650300 6860000,650300 6860100,650200 6860000)),"
            "((650400 6860000,650500 6860000,650500 6860100,650400 6860000)))",
            ["A2"],
        ),
        (box(650600, 6860000, 650700, 6860100), ["A3"]),
    ]
    path = write_layer(
        folder / "parcelles.gpkg",
        "GPKG",
        "parcelles",
        2154,
        ogr.wkbUnknown,
        [("numero", ogr.OFTString)],
        rows,
    )
    return f"{path}|layername=parcelles", "ogr"


def empty_geometries(folder: Path) -> Source:
    """Trees where some features have no geometry or an empty one."""
    rows = [
        ("POINT(650000 6860000)", ["Chêne"]),
        (None, ["Sans position"]),
        ("POINT EMPTY", ["Position vide"]),
        ("POINT(650010 6860010)", ["Tilleul"]),
    ]
    path = write_layer(
        folder / "arbres_incomplets.gpkg",
        "GPKG",
        "arbres",
        2154,
        ogr.wkbPoint,
        [("espece", ogr.OFTString)],
        rows,
    )
    return f"{path}|layername=arbres", "ogr"


def measured_3d(folder: Path) -> Source:
    """Pipes with altitude and measure (LineString ZM)."""
    rows = [
        (
            f"LINESTRING ZM ({650000 + i} 6860000 {100 + i} 0,{650100 + i} 6860050 {98 + i} 112)",
            [f"Canalisation {i}"],
        )
        for i in range(5)
    ]
    path = write_layer(
        folder / "canalisations.gpkg",
        "GPKG",
        "canalisations",
        2154,
        ogr.wkbLineStringZM,
        [("nom", ogr.OFTString)],
        rows,
    )
    return f"{path}|layername=canalisations", "ogr"


def multi_layer_gpkg(folder: Path) -> Source:
    """One GeoPackage holding three layers; the roads are published."""
    path = folder / "voirie.gpkg"
    for name, wkt in [
        ("communes", box(650000, 6860000, 660000, 6870000)),
        ("routes", "LINESTRING(650000 6860000,655000 6865000)"),
        ("carrefours", "POINT(655000 6865000)"),
    ]:
        kind = {"P": ogr.wkbPolygon, "L": ogr.wkbLineString}.get(wkt[0], ogr.wkbPoint)
        write_layer(path, "GPKG", name, 2154, kind, [("nom", ogr.OFTString)], [(wkt, [name])])
    return f"{path}|layername=routes", "ogr"


def dem_raster(folder: Path) -> Source:
    """A 600 × 400 elevation model, 5 m pixels, Lambert-93 (GeoTIFF, strips, uncompressed)."""
    path = folder / "mnt.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 600, 400, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((650000, 5, 0, 6860000, 0, -5))
    dataset.SetProjection(_srs(2154).ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.Fill(120.0)
    band.SetNoDataValue(-9999)
    dataset = None
    return str(path), "gdal"


def many_points(folder: Path, count: int) -> Source:
    """`count` points on a 10 m grid in Lambert-93, as a GeoPackage made by ogr2ogr."""
    return f"{points_gpkg(folder / 'points.gpkg', count)}|layername=points", "ogr"
