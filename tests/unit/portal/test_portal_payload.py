"""Record → udata / CKAN payloads: what the portal dataset will say."""

from __future__ import annotations

import json

import pytest

from plugin.core.model import BoundingBox, Identifier, OnlineResource, Record, TemporalExtent
from plugin.core.portal_payload import (
    REFERENCE,
    PortalOptions,
    PortalPayloadError,
    ckan_name,
    ckan_payload,
    payload_message,
    portal_tags,
    tag_of,
    udata_payload,
)

RECORD_URL = "https://geo.example.fr/catalogue/haies"


def _record(**changes: object) -> Record:
    record = Record(
        title="Haies bocagères de Démo-sur-Loire",
        abstract="Linéaire de haies.",
        lineage="Relevé terrain 2024.",
        licence="lov2",
        identifier=Identifier("haies-2024", "https://data.example.fr/id/"),
        inspire_themes=["lc"],
        free_keywords=["Haies", "haies", "ab", "Réseau écologique"],
        maintenance_frequency="biannually",
        bboxes=[BoundingBox(west=-1.6, east=-1.4, south=47.1, north=47.3)],
        temporal_extent=TemporalExtent("2024-03-01T08:00:00+01:00", "now"),
    )
    for key, value in changes.items():
        setattr(record, key, value)
    return record


def test_tags_follow_udata_rules() -> None:
    """Slugified, accents folded, 3–96 characters, no duplicates, themes in French."""
    assert portal_tags(_record()) == ["occupation-des-terres", "haies", "reseau-ecologique"]
    assert tag_of("x" * 120) == "x" * 96
    assert tag_of("É.") == ""


def test_udata_dataset_fields() -> None:
    """Licence id, udata ≥10 frequency id, open-ended coverage, footprint, identifier extras."""
    payload = udata_payload(
        _record(), PortalOptions(catalogue_record_url=RECORD_URL, organization="org-1")
    )
    dataset = payload["dataset"]
    assert dataset["license"] == "lov2"
    assert dataset["frequency"] == "semiannual"
    assert dataset["temporal_coverage"] == {"start": "2024-03-01"}
    assert dataset["spatial"]["geom"]["coordinates"][0][0][2] == [-1.4, 47.3]
    assert dataset["extras"]["inspire:identifier"] == "https://data.example.fr/id/haies-2024"
    assert dataset["organization"] == "org-1"
    assert dataset["description"].startswith("Linéaire de haies.\n\n## Généalogie")
    assert f"]({RECORD_URL})" in dataset["description"]
    assert payload["remote_resources"] == []


def test_zones_replace_the_footprint() -> None:
    """udata refuses zones and a geometry together: zones picked by the user win."""
    options = PortalOptions(zones=("fr:commune:44109",), granularity="fr:commune")
    spatial = udata_payload(_record(), options)["dataset"]["spatial"]
    assert spatial == {"zones": ["fr:commune:44109"], "granularity": "fr:commune"}


def test_licence_given_by_url_or_title_is_mapped() -> None:
    """A licence read from XML as a URL or a title still maps to the portal id."""
    by_url = _record(licence="https://opendatacommons.org/licenses/odbl/1-0/")
    assert udata_payload(by_url, PortalOptions())["dataset"]["license"] == "odc-odbl"
    assert ckan_payload(_record(), PortalOptions())["package"]["license_id"] == "other-at"


@pytest.mark.parametrize(
    ("licence", "code"),
    [("", "portal.licence_missing"), ("Licence maison", "portal.licence_unmapped")],
)
def test_licence_errors(licence: str, code: str) -> None:
    """No licence, or one no portal knows: a coded error with a French sentence."""
    with pytest.raises(PortalPayloadError) as caught:
        udata_payload(_record(licence=licence), PortalOptions())
    assert caught.value.code == code
    assert "licence" in payload_message(caught.value, "fr").lower()


def test_reference_links() -> None:
    """Catalogue page, ISO XML, services and downloads; each with a stable role."""
    wms = OnlineResource(
        url="https://geo.example.fr/wms?SERVICE=WMS", protocol="OGC:WMS", name="Carte des haies"
    )
    zip_url = OnlineResource(
        url="https://geo.example.fr/haies.zip", protocol="WWW:DOWNLOAD-1.0", name="Téléchargement"
    )
    options = PortalOptions(
        catalogue_record_url=RECORD_URL,
        record_xml_url=RECORD_URL + ".xml",
        services=(wms,),
        mode=REFERENCE,
    )
    remote = udata_payload(_record(locators=[zip_url, wms]), options)["remote_resources"]
    assert [r["url"] for r in remote] == [RECORD_URL, RECORD_URL + ".xml", wms.url, zip_url.url]
    assert [r["format"] for r in remote] == ["html", "xml", "wms", ""]
    assert {r["filetype"] for r in remote} == {"remote"}
    assert remote[2]["extras"]["geopublier:role"] == f"wms:{wms.url}"


def test_ckan_package() -> None:
    """Valid stable name, tags as dicts, spatial extra as GeoJSON text."""
    package = ckan_payload(_record(), PortalOptions(organization="demo"))["package"]
    assert package["name"] == ckan_name(_record())
    assert package["name"].startswith("haies-bocageres-de-demo-sur-loire-")
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert json.loads(extras["spatial"])["type"] == "MultiPolygon"
    assert {"name": "haies"} in package["tags"]
    assert package["owner_org"] == "demo"


def test_ckan_name_is_valid_for_any_title() -> None:
    """Lowercase [a-z0-9_-], at most 100 characters, stable, different per identifier."""
    long = _record(title="Î" * 3 + " Très long titre ! " * 20)
    other = _record(identifier=Identifier("autre", "https://data.example.fr/id/"))
    for record in (long, _record(title="***"), other):
        name = ckan_name(record)
        assert len(name) <= 100 and name == name.lower()
        assert all(c.isalnum() or c in "-_" for c in name)
    assert ckan_name(_record()) == ckan_name(_record())
    assert ckan_name(other) != ckan_name(_record())


def test_title_and_mode_checked() -> None:
    """No title, or an unknown mode, is refused before any request."""
    with pytest.raises(PortalPayloadError) as caught:
        udata_payload(_record(title=" "), PortalOptions())
    assert caught.value.code == "portal.title_missing"
    with pytest.raises(PortalPayloadError):
        udata_payload(_record(), PortalOptions(mode="copy"))
