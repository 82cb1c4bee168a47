"""Publish a layer's record to its destinations — the one code path of the dialog and Processing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Union

from qgis.core import QgsFeedback, QgsMapLayer

from ..core.errors import GeoPublierError
from ..core.iso19139_reader import read as read_record
from ..core.iso19139_writer import write
from ..core.model import OnlineResource, Record
from ..core.online_links import linked_record
from ..core.portal_payload import PortalOptions, ckan_payload, udata_payload
from ..publishers.base import CataloguePublisher
from ..publishers.connections import CATALOGUE_TYPES, Connection, connection_role
from ..publishers.errors import PublishError
from ..publishers.freshness import (
    Fingerprint,
    data_reusable,
    digest,
    metadata_digest,
    package_reusable,
)
from ..publishers.held_files import parse as parse_held_files
from ..publishers.journal import Journal
from ..publishers.mapserver import (
    MapServerPublisher,
    MapServerStep,
    layer_slug,
    service_layer,
    service_links,
)
from ..publishers.pipeline import (
    LINKS_CONTEXT,
    CatalogueStep,
    LinkStep,
    PortalStep,
    PublicationReport,
    SkippedStep,
    Step,
    journalled_links,
    link_destination,
    run_steps,
)
from ..publishers.remote_guard import GuardedCatalogueStep, PublishedStore, stored_copy
from .destinations import journal as default_journal
from .destinations import make_publisher
from .export import ExportError, ExportOptions, ExportResult, export_package, slug
from .export.encoding import latin1_columns
from .freshness import (
    JOURNAL_PROPERTY,
    WITHDRAWN_PROPERTY,
    DataReader,
    files_digest,
    kept_fingerprints,
)
from .layer_metadata import save_record
from .layer_reader import source_path

FINGERPRINT_PROPERTY = "geopublier/data-fingerprint"


@dataclass
class PublicationRequest:
    """What to publish where."""

    record: Record
    catalogue: Optional[Connection] = None
    portal: Optional[Connection] = None
    map_server: Optional[Connection] = None  # QGIS Server or GeoServer
    map_layer: Optional[QgsMapLayer] = None  # a detached copy of the layer, for the map server
    mode: str = "upload"  # portal: "upload" the files, or "reference" the geoportal's services
    files: list[Path] = field(default_factory=list)  # harmonised files for the upload mode
    only: Optional[set[str]] = None  # destinations to run ("Retry failed steps"); None = all
    thumbnail: Optional[bytes] = None  # PNG overview for catalogues that hold one
    data_changed: bool = False  # the data differs from the last publication
    zones: tuple[str, ...] = ()  # udata spatial coverage ("fr:commune:44109"), picked by the user
    granularity: str = ""  # udata spatial granularity ("fr:commune")
    fingerprint: Optional[Fingerprint] = None  # the layer's data and style now (freshness)
    # The catalogue's record changed since our last publication: "" stops the step, "merge"
    # takes their changes in (ours win conflicts), "overwrite" replaces it.
    on_remote_change: str = ""
    files_kept: bool = False  # data unchanged: the portal keeps its files, only fields update
    # With files_kept: the files the portal held after the last publication (journal), and the
    # package's files made on demand, for those it lost or holds in another version now.
    held_files: dict[str, str] = field(default_factory=dict)
    package_on_demand: Optional[Callable[[], list[Path]]] = None
    recreate_missing: bool = False  # publish afresh a dataset gone from the portal (user's call)
    map_data_kept: bool = False  # data unchanged: the map server keeps the data it serves

    def destinations(self) -> list[Connection]:
        """The destinations this request publishes to, in order (catalogue first)."""
        chosen = [c for c in (self.catalogue, self.map_server, self.portal) if c is not None]
        return [c for c in chosen if self.only is None or c.name in self.only]


def keep_portal_files(
    request: PublicationRequest,
    journal: Journal,
    export_choices: dict[str, Any],
    folder: Path,
    record_changed: Optional[bool] = None,
) -> bool:
    """Decide whether the portal keeps the files it holds (nothing exported, nothing uploaded).

    The export choices are stamped into the request's fingerprint. True when the last
    publication to the portal succeeded with the same data and the same export choices: then
    only the dataset's fields are updated, plus the ISO 19139 file beside the data when the
    metadata changed (written afresh, a few kilobytes, under the package's name for it);
    `record_changed` overrides the fingerprint's say (a record merged from a file).
    """
    if request.fingerprint is None or request.portal is None or request.recreate_missing:
        return False  # a dataset published afresh gets its files again
    stamp_package(request, export_choices)
    portal = request.portal
    entry = journal.entry_for(request.record.identifier.uri, portal.name, portal.url)
    if not package_reusable(entry, request.fingerprint):
        return False
    request.files_kept = True
    request.held_files = parse_held_files(entry.files)
    kept = Fingerprint.from_json(entry.fingerprint)
    if record_changed is None:
        record_changed = (
            kept is None or not kept.metadata or kept.metadata != request.fingerprint.metadata
        )
    if record_changed:
        request.files = [record_file(request.record, folder)]
    return True


def stamp_package(request: PublicationRequest, export_choices: dict[str, Any]) -> None:
    """Put the export choices of the files sent to the portal into the request's fingerprint
    (the next publication keeps the files only when they are the same)."""
    if request.fingerprint is not None:
        choices = {k: v for k, v in export_choices.items() if k != "output_folder"}
        request.fingerprint = dataclasses.replace(request.fingerprint, package=digest(choices))


def package_on_demand(
    request: PublicationRequest,
    layer: QgsMapLayer,
    folder: Union[str, Path],
    options: ExportOptions,
    confirmed: Union[bool, Collection[str]] = False,
) -> Callable[[], list[Path]]:
    """The package's portal files, exported from ``layer`` (a detached copy) the first time
    they are asked for: when the portal lost a file the data-unchanged republication keeps."""
    made: list[list[Path]] = []

    def files() -> list[Path]:
        if not made:
            made.append(export_for_portal(layer, request.record, folder, options, confirmed)[1])
        return made[0]

    return files


def record_file(record: Record, folder: Union[str, Path]) -> Path:
    """The record as the ISO 19139 file the package puts beside the data (same name)."""
    name = slug(record.title or "fiche")
    path = Path(folder) / f"{name}_fiche" / f"{name}.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(write(record_for_publication(record)))
    return path


def record_for_publication(record: Record, data_changed: bool = False) -> Record:
    """The record as published: today's metadata date, and revision date if the data changed."""
    published = dataclasses.replace(record)
    today = dt.date.today().isoformat()
    published.metadata_date = today
    if data_changed:
        published.revision_date = today
    return published


def published_identifier(
    record: Record, journal: Journal, catalogue: Optional[Connection]
) -> Record:
    """The record under the identifier this catalogue already holds it by.

    A record GeoPublier wrote gets an identifier derived from the layer's source: once the
    source is moved or renamed (and the user chose to update the publication), it would
    otherwise be a second record of the same resource in the catalogue. A record imported
    from a file or a catalogue keeps its own identifier.
    """
    if catalogue is None or record.source_document:
        return record
    known = journal.entry_for(record.identifier.uri, catalogue.name, catalogue.url, "catalogue")
    if known is None or not known.remote_id or known.remote_id == record.file_identifier:
        return record
    return dataclasses.replace(record, file_identifier=known.remote_id)


def data_fingerprint(layer: QgsMapLayer) -> str:
    """Size and modification time of the files behind the layer ('' when there is no file)."""
    path = source_path(layer)
    return files_digest(path) if path else ""


def data_changed_since_last_publication(layer: QgsMapLayer) -> bool:
    """True when the data changed since the last publication: what the freshness check reads
    (a GeoPackage table's bookkeeping, PostGIS row counters, the files) when the publication
    kept it — a GeoPackage only renamed, or another of its tables edited, is no change —, else
    the files' sizes and times."""
    kept = [f.data for f in kept_fingerprints(layer) if f.data]
    now = DataReader().digest(layer) if kept else ""
    if now:
        return any(data != now for data in kept)
    previous = layer.customProperty(FINGERPRINT_PROPERTY)
    return bool(previous) and previous != data_fingerprint(layer)


def remember_publication(layer: QgsMapLayer, journal: Journal, record: Record) -> None:
    """Keep the record, the journal entries and the data fingerprint with the layer."""
    save_record(layer, record)
    mirror_journal(layer, journal, record.identifier.uri)
    layer.setCustomProperty(FINGERPRINT_PROPERTY, data_fingerprint(layer))
    layer.removeCustomProperty(WITHDRAWN_PROPERTY)


def mark_withdrawn(layer: QgsMapLayer) -> None:
    """Remember with the layer that its publication was withdrawn (the panel says so)."""
    layer.setCustomProperty(
        WITHDRAWN_PROPERTY, dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    )


def build_steps(
    request: PublicationRequest,
    record: Record,
    cancel: Callable[[], bool],
    published: Optional[PublishedStore] = None,
) -> list[Step]:
    """One step per chosen destination, in publication order (catalogue, map server, portal),
    then the update of the catalogue record with the links the other steps published.

    `published`: where the documents last sent to catalogues are kept; with it, the catalogue
    step first checks the record was not changed in the catalogue since (no lost update).
    """
    steps: list[Step] = []
    catalogue = None
    if request.catalogue is not None:
        catalogue = make_publisher(request.catalogue, cancel=cancel)
        if published is None:
            steps.append(
                CatalogueStep(
                    catalogue, record_xml(record), record.file_identifier, request.thumbnail
                )
            )
        else:
            steps.append(
                GuardedCatalogueStep(
                    catalogue,
                    record,
                    record_xml,
                    published,
                    record.identifier.uri,
                    request.on_remote_change,
                    request.thumbnail,
                )
            )
    if request.map_server is not None:
        steps.append(map_server_step(request, record, cancel))
    if request.portal is not None:
        steps.append(portal_step(request, record, cancel, catalogue))
    linked = [s for s in steps if s.role != "catalogue" and not isinstance(s, SkippedStep)]
    if catalogue is not None and linked:
        steps.append(link_step(request, catalogue, record, steps[0], linked, published))
    if request.only is not None:
        steps = [step for step in steps if _wanted(step, request.only)]
    return steps


def planned_link_step(request: PublicationRequest) -> Optional[str]:
    """Name of the link update step this request runs, None when it runs none (for the
    dialog's step list; the same conditions as :func:`build_steps`)."""
    portal = request.portal
    if portal is not None and portal.options.get("harvested"):
        portal = None
    sources = [c.name for c in (request.map_server, portal) if c is not None]
    if request.catalogue is None or not sources:
        return None
    name = link_destination(request.catalogue.name)
    if request.only is None or name in request.only or set(sources) & request.only:
        return name
    return None


def record_xml(record: Record) -> bytes:
    """The ISO 19139 document sent to the catalogue for this record (one place for both the
    record step and the link step)."""
    return write(record)


def link_step(
    request: PublicationRequest,
    catalogue: CataloguePublisher,
    record: Record,
    record_step: CatalogueStep,
    sources: list[Step],
    published: Optional[PublishedStore] = None,
) -> LinkStep:
    """The step writing the portal and service links into the catalogue record.

    Links of earlier publications to these destinations are replaced (a replaced file has a
    new URL); the record's other locators are kept. The record is the one the record step sent
    (merged with the catalogue's changes when it was), and the document with the links becomes
    what the remote-change guard compares against next time.
    """
    sites = [c.url for c in (request.portal, request.map_server) if c is not None]
    resource_id = record.identifier.uri

    def xml_for(links: list[OnlineResource]) -> bytes:
        base = getattr(record_step, "record", None) or record
        return record_xml(linked_record(base, links, sites))

    def remember(sent: bytes) -> None:
        """Keep the catalogue's own copy (else what was sent) for the next guard check."""
        stored = stored_copy(catalogue, record_step.identifier, sent)
        published.save(resource_id, catalogue.name, stored)

    # The record step is a source too: retrying it runs the link step again.
    names = [record_step.destination] + [s.destination for s in sources]
    return LinkStep(
        catalogue,
        xml_for,
        record_step.identifier,
        names,
        remember=remember if published is not None else None,
    )


def _wanted(step: Step, only: set[str]) -> bool:
    """A retried step runs; the link step also runs again when one of its sources does."""
    if step.destination in only:
        return True
    return isinstance(step, LinkStep) and any(source in only for source in step.sources)


# What a portal dataset holds: the data in open formats and the ISO 19139 record. The package's
# README and DCAT file stay in the package (the portal writes its own page and DCAT feed).
UPLOADED_SUFFIXES = (".gpkg", ".geojson", ".csv", ".zip", ".tif", ".tiff", ".xml")


def portal_files(files: list[Path]) -> list[Path]:
    """The package files that go to the portal, in package order."""
    return [Path(f) for f in files if Path(f).suffix.lower() in UPLOADED_SUFFIXES]


HARVESTED_FR = (
    "Le portail moissonne déjà le catalogue : la fiche y arrivera par moissonnage, aucun jeu de "
    "données n'est créé en double."
)
HARVESTED_EN = (
    "The portal already harvests the catalogue: the record reaches it by harvesting, no "
    "duplicate dataset is created."
)


def portal_step(
    request: PublicationRequest,
    record: Record,
    cancel: Callable[[], bool],
    catalogue: Optional[CataloguePublisher] = None,
) -> Step:
    """The portal step, or a skipped one when the portal harvests the catalogue itself.

    ``catalogue`` gives the machine address of the record (ISO 19139 XML) for the portal's links.
    """
    portal = request.portal
    if portal.options.get("harvested"):
        return SkippedStep(portal.name, "portal", HARVESTED_FR, HARVESTED_EN)
    publisher = make_publisher(portal, cancel=cancel)
    build = ckan_payload if portal.type == "ckan" else udata_payload

    def payload_for(
        catalogue_record_url: str,
        services: Sequence[OnlineResource] = (),
        files: tuple[str, ...] = (),
    ) -> dict:
        options = PortalOptions(
            catalogue_record_url=catalogue_record_url,
            record_xml_url=catalogue.record_url(record.file_identifier)
            if catalogue is not None and catalogue_record_url
            else "",
            organization=str(portal.options.get("organization", "")),
            zones=tuple(request.zones or portal.options.get("zones", ()) or ()),
            granularity=request.granularity or str(portal.options.get("granularity", "")),
            services=tuple(record.locators),
            mode=request.mode,
            map_services=tuple(services),
            files=files or names,
            date=record.metadata_date,
        )
        return build(record, options)

    files = request.files if request.mode == "upload" else []
    names = tuple(Path(f).name for f in files)
    return PortalStep(publisher, payload_for, files, request.held_files, request.package_on_demand)


def map_server_publisher(
    connection: Connection,
    layer: Optional[QgsMapLayer] = None,
    cancel: Optional[Callable[[], bool]] = None,
    keep_data: bool = False,
) -> MapServerPublisher:
    """The map-server publisher of a connection; with a layer, ready to write its files
    (``keep_data``: the data did not change, the server keeps the data it holds)."""
    publisher = make_publisher(connection, cancel=cancel)
    publisher.keep_data = keep_data
    if layer is not None and connection.type == "qgisserver":
        from .mapserver_project import project_writer

        publisher.project_writer = project_writer(
            layer, lizmap=bool(connection.options.get("lizmap"))
        )
    elif layer is not None and connection.type == "geoserver":
        from .mapserver_style import geoserver_sources

        publisher.sources = geoserver_sources(layer)
    return publisher


def map_server_step(
    request: PublicationRequest, record: Record, cancel: Callable[[], bool]
) -> Step:
    """Publish the layer (its data, style and service metadata) on the map server."""
    publisher = map_server_publisher(
        request.map_server, request.map_layer, cancel, request.map_data_kept
    )

    def layer_for(catalogue_record_url: str):
        return service_layer(record, layer_slug(record.title), catalogue_record_url)

    return MapServerStep(publisher, layer_for)


class PersonalDataError(GeoPublierError):
    """Columns look like personal data and the user has not confirmed they may be opened."""


def export_for_portal(
    layer: QgsMapLayer,
    record: Record,
    folder: Union[str, Path],
    options: ExportOptions,
    confirmed: Union[bool, Collection[str]] = False,
    feedback: Optional[QgsFeedback] = None,
) -> tuple[ExportResult, list[Path]]:
    """Export the harmonised package and pick the files for the portal.

    Stops on text to re-read in another encoding (`quality.text_latin1`). Refuses to go on
    (`PersonalDataError`, after the package and its quality report are written)
    while columns that look like personal data are neither removed nor confirmed: `confirmed` is
    True for all, or the names of the columns the user checked.
    """
    result = export_package(layer, record, str(folder), options, feedback)
    for issue in latin1_columns(result.report):  # published, every accent would be lost
        params = dict(issue.params, column=issue.column, count=issue.count)
        raise ExportError(issue.code, params)
    flagged = result.report.personal_data_columns
    unconfirmed = [] if confirmed is True else [c for c in flagged if c not in (confirmed or ())]
    if unconfirmed:
        raise PersonalDataError(
            "publish.personal_data",
            {"columns": ", ".join(unconfirmed), "report": str(result.quality_html)},
        )
    return result, portal_files(result.files)


def distributed_record(record: Record, result: ExportResult) -> Record:
    """The record as the exported files are: their formats, CRS and UTF-8 encoding.

    The package's own ISO 19139 file already says so; the catalogue gets the same facts, so the
    record and the files on the portal never disagree (a GeoJSON layer exported to Lambert-93).
    """
    xml = next((p for p in result.files if p.suffix.lower() == ".xml"), None)
    if xml is None:
        return record
    package = read_record(xml.read_bytes())
    return dataclasses.replace(
        record,
        encodings=package.encodings or record.encodings,
        reference_systems=package.reference_systems or record.reference_systems,
        character_set=package.character_set or record.character_set,
        feature_count=result.report.feature_count or record.feature_count,
        attributes=_exported_attributes(record, result),
    )


def _exported_attributes(record: Record, result: ExportResult) -> list:
    """The record's attributes the files hold, under the names they use there."""
    exported = {f.source: f.safe for f in result.fields if f.source}
    if not exported:
        return record.attributes
    kept = [a for a in record.attributes if a.name in exported]
    return [dataclasses.replace(a, name=exported[a.name]) for a in kept]


def step_names(
    catalogue: Optional[Connection],
    map_server: Optional[Connection],
    portal: Optional[Connection],
) -> list[tuple[str, str, str]]:
    """(role, destination, address) of each step a publication to these connections runs,
    to recognise a renamed connection's steps in the journal (see ``failed_destinations``)."""
    named = []
    if catalogue is not None:
        named.append((CatalogueStep.role, catalogue.name, catalogue.url))
        named.append((LinkStep.role, link_destination(catalogue.name), catalogue.url))
    if map_server is not None:
        named.append((MapServerStep.role, map_server.name, map_server.url))
    if portal is not None:
        named.append((PortalStep.role, portal.name, portal.url))
    return named


def known_context(
    journal: Journal, resource_id: str, map_server: Optional[Connection] = None
) -> dict[str, Any]:
    """What earlier publications established (the catalogue record URL, the map services,
    the links each destination published), for resumed runs that do not repeat those steps."""
    context: dict[str, Any] = {LINKS_CONTEXT: journalled_links(journal, resource_id)}
    for entry in journal.entries(resource_id):
        if entry.step == "catalogue" and entry.status == "done" and entry.url:
            context["catalogue_record_url"] = entry.url
    if map_server is not None:
        name = journal.previous_remote_id(
            resource_id, map_server.name, map_server.url, MapServerStep.role
        )
        if name:
            publisher = map_server_publisher(map_server)
            context["map_services"] = service_links(*publisher.layer_urls(name), name)
    return context


def publish(
    request: PublicationRequest,
    *,
    journal: Optional[Journal] = None,
    progress: Optional[Callable[[int, float, str], None]] = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> tuple[PublicationReport, Record]:
    """Run the publication; returns the report and the record as published."""
    store = journal or default_journal()
    record = record_for_publication(
        published_identifier(request.record, store, request.catalogue), request.data_changed
    )
    if request.map_server is not None and request.fingerprint is not None:
        server = request.map_server
        entry = store.entry_for(record.identifier.uri, server.name, server.url)
        request.map_data_kept = data_reusable(entry, request.fingerprint)
    steps = build_steps(request, record, is_cancelled, published_store(store))
    kept = ""
    if request.fingerprint is not None:
        kept = dataclasses.replace(
            request.fingerprint, metadata=metadata_digest(record.to_dict())
        ).to_json()
    report = run_steps(
        steps,
        store,
        record.identifier.uri,
        record.title,
        progress=progress,
        is_cancelled=is_cancelled,
        context=known_context(store, record.identifier.uri, request.map_server),
        fingerprint=kept,
        recreate_missing=request.recreate_missing,
    )
    merged = next(
        (s.merged for s in steps if isinstance(s, GuardedCatalogueStep) and s.merged), None
    )
    return report, merged or record


def published_store(journal: Journal) -> PublishedStore:
    """The documents last published to catalogues, kept beside the journal."""
    return PublishedStore(journal.path.parent / "published")


def mirror_journal(layer: QgsMapLayer, journal: Journal, resource_id: str) -> None:
    """Copy the layer's journal entries into its custom properties (saved with the project)."""
    entries = {e.destination: e.to_json() for e in journal.entries(resource_id)}
    layer.setCustomProperty(JOURNAL_PROPERTY, json.dumps(entries, ensure_ascii=False))


def adopt_layer_journal(
    layer: Optional[QgsMapLayer], journal: Journal, resource_id: str
) -> list[str]:
    """Merge the journal copy kept with the layer (in the project) into ``journal``.

    A project opened on another machine, after QGIS was reinstalled or by a ``qgis_process``
    job with its own profile still knows where the layer was published, so republishing
    updates those datasets instead of creating new ones. Returns the destinations adopted.
    """
    if layer is None or not resource_id:
        return []
    try:
        copy = json.loads(str(layer.customProperty(JOURNAL_PROPERTY) or "{}"))
    except ValueError:
        return []
    return journal.merge(resource_id, copy)


def layer_journal(layer: Optional[QgsMapLayer], resource_id: str) -> Journal:
    """This profile's journal, with the layer's own copy merged in (see adopt_layer_journal)."""
    store = default_journal()
    adopt_layer_journal(layer, store, resource_id)
    return store


def unpublish(
    record: Record,
    destination: Connection,
    journal: Optional[Journal] = None,
    cancel: Optional[Callable[[], bool]] = None,
) -> None:
    """Delete what was published on one destination and forget it in the journal.

    A catalogue deletes the record by its file identifier; a portal deletes the dataset and a
    map server the layer the journal remembers. Already gone on the server counts as done
    (the journal is cleared).
    """
    store = journal or default_journal()
    publisher = make_publisher(destination, cancel=cancel)
    uri = record.identifier.uri
    known = store.entry_for(
        uri, destination.name, destination.url, connection_role(destination.type)
    )
    if destination.type in CATALOGUE_TYPES:  # as published (the journal), else the record's
        remote_id = known.remote_id if known is not None and known.remote_id else ""
        remote_id = remote_id or record.file_identifier
    else:
        remote_id = known.remote_id if known is not None else ""
    if remote_id:
        try:
            publisher.delete(remote_id)
        except PublishError as error:
            if error.code != "not_found":
                raise
    forgotten = known.destination if known is not None else destination.name
    store.clear(uri, forgotten)
    published_store(store).forget(uri, forgotten)
    if destination.type in CATALOGUE_TYPES:  # the record's links went with it
        links = store.entry_for(uri, link_destination(destination.name), destination.url, "links")
        if links is not None:
            store.clear(uri, links.destination)
