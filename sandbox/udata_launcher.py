"""Run the real udata application on mongomock, seeded in-process, on 127.0.0.1.

Executed with the udata venv's python (never imported by the plugin or the tests):
    python udata_launcher.py --data-dir DIR --port PORT --ready-file FILE [--seed-file FILE]
MongoDB cannot be installed here, so the database is mongomock, an in-memory MongoDB living in
this process: users, the API token, licences and zones are created here before serving. The
ready file (JSON, mode 600) tells the parent the port, API key, user and organisation ids.
The optional seed file (JSON) gives a fixed API key and ids so a trainer's connections survive
a restart.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

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
    return parser.parse_args()


def build_settings(data_dir: Path, port: int) -> type:
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
        SERVER_NAME = f"127.0.0.1:{port}"
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

    return SandboxSettings


def create_application(data_dir: Path, port: int) -> Any:
    """Build the full udata application (API, core, plugins) with the sandbox settings."""
    os.environ.setdefault("UDATA_SETTINGS", str(data_dir / "udata-unused.cfg"))
    from udata.app import create_app, standalone

    return standalone(create_app(override=build_settings(data_dir, port)))


def seed_licences() -> None:
    """Create the licences a French portal offers (data.gouv.fr ids)."""
    from udata.models import License

    for licence in json.loads(LICENCES_FILE.read_text(encoding="utf-8")):
        License(id=licence["id"], title=licence["title"], url=licence["url"], active=True).save()


def seed_zones() -> None:
    """Create a few GeoLevels and GeoZones (country, region, department, EPCI, communes)."""
    from udata.models import GeoLevel, GeoZone

    for level_id, name, admin_level in GEOLEVELS:
        GeoLevel(id=level_id, name=name, admin_level=admin_level).save()
    for level, code, name, ancestors in GEOZONES:
        GeoZone(
            id=f"{level}:{code}",
            slug=name.lower().replace(" ", "-"),
            name=name,
            code=code,
            level=level,
            ancestors=ancestors,
        ).save()


def seed_user(seed: dict[str, Any]) -> Any:
    """Create the sandbox publisher (a confirmed account, admin of the demo organisation)."""
    from bson import ObjectId
    from flask_security.utils import hash_password
    from udata.models import datastore

    fields: dict[str, Any] = {
        "first_name": "Publieur",
        "last_name": "Bac à sable",
        "email": "publieur@sandbox.example.org",
        "password": hash_password(secrets.token_urlsafe(24) + "Aa1"),
        "confirmed_at": datetime.now(timezone.utc),
        "active": True,
    }
    if seed.get("user_id"):
        fields["id"] = ObjectId(seed["user_id"])
    user = datastore.create_user(**fields)
    datastore.commit()
    return user


def seed_api_key(user: Any, seed: dict[str, Any]) -> str:
    """Create the user's API token; reuse the seed's key when given (stable across restarts)."""
    from udata.core.api_token.models import ApiToken, _hash_token

    wanted = seed.get("api_key") or ""
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


def seed_organizations(user: Any, seed: dict[str, Any]) -> tuple[Any, Any]:
    """Create the demo organisation (user is admin) and one the user does not belong to."""
    from bson import ObjectId
    from udata.models import Member, Organization

    demo = Organization(
        name=ORGANIZATION_NAME,
        description="Organisation de démonstration du bac à sable GeoPublier.",
        members=[Member(user=user, role="admin")],
    )
    if seed.get("organization_id"):
        demo.id = ObjectId(seed["organization_id"])
    demo.save()
    other = Organization(
        name=OTHER_ORGANIZATION_NAME,
        description="Organisation dont le publieur n'est pas membre (tests de droits).",
    )
    if seed.get("other_organization_id"):
        other.id = ObjectId(seed["other_organization_id"])
    other.save()
    return demo, other


def seed(app: Any, seed_values: dict[str, Any]) -> dict[str, Any]:
    """Fill the in-memory database; return what the parent needs to know."""
    with app.app_context(), app.test_request_context():
        seed_licences()
        seed_zones()
        user = seed_user(seed_values)
        api_key = seed_api_key(user, seed_values)
        demo, other = seed_organizations(user, seed_values)
        return {
            "api_key": api_key,
            "user_id": str(user.id),
            "organization_id": str(demo.id),
            "organization_slug": str(demo.slug),
            "other_organization_id": str(other.id),
        }


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
    app = create_application(data_dir, args.port)
    ready = seed(app, seed_values)
    ready.update({"port": args.port, "pid": os.getpid()})
    write_ready_file(args.ready_file, ready)
    run_simple("127.0.0.1", args.port, app, threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
