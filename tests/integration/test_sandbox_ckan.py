"""The sandbox CKAN 2.12 over real HTTP: a dataset's life and the traps the CKAN publisher checks.

Real CKAN and PostgreSQL; Solr is replaced by sandbox/solr_standin.py, an in-memory stand-in
answering CKAN's search-index calls — the only fake piece here.
"""

from __future__ import annotations

import json

import pytest
import requests

from sandbox.ckan_server import CkanServer

pytestmark = pytest.mark.integration

TIMEOUT = 60
CSV = b"id,nom,longueur_m\n1,Haie du Bourg,120\n"


def _call(
    server: CkanServer, action: str, token: str | None = None, **payload: object
) -> requests.Response:
    """POST an action as JSON; return the response."""
    headers = {"Authorization": token} if token else {}
    return requests.post(
        f"{server.api_url}/{action}", json=payload, headers=headers, timeout=TIMEOUT
    )


def test_french_licences_are_offered(ckan_server: CkanServer) -> None:
    """license_list offers the ids the udata sandbox uses (lov2, odc-odbl…)."""
    answer = requests.get(f"{ckan_server.api_url}/license_list", timeout=TIMEOUT)
    ids = {licence["id"] for licence in answer.json()["result"]}
    assert {"fr-lo", "lov2", "odc-odbl", "cc-by", "notspecified"} <= ids


def test_dataset_create_upload_patch_search_delete(ckan_server: CkanServer) -> None:
    """Private dataset, uploaded file served back, patched public, found, then deleted."""
    token = ckan_server.api_token
    footprint = {"type": "Point", "coordinates": [-1.55, 47.22]}
    created = _call(
        ckan_server,
        "package_create",
        token,
        name="haies-bocageres-sandbox",
        title="Haies bocagères",
        owner_org=ckan_server.organization,
        license_id="lov2",
        tags=[{"name": "haies"}, {"name": "bocage"}],
        extras=[{"key": "spatial", "value": json.dumps(footprint)}],
        private=True,
    )
    assert created.status_code == 200, created.text
    dataset_id = created.json()["result"]["id"]

    uploaded = requests.post(
        f"{ckan_server.api_url}/resource_create",
        data={"package_id": dataset_id, "name": "haies.csv"},
        files={"upload": ("haies.csv", CSV, "text/csv")},
        headers={"Authorization": token},
        timeout=TIMEOUT,
    )
    assert uploaded.status_code == 200, uploaded.text
    download = requests.get(
        uploaded.json()["result"]["url"], headers={"Authorization": token}, timeout=TIMEOUT
    )
    assert download.content == CSV

    patched = _call(ckan_server, "package_patch", token, id=dataset_id, private=False)
    assert patched.status_code == 200, patched.text
    shown = requests.get(
        f"{ckan_server.api_url}/package_show", params={"id": dataset_id}, timeout=TIMEOUT
    ).json()["result"]
    assert shown["license_id"] == "lov2" and len(shown["resources"]) == 1
    assert {tag["name"] for tag in shown["tags"]} == {"haies", "bocage"}
    found = requests.get(
        f"{ckan_server.api_url}/package_search",
        params={"fq": f'owner_org:"{shown["owner_org"]}"', "q": "name:haies-bocageres-sandbox"},
        timeout=TIMEOUT,
    ).json()["result"]
    assert [result["id"] for result in found["results"]] == [dataset_id]

    assert _call(ckan_server, "package_delete", token, id=dataset_id).status_code == 200
    gone = requests.get(
        f"{ckan_server.api_url}/package_search",
        params={"q": "name:haies-bocageres-sandbox"},
        timeout=TIMEOUT,
    ).json()["result"]
    assert gone["count"] == 0


def test_trap_unknown_licence_is_accepted(ckan_server: CkanServer) -> None:
    """CKAN stores any license_id without checking: the publisher must check license_list."""
    created = _call(
        ckan_server,
        "package_create",
        ckan_server.api_token,
        name="licence-inconnue-sandbox",
        title="Licence inconnue",
        owner_org=ckan_server.organization,
        license_id="licence-inconnue",
    )
    assert created.status_code == 200
    assert created.json()["result"]["license_id"] == "licence-inconnue"
    _call(ckan_server, "dataset_purge", ckan_server.sysadmin_token, id="licence-inconnue-sandbox")


def test_bad_token_is_refused_with_403(ckan_server: CkanServer) -> None:
    """CKAN answers 403 (not 401) to a bad token on a write."""
    refused = _call(
        ckan_server,
        "package_create",
        "jeton-invalide",
        name="refuse-sandbox",
        title="Refusé",
        owner_org=ckan_server.organization,
    )
    assert refused.status_code == 403
    assert refused.json()["success"] is False
