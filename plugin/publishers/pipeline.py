"""Run the publication steps in order, journal each outcome, and never hide a failure.

A step publishes to one destination. If one fails, the others still run; the report says what is
published where, and a later run of the failed steps resumes from the journal (same remote ids).

A portal dataset the journal remembers but the portal no longer has fails with
``portal_dataset_missing`` (a catalogue record: ``catalogue_record_missing``, found by the
guarded catalogue step) and the user is asked; with ``recreate_missing`` (their answer: the
dialog's "Publish afresh", ``REPUBLISH_MISSING`` in Processing) the stale entry is forgotten and
the step runs again as a first publication (which still looks the dataset up by identifier).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Optional

from ..core.errors import GeoPublierError
from ..core.model import OnlineResource
from ..core.online_links import DETAILS_KEY, from_details
from ..core.portal_payload import payload_message
from .base import UPDATED, CataloguePublisher, DataPublisher, PublishResult
from .errors import PublishError, message
from .held_files import FILES_DETAIL, to_text
from .journal import Journal, content_hash, server_key

LOG = logging.getLogger(__name__)

DONE, FAILED, SKIPPED, CANCELLED = "done", "failed", "skipped", "cancelled"
MISSING = "portal_dataset_missing"  # the error code of a remembered dataset gone from the portal
CATALOGUE_MISSING = "catalogue_record_missing"  # a remembered record gone from the catalogue
MISSING_CODES = (MISSING, CATALOGUE_MISSING)  # what « Publier à neuf » answers
UNCHANGED = "unchanged"
LINKS_CONTEXT = "online_resources"  # context key: {destination: [online resource dicts]}
FAILED_CONTEXT = "failed_destinations"  # context key: destinations that failed in this run
StepProgress = Callable[[int, float, str], None]


@dataclass
class StepOutcome:
    """What one step did, in words a report can show."""

    destination: str
    role: str
    status: str
    action: str = ""
    remote_id: str = ""
    url: str = ""
    error_code: str = ""
    message_fr: str = ""
    message_en: str = ""
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class PublicationReport:
    """The whole publication: one outcome per step."""

    resource_id: str
    title: str
    started: str
    finished: str = ""
    steps: list[StepOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every step is done (or deliberately skipped)."""
        return all(step.status in (DONE, SKIPPED) for step in self.steps)

    def step(self, role: str) -> Optional[StepOutcome]:
        """The first step of a role ("catalogue", "mapserver", "portal")."""
        return next((s for s in self.steps if s.role == role), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for the REPORT output and the HTML report."""
        return dict(asdict(self), ok=self.ok)


class Step(ABC):
    """One destination to publish to."""

    role = ""

    def __init__(self, destination: str, server: str = "") -> None:
        self.destination = destination
        self.server = server  # the connection's address: a renamed connection still matches

    @abstractmethod
    def run(
        self, previous_remote_id: Optional[str], context: dict[str, Any]
    ) -> tuple[PublishResult, str]:
        """Publish; return the result and the hash of what was sent.

        `context` carries what earlier steps learnt (e.g. the catalogue record URL).
        """


class CatalogueStep(Step):
    """Insert or update the ISO 19139 record in a catalogue, under its file identifier."""

    role = "catalogue"

    def __init__(
        self,
        publisher: CataloguePublisher,
        record_xml: bytes,
        identifier: str,
        thumbnail: Optional[bytes] = None,
    ) -> None:
        super().__init__(publisher.name, publisher.url)
        self.publisher = publisher
        self.record_xml = record_xml
        self.identifier = identifier
        self.thumbnail = thumbnail

    def run(
        self, previous_remote_id: Optional[str], context: dict[str, Any]
    ) -> tuple[PublishResult, str]:
        """The catalogue decides insert or update from the identifier itself.

        The step's URL is the record's page for people (``record_page`` option); the machine
        address (CSW GetRecordById…) stays in ``details["record_xml_url"]``.
        """
        result = self.publisher.publish(self.record_xml, self.identifier, thumbnail=self.thumbnail)
        page = self.publisher.record_page(self.identifier)
        context["catalogue_record_url"] = page
        details = {**result.details, "record_xml_url": self.publisher.record_url(self.identifier)}
        published = replace(result, url=page, details=details)
        return published, content_hash(self.record_xml)


class PortalStep(Step):
    """Create or update the portal dataset (the journal's remote id means: update that one).

    With the data unchanged, ``files`` holds at most the record's file; ``held`` (the files the
    dataset held after the last publication, from the journal) and ``package`` (the package's
    files, exported when first called) let the publisher send again a file the portal lost or
    holds in another version (see :mod:`.held_files`).
    """

    role = "portal"

    def __init__(
        self,
        publisher: DataPublisher,
        payload_for: Callable[..., Mapping[str, Any]],
        files: Sequence[Path] = (),
        held: Optional[Mapping[str, str]] = None,
        package: Optional[Callable[[], Sequence[Path]]] = None,
    ) -> None:
        super().__init__(publisher.name, publisher.url)
        self.publisher = publisher
        self.payload_for = payload_for
        self.files = list(files)
        self.held = dict(held or {})
        self.package = package

    def _payload(self, url: str, services: Any, names: tuple[str, ...] = ()) -> Mapping[str, Any]:
        kwargs: dict[str, Any] = {"services": services} if services else {}
        if names:
            kwargs["files"] = names
        return self.payload_for(url, **kwargs)

    def run(
        self, previous_remote_id: Optional[str], context: dict[str, Any]
    ) -> tuple[PublishResult, str]:
        """Build the payload with the catalogue URL (and map services) known now, then publish."""
        services = context.get("map_services")
        url = context.get("catalogue_record_url", "")
        payload = self._payload(url, services)
        extra: dict[str, Any] = {}
        if self.held and self.package is not None:
            package = self.package

            def resend(names: Sequence[str]) -> tuple[list[Path], dict[str, Any]]:
                paths = [Path(p) for p in package() if Path(p).name in names]
                texts = self._payload(url, services, tuple(p.name for p in paths))
                return paths, {str(t["file"]): t for t in texts.get("file_resources") or ()}

            extra = {"held": self.held, "resend": resend}
        result = self.publisher.publish(payload, self.files, remote_id=previous_remote_id, **extra)
        sent = json.dumps(payload, sort_keys=True, default=str).encode("utf-8")
        return result, content_hash(sent + b"".join(str(p).encode() for p in self.files))


class LinkStep(Step):
    """Update the catalogue record with the links the earlier steps published (two-way links).

    Contract for every step that publishes something a person opens or downloads (portal,
    map server…): put it in ``PublishResult.details["online_resources"]`` as a list of dicts
    with the keys of :class:`~plugin.core.model.OnlineResource` — ``url``, ``protocol``
    (``WWW:DOWNLOAD-1.0-http--download``, ``WWW:LINK-1.0-http--link`` or an OGC service type URI
    such as ``OGC:WMS``), ``function`` (``download``,
    ``information``), ``name``, ``description`` and optionally ``application_profile``
    (helpers in :mod:`plugin.core.online_links`). :func:`run_steps` collects them per
    destination (the journal keeps them for resumed runs) and this step writes them into the
    record. It is its own step: when it fails, "Retry failed steps" runs it again alone.
    """

    role = "links"

    def __init__(
        self,
        publisher: CataloguePublisher,
        record_xml_for: Callable[[list[OnlineResource]], bytes],
        identifier: str,
        sources: Sequence[str],
        destination: str = "",
        remember: Optional[Callable[[bytes], None]] = None,
    ) -> None:
        """``remember``: called with the document once published (the remote-change guard
        keeps it as the last published version)."""
        super().__init__(destination or link_destination(publisher.name), publisher.url)
        self.publisher = publisher
        self.record_xml_for = record_xml_for
        self.identifier = identifier
        self.sources = list(sources)
        self.remember = remember

    def links(self, context: Mapping[str, Any]) -> list[OnlineResource]:
        """The online resources of the source destinations, in step order."""
        known = context.get(LINKS_CONTEXT) or {}
        found: list[OnlineResource] = []
        for source in self.sources:
            found += from_details({DETAILS_KEY: known.get(source) or []})
        return found

    def run(
        self, previous_remote_id: Optional[str], context: dict[str, Any]
    ) -> tuple[PublishResult, str]:
        """Write the record again with the links; nothing to link leaves the record alone."""
        links = self.links(context)
        record_url = str(context.get("catalogue_record_url") or "")
        if self.publisher.name in context.get(FAILED_CONTEXT, ()):
            # The record step failed (e.g. the record was changed in the catalogue by someone
            # else): writing the links would overwrite what it refused to; retried with it.
            details = {"record_step_failed": True}
            return PublishResult(
                UNCHANGED, self.identifier, record_url, self.destination, details
            ), ""
        if not links:
            return PublishResult(UNCHANGED, self.identifier, record_url, self.destination), ""
        xml = self.record_xml_for(links)
        result = self.publisher.publish(xml, self.identifier)
        if self.remember is not None:
            self.remember(xml)
        details = {"count": len(links), "urls": [link.url for link in links]}
        return (
            PublishResult(UPDATED, self.identifier, result.url, self.destination, details),
            content_hash(xml),
        )


def link_destination(catalogue: str) -> str:
    """Journal and step name of the link update of a catalogue (distinct from the record)."""
    return f"{catalogue} — liens"


class SkippedStep(Step):
    """A destination deliberately left alone (e.g. the portal already harvests the catalogue)."""

    def __init__(self, destination: str, role: str, reason_fr: str, reason_en: str) -> None:
        super().__init__(destination)
        self.role = role
        self.reason_fr, self.reason_en = reason_fr, reason_en

    def run(
        self, previous_remote_id: Optional[str], context: dict[str, Any]
    ) -> tuple[PublishResult, str]:
        """Never called: `run_steps` reports it as skipped."""
        raise NotImplementedError


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def run_steps(
    steps: Sequence[Step],
    journal: Journal,
    resource_id: str,
    title: str,
    *,
    progress: Optional[StepProgress] = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    context: Optional[dict[str, Any]] = None,
    fingerprint: str = "",
    recreate_missing: bool = False,
) -> PublicationReport:
    """Run every step; each outcome is journalled before the next step starts.

    `fingerprint`: the layer as published (freshness.Fingerprint JSON), kept with each success.
    ``recreate_missing``: publish afresh a dataset the journal remembers but the destination
    no longer has, instead of failing with ``portal_dataset_missing``.
    """
    report = PublicationReport(resource_id=resource_id, title=title, started=_now())
    shared = dict(context or {})
    for index, step in enumerate(steps):
        if is_cancelled():
            report.steps.append(StepOutcome(step.destination, step.role, CANCELLED))
            continue
        if isinstance(step, SkippedStep):
            report.steps.append(
                StepOutcome(
                    step.destination,
                    step.role,
                    SKIPPED,
                    message_fr=step.reason_fr,
                    message_en=step.reason_en,
                )
            )
            continue
        if progress:
            progress(index, 0.0, step.destination)
        report.steps.append(
            _run_one(step, journal, resource_id, shared, fingerprint, recreate_missing)
        )
        if progress:
            progress(index, 1.0, step.destination)
    report.finished = _now()
    return report


def _run_one(
    step: Step,
    journal: Journal,
    resource_id: str,
    context: dict[str, Any],
    fingerprint: str = "",
    recreate_missing: bool = False,
) -> StepOutcome:
    known = journal.entry_for(resource_id, step.destination, step.server, step.role)
    previous = known.remote_id if known is not None and known.remote_id else None
    if step.role == "catalogue" and known is not None and _moved(known.server, step.server):
        previous = None  # the connection now points at another catalogue: a first publication
    replaced = ""
    try:
        try:
            result, sent_hash = step.run(previous, context)
        except PublishError as error:
            if error.code not in MISSING_CODES or not recreate_missing or known is None:
                raise
            journal.clear(resource_id, known.destination)  # the stale id must not come back
            replaced, previous, known = previous or "", None, None
            result, sent_hash = step.run(None, context)
    except (PublishError, GeoPublierError) as error:
        journal.record_failure(
            resource_id,
            step.destination,
            step=step.role,
            error_code=error.code,
            remote_id=str(error.params.get("remote_id") or previous or ""),
            server=step.server,
        )
        LOG.warning("%s: %s failed (%s)", resource_id, step.destination, error.code)
        context.setdefault(FAILED_CONTEXT, []).append(step.destination)
        return StepOutcome(
            step.destination,
            step.role,
            FAILED,
            error_code=error.code,
            message_fr=_sentence(error, "fr"),
            message_en=_sentence(error, "en"),
            details={"params": {k: str(v) for k, v in error.params.items()}},
        )
    if known is not None and known.destination != step.destination:
        journal.clear(resource_id, known.destination)  # the connection was renamed
    links = list(result.details.get(DETAILS_KEY) or [])
    if links:
        context.setdefault(LINKS_CONTEXT, {})[step.destination] = links
    journal.record(
        resource_id,
        step.destination,
        remote_id=result.remote_id,
        url=result.url,
        content_hash=sent_hash,
        step=step.role,
        fingerprint=fingerprint,
        server=step.server,
        online_resources=json.dumps(links, ensure_ascii=False) if links else "",
        files=to_text(result.details.get(FILES_DETAIL) or {}),
    )
    details = dict(result.details)
    if replaced:
        details["replaces_missing"] = replaced
    notices = [PublishError(n["code"], n.get("params")) for n in details.get("notices") or ()]
    return StepOutcome(
        step.destination,
        step.role,
        DONE,
        action=result.action,
        remote_id=result.remote_id,
        url=result.url,
        message_fr=" ".join(message(n, "fr") for n in notices),
        message_en=" ".join(message(n, "en") for n in notices),
        details=details,
    )


def _moved(then: str, now: str) -> bool:
    """True when both addresses are known and differ (a connection pointed elsewhere)."""
    return bool(then and now and server_key(then) != server_key(now))


def _sentence(error: Exception, lang: str) -> str:
    """The user's sentence for a publication error or a portal payload error."""
    if isinstance(error, PublishError):
        return message(error, lang)
    return payload_message(error, lang)


def journalled_links(journal: Journal, resource_id: str) -> dict[str, list[dict[str, Any]]]:
    """The links each destination published last time (for a run that does not repeat it)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for entry in journal.entries(resource_id):
        try:
            links = json.loads(entry.online_resources) if entry.online_resources else []
        except ValueError:
            continue
        if isinstance(links, list) and links:
            found[entry.destination] = links
    return found


def failed_destinations(
    journal: Journal, resource_id: str, current: Sequence[tuple[str, str, str]] = ()
) -> set[str]:
    """Destinations whose last attempt failed, for "Retry failed steps": under the names the
    journal knows, and under the name each step about to run now has — ``current`` lists
    their (role, destination, address); a failed entry of the same role on the same address
    is the step of a connection renamed since (see :meth:`Journal.entry_for`)."""
    names = {entry.destination for entry in journal.failed_steps(resource_id)}
    for role, destination, server in current:
        known = journal.entry_for(resource_id, destination, server, role)
        if known is not None and known.status == FAILED:
            names.add(destination)
    return names
