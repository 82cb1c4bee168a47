"""Fixtures shared by every test folder (no QGIS import here: the unit tests run without it)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_package  # noqa: E402

from tests.ports import closed_port  # noqa: E402


@pytest.fixture()
def refused_port() -> Iterator[int]:
    """A 127.0.0.1 port that refuses connections, held for the whole test (see closed_port)."""
    with closed_port() as port:
        yield port


@pytest.fixture(scope="session")
def packaged_plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin zip built as `make package` builds it, unpacked into a fresh plugin folder."""
    archive = build_package.build(tmp_path_factory.mktemp("dist"))
    plugins_dir = tmp_path_factory.mktemp("plugins")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(plugins_dir)
    return plugins_dir


QMD = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża">
  <identifier>https://data.exemple-agglo.fr/id/cours-d-eau</identifier>
  <parentidentifier></parentidentifier>
  <language>fre</language>
  <type>dataset</type>
  <title>Cours d'eau de l'agglomération d'Exemple</title>
  <abstract>Tracé des cours d'eau &amp; fossés relevés en 2023 — « données » test.</abstract>
  <keywords vocabulary="GEMET - INSPIRE themes, version 1.0">
    <keyword>Hydrographie</keyword></keywords>
  <keywords vocabulary="gmd:topicCategory"><keyword>Inland Waters</keyword></keywords>
  <keywords vocabulary=""><keyword>rivières</keyword><keyword>eau</keyword></keywords>
  <contact>
    <name>Service SIG</name><organization>Agglomération d'Exemple</organization><position/>
    <voice>01 23 45 67 89</voice><fax/><email>sig@exemple-agglo.fr</email><role>Custodian</role>
  </contact>
  <links/>
  <fees></fees>
  <constraints type="Limitations on public access">Pas de restriction d'accès public</constraints>
  <rights>Mention : Agglomération d'Exemple, 2023</rights>
  <license>https://www.etalab.gouv.fr/licence-ouverte-open-licence</license>
  <history>Numérisation au 1:5000 sur la BD ORTHO 2021.</history>
  <encoding></encoding>
  <crs><spatialrefsys><authid>EPSG:2154</authid></spatialrefsys></crs>
  <extent/>
</qgis>
"""


def ogr(*args: str) -> None:
    subprocess.run(["ogr2ogr", "-q", *args], check=True)


@pytest.fixture()
def rivers_shapefile(tmp_path: Path) -> Path:
    """A small line shapefile (UTF-8, accented field) with a .qmd sidecar written by a user."""
    csv = tmp_path / "cours_eau.csv"
    csv.write_text(
        'WKT,nom,débit\n"LINESTRING(650000 6860000,651000 6861000)",Seine,1.5\n'
        '"LINESTRING(652000 6862000,653000 6860500)",Marne,0.8\n',
        encoding="utf-8",
    )
    shp = tmp_path / "cours_eau.shp"
    ogr(
        "-f",
        "ESRI Shapefile",
        str(shp),
        str(csv),
        "-a_srs",
        "EPSG:2154",
        "-lco",
        "ENCODING=UTF-8",
        "-nlt",
        "LINESTRING",
    )
    shp.with_suffix(".qmd").write_text(QMD, encoding="utf-8")
    return shp


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """GeoPublier's Processing provider registered for a test module, removed afterwards."""
    from qgis.core import QgsApplication

    from plugin.qgis.processing_provider import GeoPublierProvider

    registry = QgsApplication.processingRegistry()
    provider = GeoPublierProvider()
    assert registry.addProvider(provider), "another geopublier provider was left registered"
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(autouse=True, scope="session")
def _release_qt_objects_before_qgis_exits(request: pytest.FixtureRequest):
    """Delete the dialogs and tasks the tests made while QGIS still runs.

    pytest-qgis calls exitQgis() when the session ends; a widget or task Python still holds
    would then be destroyed at interpreter exit, after QGIS, and crash the process (a
    segmentation fault once every test has passed). Runs only where pytest-qgis is active.
    """
    if not request.config.pluginmanager.hasplugin("pytest_qgis"):
        yield
        return
    request.getfixturevalue("qgis_app")
    yield
    from qgis_exit import release_before_exit

    release_before_exit()
