"""Connections file: load/save, validation errors naming the connection, env credentials."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugin.publishers.connections import (
    Connection,
    dumps_connections,
    find_connection,
    load_connections,
    loads_connections,
    resolve_credentials,
    save_connections,
)
from plugin.publishers.errors import ConfigError, message

ROOM = {
    "connections": [
        {
            "name": "Géoportail régional",
            "type": "csw",
            "url": "https://geo.example.fr/csw",
            "authcfg": "ab12cd3",
        },
        {
            "name": "GéoCatalogue",
            "type": "geonetwork",
            "url": "https://gn.example.fr/geonetwork",
            "username_env": "GN_USER",
            "password_env": "GN_PASSWORD",
            "options": {"group": 2, "category": "dataset"},
        },
        {
            "name": "data.gouv demo",
            "type": "udata",
            "url": "https://demo.data.gouv.fr/api/1",
            "api_key_env": "UDATA_KEY",
        },
    ]
}


def _error(raw: dict) -> ConfigError:
    with pytest.raises(ConfigError) as err:
        loads_connections(json.dumps({"connections": [raw]}))
    return err.value


def test_a_room_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "salle.json"
    path.write_text(json.dumps(ROOM, ensure_ascii=False), encoding="utf-8")
    connections = load_connections(path)
    assert [c.type for c in connections] == ["csw", "geonetwork", "udata"]
    assert connections[1].options == {"group": 2, "category": "dataset"}
    save_connections(tmp_path / "export.json", connections)
    assert load_connections(tmp_path / "export.json") == connections
    assert json.loads(dumps_connections(connections)) == ROOM
    assert not list(tmp_path.glob(".connections-*"))


def test_only_name_type_and_url_are_required() -> None:
    [conn] = loads_connections(
        '{"connections": [{"name": "a", "type": "CKAN", "url": "http://127.0.0.1:5000"}]}'
    )
    assert conn == Connection("a", "ckan", "http://127.0.0.1:5000")


@pytest.mark.parametrize(
    "raw, code, field",
    [
        ({"type": "csw", "url": "https://x.fr"}, "conn_missing_field", "name"),
        ({"name": "Cat", "url": "https://x.fr"}, "conn_missing_field", "type"),
        ({"name": "Cat", "type": "csw"}, "conn_missing_field", "url"),
        (
            {"name": "Cat", "type": "csw", "url": "https://x.fr", "username_env": "MY-VAR"},
            "conn_bad_field",
            "username_env",
        ),
        (
            {"name": "Cat", "type": "csw", "url": "https://x.fr", "options": [1]},
            "conn_bad_field",
            "options",
        ),
        (
            {"name": "Cat", "type": "csw", "url": "https://x.fr", "password": "hunter2"},
            "conn_secret_inline",
            "password",
        ),
        (
            {"name": "Cat", "type": "udata", "url": "https://x.fr", "options": {"api_key": "k"}},
            "conn_secret_inline",
            "options.api_key",
        ),
    ],
)
def test_validation_errors_name_the_connection_and_field(raw: dict, code: str, field: str) -> None:
    err = _error(raw)
    assert err.code == code
    assert err.params.get("field") == field
    assert err.params["connection"] in ("Cat", "#1")
    assert "hunter2" not in str(err) + repr(err) + message(err, "fr")


def test_bad_type_and_bad_url_are_explained() -> None:
    err = _error({"name": "Cat", "type": "wms", "url": "https://x.fr"})
    assert err.code == "conn_bad_type"
    assert "geonetwork" in message(err, "fr") and "« Cat »" in message(err, "fr")
    for url in ("ftp://x.fr", "https://user:pw@x.fr/csw", "x.fr/csw"):
        assert _error({"name": "Cat", "type": "csw", "url": url}).code == "conn_bad_url"


def test_duplicates_and_broken_files() -> None:
    twice = {"connections": [ROOM["connections"][0], ROOM["connections"][0]]}
    with pytest.raises(ConfigError) as err:
        loads_connections(json.dumps(twice))
    assert err.value.code == "conn_duplicate"
    with pytest.raises(ConfigError) as err:
        loads_connections('{"connections": [')
    assert err.value.code == "conn_file_invalid"
    with pytest.raises(ConfigError) as err:
        loads_connections('[{"name": "a"}]')
    assert err.value.code == "conn_file_invalid"
    with pytest.raises(ConfigError) as err:
        load_connections("/nonexistent/salle.json")
    assert err.value.code == "conn_file_unreadable"


def test_find_connection_by_name() -> None:
    connections = loads_connections(json.dumps(ROOM))
    assert find_connection(connections, "géocatalogue").type == "geonetwork"
    with pytest.raises(ConfigError) as err:
        find_connection(connections, "Inconnu")
    assert (err.value.code, err.value.params["connection"]) == ("conn_not_found", "Inconnu")


def test_credentials_come_from_the_environment_at_use_time() -> None:
    conn = loads_connections(json.dumps(ROOM))[1]
    creds = resolve_credentials(conn, {"GN_USER": "editeur", "GN_PASSWORD": "s3cr3t-env"})
    assert (creds.username, creds.password, creds.api_key) == ("editeur", "s3cr3t-env", "")
    assert "s3cr3t-env" not in repr(creds) and "editeur" not in repr(creds)
    with pytest.raises(ConfigError) as err:
        resolve_credentials(conn, {"GN_USER": "editeur"})
    assert (err.value.code, err.value.params["variable"]) == ("conn_env_missing", "GN_PASSWORD")
    assert "GN_PASSWORD" in message(err.value, "fr")
    assert "s3cr3t-env" not in dumps_connections([conn])
