"""Real published records through the real dialog: imported, shown in the form, exported."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from plugin.core.iso19139_reader import read
from plugin.core.merge import LAYER_FACTS
from plugin.core.model import Identifier, Record
from tests.qgis import test_dialog
from tests.record_values import kept_share

trees_layer, dialog = test_dialog.trees_layer, test_dialog.dialog  # the dialog's fixtures
RECORDS = sorted((Path(__file__).parents[1] / "data" / "records").glob("*.xml"))
# What the pre-fill takes from the layer itself (the import does not overwrite it) and the
# metadata date, which a write sets.
NOT_FROM_THE_RECORD = {*LAYER_FACTS, "metadata_date", "source_document"}


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_imported_record_shown_in_the_form_is_exported_without_loss(
    dialog, path: Path, tmp_path: Path
) -> None:
    original = path.read_bytes()
    assert dialog.merge_xml(original, path.name)
    stated = read(original)
    shown = dialog.describe.record()
    changed = [
        f.name
        for f in dataclasses.fields(Record)
        if f.name not in NOT_FROM_THE_RECORD
        and getattr(stated, f.name) not in ("", [], None, Identifier())
        and getattr(shown, f.name) != getattr(stated, f.name)
    ]
    assert changed == []  # the form keeps every value the record states, as stated
    out = tmp_path / "fiche.xml"
    dialog.export_file(str(out))
    share, lost = kept_share(original, out.read_bytes())
    assert share >= 0.95, lost


def test_describe_says_what_the_import_keeps_beyond_the_form(dialog) -> None:
    path = RECORDS[0].parent / "ign-bdtopo.xml"
    assert dialog.merge_xml(path.read_bytes(), path.name)
    text = dialog.describe.kept.text()
    assert text.startswith("Conservé de la fiche importée")
    assert "1 distributeur" in text and "9 identifiants géographiques" in text
    assert dialog.describe.kept.isVisible()
    dialog.describe.set_record(Record(title="Fiche créée ici"))
    assert not dialog.describe.kept.isVisible()
