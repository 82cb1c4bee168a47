"""Model: JSON round trip, identifier normalisation, organisation profile, helpers."""

from __future__ import annotations

import json

from plugin.core.model import Identifier, Record, ResponsibleParty, epsg_code, iso_geometry_type
from plugin.core.profile import OrganisationProfile, apply_profile


def test_defaults_suit_a_french_authority() -> None:
    record = Record()
    assert record.metadata_language == "fre"
    assert record.resource_languages == ["fre"]
    assert record.character_set == "utf8"
    assert record.access_limitations == ["noLimitations"]
    assert len(record.conformities) == 1 and record.conformities[0].degree is None
    assert "n o 1089/2010" in record.conformities[0].specification
    assert Record().file_identifier != Record().file_identifier


def test_dict_round_trip_through_json(complete_record: Record) -> None:
    text = json.dumps(complete_record.to_dict(), ensure_ascii=False)
    assert Record.from_dict(json.loads(text)) == complete_record


def test_from_dict_tolerates_missing_and_unknown_keys() -> None:
    record = Record.from_dict({"title": "Titre", "surprise": 1, "bboxes": [{"west": 1}]})
    assert record.title == "Titre"
    assert record.bboxes[0].west == 1.0 and isinstance(record.bboxes[0].west, float)
    assert record.metadata_language == "fre"


def test_identifier_uri_forms() -> None:
    ident = Identifier("plu", "https://data.example.fr/id")
    assert ident.namespace == "https://data.example.fr/id/"
    assert ident.uri == "https://data.example.fr/id/plu"
    whole = Identifier("https://data.example.fr/id/plu")
    assert (whole.namespace, whole.code) == ("https://data.example.fr/id/", "plu")
    assert Identifier("plu", "FR-21").uri == "FR-21/plu"


def test_profile_fills_only_what_is_empty() -> None:
    profile = OrganisationProfile(
        organisation="Commune de X",
        email="sig@x.fr",
        licence="lov2",
        keywords=["données ouvertes", "urbanisme"],
        identifier_namespace="https://data.x.fr/id/",
    )
    typed = Record(
        licence="odc-odbl",
        free_keywords=["Urbanisme"],
        responsible_parties=[ResponsibleParty("Autre", email="a@b.fr")],
    )
    result = apply_profile(typed, profile)
    assert result.licence == "odc-odbl"
    assert result.responsible_parties[0].organisation == "Autre"
    assert result.free_keywords == ["Urbanisme", "données ouvertes"]
    assert result.metadata_contacts[0].organisation == "Commune de X"
    assert result.metadata_contacts[0].role == "pointOfContact"
    assert result.identifier.namespace == "https://data.x.fr/id/"
    assert typed.metadata_contacts == []  # the input is not modified
    empty = apply_profile(Record(), profile)
    assert empty.licence == "lov2" and empty.responsible_parties[0].email == "sig@x.fr"


def test_profile_dict_round_trip() -> None:
    profile = OrganisationProfile(
        organisation="O", keywords=["a"], metadata_contact=ResponsibleParty("M", email="m@o.fr")
    )
    assert OrganisationProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile


def test_helpers() -> None:
    assert epsg_code("EPSG:2154") == 2154
    assert epsg_code("http://www.opengis.net/def/crs/EPSG/0/4326") == 4326
    assert epsg_code("urn:ogc:def:crs:EPSG::3857") == 3857
    assert epsg_code("urn:ogc:def:crs:EPSG:6.6:4326") == 4326
    assert epsg_code("WGS 84") is None
    assert iso_geometry_type("MultiPolygonZ") == "surface"
    assert iso_geometry_type("LineString") == "curve"
    assert iso_geometry_type("Point25D") == "point"
    assert iso_geometry_type("NoGeometry") == ""
