"""What every map server (QGIS Server, GeoServer) publishes, and the links it gives back.

Pure: the service metadata is computed from the record here, the map-server specific work
(a ``.qgs`` project, GeoServer REST calls) happens in the destination modules. The online
resources returned to the catalogue and the portal: protocol ``OGC:WMS`` (or ``OGC:WFS``, as
text: what GeoNetwork's CSW views and QGIS MetaSearch recognise), the INSPIRE TG values for the
application profile ``…/SpatialDataServiceType/view`` (or ``download``) and the description
``…/OnLineDescriptionCode/accessPoint``, and the layer name as ``gmd:name``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..core import codelists
from ..core.model import OnlineResource, Record, epsg_code
from ..core.online_links import PROTOCOL_WFS, PROTOCOL_WMS
from ..core.resource_texts import cut_slug
from .base import CREATED, UPDATED, DataPublisher, PublishResult
from .errors import MESSAGES
from .journal import content_hash
from .pipeline import Step

VIEW_PROFILE = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/view"
DOWNLOAD_PROFILE = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/download"
ACCESS_POINT = "http://inspire.ec.europa.eu/metadata-codelist/OnLineDescriptionCode/accessPoint"
# CRS a French geoportal's clients ask for: Lambert-93, WGS84, Web Mercator, ETRS89.
DEFAULT_CRS = ("EPSG:2154", "EPSG:4326", "EPSG:3857", "EPSG:4258")
SLUG_MAX = 60
ROLE = "mapserver"

MAPSERVER_MESSAGES: dict[str, dict[str, str]] = {
    "mapserver_folder_missing": {
        "fr": "Le dossier du serveur cartographique « {folder} » (connexion « {connection} ») "
        "n'existe pas ou n'est pas accessible. Vérifiez le chemin (dossier monté ?) dans la "
        "connexion.",
        "en": "The map server folder '{folder}' (connection '{connection}') does not exist or "
        "cannot be reached. Check the path (is it mounted?) in the connection.",
    },
    "mapserver_folder_readonly": {
        "fr": "GeoPublier ne peut pas écrire dans le dossier « {folder} » du serveur "
        "cartographique : {detail}. Demandez le droit d'écriture à l'administrateur.",
        "en": "GeoPublier cannot write to the map server folder '{folder}': {detail}. Ask the "
        "administrator for write access.",
    },
    "mapserver_not_vector": {
        "fr": "La couche « {layer} » n'est pas une couche vecteur : seule une couche vecteur "
        "peut être publiée en WMS/WFS par GeoPublier pour l'instant.",
        "en": "The layer '{layer}' is not a vector layer: GeoPublier publishes only vector "
        "layers as WMS/WFS for now.",
    },
    "mapserver_write_failed": {
        "fr": "Le projet QGIS Server de la couche « {layer} » n'a pas pu être écrit : {detail}. "
        "Rien n'a été remplacé sur le serveur.",
        "en": "The QGIS Server project of the layer '{layer}' could not be written: {detail}. "
        "Nothing was replaced on the server.",
    },
    "mapserver_layer_missing": {
        "fr": "Le serveur {server} ne connaît plus la couche « {name} » : {detail}.",
        "en": "The server {server} no longer knows the layer '{name}': {detail}.",
    },
    "geoserver_style_refused": {
        "fr": "GeoServer ({server}) a refusé le style SLD de la couche « {name} » : {detail}. "
        "La donnée est publiée avec le style par défaut de GeoServer.",
        "en": "GeoServer ({server}) refused the SLD style of the layer '{name}': {detail}. "
        "The data is published with GeoServer's default style.",
    },
}
MESSAGES.update(MAPSERVER_MESSAGES)


def layer_slug(text: str, taken: Sequence[str] = ()) -> str:
    """An ASCII layer name safe for WMS/WFS, file names and GeoServer: ``[a-z0-9_]``, starts
    with a letter, at most 60 characters cut between two words (as portal names are), not in
    ``taken`` (``_2``, ``_3``… appended, the name cut shorter to make room)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_")
    if not slug or not slug[0].isalpha():
        slug = f"couche_{slug}".strip("_")
    candidate, number = cut_slug(slug, SLUG_MAX, "_"), 2
    while candidate in taken:
        suffix = f"_{number}"
        candidate, number = cut_slug(slug, SLUG_MAX - len(suffix), "_") + suffix, number + 1
    return candidate


@dataclass(frozen=True)
class Contact:
    """The service contact shown in GetCapabilities."""

    organisation: str = ""
    person: str = ""
    email: str = ""
    phone: str = ""
    position: str = ""


@dataclass(frozen=True)
class ServiceLayer:
    """Everything a map server needs to publish one layer with its metadata."""

    name: str
    title: str
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    contact: Contact = field(default_factory=Contact)
    fees: str = ""
    access_constraints: str = ""
    crs: tuple[str, ...] = DEFAULT_CRS
    wgs84_bbox: Optional[tuple[float, float, float, float]] = None  # west, south, east, north
    metadata_url: str = ""
    resource_id: str = ""
    aliases: Mapping[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form (for the journal hash and the sidecar file)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServiceLayer:
        """Inverse of :meth:`as_dict` (lists back to tuples)."""
        values = dict(data)
        values["contact"] = Contact(**dict(values.get("contact") or {}))
        for key in ("keywords", "crs", "wgs84_bbox"):
            if values.get(key) is not None:
                values[key] = tuple(values[key])
        return cls(**values)


def service_layer(record: Record, name: str, metadata_url: str = "") -> ServiceLayer:
    """The service metadata of a layer, from its INSPIRE record."""
    contact = next(iter(record.responsible_parties or record.metadata_contacts), None)
    keywords = list(record.free_keywords)
    for group in record.keyword_groups:
        keywords += [k.label for k in group.keywords if k.label]
    keywords += [codelists.label("inspire_themes", t) for t in record.inspire_themes]
    crs = [f"EPSG:{epsg_code(r)}" for r in record.reference_systems if epsg_code(r)]
    box = record.bboxes[0] if record.bboxes else None
    return ServiceLayer(
        name=name,
        title=record.title.strip() or name,
        abstract=record.abstract.strip(),
        keywords=tuple(dict.fromkeys(k.strip() for k in keywords if k.strip())),
        contact=Contact(
            organisation=contact.organisation,
            person=contact.individual,
            email=contact.email,
            phone=contact.phone,
            position=codelists.label("roles", contact.role),
        )
        if contact
        else Contact(),
        fees=fees_text(record),
        access_constraints=access_text(record),
        crs=tuple(dict.fromkeys(crs + list(DEFAULT_CRS))),
        wgs84_bbox=(box.west, box.south, box.east, box.north) if box else None,
        metadata_url=metadata_url,
        resource_id=record.identifier.uri,
        aliases={a.name: a.alias for a in record.attributes if a.alias},
    )


def fees_text(record: Record) -> str:
    """WMS ``Fees``: free of charge, under the record's licence."""
    licence = codelists.get("licences", record.licence) if record.licence else None
    title = str((licence or {}).get("title") or (licence or {}).get("fr") or record.licence)
    text = "Gratuit"
    return f"{text} — {title}" if title else text


def access_text(record: Record) -> str:
    """WMS ``AccessConstraints``: the INSPIRE limitations on public access, in words."""
    labels = [codelists.label("limitations_on_public_access", c) for c in record.access_limitations]
    return "; ".join(labels) or "Aucune restriction d'accès public"


def with_query(url: str, **params: str) -> str:
    """``url`` with ``params`` added to its query (kept parameters first, e.g. ``MAP``)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query += [(k, v) for k, v in params.items() if v]
    return urlunsplit(parts._replace(query=urlencode(query, safe="/:,")))


# service, protocol, function, INSPIRE spatial data service type of each locator.
SERVICE_KINDS = (
    ("WMS", PROTOCOL_WMS, "information", VIEW_PROFILE),
    ("WFS", PROTOCOL_WFS, "download", DOWNLOAD_PROFILE),
)


def service_links(wms_url: str, wfs_url: str, name: str) -> list[OnlineResource]:
    """The WMS (view) and WFS (download) GetCapabilities locators of a published layer."""
    return [
        OnlineResource(
            url=with_query(base, SERVICE=service, REQUEST="GetCapabilities"),
            protocol=protocol,
            name=name,
            description=ACCESS_POINT,
            function=function,
            application_profile=profile,
        )
        for base, (service, protocol, function, profile) in zip((wms_url, wfs_url), SERVICE_KINDS)
        if base
    ]


def links_from_details(details: Mapping[str, Any]) -> list[OnlineResource]:
    """The online resources a map-server step put in its outcome's details."""
    return [OnlineResource(**dict(raw)) for raw in details.get("online_resources") or ()]


class MapServerPublisher(DataPublisher):
    """A map server: publishes one layer under an ASCII name and returns its service links.

    ``keep_data``: the layer's data did not change since its last publication on this server
    (the journal's fingerprint says so): the server keeps the data it holds, only the layer's
    metadata and style are sent again.
    """

    keep_data = False

    def publish(
        self,
        payload: Mapping[str, Any],
        files: Sequence[Path] = (),
        *,
        remote_id: Optional[str] = None,
    ) -> PublishResult:
        """The data contract: ``payload`` is :meth:`ServiceLayer.as_dict` output."""
        del files  # a map server writes its own copy of the data
        return self.publish_layer(ServiceLayer.from_dict(payload), remote_id=remote_id)

    def publish_layer(
        self, layer: ServiceLayer, *, remote_id: Optional[str] = None
    ) -> PublishResult:
        """Create or replace the layer (``remote_id``: the name it was published under)."""
        raise NotImplementedError

    @property
    def wms_url(self) -> str:
        """Base address of the WMS (without SERVICE/REQUEST)."""
        return self.url

    @property
    def wfs_url(self) -> str:
        """Base address of the WFS."""
        return self.url

    def layer_urls(self, name: str) -> tuple[str, str]:
        """(WMS, WFS) base addresses serving the layer ``name``."""
        del name
        return self.wms_url, self.wfs_url

    def result(self, existed: bool, layer: ServiceLayer, **details: Any) -> PublishResult:
        """The publication is done: the result with the links every map server returns."""
        self._report(1.0, "mapserver.done")
        action = UPDATED if existed else CREATED
        wms, wfs = self.layer_urls(layer.name)
        links = service_links(wms, wfs, layer.name)
        return PublishResult(
            action=action,
            remote_id=layer.name,
            url=links[0].url if links else wms,
            destination=self.name,
            details={
                "layer_name": layer.name,
                "wms_url": links[0].url if links else "",
                "wfs_url": links[1].url if len(links) > 1 else "",
                "wms_base": wms,
                "online_resources": [dataclasses.asdict(link) for link in links],
                **details,
            },
        )


class MapServerStep(Step):
    """Publish the layer on a map server; its links go to the portal and the catalogue."""

    role = ROLE

    def __init__(
        self, publisher: MapServerPublisher, layer_for: Callable[[str], ServiceLayer]
    ) -> None:
        super().__init__(publisher.name, publisher.url)
        self.publisher = publisher
        self.layer_for = layer_for

    def run(
        self, previous_remote_id: Optional[str], context: dict[str, Any]
    ) -> tuple[PublishResult, str]:
        """Publish (or replace) the layer; remember its links for the following steps."""
        layer = self.layer_for(context.get("catalogue_record_url", ""))
        result = self.publisher.publish_layer(layer, remote_id=previous_remote_id)
        context["map_services"] = links_from_details(result.details)
        sent = repr(sorted(layer.as_dict().items())).encode("utf-8")
        return result, content_hash(sent)
