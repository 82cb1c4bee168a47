"""The real dialog, offscreen: pre-fill, checklist, edits kept with the layer, the project and a
crash-safe draft, XML import/export, connections and the export choices. Publication to real
servers is in tests/integration/test_dialog_publication.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from plugin.core.iso19139_reader import read
from plugin.core.iso19139_writer import write
from plugin.core.model import Record
from plugin.gui.main_dialog import MainDialog
from plugin.publishers.connections import load_connections
from plugin.qgis.layer_metadata import stored_record
from plugin.toolbelt.settings import Settings
from tests.datasets import points_gpkg
from tests.dialog_helpers import fill_missing_inspire_fields, french_ui, type_into, wait_for
from tests.ports import closed_port


@pytest.fixture()
def trees_layer(tmp_path: Path):
    """A GeoPackage of 30 trees, in the project (what a technician has open)."""
    french_ui()
    Settings().save()  # no organisation profile, no connection: a first start
    path = points_gpkg(tmp_path / "arbres.gpkg", 30)
    layer = QgsVectorLayer(f"{path}|layername=points", "Arbres d'alignement", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def dialog(trees_layer, qgis_iface):
    window = MainDialog(iface=qgis_iface)
    window.set_layer(trees_layer)
    window.show()
    yield window
    window.close()
    window.deleteLater()


def bar_texts(bar) -> list[str]:
    """What the dialog's message bar says."""
    return [item.text() for item in bar.items()]


def blocking(window) -> list[str]:
    return [i.code for i in window.describe.issues() if i.level == "error"]


def test_opens_prefilled_with_guessed_fields_marked(dialog) -> None:
    editors = dialog.describe.editors
    assert editors["title"].widget.text() == "Arbres d'alignement"
    assert "lu dans la couche" in dialog.describe.labels["title"].text()
    assert editors["reference_systems"].widget.crs().authid() == "EPSG:2154"
    box = [spin.value() for spin in editors["bboxes"].spins.values()]
    assert 2.9 < box[0] < box[1] < 3.2 and 46.4 < box[2] < box[3] < 46.6
    assert "30 objet(s)" in dialog.describe.facts.text()
    assert {"theme.missing", "abstract.missing", "lineage.missing"} <= set(blocking(dialog))
    assert not dialog.publisher.publishButton.isEnabled()
    assert "ne respecte pas encore INSPIRE" in dialog.publisher.blockers.text()


def test_filling_the_form_empties_the_checklist(dialog) -> None:
    summary = dialog.describe.checklist.summary
    assert "exigence(s) INSPIRE" in summary.text()
    fill_missing_inspire_fields(dialog)
    assert blocking(dialog) == []
    assert summary.text().startswith("✔ La fiche respecte toutes les exigences INSPIRE")
    assert "lu dans la couche" not in dialog.describe.labels["abstract"].text()
    # Still blocked, but only because no destination is chosen yet.
    assert "ne respecte pas" not in dialog.publisher.blockers.text()
    assert "au moins une destination" in dialog.publisher.blockers.text()


def test_clicking_a_checklist_item_goes_to_its_field(dialog) -> None:
    dialog.stepTabs.setCurrentIndex(0)
    items = dialog.describe.checklist.items
    row = next(
        i for i in range(items.count()) if items.item(i).data(Qt.UserRole) == "inspire_themes"
    )
    items.itemClicked.emit(items.item(row))
    theme_search = dialog.describe.editors["inspire_themes"].search
    assert theme_search.hasFocus() or dialog.focusWidget() is theme_search


def test_edits_are_kept_on_the_layer_through_close_reopen_and_project_reload(
    dialog, trees_layer, qgis_iface, tmp_path: Path
) -> None:
    type_into(dialog.describe.editors["title"].widget, "Arbres d'alignement de Saint-Exemple")
    dialog.close()  # closing saves at once, no need to wait for the timer
    assert stored_record(trees_layer).title == "Arbres d'alignement de Saint-Exemple"
    assert QgsProject.instance().isDirty()

    again = MainDialog(iface=qgis_iface)
    again.set_layer(trees_layer)
    assert again.describe.editors["title"].widget.text() == "Arbres d'alignement de Saint-Exemple"
    assert "lu dans la couche" not in again.describe.labels["title"].text()

    project_file = tmp_path / "projet.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(project_file))
    reloaded = next(iter(QgsProject.instance().mapLayers().values()))
    again.set_layer(reloaded)
    assert again.describe.editors["title"].widget.text() == "Arbres d'alignement de Saint-Exemple"


def test_edits_survive_a_crash_before_the_project_was_saved(dialog, trees_layer, qgis_iface):
    type_into(dialog.describe.editors["lineage"].widget, "Inventaire de terrain 2024.")
    wait_for(lambda: not dialog.save_timer.isActive())
    # QGIS stops: the unsaved project is lost; the same data is opened again later.
    source = trees_layer.source()
    QgsProject.instance().removeAllMapLayers()
    reopened = QgsVectorLayer(source, "Arbres d'alignement", "ogr")
    assert stored_record(reopened) is None
    window = MainDialog(iface=qgis_iface)
    window.set_layer(reopened)
    assert window.describe.editors["lineage"].widget.toPlainText() == "Inventaire de terrain 2024."
    assert any("restaurées" in text for text in bar_texts(window.messageBar))


def test_memory_layer_opens_and_reports_its_missing_format(qgis_iface) -> None:
    french_ui()
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "Points", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(651000 6861000)"))
    feature.setAttributes(["a"])
    layer.dataProvider().addFeatures([feature])
    window = MainDialog(iface=qgis_iface)
    window.set_layer(layer)
    assert "encoding.missing" in blocking(window)
    window.describe.editors["encodings"].widget.setCurrentText("GeoPackage")
    assert "encoding.missing" not in blocking(window)


def test_xml_export_then_import_round_trips(dialog, tmp_path: Path) -> None:
    fill_missing_inspire_fields(dialog)
    path = tmp_path / "fiche.xml"
    dialog.export_file(str(path))
    exported = read(path.read_bytes())
    assert exported.title == "Arbres d'alignement"
    assert exported.inspire_themes == ["sd"]
    assert etree.fromstring(path.read_bytes()).tag.endswith("MD_Metadata")

    changed = Record.from_dict(exported.to_dict())
    changed.title = "Arbres remarquables"
    changed.lineage = ""
    path.write_bytes(write(changed))
    dialog.import_file(str(path))
    editors = dialog.describe.editors
    assert editors["title"].widget.text() == "Arbres remarquables"
    # What the file leaves empty is kept from the form.
    assert editors["lineage"].widget.toPlainText().startswith("Relevé GPS")


def test_hostile_xml_is_refused_with_a_clear_message(dialog, tmp_path: Path) -> None:
    path = tmp_path / "piege.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<gmd:MD_Metadata xmlns:gmd='http://www.isotc211.org/2005/gmd'>&e;</gmd:MD_Metadata>",
        encoding="utf-8",
    )
    before = dialog.describe.record()
    dialog.import_file(str(path))
    assert dialog.describe.record() == before
    assert any("piege.xml" in text for text in bar_texts(dialog.messageBar))


def test_connections_import_export_and_layer_choice(dialog, trees_layer, tmp_path: Path) -> None:
    shared = tmp_path / "salle.json"
    shared.write_text(
        json.dumps(
            {
                "connections": [
                    {"name": "Géoportail", "type": "csw", "url": "http://127.0.0.1:9/csw"},
                    {"name": "Portail", "type": "udata", "url": "http://127.0.0.1:9"},
                ]
            }
        ),
        encoding="utf-8",
    )
    destinations = dialog.destinations
    destinations.import_file(str(shared))
    assert [c["name"] for c in Settings.load().connections] == ["Géoportail", "Portail"]
    assert destinations.catalogueCombo.findText("Géoportail") > 0
    destinations.catalogueCombo.setCurrentIndex(destinations.catalogueCombo.findText("Géoportail"))
    destinations.referenceRadio.setChecked(True)
    stored = json.loads(trees_layer.customProperty("geopublier/destinations"))
    assert stored == {
        "catalogue": "Géoportail",
        "portal": "",
        "mode": "reference",
        "zones": [],
        "granularity": "",
        "map_server": "",
    }
    assert not destinations.zonesEdit.isVisibleTo(destinations)  # udata only
    destinations.portalCombo.setCurrentIndex(destinations.portalCombo.findText("Portail"))
    assert destinations.zonesEdit.isVisibleTo(destinations)
    exported = tmp_path / "export.json"
    destinations.export_file(str(exported))
    assert [c.name for c in load_connections(exported)] == ["Géoportail", "Portail"]


def test_connection_test_runs_in_a_task_and_reports_an_unreachable_server(dialog) -> None:
    destinations = dialog.destinations
    with closed_port() as port:
        destinations.connections = load_connections_from(
            [{"name": "Éteint", "type": "csw", "url": f"http://127.0.0.1:{port}/csw"}]
        )
        destinations._save()
        destinations.select("Éteint")
        task = destinations.test_connection()
        assert task is not None
        wait_for(lambda: "Éteint" not in destinations.tasks, 30)
    assert destinations.status.text().startswith("✖")
    assert f"127.0.0.1:{port}" in destinations.status.text()


def load_connections_from(items: list[dict]):
    from plugin.publishers.connections import loads_connections

    return loads_connections(json.dumps({"connections": items}))


def test_personal_data_must_be_removed_or_confirmed(qgis_iface, tmp_path: Path) -> None:
    french_ui()
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=nom:string&field=courriel:string", "Agents", "memory"
    )
    features = []
    for number in range(6):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT({651000 + number} 6861000)"))
        feature.setAttributes([f"poste {number}", f"agent{number}@ville-exemple.fr"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    window = MainDialog(iface=qgis_iface)
    window.set_layer(layer)
    window.destinations.connections = load_connections_from(
        [{"name": "Portail", "type": "udata", "url": "http://127.0.0.1:9"}]
    )
    window.destinations._fill()
    window.destinations.portalCombo.setCurrentIndex(1)
    task = window.prepare.check()
    assert task is not None
    wait_for(lambda: window.prepare.task is None)
    assert window.prepare.personalBox.isVisibleTo(window.prepare)
    assert "courriel" in window.prepare.personalLabel.text()
    assert any("courriel" in b for b in window.plan()[1])

    window.prepare.confirmCheck.setChecked(True)
    assert not any("courriel" in b for b in window.plan()[1])
    window.prepare.confirmCheck.setChecked(False)
    window.prepare.remove_personal_columns()
    assert window.prepare.choice().fields == ["nom"]
    assert not any("courriel" in b for b in window.plan()[1])


def test_removing_the_layer_keeps_what_was_typed(dialog, trees_layer, qgis_iface) -> None:
    source = trees_layer.source()
    type_into(dialog.describe.editors["title"].widget, "Arbres retirés du projet")
    QgsProject.instance().removeMapLayer(trees_layer.id())
    assert dialog.layer is None
    assert dialog.layerLabel.text().startswith("Aucune couche")
    assert not dialog.publisher.publishButton.isEnabled()
    back = QgsVectorLayer(source, "Arbres d'alignement", "ogr")
    dialog.set_layer(back)
    assert dialog.describe.editors["title"].widget.text() == "Arbres retirés du projet"


def test_editors_replace_only_the_first_value_and_keep_the_rest() -> None:
    """The form edits the first CRS, party, format…; an imported record's others stay."""
    from plugin.gui.editors import first_replaced

    assert first_replaced(["EPSG:2154", "EPSG:4326"], "EPSG:3948") == ["EPSG:3948", "EPSG:4326"]
    assert first_replaced(["a", "b", "c"], "c", unique=True) == ["c", "b"]
    assert first_replaced(["a", "b"], None) == ["b"]
    assert first_replaced(["a", "", "b"], "", unique=True) == ["b"]
    assert first_replaced(None, "x") == ["x"] and first_replaced([], "") == []


def test_connection_dialog_edits_map_server_options(qgis_app) -> None:
    from plugin.gui.connection_dialog import ConnectionDialog

    editor = ConnectionDialog("fr")
    editor.name.setText("Serveur carto")
    editor.kind.setCurrentIndex(editor.kind.findData("qgisserver"))
    editor.url.setText("https://geo.exemple.fr/ows")
    assert editor.folder.isVisibleTo(editor) and not editor.workspace.isVisibleTo(editor)
    editor.folder.setText("/srv/qgis/projets")
    editor.workspace.setText("ignored")
    connection = editor.connection()
    assert connection.type == "qgisserver"
    assert dict(connection.options) == {"folder": "/srv/qgis/projets"}
    editor.kind.setCurrentIndex(editor.kind.findData("geoserver"))
    assert editor.workspace.isVisibleTo(editor) and not editor.folder.isVisibleTo(editor)
    assert dict(editor.connection().options) == {"workspace": "ignored"}
    edited = ConnectionDialog("fr", connection)
    assert edited.folder.text() == "/srv/qgis/projets"
