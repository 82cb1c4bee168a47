"""French (default) and English messages of the sandbox, looked up by stable codes."""

from __future__ import annotations

import os
from collections.abc import Mapping

MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "venv_failed": "Échec de la création de l'environnement {name} ({venv}) : {detail}",
        "install_failed": (
            "Échec de l'installation de {name} ({requirements}) dans {venv}.\n{log}"
        ),
        "venv_missing": (
            "L'environnement {name} n'est pas installé ({venv}) : lancez "
            "« python -m sandbox install »."
        ),
        "server_died": (
            "Le serveur {server} s'est arrêté au démarrage (code {returncode}). "
            "Fin du journal :\n{log}"
        ),
        "server_timeout": (
            "Le serveur {server} ne répond pas après {seconds} s. Fin du journal :\n{log}"
        ),
        "port_unavailable": (
            "Le serveur {server} n'a pu prendre aucun port libre ({attempts} essais : "
            "{ports}, chacun pris par un autre programme). Fermez des programmes ou "
            "choisissez un autre port."
        ),
        "setup_db_failed": "Échec de la création de la base pycsw : {detail}",
        "ready_file_invalid": "Fichier de démarrage de {server} illisible : {detail}",
        "already_running": (
            "Le bac à sable tourne déjà (« make sandbox-status » ; "
            "pour l'arrêter : « make sandbox-stop »)."
        ),
        "unknown_venv": "Environnement inconnu : {name}",
        "postgres_missing": (
            "PostgreSQL n'est pas installé : apt-get install postgresql "
            "(paquets Debian postgresql, libpq-dev, python3-dev, gcc, libmagic1)."
        ),
        "postgres_failed": "PostgreSQL, étape « {step} » en échec : {detail}",
        "ckan_failed": "CKAN, étape « {step} » en échec : {detail}",
        "bad_trainees": "Nombre de stagiaires impossible : {count} (de 1 à 60).",
    },
    "en": {
        "venv_failed": "Could not create the {name} environment ({venv}): {detail}",
        "install_failed": "Could not install {name} ({requirements}) in {venv}.\n{log}",
        "venv_missing": (
            "The {name} environment is not installed ({venv}): run 'python -m sandbox install'."
        ),
        "server_died": (
            "The {server} server stopped while starting (code {returncode}). Log tail:\n{log}"
        ),
        "server_timeout": "The {server} server does not answer after {seconds} s. Log tail:\n{log}",
        "port_unavailable": (
            "The {server} server could not get a free port ({attempts} tries: {ports}, each "
            "taken by another program). Close some programs or choose another port."
        ),
        "setup_db_failed": "Could not create the pycsw database: {detail}",
        "ready_file_invalid": "Unreadable start-up file of {server}: {detail}",
        "already_running": (
            "The sandbox is already running ('make sandbox-status'; "
            "to stop it: 'make sandbox-stop')."
        ),
        "unknown_venv": "Unknown environment: {name}",
        "postgres_missing": (
            "PostgreSQL is not installed: apt-get install postgresql "
            "(Debian packages postgresql, libpq-dev, python3-dev, gcc, libmagic1)."
        ),
        "postgres_failed": "PostgreSQL step '{step}' failed: {detail}",
        "ckan_failed": "CKAN step '{step}' failed: {detail}",
        "bad_trainees": "Impossible number of trainees: {count} (1 to 60).",
    },
}


def language() -> str:
    """Return 'en' only when GEOPUBLIER_LANG asks for English: the sandbox speaks French."""
    wanted = os.environ.get("GEOPUBLIER_LANG", "fr")
    return "en" if wanted.lower().startswith("en") else "fr"


def message(code: str, params: Mapping[str, object], lang: str | None = None) -> str:
    """Format the message of a code; unknown codes fall back to the code and its params."""
    table = MESSAGES.get(lang or language(), MESSAGES["fr"])
    template = table.get(code)
    if template is None:
        return f"{code} {dict(params)}"
    return template.format(**params)
