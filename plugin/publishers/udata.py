"""udata (data.gouv.fr) publisher: one dataset per layer, files or links, updated in place.

Order matters: the dataset is created **private**, every resource is added, and only then is it
made public, so a half-built dataset is never visible. udata silently stores an unknown licence
id as ``notspecified`` (with a 201): the licence is checked against ``/datasets/licenses/``
before and in every answer after. Files are streamed from disk; above ``chunk_threshold`` they
go through udata's chunked protocol (``uuid``, ``filename``, ``partindex``, ``partbyteoffset``,
``totalparts``, ``chunksize`` per part, then an assembling POST without file). Republishing
replaces files through ``/resources/{rid}/upload/`` so resource ids and URLs stay stable; the
dataset is addressed by id (its slug follows the title).

Without an id from the journal (another machine, a fresh QGIS profile), the dataset is looked up
before anything is created: among the organisation's datasets (private ones included for its
members), or the account's own when there is no organisation, by the ``inspire:identifier``
extra every publication writes. udata's full-text search is not used: the listing is paged
through and the extras compared here. Two datasets with the same identifier stop the
publication (``portal_duplicates``) rather than guess or add a third.
"""

from __future__ import annotations

import logging
import mimetypes
import time
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote

import requests

from ..core.online_links import DETAILS_KEY, page_link, portal_file_links
from ..core.portal_payload import EXTRA_IDENTIFIER
from .base import CREATED, UPDATED, DataPublisher, PublishResult
from .errors import PublishError, flatten_field_errors, redact
from .held_files import FILES_DETAIL, RESENT_DETAIL, Resend, add_resent
from .multipart import MultipartFileBody

LOG = logging.getLogger(__name__)

FILE_MARK = "geopublier:file"
ROLE_MARK = "geopublier:role"
DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024
DEFAULT_CHUNK_THRESHOLD = 16 * 1024 * 1024
DEFAULT_UPLOAD_TIMEOUT = 600.0
_REMOTE_FIELDS = ("title", "url", "format", "description", "type")
# A frequency an older udata does not offer → the nearest one it does (udata 10 has no
# ``notPlanned``; its own EU vocabulary mapping turns "never updated" into ``punctual``).
FREQUENCY_FALLBACKS = {"notPlanned": ("punctual", "irregular", "unknown")}
LISTING_PAGE_SIZE = 100
MAX_LISTING_PAGES = 200  # 20,000 datasets: past that, an organisation's listing is not ours to scan


def api_root(url: str) -> str:
    """The ``.../api/1`` base from what the user typed (site root or API root)."""
    base = url.strip().rstrip("/")
    if base.endswith("/api/1"):
        return base
    if base.endswith("/api"):
        return base + "/1"
    return base + "/api/1"


def check_licence(server: str, expected: str, dataset: Mapping[str, Any]) -> None:
    """Raise ``licence_rejected`` when udata stored another licence than the one sent."""
    stored = dataset.get("license")
    if stored != expected:
        raise PublishError(
            "licence_rejected", {"server": server, "licence": expected, "stored": stored or "-"}
        )


def portal_frequency(wanted: str, known: Sequence[str]) -> Optional[str]:
    """The frequency id to send: ``wanted`` when the portal offers it, else its nearest
    offered fallback, else None (the field is left out rather than refused with a 400)."""
    if not wanted or not known or wanted in known:
        return wanted or None
    return next((f for f in FREQUENCY_FALLBACKS.get(wanted, ()) if f in known), None)


def find_resource(
    resources: Sequence[Mapping[str, Any]], mark: str, key: str, title: str = ""
) -> Optional[Mapping[str, Any]]:
    """The resource carrying our ``mark`` = ``key`` in its extras, else one titled ``title``."""
    for resource in resources:
        if (resource.get("extras") or {}).get(mark) == key:
            return resource
    for resource in resources:
        if title and resource.get("title") == title:
            return resource
    return None


def held_files(resources: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The files a dataset holds, ``{file name: version}``: udata's checksum of each uploaded
    file (computed on every upload, sha1 in udata 10 and 17), else its URL (which changes with
    every upload)."""
    held = {}
    for resource in resources:
        name = (resource.get("extras") or {}).get(FILE_MARK)
        if not name or resource.get("filetype") != "file":
            continue
        checksum = resource.get("checksum") or {}
        if isinstance(checksum, Mapping) and checksum.get("value"):
            held[str(name)] = f"{checksum.get('type') or 'sha1'}:{checksum['value']}"
        else:
            held[str(name)] = f"url:{resource.get('url') or ''}"
    return held


def same_second_wait(resource: Mapping[str, Any], now: Optional[datetime] = None) -> float:
    """Seconds to wait before replacing ``resource``'s file (0 or up to ~1.1 s).

    udata stores a file under ``{slug}/{YYYYmmdd-HHMMSS}/{name}`` and answers 500 (FileExists)
    when the same name is stored twice in the same second: a republication right after the
    first publication must let the clock tick.
    """
    try:
        changed = datetime.fromisoformat(str(resource.get("last_modified")))
    except ValueError:
        return 0.0
    if changed.tzinfo is None:
        changed = changed.replace(tzinfo=timezone.utc)
    elapsed = ((now or datetime.now(timezone.utc)) - changed).total_seconds()
    return max(0.0, 1.1 - elapsed) if 0 <= elapsed < 1.1 else 0.0


def replacing_spatial(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` for an update: the spatial coverage sent replaces the stored one.

    udata keeps what a partial update leaves out, and refuses zones and a geometry together:
    a dataset first published with its footprint, then with zones (or the reverse), must have
    the other one emptied in the same request.
    """
    body = dict(fields)
    spatial = body.get("spatial")
    if isinstance(spatial, Mapping):
        spatial = dict(spatial)
        if spatial.get("zones"):
            spatial.setdefault("geom", None)
        elif spatial.get("geom"):
            spatial.setdefault("zones", [])
        body["spatial"] = spatial
    return body


def single_match(
    server: str, identifier: str, found: Sequence[Mapping[str, Any]], page: Callable[..., str]
) -> Optional[Mapping[str, Any]]:
    """The one dataset found for ``identifier``, None for none; ``portal_duplicates`` naming
    each of them (id and address, from ``page``) when there are several."""
    if len(found) > 1:
        named = ", ".join(f"{item.get('id')} ({page(item)})" for item in found)
        raise PublishError(
            "portal_duplicates", {"server": server, "identifier": identifier, "datasets": named}
        )
    return found[0] if found else None


class UdataPublisher(DataPublisher):
    """Publishes a dataset to udata; the session carries the ``X-API-KEY`` header.

    Options: ``organization`` (id), ``chunk_size``, ``chunk_threshold`` (bytes),
    ``upload_timeout`` (seconds, for each file request).
    """

    kind = "udata"

    def __init__(self, url: str, session: requests.Session, **kwargs: Any) -> None:
        super().__init__(url, session, **kwargs)
        self.api = api_root(self.url)
        self.chunk_size = int(self.options.get("chunk_size") or DEFAULT_CHUNK_SIZE)
        self.chunk_threshold = int(self.options.get("chunk_threshold") or DEFAULT_CHUNK_THRESHOLD)
        self.upload_timeout = float(self.options.get("upload_timeout") or DEFAULT_UPLOAD_TIMEOUT)
        self._sent = 0
        self._total = 0
        self._sleep: Callable[[float], None] = time.sleep

    def _dataset_url(self, dataset_id: str, tail: str = "") -> str:
        return f"{self.api}/datasets/{quote(dataset_id, safe='')}/{tail}"

    def _request(
        self, method: str, url: str, *, allow: Sequence[int] = (), **kwargs: Any
    ) -> requests.Response:
        """Send through the shared client; a 400 keeps udata's field errors, nested or not.

        udata answers 401 only about the API key (a wrong, expired or revoked key): say so in
        those words rather than with the generic "user name or password" message.
        """
        try:
            response = self.http.request(method, url, allow=(400, *allow), **kwargs)
        except PublishError as error:
            if error.code == "auth":
                raise PublishError("portal_bad_token", dict(error.params)) from None
            raise
        if response.status_code == 400 and 400 not in allow:
            raise self._bad_request(response)
        return response

    def _bad_request(self, response: requests.Response) -> PublishError:
        """udata's ``{"errors": {field: [messages] or {subfield: ...}}}`` → ``bad_request``."""
        err = self.http.error_for(response)
        try:
            errors = response.json().get("errors")
        except (ValueError, AttributeError):
            return err
        if isinstance(errors, Mapping) and errors:
            flat = flatten_field_errors(errors)
            err.params["fields"] = {k: redact(v, self.http.secrets) for k, v in flat.items()}
        return err

    def _json(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        """A request whose 2xx answer must be a JSON object."""
        return self._json_of(self._request(method, url, **kwargs))

    def test_connection(self) -> dict[str, Any]:
        """``GET /me/``: the key is valid; lists the organisations the account belongs to."""
        me = self._json("GET", f"{self.api}/me/")
        organizations = [
            {"id": org.get("id", ""), "name": org.get("name", "")}
            for org in me.get("organizations") or []
            if isinstance(org, Mapping)
        ]
        wanted = self.options.get("organization")
        if wanted and wanted not in {o["id"] for o in organizations}:
            raise PublishError("portal_no_organization", {"server": self.http.server})
        return {
            "user": f"{me.get('first_name', '')} {me.get('last_name', '')}".strip(),
            "organizations": organizations,
        }

    def licences(self) -> list[str]:
        """Licence ids the portal knows (``/datasets/licenses/``)."""
        return self._ids("licenses")

    def frequencies(self) -> list[str]:
        """Update frequency ids the portal knows (``/datasets/frequencies/``; they differ
        between udata versions)."""
        return self._ids("frequencies")

    def _ids(self, vocabulary: str) -> list[str]:
        """The ``id`` of every entry of one of udata's ``/datasets/<vocabulary>/`` lists."""
        data = self.http.parse_json(self._request("GET", f"{self.api}/datasets/{vocabulary}/"))
        return [str(item.get("id")) for item in data or [] if isinstance(item, Mapping)]

    def _fit_frequency(self, fields: dict[str, Any]) -> None:
        """Replace (or leave out) a frequency this portal's version does not offer."""
        wanted = str(fields.get("frequency") or "")
        if not wanted:
            return
        fitted = portal_frequency(wanted, self.frequencies())
        if fitted is None:
            fields.pop("frequency", None)
        elif fitted != wanted:
            LOG.info("Frequency %s unknown to %s: sent as %s", wanted, self.http.server, fitted)
            fields["frequency"] = fitted

    def find(self, identifier: str) -> Optional[dict[str, Any]]:
        """The dataset (as its owner sees it, private or not), None when gone (404/410).

        udata still shows a deleted dataset to its owner (200 with ``deleted`` set) but
        refuses any change to it (410): for publication it is gone.
        """
        response = self._request("GET", self._dataset_url(identifier), allow=(404, 410))
        if response.status_code in (404, 410):
            return None
        dataset = self._json_of(response)
        return None if dataset.get("deleted") else dataset

    def find_by_identifier(
        self, identifier: str, organization: str = ""
    ) -> Optional[dict[str, Any]]:
        """Our dataset for the INSPIRE ``identifier`` (its ``inspire:identifier`` extra), looked
        up in the organisation's datasets, or the account's own without an organisation; None
        when there is none, ``portal_duplicates`` when there are several. Deleted ones do not
        count."""
        found = [
            dataset
            for dataset in self._own_datasets(organization)
            if (dataset.get("extras") or {}).get(EXTRA_IDENTIFIER) == identifier
            and not dataset.get("deleted")
        ]
        return single_match(self.http.server, identifier, found, self.dataset_page)

    def _own_datasets(self, organization: str = "") -> list[dict[str, Any]]:
        """Every dataset of the organisation (paged through), or of the account."""
        organization = organization or str(self.options.get("organization") or "")
        if not organization:
            data = self.http.parse_json(self._request("GET", f"{self.api}/me/datasets/"))
            return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []
        datasets: list[dict[str, Any]] = []
        url = f"{self.api}/organizations/{quote(organization, safe='')}/datasets/"
        for number in range(1, MAX_LISTING_PAGES + 1):
            params = {"page": number, "page_size": LISTING_PAGE_SIZE}
            page = self._json("GET", url, params=params)
            rows = [d for d in page.get("data") or [] if isinstance(d, dict)]
            datasets += rows
            total = page.get("total")
            if len(rows) < LISTING_PAGE_SIZE or (isinstance(total, int) and len(datasets) >= total):
                break
        return datasets

    def _json_of(self, response: requests.Response) -> dict[str, Any]:
        """The answer's JSON object (``invalid_answer`` for anything else)."""
        data = self.http.parse_json(response)
        if not isinstance(data, dict):
            raise PublishError(
                "invalid_answer", {"server": self.http.server, "detail": "JSON object expected"}
            )
        return data

    def delete(self, identifier: str) -> None:
        """Delete the dataset; ``not_found`` when it was not there."""
        response = self._request("DELETE", self._dataset_url(identifier), allow=(404, 410))
        if response.status_code in (404, 410):
            raise PublishError("not_found", {"server": self.http.server, "detail": identifier})

    def dataset_page(self, dataset: Mapping[str, Any]) -> str:
        """Public address of the dataset: its web page, else its API address by id."""
        return str(dataset.get("page") or self._dataset_url(str(dataset["id"])))

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
        """Create (private → resources → public) or update the dataset from ``payload``.

        ``payload`` is :func:`plugin.core.portal_payload.udata_payload`'s output: ``dataset``
        (udata JSON) and ``remote_resources`` (reference mode). A failure once the dataset
        exists carries its id in ``params["remote_id"]`` (the journal keeps it for the resume).
        ``held``: the files the dataset held after the last publication (see
        :mod:`.held_files`); those it lost or holds in another version now are asked from
        ``resend`` and uploaded again.
        """
        fields = dict(payload["dataset"])
        fields.pop("private", None)
        remote = list(payload.get("remote_resources") or [])
        paths = [Path(p) for p in files]
        texts = {str(t["file"]): t for t in payload.get("file_resources") or ()}
        licence = str(fields.get("license") or "")
        self._check_known_licence(licence)
        self._fit_frequency(fields)
        self._report(0.02, "portal.dataset")
        identifier = str((fields.get("extras") or {}).get(EXTRA_IDENTIFIER) or "")
        if not remote_id and identifier:
            existing = self.find_by_identifier(identifier, str(fields.get("organization") or ""))
            remote_id = str(existing["id"]) if existing else None
        if remote_id:
            dataset = self._update_dataset(remote_id, fields)
            action = UPDATED
        else:
            dataset = self._create_dataset(fields)
            action = CREATED
        dataset_id = str(dataset["id"])
        try:
            check_licence(self.http.server, licence, dataset)
            resources = list(dataset.get("resources") or [])
            resent = add_resent(held, held_files(resources), paths, texts, resend)
            uploaded = self._upload_files(dataset_id, resources, paths, texts)
            ids = [str(r["id"]) for _, r in uploaded]
            ids += self._put_remote(dataset_id, resources, remote)
            final = self._make_public(dataset_id, fields)
            check_licence(self.http.server, licence, final)
        except PublishError as err:
            # The (private) dataset exists now: the journal must keep its id so the next run
            # updates it instead of creating a second one.
            err.params.setdefault("remote_id", dataset_id)
            raise
        self._report(1.0, "portal.done")
        page = self.dataset_page(final)
        links = [
            page_link(
                page, f"Jeu de données sur le portail {self.name}", str(final.get("title") or "")
            )
        ]
        held = [
            (str(r["extras"][FILE_MARK]), r)
            for r in final.get("resources") or []
            if (r.get("extras") or {}).get(FILE_MARK)
        ]
        links += portal_file_links(held or uploaded, texts)
        return PublishResult(
            action=action,
            remote_id=dataset_id,
            url=page,
            destination=self.name,
            details={
                "resources": ids,
                "slug": final.get("slug", ""),
                "license": licence,
                "frequency": final.get("frequency", ""),
                "mode": "reference" if remote and not paths else "upload",
                DETAILS_KEY: links,
                FILES_DETAIL: held_files(final.get("resources") or []),
                RESENT_DETAIL: resent,
            },
        )

    def _check_known_licence(self, licence: str) -> None:
        """Refuse before creating anything when the portal does not offer the licence."""
        known = self.licences()
        if licence not in known:
            stored = "notspecified" if "notspecified" in known else "-"
            raise PublishError(
                "licence_rejected",
                {"server": self.http.server, "licence": licence, "stored": stored},
            )

    def _create_dataset(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """POST the dataset, private; drop it again if udata changed the licence."""
        body = {**fields, "private": True}
        organization = self.options.get("organization")
        if organization and "organization" not in body:
            body["organization"] = organization
        dataset = self._json("POST", f"{self.api}/datasets/", json=body, idempotent=False)
        try:
            check_licence(self.http.server, str(fields.get("license") or ""), dataset)
        except PublishError:
            self._discard(str(dataset.get("id", "")))
            raise
        return dataset

    def _discard(self, dataset_id: str) -> None:
        """Remove a private dataset we just created and cannot use (best effort, logged)."""
        try:
            self.delete(dataset_id)
        except PublishError as err:
            LOG.warning("Could not remove the private dataset %s: %s", dataset_id, err.code)

    def _update_dataset(self, dataset_id: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """PUT the new metadata (every field: udata empties tags left out) on the dataset."""
        if self.find(dataset_id) is None:
            raise PublishError(
                "portal_dataset_missing", {"server": self.http.server, "dataset": dataset_id}
            )
        return self._json("PUT", self._dataset_url(dataset_id), json=replacing_spatial(fields))

    def _make_public(self, dataset_id: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Make the dataset public (last step) and check that it is.

        Every field is sent again: udata's PUT empties the tags and the temporal coverage
        when they are left out of the body.
        """
        body = {**fields, "private": False}
        final = self._json("PUT", self._dataset_url(dataset_id), json=body)
        if final.get("private") is not False:
            raise PublishError("not_published", {"server": self.http.server, "dataset": dataset_id})
        return final

    # --- files --------------------------------------------------------------------------

    def _upload_files(
        self,
        dataset_id: str,
        resources: list[Mapping[str, Any]],
        paths: Sequence[Path],
        texts: Mapping[str, Mapping[str, Any]],
    ) -> list[tuple[str, dict[str, Any]]]:
        """Upload every file, replacing the resource that already holds it, then give it its
        title and description; return (file name, resource) pairs."""
        self._total = sum(p.stat().st_size for p in paths) or 1
        self._sent = 0
        done = []
        if paths:
            # A run resumed right after another one (a Cancel then "Retry failed steps"): a file
            # stored in this dataset less than a second ago, matched to its resource or not,
            # would collide with the same name in the same second.
            self._sleep(max((same_second_wait(r) for r in resources), default=0.0))
        for path in paths:
            existing = find_resource(resources, FILE_MARK, path.name, path.name)
            if existing is not None and existing.get("filetype") == "file":
                url = self._dataset_url(dataset_id, f"resources/{existing['id']}/upload/")
                self._sleep(same_second_wait(existing))
            else:
                url = self._dataset_url(dataset_id, "upload/")
            resource = self.upload_file(url, path)
            described = self._describe(dataset_id, resource, path.name, texts.get(path.name))
            done.append((path.name, described))
            self._sent += path.stat().st_size
        return done

    def _describe(
        self,
        dataset_id: str,
        resource: Mapping[str, Any],
        key: str,
        texts: Optional[Mapping[str, Any]],
    ) -> dict[str, Any]:
        """Give the resource its title and description and remember in its extras which
        local file it holds; the resource as udata answers."""
        extras = {**(resource.get("extras") or {}), FILE_MARK: key}
        body: dict[str, Any] = {"title": resource.get("title") or key, "extras": extras}
        for name in ("title", "description"):
            if texts and texts.get(name):
                body[name] = str(texts[name])
        if all(resource.get(k) == v for k, v in body.items()):
            return dict(resource)
        url = self._dataset_url(dataset_id, f"resources/{resource['id']}/")
        return {**resource, **self._json("PUT", url, json=body)}

    def upload_file(self, url: str, path: Path) -> dict[str, Any]:
        """Send one file to an upload endpoint, chunked above the threshold; the resource."""
        size = path.stat().st_size
        self._total = max(self._total, self._sent + size)
        if size <= self.chunk_threshold:
            return self._upload_answer(self._post_part(url, path, {}, 0, size), path, True)
        upload_id = str(uuid.uuid4())
        parts = (size + self.chunk_size - 1) // self.chunk_size
        for index in range(parts):
            offset = index * self.chunk_size
            length = min(self.chunk_size, size - offset)
            fields = {
                "uuid": upload_id,
                "filename": path.name,
                "partindex": index,
                "partbyteoffset": offset,
                "totalparts": parts,
                "chunksize": length,
            }
            self._upload_answer(self._post_part(url, path, fields, offset, length), path, False)
        fields = {"uuid": upload_id, "filename": path.name, "totalparts": parts}
        response = self._request(
            "POST", url, data=fields, idempotent=False, timeout=self.upload_timeout
        )
        return self._upload_answer(response, path, True)

    def _post_part(
        self, url: str, path: Path, fields: Mapping[str, Any], offset: int, length: int
    ) -> requests.Response:
        """POST one multipart body streamed from ``path[offset:offset+length]``."""
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        base = self._sent + offset
        body = MultipartFileBody(
            fields,
            "file",
            path,
            path.name,
            offset=offset,
            length=length,
            content_type=ctype,
            cancel=self.http.cancel,
            on_bytes=lambda done: self._progress(base + done),
        )
        try:
            return self._request(
                "POST", url, idempotent=False, timeout=self.upload_timeout, **body.request_kwargs()
            )
        finally:
            body.close()

    def _upload_answer(
        self, response: requests.Response, path: Path, resource: bool
    ) -> dict[str, Any]:
        """The resource udata created or updated (``resource``), else a part's upload status;
        an answer without them is a failure."""
        answer = self._json_of(response)
        if resource:
            done = bool(answer.get("id")) and answer.get("success") is not False
        else:
            done = answer.get("success") is True
        if not done:
            detail = str(answer.get("error") or "-")
            raise PublishError(
                "upload_failed", {"server": self.http.server, "file": path.name, "detail": detail}
            )
        return answer

    def _progress(self, sent: int) -> None:
        self._report(0.05 + 0.85 * min(1.0, sent / self._total), "portal.upload")

    # --- remote resources (reference mode) ----------------------------------------------

    def _put_remote(
        self,
        dataset_id: str,
        resources: list[Mapping[str, Any]],
        remote: Sequence[Mapping[str, Any]],
    ) -> list[str]:
        """Create or update the remote resources, matched by their role mark; return ids."""
        ids = []
        for wanted in remote:
            role = str((wanted.get("extras") or {}).get(ROLE_MARK) or wanted.get("url"))
            existing = find_resource(resources, ROLE_MARK, role)
            body = {k: wanted[k] for k in _REMOTE_FIELDS if wanted.get(k) is not None}
            body["extras"] = {**(wanted.get("extras") or {}), ROLE_MARK: role}
            if existing is not None and existing.get("filetype") == "remote":
                url = self._dataset_url(dataset_id, f"resources/{existing['id']}/")
                resource = self._json("PUT", url, json=body)
            else:
                body["filetype"] = "remote"
                resource = self._json(
                    "POST", self._dataset_url(dataset_id, "resources/"), json=body, idempotent=False
                )
            ids.append(str(resource["id"]))
        return ids
