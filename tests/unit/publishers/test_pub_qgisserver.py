"""QGIS Server publisher without QGIS: names, file layout, replacement and withdrawal.

The project writer is injected; here it writes small text files in place of the GeoPackage and
the project (the real writer is exercised against qgis_mapserver in tests/integration).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from plugin.core.model import BoundingBox, Keyword, KeywordGroup, Record, ResponsibleParty
from plugin.core.portal_payload import PortalOptions, udata_payload
from plugin.publishers.errors import PublishError, message
from plugin.publishers.mapserver import (
    ACCESS_POINT,
    PROTOCOL_WFS,
    PROTOCOL_WMS,
    VIEW_PROFILE,
    MapServerStep,
    layer_slug,
    service_layer,
)
from plugin.publishers.qgisserver import QgisServerPublisher


def fake_writer(folder: Path, layer, urls) -> list[Path]:
    """Writes what the real writer writes, as text: enough to check names and replacement."""
    data = folder / f"{layer.name}.gpkg"
    data.write_text(f"data of {layer.title}", encoding="utf-8")
    project = folder / f"{layer.name}.qgs"
    project.write_text(f"<qgis>{layer.title} {urls[0]}</qgis>", encoding="utf-8")
    return [data, project]


def publisher(folder: Path, **options) -> QgisServerPublisher:
    pub = QgisServerPublisher(
        "https://geo.example.fr/ows",
        requests.Session(),
        name="Serveur",
        options={"folder": str(folder), **options},
    )
    pub.project_writer = fake_writer
    return pub


def record(title: str = "Bornes de recharge électriques", uri: str = "urn:x:bornes") -> Record:
    rec = Record(title=title, abstract="Les bornes.", licence="lov2")
    rec.identifier.namespace, rec.identifier.code = uri.rsplit(":", 1)
    rec.responsible_parties = [
        ResponsibleParty(organisation="Commune de Saint-Exemple", email="sig@saint-exemple.fr")
    ]
    rec.keyword_groups = [KeywordGroup(keywords=[Keyword("mobilité")])]
    rec.bboxes = [BoundingBox(-1.6, -1.5, 47.2, 47.3)]
    rec.reference_systems = ["EPSG:2154"]
    return rec


def test_slugs_are_ascii_unique_and_start_with_a_letter() -> None:
    assert layer_slug("Bornes de recharge électriques") == "bornes_de_recharge_electriques"
    assert layer_slug("2024 : Haies") == "couche_2024_haies"
    assert layer_slug("Haies", taken=["haies", "haies_2"]) == "haies_3"
    assert len(layer_slug("é" * 10 + "a" * 100)) == 60


LONG_TITLE = (
    "Bornes de recharge pour véhicules électriques installées par la commune de Saint-Exemple"
)


def test_a_long_title_is_cut_between_two_words_as_portal_names_are() -> None:
    slug = layer_slug(LONG_TITLE)
    assert slug == "bornes_de_recharge_pour_vehicules_electriques_installees_par"
    assert len(slug) <= 60
    # The suffix that keeps it unique takes the room of whole words too.
    second = layer_slug(LONG_TITLE, taken=[slug])
    assert second == "bornes_de_recharge_pour_vehicules_electriques_installees_2"
    assert len(second) <= 60


def test_a_layer_published_under_an_older_slug_keeps_it(tmp_path: Path) -> None:
    """Published when slugs were cut mid-word: republishing, with the journal's name or without
    it (another machine, a fresh profile), updates that layer; no second layer appears."""
    old_name = "bornes_de_recharge_pour_vehicules_electriques_installees_par_l"
    pub = publisher(tmp_path)
    first = pub.publish_layer(service_layer(record(LONG_TITLE), old_name), remote_id=old_name)
    assert first.remote_id == old_name
    with_journal = pub.publish_layer(
        service_layer(record(LONG_TITLE), layer_slug(LONG_TITLE)), remote_id=old_name
    )
    without_journal = pub.publish_layer(service_layer(record(LONG_TITLE), layer_slug(LONG_TITLE)))
    assert with_journal.remote_id == without_journal.remote_id == old_name
    assert without_journal.action == "updated"
    assert pub.published_names() == {old_name}
    # Another record with the same title still gets a name of its own.
    other = pub.publish_layer(
        service_layer(record(LONG_TITLE, "urn:x:autres"), layer_slug(LONG_TITLE))
    )
    assert other.remote_id == layer_slug(LONG_TITLE)
    assert pub.published_names() == {old_name, other.remote_id}


def test_service_metadata_comes_from_the_record() -> None:
    layer = service_layer(record(), "bornes", "https://cat.example.fr/fiche/1")
    assert layer.title == "Bornes de recharge électriques"
    assert layer.contact.organisation == "Commune de Saint-Exemple"
    assert layer.contact.email == "sig@saint-exemple.fr"
    assert "mobilité" in layer.keywords
    assert "Licence Ouverte" in layer.fees
    assert layer.crs[0] == "EPSG:2154" and "EPSG:4326" in layer.crs
    assert layer.access_constraints and layer.metadata_url.endswith("/fiche/1")


def test_publish_writes_one_layer_and_returns_inspire_links(tmp_path: Path) -> None:
    pub = publisher(tmp_path)
    result = pub.publish_layer(service_layer(record(), layer_slug(record().title)))
    name = result.remote_id
    assert result.action == "created" and name == "bornes_de_recharge_electriques"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{name}.geopublier.json",
        f"{name}.gpkg",
        f"{name}.qgs",
    ]
    wms, wfs = result.details["online_resources"]
    assert wms["url"] == (
        f"https://geo.example.fr/ows?MAP={tmp_path}/{name}.qgs&SERVICE=WMS&REQUEST=GetCapabilities"
    )
    assert (wms["protocol"], wms["application_profile"]) == (PROTOCOL_WMS, VIEW_PROFILE)
    assert wfs["protocol"] == PROTOCOL_WFS and wfs["function"] == "download"
    assert wms["name"] == name and wms["description"] == ACCESS_POINT
    assert pub.find(name)["resource_id"] == record().identifier.uri


def test_republish_replaces_this_layer_only_and_withdraw_removes_it(tmp_path: Path) -> None:
    pub = publisher(tmp_path, url_template="https://geo.example.fr/ows/{name}")
    first = pub.publish_layer(service_layer(record(), "bornes"))
    other = pub.publish_layer(service_layer(record("Haies", "urn:x:haies"), "haies"))
    other_files = {
        p.name: p.read_text(encoding="utf-8")
        for p in tmp_path.iterdir()
        if p.name.startswith("haies.")
    }
    (tmp_path / "bornes.qgs.cfg").write_text("{}", encoding="utf-8")  # left by an older run
    again = pub.publish_layer(
        service_layer(record("Bornes (v2)"), "bornes"), remote_id=first.remote_id
    )
    assert again.action == "updated" and again.remote_id == "bornes"
    assert "Bornes (v2)" in (tmp_path / "bornes.qgs").read_text(encoding="utf-8")
    assert not (tmp_path / "bornes.qgs.cfg").exists()
    assert again.details["wms_url"].startswith("https://geo.example.fr/ows/bornes?SERVICE=WMS")
    assert {
        p.name: p.read_text(encoding="utf-8")
        for p in tmp_path.iterdir()
        if p.name.startswith("haies.")
    } == other_files
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".geopublier-staging")]

    pub.delete("bornes")
    assert sorted(p.name.split(".")[0] for p in tmp_path.iterdir()) == ["haies"] * 3
    with pytest.raises(PublishError) as error:
        pub.delete("bornes")
    assert error.value.code == "not_found"
    assert other.remote_id == "haies"


def test_a_name_used_by_another_record_is_not_taken_over(tmp_path: Path) -> None:
    pub = publisher(tmp_path)
    pub.publish_layer(service_layer(record(uri="urn:x:a"), "bornes"))
    second = pub.publish_layer(service_layer(record(uri="urn:x:b"), "bornes"))
    assert second.remote_id == "bornes_2"
    same = pub.publish_layer(service_layer(record(uri="urn:x:a"), "bornes"))
    assert same.remote_id == "bornes" and same.action == "updated"


def test_a_failing_writer_leaves_the_published_files_untouched(tmp_path: Path) -> None:
    pub = publisher(tmp_path)
    pub.publish_layer(service_layer(record(), "bornes"))
    before = (tmp_path / "bornes.qgs").read_text(encoding="utf-8")

    def broken(folder: Path, layer, urls) -> list[Path]:
        (folder / f"{layer.name}.gpkg").write_text("half", encoding="utf-8")
        raise PublishError("mapserver_write_failed", {"layer": layer.title, "detail": "disk"})

    pub.project_writer = broken
    with pytest.raises(PublishError):
        pub.publish_layer(service_layer(record(), "bornes"), remote_id="bornes")
    assert (tmp_path / "bornes.qgs").read_text(encoding="utf-8") == before
    assert (tmp_path / "bornes.gpkg").read_text(encoding="utf-8").startswith("data of")


def test_missing_folder_is_a_clear_french_error(tmp_path: Path) -> None:
    pub = publisher(tmp_path / "absent")
    with pytest.raises(PublishError) as error:
        pub.publish_layer(service_layer(record(), "bornes"))
    text = message(error.value, "fr")
    assert "absent" in text and "n'existe pas" in text and "Serveur" in text


def test_map_services_reach_the_portal_in_both_modes(tmp_path: Path) -> None:
    pub = publisher(tmp_path)
    step = MapServerStep(pub, lambda url: service_layer(record(), "bornes", url))
    context: dict = {"catalogue_record_url": "https://cat.example.fr/fiche/1"}
    result, _ = step.run(None, context)
    services = tuple(context["map_services"])
    assert [s.protocol for s in services] == [PROTOCOL_WMS, PROTOCOL_WFS]
    for mode in ("upload", "reference"):
        options = PortalOptions(mode=mode, map_services=services)
        remote = udata_payload(record(), options)["remote_resources"]
        wms = [r for r in remote if r["format"] == "wms"]
        assert [r["url"] for r in wms] == [result.details["wms_url"]]
        assert wms[0]["title"] == "Carte en ligne (WMS) — couche bornes"
        assert any(r["format"] == "wfs" for r in remote)


def test_the_report_shows_wms_wfs_and_what_sld_cannot_say(tmp_path: Path) -> None:
    from plugin.core.publication_report import to_html
    from plugin.publishers.pipeline import PublicationReport, StepOutcome

    result = publisher(tmp_path).publish_layer(service_layer(record(), "bornes"))
    details = dict(result.details, style_limits=["labels:background", "effects"])
    step = StepOutcome(
        "Serveur", "mapserver", "done", "created", "bornes", result.url, details=details
    )
    report = PublicationReport("urn:x", "Bornes", "2026-12-06T10:00:00+00:00", steps=[step])
    html = to_html(report.to_dict(), record(), None, "fr")
    assert f'WMS : <a href="{details["wms_url"].replace("&", "&amp;")}">' in html
    assert f'WFS : <a href="{details["wfs_url"].replace("&", "&amp;")}">' in html
    assert "ne peut pas rendre : des étiquettes : fond ; les effets de dessin" in html
