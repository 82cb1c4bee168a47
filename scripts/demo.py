"""`make demo`: the whole job on the local sandbox, headless, through the same code as the dialog.

Starts the sandbox (pycsw catalogue + udata portal), publishes the sample layer with
`qgis_process … geopublier:publish` (metadata from its .qmd and the organisation profile,
harmonised package, catalogue record, portal dataset), then reads the record and the dataset back
and prints where everything is: only links that answer (the dataset's web page on the portal, the
catalogue record, the publication report). A read-back that fails (dataset private, HTTP
error) is a French message and exit status 2, not a traceback. Run it twice: the second run
updates in place; the sandbox keeps its content across `sandbox stop`/`start`, and
`sandbox reset` makes the journal forget, so the next demo creates afresh.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sandbox import qgis_server  # noqa: E402
from sandbox.cli import ALL_SERVERS, KEY_ENV, Layout, is_running, load_state  # noqa: E402
from sandbox.cli import main as sandbox_main  # noqa: E402
from sandbox.common import sandbox_home  # noqa: E402
from sandbox.journals import register_profile  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "bornes_recharge_saint_exemple.geojson"
PROFILE = ROOT / "resources" / "sample" / "profil_organisme.json"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"
RECORD_ACTIONS = {"created": "créée", "updated": "mise à jour"}
DATASET_ACTIONS = {"created": "créé", "updated": "mis à jour"}


def say(text: str = "") -> None:
    """Print for the trainer, at once."""
    print(text, flush=True)


def qgis_publish(
    config_dir: Path,
    api_key: str,
    connections: Path,
    profile: Path,
    out_dir: Path,
    map_server: bool = True,
    layer: Path = SAMPLE,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run geopublier:publish on the sample (or a trainee's copy) through qgis_process with one
    QGIS profile and one portal key; returns the run and the JSON report's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "rapport_publication.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir))
    env[KEY_ENV] = api_key
    command = [
        QGIS_PROCESS,
        "run",
        "geopublier:publish",
        "--",
        f"INPUT={layer}",
        "CATALOGUE=Catalogue bac à sable",
        "PORTAL=Portail bac à sable",
        *([f"MAP_SERVER={qgis_server.CONNECTION_NAME}"] if map_server else []),
        f"CONNECTIONS={connections}",
        f"PROFILE={profile}",
        "MODE=0",
        "FORMATS=0,1",
        f"PACKAGE_FOLDER={out_dir / 'paquets'}",
        f"REPORT={report}",
    ]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    return result, report


def run_publish(layout: Layout, config_dir: Path, state: dict) -> dict:
    """The demo's publication; returns the JSON publication report."""
    result, report = qgis_publish(
        config_dir, state["udata"]["api_key"], layout.connections, PROFILE, layout.home / "demo"
    )
    if result.returncode != 0:
        say(result.stdout[-3000:])
        say(result.stderr[-3000:])
        raise SystemExit(
            f"La publication a échoué : voir les messages ci-dessus et le rapport {report}"
        )
    data = json.loads(report.read_text(encoding="utf-8"))
    data["report_path"] = str(report)
    return data


class ReadBackError(Exception):
    """The record or the dataset could not be read back; the message is for the trainer."""


def fetch(url: str, what: str, **params: str) -> requests.Response:
    """GET as an anonymous visitor; a clear French `ReadBackError` instead of a traceback."""
    try:
        response = requests.get(url, params=params or None, timeout=30)
    except requests.RequestException as error:
        raise ReadBackError(
            f"Relecture impossible : {what} ne répond pas ({type(error).__name__}) — {url}"
        ) from None
    if response.status_code != 200:
        hint = ""
        if response.status_code in (401, 403, 404, 410):
            hint = " : il n'est pas visible publiquement (resté privé, ou supprimé)"
        raise ReadBackError(
            f"Relecture impossible : {what} répond par l'erreur HTTP "
            f"{response.status_code}{hint} — {url}"
        )
    return response


def read_back(state: dict, record_id: str, dataset_id: str) -> tuple[str, dict]:
    """The record as the catalogue returns it, the dataset as the portal shows it publicly."""
    record = fetch(
        state["pycsw"]["url"],
        "le catalogue",
        service="CSW",
        version="2.0.2",
        request="GetRecordById",
        id=record_id,
        outputSchema="http://www.isotc211.org/2005/gmd",
        elementSetName="full",
    )
    url = f"{state['udata']['api_url']}/datasets/{dataset_id}/"
    answer = fetch(url, f"le jeu de données {dataset_id} du portail")
    try:
        dataset = answer.json()
    except ValueError:
        dataset = None
    if not isinstance(dataset, dict) or dataset.get("private") is not False:
        raise ReadBackError(
            f"Relecture impossible : le portail ne montre pas le jeu de données {dataset_id} "
            f"comme public — {url}"
        )
    return record.text, dataset


def package_folder(report: dict) -> str:
    """The export package just written, as the publication report names it."""
    return str((report.get("package") or {}).get("folder") or "(aucun paquet exporté)")


def files_and_links(dataset: dict) -> str:
    """« 3 fichier(s) et 2 lien(s) »: uploaded files, and links (services, catalogue)."""
    resources = dataset.get("resources") or []
    files = sum(1 for r in resources if r.get("filetype") == "file")
    return f"{files} fichier(s) et {len(resources) - files} lien(s)"


def answering(url: str) -> bool:
    """Tell whether a link opens: an existing local file, or an HTTP 200 for a visitor."""
    if url.startswith("/") or url.startswith("file:"):
        return Path(url.removeprefix("file://")).is_file()
    try:
        return requests.get(url, timeout=30).status_code == 200
    except requests.RequestException:
        return False


def link_line(label: str, url: str) -> str:
    """`label : url` when the link answers, else a sentence saying it does not (no dead link)."""
    if url and answering(url):
        return f"{label} : {url}"
    return f"{label} : indisponible (le lien ne répond pas : {url or 'aucun'})"


def quality_text(dataset: dict) -> str:
    """udata's own metadata quality score as a percentage, and what it still misses."""
    quality = dataset.get("quality") or {}
    if "score" not in quality:
        return "non calculée par ce portail"
    missing = [k for k, v in quality.items() if v is False]
    text = f"{round(100 * float(quality['score']))} %"
    return text + (f" (manque : {', '.join(missing)})" if missing else "")


def main() -> int:
    """Start the sandbox, publish, read back, print the links."""
    layout = Layout(sandbox_home())
    config_dir = Path(os.environ.get("GEOPUBLIER_DEMO_QGIS_CONFIG", ROOT / ".qgis-profile"))
    register_profile(layout.home, config_dir)
    state = load_state(layout)
    if all(is_running(state.get(name, {})) for name in ALL_SERVERS):
        say(
            f"Le bac à sable tourne déjà : catalogue {state['pycsw']['url']}, "
            f"portail {state['udata']['url']}/fr/"
        )
    elif sandbox_main(["start"]) != 0:
        return 1
    state = load_state(layout)
    say("\nPublication de la couche d'exemple (bornes de recharge de Saint-Exemple)…")
    report = run_publish(layout, config_dir, state)
    steps = {step["role"]: step for step in report["steps"]}
    catalogue, portal = steps["catalogue"], steps["portal"]
    try:
        xml, dataset = read_back(state, catalogue["remote_id"], portal["remote_id"])
    except ReadBackError as error:
        say(f"\n{error}")
        say(f"Rapport de publication : {Path(report['report_path']).with_suffix('.html')}")
        return 2
    title_found = report["title"].replace("'", "&apos;") in xml or report["title"] in xml
    html_report = str(Path(report["report_path"]).with_suffix(".html"))
    say(f"\nFiche du catalogue {RECORD_ACTIONS[catalogue['action']]}")
    say("  " + link_line("fiche", catalogue["url"]))
    say(f"  relue dans le catalogue : {'oui' if title_found else 'NON'}")
    say(f"Jeu de données du portail {DATASET_ACTIONS[portal['action']]}")
    say("  " + link_line("page du portail", str(dataset.get("page") or "")))
    say("  " + link_line("API", f"{state['udata']['api_url']}/datasets/{dataset['id']}/"))
    say(
        f"  relu sur le portail : « {dataset['title']} », {files_and_links(dataset)}, "
        f"licence {dataset['license']}, public"
    )
    say(f"  qualité des métadonnées sur le portail : {quality_text(dataset)}")
    link_step = steps.get("links") or {}
    if link_step.get("status") == "done":
        count = (link_step.get("details") or {}).get("count", 0)
        say(f"  liens ajoutés à la fiche (page du jeu de données, fichiers, services) : {count}")
    map_ok = say_map(steps.get("mapserver"))
    say(f"Paquet exporté : {package_folder(report)}")
    say(link_line("Rapport de publication", html_report))
    say(f"  (le même en JSON : {report['report_path']})")
    links = {
        "record": catalogue["url"],
        "page": str(dataset.get("page") or ""),
        "report": html_report,
    }
    (layout.home / "demo" / "liens.json").write_text(json.dumps(links, indent=2), encoding="utf-8")
    say("\nRelancez « make demo » : la même fiche et le même jeu de données sont mis à jour.")
    return 0 if title_found and map_ok else 1


def say_map(step: dict | None) -> bool:
    """The WMS/WFS of the layer on the sandbox's QGIS Server, and a GetMap that shows it."""
    if step is None:
        return True
    details = step.get("details") or {}
    url = qgis_server.getmap_url(
        details.get("wms_base", ""), step["remote_id"], qgis_server.geojson_bbox(SAMPLE)
    )
    try:
        answer = fetch(url, "le serveur cartographique")
    except ReadBackError as error:
        say(f"\n{error}")
        return False
    is_png = answer.headers.get("Content-Type", "").startswith("image/png")
    say(f"Couche sur QGIS Server {RECORD_ACTIONS[step['action']]} : {step['remote_id']}")
    say(f"  WMS : {details.get('wms_url', '')}")
    say(f"  WFS : {details.get('wfs_url', '')}")
    say(f"  carte (GetMap, à ouvrir dans un navigateur) : {url}")
    say(f"  carte relue : {'oui' if is_png else 'NON'} ({len(answer.content)} octets)")
    return is_png


if __name__ == "__main__":
    sys.exit(main())
