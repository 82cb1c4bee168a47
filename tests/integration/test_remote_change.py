"""No lost update, on a real pycsw 2.6.2: a record edited in the catalogue by another client
between two publications is never silently overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from lxml import etree
from qgis.core import QgsProcessingException

from plugin.core.iso19139_common import NS
from plugin.publishers.csw import build_transaction
from plugin.qgis.destinations import profile_folder
from tests.csw_queries import count_records
from tests.integration.test_publish_catalogue import publication_files  # noqa: F401 - fixture

pytestmark = pytest.mark.integration
THEIR_ABSTRACT = "Résumé revu par l'administrateur du catalogue régional."


def _fetch(url: str, identifier: str) -> etree._Element:
    """The record as the catalogue serves it (GetRecordById, ISO 19139)."""
    answer = requests.get(
        url,
        params={
            "service": "CSW",
            "version": "2.0.2",
            "request": "GetRecordById",
            "id": identifier,
            "outputSchema": "http://www.isotc211.org/2005/gmd",
            "elementSetName": "full",
        },
        timeout=30,
    )
    return etree.fromstring(answer.content).find(".//gmd:MD_Metadata", NS)


def _someone_edits(url: str, identifier: str, abstract: str) -> None:
    """Another client (the regional administrator) changes the abstract with CSW-T Update."""
    record = _fetch(url, identifier)
    record.find(".//gmd:abstract/gco:CharacterString", NS).text = abstract
    answer = requests.post(
        url,
        data=build_transaction("Update", record),
        headers={"Content-Type": "application/xml"},
        timeout=30,
    )
    assert b"<csw:totalUpdated>1</csw:totalUpdated>" in answer.content


def _texts(url: str, identifier: str) -> tuple[str, str]:
    record = _fetch(url, identifier)
    title = record.find(".//gmd:citation/gmd:CI_Citation/gmd:title/gco:CharacterString", NS)
    abstract = record.find(".//gmd:abstract/gco:CharacterString", NS)
    return title.text, abstract.text


def _publish(shapefile: Path, files: dict, report: Path, on_change: str = "", **extra) -> dict:
    import processing

    return processing.run(
        "geopublier:publish",
        {
            "INPUT": str(shapefile),
            "CATALOGUE": "Catalogue de test",
            "CONNECTIONS": str(files["CONNECTIONS"]),
            "PROFILE": str(files["PROFILE"]),
            "REPORT": str(report),
            "ON_REMOTE_CHANGE": on_change,
            **extra,
        },
    )


def _catalogue_entry(record_id: str) -> dict:
    """This layer's catalogue entry in the journal (other tests of the session left theirs)."""
    journal = json.loads((profile_folder() / "journal.json").read_text(encoding="utf-8"))
    return next(
        entry
        for destinations in journal["layers"].values()
        for name, entry in destinations.items()
        if name == "Catalogue de test" and entry.get("remote_id") == record_id
    )


@pytest.fixture
def rivers(rivers_shapefile: Path, request: pytest.FixtureRequest) -> Path:
    """The sample as a resource of its own: other tests of the session publish the sample
    too, to the same catalogue, and this one's record must start as only it published it."""
    qmd = rivers_shapefile.with_suffix(".qmd")
    sample = "https://data.exemple-agglo.fr/id/cours-d-eau"
    text = qmd.read_text(encoding="utf-8")
    assert sample in text
    qmd.write_text(text.replace(sample, f"{sample}-{request.node.name}"), encoding="utf-8")
    return rivers_shapefile


def _retitle(shapefile: Path, title: str) -> None:
    """The user edits the layer's title (its .qmd) between publications."""
    qmd = shapefile.with_suffix(".qmd")
    text = qmd.read_text(encoding="utf-8")
    start = text.index("<title>") + len("<title>")
    qmd.write_text(text[:start] + title + text[text.index("</title>") :], encoding="utf-8")


def test_a_record_changed_in_the_catalogue_is_never_lost(
    provider,
    rivers: Path,
    publication_files,  # noqa: F811 - fixture
    pycsw_server,
    tmp_path: Path,
) -> None:
    url = pycsw_server.url
    record_id = _publish(rivers, publication_files, tmp_path / "r1.json")[
        "CATALOGUE_RECORD_ID"
    ]
    _someone_edits(url, record_id, THEIR_ABSTRACT)
    _retitle(rivers, "Rivières de l'agglomération d'Exemple")

    # 1. The step stops with the message; the catalogue keeps their edit, the journal says so.
    with pytest.raises(QgsProcessingException):
        _publish(rivers, publication_files, tmp_path / "r2.json")
    step = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["status"] == "failed" and step["error_code"] == "remote_changed"
    assert "modifiée dans le catalogue" in step["message_fr"] and "abstract" in step["message_fr"]
    title, abstract = _texts(url, record_id)
    assert abstract == THEIR_ABSTRACT and title == "Cours d'eau de l'agglomération d'Exemple"
    entry = _catalogue_entry(record_id)
    assert entry["status"] == "failed" and entry["remote_id"] == record_id

    # 2. Merge: their abstract and our title, both in the catalogue.
    merged = _publish(rivers, publication_files, tmp_path / "r3.json", "merge")
    assert merged["CATALOGUE_RECORD_ID"] == record_id
    step = json.loads((tmp_path / "r3.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["status"] == "done" and "abstract" in step["details"]["merged"]
    assert _texts(url, record_id) == ("Rivières de l'agglomération d'Exemple", THEIR_ABSTRACT)

    # 3. Republishing with nothing changed anywhere goes through without asking.
    _publish(rivers, publication_files, tmp_path / "r4.json")

    # 4. Overwrite: their new edit is replaced by the layer's record.
    _someone_edits(url, record_id, "Encore une autre version.")
    _publish(rivers, publication_files, tmp_path / "r5.json", "overwrite")
    step = json.loads((tmp_path / "r5.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["status"] == "done" and step["details"]["overwritten"]
    assert _texts(url, record_id)[1] != "Encore une autre version."
    entry = _catalogue_entry(record_id)
    assert entry["status"] == "done" and entry["remote_id"] == record_id


def _count(url: str, identifier: str) -> int:
    """How many records the catalogue holds under this identifier (CSW GetRecords)."""
    return count_records(url, "dc:identifier", identifier)


def test_a_record_deleted_in_the_catalogue_is_not_recreated_without_asking(
    provider,
    rivers: Path,
    publication_files,  # noqa: F811 - fixture
    pycsw_server,
    tmp_path: Path,
) -> None:
    """The catalogue's administrator deleted the record (or emptied the catalogue): the
    journal still says published, so republishing stops and says so; REPUBLISH_MISSING (the
    dialog's « Publier à neuf ») publishes it again under the same identifier, once."""
    url = pycsw_server.url
    record_id = _publish(rivers, publication_files, tmp_path / "r1.json")[
        "CATALOGUE_RECORD_ID"
    ]
    answer = requests.post(
        url,
        data=build_transaction("Delete", identifier=record_id),
        headers={"Content-Type": "application/xml"},
        timeout=30,
    )
    assert b"<csw:totalDeleted>1</csw:totalDeleted>" in answer.content
    assert _count(url, record_id) == 0

    with pytest.raises(QgsProcessingException):
        _publish(rivers, publication_files, tmp_path / "r2.json")
    step = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))["steps"][0]
    assert step["status"] == "failed" and step["error_code"] == "catalogue_record_missing"
    assert record_id in step["message_fr"] and "REPUBLISH_MISSING" in step["message_fr"]
    assert "127.0.0.1" in step["message_fr"]  # the catalogue is named
    assert _count(url, record_id) == 0  # nothing re-created behind the user's back
    assert _catalogue_entry(record_id)["error_code"] == "catalogue_record_missing"

    again = _publish(
        rivers, publication_files, tmp_path / "r3.json", REPUBLISH_MISSING=True
    )
    assert again["CATALOGUE_RECORD_ID"] == record_id
    step = json.loads((tmp_path / "r3.json").read_text(encoding="utf-8"))["steps"][0]
    assert (step["status"], step["action"]) == ("done", "created")
    assert _count(url, record_id) == 1
    assert _catalogue_entry(record_id)["status"] == "done"
    # The next republication is a plain update again.
    _publish(rivers, publication_files, tmp_path / "r4.json")
    step = json.loads((tmp_path / "r4.json").read_text(encoding="utf-8"))["steps"][0]
    assert (step["status"], step["action"]) == ("done", "updated")
    assert _count(url, record_id) == 1
