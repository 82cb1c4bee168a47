"""Which files a portal still holds as we sent them: the portals' own descriptions of their
files (udata's checksum, CKAN's size and upload date) and the choice of the files to send again."""

from __future__ import annotations

from pathlib import Path

from plugin.publishers import ckan, udata
from plugin.publishers.held_files import add_resent, files_to_resend, parse, to_text
from plugin.publishers.journal import Journal


def test_udata_files_by_checksum_ours_only() -> None:
    resources = [
        {
            "filetype": "file",
            "extras": {"geopublier:file": "a.gpkg"},
            "checksum": {"type": "sha1", "value": "abc"},
        },
        {"filetype": "file", "extras": {"geopublier:file": "a.xml"}, "url": "http://x/2/a.xml"},
        {"filetype": "remote", "extras": {"geopublier:role": "wms"}, "url": "http://wms"},
        {"filetype": "file", "extras": {}, "checksum": {"type": "sha1", "value": "zzz"}},
    ]
    assert udata.held_files(resources) == {"a.gpkg": "sha1:abc", "a.xml": "url:http://x/2/a.xml"}


def test_ckan_files_by_size_and_upload_date() -> None:
    resources = [
        {
            "geopublier_role": "file:a.gpkg",
            "url_type": "upload",
            "size": 12,
            "last_modified": "2026-12-07T02:00:00",
        },
        {"geopublier_role": "wms", "url_type": "", "url": "http://wms"},
        {"geopublier_role": "file:b.csv", "url_type": "", "url": "http://elsewhere/b.csv"},
    ]
    assert ckan.held_files(resources) == {"a.gpkg": "12@2026-12-07T02:00:00"}


def test_lost_and_replaced_files_are_sent_again_not_the_others() -> None:
    kept = {"a.gpkg": "sha1:1", "a.csv": "sha1:2", "a.xml": "sha1:3"}
    now = {"a.gpkg": "sha1:1", "a.xml": "sha1:9"}  # csv deleted, xml replaced
    assert files_to_resend(kept, now) == ["a.csv", "a.xml"]
    assert files_to_resend(kept, now, ["a.xml"]) == ["a.csv"]  # already being sent
    assert files_to_resend(kept, kept) == []


def test_add_resent_asks_only_for_what_is_missing(tmp_path: Path) -> None:
    asked = []

    def resend(names):
        asked.append(list(names))
        return [tmp_path / "a.csv", tmp_path / "other.zip"], {"a.csv": {"title": "CSV"}}

    paths, texts = [tmp_path / "a.xml"], {}
    names = add_resent({"a.csv": "v1", "a.gpkg": "v2"}, {"a.gpkg": "v2"}, paths, texts, resend)
    assert names == ["a.csv"] and asked == [["a.csv"]]
    assert [p.name for p in paths] == ["a.xml", "a.csv"] and texts == {"a.csv": {"title": "CSV"}}
    assert add_resent({}, {}, paths, texts, resend) == []  # nothing kept: nothing to compare
    assert add_resent({"a.csv": "v1"}, {"a.csv": "v1"}, paths, texts, resend) == []
    assert len(asked) == 1  # the package is not asked for when every file is there


def test_journal_keeps_the_files_through_a_failure(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.json")
    held = {"a.gpkg": "sha1:1"}
    journal.record("rid", "Portail", remote_id="d1", files=to_text(held))
    journal.record_failure("rid", "Portail", step="portal", error_code="timeout")
    again = Journal(tmp_path / "journal.json").entry("rid", "Portail")
    assert parse(again.files) == held
    assert parse("") == {} and parse("not json") == {} and parse("[1]") == {}
