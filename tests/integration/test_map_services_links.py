"""One publication — real pycsw, real qgis_mapserver, real udata — and the record and the dataset
both point to the WMS and WFS of the layer: read back from pycsw with OWSLib (as QGIS's
MetaSearch reads it) and from udata's API, and each link answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from tests.integration.test_qgis_server import PROFILE, red_points

pytestmark = pytest.mark.integration
WMS = "http://www.opengis.net/def/serviceType/ogc/wms"
WFS = "http://www.opengis.net/def/serviceType/ogc/wfs"
VIEW = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/view"
DOWNLOAD = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/download"


@pytest.fixture()
def connections(tmp_path: Path, pycsw_server, udata_server, qgis_server, monkeypatch) -> Path:
    monkeypatch.setenv("GP_LINKS_UDATA_KEY", udata_server.api_key)
    path = tmp_path / "connexions.json"
    items = [
        {"name": "Catalogue", "type": "csw", "url": pycsw_server.url},
        qgis_server.connection("Serveur carto (liens)"),
        {
            "name": "Portail",
            "type": "udata",
            "url": udata_server.url,
            "api_key_env": "GP_LINKS_UDATA_KEY",
            "options": {"organization": udata_server.organization_id},
        },
    ]
    path.write_text(json.dumps({"connections": items}), encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", [0, 1], ids=["upload", "reference"])
def test_record_and_dataset_link_the_layer_services(
    provider, connections: Path, pycsw_server, udata_server, tmp_path: Path, mode: int
) -> None:
    import processing
    from owslib.csw import CatalogueServiceWeb

    layer = red_points(tmp_path, other=f"liens{mode}")
    result = processing.run(
        "geopublier:publish",
        {
            "INPUT": layer.id(),
            "CATALOGUE": "Catalogue",
            "MAP_SERVER": "Serveur carto (liens)",
            "PORTAL": "Portail",
            "MODE": mode,
            "CONNECTIONS": str(connections),
            "PROFILE": str(PROFILE),
            "PACKAGE_FOLDER": str(tmp_path / "paquets"),
            "REPORT": str(tmp_path / "rapport.json"),
        },
    )
    name = result["MAP_LAYER_NAME"]

    csw = CatalogueServiceWeb(pycsw_server.url, timeout=30)
    csw.getrecordbyid(
        [result["CATALOGUE_RECORD_ID"]], outputschema="http://www.isotc211.org/2005/gmd"
    )
    record = csw.records[result["CATALOGUE_RECORD_ID"]]
    # OWSLib 0.27 (Debian's, what MetaSearch uses) reads gmd:protocol only as CharacterString:
    # the INSPIRE protocol, written as gmx:Anchor, is checked in the XML below.
    online = {o.url: o for o in record.distribution.online}
    wms, wfs = online[result["WMS_URL"]], online[result["WFS_URL"]]
    assert wms.name == name and wms.function == "information"
    assert wfs.name == name and wfs.function == "download"
    xml = requests.get(
        pycsw_server.url,
        params={
            "service": "CSW",
            "version": "2.0.2",
            "request": "GetRecordById",
            "id": result["CATALOGUE_RECORD_ID"],
            "outputSchema": "http://www.isotc211.org/2005/gmd",
            "elementSetName": "full",
        },
        timeout=30,
    ).text
    for protocol, profile in ((WMS, VIEW), (WFS, DOWNLOAD)):
        assert f'<gmx:Anchor xlink:href="{protocol}">' in xml
        assert f'<gmx:Anchor xlink:href="{profile}">' in xml

    dataset = requests.get(
        f"{udata_server.api_url}/datasets/{result['PORTAL_DATASET_ID']}/", timeout=30
    ).json()
    remote = {r["format"]: r["url"] for r in dataset["resources"] if r["filetype"] == "remote"}
    assert remote["wms"] == result["WMS_URL"] and remote["wfs"] == result["WFS_URL"]
    for url in (result["WMS_URL"], result["WFS_URL"]):
        answer = requests.get(url, timeout=30)
        assert answer.status_code == 200 and name in answer.text
