"""Bilingual code lists shipped as JSON in `resources/codelists/`, loaded once and cached."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any, Optional

CODELIST_NAMES = (
    "inspire_themes",
    "topic_categories",
    "limitations_on_public_access",
    "conditions_access_use",
    "roles",
    "maintenance_frequencies",
    "licences",
    "crs",
    "spatial_representation_types",
    "languages",
)


class CodeListError(Exception):
    """A code list file is missing or unreadable (a packaging problem, not a user error)."""

    def __init__(self, code: str, params: dict[str, str]) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def resources_dir() -> Path:
    """Return the plugin's `resources/` folder (three levels above this module's folder)."""
    return Path(__file__).resolve().parents[2] / "resources"


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Return the whole JSON document of code list `name` (source note + values)."""
    if name not in CODELIST_NAMES:
        raise CodeListError("codelist.unknown", {"name": name})
    path = resources_dir() / "codelists" / f"{name}.json"
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise CodeListError("codelist.unreadable", {"name": name, "path": str(path)}) from exc


def values(name: str) -> list[dict[str, Any]]:
    """Return the entries of code list `name`."""
    return list(load(name)["values"])


@functools.cache
def _index(name: str, key: str) -> dict[Any, dict[str, Any]]:
    """Return the entries of `name` indexed by `key`."""
    return {entry[key]: entry for entry in load(name)["values"]}


def codes(name: str) -> list[Any]:
    """Return the identifying values of a code list, in file order."""
    key = _key_of(name)
    return [entry[key] for entry in load(name)["values"]]


def get(name: str, code: Any) -> Optional[dict[str, Any]]:
    """Return the entry of `name` whose identifying value is `code`, or None."""
    return _index(name, _key_of(name)).get(code)


def label(name: str, code: Any, lang: str = "fr") -> str:
    """Return the French (default) or English label of `code`, or the code itself if unknown."""
    entry = get(name, code)
    if entry is None:
        return str(code)
    return str(entry.get(lang) or entry.get("fr") or entry.get("name") or code)


def _key_of(name: str) -> str:
    """Return the field that identifies entries of code list `name`."""
    return {"licences": "id", "crs": "epsg"}.get(name, "code")


def gemet_thesaurus() -> dict[str, str]:
    """Return the citation of the GEMET INSPIRE themes thesaurus (title, date, date type, uri)."""
    return dict(load("inspire_themes")["thesaurus"])


@functools.cache
def theme_lookup() -> dict[str, str]:
    """Return a map from theme code, URI, French and English label to the theme code."""
    lookup: dict[str, str] = {}
    for theme in load("inspire_themes")["values"]:
        for key in (theme["code"], theme["uri"], theme["fr"], theme["en"]):
            lookup[key] = theme["code"]
    return lookup


@functools.cache
def _language_lookup() -> dict[str, str]:
    """Map of every way to write a language (codes, French and English names) to its B code."""
    lookup: dict[str, str] = {}
    for entry in load("languages")["values"]:
        for key in ("code", "alpha2", "terminology", "fr", "en"):
            if entry.get(key):
                lookup[str(entry[key]).casefold()] = str(entry["code"])
    return lookup


def language_code(text: str) -> Optional[str]:
    """The ISO 639-2/B code INSPIRE wants ("fre") for a language as QGIS or a user writes it.

    Accepts B and T codes ("fre", "fra"), ISO 639-1 codes as QGIS's metadata editor stores them
    ("fr", "FR"), locales ("fr_FR", "fr-FR") and names ("French", "français", "Dutch; Flemish").
    """
    wanted = " ".join(text.split()).casefold()
    lookup = _language_lookup()
    candidates = [wanted, wanted.split(";")[0].strip(), re.split(r"[-_]", wanted)[0]]
    for candidate in candidates:
        if candidate in lookup:
            return lookup[candidate]
    return None


def licence_by_url(url: str) -> Optional[str]:
    """Return the licence id whose URL matches `url` (scheme and trailing slash ignored)."""
    wanted = _normalise_url(url)
    for entry in load("licences")["values"]:
        if _normalise_url(entry["url"]) == wanted:
            return str(entry["id"])
    return None


def licence_by_title(title: str) -> Optional[str]:
    """Return the licence id whose French or English title equals `title` (case-insensitive)."""
    wanted = " ".join(title.split()).casefold()
    for entry in load("licences")["values"]:
        if wanted in (entry["fr"].casefold(), entry["en"].casefold()):
            return str(entry["id"])
    return None


def licence_in_text(text: str) -> Optional[str]:
    """Return the licence id whose URL appears inside free text ("Licence Ouverte 1.0 https://…")."""
    folded = text.lower().replace("https://", "").replace("http://", "").replace("www.", "")
    for entry in load("licences")["values"]:
        if _normalise_url(entry["url"]) in folded:
            return str(entry["id"])
    return None


def _normalise_url(url: str) -> str:
    """Return `url` without scheme, `www.` and trailing slash, lower-cased."""
    text = url.strip().lower()
    for prefix in ("https://", "http://"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.startswith("www."):
        text = text[4:]
    return text.rstrip("/")
