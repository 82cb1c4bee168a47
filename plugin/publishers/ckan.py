"""CKAN (2.9–2.12) action API publisher: one package per layer, files or links, updated in place.

``/api/3/action/{name}``, token in the ``Authorization`` header (set on the session).
The package is created private (``package_create`` with ``owner_org``), resources are added
(``resource_create`` / ``resource_update`` with a multipart ``upload`` streamed from disk), then
``package_patch`` makes it public. CKAN does not validate ``license_id``: it is checked against
``license_list`` first and in the answers. Names are lowercase ``[a-z0-9_-]``, 2–100 characters,
stable for a record and made unique when another dataset already holds them (a private package
of another organisation answers 403 but holds its name; a deleted one frees it).
CKAN answers errors as ``{"success": false, "error": {"__type": ..., field: [messages]}}``; it
reads an unknown token as an anonymous visitor (reads work, writes get 403), so a 403 is checked
with ``user_show`` to tell a bad token (``portal_bad_token``) from missing rights.
Without an id from the journal (another machine, a fresh QGIS profile), the package is looked up
before one is created: under its name, and among the organisation's packages (private ones
included; the account's own without an organisation) by the ``inspire:identifier`` extra, so a
changed title (hence name) still finds it. Two packages with the same identifier stop the
publication (``portal_duplicates``).
Checked against the real CKAN 2.12 in ``tests/integration/test_ckan_publisher.py``.
"""

from __future__ import annotations

import logging
import mimetypes
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Optional

import requests

from ..core.online_links import DETAILS_KEY, page_link, portal_file_links
from .base import CREATED, UPDATED, DataPublisher, PublishResult
from .errors import PublishError, flatten_field_errors, redact
from .held_files import FILES_DETAIL, RESENT_DETAIL, Resend, add_resent
from .multipart import MultipartFileBody
from .udata import LISTING_PAGE_SIZE, MAX_LISTING_PAGES, ROLE_MARK, check_licence, single_match

LOG = logging.getLogger(__name__)

NAME_PATTERN = re.compile(r"^[a-z0-9_-]{2,100}$")
MAX_NAME_TRIES = 20
EXTRA_IDENTIFIER = "inspire:identifier"
ROLE_FIELD = "geopublier_role"  # resource extra key: which link or file a resource holds
_ERROR_CODES = {403: "forbidden", 404: "not_found", 409: "bad_request", 400: "bad_request"}


def action_root(url: str) -> str:
    """The ``.../api/3/action`` base from the site root or the API root."""
    base = url.strip().rstrip("/")
    for suffix in ("/api/3/action", "/api/3", "/api"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return base + "/api/3/action"


def valid_name(name: str) -> bool:
    """True for a name CKAN accepts (lowercase letters, digits, ``-`` and ``_``, 2–100)."""
    return bool(NAME_PATTERN.match(name))


def numbered_name(name: str, number: int) -> str:
    """``name`` with a ``-N`` suffix, still within 100 characters."""
    suffix = f"-{number}"
    return name[: 100 - len(suffix)] + suffix


def make_valid_name(name: str) -> str:
    """``name`` made acceptable to CKAN: lowercase ASCII, other characters → ``-``, 2–100."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", folded.lower()).strip("-")[:100].rstrip("-")
    return cleaned if len(cleaned) >= 2 else f"dataset-{cleaned}".rstrip("-")


def extras_dict(package: Mapping[str, Any]) -> dict[str, str]:
    """A package's ``extras`` list as a dict."""
    return {
        str(e.get("key")): str(e.get("value"))
        for e in package.get("extras") or []
        if isinstance(e, Mapping)
    }


class CkanPublisher(DataPublisher):
    """Publishes a package to CKAN. Options: ``organization`` (owner_org id or name)."""

    kind = "ckan"

    def __init__(self, url: str, session: requests.Session, **kwargs: Any) -> None:
        super().__init__(url, session, **kwargs)
        self.api = action_root(self.url)
        self.site = self.api[: -len("/api/3/action")]
        self.upload_timeout = float(self.options.get("upload_timeout") or 600.0)

    # --- the action API -----------------------------------------------------------------

    def call(
        self,
        action: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
        **kwargs: Any,
    ) -> Any:
        """Run an action; return its ``result`` or raise a coded error with CKAN's fields."""
        url = f"{self.api}/{action}"
        method = "GET" if body is None and "data" not in kwargs else "POST"
        response = self.http.request(
            method,
            url,
            params=params,
            json=body,
            allow=tuple(_ERROR_CODES),
            idempotent=method == "GET",
            **kwargs,
        )
        data = self.http.parse_json(response)
        if not isinstance(data, Mapping):
            raise PublishError(
                "invalid_answer", {"server": self.http.server, "detail": "JSON object expected"}
            )
        if response.status_code in _ERROR_CODES or data.get("success") is not True:
            raise self._error(response.status_code, data.get("error"))
        return data.get("result")

    def _error(self, status: int, error: Any) -> PublishError:
        """CKAN's error object → coded error, field messages kept (409 = validation)."""
        error = error if isinstance(error, Mapping) else {}
        secrets = self.http.secrets
        params: dict[str, Any] = {"server": self.http.server, "status": status}
        detail = str(error.get("message") or error.get("__type") or "-")
        params["detail"] = redact(detail[:400], secrets)
        fields = flatten_field_errors(
            {k: v for k, v in error.items() if k not in ("__type", "message")}
        )
        if fields:
            params["fields"] = {k: redact(v, secrets) for k, v in fields.items()}
        code = _ERROR_CODES.get(status, "server_error" if status >= 500 else "http_error")
        return PublishError(code, params)

    def whoami(self) -> Optional[dict[str, Any]]:
        """The account the token belongs to; None when CKAN does not know the token.

        CKAN treats an unknown or revoked token as an anonymous visitor: reads succeed and
        writes get a 403, so a bad token must be told apart from missing rights.
        """
        try:
            user = self.call("user_show")
        except PublishError as err:
            if err.code in ("not_found", "forbidden"):
                return None
            raise
        return user if isinstance(user, dict) and user.get("name") else None

    def _bad_token_or(self, err: PublishError) -> PublishError:
        """A 403 from a token CKAN does not know becomes ``portal_bad_token``."""
        if err.code == "forbidden" and self.whoami() is None:
            params = {"server": self.http.server, "status": 403}
            if err.params.get("remote_id"):
                params["remote_id"] = err.params["remote_id"]
            return PublishError("portal_bad_token", params)
        return err

    def test_connection(self) -> dict[str, Any]:
        """The token is known and can create datasets in an organisation; list them."""
        user = self.whoami()
        if user is None:
            raise PublishError("portal_bad_token", {"server": self.http.server})
        orgs = self.call("organization_list_for_user", params={"permission": "create_dataset"})
        names = [{"id": o.get("id", ""), "name": o.get("name", "")} for o in orgs or []]
        if not names:
            raise PublishError("portal_no_organization", {"server": self.http.server})
        return {"user": str(user.get("display_name") or user["name"]), "organizations": names}

    def licences(self) -> list[str]:
        """Licence ids of the portal (``license_list``)."""
        return [
            str(item.get("id"))
            for item in self.call("license_list") or []
            if isinstance(item, Mapping)
        ]

    def find(self, identifier: str) -> Optional[dict[str, Any]]:
        """``package_show`` by id or name; None when absent (or deleted)."""
        try:
            package = self.call("package_show", params={"id": identifier})
        except PublishError as err:
            if err.code == "not_found":
                return None
            raise
        if not isinstance(package, dict) or package.get("state") == "deleted":
            return None
        return package

    def delete(self, identifier: str) -> None:
        """``package_delete``; ``not_found`` when there was nothing to delete."""
        self.call("package_delete", body={"id": identifier})

    def dataset_page(self, package: Mapping[str, Any]) -> str:
        """Public page of the package."""
        return f"{self.site}/dataset/{package.get('name') or package.get('id')}"

    # --- publication --------------------------------------------------------------------

    def publish(
        self,
        payload: Mapping[str, Any],
        files: Sequence[Path] = (),
        *,
        remote_id: Optional[str] = None,
        held: Optional[Mapping[str, str]] = None,
        resend: Optional[Resend] = None,
    ) -> PublishResult:
        """Create (private → resources → public) or patch the package from ``payload``.

        ``payload`` is :func:`plugin.core.portal_payload.ckan_payload`'s output. A failure once
        the package exists carries its id in ``params["remote_id"]`` (kept by the journal).
        ``held``/``resend``: the files to send again when the package lost them or holds
        another version (see :mod:`.held_files`).
        """
        try:
            return self._publish(payload, files, remote_id, held, resend)
        except PublishError as err:
            raise self._bad_token_or(err) from None

    def _publish(
        self,
        payload: Mapping[str, Any],
        files: Sequence[Path],
        remote_id: Optional[str],
        held: Optional[Mapping[str, str]] = None,
        resend: Optional[Resend] = None,
    ) -> PublishResult:
        """The publication steps (see :meth:`publish`)."""
        package = dict(payload["package"])
        package["name"] = make_valid_name(str(package.get("name") or ""))
        if self.options.get("organization") and not package.get("owner_org"):
            package["owner_org"] = self.options["organization"]
        licence = str(package.get("license_id") or "")
        offered = self.licences()
        usable = [c for c in payload.get("licence_candidates") or [licence] if c in offered]
        if not usable:
            raise PublishError(
                "licence_rejected", {"server": self.http.server, "licence": licence, "stored": "-"}
            )
        package["license_id"] = usable[0]
        self._report(0.02, "portal.dataset")
        existing = self._existing(package, remote_id)
        if existing is None:
            current = self._create(package)
            action = CREATED
        else:
            body = {k: v for k, v in package.items() if k != "name"}
            current = self.call("package_patch", body={**body, "id": existing["id"]})
            action = UPDATED
        paths = [Path(p) for p in files]
        texts = {str(t["file"]): t for t in payload.get("file_resources") or ()}
        try:
            resent = add_resent(
                held, held_files(current.get("resources") or []), paths, texts, resend
            )
            final, ids, uploaded = self._fill_and_open(
                current, payload, paths, package["license_id"], texts
            )
        except PublishError as err:
            # The (private) package exists now: its id goes to the journal so the next run
            # patches it even if its name changed (new title) or got a ``-N`` suffix.
            err.params.setdefault("remote_id", str(current["id"]))
            raise
        self._report(1.0, "portal.done")
        page = self.dataset_page(final)
        links = [
            page_link(
                page, f"Jeu de données sur le portail {self.name}", str(final.get("title") or "")
            )
        ]
        held = [
            (str(r[ROLE_FIELD])[len("file:") :], r)
            for r in final.get("resources") or []
            if str(r.get(ROLE_FIELD) or "").startswith("file:")
        ]
        links += portal_file_links(held or [(str(r.get("name")), r) for r in uploaded], texts)
        return PublishResult(
            action=action,
            remote_id=str(current["id"]),
            url=page,
            destination=self.name,
            details={
                "resources": ids,
                "name": final.get("name", ""),
                "license": licence,
                DETAILS_KEY: links,
                FILES_DETAIL: held_files(final.get("resources") or []),
                RESENT_DETAIL: resent,
            },
        )

    def _fill_and_open(
        self,
        current: Mapping[str, Any],
        payload: Mapping[str, Any],
        files: Sequence[Path],
        licence: str,
        texts: Mapping[str, Mapping[str, Any]],
    ) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
        """Check the licence, put every file and link, make the package public; the package,
        the resource ids and the file resources."""
        check_licence_ckan(self.http.server, licence, current)
        resources = list(current.get("resources") or [])
        uploaded = [
            self._put_file(current["id"], resources, Path(p), i, len(files), texts)
            for i, p in enumerate(files)
        ]
        ids = [str(r["id"]) for r in uploaded]
        ids += [
            self._put_remote(current["id"], resources, r)
            for r in payload.get("remote_resources") or []
        ]
        final = self.call("package_patch", body={"id": current["id"], "private": False})
        if final.get("private") is not False:
            raise PublishError(
                "not_published", {"server": self.http.server, "dataset": current["id"]}
            )
        return final, ids, uploaded

    def _existing(
        self, package: Mapping[str, Any], remote_id: Optional[str]
    ) -> Optional[dict[str, Any]]:
        """The package to patch: the journal's id, or ours found under our name (resume)."""
        if remote_id:
            found = self.find(remote_id)
            if found is None:
                raise PublishError(
                    "portal_dataset_missing", {"server": self.http.server, "dataset": remote_id}
                )
            return found
        identifier = extras_dict(package).get(EXTRA_IDENTIFIER, "")
        if not identifier:
            return None
        by_name = self._lookup_name(str(package["name"]))[1]
        found = {p["id"]: p for p in self.find_by_identifier(identifier, package)}
        if by_name is not None and self._is_ours(by_name, package):
            found.setdefault(by_name["id"], by_name)
        return single_match(self.http.server, identifier, list(found.values()), self.dataset_page)

    def find_by_identifier(
        self, identifier: str, package: Mapping[str, Any]
    ) -> list[dict[str, Any]]:
        """Packages whose ``inspire:identifier`` extra is ``identifier``, among the owner
        organisation's (private included), or the account's own without one; paged through
        ``package_search`` and compared here."""
        owner = str(package.get("owner_org") or "")
        if owner:
            organization = self.call("organization_show", params={"id": owner})
            query = f'owner_org:"{organization["id"]}"'
        else:
            user = self.whoami() or {}
            query = f'creator_user_id:"{user.get("id", "")}"'
        found: list[dict[str, Any]] = []
        for number in range(MAX_LISTING_PAGES):
            params = {
                "fq": query,
                "include_private": "true",
                "rows": LISTING_PAGE_SIZE,
                "start": number * LISTING_PAGE_SIZE,
            }
            page = self.call("package_search", params=params) or {}
            rows = [r for r in page.get("results") or [] if isinstance(r, dict)]
            found += [
                r
                for r in rows
                if extras_dict(r).get(EXTRA_IDENTIFIER) == identifier
                and r.get("state", "active") == "active"
            ]
            if len(rows) < LISTING_PAGE_SIZE:
                break
        return found

    def _lookup_name(self, name: str) -> tuple[bool, Optional[dict[str, Any]]]:
        """Whether ``name`` is taken, and the package when this account may see it (a
        private package of another organisation answers 403 but still holds the name; a
        deleted package frees it: CKAN lets ``package_create`` reuse it)."""
        try:
            package = self.call("package_show", params={"id": name})
        except PublishError as err:
            if err.code == "not_found":
                return False, None
            if err.code == "forbidden":
                return True, None
            raise
        if not isinstance(package, dict) or package.get("state") == "deleted":
            return False, None
        return True, package

    @staticmethod
    def _is_ours(found: Mapping[str, Any], package: Mapping[str, Any]) -> bool:
        """Same INSPIRE identifier in the extras: the package is this record's."""
        mine = extras_dict(package).get(EXTRA_IDENTIFIER)
        return bool(mine) and extras_dict(found).get(EXTRA_IDENTIFIER) == mine

    def _create(self, package: Mapping[str, Any]) -> dict[str, Any]:
        """``package_create`` private under a free valid name (``name``, ``name-2``...)."""
        name = str(package["name"])
        for number in range(1, MAX_NAME_TRIES + 1):
            candidate = name if number == 1 else numbered_name(name, number)
            if not self._lookup_name(candidate)[0]:
                return self.call(
                    "package_create", body={**package, "name": candidate, "private": True}
                )
        raise PublishError("conflict", {"server": self.http.server, "detail": name})

    def _put_file(
        self,
        package_id: str,
        resources: list[Mapping[str, Any]],
        path: Path,
        index: int,
        count: int,
        texts: Mapping[str, Mapping[str, Any]],
    ) -> dict[str, Any]:
        """``resource_update`` the resource holding this file, else ``resource_create``; the
        resource, titled and described for people (format, CRS, objects, fields, date)."""
        existing = next(
            (
                r
                for r in resources
                if r.get(ROLE_FIELD) == f"file:{path.name}"
                or (r.get("url_type") == "upload" and r.get("name") == path.name)
            ),
            None,
        )
        described = texts.get(path.name) or {}
        fields: dict[str, Any] = {
            "name": described.get("title") or path.name,
            ROLE_FIELD: f"file:{path.name}",
            "format": str(described.get("format") or path.suffix.lstrip(".")).upper(),
            "url": path.name,
        }
        if described.get("description"):
            fields["description"] = described["description"]
        if existing is not None:
            fields["id"] = existing["id"]
            action = "resource_update"
        else:
            fields["package_id"] = package_id
            action = "resource_create"
        size = max(1, path.stat().st_size)
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = MultipartFileBody(
            fields,
            "upload",
            path,
            path.name,
            content_type=ctype,
            cancel=self.http.cancel,
            on_bytes=lambda done: self._report(
                0.05 + 0.85 * (index + done / size) / count, "portal.upload"
            ),
        )
        try:
            result = self.call(action, timeout=self.upload_timeout, **body.request_kwargs())
        finally:
            body.close()
        return dict(result)

    def _put_remote(
        self, package_id: str, resources: list[Mapping[str, Any]], wanted: Mapping[str, Any]
    ) -> str:
        """Create or update a link resource, matched by its role."""
        role = str((wanted.get("extras") or {}).get(ROLE_MARK) or wanted.get("url"))
        existing = next((r for r in resources if r.get(ROLE_FIELD) == role), None)
        body = {
            "name": wanted.get("title"),
            "url": wanted.get("url"),
            "format": str(wanted.get("format") or "").upper(),
            "description": wanted.get("description") or "",
            ROLE_FIELD: role,
        }
        if existing is not None:
            result = self.call("resource_update", body={**body, "id": existing["id"]})
        else:
            result = self.call("resource_create", body={**body, "package_id": package_id})
        return str(result["id"])


def held_files(resources: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The files a package holds, ``{file name: version}``. CKAN computes no checksum (its
    ``hash`` is whatever a client sent); it sets ``size`` and ``last_modified`` on every upload,
    so the two together tell that a file was replaced, by us or anyone."""
    held = {}
    for resource in resources:
        role = str(resource.get(ROLE_FIELD) or "")
        if not role.startswith("file:") or resource.get("url_type") != "upload":
            continue
        held[role[len("file:") :]] = f"{resource.get('size')}@{resource.get('last_modified')}"
    return held


def check_licence_ckan(server: str, expected: str, package: Mapping[str, Any]) -> None:
    """CKAN stores any ``license_id``: make sure the answer holds the one we sent."""
    check_licence(server, expected, {"license": package.get("license_id")})
