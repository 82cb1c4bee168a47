"""Freshness read from real QGIS layers: which layers changed since they were published, and how.

Publication is stood in for by what it leaves behind (the record kept on the layer, a journal
entry with the fingerprint); the real publication path is tested in tests/integration.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from plugin.gui.publications_dock import PublicationsDock
from plugin.publishers.freshness import (
    CHANGED,
    MOVED,
    NEVER,
    UNVERIFIABLE,
    UNVERIFIABLE_DATA,
    UP_TO_DATE,
    WITHDRAWN,
)
from plugin.publishers.journal import Journal
from plugin.qgis.algorithms.publishproject_algorithm import PublishProjectAlgorithm
from plugin.qgis.freshness import fingerprint, project_states, resource_id, source_location
from plugin.qgis.layer_metadata import save_record
from plugin.qgis.layer_reader import prefill
from plugin.qgis.publication import mark_withdrawn, mirror_journal, remember_publication
from tests.datasets import points_gpkg
from tests.dialog_helpers import french_ui


def published(layer: QgsVectorLayer, journal: Journal, destination: str = "catalogue") -> None:
    """What a successful publication leaves: the record on the layer, the journal entry."""
    record = prefill(layer).record
    save_record(layer, record)
    journal.record(
        resource_id(layer),
        destination,
        remote_id=record.file_identifier,
        url=f"http://csw/{record.file_identifier}",
        fingerprint=fingerprint(layer).to_json(),
    )
    remember_publication(layer, journal, record)


@pytest.fixture()
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.json")


@pytest.fixture()
def two_tables(tmp_path: Path) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """Two tables of one GeoPackage, each a layer."""
    path = points_gpkg(tmp_path / "communes.gpkg", 20, layer="arbres")
    other = points_gpkg(tmp_path / "tmp.gpkg", 5, layer="bancs")
    subprocess.run(["ogr2ogr", "-q", "-update", str(path), str(other), "bancs"], check=True)
    layers = tuple(
        QgsVectorLayer(f"{path}|layername={name}", name, "ogr") for name in ("arbres", "bancs")
    )
    assert all(layer.isValid() for layer in layers)
    return layers


def states(layers, journal: Journal) -> dict[str, tuple[str, list[str]]]:
    found = project_states(list(layers), journal)
    return {layer.name(): (found[layer.id()].code, found[layer.id()].changed) for layer in layers}


def test_a_layer_never_described_is_never_published(two_tables, journal: Journal) -> None:
    assert states(two_tables, journal) == {"arbres": (NEVER, []), "bancs": (NEVER, [])}


def test_editing_one_table_flags_that_table_only(two_tables, journal: Journal) -> None:
    arbres, bancs = two_tables
    published(arbres, journal)
    published(bancs, journal)
    assert states(two_tables, journal) == {"arbres": (UP_TO_DATE, []), "bancs": (UP_TO_DATE, [])}
    time.sleep(1.1)  # GeoPackage last_change has a resolution of a second or more
    arbres.startEditing()
    feature = QgsFeature(arbres.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700001, 6600001)))
    assert arbres.addFeature(feature)
    assert arbres.commitChanges()
    assert states(two_tables, journal) == {"arbres": (CHANGED, ["data"]), "bancs": (UP_TO_DATE, [])}


def test_metadata_edits_count_from_the_form_and_from_qgis_editor(two_tables, journal) -> None:
    arbres, bancs = two_tables
    published(arbres, journal)
    published(bancs, journal)
    record = prefill(arbres).record
    record.abstract = "Arbres d'alignement, inventaire 2026."
    save_record(arbres, record)  # what the dialog does on an edit
    metadata = bancs.metadata()
    metadata.setAbstract("Bancs publics (édité dans QGIS)")
    bancs.setMetadata(metadata)  # QGIS's own metadata editor
    assert states(two_tables, journal) == {
        "arbres": (CHANGED, ["metadata"]),
        "bancs": (CHANGED, ["metadata"]),
    }


def test_a_new_style_is_a_change_and_withdrawal_is_remembered(two_tables, journal) -> None:
    arbres, bancs = two_tables
    published(arbres, journal)
    published(bancs, journal)
    arbres.setOpacity(0.5)
    journal.clear(resource_id(bancs))
    mirror_journal(bancs, journal, resource_id(bancs))
    mark_withdrawn(bancs)
    found = project_states(list(two_tables), journal)
    assert (found[arbres.id()].code, found[arbres.id()].changed) == (CHANGED, ["style"])
    assert found[bancs.id()].code == WITHDRAWN and found[bancs.id()].withdrawn_at


def test_republication_clears_withdrawal_and_the_project_copy_is_read(two_tables, tmp_path):
    arbres, _ = two_tables
    first = Journal(tmp_path / "a.json")
    mark_withdrawn(arbres)
    published(arbres, first)
    # Another profile (empty journal) reads the journal copy kept with the layer.
    found = project_states([arbres], Journal(tmp_path / "other-profile.json"))[arbres.id()]
    assert found.code == UP_TO_DATE
    assert found.destinations[0].url.startswith("http://csw/")


def test_geopackage_data_part_comes_from_its_bookkeeping(two_tables) -> None:
    arbres, _ = two_tables
    before = fingerprint(arbres).data
    path = arbres.source().split("|")[0]
    with sqlite3.connect(path) as database:
        database.execute(
            "UPDATE gpkg_ogr_contents SET feature_count = 999 WHERE table_name = 'arbres'"
        )
    assert fingerprint(arbres).data != before


def test_a_moved_file_is_matched_by_its_identifier(two_tables, journal: Journal, tmp_path) -> None:
    """The journal entry follows the record kept on the layer, not the path: a GeoPackage moved
    elsewhere (same content) still finds its publication (same ids), shown as « source moved »
    with both paths, so that the user is asked before republishing; the data part is the
    same (the table did not change)."""
    arbres, _ = two_tables
    published(arbres, journal)
    rid = resource_id(arbres)
    old = Path(arbres.source().split("|")[0])
    moved = tmp_path / "archive" / "communes_2026.gpkg"
    moved.parent.mkdir()
    old.rename(moved)
    arbres.setDataSource(f"{moved}|layername=arbres", "arbres", "ogr")
    assert arbres.isValid()
    assert resource_id(arbres) == rid
    found = project_states([arbres], journal)[arbres.id()]
    assert (found.code, found.destinations[0].remote_id) == (
        MOVED,
        prefill(arbres).record.file_identifier,
    )
    assert (found.moved_from, found.source) == (
        f"{old}|layername=arbres",
        f"{moved}|layername=arbres",
    )
    assert found.changed == []
    # The same file opened afresh (a nightly export in a new folder, with its record) has no
    # former source of its own: it updates the publication its identifier names, unasked.
    fresh = QgsVectorLayer(f"{moved}|layername=arbres", "arbres", "ogr")
    save_record(fresh, prefill(arbres).record)
    assert project_states([fresh], journal)[fresh.id()].code != MOVED


def test_a_renamed_shapefile_is_the_same_data(rivers_shapefile: Path, tmp_path: Path) -> None:
    """A Shapefile renamed with its sidecar files (what a file manager or QGIS's browser does)
    holds the same data: only its source moved. Editing it is still a change."""
    before = fingerprint(QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")).data
    renamed = tmp_path / "archive" / "rivieres_2026"
    renamed.parent.mkdir()
    for part in rivers_shapefile.parent.glob("cours_eau.*"):
        part.rename(renamed.with_suffix(part.suffix))
    layer = QgsVectorLayer(str(renamed.with_suffix(".shp")), "rivieres", "ogr")
    assert layer.isValid() and fingerprint(layer).data == before
    assert layer.startEditing() and layer.deleteFeature(next(layer.getFeatures()).id())
    assert layer.commitChanges()
    assert fingerprint(layer).data != before


def test_source_location_is_relative_to_the_project_folder(two_tables, tmp_path) -> None:
    """A file inside the project's folder is named from there (a project copied with its data
    elsewhere has not moved); outside it, by its absolute path."""
    arbres, _ = two_tables
    path = Path(arbres.source().split("|")[0])
    assert source_location(arbres, home=str(path.parent)) == f"./{path.name}|layername=arbres"
    assert source_location(arbres, home=str(tmp_path / "ailleurs")) == f"{path}|layername=arbres"
    assert source_location(arbres) == f"{path}|layername=arbres"  # in no project
    project = QgsProject()
    project.setFileName(str(path.parent / "commune.qgz"))
    project.addMapLayer(arbres, False)
    assert source_location(arbres) == f"./{path.name}|layername=arbres"
    project.takeMapLayer(arbres)


def test_web_service_layers_are_not_verifiable_and_say_why(
    journal: Journal, qgis_iface, tmp_path: Path
) -> None:
    """A WFS or WMS layer's data cannot be told without downloading it: « Not verifiable », with
    the reason in the tooltip; its metadata or style changes still show."""
    wfs = QgsVectorLayer(
        "url='http://127.0.0.1:9/wfs' typename='sig:haies' version='2.0.0'", "haies", "WFS"
    )
    wms = QgsRasterLayer(
        "crs=EPSG:2154&format=image/png&layers=ortho&styles=&url=http://127.0.0.1:9/wms",
        "ortho",
        "wms",
    )
    for layer in (wfs, wms):
        assert fingerprint(layer).data == UNVERIFIABLE_DATA
        published(layer, journal)
    assert states((wfs, wms), journal) == {"haies": (UNVERIFIABLE, []), "ortho": (UNVERIFIABLE, [])}
    french_ui()
    found = project_states([wfs], journal)[wfs.id()]
    dock = PublicationsDock()
    assert dock.state_text(found) == "Non vérifiable"
    assert "Republier renvoie ses données" in dock._state_tip(found, "")
    dock.release()
    # A scheduled « changed layers » run leaves it, saying why.
    skipped = PublishProjectAlgorithm()._one(wfs, found, "changed", [], journal, tmp_path, None)
    assert (skipped.status, skipped.code) == ("skipped", "unverifiable")
    assert "Non vérifiable" in skipped.reason_fr
    record = prefill(wfs).record
    record.abstract = "Haies bocagères relevées en 2026."
    save_record(wfs, record)
    assert states((wfs,), journal) == {"haies": (CHANGED, ["metadata"])}
