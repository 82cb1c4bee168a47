"""Run the real udata application on mongomock, seeded in-process, on the sandbox's address.

Executed with a udata venv's python (never imported by the plugin or the tests):
    python udata_launcher.py --data-dir DIR --port PORT --ready-file FILE [--seed-file FILE]
        [--host HOST]
Works with udata 10 + udata-front (the sandbox: data.gouv.fr's web pages) and with udata 17
(API only). MongoDB cannot be installed here, so the database is mongomock, an in-memory MongoDB
living in this process: it is restored from DATA_DIR/portal-db.json when present (see
udata_store.py), then the licences, zones, accounts, API keys and organisations are created if
missing. The ready file (JSON, mode 600) tells the parent the API keys and ids. The optional
seed file (JSON) gives the keys, ids and passwords of the last start so connections survive a
restart, and the trainees' accounts to create.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import secrets
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from udata_patches import patch_search, serve_static
from udata_store import DUMP_NAME, Keeper, restore

API_KEY_PREFIX = "udata_"
ORGANIZATION_NAME = "Commune de Démo-sur-Loire"
OTHER_ORGANIZATION_NAME = "Autre organisation (sans droits)"

LICENCES_FILE = Path(__file__).resolve().with_name("licences.json")

GEOLEVELS = [
    ("country", "Pays", 10),
    ("fr:region", "Région française", 40),
    ("fr:departement", "Département français", 60),
    ("fr:epci", "Intercommunalité (EPCI)", 68),
    ("fr:commune", "Commune française", 80),
]

# (level, code, name, ancestors) — real INSEE / SIREN codes of a small sample.
GEOZONES = [
    ("country", "fr", "France", []),
    ("fr:region", "52", "Pays de la Loire", ["country:fr"]),
    ("fr:departement", "44", "Loire-Atlantique", ["country:fr", "fr:region:52"]),
    ("fr:epci", "244400404", "Nantes Métropole", ["fr:departement:44", "fr:region:52"]),
    ("fr:commune", "44109", "Nantes", ["fr:epci:244400404", "fr:departement:44"]),
    ("fr:commune", "44162", "Saint-Herblain", ["fr:epci:244400404", "fr:departement:44"]),
    ("fr:commune", "44143", "Rezé", ["fr:epci:244400404", "fr:departement:44"]),
]


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--port", required=True, type=int)
    parser.add_argument("--ready-file", required=True, type=Path)
    parser.add_argument("--seed-file", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    return parser.parse_args()


def build_settings(data_dir: Path, host: str, port: int) -> type:
    """Return the udata settings override: mongomock, eager tasks, local cache, no mail."""
    import mongomock

    class SandboxSettings:
        """udata settings for a single-process local sandbox."""

        SECRET_KEY = secrets.token_urlsafe(32)
        API_TOKEN_SECRET = secrets.token_urlsafe(32)
        SECURITY_PASSWORD_SALT = secrets.token_urlsafe(16)
        MONGODB_HOST = "mongodb://localhost:27017/udata"
        MONGODB_SETTINGS = {
            "host": "mongodb://localhost:27017/udata",
            "mongo_client_class": mongomock.MongoClient,
        }
        CELERY_TASK_ALWAYS_EAGER = True
        CELERY_TASK_EAGER_PROPAGATES = True
        CACHE_TYPE = "flask_caching.backends.SimpleCache"
        CACHE_NO_NULL_WARNING = True
        SERVER_NAME = f"{host}:{port}"
        PREFERRED_URL_SCHEME = "http"
        FS_ROOT = str(data_dir / "fs")
        FS_SERVE = True
        URLS_ALLOW_LOCAL = True
        URLS_ALLOW_PRIVATE = True
        URLS_RESOLVE_HOSTNAME = False
        SEND_MAIL = False
        WTF_CSRF_ENABLED = False
        AUTO_INDEX = False
        DEFAULT_LANGUAGE = "fr"
        ELASTICSEARCH_URL = None
        SEARCH_SERVICE_API_URL = None
        SENTRY_DSN = None
        SECURITY_EMAIL_VALIDATOR_ARGS = {"check_deliverability": False}
        SITE_TITLE = "Portail du bac à sable GeoPublier"
        # The sandbox serves plain http: a "Secure" session cookie would never come back, and
        # trainees could not stay logged in on the portal's web pages.
        SESSION_COOKIE_SECURE = False
        REMEMBER_COOKIE_SECURE = False
        if has_front():
            PLUGINS = ["front"]
            THEME = "gouvfr"

    return SandboxSettings


def create_application(data_dir: Path, host: str, port: int) -> Any:
    """Build the full udata application (API, core, plugins) with the sandbox settings."""
    os.environ.setdefault("UDATA_SETTINGS", str(data_dir / "udata-unused.cfg"))
    from udata.app import create_app, standalone

    return standalone(create_app(override=build_settings(data_dir, host, port)))


def has_front() -> bool:
    """Tell whether udata-front (data.gouv.fr's web pages) is installed in this venv."""
    return importlib.util.find_spec("udata_front") is not None


def has_api_tokens() -> bool:
    """udata ≥ 11 keeps several named API tokens per user; udata 10 one `apikey` per user."""
    return importlib.util.find_spec("udata.core.api_token") is not None


def get_or_create(model: Any, object_id: str, **lookup: Any) -> tuple[Any, bool]:
    """The document with this id (or matching `lookup`), else a new unsaved one."""
    from bson import ObjectId

    found = model.objects(id=ObjectId(object_id)).first() if object_id else None
    if found is None and lookup:
        found = model.objects(**lookup).first()
    if found is not None:
        return found, False
    document = model(**lookup)
    if object_id:
        document.id = ObjectId(object_id)
    return document, True


def seed_licences() -> None:
    """Create the licences a French portal offers (data.gouv.fr ids), unless restored."""
    from udata.models import License

    for licence in json.loads(LICENCES_FILE.read_text(encoding="utf-8")):
        if License.objects(id=licence["id"]).first() is None:
            License(
                id=licence["id"], title=licence["title"], url=licence["url"], active=True
            ).save()


def seed_zones() -> None:
    """Create a few GeoLevels and GeoZones (country, region, department, EPCI, communes)."""
    from udata.models import GeoLevel, GeoZone

    for level_id, name, admin_level in GEOLEVELS:
        if GeoLevel.objects(id=level_id).first() is None:
            GeoLevel(id=level_id, name=name, admin_level=admin_level).save()
    keeps_ancestors = "ancestors" in GeoZone._fields  # udata 10 has no `ancestors`
    for level, code, name, ancestors in GEOZONES:
        zone_id = f"{level}:{code}"
        if GeoZone.objects(id=zone_id).first() is not None:
            continue
        fields = {"id": zone_id, "slug": name.lower().replace(" ", "-"), "name": name}
        fields.update(code=code, level=level)
        if keeps_ancestors:
            fields["ancestors"] = ancestors
        GeoZone(**fields).save()


def seed_user(account: dict[str, Any]) -> Any:
    """Create (or find again, after a restore) a confirmed account; set its password."""
    from flask_security.utils import hash_password
    from udata.models import User, datastore

    user, created = get_or_create(User, account.get("user_id", ""), email=account["email"])
    password = account.get("password") or secrets.token_urlsafe(24) + "Aa1"
    user.first_name = account["first_name"]
    user.last_name = account["last_name"]
    user.password = hash_password(password)
    user.active = True
    if created or not user.confirmed_at:
        user.confirmed_at = datetime.now(timezone.utc)
    if not user.fs_uniquifier:  # what Flask-Security keeps in the web session
        user.fs_uniquifier = uuid.uuid4().hex
    user.save()
    datastore.commit()
    return user


def seed_api_key(user: Any, wanted: str) -> str:
    """Give the user an API key; keep `wanted` (the key of the last start) when it fits."""
    if not has_api_tokens():
        if not wanted or wanted.startswith(API_KEY_PREFIX):
            user.generate_api_key()
        else:
            user.apikey = wanted
        user.save()
        return str(user.apikey)
    from udata.core.api_token.models import ApiToken, _hash_token

    ApiToken.objects(user=user).delete()  # hashes of the last run used another secret
    if not wanted.startswith(API_KEY_PREFIX):
        _token, plaintext = ApiToken.generate(user, name="GeoPublier sandbox")
        return str(plaintext)
    ApiToken(
        token_hash=_hash_token(wanted),
        token_prefix=wanted[: len(API_KEY_PREFIX) + 8],
        user=user,
        name="GeoPublier sandbox",
        scopes=["admin"],
    ).save()
    return str(wanted)


def seed_organization(name: str, object_id: str, description: str, admin: Any = None) -> Any:
    """Create (or find again) an organisation; `admin` becomes its administrator."""
    from udata.models import Member, Organization

    organization, _created = get_or_create(Organization, object_id, name=name)
    organization.description = description
    if admin is not None and not any(m.user == admin for m in organization.members):
        organization.members.append(Member(user=admin, role="admin"))
    organization.save()
    return organization


def seed_account(account: dict[str, Any]) -> dict[str, Any]:
    """One publishing account: user, API key, own organisation; what the CLI must remember."""
    user = seed_user(account)
    api_key = seed_api_key(user, account.get("api_key", ""))
    organization = seed_organization(
        account["organization"],
        account.get("organization_id", ""),
        account.get("organization_description", "Organisation du bac à sable GeoPublier."),
        admin=user,
    )
    return {
        "email": account["email"],
        "api_key": api_key,
        "user_id": str(user.id),
        "organization_id": str(organization.id),
        "organization_slug": str(organization.slug),
    }


def publisher_account(seed_values: dict[str, Any]) -> dict[str, Any]:
    """The trainer's publishing account (the demo's), with the ids of the last start."""
    return {
        "email": "publieur@sandbox.example.org",
        "first_name": "Publieur",
        "last_name": "Bac à sable",
        "password": seed_values.get("password", ""),
        "user_id": seed_values.get("user_id", ""),
        "api_key": seed_values.get("api_key", ""),
        "organization": ORGANIZATION_NAME,
        "organization_id": seed_values.get("organization_id", ""),
        "organization_description": "Organisation de démonstration du bac à sable GeoPublier.",
    }


def seed(app: Any, seed_values: dict[str, Any]) -> dict[str, Any]:
    """Fill the database (after a restore, only what is missing); return what the parent needs."""
    with app.app_context(), app.test_request_context():
        seed_licences()
        seed_zones()
        ready = seed_account(publisher_account(seed_values))
        other = seed_organization(
            OTHER_ORGANIZATION_NAME,
            seed_values.get("other_organization_id", ""),
            "Organisation dont le publieur n'est pas membre (tests de droits).",
        )
        ready["other_organization_id"] = str(other.id)
        ready["trainees"] = [seed_account(account) for account in seed_values.get("trainees", [])]
        return ready


def restore_database(app: Any, dump_path: Path) -> Any:
    """Reload the collections saved at the last stop; return the database to keep."""
    from mongoengine.connection import get_db

    with app.app_context():
        database = get_db()
        count = restore(database, dump_path)
    if count:
        print(f"Base du portail restaurée : {count} documents ({dump_path})", flush=True)
    return database


def write_ready_file(path: Path, content: dict[str, Any]) -> None:
    """Write the ready file atomically, readable by the owner only (it holds the API key)."""
    temporary = path.with_suffix(".tmp")
    fd = os.open(str(temporary), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(content, handle)
    os.replace(temporary, path)


def main() -> None:
    """Build, seed, announce, then serve until terminated."""
    from werkzeug.serving import run_simple

    args = parse_args()
    data_dir = args.data_dir.resolve()
    (data_dir / "fs").mkdir(parents=True, exist_ok=True)
    seed_values: dict[str, Any] = {}
    if args.seed_file and args.seed_file.exists():
        seed_values = json.loads(args.seed_file.read_text(encoding="utf-8"))
    patch_search()
    app = create_application(data_dir, args.host, args.port)
    serve_static(app)
    dump_path = data_dir / DUMP_NAME
    keeper = Keeper(restore_database(app, dump_path), dump_path)
    ready = seed(app, seed_values)
    keeper.save()
    keeper.watch(app)
    ready.update({"port": args.port, "pid": os.getpid(), "front": has_front()})
    write_ready_file(args.ready_file, ready)
    run_simple(args.host, args.port, app, threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
