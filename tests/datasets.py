"""Test data made on the fly with GDAL/OGR (no QGIS needed): small and large sample layers."""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path


def points_csv(path: Path, count: int) -> Path:
    """A CSV of `count` points on a square 10 m grid in Lambert-93 (x, y, id, name)."""
    side = max(1, math.ceil(math.sqrt(count)))
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,x,y,nom\n")
        for i in range(count):
            handle.write(f"{i},{700000 + (i % side) * 10},{6600000 + (i // side) * 10},pt{i}\n")
    return path


def points_gpkg(path: Path, count: int, layer: str = "points") -> Path:
    """A GeoPackage point layer (EPSG:2154) of `count` features, built by ogr2ogr."""
    csv_path = points_csv(path.with_suffix(".csv"), count)
    subprocess.run(
        [
            "ogr2ogr",
            "-q",
            "-f",
            "GPKG",
            str(path),
            str(csv_path),
            "-nln",
            layer,
            "-oo",
            "X_POSSIBLE_NAMES=x",
            "-oo",
            "Y_POSSIBLE_NAMES=y",
            "-oo",
            "AUTODETECT_TYPE=YES",
            "-a_srs",
            "EPSG:2154",
            "-gt",
            "65536",
        ],
        check=True,
    )
    csv_path.unlink()
    return path


def portal_files(folder: Path, version: int) -> list[Path]:
    """A CSV and a GeoJSON (large enough to be chunked) whose content depends on `version`."""
    folder.mkdir(parents=True, exist_ok=True)
    csv = folder / "haies.csv"
    csv.write_text(
        f"id,nom,longueur_m\n1,Haie du Bourg,120\n2,Haie des Prés,{85 + version}\n",
        encoding="utf-8",
    )
    features = [
        {
            "type": "Feature",
            "properties": {"id": i, "v": version},
            "geometry": {"type": "Point", "coordinates": [-1.5, 47.2]},
        }
        for i in range(60)
    ]
    geojson = folder / "haies.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return [csv, geojson]


def fill_inspire(record, title: str = ""):
    """What a technician adds to a pre-filled record so it meets every INSPIRE requirement
    (a plugin.core.model.Record, changed in place and returned)."""
    from plugin.core.model import Conformity, ResponsibleParty

    commune = ResponsibleParty(
        organisation="Commune de Saint-Exemple", email="sig@saint-exemple.fr", role="custodian"
    )
    if title:
        record.title = title
    record.abstract = (
        f"{record.title} : objets relevés par le service SIG de Saint-Exemple en 2026."
    )
    record.inspire_themes, record.topic_categories = ["lu"], ["planningCadastre"]
    record.lineage = "Relevé sur le terrain par le service SIG en 2026."
    record.licence, record.creation_date = "lov2", "2026-01-15"
    record.responsible_parties = [commune]
    record.metadata_contacts = [
        ResponsibleParty(organisation=commune.organisation, email=commune.email)
    ]
    record.access_limitations = ["noLimitations"]
    record.conformities = [Conformity(degree=False, explanation="Non évaluée.")]
    return record
