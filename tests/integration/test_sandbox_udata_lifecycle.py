"""A dataset's whole life on the sandbox udata, and the traps the udata publisher must check.

Real udata 17.18 application (mongomock database) on 127.0.0.1, plain HTTP with requests.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests

from sandbox.udata_server import UdataServer

pytestmark = pytest.mark.integration

TIMEOUT = 30
CSV = "id,nom,longueur_m\n1,Haie du Bourg,120\n2,Haie des Prés,85\n".encode()


def _headers(server: UdataServer) -> dict[str, str]:
    """Authentication header of the seeded publisher."""
    return {"X-API-KEY": server.api_key}


def _create(server: UdataServer, **fields: Any) -> requests.Response:
    """POST a dataset with the demo organisation unless told otherwise."""
    payload = {
        "title": "Haies bocagères de Démo-sur-Loire",
        "description": "Linéaire de haies relevé en 2024.",
        "organization": server.organization_id,
        "license": "lov2",
        "frequency": "annual",
        "tags": ["haies", "bocage"],
        "spatial": {"zones": ["fr:commune:44109"], "granularity": "fr:commune"},
        "private": True,
    }
    payload.update(fields)
    return requests.post(
        f"{server.api_url}/datasets/", json=payload, headers=_headers(server), timeout=TIMEOUT
    )


def test_private_dataset_upload_publish_read_delete(udata_server: UdataServer) -> None:
    """Private until complete, file bytes served back, public after, 410 once deleted."""
    created = _create(udata_server)
    assert created.status_code == 201, created.text
    dataset = created.json()
    url = f"{udata_server.api_url}/datasets/{dataset['id']}/"
    assert dataset["private"] is True and dataset["license"] == "lov2"
    assert requests.get(url, timeout=TIMEOUT).status_code == 404  # hidden from the public

    upload = requests.post(
        f"{url}upload/",
        files={"file": ("haies.csv", CSV, "text/csv")},
        headers=_headers(udata_server),
        timeout=TIMEOUT,
    )
    assert upload.status_code == 201, upload.text
    assert requests.get(upload.json()["url"], timeout=TIMEOUT).content == CSV

    published = requests.put(
        url, json={"private": False}, headers=_headers(udata_server), timeout=TIMEOUT
    )
    assert published.status_code == 200, published.text
    public = requests.get(url, timeout=TIMEOUT).json()
    assert public["private"] is False
    assert public["spatial"]["zones"] == ["fr:commune:44109"]
    assert [resource["title"] for resource in public["resources"]] == ["haies.csv"]

    deleted = requests.delete(url, headers=_headers(udata_server), timeout=TIMEOUT)
    assert deleted.status_code == 204
    assert requests.get(url, timeout=TIMEOUT).status_code == 410


def test_trap_unknown_licence_is_stored_as_notspecified(udata_server: UdataServer) -> None:
    """udata answers 201 for an unknown licence id but stores `notspecified`: check the answer."""
    created = _create(udata_server, license="licence-inconnue")
    assert created.status_code == 201
    assert created.json()["license"] == "notspecified"
    requests.delete(
        f"{udata_server.api_url}/datasets/{created.json()['id']}/",
        headers=_headers(udata_server),
        timeout=TIMEOUT,
    )


def test_trap_foreign_organisation_is_a_400_field_error(udata_server: UdataServer) -> None:
    """Publishing for an organisation one does not belong to is a 400 on `organization`."""
    refused = _create(udata_server, organization=udata_server.other_organization_id)
    assert refused.status_code == 400
    assert "organization" in refused.json()["errors"]
