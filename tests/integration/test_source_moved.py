"""A published layer whose source moved or was renamed (a GeoPackage file renamed, a PostGIS
table renamed) still finds its publications by its identifier, but nothing is sent before the
user says the publication follows the new source: the dialog asks (update / new data / cancel),
the Publications panel asks once for the batch, geopublier:publishproject skips unless
ON_SOURCE_MOVED says update. Answered « update », the same record and dataset are updated, read
from the real pycsw and udata servers — no duplicate.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QMessageBox

from plugin.gui.publications_dock import PublicationsDock
from plugin.publishers.freshness import MOVED, UP_TO_DATE
from plugin.qgis.batch import REPUBLISHED, SKIPPED
from plugin.qgis.destinations import journal
from plugin.qgis.freshness import project_states
from plugin.qgis.layer_metadata import stored_record
from tests.datasets import points_gpkg
from tests.dialog_helpers import answer_next_window, french_ui, type_into, wait_for
from tests.integration import test_dialog_publication as dialog_base
from tests.integration import test_republish_project as project_base
from tests.postgis import Postgis, postgis_database

pytestmark = pytest.mark.integration
saved_connections = dialog_base.saved_connections  # the dialog tests' saved connections
project = project_base.project  # the 20-layer project of the republication tests
TITLE = "Haies bocagères de Saint-Exemple"
SHOTS = Path(os.environ.get("GEOPUBLIER_SCREENSHOTS", tempfile.gettempdir()))


def press(text: str, shown: list, picture: str = ""):
    """Answer a message box by the button the user reads (Cancel: Qt's own button); the
    buttons' texts go to `shown` (an assertion inside the box's event loop would abort); the
    box is saved as `picture` (in GEOPUBLIER_SCREENSHOTS) when named."""

    def answer(box: QMessageBox) -> None:
        shown.append([b.text().replace("&", "") for b in box.buttons()])
        if picture:
            box.grab().save(str(SHOTS / picture))
        if text == "Cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
            return
        buttons = [b for b in box.buttons() if b.text().replace("&", "") == text]
        (buttons or [box.button(QMessageBox.StandardButton.Cancel)])[0].click()

    return answer


def test_dialog_asks_then_updates_the_same_record_and_dataset(
    saved_connections, pycsw_server, udata_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = dialog_base.open_dialog(tmp_path, "haies", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, TITLE)
    dialog_base.choose_destinations(dialog, dialog_base.CATALOGUE, dialog_base.PORTAL)
    dialog_base.click_publish(dialog)
    assert dialog.publisher.step_state(dialog_base.PORTAL) == "créé"
    [dataset] = dialog_base.datasets_titled(udata_server, TITLE)

    layer = dialog.layer
    moved = tmp_path / "haies_2026.gpkg"
    os.rename(tmp_path / "haies.gpkg", moved)  # the technician renamed the file
    layer.setDataSource(f"{moved}|layername=points", layer.name(), "ogr")
    assert layer.isValid()

    dialog.refresh_plan()
    assert "La source de la couche a changé depuis sa publication" in (
        dialog.publisher.summary.text()
    )
    seen: list = []
    shown: list = []
    answer_next_window(press("Cancel", shown, "source_deplacee_question.png"), seen)
    dialog.publisher.publishButton.click()
    wait_for(lambda: seen, 30)
    assert dialog.job is None  # nothing started
    text = seen[0][1]
    assert {"Mettre à jour la publication existante", "Publier comme nouvelle donnée"} < set(
        shown[0]
    )
    assert "La source de la couche a changé" in text
    assert "haies.gpkg|layername=points" in text and "haies_2026.gpkg|layername=points" in text
    assert (
        dialog_base.datasets_titled(udata_server, TITLE)[0]["last_modified"]
        == (dataset["last_modified"])
    )

    answer_next_window(press("Mettre à jour la publication existante", shown), seen)
    dialog_base.click_publish(dialog)
    assert len(seen) == 2
    assert dialog.publisher.step_state(dialog_base.CATALOGUE) == "mis à jour"
    assert dialog.publisher.step_state(dialog_base.PORTAL) == "mis à jour"
    assert dialog_base.titles_in_catalogue(pycsw_server, TITLE) == 1
    [after] = dialog_base.datasets_titled(udata_server, TITLE)
    assert after["id"] == dataset["id"]
    assert after["last_modified"] != dataset["last_modified"]
    # Only renamed, the table is the same: the record's revision date does not move.
    assert stored_record(layer).revision_date == ""
    # The publication now follows the new source: no question next time.
    states = project_states([layer], journal())
    assert states[layer.id()].code == UP_TO_DATE
    dialog.close()


def test_dialog_publish_as_new_data_gives_a_new_record_and_goes_to_step_one(
    saved_connections, pycsw_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = dialog_base.open_dialog(tmp_path, "mares", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Mares de Saint-Exemple")
    dialog.destinations.catalogueCombo.setCurrentIndex(
        dialog.destinations.catalogueCombo.findText(dialog_base.CATALOGUE)
    )
    dialog_base.click_publish(dialog)
    first = dialog.describe.record()
    layer = dialog.layer
    moved = tmp_path / "mares_2027.gpkg"
    os.rename(tmp_path / "mares.gpkg", moved)
    layer.setDataSource(f"{moved}|layername=points", layer.name(), "ogr")

    seen: list = []
    shown: list = []
    answer_next_window(press("Publier comme nouvelle donnée", shown), seen)
    dialog.publisher.publishButton.click()
    wait_for(lambda: seen, 30)
    assert dialog.job is None
    assert dialog.stepTabs.currentWidget() is dialog.describeTab
    record = dialog.describe.record()
    assert record.identifier.uri != first.identifier.uri
    assert record.file_identifier != first.file_identifier
    assert project_states([layer], journal())[layer.id()].code == "never"
    dialog.refresh_plan()
    assert not dialog.publisher.publishButton.isEnabled()  # the old title would confuse
    assert "titre différent" in dialog.publisher.blockers.text()
    type_into(dialog.describe.editors["title"].widget, "Mares de Saint-Exemple (2027)")
    dialog.refresh_plan()
    dialog_base.click_publish(dialog)  # no question: a new publication
    assert dialog.publisher.step_state(dialog_base.CATALOGUE) == "créé"
    assert dialog_base.titles_in_catalogue(pycsw_server, "Mares de Saint-Exemple") == 1
    assert dialog_base.titles_in_catalogue(pycsw_server, "Mares de Saint-Exemple (2027)") == 1
    dialog.close()


def test_panel_asks_once_for_the_moved_layers(
    project, pycsw_server, udata_server, tmp_path: Path
) -> None:
    french_ui()
    layers = project[:3]  # GeoPackage tables of base0.gpkg
    project_base.run_task(layers)
    base = tmp_path / "base0.gpkg"
    renamed = tmp_path / "base0_deplacee.gpkg"
    os.rename(base, renamed)
    for layer in project[:7]:  # every table of the file
        table = layer.source().split("layername=")[1]
        layer.setDataSource(f"{renamed}|layername={table}", layer.name(), "ogr")
    dock = PublicationsDock()
    dock.resize(760, 640)
    dock.refresh()
    dock.widget().grab().save(str(SHOTS / "panneau_source_deplacee.png"))
    item = dock._item(layers[0].id())
    assert item.text(1) == "Source déplacée"
    assert "base0.gpkg|layername=table0" in item.toolTip(1)
    assert "3 avec une source déplacée" in dock.summary.text()
    store = journal()
    portal_ids = {
        lid: next(d.remote_id for d in s.destinations if d.destination == project_base.PORTAL)
        for lid, s in project_states(layers, store).items()
    }
    portal_times = {
        lid: project_base.udata_dataset(udata_server, did)["last_modified"]
        for lid, did in portal_ids.items()
    }
    stamps = project_base.csw_stamps(pycsw_server)

    seen: list = []
    shown: list = []
    answer_next_window(press("Ignorer ces couches", shown), seen)
    assert dock.republish([layer.id() for layer in layers]) is None
    assert len(seen) == 1 and "3 couche(s)" in seen[0][1]
    assert {"Mettre à jour leurs publications existantes", "Ignorer ces couches"} < set(shown[0])
    assert {o.code for o in dock.outcomes.values()} == {"source_moved"}
    assert {o.status for o in dock.outcomes.values()} == {SKIPPED}
    assert project_base.csw_stamps(pycsw_server) == stamps  # nothing sent

    answer_next_window(press("Mettre à jour leurs publications existantes", shown), seen)
    task = dock.republish([layer.id() for layer in layers])
    assert task is not None and len(task.jobs) == 3 and len(seen) == 2
    wait_for(lambda: dock.task is None, 600)
    assert [o.status for o in dock.outcomes.values()] == [REPUBLISHED] * 3
    for outcome in dock.outcomes.values():
        steps = [(s["role"], s["action"]) for s in outcome.steps]
        assert steps == project_base.UPDATED_STEPS
        # A renamed GeoPackage holds the same table: its files stay on the portal.
        assert outcome.files_kept
    after = project_base.csw_stamps(pycsw_server)
    assert set(after) == set(stamps)  # no record added
    states = project_states(layers, journal())
    assert {s.code for s in states.values()} == {UP_TO_DATE}
    for lid, state in states.items():  # the same datasets, updated in place
        portal = next(d for d in state.destinations if d.destination == project_base.PORTAL)
        assert portal.remote_id == portal_ids[lid]
        dataset = project_base.udata_dataset(udata_server, portal.remote_id)
        assert dataset["last_modified"] > portal_times[lid]
    dock.release()


@pytest.fixture(scope="module")
def postgis() -> Postgis:
    with postgis_database() as database:
        yield database


def test_publishproject_skips_a_renamed_table_unless_told_to_update(
    provider, postgis: Postgis, pycsw_server, udata_server, tmp_path: Path, monkeypatch
) -> None:
    import processing

    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps(
            {
                "connections": [
                    {"name": project_base.CATALOGUE, "type": "csw", "url": pycsw_server.url},
                    {
                        "name": project_base.PORTAL,
                        "type": "udata",
                        "url": udata_server.url,
                        "api_key_env": "GP_UDATA_KEY",
                        "options": {"organization": udata_server.organization_id},
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    postgis.load(points_gpkg(tmp_path / "fosses.gpkg", 9), "fosses")
    qgs = QgsProject()
    layer = QgsVectorLayer(postgis.uri("fosses"), "fosses", "postgres")
    assert layer.isValid()
    qgs.addMapLayer(layer)
    project_base.complete(layer, 41)
    project_file = tmp_path / "projet.qgz"
    assert qgs.write(str(project_file))
    report_path = tmp_path / "rapport.json"
    parameters = {
        "PROJECT": str(project_file),
        "SELECTION": 1,
        "CONNECTIONS": str(connections),
        "SAVE_PROJECT": True,
        "PACKAGE_FOLDER": str(tmp_path / "paquets"),
        "REPORT": str(report_path),
    }
    processing.run("geopublier:publishproject", parameters)
    [row] = json.loads(report_path.read_text(encoding="utf-8"))["layers"]
    assert row["status"] == REPUBLISHED
    dataset_id = next(s["remote_id"] for s in row["steps"] if s["role"] == "portal")
    record_id = next(s["remote_id"] for s in row["steps"] if s["role"] == "catalogue")
    stamps = project_base.csw_stamps(pycsw_server)

    time.sleep(1.1)  # pycsw's stamps count in seconds
    postgis.psql("ALTER TABLE fosses RENAME TO fosses_2026")  # renamed by the DBA
    again = QgsProject()
    assert again.read(str(project_file))
    fosses = again.mapLayersByName("fosses")[0]
    fosses.setDataSource(postgis.uri("fosses_2026"), "fosses", "postgres")
    assert fosses.isValid() and again.write()

    parameters["SELECTION"] = 0  # the changed ones, the default way
    result = processing.run("geopublier:publishproject", parameters)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    [row] = report["layers"]
    assert (row["status"], row["code"], row["state"]) == (SKIPPED, "source_moved", MOVED)
    assert row["previous_source"] == "postgres://geo/public.fosses"
    assert row["source"] == "postgres://geo/public.fosses_2026"
    assert "La source de la couche a changé" in row["reason_fr"]
    assert report["on_source_moved"] == "skip"
    assert (result["REPUBLISHED"], result["SKIPPED"]) == (0, 1)
    assert project_base.csw_stamps(pycsw_server) == stamps  # nothing sent

    parameters["ON_SOURCE_MOVED"] = 1  # update
    processing.run("geopublier:publishproject", parameters)
    [row] = json.loads(report_path.read_text(encoding="utf-8"))["layers"]
    assert row["status"] == REPUBLISHED
    assert [(s["role"], s["action"]) for s in row["steps"]] == project_base.UPDATED_STEPS
    assert next(s["remote_id"] for s in row["steps"] if s["role"] == "portal") == dataset_id
    after = project_base.csw_stamps(pycsw_server)
    assert set(after) == set(stamps) and after[record_id] != stamps[record_id]
    assert project_base.udata_dataset(udata_server, dataset_id)["id"] == dataset_id


def test_publish_headless_stops_on_a_moved_file_unless_told_to_update(
    provider, pycsw_server, tmp_path: Path
) -> None:
    """geopublier:publish on a layer of the project: the renamed GeoPackage publishes nothing
    by default (the report says why), then ON_SOURCE_MOVED=update updates the same record."""
    import processing
    from qgis.core import QgsProcessingException

    connections = tmp_path / "connexions.json"
    catalogue = {"name": project_base.CATALOGUE, "type": "csw", "url": pycsw_server.url}
    connections.write_text(json.dumps({"connections": [catalogue]}), encoding="utf-8")
    path = points_gpkg(tmp_path / "talus.gpkg", 7)
    layer = QgsVectorLayer(f"{path}|layername=points", "talus", "ogr")
    QgsProject.instance().addMapLayer(layer)
    project_base.complete(layer, 42)
    report_path = tmp_path / "rapport.json"
    parameters = {
        "INPUT": layer.id(),
        "CATALOGUE": project_base.CATALOGUE,
        "CONNECTIONS": str(connections),
        "REPORT": str(report_path),
    }
    first = processing.run("geopublier:publish", parameters)
    stamps = project_base.csw_stamps(pycsw_server)
    time.sleep(1.1)  # pycsw's stamps count in seconds
    moved = tmp_path / "talus_2026.gpkg"
    os.rename(path, moved)
    layer.setDataSource(f"{moved}|layername=points", "talus", "ogr")

    with pytest.raises(QgsProcessingException) as stopped:
        processing.run("geopublier:publish", parameters)
    assert "talus_2026.gpkg|layername=points" in str(stopped.value)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert (report["status"], report["code"]) == ("skipped", "source_moved")
    assert report["previous_source"] == f"{path}|layername=points"
    assert project_base.csw_stamps(pycsw_server) == stamps  # nothing sent

    again = processing.run("geopublier:publish", dict(parameters, ON_SOURCE_MOVED=1))
    assert again["CATALOGUE_RECORD_ID"] == first["CATALOGUE_RECORD_ID"]
    after = project_base.csw_stamps(pycsw_server)
    assert set(after) == set(stamps)
    assert after[first["CATALOGUE_RECORD_ID"]] != stamps[first["CATALOGUE_RECORD_ID"]]
    QgsProject.instance().removeMapLayer(layer.id())
