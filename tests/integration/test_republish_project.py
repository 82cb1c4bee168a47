"""A project of 20 published layers (GeoPackage tables, shapefiles, PostGIS tables): three change
(features, metadata, style); the freshness check flags exactly those three, and republishing them
in one task updates their 3 catalogue records and 3 portal datasets in place while the other 17
stay untouched — read from the servers themselves (real pycsw, real udata, real PostGIS).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from plugin.core.issues import ERROR
from plugin.core.rules import validate
from plugin.gui.publications_dock import PublicationsDock
from plugin.publishers.connections import connection_from_json
from plugin.publishers.freshness import CHANGED, UP_TO_DATE
from plugin.qgis.batch import REPUBLISHED, RepublishTask, plan_layer
from plugin.qgis.choices import DESTINATIONS_PROPERTY, PREPARE_PROPERTY
from plugin.qgis.destinations import journal, save_saved_connections, saved_connections
from plugin.qgis.freshness import project_states
from plugin.qgis.layer_metadata import save_record
from plugin.qgis.layer_reader import prefill
from tests.datasets import fill_inspire, points_gpkg
from tests.dialog_helpers import french_ui, wait_for
from tests.postgis import Postgis, postgis_database

pytestmark = pytest.mark.integration
CATALOGUE, PORTAL = "Catalogue régional", "Portail open data"
# A republication updates the record, the dataset, then the record's links to the dataset.
UPDATED_STEPS = [("catalogue", "updated"), ("portal", "updated"), ("links", "updated")]


@pytest.fixture(scope="module")
def postgis() -> Iterator[Postgis]:
    with postgis_database() as database:
        yield database


def complete(layer: QgsVectorLayer, number: int) -> None:
    """What a technician typed for the layer (an INSPIRE-complete record) and chose."""
    record = fill_inspire(
        prefill(layer).record, f"Couche {number:02d} de Saint-Exemple ({layer.name()})"
    )
    assert [i.code for i in validate(record) if i.level == ERROR] == []
    save_record(layer, record)
    layer.setCustomProperty(
        DESTINATIONS_PROPERTY, json.dumps({"catalogue": CATALOGUE, "portal": PORTAL})
    )
    layer.setCustomProperty(PREPARE_PROPERTY, json.dumps({"formats": ["gpkg"]}))


@pytest.fixture()
def project(tmp_path: Path, postgis: Postgis, pycsw_server, udata_server, monkeypatch):
    """20 layers with their records and destinations, in the current project."""
    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    save_saved_connections(
        [
            connection_from_json({"name": CATALOGUE, "type": "csw", "url": pycsw_server.url}),
            connection_from_json(
                {
                    "name": PORTAL,
                    "type": "udata",
                    "url": udata_server.url,
                    "api_key_env": "GP_UDATA_KEY",
                    "options": {"organization": udata_server.organization_id},
                }
            ),
        ]
    )
    layers = []
    sample = points_gpkg(tmp_path / "sample.gpkg", 12, layer="t")
    for number in range(14):  # two GeoPackages of 7 tables
        path = tmp_path / f"base{number // 7}.gpkg"
        table = f"table{number}"
        update = ["-update"] if path.exists() else []
        subprocess.run(
            ["ogr2ogr", "-q", *update, "-nln", table, str(path), str(sample)], check=True
        )
        layers.append(QgsVectorLayer(f"{path}|layername={table}", table, "ogr"))
    for number in range(3):
        shp = tmp_path / f"couche{number}.shp"
        subprocess.run(["ogr2ogr", "-q", str(shp), str(sample)], check=True)
        layers.append(QgsVectorLayer(str(shp), shp.stem, "ogr"))
    for number in range(3):
        table = f"voirie{number}"
        postgis.load(sample, table)
        layers.append(QgsVectorLayer(postgis.uri(table), table, "postgres"))
    assert all(layer.isValid() for layer in layers)
    # The project holds these 20 layers only: layers left by earlier tests would be listed too.
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().addMapLayers(layers)
    for number, layer in enumerate(layers):
        complete(layer, number)
    yield layers
    QgsProject.instance().removeMapLayers([layer.id() for layer in layers])


def run_task(layers, **kw) -> RepublishTask:
    """Plan the layers as the panel does, run one RepublishTask, keep the outcome."""
    store = journal()
    jobs = [plan_layer(layer, saved_connections(), store, Path("/tmp"), **kw) for layer in layers]
    assert all(not hasattr(job, "status") for job in jobs), [
        getattr(j, "reason_fr", "") for j in jobs
    ]
    task = RepublishTask(jobs, store)
    QgsApplication.taskManager().addTask(task)
    wait_for(lambda: task.status() in (task.Complete, task.Terminated), 600)
    task.keep(QgsProject.instance().mapLayer)
    return task


def csw_stamps(pycsw_server) -> dict[str, str]:
    """pycsw's own insert/update time of every record (its repository)."""
    with sqlite3.connect(pycsw_server.database_path) as database:
        return dict(database.execute("SELECT identifier, insert_date FROM records"))


def udata_dataset(udata_server, dataset_id: str) -> dict:
    answer = requests.get(f"{udata_server.api_url}/datasets/{dataset_id}/", timeout=10)
    answer.raise_for_status()
    return answer.json()


def test_three_changed_layers_flagged_then_republished_in_place(
    project, pycsw_server, udata_server, postgis: Postgis, tmp_path: Path
) -> None:
    french_ui()
    first = run_task(project)
    assert {o.status for o in first.outcomes.values()} == {REPUBLISHED}
    store = journal()
    states = project_states(project, store)
    assert {s.code for s in states.values()} == {UP_TO_DATE}
    portal_ids = {
        layer.id(): next(
            d for d in states[layer.id()].destinations if d.destination == PORTAL
        ).remote_id
        for layer in project
    }
    records = csw_stamps(pycsw_server)
    datasets = {lid: udata_dataset(udata_server, did) for lid, did in portal_ids.items()}
    assert len(records) >= 20 and len(set(portal_ids.values())) == 20

    time.sleep(1.1)  # stamps and GeoPackage last_change count in seconds
    edited, described, styled = project[3], project[18], project[15]
    edited.startEditing()
    feature = QgsFeature(edited.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700005, 6600005)))
    assert edited.addFeature(feature) and edited.commitChanges()
    record = prefill(described).record
    record.abstract += " Mise à jour : ajout des arbres du parc."
    save_record(described, record)
    styled.renderer().symbol().setColor(styled.renderer().symbol().color().darker())
    styled.triggerRepaint()

    states = project_states(project, store)
    flagged = {
        layer.name(): states[layer.id()].changed
        for layer in project
        if states[layer.id()].code == CHANGED
    }
    assert flagged == {
        edited.name(): ["data"],
        described.name(): ["metadata"],
        styled.name(): ["style"],
    }

    dock = PublicationsDock()  # the « Publications » panel, as the user sees it
    dock.resize(760, 640)
    dock.refresh()
    dock.select_changed()
    changed = [QgsProject.instance().mapLayer(lid) for lid in dock.selected_ids()]
    assert sorted(layer.name() for layer in changed) == sorted(flagged)
    shots = Path(os.environ.get("GEOPUBLIER_SCREENSHOTS", str(tmp_path)))
    first_changed = dock._item(changed[0].id())
    first_changed.setExpanded(True)
    dock.widget().grab().save(str(shots / "panneau_publications.png"))
    task = dock.republish()
    assert task is not None and len(task.jobs) == 3  # one task for the three layers
    wait_for(lambda: dock.task is None, 600)
    assert [o.status for o in dock.outcomes.values()] == [REPUBLISHED] * 3
    for outcome in dock.outcomes.values():
        assert [(s["role"], s["action"]) for s in outcome.steps] == UPDATED_STEPS
    # Only the edited data was exported and uploaded again; the two others kept their files.
    assert {o.name: o.files_kept for o in dock.outcomes.values()} == {
        edited.name(): False,
        described.name(): True,
        styled.name(): True,
    }
    assert dock.summary.text().startswith("Republication : 3 republiée(s), 0 ignorée(s)")
    dock.widget().grab().save(str(shots / "panneau_publications_apres.png"))
    dock.release()
    after = csw_stamps(pycsw_server)
    assert set(after) == set(records)  # no record added
    touched = {rid for rid in records if after[rid] != records[rid]}
    assert len(touched) == 3
    for layer, uploaded in ((edited, {"gpkg", "xml"}), (described, {"xml"}), (styled, set())):
        before = {r["format"]: r for r in datasets[layer.id()]["resources"]}
        after_files = {
            r["format"]: r for r in udata_dataset(udata_server, portal_ids[layer.id()])["resources"]
        }
        assert set(after_files) == set(before) == {"gpkg", "xml"}  # same resources, none added
        replaced = {f for f in before if after_files[f]["checksum"] != before[f]["checksum"]}
        assert replaced == uploaded, layer.name()
    for layer in project:
        now = udata_dataset(udata_server, portal_ids[layer.id()])
        assert now["id"] == datasets[layer.id()]["id"]
        if layer in changed:
            assert now["last_modified"] != datasets[layer.id()]["last_modified"]
        else:
            assert now["last_modified"] == datasets[layer.id()]["last_modified"], layer.name()
    states = project_states(project, journal())  # the journal as the task left it
    assert {s.code for s in states.values()} == {UP_TO_DATE}


def test_publishproject_headless_reports_republished_and_skipped_with_reasons(
    provider, tmp_path: Path, pycsw_server, udata_server, monkeypatch
) -> None:
    """geopublier:publishproject on a project file, as cron runs it: what changed is republished,
    the rest is skipped with its reason (up to date, incomplete metadata, personal data)."""
    import processing

    monkeypatch.setenv("GP_UDATA_KEY", udata_server.api_key)
    connections = tmp_path / "connexions.json"
    connections.write_text(
        json.dumps(
            {
                "connections": [
                    {"name": CATALOGUE, "type": "csw", "url": pycsw_server.url},
                    {
                        "name": PORTAL,
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
    sample = points_gpkg(tmp_path / "sample.gpkg", 8, layer="t")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "id,x,y,courriel\n1,700000,6600000,jean.dupont@exemple.fr\n"
        "2,700010,6600000,marie.durand@exemple.fr\n",
        encoding="utf-8",
    )
    paths = {}
    for name in ("parcs", "bancs", "brouillon"):
        paths[name] = tmp_path / f"{name}.gpkg"
        subprocess.run(["ogr2ogr", "-q", "-nln", name, str(paths[name]), str(sample)], check=True)
    paths["contacts"] = tmp_path / "contacts.gpkg"
    subprocess.run(
        [
            "ogr2ogr",
            "-q",
            "-nln",
            "contacts",
            "-oo",
            "X_POSSIBLE_NAMES=x",
            "-oo",
            "Y_POSSIBLE_NAMES=y",
            "-a_srs",
            "EPSG:2154",
            str(paths["contacts"]),
            str(contacts),
        ],
        check=True,
    )
    project = QgsProject()
    layers = {
        name: QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        for name, path in paths.items()
    }
    project.addMapLayers(list(layers.values()))
    for number, name in enumerate(("parcs", "bancs", "contacts")):
        complete(layers[name], number)
    layers["brouillon"].setCustomProperty(
        DESTINATIONS_PROPERTY, json.dumps({"catalogue": CATALOGUE})
    )
    project_file = tmp_path / "projet.qgz"
    assert project.write(str(project_file))
    report_path = tmp_path / "rapport.json"
    parameters = {
        "PROJECT": str(project_file),
        "SELECTION": 1,  # every layer: the first publication
        "CONNECTIONS": str(connections),
        "SAVE_PROJECT": True,
        "PACKAGE_FOLDER": str(tmp_path / "paquets"),
        "REPORT": str(report_path),
    }
    result = processing.run("geopublier:publishproject", parameters)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    by_name = {row["name"]: row for row in report["layers"]}
    assert {name: row["status"] for name, row in by_name.items()} == {
        "parcs": "republished",
        "bancs": "republished",
        "brouillon": "skipped",
        "contacts": "skipped",
    }
    assert by_name["brouillon"]["code"] == "metadata_incomplete"
    assert "Métadonnées incomplètes" in by_name["brouillon"]["reason_fr"]
    assert by_name["contacts"]["code"] == "personal_data"
    assert "courriel" in by_name["contacts"]["reason_fr"]
    assert (result["REPUBLISHED"], result["SKIPPED"], result["FAILED"]) == (2, 2, 0)

    time.sleep(1.1)
    again = QgsProject()
    assert again.read(str(project_file))
    bancs = again.mapLayersByName("bancs")[0]
    bancs.setOpacity(0.4)
    assert again.write()
    parameters["SELECTION"] = 0  # the changed ones
    processing.run("geopublier:publishproject", parameters)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    rows = {row["name"]: (row["status"], row["code"], row["changed"]) for row in report["layers"]}
    assert rows["bancs"] == ("republished", "", ["style"])
    assert rows["parcs"] == ("skipped", "up_to_date", [])
    assert [(s["role"], s["action"]) for s in report["layers"][1]["steps"]] == UPDATED_STEPS
