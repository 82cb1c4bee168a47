"""The dialog on a real pycsw: a record changed in the catalogue by someone else stops the step,
the user is asked, and merging keeps both sides' edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.PyQt.QtCore import Qt

from tests.dialog_helpers import type_into
from tests.integration import test_dialog_publication as base
from tests.integration.test_remote_change import THEIR_ABSTRACT, _someone_edits, _texts

pytestmark = pytest.mark.integration
saved_connections = base.saved_connections  # the fixture of the dialog publication tests


def _note(dialog, key: str) -> str:
    """The detail column of a step in the Publish step's list."""
    steps = dialog.publisher.steps
    for row in range(steps.topLevelItemCount()):
        item = steps.topLevelItem(row)
        if item.data(0, Qt.UserRole) == key:
            return item.text(2)
    return ""


def test_dialog_stops_asks_and_merges(
    saved_connections, pycsw_server, qgis_iface, tmp_path: Path
) -> None:
    dialog = base.open_dialog(tmp_path, "bancs", qgis_iface)
    type_into(dialog.describe.editors["title"].widget, "Bancs publics de Saint-Exemple")
    combo = dialog.destinations.catalogueCombo
    combo.setCurrentIndex(combo.findText(base.CATALOGUE))
    base.click_publish(dialog)
    record_id = dialog.describe.record().file_identifier
    _someone_edits(pycsw_server.url, record_id, THEIR_ABSTRACT)
    type_into(dialog.describe.editors["title"].widget, "Bancs et assises de Saint-Exemple")

    asked = []
    dialog.ask_remote_change = lambda: asked.append(True)  # the question, answered below
    base.click_publish(dialog)
    base.wait_for(lambda: asked, 10)
    assert dialog.publisher.step_state(base.CATALOGUE) == "échec"
    assert "modifiée dans le catalogue" in _note(dialog, base.CATALOGUE)
    assert _texts(pycsw_server.url, record_id)[1] == THEIR_ABSTRACT  # nothing overwritten

    job = dialog.resolve_remote_change("merge")
    assert job is not None
    base.wait_for(lambda: dialog.job is None, 300)
    assert _texts(pycsw_server.url, record_id) == (
        "Bancs et assises de Saint-Exemple",
        THEIR_ABSTRACT,
    )
    assert "Repris du catalogue : abstract" in _note(dialog, base.CATALOGUE)
    assert dialog.describe.record().abstract == THEIR_ABSTRACT  # their change is in the form
    dialog.close()
