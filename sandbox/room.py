"""A training room: one portal account, organisation, API key, organisation profile and
connections file per trainee, and a printable one-page sheet each.

Accounts are numbered (stagiaire-01, stagiaire-02…); their passwords, keys and ids are kept in
the sandbox state so they survive stop/start/reset. Each trainee has their own identifier
namespace, so twelve trainees publishing the same sample layer make twelve records and twelve
datasets, none overwriting another. Files go to SANDBOX_HOME/stagiaires/stagiaire-NN/.
"""

from __future__ import annotations

import html
import json
import os
import re
import secrets
import shutil
from pathlib import Path
from typing import Any

from .common import REPO_ROOT

SAMPLE = REPO_ROOT / "resources" / "sample" / "bornes_recharge_saint_exemple.geojson"
SAMPLE_PROFILE = REPO_ROOT / "resources" / "sample" / "profil_organisme.json"
EMAIL_DOMAIN = "bac-a-sable.example.org"
ACCOUNT_KEYS = ("email", "password", "api_key", "user_id", "organization_id", "organization_slug")


def trainee_name(number: int) -> str:
    """`stagiaire-07`: the folder and login stem of a trainee."""
    return f"stagiaire-{number:02d}"


def new_password(stem: str) -> str:
    """A password easy to type in a room (the sandbox is not on the Internet)."""
    return f"Carto-{secrets.token_hex(3)}-{stem}"


def sheets_file(home: Path) -> Path:
    """The document holding every trainee's sheet, to print at once."""
    return home / "stagiaires" / "fiches.html"


def new_trainee(number: int) -> dict[str, Any]:
    """A trainee account to create: login, an easy-to-type password, own organisation."""
    return {
        "number": number,
        "email": f"{trainee_name(number)}@{EMAIL_DOMAIN}",
        "password": new_password(f"{number:02d}"),
        "first_name": "Stagiaire",
        "last_name": f"{number:02d}",
        "organization": f"Commune d'exercice {number:02d}",
        "organization_description": f"Organisation du stagiaire {number:02d} (bac à sable).",
    }


def trainee_seeds(previous: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """The first `count` trainees: the known ones as they were (same password, key, ids),
    then new ones."""
    known = {int(t["number"]): t for t in previous if t.get("number")}
    return [dict(known.get(n) or new_trainee(n)) for n in range(1, count + 1)]


def merge_ready(seeds: list[dict[str, Any]], ready: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add what the portal answered (key, ids, slug) to each trainee's seed, by e-mail."""
    by_email = {entry["email"]: entry for entry in ready}
    merged = []
    for seed in seeds:
        answer = by_email.get(seed["email"], {})
        merged.append({**seed, **{k: answer[k] for k in ACCOUNT_KEYS if answer.get(k)}})
    return merged


def organisation_profile(trainee: dict[str, Any]) -> dict[str, Any]:
    """The sample organisation profile, made the trainee's own (name, e-mail, namespace)."""
    profile = json.loads(SAMPLE_PROFILE.read_text(encoding="utf-8"))
    name = trainee_name(int(trainee["number"]))
    profile.update(
        organisation=trainee["organization"],
        email=f"sig.{name}@{EMAIL_DOMAIN}",
        identifier_namespace=f"https://{EMAIL_DOMAIN}/{name}/id/",
    )
    return profile


def sample_copy(folder: Path, trainee: dict[str, Any]) -> Path:
    """The trainee's own copy of the sample layer: its metadata (.qmd) carries an identifier
    in the trainee's namespace and their number in the title, so twelve trainees make twelve
    catalogue records instead of rewriting one."""
    target = folder / SAMPLE.name
    shutil.copyfile(SAMPLE, target)
    namespace = organisation_profile(trainee)["identifier_namespace"]
    metadata = SAMPLE.with_suffix(".qmd").read_text(encoding="utf-8")
    metadata = re.sub(
        r"<identifier>[^<]*?([^/<]+)</identifier>",
        lambda found: f"<identifier>{namespace}{found.group(1)}</identifier>",
        metadata,
        count=1,
    )
    metadata = re.sub(
        r"<title>([^<]*)</title>",
        lambda found: f"<title>{found.group(1)} ({trainee_name(int(trainee['number']))})</title>",
        metadata,
        count=1,
    )
    target.with_suffix(".qmd").write_text(metadata, encoding="utf-8")
    return target


def connections(catalogue_url: str, portal_url: str, organization_id: str, key_env: str) -> dict:
    """The GeoPublier connections file of the sandbox (no secret: the key is read from env)."""
    return {
        "connections": [
            {"name": "Catalogue bac à sable", "type": "csw", "url": catalogue_url},
            {
                "name": "Portail bac à sable",
                "type": "udata",
                "url": portal_url,
                "api_key_env": key_env,
                "options": {"organization": organization_id},
            },
        ]
    }


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (it holds a password or a key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def write_trainee_files(
    folder: Path, trainee: dict[str, Any], state: dict[str, Any], key_env: str
) -> dict[str, Path]:
    """connexions.json, profil_organisme.json, sandbox.env and fiche.html of one trainee."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "connections": folder / "connexions.json",
        "profile": folder / "profil_organisme.json",
        "env": folder / "sandbox.env",
        "sheet": folder / "fiche.html",
        "layer": sample_copy(folder, trainee),
    }
    portal = state["udata"]
    content = connections(state["pycsw"]["url"], portal["url"], trainee["organization_id"], key_env)
    files["connections"].write_text(
        json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    files["profile"].write_text(
        json.dumps(organisation_profile(trainee), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    write_private(files["env"], f"export {key_env}={trainee['api_key']}\n")
    write_private(files["sheet"], sheet_html(trainee, state, files))
    return files


SHEET_STYLE = """
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #161616;
       max-width: 180mm; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 2mm; color: #000091; }
h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; color: #000091; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { width: 34%; background: #f3f3f8; font-weight: 600; }
code, .key { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
.key { word-break: break-all; font-size: 7.5pt; }
ol { margin: 1mm 0; padding-left: 6mm; } li { margin: 1mm 0; }
.note { font-size: 9.5pt; color: #444; }
.sheet { page-break-after: always; }
"""


def _row(label: str, value: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<tr><th>{html.escape(label)}</th><td{cls}>{html.escape(value)}</td></tr>"


def sheet_body(trainee: dict[str, Any], state: dict[str, Any], files: dict[str, Path]) -> str:
    """One trainee's page: who they are on the portal, what to import, what to do."""
    portal = state["udata"]
    profile = organisation_profile(trainee)
    name = trainee_name(int(trainee["number"]))
    login_url = f"{portal['url']}/fr/login"
    profile_page = f"{portal['url']}/fr/admin/me/"
    organisation_page = f"{portal['url']}/fr/organizations/{trainee.get('organization_slug', '')}/"
    account = "".join(
        [
            _row("Portail (page web)", f"{portal['url']}/fr/"),
            _row("Se connecter", login_url),
            _row("Identifiant (courriel)", trainee["email"]),
            _row("Mot de passe", trainee["password"]),
            _row("Votre organisation", f"{trainee['organization']} — {organisation_page}"),
            _row("Catalogue (CSW)", state["pycsw"]["url"]),
        ]
    )
    qgis = "".join(
        [
            _row("Connexions à importer", str(files["connections"])),
            _row("Organisme", profile["organisation"]),
            _row("Courriel de l'organisme", profile["email"]),
            _row("Espace de noms des identifiants", profile["identifier_namespace"]),
            _row("Couche d'exemple (votre copie)", str(files["layer"])),
            _row("Clé d'API du portail", trainee["api_key"], "key"),
        ]
    )
    return f"""<section class="sheet">
<h1>GeoPublier — fiche de {html.escape(name)}</h1>
<p>Bac à sable de formation : un catalogue et un portail de données ouvertes comme
data.gouv.fr, rien n'est publié sur Internet.</p>
<h2>Votre compte sur le portail</h2>
<table>{account}</table>
<h2>À préparer dans QGIS</h2>
<table>{qgis}</table>
<h2>Ce qu'il faut faire</h2>
<ol>
<li>QGIS → Préférences → Options → <b>GeoPublier</b> : saisissez l'organisme, son courriel et
l'espace de noms des identifiants ci-dessus, puis OK.</li>
<li>Ouvrez la couche d'exemple, puis GeoPublier. Étape <b>Destinations</b> : « Importer… » le
fichier de connexions ci-dessus.</li>
<li>Connexion « Portail bac à sable » : bouton d'authentification → nouvelle configuration
« De base », mot de passe = votre clé d'API (sur le portail : connectez-vous, puis
{html.escape(profile_page)} : cadre « Clé d'API », copiez-la). « Tester la connexion » doit
afficher votre organisation.</li>
<li>Étape <b>Décrire</b> : complétez ce que la liste de contrôle INSPIRE demande encore.</li>
<li><b>Publier</b>. Ouvrez le lien du portail : votre jeu de données est public, sous votre
organisation, avec ses fichiers et sa barre « Qualité des métadonnées ».</li>
<li>Modifiez le résumé et publiez de nouveau : le même jeu de données est « mis à jour ».</li>
</ol>
<p class="note">Identifiant GeoPublier de votre jeu de données : il commence par
{html.escape(profile["identifier_namespace"])} — chacun a le sien, personne n'écrase le travail
d'un autre. Fichier de variables pour qgis_process : {html.escape(str(files["env"]))}</p>
</section>"""


def sheet_html(trainee: dict[str, Any], state: dict[str, Any], files: dict[str, Path]) -> str:
    """A standalone printable page (A4) for one trainee."""
    return page_html(
        f"GeoPublier — {trainee_name(int(trainee['number']))}", [sheet_body(trainee, state, files)]
    )


def page_html(title: str, sections: list[str]) -> str:
    """An HTML document holding the given sheets, one per printed page."""
    return (
        f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{SHEET_STYLE}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )


def write_room(
    home: Path, trainees: list[dict[str, Any]], state: dict[str, Any], key_env: str
) -> Path:
    """Every trainee's files, and all the sheets in one document to print at once."""
    root = home / "stagiaires"
    sections = []
    for trainee in trainees:
        folder = root / trainee_name(int(trainee["number"]))
        files = write_trainee_files(folder, trainee, state, key_env)
        sections.append(sheet_body(trainee, state, files))
    everything = sheets_file(home)
    write_private(everything, page_html("GeoPublier — fiches des stagiaires", sections))
    return everything
