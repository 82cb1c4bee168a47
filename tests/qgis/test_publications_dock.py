"""The « Publications » panel driven offscreen: every layer with its state, « Select changed »,
a republication that skips what the dialog would refuse and fails clearly on an unreachable
catalogue, then « Retry failed ». (Publication to real servers: tests/integration.)"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from plugin.gui.publications_dock import PublicationsDock
from plugin.publishers.connections import connection_from_json
from plugin.qgis.batch import (
    CANCELLED_LAYER,
    FAILED,
    SKIPPED,
    LayerOutcome,
    RepublishTask,
    plan_layer,
)
from plugin.qgis.choices import DESTINATIONS_PROPERTY
from plugin.qgis.destinations import journal, save_saved_connections, saved_connections
from plugin.qgis.freshness import fingerprint, resource_id
from plugin.qgis.layer_metadata import save_record
from plugin.qgis.layer_reader import prefill
from plugin.qgis.publication import mark_withdrawn, remember_publication
from tests.datasets import fill_inspire, points_gpkg
from tests.dialog_helpers import french_ui, wait_for

NAMES = ("jamais", "a_jour", "style_change", "echec", "retiree", "incomplete")


def complete(layer: QgsVectorLayer) -> None:
    save_record(layer, fill_inspire(prefill(layer).record))


def pretend_published(layer: QgsVectorLayer, failed: bool = False) -> None:
    """What a publication to « Catalogue » leaves behind (journal entry with fingerprint)."""
    store = journal()
    record = prefill(layer).record
    rid = resource_id(layer)
    store.record(
        rid,
        "Catalogue",
        remote_id=record.file_identifier,
        url=f"http://127.0.0.1:1/csw?id={record.file_identifier}",
        fingerprint=fingerprint(layer).to_json(),
        step="catalogue",
    )
    if failed:
        store.record_failure(rid, "Catalogue", step="catalogue", error_code="unreachable")
    remember_publication(layer, store, record)


@pytest.fixture()
def project(tmp_path: Path, refused_port: int):
    french_ui()
    url = f"http://127.0.0.1:{refused_port}/csw"
    save_saved_connections([connection_from_json({"name": "Catalogue", "type": "csw", "url": url})])
    sample = points_gpkg(tmp_path / "sample.gpkg", 5, layer="t")
    path = tmp_path / "donnees.gpkg"
    layers = {}
    for name in NAMES:
        update = ["-update"] if path.exists() else []
        subprocess.run(["ogr2ogr", "-q", *update, "-nln", name, str(path), str(sample)], check=True)
        layers[name] = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        layers[name].setCustomProperty(
            DESTINATIONS_PROPERTY, json.dumps({"catalogue": "Catalogue"})
        )
    QgsProject.instance().addMapLayers(list(layers.values()))
    for name in ("a_jour", "style_change", "echec", "retiree"):
        complete(layers[name])
        pretend_published(layers[name], failed=name == "echec")
    layers["retiree"].setCustomProperty("geopublier/journal", "{}")
    journal().clear(resource_id(layers["retiree"]))
    mark_withdrawn(layers["retiree"])
    layers["style_change"].setOpacity(0.3)
    save_record(layers["incomplete"], prefill(layers["incomplete"]).record)
    pretend_published(layers["incomplete"])
    layers["incomplete"].setOpacity(0.5)  # changed, but its record is not complete
    yield layers
    QgsProject.instance().removeMapLayers([layer.id() for layer in layers.values()])


def rows(dock: PublicationsDock) -> dict[str, str]:
    tree = dock.tree
    return {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1)
        for i in range(tree.topLevelItemCount())
    }


def test_panel_shows_each_state_and_selects_the_changed_ones(project, tmp_path: Path) -> None:
    dock = PublicationsDock()
    dock.resize(900, 420)
    dock.refresh()
    shown = rows(dock)
    assert shown["jamais"] == "Jamais publiée"
    assert shown["a_jour"] == "À jour"
    assert shown["style_change"] == "Modifiée : style"
    assert shown["echec"] == "Dernière publication en échec"
    assert shown["retiree"] == "Publication retirée"
    a_jour = next(
        dock.tree.topLevelItem(i)
        for i in range(dock.tree.topLevelItemCount())
        if dock.tree.topLevelItem(i).text(0) == "a_jour"
    )
    assert a_jour.child(0).text(0) == "Catalogue" and a_jour.child(0).text(3).startswith("http://")
    dock.select_changed()
    assert sorted(project_name(dock, i) for i in dock.selected_ids()) == [
        "echec",
        "incomplete",
        "style_change",
    ]
    dock.widget().grab().save("/tmp/panneau_test.png")
    dock.release()


def project_name(dock, layer_id: str) -> str:
    return QgsProject.instance().mapLayer(layer_id).name()


def test_republish_skips_with_reason_fails_clearly_then_retry(project) -> None:
    dock = PublicationsDock()
    dock.refresh()
    dock.select_changed()
    task = dock.republish()
    assert task is not None and not dock.republishButton.isEnabled()
    wait_for(lambda: dock.task is None, 120)
    incomplete = project["incomplete"].id()
    assert dock.outcomes[incomplete].status == SKIPPED
    assert dock.outcomes[incomplete].code == "metadata_incomplete"
    assert rows(dock)["incomplete"].startswith("Ignorée — Métadonnées incomplètes")
    for name in ("style_change", "echec"):
        assert dock.outcomes[project[name].id()].status == FAILED
    assert rows(dock)["echec"].startswith("Échec — Le serveur 127.0.0.1:")  # the reason
    assert "ne répond pas" in rows(dock)["echec"]
    assert "1 ignorée(s), 2 en échec" in dock.summary.text()
    assert dock.retryButton.isEnabled()
    retry = dock.retry_failed()
    assert retry is not None
    assert sorted(job.name for job in retry.jobs) == ["echec", "style_change"]
    assert all(job.request.only == {"Catalogue"} for job in retry.jobs)
    wait_for(lambda: dock.task is None, 120)
    dock.release()


def test_cancel_before_the_task_runs_leaves_every_layer_as_it_was(project) -> None:
    dock = PublicationsDock()
    dock.refresh()
    dock.select_changed()
    task = dock.republish()
    task.cancel()  # at once: before or during the first request
    wait_for(lambda: dock.task is None, 120)
    statuses = [dock.outcomes[project[name].id()].status for name in ("style_change", "echec")]
    assert CANCELLED_LAYER in statuses and set(statuses) <= {CANCELLED_LAYER, FAILED}
    assert "annulée(s)" in dock.summary.text()
    assert not dock.cancelButton.isEnabled() and dock.republishButton.isEnabled()
    # Never an empty state: not reached, cancelled before its turn or during its request.
    shown = rows(dock)["style_change"]
    assert shown == "Modifiée : style" or shown.startswith(("Annulée", "Échec — ")), shown
    dock.release()


def test_a_layer_cancelled_during_its_request_says_cancelled(project) -> None:
    """Cancelled in the middle of its publication (the step reports « cancelled », no reason):
    the state reads « Annulée », never an empty cell."""
    dock = PublicationsDock()
    layer = project["style_change"]
    dock.outcomes[layer.id()] = LayerOutcome(layer.id(), layer.name(), CANCELLED_LAYER)
    dock.refresh()
    assert rows(dock)["style_change"] == "Annulée"
    dock.release()


def test_a_task_cancelled_before_its_start_reports_every_layer_cancelled(project) -> None:
    store = journal()
    jobs = [
        plan_layer(project[name], saved_connections(), store, Path("/tmp"))
        for name in ("style_change", "echec")
    ]
    task = RepublishTask(jobs, store)
    task.cancel()
    task.run()
    outcomes = task.all_outcomes()
    assert {o.status for o in outcomes.values()} == {CANCELLED_LAYER}
    assert {o.reason_fr for o in outcomes.values()} == {"Annulée avant son tour."}


def test_an_open_panel_follows_the_edits(project) -> None:
    dock = PublicationsDock()
    dock.show()
    wait_for(lambda: rows(dock).get("a_jour") == "À jour", 30)
    project["a_jour"].setOpacity(0.2)  # a style edit in the Layer Styling panel
    wait_for(lambda: rows(dock)["a_jour"] == "Modifiée : style", 30)
    dock.hide()
    dock.release()
