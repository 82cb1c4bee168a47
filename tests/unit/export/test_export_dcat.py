"""DCAT-AP JSON-LD of a record and its files."""

from __future__ import annotations

import importlib.util
import json
import os

import pytest

from plugin.core import formats
from plugin.core.dcat import Distribution, to_jsonld, write
from plugin.core.model import (
    BoundingBox,
    Identifier,
    Record,
    ResponsibleParty,
    TemporalExtent,
)


def sample_record() -> Record:
    return Record(
        title="Arbres d'alignement",
        abstract="Arbres & alignements « gérés ».",
        identifier=Identifier(code="arbres", namespace="https://data.ville.fr/id/"),
        inspire_themes=["lc"],
        topic_categories=["environment"],
        free_keywords=["arbres"],
        bboxes=[BoundingBox(west=2.25, east=2.42, south=48.81, north=48.9)],
        temporal_extent=TemporalExtent(start="2020-01-01", end=""),
        creation_date="2020-01-01",
        revision_date="2024-06-30",
        licence="lov2",
        maintenance_frequency="annually",
        lineage="Relevé terrain.",
        reference_systems=["EPSG:2154"],
        responsible_parties=[ResponsibleParty(organisation="Ville", email="sig@ville.fr")],
    )


def test_dataset_carries_the_dcat_ap_properties() -> None:
    doc = to_jsonld(
        sample_record(), [Distribution("arbres.gpkg", "gpkg", byte_size=1024, sha256="ab" * 32)]
    )
    assert doc["@type"] == "dcat:Dataset" and doc["@id"] == "https://data.ville.fr/id/arbres"
    assert doc["dct:title"] == {"@value": "Arbres d'alignement", "@language": "fr"}
    [language] = doc["dct:language"]
    assert language["@id"] == "http://publications.europa.eu/resource/authority/language/FRA"
    assert language["@type"] == "dct:LinguisticSystem" and language["skos:prefLabel"]
    themes = {t["@id"]: t for t in doc["dcat:theme"]}
    assert themes["http://inspire.ec.europa.eu/theme/lc"]["@type"] == "skos:Concept"
    eu_theme = themes["http://publications.europa.eu/resource/authority/data-theme/ENVI"]
    assert eu_theme["skos:prefLabel"]["@value"] == "Environnement"
    assert doc["dct:spatial"]["dcat:bbox"]["@value"].startswith("POLYGON((2.25 48.81")
    assert doc["dct:accrualPeriodicity"]["@id"].endswith("/frequency/ANNUAL")
    assert doc["dct:modified"] == {"@value": "2024-06-30", "@type": "xsd:date"}
    assert doc["dct:publisher"]["foaf:name"] == "Ville"
    [crs] = doc["dct:conformsTo"]
    assert crs["@id"] == "http://www.opengis.net/def/crs/EPSG/0/2154"
    assert crs["@type"] == "dct:Standard" and "Lambert-93" in crs["skos:prefLabel"]
    assert "locn:geometry" not in doc["dct:spatial"]  # dcat:bbox says it
    rights = doc["dct:accessRights"]
    assert rights["@id"].endswith("/access-right/PUBLIC")
    assert rights["skos:exactMatch"][0]["@id"].endswith("/LimitationsOnPublicAccess/noLimitations")
    assert doc["dct:temporal"]["dcat:startDate"]["@value"] == "2020-01-01"
    dist = doc["dcat:distribution"][0]
    assert dist["dct:format"]["@id"].endswith("/file-type/GPKG")
    # The file's own URL is not known yet: no relative address, the dataset page instead.
    assert "dcat:downloadURL" not in dist
    assert dist["dcat:accessURL"] == {"@id": "https://data.ville.fr/id/arbres"}
    assert dist["dct:description"]["@value"] and dist["dcatap:availability"]["@id"]
    assert dist["dct:license"]["@id"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
    assert dist["dct:license"]["@type"] == "dct:LicenseDocument"
    assert dist["dcat:byteSize"]["@value"] == "1024"


def test_known_file_addresses_are_absolute_download_urls() -> None:
    url = "https://portail.ville.fr/fs/arbres.gpkg"
    [dist] = to_jsonld(sample_record(), [Distribution("arbres.gpkg", "gpkg", url=url)])[
        "dcat:distribution"
    ]
    assert dist["dcat:downloadURL"] == dist["dcat:accessURL"] == {"@id": url}


def test_write_is_utf8_json_and_registered() -> None:
    data = write(sample_record())
    assert json.loads(data.decode("utf-8"))["dct:description"]["@value"].endswith("« gérés ».")
    assert "dcat" in formats.names() and formats.get("dcat").extension == "jsonld"


def test_sparse_record_gives_no_empty_nodes() -> None:
    doc = to_jsonld(Record(title="x"))
    assert "dct:spatial" not in doc and "dct:publisher" not in doc
    assert doc["@id"].startswith("urn:uuid:")


SHAPES = os.environ.get("GEOPUBLIER_DCAT_AP_SHAPES", "")


@pytest.mark.skipif(
    not SHAPES or importlib.util.find_spec("pyshacl") is None,
    reason="DCAT-AP 3.0.1 SHACL shapes: no pinned package ships them; set "
    "GEOPUBLIER_DCAT_AP_SHAPES to releases/3.0.1/shacl/dcat-ap-SHACL.ttl of SEMICeu/DCAT-AP "
    "and install pyshacl to run this check",
)
def test_package_description_passes_the_dcat_ap_3_shapes() -> None:
    import pyshacl
    import rdflib

    from tests.unit.core.conftest import build_complete_record

    files = [
        Distribution("plu.gpkg", "gpkg", byte_size=1000, sha256="ab" * 32),
        Distribution("plu.geojson", "geojson", url="https://portail.exemple.fr/fs/plu.geojson"),
    ]
    data = rdflib.Graph().parse(data=write(build_complete_record(), files), format="json-ld")
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _graph, text = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=False)
    assert conforms, text
    assert "Results (" not in text  # not even a warning or an information
