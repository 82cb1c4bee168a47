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


def udata_listing(udata_server) -> list:
    """What udata itself lists: the organisation's datasets, private ones included (as its
    members see them). The listing is read, not full-text search (which fails on mongomock)."""
    import requests

    answer = requests.get(
        f"{udata_server.api_url}/organizations/{udata_server.organization_id}/datasets/",
        params={"page_size": 1000},
        headers={"X-API-KEY": udata_server.api_key},
        timeout=30,
    )
    answer.raise_for_status()
    return answer.json()["data"]


def udata_datasets_for(udata_server, identifier: str) -> list:
    """The organisation's datasets holding this INSPIRE identifier, deleted ones left out."""
    return [
        d
        for d in udata_listing(udata_server)
        if (d.get("extras") or {}).get("inspire:identifier") == identifier and not d.get("deleted")
    ]
