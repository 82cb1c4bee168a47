"""Downloading the ISO 19139 schemas into the profile, from a local copy of schemas.opengis.net.

The server is a plain http.server on 127.0.0.1 serving pycsw's schema files laid out as the
official servers serve them (tests/schemas.py): no internet is needed, but the download follows
the same relative and absolute schemaLocations as it would on schemas.opengis.net.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree
from qgis.core import QgsFeedback, QgsProcessingFeedback, QgsVectorLayer

from plugin.core.iso19139_writer import write
from plugin.core.model import Record, Resolution
from plugin.core.xsd import validate_xsd
from plugin.qgis import schemas
from plugin.qgis.algorithms.common import xsd_folder
from plugin.qgis.network import build_session
from plugin.qgis.schemas import SchemaDownloadError, download_schemas, installed_schema_folder
from tests.schemas import build_opengis_mirror

XS = "{http://www.w3.org/2001/XMLSchema}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the mirror folder and remembers every path asked for."""

    requested: list[str] = []

    def log_message(self, *_args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API name
        type(self).requested.append(self.path)
        super().do_GET()


@pytest.fixture(scope="module")
def mirror(tmp_path_factory) -> Path:
    """schemas.opengis.net (root) and www.w3.org (under w3c/) as pycsw ships them."""
    folder = tmp_path_factory.mktemp("opengis")
    build_opengis_mirror(folder)
    return folder


@pytest.fixture()
def server(mirror: Path):
    """(base URL, mirror of www.w3.org, requested paths) of a local schema server."""
    handler = type("Handler", (_QuietHandler,), {"requested": []})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(mirror))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    yield base, {"www.w3.org": base + "w3c/"}, handler.requested
    httpd.shutdown()
    httpd.server_close()


def mirror_file(mirror: Path, url: str) -> Path:
    """The mirror's file for an official URL."""
    parts = urlsplit(url)
    prefix = "w3c/" if parts.netloc == "www.w3.org" else ""
    return mirror / (prefix + parts.path.lstrip("/"))


def test_the_mirror_is_complete_from_gmx(mirror: Path) -> None:
    """Every location reachable from gmx.xsd, relative or absolute, names a file of the mirror."""
    start = "http://schemas.opengis.net/iso/19139/20070417/gmx/gmx.xsd"
    todo, seen, absolute, relative = [start], {start}, set(), 0
    while todo:
        url = todo.pop()
        path = mirror_file(mirror, url)
        assert path.is_file(), url
        for element in etree.parse(str(path)).iter(f"{XS}include", f"{XS}import"):
            location = element.get("schemaLocation")
            if location.startswith("http"):
                absolute.add(location)
            else:
                relative += 1
            target = urljoin(url, location)
            if target not in seen:
                seen.add(target)
                todo.append(target)
    assert len(seen) > 50 and relative > 50
    assert absolute == {
        "http://schemas.opengis.net/gml/3.2.1/gml.xsd",
        "http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd",
        "http://www.w3.org/1999/xlink.xsd",
        "http://www.w3.org/2001/xml.xsd",
    }


def test_download_then_validate_a_record_offline(server, tmp_path: Path) -> None:
    base, mirrors, requested = server
    root = tmp_path / "profil" / "geopublier" / "schemas"
    feedback = QgsFeedback()
    progress: list[float] = []
    feedback.progressChanged.connect(progress.append)
    folder = download_schemas(build_session("schemas"), root, base, feedback, mirrors=mirrors)
    assert folder == root / "iso" / "19139" / "20070417"
    assert installed_schema_folder(root) == folder
    assert (root / "gml" / "3.2.1" / "gml.xsd").is_file()
    assert (root / "www.w3.org" / "1999" / "xlink.xsd").is_file()
    assert (root / "www.w3.org" / "2001" / "xml.xsd").is_file()
    assert len(requested) == len(set(requested)) > 50  # each file fetched once
    assert "/iso/19139/20070417/gmx/gmx.xsd" == requested[0]
    assert progress[-1] == 100.0
    for path in root.rglob("*.xsd"):
        for element in etree.parse(str(path)).iter(f"{XS}include", f"{XS}import"):
            location = element.get("schemaLocation")
            assert "://" not in location, (path, location)
            assert (path.parent / location).resolve().is_file(), (path, location)
    record = Record(title="Haies bocagères", resolutions=[Resolution(distance=0.5)])
    xml = write(record)
    assert validate_xsd(xml, folder) == []
    broken = xml.replace(b'<gco:Distance uom="m">', b"<gco:Distance>")
    assert validate_xsd(broken, folder)  # the downloaded schemas really check the record
    assert [p.name for p in root.parent.iterdir()] == ["schemas"]  # no temporary folder left


def test_cancelled_download_leaves_nothing(server, tmp_path: Path) -> None:
    base, mirrors, _requested = server
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value > 0 else None)
    root = tmp_path / "schemas"
    with pytest.raises(SchemaDownloadError) as caught:
        download_schemas(build_session("schemas"), root, base, feedback, mirrors=mirrors)
    assert caught.value.code == "xsd.download_cancelled"
    assert list(tmp_path.iterdir()) == []


def test_failed_download_keeps_the_previous_copy(server, mirror: Path, tmp_path: Path) -> None:
    base, mirrors, _requested = server
    root = tmp_path / "schemas"
    download_schemas(build_session("schemas"), root, base, mirrors=mirrors)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    units = mirror / "gml" / "3.2.1" / "units.xsd"
    saved = units.read_bytes()
    units.unlink()
    try:
        with pytest.raises(SchemaDownloadError) as caught:
            download_schemas(build_session("schemas"), root, base, mirrors=mirrors)
    finally:
        units.write_bytes(saved)
    assert caught.value.code == "xsd.download_failed"
    assert caught.value.params == {"url": base + "gml/3.2.1/units.xsd", "detail": "HTTP 404"}
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["schemas"]


@pytest.mark.parametrize(
    ("location", "code"),
    [
        ("file:///etc/passwd", "xsd.location_refused"),
        ("http://intranet.example/schema.xsd", "xsd.location_refused"),
        ("http://schemas.opengis.net/gml/3.2.1/gml.xsd?etc=1", "xsd.location_refused"),
        ("http://www.w3.org/etc/xlink.dtd", "xsd.location_refused"),
    ],
)
def test_locations_outside_the_repository_are_refused(
    server, mirror: Path, tmp_path: Path, location: str, code: str
) -> None:
    base, mirrors, requested = server
    usage = mirror / "iso" / "19139" / "20070417" / "gmx" / "gmxUsage.xsd"
    saved = usage.read_bytes()
    tampered = saved.replace(b'"../gmd/gmd.xsd"', f'"{location}"'.encode())
    assert tampered != saved
    usage.write_bytes(tampered)
    try:
        with pytest.raises(SchemaDownloadError) as caught:
            download_schemas(build_session("schemas"), tmp_path / "s", base, mirrors=mirrors)
    finally:
        usage.write_bytes(saved)
    assert caught.value.code == code
    assert not any("etc" in path for path in requested)
    assert list(tmp_path.iterdir()) == []


def test_a_schema_with_entities_is_refused(server, mirror: Path, tmp_path: Path) -> None:
    base, mirrors, _requested = server
    gmx = mirror / "iso" / "19139" / "20070417" / "gmx" / "gmx.xsd"
    saved = gmx.read_bytes()
    hostile = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    gmx.write_bytes(saved.replace(b"?>", b"?>" + hostile, 1))
    try:
        with pytest.raises(SchemaDownloadError) as caught:
            download_schemas(build_session("schemas"), tmp_path / "s", base, mirrors=mirrors)
    finally:
        gmx.write_bytes(saved)
    assert (caught.value.code, caught.value.params["detail"]) == ("xsd.not_a_schema", "DOCTYPE")


def test_a_copy_that_does_not_compile_is_not_installed(
    server, mirror: Path, tmp_path: Path
) -> None:
    base, mirrors, _requested = server
    units = mirror / "gml" / "3.2.1" / "units.xsd"
    saved = units.read_bytes()
    units.write_bytes(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        b'targetNamespace="http://www.opengis.net/gml/3.2"/>'
    )
    try:
        with pytest.raises(SchemaDownloadError) as caught:
            download_schemas(build_session("schemas"), tmp_path / "s", base, mirrors=mirrors)
    finally:
        units.write_bytes(saved)
    assert caught.value.code == "xsd.download_incomplete"
    assert list(tmp_path.iterdir()) == []


@pytest.fixture()
def downloaded_profile(server, tmp_path: Path, monkeypatch):
    """The downloaded copy as the profile's copy; no schema folder configured."""
    base, mirrors, _requested = server
    root = tmp_path / "profile-schemas"
    monkeypatch.setattr(schemas, "default_schema_root", lambda: root)
    monkeypatch.delenv("GEOPUBLIER_XSD_DIR", raising=False)
    download_schemas(build_session("schemas"), None, base, mirrors=mirrors)
    return root / "iso" / "19139" / "20070417"


def test_algorithms_fall_back_to_the_downloaded_copy(
    provider, downloaded_profile: Path, tmp_path: Path
) -> None:
    import processing

    assert xsd_folder() == str(downloaded_profile)
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "bornes", "memory")
    report_path = tmp_path / "rapport.json"
    processing.run("geopublier:validatemetadata", {"INPUT": layer, "OUTPUT": str(report_path)})
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["schema"] == {"checked": True, "folder": str(downloaded_profile), "errors": []}
    assert not [i for i in report["issues"] if i["code"].startswith("xsd.")]


def test_validate_says_when_no_schema_copy_exists(provider, tmp_path: Path, monkeypatch) -> None:
    import processing

    monkeypatch.setattr(schemas, "default_schema_root", lambda: tmp_path / "nothing")
    monkeypatch.delenv("GEOPUBLIER_XSD_DIR", raising=False)
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "bornes", "memory")
    report_path = tmp_path / "rapport.json"
    processing.run("geopublier:validatemetadata", {"INPUT": layer, "OUTPUT": str(report_path)})
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["schema"] == {"checked": False, "folder": "", "errors": []}
    unavailable = [i for i in report["issues"] if i["code"] == "xsd.unavailable"]
    assert len(unavailable) == 1 and unavailable[0]["level"] == "warning"
    assert "téléchargez-les" in unavailable[0]["message"]


class _Log(QgsProcessingFeedback):
    """Keeps what an algorithm writes to its log."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def reportError(self, error, fatalError=False) -> None:  # noqa: N802, N803 - QGIS API
        self.lines.append(error)

    def pushWarning(self, warning) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(warning)


def test_export_with_a_folder_lacking_gmx_says_so(provider, tmp_path: Path, monkeypatch) -> None:
    import processing

    empty = tmp_path / "schemas-vides"
    empty.mkdir()
    monkeypatch.setattr(schemas, "default_schema_root", lambda: tmp_path / "nothing")
    monkeypatch.setenv("GEOPUBLIER_XSD_DIR", str(empty))
    output = tmp_path / "fiche.xml"
    log = _Log()
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "bornes", "memory")
    result = processing.run(
        "geopublier:exportmetadata", {"INPUT": layer, "OUTPUT": str(output)}, feedback=log
    )
    assert output.read_bytes().startswith(b"<?xml")
    assert result["OUTPUT"] == str(output)
    assert [line for line in log.lines if "gmx/gmx.xsd manque" in line] == [
        f"[warning] : Schémas ISO 19139 introuvables dans « {empty} » (gmx/gmx.xsd manque) : "
        "corrigez le dossier dans les paramètres ou téléchargez les schémas."
    ]


def test_a_broken_configured_folder_is_reported_and_the_download_used(
    provider, downloaded_profile: Path, tmp_path: Path, monkeypatch
) -> None:
    import processing

    monkeypatch.setenv("GEOPUBLIER_XSD_DIR", str(tmp_path / "absent"))
    assert xsd_folder() == str(downloaded_profile)
    report_path = tmp_path / "rapport.json"
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "bornes", "memory")
    processing.run("geopublier:validatemetadata", {"INPUT": layer, "OUTPUT": str(report_path)})
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["schema"]["checked"] is True
    assert [i["params"] for i in report["issues"] if i["code"] == "xsd.not_found"] == [
        {"folder": str(tmp_path / "absent")}
    ]


def test_profile_folder_is_the_default_target() -> None:
    from plugin.qgis.destinations import profile_folder

    assert schemas.default_schema_root() == profile_folder() / "schemas"
    assert installed_schema_folder() is None  # the test profile starts without a copy
