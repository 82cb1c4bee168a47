"""`make demo`: the whole job on the local sandbox, headless, through the same code as the dialog.

Starts the sandbox (pycsw catalogue + udata portal), publishes the sample layer with
`qgis_process … geopublier:publish` (metadata from its .qmd and the organisation profile,
harmonised package, catalogue record, portal dataset), then reads the record and the dataset back
and prints where everything is. Run it twice: the second run updates in place.
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

from sandbox.cli import KEY_ENV, SERVERS, Layout, is_running, load_state  # noqa: E402
from sandbox.cli import main as sandbox_main  # noqa: E402
from sandbox.common import sandbox_home  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "bornes_recharge_saint_exemple.geojson"
PROFILE = ROOT / "resources" / "sample" / "profil_organisme.json"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"
RECORD_ACTIONS = {"created": "créée", "updated": "mise à jour"}
DATASET_ACTIONS = {"created": "créé", "updated": "mis à jour"}


def say(text: str = "") -> None:
    """Print for the trainer, at once."""
    print(text, flush=True)


def run_publish(layout: Layout, config_dir: Path, state: dict) -> dict:
    """geopublier:publish through qgis_process; returns the JSON publication report."""
    demo = layout.home / "demo"
    demo.mkdir(parents=True, exist_ok=True)
    report = demo / "rapport_publication.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir))
    env[KEY_ENV] = state["udata"]["api_key"]
    command = [
        QGIS_PROCESS,
        "run",
        "geopublier:publish",
        "--",
        f"INPUT={SAMPLE}",
        "CATALOGUE=Catalogue bac à sable",
        "PORTAL=Portail bac à sable",
        f"CONNECTIONS={layout.connections}",
        f"PROFILE={PROFILE}",
        "MODE=0",
        "FORMATS=0,1",
        f"PACKAGE_FOLDER={demo / 'paquets'}",
        f"REPORT={report}",
    ]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        say(result.stdout[-3000:])
        say(result.stderr[-3000:])
        raise SystemExit(
            f"La publication a échoué : voir les messages ci-dessus et le rapport {report}"
        )
    data = json.loads(report.read_text(encoding="utf-8"))
    data["report_path"] = str(report)
    data["stdout"] = result.stdout
    return data


def read_back(state: dict, record_id: str, dataset_id: str) -> tuple[str, dict]:
    """The record as the catalogue returns it, the dataset as the portal shows it publicly."""
    record = requests.get(
        state["pycsw"]["url"],
        timeout=30,
        params={
            "service": "CSW",
            "version": "2.0.2",
            "request": "GetRecordById",
            "id": record_id,
            "outputSchema": "http://www.isotc211.org/2005/gmd",
            "elementSetName": "full",
        },
    )
    record.raise_for_status()
    dataset = requests.get(f"{state['udata']['api_url']}/datasets/{dataset_id}/", timeout=30)
    dataset.raise_for_status()
    return record.text, dataset.json()


def package_folder(stdout: str) -> str:
    """The export package folder, as the algorithm logs it."""
    for line in stdout.splitlines():
        if "Export package:" in line or "Paquet d'export" in line:
            return line.split(":", 1)[1].strip()
    return ""


def main() -> int:
    """Start the sandbox, publish, read back, print the links."""
    layout = Layout(sandbox_home())
    config_dir = Path(os.environ.get("GEOPUBLIER_DEMO_QGIS_CONFIG", ROOT / ".qgis-profile"))
    state = load_state(layout)
    if all(is_running(state.get(name, {})) for name in SERVERS):
        say(
            f"Le bac à sable tourne déjà : catalogue {state['pycsw']['url']}, "
            f"portail {state['udata']['url']}"
        )
    elif sandbox_main(["start"]) != 0:
        return 1
    state = load_state(layout)
    say("\nPublication de la couche d'exemple (bornes de recharge de Saint-Exemple)…")
    report = run_publish(layout, config_dir, state)
    steps = {step["role"]: step for step in report["steps"]}
    catalogue, portal = steps["catalogue"], steps["portal"]
    xml, dataset = read_back(state, catalogue["remote_id"], portal["remote_id"])
    title_found = report["title"].replace("'", "&apos;") in xml or report["title"] in xml
    say(f"\nFiche du catalogue {RECORD_ACTIONS[catalogue['action']]} : {catalogue['url']}")
    say(f"  relue dans le catalogue : {'oui' if title_found else 'NON'}")
    say(
        f"Jeu de données du portail {DATASET_ACTIONS[portal['action']]} : "
        f"{state['udata']['api_url']}/datasets/{dataset['id']}/"
    )
    say(
        f"  relu sur le portail : « {dataset['title']} », {len(dataset['resources'])} fichier(s), "
        f"licence {dataset['license']}, {'public' if not dataset['private'] else 'privé'}"
    )
    say(f"Paquet exporté : {package_folder(report['stdout'])}")
    say(f"Rapport de publication : {report['report_path']}")
    say("\nRelancez « make demo » : la même fiche et le même jeu de données sont mis à jour.")
    return 0 if title_found else 1


if __name__ == "__main__":
    sys.exit(main())
