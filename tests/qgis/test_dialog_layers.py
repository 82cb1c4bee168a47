"""The dialog with real-world layers: a Latin-1 DBF re-read on request, the CRS choice
explained in the Prepare step, the checklist in QGIS's language."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsProject, QgsSettings, QgsVectorLayer

from plugin.core.messages import message
from plugin.gui.main_dialog import MainDialog
from tests import layer_corpus
from tests.dialog_helpers import french_ui, wait_for


def open_dialog(layer, qgis_iface) -> MainDialog:
    QgsProject.instance().addMapLayer(layer)
    window = MainDialog(iface=qgis_iface)
    window.set_layer(layer)
    window.show()
    return window


def close(window: MainDialog) -> None:
    window.close()
    window.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def checked_report(window: MainDialog):
    assert window.prepare.check() is not None
    wait_for(lambda: window.prepare.task is None)
    return window.prepare.report


def test_latin1_dbf_is_re_read_from_the_prepare_step(tmp_path: Path, qgis_iface) -> None:
    french_ui()
    uri, provider = layer_corpus.latin1_dbf(tmp_path)
    layer = QgsVectorLayer(uri, "Lieux-dits", provider)
    window = open_dialog(layer, qgis_iface)
    try:
        report = checked_report(window)
        assert [i.code for i in report.issues if i.level == "error"] == ["quality.text_latin1"]
        button = window.prepare.rereadButton
        assert button.isVisibleTo(window.prepare)
        assert "ISO-8859-1" in window.prepare.reportView.toPlainText()
        if os.environ.get("GEOPUBLIER_SCREENSHOTS"):
            window.stepTabs.setCurrentIndex(1)
            window.grab().save(str(Path(os.environ["GEOPUBLIER_SCREENSHOTS"]) / "latin1.png"))
        button.click()
        wait_for(lambda: window.prepare.task is None)
        report = window.prepare.report
        assert layer.dataProvider().encoding() == "ISO-8859-1"
        assert not [i for i in report.issues if i.code.startswith("quality.text")]
        assert not button.isVisibleTo(window.prepare)
        assert [f["nom"] for f in layer.getFeatures()] == layer_corpus.LATIN1_NAMES
    finally:
        close(window)


def test_prepare_step_says_why_world_data_stays_in_wgs84(tmp_path: Path, qgis_iface) -> None:
    french_ui()
    uri, provider = layer_corpus.world_points(tmp_path)
    window = open_dialog(QgsVectorLayer(uri, "Villes", provider), qgis_iface)
    try:
        checked_report(window)
        text = window.prepare.reportView.toPlainText()
        assert "Système de coordonnées des fichiers : EPSG:4326 (WGS 84)" in text
        assert "EPSG:2154" in text  # the CRS asked for, and why it was not taken
    finally:
        close(window)


def test_checklist_follows_qgis_in_english(tmp_path: Path, qgis_iface) -> None:
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_US")
    uri, provider = layer_corpus.world_points(tmp_path)
    window = open_dialog(QgsVectorLayer(uri, "Cities", provider), qgis_iface)
    try:
        checklist = window.describe.checklist
        texts = [checklist.items.item(i).text() for i in range(checklist.items.count())]
        assert texts and texts == [message(issue, "en") for issue in checklist.issues]
        assert any("abstract" in text.lower() for text in texts)
        assert not any("résumé" in text.lower() for text in texts)
    finally:
        close(window)
        french_ui()
