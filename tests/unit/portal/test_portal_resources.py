"""Resource titles and descriptions people read, names cut between words, record links."""

from __future__ import annotations

import pytest

from plugin.core.model import Attribute, OnlineResource, Record
from plugin.core.online_links import download_link, from_details, linked_record, page_link
from plugin.core.portal_payload import PortalOptions, ckan_name, ckan_payload, udata_payload
from plugin.core.resource_texts import cut_at_word, cut_slug, file_texts
from plugin.core.rules import validate

TITLE = "Bornes de recharge pour véhicules électriques de Saint-Exemple et des communes voisines"


def _record(**changes: object) -> Record:
    record = Record(
        title=TITLE,
        abstract="Stations de recharge ouvertes au public.",
        licence="lov2",
        reference_systems=["EPSG:2154"],
        feature_count=1234,
        attributes=[Attribute("nom"), Attribute("puissance_kw")],
        maintenance_frequency="notPlanned",
    )
    for key, value in changes.items():
        setattr(record, key, value)
    return record


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Bornes de recharge", 40, "Bornes de recharge"),
        ("Bornes de recharge de Saint-Exemple", 24, "Bornes de recharge…"),
        ("Bornes de recharge, Saint-Exemple", 21, "Bornes de recharge…"),
        ("Anticonstitutionnellement", 10, "Anticonst…"),
    ],
)
def test_cut_at_word_never_cuts_a_word(text: str, limit: int, expected: str) -> None:
    assert cut_at_word(text, limit) == expected
    assert len(cut_at_word(text, limit)) <= limit


def test_slugs_are_cut_between_words() -> None:
    slug = "bornes-de-recharge-pour-vehicules-electriques-de-saint-exemple"
    assert cut_slug(slug, 50) == "bornes-de-recharge-pour-vehicules-electriques-de"
    assert cut_slug("bornes_de_saint_exemple", 20, "_") == "bornes_de_saint"
    name = ckan_name(_record(title=TITLE * 2))
    stem = name.rsplit("-", 1)[0]
    assert len(name) <= 100 and (TITLE * 2).lower().startswith(stem.split("-")[0])
    assert stem.split("-")[-1] in {"de", "saint", "exemple", "et", "des", "communes", "voisines"}


def test_file_titles_and_descriptions_say_format_crs_count_fields_and_date() -> None:
    gpkg, geojson, xml = file_texts(
        _record(), ["bornes.gpkg", "bornes.geojson", "bornes.xml"], "2026-12-06"
    )
    assert gpkg.title == (
        "Bornes de recharge pour véhicules électriques… — GeoPackage (Lambert-93)"
    )
    assert geojson.title.endswith("— GeoJSON (WGS 84)")
    assert "fiche de métadonnées" in xml.title
    assert gpkg.description.split("\n\n") == [
        "Format : GeoPackage.",
        "Système de coordonnées : RGF93 v1 / Lambert-93 (EPSG:2154).",
        "1\u202f234 objets.",
        "Champs : nom, puissance_kw.",
        "Mis à jour le 2026-12-06.",
    ]
    assert gpkg.link_description == "GeoPackage — RGF93 v1 / Lambert-93 (EPSG:2154)"
    assert "WGS 84 (EPSG:4326)" in geojson.description


def test_udata_payload_has_frequency_and_file_texts() -> None:
    options = PortalOptions(files=("bornes.gpkg",), date="2026-12-06")
    payload = udata_payload(_record(), options)
    assert payload["dataset"]["frequency"] == "notPlanned"
    [texts] = payload["file_resources"]
    assert texts["file"] == "bornes.gpkg" and texts["format"] == "gpkg"
    assert texts["description"].startswith("Format : GeoPackage.")


def test_ckan_payload_has_dcat_frequency_and_file_texts() -> None:
    payload = ckan_payload(_record(), PortalOptions(files=("bornes.csv",)))
    extras = {e["key"]: e["value"] for e in payload["package"]["extras"]}
    assert extras["frequency"].endswith("/frequency/NOT_PLANNED")
    assert payload["file_resources"][0]["title"].endswith("— CSV (Lambert-93)")


def test_checklist_advises_period_and_frequency_for_portals() -> None:
    codes = {i.code for i in validate(_record(maintenance_frequency=""))}
    assert {"temporal_extent.missing", "maintenance_frequency.missing"} <= codes
    assert "maintenance_frequency.missing" in {
        i.code for i in validate(_record(maintenance_frequency="unknown"))
    }


def test_linked_record_replaces_links_to_the_destinations_and_keeps_the_users() -> None:
    own = OnlineResource("https://geo.exemple.fr/wms", "OGC:WMS", "Carte")
    stale = OnlineResource("https://portail.exemple.fr/fs/old.gpkg", function="download")
    record = _record(locators=[own, stale])
    details = {
        "online_resources": [
            page_link("https://portail.exemple.fr/datasets/bornes/", "Jeu de données"),
            download_link("https://portail.exemple.fr/fs/new.gpkg", "Bornes — GeoPackage"),
            {"url": ""},
            "not a link",
        ]
    }
    links = from_details(details)
    assert [(link.function, link.protocol) for link in links] == [
        ("information", "WWW:LINK-1.0-http--link"),
        ("download", "WWW:DOWNLOAD-1.0-http--download"),
    ]
    result = linked_record(record, links, ["https://portail.exemple.fr/api/1"])
    assert [loc.url for loc in result.locators] == [
        own.url,
        "https://portail.exemple.fr/datasets/bornes/",
        "https://portail.exemple.fr/fs/new.gpkg",
    ]
    assert record.locators == [own, stale]  # the layer's record is left alone
