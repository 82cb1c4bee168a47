"""Republishing a project's layers (Publications panel, geopublier:publishproject) starts from
the journal copy each layer carries in the project, as the dialog and geopublier:publish do."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import QgsVectorLayer

from plugin.publishers.journal import Journal
from plugin.qgis.batch import plan_layer
from plugin.qgis.freshness import JOURNAL_PROPERTY

IDENTIFIER = "https://data.exemple-agglo.fr/id/cours-d-eau"


def test_the_layer_copy_is_adopted_before_planning(rivers_shapefile: Path, tmp_path: Path) -> None:
    layer = QgsVectorLayer(str(rivers_shapefile), "cours_eau", "ogr")
    copy = {
        "Portail": {
            "remote_id": "65f0",
            "url": "https://data.exemple.fr/datasets/65f0/",
            "time": "2026-11-30T10:00:00+00:00",
            "status": "done",
            "server": "https://data.exemple.fr",
        }
    }
    layer.setCustomProperty(JOURNAL_PROPERTY, json.dumps(copy))
    store = Journal(tmp_path / "journal.json")  # another machine's empty profile

    plan_layer(layer, [], store, tmp_path / "paquets")

    again = Journal(tmp_path / "journal.json")
    assert again.previous_remote_id(IDENTIFIER, "Portail") == "65f0"
    assert again.entry_for(IDENTIFIER, "Renommé", "https://data.exemple.fr/").remote_id == "65f0"
