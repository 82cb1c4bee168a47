"""The HTML publication report: what is where, the record in short, the quality, all escaped."""

from __future__ import annotations

from lxml import html

from plugin.core.model import BoundingBox, Record, ResponsibleParty
from plugin.core.publication_report import state_label, to_html

REPORT = {
    "ok": False,
    "started": "2026-12-02T14:05:09+01:00",
    "finished": "2026-12-02T14:05:31+01:00",
    "steps": [
        {
            "destination": "Géoportail <régional>",
            "role": "catalogue",
            "status": "done",
            "action": "updated",
            "url": "https://geo.exemple.fr/csw?id=a&b=c",
        },
        {
            "destination": "data.gouv.fr",
            "role": "portal",
            "status": "failed",
            "message_fr": "Le portail refuse la clé.",
            "message_en": "The portal refuses the key.",
        },
    ],
}


def record() -> Record:
    return Record(
        title="Arbres & haies « remarquables »",
        abstract="<script>alert(1)</script>",
        inspire_themes=["sd"],
        licence="lov2",
        responsible_parties=[ResponsibleParty(organisation="Commune de Saint-Exemple")],
        bboxes=[BoundingBox(-1.57, -1.53, 47.2, 47.23)],
        reference_systems=["EPSG:2154"],
    )


def test_report_says_what_is_published_where_in_french() -> None:
    page = html.fromstring(to_html(REPORT, record(), None, "fr"))
    text = page.text_content()
    assert "Publication du 02/12/2026 à 14:05" in text
    assert "Une partie n'a pas été publiée" in text
    rows = page.xpath("//table[1]//tr[td]")
    assert [r.xpath("string(td[1])") for r in rows] == ["Géoportail <régional>", "data.gouv.fr"]
    assert "mis à jour" in rows[0].xpath("string(td[3])")
    assert "échec" in rows[1].xpath("string(td[3])")
    assert "Le portail refuse la clé." in rows[1].xpath("string(td[3])")
    assert rows[0].xpath("td[4]/a/@href") == ["https://geo.exemple.fr/csw?id=a&b=c"]
    assert "Répartition des espèces" in text and "Licence Ouverte" in text
    assert "Aucun fichier n'a été exporté" in text


def test_every_value_is_escaped() -> None:
    source = to_html(REPORT, record(), None, "fr")
    assert "<script>" not in source and "&lt;script&gt;" in source
    assert "<régional>" not in source


def test_english_report_and_quality_section() -> None:
    quality = {
        "feature_count": 12,
        "issues": [{"level": "error", "message": "Column « courriel » looks like e-mails."}],
    }
    text = html.fromstring(to_html(dict(REPORT, ok=True), record(), quality, "en")).text_content()
    assert "Everything is published." in text and "Published on 2026-12-02 14:05" in text
    assert "12 feature(s) checked" in text and "looks like e-mails" in text
    assert state_label("done", "created", "en") == "created"
    assert state_label("withdrawn", "", "fr") == "retiré"


def test_a_republication_says_what_it_sent_again_or_kept() -> None:
    steps = [
        {
            "destination": "Portail",
            "role": "portal",
            "status": "done",
            "action": "updated",
            "details": {"resent": ["arrets.gpkg"]},
        },
        {
            "destination": "Carto",
            "role": "mapserver",
            "status": "done",
            "action": "updated",
            "details": {"data_kept": True},
        },
        {
            "destination": "Autre portail",
            "role": "portal",
            "status": "done",
            "action": "updated",
            "details": {"resent": []},
        },
    ]
    report = dict(REPORT, ok=True, steps=steps)
    rows = html.fromstring(to_html(report, record(), None, "fr")).xpath("//table[1]//tr[td]")
    cells = [r.xpath("string(td[3])") for r in rows]
    assert "Renvoyé (supprimé ou remplacé sur le portail" in cells[0] and "arrets.gpkg" in cells[0]
    assert "Données inchangées : le serveur garde celles qu'il sert" in cells[1]
    assert cells[2] == "mis à jour"
    text = html.fromstring(to_html(report, record(), None, "en")).text_content()
    assert "Sent again (deleted or replaced on the portal" in text and "Data unchanged" in text
