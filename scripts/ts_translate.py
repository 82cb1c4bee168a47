"""Fill translations in a Qt .ts file from a JSON object {source text: translation}.

Usage: python scripts/ts_translate.py i18n/geopublier_fr.ts translations.json
Messages whose source is in the JSON get that translation and lose the "unfinished" mark.
Prints the sources still untranslated, so a developer sees what is left.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lxml import etree


def fill(ts_path: Path, translations: dict[str, str]) -> list[str]:
    """Apply translations in place; return the sources that remain unfinished."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(str(ts_path), parser)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in translations:
            translation.text = translations[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(source)
    tree.write(str(ts_path), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    return missing


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    ts_path, json_path = Path(argv[0]), Path(argv[1])
    translations = json.loads(json_path.read_text(encoding="utf-8"))
    for source in fill(ts_path, translations):
        print(f"untranslated: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
