"""Driving the real GeoPublier dialog offscreen as a user would: type, tick, click, wait."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, Qt, QTimer, QTranslator
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QMessageBox


def wait_for(condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Process Qt events until `condition()` holds (a guard against hanging, not a timing test)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the dialog did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.02)


_TRANSLATORS: list[QTranslator] = []
ROOT = Path(__file__).resolve().parents[1]


def french_ui() -> None:
    """QGIS set to French with the plugin's French translation, as for the plugin's users."""
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    if not _TRANSLATORS:
        translator = QTranslator()
        assert translator.load(str(ROOT / "i18n" / "geopublier_fr.qm")), "run `make qm`"
        QCoreApplication.installTranslator(translator)
        _TRANSLATORS.append(translator)


def type_into(widget, text: str) -> None:
    """Replace a line edit's or text edit's content by typing `text` key by key.

    Key events carry the text (QTest.keyClicks asserts on non-ASCII letters such as "é").
    """
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key_Delete)
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, char))


def tick(check_list_editor, label: str) -> None:
    """Tick the item of a check-list editor whose label is `label`."""
    items = check_list_editor.list.findItems(label, Qt.MatchExactly)
    assert items, f"no item {label!r}"
    items[0].setCheckState(Qt.Checked)


def choose(combo, code: str) -> None:
    """Pick the entry of a combo box holding `code`."""
    index = combo.findData(code)
    assert index >= 0, f"no entry {code!r}"
    combo.setCurrentIndex(index)


def fill_missing_inspire_fields(dialog) -> None:
    """What a technician adds by hand to a freshly pre-filled record (French UI labels)."""
    editors = dialog.describe.editors
    type_into(
        editors["abstract"].widget,
        "Arbres d'alignement de la commune de Saint-Exemple, relevés en 2024 sur le terrain.",
    )
    tick(editors["inspire_themes"], "Répartition des espèces")
    tick(editors["topic_categories"], "Flore et faune")
    party = editors["responsible_parties"]
    type_into(party.organisation, "Commune de Saint-Exemple")
    type_into(party.email, "sig@saint-exemple.fr")
    contact = editors["metadata_contacts"]
    type_into(contact.organisation, "Commune de Saint-Exemple")
    type_into(contact.email, "sig@saint-exemple.fr")
    choose(editors["licence"].widget, "lov2")
    type_into(editors["lineage"].widget, "Relevé GPS sur le terrain en 2024 par le service SIG.")
    editors["creation_date"].widget.setDate(QDate(2024, 3, 1))


def answer_next_window(answer: Callable, seen: list) -> None:
    """When the next modal window opens (the button's exec_() runs its own event loop), hand
    it to `answer`, as the user would; `seen` keeps its type and text (a message box is
    deleted once answered)."""

    def poll() -> None:
        window = QApplication.activeModalWidget()
        if window is None:
            QTimer.singleShot(10, poll)
            return
        seen.append((type(window), window.text() if isinstance(window, QMessageBox) else ""))
        answer(window)

    QTimer.singleShot(0, poll)
