"""The session GeoPublier talks to servers with follows QGIS's settings and auth database."""

from __future__ import annotations

import http.server
import threading

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

from plugin.publishers.connections import Connection, Credentials
from plugin.publishers.errors import ConfigError, PublishError, message
from plugin.qgis.network import (
    CredentialsError,
    build_session,
    credentials_for,
    credentials_from_authcfg,
    user_agent,
)

MASTER_PASSWORD = "maître-test"


@pytest.fixture(scope="module")
def auth_manager():
    """QGIS's auth database (a fresh one per session, see tests/qgis_env.py), unlocked."""
    manager = QgsApplication.authManager()
    manager.init(QgsApplication.pluginPath(), QgsApplication.qgisAuthDatabaseFilePath())
    assert manager.setMasterPassword(MASTER_PASSWORD, True)
    return manager


def basic_config(manager, name: str, user: str, password: str) -> str:
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    assert manager.storeAuthenticationConfig(config)
    return config.id()


class EchoHandler(http.server.BaseHTTPRequestHandler):
    """Answers with the headers it received (to see what the session really sends)."""

    def do_GET(self) -> None:
        body = "\n".join(f"{k}: {v}" for k, v in self.headers.items()).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def echo_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_basic_auth_config_reaches_the_server(auth_manager, echo_server: str) -> None:
    authcfg = basic_config(auth_manager, "Catalogue régional", "editeur", "s3cret-pw")
    credentials = credentials_from_authcfg(authcfg, "Catalogue régional")
    assert "s3cret-pw" not in repr(credentials)
    session = build_session("csw", credentials)
    answer = session.get(echo_server, timeout=5).text
    assert "Authorization: Basic ZWRpdGV1cjpzM2NyZXQtcHc=" in answer
    assert f"User-Agent: {user_agent()}" in answer
    assert user_agent().startswith("GeoPublier/0.") and " QGIS/3." in user_agent()


def test_portal_api_key_goes_in_the_portal_header(auth_manager, echo_server: str) -> None:
    authcfg = basic_config(auth_manager, "data.gouv.fr", "", "udata-key-123")
    session = build_session("udata", credentials_from_authcfg(authcfg, "data.gouv.fr"))
    answer = session.get(echo_server, timeout=5).text
    assert "X-Api-Key: udata-key-123" in answer or "X-API-KEY: udata-key-123" in answer
    assert "Authorization" not in answer


def test_unknown_authcfg_is_a_clear_error(auth_manager) -> None:
    """A configuration gone from this profile (removed, or another machine's id): a coded
    ConfigError naming the connection in both languages, without the secret it held."""
    authcfg = basic_config(auth_manager, "Portail régional", "", "clé-disparue-789")
    assert auth_manager.removeAuthenticationConfig(authcfg)
    portal = Connection("Portail régional", "udata", "http://127.0.0.1:1", authcfg=authcfg)
    with pytest.raises(PublishError) as caught:
        credentials_for(portal)
    error = caught.value
    assert isinstance(error, CredentialsError) and isinstance(error, ConfigError)
    assert (error.code, error.params) == (
        "auth.config_unreadable",
        {"connection": "Portail régional", "authcfg": authcfg},
    )
    french, english = message(error, "fr"), message(error, "en")
    assert "« Portail régional »" in french and f"« {authcfg} »" in french
    assert "'Portail régional'" in english and "Authentication" in english
    assert all("clé-disparue-789" not in text for text in (french, english, repr(error)))


def test_environment_credentials_for_headless_runs(monkeypatch) -> None:
    monkeypatch.setenv("GP_TEST_KEY", "env-key-456")
    portal = Connection("Portail", "udata", "http://127.0.0.1:1", api_key_env="GP_TEST_KEY")
    assert credentials_for(portal) == Credentials(api_key="env-key-456")
    absent = Connection("Portail", "udata", "http://127.0.0.1:1", api_key_env="GP_TEST_ABSENT")
    with pytest.raises(ConfigError) as caught:
        credentials_for(absent)
    assert caught.value.params == {"connection": "Portail", "variable": "GP_TEST_ABSENT"}
    assert "env-key-456" not in str(caught.value)


def test_qgis_proxy_settings_are_used() -> None:
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "proxy.exemple.local")
    settings.setValue("proxy/proxyPort", "3128")
    settings.setValue("proxy/proxyExcludedUrls", "http://intranet.local|localhost")
    try:
        session = build_session("csw")
        assert session.proxies["https"] == "http://proxy.exemple.local:3128"
        assert session.proxies["no_proxy"] == "http://intranet.local,localhost"
        assert session.trust_env is False
    finally:
        settings.setValue("proxy/proxyEnabled", False)
    assert build_session("csw").proxies == {}
