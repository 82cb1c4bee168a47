"""A rehearsal of the training room: every trainee publishes the same sample layer, headless.

    python scripts/room_rehearsal.py [--trainees 12] [--parallel 3]

Starts the sandbox with that many trainee accounts (or uses the running one), then, for each
trainee, runs `qgis_process … geopublier:publish` with the trainee's own QGIS profile, API key,
connections file and organisation profile (own identifier namespace) — what each trainee does in
the dialog. Then counts, as the servers answer them, the catalogue records and the public
datasets of each trainee's organisation: one each, nobody's work overwritten. Exit status 1
otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_package  # noqa: E402
import install_plugin  # noqa: E402
from demo import qgis_publish, say  # noqa: E402

from sandbox.cli import SERVERS, Layout, is_running, load_state  # noqa: E402
from sandbox.cli import main as sandbox_main  # noqa: E402
from sandbox.common import sandbox_home  # noqa: E402
from sandbox.journals import register_profile  # noqa: E402
from sandbox.room import SAMPLE, trainee_name  # noqa: E402


def ensure_room(layout: Layout, count: int) -> dict[str, Any]:
    """The running sandbox with at least `count` trainees (started if needed)."""
    state = load_state(layout)
    if not all(is_running(state.get(name, {})) for name in SERVERS):
        if sandbox_main(["start", "--trainees", str(count)]) != 0:
            raise SystemExit(1)
        state = load_state(layout)
    if len(state.get("trainees") or []) < count:
        raise SystemExit(
            f"Le bac à sable tourne avec {len(state.get('trainees') or [])} stagiaire(s) : "
            f"arrêtez-le (make sandbox-stop) puis relancez avec {count} stagiaires."
        )
    return state


def publish_as(trainee: dict[str, Any], folder: Path, plugin_zip: Path) -> dict[str, Any]:
    """One trainee's publication with their own QGIS profile; their JSON report."""
    config_dir = folder / "qgis"
    install_plugin.install(plugin_zip, config_dir)
    register_profile(folder.parent.parent, config_dir)
    result, report = qgis_publish(
        config_dir,
        trainee["api_key"],
        folder / "connexions.json",
        folder / "profil_organisme.json",
        folder / "publication",
        map_server=False,
        layer=folder / SAMPLE.name,
    )
    if result.returncode != 0:
        return {"ok": False, "error": (result.stdout + result.stderr)[-1500:]}
    return json.loads(report.read_text(encoding="utf-8"))


def public_datasets(portal_api: str, organization_id: str) -> list[dict[str, Any]]:
    """The organisation's datasets as a visitor lists them."""
    answer = requests.get(f"{portal_api}/organizations/{organization_id}/datasets/", timeout=30)
    answer.raise_for_status()
    data = answer.json()
    return list(data.get("data", data) if isinstance(data, dict) else data)


def catalogue_has(csw_url: str, record_id: str) -> bool:
    """GetRecordById finds the record."""
    params = {"service": "CSW", "version": "2.0.2", "request": "GetRecordById", "id": record_id}
    answer = requests.get(csw_url, params=params, timeout=30)
    return answer.status_code == 200 and record_id in answer.text


def main(argv: list[str] | None = None) -> int:
    """Publish as every trainee, then check one record and one dataset each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=12)
    parser.add_argument("--parallel", type=int, default=3)
    args = parser.parse_args(argv)
    layout = Layout(sandbox_home())
    state = ensure_room(layout, args.trainees)
    trainees = state["trainees"][: args.trainees]
    plugin_zip = build_package.build(layout.home / "dist")
    folders = [layout.home / "stagiaires" / trainee_name(t["number"]) for t in trainees]
    say(f"Publication de la couche d'exemple par {len(trainees)} stagiaire(s)…")
    with ThreadPoolExecutor(max_workers=max(1, args.parallel)) as pool:
        reports = list(pool.map(publish_as, trainees, folders, [plugin_zip] * len(trainees)))
    records, datasets, failures = set(), set(), 0
    for trainee, report in zip(trainees, reports):
        name = trainee_name(trainee["number"])
        steps = {s.get("role"): s for s in report.get("steps", [])}
        record_id = str((steps.get("catalogue") or {}).get("remote_id") or "")
        owned = public_datasets(state["udata"]["api_url"], trainee["organization_id"])
        found = record_id and catalogue_has(state["pycsw"]["url"], record_id)
        ok = bool(report.get("ok")) and found and len(owned) == 1
        failures += not ok
        records.add(record_id)
        datasets.update(d["id"] for d in owned)
        say(
            f"  {name} : fiche {record_id or '—'} {'trouvée' if found else 'ABSENTE'}, "
            f"{len(owned)} jeu(x) de données public(s) de {trainee['organization']}"
            + ("" if ok else f" — ÉCHEC {report.get('error', '')}")
        )
    distinct = len(records - {""})
    say(f"{distinct} fiche(s) distincte(s), {len(datasets)} jeu(x) de données distinct(s).")
    return 0 if not failures and len(records) == len(datasets) == len(trainees) else 1


if __name__ == "__main__":
    sys.exit(main())
