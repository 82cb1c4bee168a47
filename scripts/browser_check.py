"""Open what `make demo` printed in a real browser (headless Chromium) and say what a visitor sees.

    python scripts/browser_check.py DATASET_PAGE_URL REPORT_HTML [--screenshots DIR]
    python scripts/browser_check.py --demo .sandbox/demo/liens.json [--screenshots DIR]

The portal's dataset page: its title, licence (the one the portal's API gives the dataset, shown
on the page), listed files (drawn by the page's JavaScript) and the « Qualité des métadonnées »
bar. The publication report: every link in it answers, and it fits the window's width.
Drives Debian's `chromium` with Playwright (no browser download). Exit status 1 when something
a trainee would miss is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import requests

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1366, "height": 1500}
# A file is listed under its name, or under the title GeoPublier gives it (« … — GeoPackage
# (Lambert-93) », « … — fiche de métadonnées INSPIRE (ISO 19139) »).
FORMAT_WORDS = {
    "GeoPackage": "gpkg",
    "GeoJSON": "geojson",
    "CSV": "csv",
    "Shapefile": "zip",
    "GeoTIFF": "tif",
    "ISO 19139": "xml",
}
FILES_SHOWN = (
    r"/\.(gpkg|geojson|csv|zip|xml)\b|— (GeoPackage|GeoJSON|CSV|Shapefile|GeoTIFF|fiche)/"
    ".test(document.body.innerText)"
)
TIMEOUT_MS = 30_000


@dataclass
class PageFacts:
    """What the browser showed."""

    title: str = ""
    text: str = ""
    files: list[str] = field(default_factory=list)
    formats: set[str] = field(default_factory=set)  # file kinds listed: gpkg, geojson, xml…
    links: dict[str, int] = field(default_factory=dict)  # href → HTTP status (or 404 for a file)
    licence: str = ""  # the dataset's licence title, as the API names it
    licence_shown: bool = False
    width: int = 0  # the page's width in CSS pixels (wider than the window: a horizontal scroll)


def browser(playwright):  # noqa: ANN001, ANN201 - Playwright's own types
    """Debian's Chromium, headless; no sandbox (root in CI)."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
    )


def api_licence(page_url: str) -> str:
    """The title of the licence the portal's API gives the dataset of a `/fr/datasets/<slug>/`
    page ("" when the API does not say)."""
    found = re.match(r"(https?://[^/]+)/(?:[a-z]{2}/)?datasets/([^/?#]+)", page_url)
    if not found:
        return ""
    api = f"{found.group(1)}/api/1"
    try:
        licence_id = requests.get(f"{api}/datasets/{found.group(2)}/", timeout=30).json()["license"]
        licences = requests.get(f"{api}/datasets/licenses/", timeout=30).json()
    except (requests.RequestException, ValueError, KeyError, TypeError):
        return ""
    titles = {item.get("id"): item.get("title", "") for item in licences}
    return titles.get(licence_id) or ""


def dataset_page(url: str, screenshot: Path | None = None) -> PageFacts:
    """Open the dataset page as a visitor; wait for the resource list the page draws."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser(playwright)
        try:
            page = chromium.new_page(viewport=VIEWPORT, locale="fr-FR")
            page.goto(url, wait_until="networkidle", timeout=TIMEOUT_MS)
            page.wait_for_selector("h1", timeout=TIMEOUT_MS)
            try:  # the resource list comes from /api/2/ once the page's scripts ran
                page.wait_for_function(FILES_SHOWN, timeout=TIMEOUT_MS)
            except PlaywrightTimeout:
                pass  # reported below as "no file listed"
            facts = PageFacts(title=page.inner_text("h1").strip(), text=page.inner_text("body"))
            names = set(re.findall(r"[\w.-]+\.(?:gpkg|geojson|xml|csv|zip)\b", facts.text))
            titles = {line.strip() for line in facts.text.splitlines() if " — " in line}
            titles = {t for t in titles if any(word in t for word in FORMAT_WORDS)}
            facts.files = sorted(names | titles)
            facts.formats = {n.rsplit(".", 1)[1] for n in names} | {
                ext for t in titles for word, ext in FORMAT_WORDS.items() if word in t
            }
            facts.licence = api_licence(url)
            facts.licence_shown = bool(facts.licence) and facts.licence in facts.text
            if screenshot:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=False)
        finally:
            chromium.close()
    return facts


def link_status(href: str, base: Path) -> int:
    """200 when a link opens (HTTP 200, or an existing local file), else its status."""
    if href.startswith(("http://", "https://")):
        try:
            return requests.get(href, timeout=30).status_code
        except requests.RequestException:
            return 0
    local = Path(href.removeprefix("file://"))
    return 200 if (local if local.is_absolute() else base / local).exists() else 404


def report_page(path: Path, screenshot: Path | None = None) -> PageFacts:
    """Open the HTML publication report; check every link in it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser(playwright)
        try:
            page = chromium.new_page(viewport=VIEWPORT, locale="fr-FR")
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=TIMEOUT_MS)
            facts = PageFacts(title=page.title(), text=page.inner_text("body"))
            facts.width = page.evaluate("document.documentElement.scrollWidth")
            hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
            if screenshot:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            chromium.close()
    facts.links = {href: link_status(href, path.parent) for href in dict.fromkeys(hrefs)}
    return facts


def main(argv: list[str] | None = None) -> int:
    """Print what the browser saw; 1 when the page lacks something or a link is dead."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset_page", nargs="?", default="")
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("--demo", type=Path, help="liens.json written by scripts/demo.py")
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)
    if args.demo:
        links = json.loads(args.demo.read_text(encoding="utf-8"))
        args.dataset_page, args.report = links["page"], Path(links["report"])
    if not args.dataset_page or not args.report:
        parser.error("une page du portail et un rapport, ou --demo liens.json")
    shots: Path | None = args.screenshots
    portal = dataset_page(args.dataset_page, shots and shots / "portail_jeu_de_donnees.png")
    report = report_page(args.report, shots and shots / "rapport_publication.png")
    quality = "Qualité des métadonnées" in portal.text
    print(f"Page du portail : « {portal.title} »")
    shown = "affichée" if portal.licence_shown else "NON affichée sur la page"
    print(f"  licence : {portal.licence or 'inconnue (API du portail)'} — {shown}")
    print(f"  fichiers listés : {', '.join(portal.files) or 'aucun'}")
    print(f"  barre « Qualité des métadonnées » : {'oui' if quality else 'NON'}")
    dead = {href: status for href, status in report.links.items() if status != 200}
    print(f"Rapport : {len(report.links)} lien(s), {len(dead)} sans réponse")
    for href, status in dead.items():
        print(f"  {status} {href}")
    fits = report.width <= VIEWPORT["width"]
    print(
        f"  largeur : {report.width} px pour une fenêtre de {VIEWPORT['width']} px"
        f"{'' if fits else ' — TROP LARGE (défilement horizontal)'}"
    )
    seen = portal.title and portal.files and quality and portal.licence_shown
    return 0 if seen and not dead and fits else 1


if __name__ == "__main__":
    sys.exit(main())
