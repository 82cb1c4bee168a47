"""No lost update: a catalogue's changes are told apart from re-serialisation, and merged."""

from __future__ import annotations

from lxml import etree

from plugin.core.iso19139_writer import write
from plugin.core.model import Record
from plugin.core.remote_merge import changed_since, merge_remote, remote_changes


def _record() -> Record:
    return Record(file_identifier="id-1", title="Titre", abstract="Résumé", lineage="Saisie 2020")


def test_reserialised_record_is_not_a_change() -> None:
    published = write(_record())
    again = etree.tostring(etree.fromstring(published), pretty_print=False)
    assert not changed_since(published, again)
    restamped = Record.from_dict({**_record().to_dict(), "metadata_date": "1999-01-01"})
    assert not changed_since(published, write(restamped))  # a write changes the date alone
    assert changed_since(published, write(Record.from_dict({**_record().to_dict(), "title": "T"})))


def test_merge_takes_theirs_keeps_ours_and_reports_conflicts() -> None:
    published = write(_record())
    theirs = _record()
    theirs.abstract, theirs.lineage = "Résumé revu au catalogue", "Revue au catalogue"
    current = write(theirs)
    mine = _record()
    mine.title, mine.lineage = "Titre revu dans QGIS", "Revue dans QGIS"
    assert remote_changes(published, current) == ["abstract", "lineage"]
    merged, taken, conflicts = merge_remote(mine, published, current)
    assert (merged.title, merged.abstract) == ("Titre revu dans QGIS", "Résumé revu au catalogue")
    assert taken == ["abstract"]
    assert [(c.field, c.local, c.remote) for c in conflicts] == [
        ("lineage", "Revue dans QGIS", "Revue au catalogue")
    ]
    assert merged.lineage == "Revue dans QGIS" and merged.source_document
