"""geopublier:publish to a real QGIS Server (Debian's qgis_mapserver on 127.0.0.1).

What a user of the service sees: GetCapabilities with our title and abstract, a styled map,
every feature with its attributes over WFS, an edit visible after republishing, a withdrawn
layer gone while another layer of the same folder still answers; OWSLib's WebMapService and
QGIS's own WMS provider read the service.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from qgis.core import (
    QgsProject,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from sandbox.qgis_server import QgisMapServer

pytestmark = pytest.mark.integration
SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "resources/sample"
    / "bornes_recharge_saint_exemple.geojson"
)
RED = (215, 25, 28)
PROFILE = SAMPLE.parent / "profil_organisme.json"


@pytest.fixture()
def files(tmp_path: Path, qgis_server: QgisMapServer) -> dict[str, Path]:
    connections = tmp_path / "connexions.json"
    lizmap = {
        "name": "Dépôt Lizmap",
        "type": "qgisserver",
        "url": "https://lizmap.exemple.fr/index.php/lizmap/service",
        "options": {
            "folder": str(tmp_path / "depot-lizmap"),
            "url_template": "https://lizmap.exemple.fr/index.php/lizmap/service?project={name}",
            "lizmap": True,
        },
    }
    (tmp_path / "depot-lizmap").mkdir()
    items = [qgis_server.connection("Serveur carto"), lizmap]
    connections.write_text(json.dumps({"connections": items}), encoding="utf-8")
    return {"CONNECTIONS": connections, "PROFILE": PROFILE}


def red_points(tmp_path: Path, name: str = "bornes", other: str = "") -> QgsVectorLayer:
    """The sample charging stations as a GeoPackage, drawn as big red dots, in the project;
    ``other``: a second dataset (another identifier and title) made from the same sample."""
    source = QgsVectorLayer(str(SAMPLE), name, "ogr")
    copy = tmp_path / f"{name}.gpkg"
    from qgis.core import QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(
        source, str(copy), QgsProject.instance().transformContext(), options
    )
    qmd = SAMPLE.with_suffix(".qmd").read_text(encoding="utf-8")
    if other:
        qmd = qmd.replace("/id/bornes-recharge<", f"/id/bornes-recharge-{other}<")
        qmd = qmd.replace("<title>Bornes de recharge", f"<title>{other.title()} : bornes")
    copy.with_suffix(".qmd").write_text(qmd, encoding="utf-8")
    layer = QgsVectorLayer(str(copy), name, "ogr")
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(*RED))
    symbol.setSize(8)
    symbol.symbolLayer(0).setStrokeColor(QColor(*RED))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setFieldAlias(layer.fields().indexOf("nom_station"), "Nom de la station")
    QgsProject.instance().addMapLayer(layer)
    return layer


def publish(
    layer: QgsVectorLayer, files: dict[str, Path], tmp_path: Path, server: str = "Serveur carto"
) -> dict:
    import processing

    return processing.run(
        "geopublier:publish",
        {
            "INPUT": layer.id(),
            "MAP_SERVER": server,
            "CONNECTIONS": str(files["CONNECTIONS"]),
            "PROFILE": str(files["PROFILE"]),
            "REPORT": str(tmp_path / "rapport.json"),
        },
    )


def ows(url: str, **params: str) -> requests.Response:
    answer = requests.get(url, params=params, timeout=30)
    answer.raise_for_status()
    return answer


def base(result: dict) -> str:
    return result["WMS_URL"].split("&SERVICE=")[0]


def features(result: dict) -> list[dict]:
    answer = ows(
        base(result),
        SERVICE="WFS",
        VERSION="1.1.0",
        REQUEST="GetFeature",
        TYPENAME=result["MAP_LAYER_NAME"],
        OUTPUTFORMAT="application/json",
    )
    return answer.json()["features"]


def get_map(result: dict, size: int = 256) -> QImage:
    answer = ows(
        base(result),
        SERVICE="WMS",
        VERSION="1.3.0",
        REQUEST="GetMap",
        LAYERS=result["MAP_LAYER_NAME"],
        STYLES="",
        CRS="EPSG:4326",
        BBOX="47.205,-1.575,47.235,-1.525",
        WIDTH=str(size),
        HEIGHT=str(size),
        FORMAT="image/png",
        TRANSPARENT="true",
    )
    assert answer.headers["Content-Type"].startswith("image/png")
    return QImage.fromData(answer.content, "PNG")


def colours(image: QImage) -> dict[tuple[int, int, int], int]:
    counts: dict[tuple[int, int, int], int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200:
                key = (pixel.red(), pixel.green(), pixel.blue())
                counts[key] = counts.get(key, 0) + 1
    return counts


def test_publish_serves_the_styled_layer_with_our_metadata(
    provider, files, qgis_server: QgisMapServer, tmp_path: Path
) -> None:
    layer = red_points(tmp_path)
    result = publish(layer, files, tmp_path)
    name = result["MAP_LAYER_NAME"]
    # 60 characters at most, cut between two words (not « …_saint_exemp »).
    assert name == "bornes_de_recharge_pour_vehicules_electriques_de_saint"
    assert (qgis_server.folder / f"{name}.qgs").is_file()

    wms = ows(result["WMS_URL"], VERSION="1.3.0").text
    assert 'version="1.3.0"' in wms
    assert f"<Name>{name}</Name>" in wms
    assert "<Title>Bornes de recharge" in wms
    assert "Commune de Saint-Exemple" in wms and "Licence Ouverte" in wms
    assert "EPSG:2154" in wms
    wfs = ows(result["WFS_URL"]).text
    assert f"<Name>{name}</Name>" in wfs and "Bornes de recharge" in wfs

    image = get_map(result)
    counts = colours(image)
    assert sum(counts.values()) > 100, "the map is blank"
    assert max(counts, key=counts.get) == RED, f"not the layer's colour: {counts}"

    served = features(result)
    source = list(layer.getFeatures())
    assert len(served) == len(source) == layer.featureCount()
    stations = sorted(f["properties"]["nom_station"] for f in served)
    assert stations == sorted(f["nom_station"] for f in source)
    assert {"id_borne", "nb_points", "puissance", "gratuit"} <= set(served[0]["properties"])

    info = ows(
        base(result),
        SERVICE="WMS",
        VERSION="1.3.0",
        REQUEST="GetFeatureInfo",
        LAYERS=name,
        QUERY_LAYERS=name,
        CRS="EPSG:4326",
        BBOX="47.2073,-1.5636,47.2273,-1.5436",  # centred on the first station
        WIDTH="101",
        HEIGHT="101",
        I="50",
        J="50",
        INFO_FORMAT="text/plain",
        FI_POINT_TOLERANCE="20",
    ).text
    assert "Nom de la station = 'Place de la Mairie'" in info  # the field's alias

    report = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    step = report["steps"][0]
    assert step["role"] == "mapserver" and step["action"] == "created"
    protocols = [r["protocol"] for r in step["details"]["online_resources"]]
    assert protocols == ["OGC:WMS", "OGC:WFS"]
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert result["WMS_URL"].replace("&", "&amp;") in html


def test_wfs_2_0_0_request_is_answered_by_the_version_qgis_server_offers(
    provider, files, qgis_server: QgisMapServer, tmp_path: Path
) -> None:
    """QGIS Server 3.22 implements WFS 1.0.0 and 1.1.0 (and OGC API Features), not 2.0.0: a
    client asking for 2.0.0 gets the 1.1.0 capabilities, which list the layer."""
    result = publish(red_points(tmp_path), files, tmp_path)
    text = ows(base(result), SERVICE="WFS", REQUEST="GetCapabilities", VERSION="2.0.0").text
    assert 'version="1.1.0"' in text and result["MAP_LAYER_NAME"] in text


def test_republish_shows_the_edit_and_withdraw_leaves_other_layers(
    provider, files, qgis_server: QgisMapServer, tmp_path: Path
) -> None:
    from plugin.publishers.connections import load_connections
    from plugin.qgis.destinations import journal
    from plugin.qgis.layer_metadata import stored_record
    from plugin.qgis.publication import unpublish

    other_dir = tmp_path / "autre"
    other_dir.mkdir()
    first_layer = red_points(tmp_path)
    first = publish(first_layer, files, tmp_path)

    second_layer = red_points(other_dir, "stations", other="copie")
    second = publish(second_layer, files, other_dir)
    assert second["MAP_LAYER_NAME"] != first["MAP_LAYER_NAME"]

    first_layer.startEditing()
    feature = next(first_layer.getFeatures())
    first_layer.changeAttributeValue(
        feature.id(), first_layer.fields().indexOf("nom_station"), "Place de la Mairie (rénovée)"
    )
    assert first_layer.commitChanges()
    again = publish(first_layer, files, tmp_path)
    assert again["MAP_LAYER_NAME"] == first["MAP_LAYER_NAME"]
    report = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert report["steps"][0]["action"] == "updated"
    names = [f["properties"]["nom_station"] for f in features(again)]
    assert "Place de la Mairie (rénovée)" in names

    connection = load_connections(files["CONNECTIONS"])[0]
    unpublish(stored_record(first_layer), connection, journal())
    assert not list(qgis_server.folder.glob(f"{first['MAP_LAYER_NAME']}.*"))
    gone = requests.get(first["WMS_URL"], timeout=30)
    assert first["MAP_LAYER_NAME"] not in gone.text
    assert len(features(second)) == second_layer.featureCount()


def test_owslib_and_the_qgis_wms_provider_read_the_service(
    provider, files, qgis_server: QgisMapServer, tmp_path: Path
) -> None:
    from owslib.wms import WebMapService

    result = publish(red_points(tmp_path), files, tmp_path)
    name = result["MAP_LAYER_NAME"]
    wms = WebMapService(base(result), version="1.3.0", timeout=30)
    assert name in wms.contents
    assert wms.contents[name].title.startswith("Bornes de recharge")
    assert wms.identification.title.startswith("Bornes de recharge")
    image = wms.getmap(
        layers=[name],
        srs="EPSG:4326",
        bbox=(47.205, -1.575, 47.235, -1.525),
        size=(128, 128),
        format="image/png",
        transparent=True,
    )
    assert QImage.fromData(image.read(), "PNG").width() == 128

    uri = f"url={base(result)}&layers={name}&styles=&format=image/png&crs=EPSG:2154"
    loaded = QgsRasterLayer(uri, "WMS", "wms")
    assert loaded.isValid(), loaded.error().summary()
    assert loaded.crs().authid() == "EPSG:2154"
    assert not loaded.extent().isEmpty()


def test_lizmap_repository_gets_the_minimal_configuration(provider, files, tmp_path: Path) -> None:
    result = publish(red_points(tmp_path), files, tmp_path, server="Dépôt Lizmap")
    name = result["MAP_LAYER_NAME"]
    folder = tmp_path / "depot-lizmap"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}{suffix}" for suffix in (".geopublier.json", ".gpkg", ".qgs", ".qgs.cfg")
    )
    config = json.loads((folder / f"{name}.qgs.cfg").read_text(encoding="utf-8"))
    ((title, layer),) = config["layers"].items()
    assert title.startswith("Bornes de recharge") and layer["geometryType"] == "point"
    assert layer["id"] in (folder / f"{name}.qgs").read_text(encoding="utf-8")
    assert config["options"]["projection"]["ref"] == "EPSG:4326"
    west, south, east, north = (float(v) for v in config["options"]["bbox"])
    assert west < -1.55 < east and south < 47.21 < north
    assert result["WMS_URL"].startswith(
        f"https://lizmap.exemple.fr/index.php/lizmap/service?project={name}&SERVICE=WMS"
    )


def test_republish_with_only_the_abstract_edited_keeps_the_served_geopackage(
    provider, files, qgis_server: QgisMapServer, tmp_path: Path
) -> None:
    """The data did not change: the project (metadata, style) is rewritten, the GeoPackage the
    server reads is the same file (same inode, same modification time); after a data edit it
    is written again and the service shows the edit."""
    from plugin.qgis.layer_metadata import save_record, stored_record

    layer = red_points(tmp_path)
    first = publish(layer, files, tmp_path)
    gpkg = qgis_server.folder / f"{first['MAP_LAYER_NAME']}.gpkg"
    before = gpkg.stat()

    record = stored_record(layer)
    record.abstract += " Résumé revu : bornes vérifiées sur le terrain."
    save_record(layer, record)
    again = publish(layer, files, tmp_path)
    assert again["MAP_LAYER_NAME"] == first["MAP_LAYER_NAME"]
    step = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["action"] == "updated" and step["details"]["data_kept"] is True
    after = gpkg.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert "bornes vérifiées sur le terrain" in ows(again["WMS_URL"], VERSION="1.3.0").text
    assert len(features(again)) == layer.featureCount()  # the kept file is still served

    layer.startEditing()
    feature = next(layer.getFeatures())
    index = layer.fields().indexOf("nom_station")
    layer.changeAttributeValue(feature.id(), index, "Borne du marché (déplacée)")
    assert layer.commitChanges()
    edited = publish(layer, files, tmp_path)
    step = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["details"]["data_kept"] is False
    assert gpkg.stat().st_ino != before.st_ino  # a new file replaced the old one
    names = [f["properties"]["nom_station"] for f in features(edited)]
    assert "Borne du marché (déplacée)" in names
