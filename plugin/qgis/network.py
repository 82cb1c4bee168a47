"""One `requests.Session` built from QGIS's settings: proxy, trusted CAs, credentials, user agent.

Credentials come from the QGIS authentication database (an authcfg id) or, for headless runs,
from environment variables named in the connection. They live only in memory, in the session.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Optional

import requests
from qgis.core import Qgis, QgsApplication, QgsAuthMethodConfig, QgsSettings

from ..__about__ import __version__
from ..publishers.connections import Connection, Credentials, resolve_credentials
from ..publishers.errors import ConfigError
from ..publishers.http import no_proxy_hosts

# How each destination type expects its credentials.
API_KEY_HEADERS = {"udata": "X-API-KEY", "ckan": "Authorization"}


class CredentialsError(ConfigError):
    """The connection's credentials cannot be read (the message never holds a secret).

    A :class:`ConfigError`, so every caller that reports publication errors reports it too.
    """


def user_agent() -> str:
    """`GeoPublier/<version> QGIS/<version>`."""
    return f"GeoPublier/{__version__} QGIS/{Qgis.QGIS_VERSION.split('-')[0]}"


def credentials_from_authcfg(authcfg: str, connection: str) -> Credentials:
    """Read a Basic (user/password) auth configuration; for portals the password is the API key."""
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise CredentialsError(
            "auth.config_unreadable", {"connection": connection, "authcfg": authcfg}
        )
    password = config.config("password", "")
    return Credentials(
        username=config.config("username", ""),
        password=password,
        api_key=config.config("apikey", "") or password,
    )


def credentials_for(connection: Connection) -> Credentials:
    """Credentials of a saved connection: its QGIS auth configuration, else its variables."""
    if connection.authcfg:
        return credentials_from_authcfg(connection.authcfg, connection.name)
    return resolve_credentials(connection)


def proxies_from_qgis() -> dict[str, str]:
    """The proxy QGIS is configured with (Settings → Options → Network), as requests wants it."""
    settings = QgsSettings()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return {}
    proxy_type = settings.value("proxy/proxyType", "DefaultProxy", type=str)
    if proxy_type == "DefaultProxy":
        return {}  # the system proxy: requests reads the environment itself
    host = settings.value("proxy/proxyHost", "", type=str)
    port = settings.value("proxy/proxyPort", "", type=str)
    if not host:
        return {}
    user = settings.value("proxy/proxyUser", "", type=str)
    password = settings.value("proxy/proxyPassword", "", type=str)
    scheme = "socks5h" if proxy_type == "Socks5Proxy" else "http"
    login = f"{requests.utils.quote(user)}:{requests.utils.quote(password)}@" if user else ""
    address = f"{scheme}://{login}{host}{':' + str(port) if port else ''}"
    return {"http": address, "https": address}


# Options → Network: "No proxy for" (QGIS 3.x, stored as a list of URL prefixes); and the
# older exclusion list QGIS still reads (its URLs skip the configured proxy too). Both names
# are the same in QGIS 3.22 and 3.40 (QgsNetworkAccessManager::setupDefaultProxyAndCache).
NO_PROXY_SETTINGS = ("proxy/noProxyUrls", "proxy/proxyExcludedUrls")


def _setting_list(settings: QgsSettings, key: str) -> list[str]:
    """A QGIS string-list setting: a list, one string, or '|'-joined (older QGIS)."""
    value = settings.value(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        return value.split("|")
    return [str(item) for item in value]


def no_proxy_from_qgis() -> str:
    """Hosts QGIS is told to reach without the proxy, as requests' ``no_proxy`` wants them."""
    settings = QgsSettings()
    entries = [entry for key in NO_PROXY_SETTINGS for entry in _setting_list(settings, key)]
    return no_proxy_hosts(entries)


_BUNDLE_DIR: Optional[Path] = None


def _base_bundle() -> str:
    """The CAs trusted before QGIS's own: the bundle the environment names (as requests reads
    it), else requests' default."""
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        named = os.environ.get(variable, "")
        if named and Path(named).is_file():
            return named
    return requests.certs.where()


class QgisSession(requests.Session):
    """A session whose ``verify`` bundle (QGIS's CAs) wins over REQUESTS_CA_BUNDLE, and whose
    requests to the hosts QGIS excludes from its proxy go direct.

    requests lets that variable replace a session's own ``verify`` on every request, so on a
    machine where it is set the CAs added in QGIS would silently be ignored. The bundle
    already starts with the environment's CAs (see ``ca_bundle_from_qgis``).

    requests only applies ``no_proxy`` to proxies it reads from the environment; the proxy
    QGIS gives is the session's own (``trust_env`` off), so the exclusions are applied here,
    on every request sent, redirects included.
    """

    no_proxy = ""

    def send(self, request, **kwargs):  # noqa: D102
        if self.no_proxy and requests.utils.should_bypass_proxies(
            request.url, no_proxy=self.no_proxy
        ):
            kwargs["proxies"] = {}
        elif not kwargs.get("proxies"):
            kwargs["proxies"] = dict(self.proxies)
        return super().send(request, **kwargs)

    def merge_environment_settings(self, url, proxies, stream, verify, cert):  # noqa: D102
        merged = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if isinstance(self.verify, str) and verify in (None, True):
            merged["verify"] = self.verify
        return merged


def _bundle_dir() -> Path:
    """This QGIS session's own folder for CA bundles (private, removed when QGIS exits): no
    other session or user can read, replace or race on a shared file."""
    global _BUNDLE_DIR
    if _BUNDLE_DIR is None or not _BUNDLE_DIR.is_dir():
        _BUNDLE_DIR = Path(tempfile.mkdtemp(prefix="geopublier-ca-"))
        atexit.register(shutil.rmtree, _BUNDLE_DIR, ignore_errors=True)
    return _BUNDLE_DIR


def ca_bundle_from_qgis() -> Optional[str]:
    """A PEM bundle with the default CAs plus those added in QGIS's authentication manager.

    Written once per content in this session's private temporary folder (atomically, so a
    request in another task never reads half a file).
    """
    extra = QgsApplication.authManager().databaseCAs() if QgsApplication.authManager() else []
    if not extra:
        return None
    default = Path(_base_bundle()).read_bytes()
    added = b"".join(bytes(cert.toPem()) for cert in extra if not cert.isNull())
    content = default + b"\n" + added
    folder = _bundle_dir()
    bundle = folder / f"ca-{hashlib.sha256(content).hexdigest()[:16]}.pem"
    if not bundle.exists():
        handle, tmp = tempfile.mkstemp(prefix=".ca-", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(tmp, bundle)
    return str(bundle)


def build_session(kind: str, credentials: Optional[Credentials] = None) -> requests.Session:
    """A session for a destination of type `kind` honouring QGIS's network settings."""
    session = QgisSession()
    session.headers["User-Agent"] = user_agent()
    proxies = proxies_from_qgis()
    if proxies:
        session.proxies.update(proxies)
        session.trust_env = False
        session.no_proxy = no_proxy_from_qgis()
        if session.no_proxy:
            session.proxies["no_proxy"] = session.no_proxy
    bundle = ca_bundle_from_qgis()
    if bundle:
        session.verify = bundle
    if credentials is not None:
        header = API_KEY_HEADERS.get(kind)
        if header and credentials.api_key:
            session.headers[header] = credentials.api_key
        elif credentials.username or credentials.password:
            session.auth = (credentials.username, credentials.password)
    return session
