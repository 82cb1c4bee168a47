"""metadata.txt carries what the official QGIS plugin repository requires."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from plugin import __about__

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = [
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "repository",
]


def general_section() -> configparser.SectionProxy:
    """The [general] section, keys case-preserved as the repository reads them."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_required_fields_are_present_and_filled() -> None:
    section = general_section()
    missing = [key for key in REQUIRED if not section.get(key, "").strip()]
    assert missing == []


def test_version_and_minimum_qgis_are_valid() -> None:
    section = general_section()
    assert re.fullmatch(r"\d+\.\d+\.\d+", section["version"])
    assert section["qgisMinimumVersion"] == "3.22"
    assert section["category"] == "Web"
    assert section["hasProcessingProvider"] == "yes"


def test_description_and_about_are_french_and_english() -> None:
    section = general_section()
    assert "couche" in section["description"] and "layer" in section["description"]
    assert "métadonnées INSPIRE" in section["about"] and "INSPIRE metadata" in section["about"]


def test_icon_exists_and_urls_are_http() -> None:
    section = general_section()
    assert (ROOT / section["icon"]).is_file()
    for key in ("homepage", "tracker", "repository"):
        assert section[key].startswith("https://")


def test_about_module_reads_the_same_values() -> None:
    assert __about__.__title__ == "GeoPublier"
    assert __about__.__version__ == general_section()["version"]


def test_offered_from_qgis_3_22_to_qgis_4() -> None:
    """The plugin repository offers it to QGIS 3.22 LTR up to QGIS 4 (Qt 6) users."""
    general = general_section()
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["supportsQt6"] == "True"
