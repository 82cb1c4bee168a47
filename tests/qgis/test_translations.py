"""Every user-facing string is in i18n/, French is complete, and the French UI really shows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]


def ts_messages(path: Path) -> dict[tuple[str, str], etree._Element]:
    """(context, source) → <translation> element of a .ts file."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in tree.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") != "obsolete"
    }


def source_files() -> list[str]:
    """The files `make translations` scans."""
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "plugin").rglob("*.py"))
    return files + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "forms").glob("*.ui"))


def test_every_translatable_string_is_in_the_ts_files(tmp_path: Path) -> None:
    pylupdate = shutil.which("pylupdate5")
    assert pylupdate, "pylupdate5 missing: run `make setup`"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [pylupdate, *source_files(), "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True
    )
    in_code = set(ts_messages(fresh))
    assert len(in_code) > 5
    for language in ("fr", "en"):
        committed = set(ts_messages(ROOT / "i18n" / f"geopublier_{language}.ts"))
        missing = sorted(in_code - committed)
        assert missing == [], f"run `make translations`: not in geopublier_{language}.ts: {missing}"


def test_french_translation_is_complete() -> None:
    french = ts_messages(ROOT / "i18n" / "geopublier_fr.ts")
    unfinished = [
        source
        for (_, source), translation in french.items()
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert unfinished == []


@pytest.fixture()
def french_translator(packaged_plugin_dir: Path):
    """The compiled French translation from the package, installed for the test."""
    translator = QTranslator()
    assert translator.load(str(packaged_plugin_dir / "geopublier" / "i18n" / "geopublier_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_dialog_speaks_french_with_the_french_translation(french_translator) -> None:
    from plugin.gui.main_dialog import MainDialog

    dialog = MainDialog()
    titles = [dialog.stepTabs.tabText(i) for i in range(dialog.stepTabs.count())]
    assert titles == ["1. Décrire", "2. Préparer", "3. Destinations", "4. Publier"]
    assert dialog.layerLabel.text().startswith("Aucune couche sélectionnée")
