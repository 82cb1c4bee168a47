"""Online resources that tie the catalogue record to what the publication put elsewhere.

Every step that publishes something a person can open or download (portal dataset page, files,
WMS/WFS services) lists it in its result's ``details["online_resources"]`` as plain dicts with the
keys of :class:`OnlineResource` (``url``, ``protocol``, ``function``, ``name``, ``description``,
``application_profile``). The link step of the pipeline turns them into the record's resource
locators and updates the catalogue record, so the record links back to the data (two-way links).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, fields, replace
from typing import Any
from urllib.parse import urlsplit

from .model import OnlineResource, Record

DETAILS_KEY = "online_resources"
# Protocols as catalogues and their clients recognise them, written as text: GeoNetwork's CSW
# Dublin Core view copies only gmd:protocol/gco:CharacterString into dc:URI/@protocol, and QGIS
# MetaSearch offers « Add WMS/WFS » only for OGC:WMS / OGC:WFS there (OWSLib 0.27, QGIS 3.22's,
# reads no gmx:Anchor either). The INSPIRE service type stays in the application profile.
PROTOCOL_DOWNLOAD = "WWW:DOWNLOAD-1.0-http--download"
PROTOCOL_LINK = "WWW:LINK-1.0-http--link"
PROTOCOL_WMS = "OGC:WMS"
PROTOCOL_WFS = "OGC:WFS"
DOWNLOAD, INFORMATION = "download", "information"
_KEYS = tuple(f.name for f in fields(OnlineResource))


def link(
    url: str,
    protocol: str,
    function: str,
    name: str = "",
    description: str = "",
    application_profile: str = "",
) -> dict[str, str]:
    """One online resource as the plain dict steps put in their details."""
    return asdict(OnlineResource(url, protocol, name, description, function, application_profile))


def page_link(url: str, name: str, description: str = "") -> dict[str, str]:
    """A web page about the data (portal dataset page): function ``information``."""
    return link(url, PROTOCOL_LINK, INFORMATION, name, description)


def download_link(url: str, name: str, description: str = "") -> dict[str, str]:
    """A file to download over HTTP(S): function ``download``."""
    return link(url, PROTOCOL_DOWNLOAD, DOWNLOAD, name, description)


def portal_file_links(
    files: Iterable[tuple[str, Mapping[str, Any]]], texts: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, str]]:
    """Download links of the files a portal dataset holds, as (file name, resource) pairs.

    Every file GeoPublier put there counts, uploaded in this run or kept from an earlier one
    (unchanged data is not uploaded again). The description says format and CRS: from this
    run's texts, else the end of the resource's title (« … — GeoPackage (Lambert-93) »).
    """
    links = []
    for name, resource in files:
        url = str(resource.get("url") or "")
        if not url:
            continue
        title = str(resource.get("title") or resource.get("name") or name)
        described = str((texts.get(name) or {}).get("link_description") or "")
        if not described:
            described = title.rsplit(" — ", 1)[-1] if " — " in title else name
        links.append(download_link(url, title, described))
    return links


def from_details(details: Mapping[str, Any]) -> list[OnlineResource]:
    """The online resources a step's details list (malformed entries are left out)."""
    found = []
    for item in details.get(DETAILS_KEY) or ():
        if isinstance(item, Mapping) and str(item.get("url") or "").strip():
            found.append(OnlineResource(**{k: str(item.get(k) or "") for k in _KEYS}))
    return found


def _site(url: str) -> tuple[str, str]:
    """(scheme, host:port) of a URL, lower-cased."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower(), parts.netloc.lower()


def linked_record(
    record: Record,
    links: Sequence[OnlineResource],
    replaced_sites: Iterable[str] = (),
) -> Record:
    """The record with ``links`` as resource locators, the record's own ones kept first.

    A locator of the record on one of ``replaced_sites`` (the destinations of this publication:
    their earlier links are out of date, e.g. a replaced file) or with the URL of a new link is
    dropped; the others (the user's own links) stay.
    """
    sites = {_site(s) for s in replaced_sites if s}
    urls = {item.url for item in links}
    kept = [loc for loc in record.locators if loc.url not in urls and _site(loc.url) not in sites]
    fresh = list({item.url: item for item in links}.values())
    return replace(record, locators=kept + fresh)
