"""The session GeoPublier talks to servers with follows QGIS's settings and auth database."""

from __future__ import annotations

import http.server
import ssl
import stat
import subprocess
import tempfile
import threading
import urllib.request
from pathlib import Path

import pytest
import requests
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings
from qgis.PyQt.QtNetwork import QSslCertificate

from plugin.publishers.connections import Connection, Credentials
from plugin.publishers.errors import ConfigError, PublishError, message
from plugin.qgis.destinations import make_publisher
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


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A handler that answers a body and logs nothing."""

    def answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class EchoHandler(QuietHandler):
    """Answers with the headers it received (to see what the session really sends)."""

    def do_GET(self) -> None:
        self.answer(200, "\n".join(f"{k}: {v}" for k, v in self.headers.items()).encode())


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
    # Options → Network's "No proxy for" list (a string list, as QGIS stores it) and the
    # older exclusion list, '|'-joined as older QGIS versions wrote it.
    settings.setValue(
        "proxy/noProxyUrls", ["https://geo.exemple.fr/", "http://10.0.0.1:8080", "intranet.local"]
    )
    settings.setValue("proxy/proxyExcludedUrls", "http://sig.exemple.fr:8443/wms|.interne.fr")
    try:
        session = build_session("csw")
        assert session.proxies["https"] == "http://proxy.exemple.local:3128"
        assert session.trust_env is False
        # Host names as requests' no_proxy reads them, not URLs (which match nothing there).
        assert session.no_proxy == (
            "geo.exemple.fr,10.0.0.1,intranet.local,sig.exemple.fr:8443,.interne.fr"
        )
    finally:
        settings.setValue("proxy/proxyEnabled", False)
        settings.remove("proxy/noProxyUrls")
        settings.remove("proxy/proxyExcludedUrls")
    assert build_session("csw").proxies == {}


class ForwardingProxy(QuietHandler):
    """A local HTTP proxy: logs each request line it receives, then forwards it (no proxy of
    its own) and relays the answer, as a company proxy does."""

    seen: list[str] = []

    def do_GET(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(urllib.request.Request(self.path, headers=headers), timeout=10) as answer:
            self.answer(answer.status, answer.read())


@pytest.fixture()
def local_proxy():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ForwardingProxy)
    ForwardingProxy.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(server.server_address[1]))
    settings.setValue("proxy/proxyExcludedUrls", "")
    settings.setValue("proxy/noProxyUrls", [])
    yield ForwardingProxy.seen
    settings.setValue("proxy/proxyEnabled", False)
    settings.remove("proxy/noProxyUrls")
    settings.remove("proxy/proxyExcludedUrls")
    server.shutdown()
    server.server_close()


def test_a_request_really_goes_through_the_qgis_proxy(local_proxy, echo_server: str) -> None:
    """QGIS's proxy settings → the session → the request line observed at a local proxy."""
    connection = Connection("Catalogue derrière le proxy", "csw", echo_server)
    publisher = make_publisher(connection)
    answer = publisher.session.get(f"{echo_server}csw?request=GetCapabilities", timeout=10)
    assert answer.status_code == 200 and f"User-Agent: {user_agent()}" in answer.text
    assert local_proxy == [f"GET {echo_server}csw?request=GetCapabilities"]


@pytest.mark.parametrize("setting", ["proxy/noProxyUrls", "proxy/proxyExcludedUrls"])
def test_a_host_excluded_in_qgis_bypasses_the_proxy(
    local_proxy, echo_server: str, setting: str
) -> None:
    """The same local server under two names: the one listed in QGIS's exclusions (as a URL,
    the way QGIS's Options store it) is reached directly, the other through the proxy."""
    port = echo_server.rstrip("/").rsplit(":", 1)[1]
    excluded = f"http://localhost:{port}/"
    QgsSettings().setValue(setting, [excluded])
    session = make_publisher(Connection("Catalogue interne", "csw", excluded)).session
    direct = session.get(f"{excluded}csw?request=GetCapabilities", timeout=10)
    assert direct.status_code == 200 and local_proxy == []
    proxied = session.get(f"{echo_server}csw?request=GetCapabilities", timeout=10)
    assert proxied.status_code == 200
    assert local_proxy == [f"GET {echo_server}csw?request=GetCapabilities"]


def openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture()
def https_server(tmp_path: Path):
    """A local HTTPS server whose certificate is signed by a CA of our own (as an
    administration's internal CA); yields its URL and the CA certificate (PEM)."""
    ca_key, ca_pem = tmp_path / "ca.key", tmp_path / "ca.pem"
    key, csr, cert = tmp_path / "srv.key", tmp_path / "srv.csr", tmp_path / "srv.pem"
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(ca_key),
        "-out",
        str(ca_pem),
        "-days",
        "2",
        "-subj",
        "/CN=AC interne de test GeoPublier",
    )
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(key),
        "-out",
        str(csr),
        "-subj",
        "/CN=127.0.0.1",
    )
    ext = tmp_path / "san.cnf"
    ext.write_text("subjectAltName=IP:127.0.0.1\n", encoding="utf-8")
    openssl(
        "x509",
        "-req",
        "-in",
        str(csr),
        "-CA",
        str(ca_pem),
        "-CAkey",
        str(ca_key),
        "-CAcreateserial",
        "-out",
        str(cert),
        "-days",
        "2",
        "-extfile",
        str(ext),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}/", ca_pem.read_bytes()
    server.shutdown()
    server.server_close()


def test_extra_certificate_authorities_from_the_auth_manager(auth_manager, https_server) -> None:
    """A CA added in QGIS's authentication manager is trusted by the session, through a bundle
    written in this session's private temporary folder (not a fixed shared path)."""
    url, ca_pem = https_server
    with pytest.raises(requests.exceptions.SSLError):
        build_session("csw").get(url, timeout=10)

    [certificate] = QSslCertificate.fromData(ca_pem)
    assert auth_manager.storeCertAuthority(certificate)
    auth_manager.rebuildCaCertsCache()
    try:
        session = build_session("csw")
        bundle = Path(session.verify)
        assert bundle.parent.name.startswith("geopublier-ca-")
        assert bundle != Path(tempfile.gettempdir()) / "geopublier-ca-bundle.pem"
        assert stat.S_IMODE(bundle.parent.stat().st_mode) == 0o700
        assert ca_pem.strip() in bundle.read_bytes()
        assert "User-Agent: GeoPublier/" in session.get(url, timeout=10).text
    finally:
        assert auth_manager.removeCertAuthority(certificate)
        auth_manager.rebuildCaCertsCache()
