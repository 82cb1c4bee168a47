"""One publication — real pycsw, real qgis_mapserver, real udata — and the record and the dataset
both point to the WMS and WFS of the layer: read back from pycsw with OWSLib as QGIS's MetaSearch
reads it (its own link types decide whether « Add WMS/WFS » is offered) and from udata's API,
and each link answers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import requests

from tests.integration.test_qgis_server import PROFILE, red_points
from tests.portal_setup import connections_file

pytestmark = pytest.mark.integration
WMS, WFS = "OGC:WMS", "OGC:WFS"
VIEW = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/view"
DOWNLOAD = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/download"


@pytest.fixture()
def connections(tmp_path: Path, pycsw_server, udata_server, qgis_server, monkeypatch) -> Path:
    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    extra = (qgis_server.connection("Serveur carto (liens)"),)
    return connections_file(tmp_path, pycsw_server, udata_server, extra)


def metasearch_services(csw, identifier: str) -> dict[str, str]:
    """What QGIS MetaSearch offers to add for a record: it asks the catalogue for Dublin Core
    and compares each link's protocol with its own link types (MetaSearch/link_types.py, read
    from the installed QGIS)."""
    from owslib.fes import PropertyIsEqualTo
    from qgis.core import QgsApplication

    path = Path(QgsApplication.pkgDataPath()) / "python/plugins/MetaSearch/link_types.py"
    spec = importlib.util.spec_from_file_location("metasearch_link_types", path)
    types = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(types)
    csw.getrecords2([PropertyIsEqualTo("dc:identifier", identifier)], esn="full")
    dublin_core = csw.records[identifier]
    kinds = {"wms": types.WMSWMST_LINK_TYPES, "wfs": types.WFS_LINK_TYPES}
    found = {}
    for link in dublin_core.uris + dublin_core.references:
        protocol = (link.get("scheme") or link.get("protocol") or "").upper()
        for kind, names in kinds.items():
            if protocol in {n.upper() for n in names}:
                found[kind] = link["url"]
    return found


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
    online = {o.url: o for o in record.distribution.online}
    wms, wfs = online[result["WMS_URL"]], online[result["WFS_URL"]]
    assert (wms.name, wms.function, wms.protocol) == (name, "information", WMS)
    assert (wfs.name, wfs.function, wfs.protocol) == (name, "download", WFS)
    assert metasearch_services(csw, result["CATALOGUE_RECORD_ID"]) == {
        "wms": result["WMS_URL"],
        "wfs": result["WFS_URL"],
    }
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
        assert f"<gco:CharacterString>{protocol}</gco:CharacterString>" in xml
        assert f'<gmx:Anchor xlink:href="{profile}">' in xml

    dataset = requests.get(
        f"{udata_server.api_url}/datasets/{result['PORTAL_DATASET_ID']}/", timeout=30
    ).json()
    remote = {r["format"]: r["url"] for r in dataset["resources"] if r["filetype"] == "remote"}
    assert remote["wms"] == result["WMS_URL"] and remote["wfs"] == result["WFS_URL"]
    for url in (result["WMS_URL"], result["WFS_URL"]):
        answer = requests.get(url, timeout=30)
        assert answer.status_code == 200 and name in answer.text
