"""The sandbox destinations of the publication tests: a connections file and a profile."""

from __future__ import annotations

import json
from pathlib import Path

PROFILE = {
    "organisation": "Agglomération d'Exemple",
    "email": "sig@exemple-agglo.fr",
    "licence": "lov2",
    "keywords": ["données ouvertes"],
}


def connections_file(folder: Path, pycsw_server, udata_server, extra: tuple = ()) -> Path:
    """ "Catalogue" (pycsw) and "Portail" (udata, key in $GP_UDATA_KEY), then `extra` ones."""
    path = folder / "connexions.json"
    connections = [
        {"name": "Catalogue", "type": "csw", "url": pycsw_server.url},
        {
            "name": "Portail",
            "type": "udata",
            "url": udata_server.url,
            "api_key_env": "GP_UDATA_KEY",
            "options": {"organization": udata_server.organization_id},
        },
        *extra,
    ]
    path.write_text(json.dumps({"connections": connections}), encoding="utf-8")
    return path


def profile_file(folder: Path) -> Path:
    """The organisation profile of the tests (contact, licence, keywords)."""
    path = folder / "profil.json"
    path.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    return path
