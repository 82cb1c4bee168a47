"""QGIS keyword vocabularies that are no thesaurus become free keywords, not a blocking rule."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsLayerMetadata, QgsVectorLayer

from plugin.core.iso19139_writer import write
from plugin.core.rules import validate
from plugin.qgis.layer_reader import prefill
from tests.datasets import points_gpkg


def test_a_qgis_vocabulary_without_date_gives_free_keywords(tmp_path: Path) -> None:
    path = points_gpkg(tmp_path / "arbres.gpkg", 3)
    layer = QgsVectorLayer(f"{path}|layername=points", "Arbres", "ogr")
    metadata = QgsLayerMetadata()
    metadata.setTitle("Arbres d'alignement")
    metadata.setKeywords({"Mots-clés libres": ["arbres", "voirie"], "": ["patrimoine"]})
    layer.setMetadata(metadata)
    record = prefill(layer).record
    assert sorted(record.free_keywords) == ["arbres", "patrimoine", "voirie"]
    assert record.keyword_groups == []
    assert not [i for i in validate(record) if i.code.startswith("keyword_group.")]
    assert b"thesaurusName" not in write(record)
