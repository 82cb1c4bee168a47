"""DCAT-AP JSON-LD of a record and its files."""

from __future__ import annotations

import json

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
    assert doc["dct:language"] == [
        {"@id": "http://publications.europa.eu/resource/authority/language/FRA"}
    ]
    assert {"@id": "http://inspire.ec.europa.eu/theme/lc"} in doc["dcat:theme"]
    assert doc["dct:spatial"]["dcat:bbox"]["@value"].startswith("POLYGON((2.25 48.81")
    assert doc["dct:accrualPeriodicity"]["@id"].endswith("/frequency/ANNUAL")
    assert doc["dct:modified"] == {"@value": "2024-06-30", "@type": "xsd:date"}
    assert doc["dct:publisher"]["foaf:name"] == "Ville"
    assert doc["dct:conformsTo"] == [{"@id": "http://www.opengis.net/def/crs/EPSG/0/2154"}]
    dist = doc["dcat:distribution"][0]
    assert dist["dct:format"]["@id"].endswith("/file-type/GPKG")
    assert dist["dcat:downloadURL"] == {"@id": "arbres.gpkg"}
    assert dist["dct:license"]["@id"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
    assert dist["dcat:byteSize"]["@value"] == "1024"


def test_write_is_utf8_json_and_registered() -> None:
    data = write(sample_record())
    assert json.loads(data.decode("utf-8"))["dct:description"]["@value"].endswith("« gérés ».")
    assert "dcat" in formats.names() and formats.get("dcat").extension == "jsonld"


def test_sparse_record_gives_no_empty_nodes() -> None:
    doc = to_jsonld(Record(title="x"))
    assert "dct:spatial" not in doc and "dct:publisher" not in doc
    assert doc["@id"].startswith("urn:uuid:")
