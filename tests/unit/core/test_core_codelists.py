"""Code lists: completeness and byte-exact INSPIRE labels (the validator compares them exactly)."""

from __future__ import annotations

import pytest

from plugin.core import codelists


def test_34_inspire_themes_with_register_uris() -> None:
    themes = codelists.values("inspire_themes")
    assert len(themes) == 34
    assert len({t["code"] for t in themes}) == 34
    for theme in themes:
        assert theme["uri"] == f"http://inspire.ec.europa.eu/theme/{theme['code']}"
        assert theme["fr"] == theme["fr"].strip() and theme["en"] == theme["en"].strip()


def test_trap_labels_are_byte_exact() -> None:
    assert codelists.label("inspire_themes", "pd", "fr") == (
        "R\u00e9partition de la population \u2014 d\u00e9mographie"
    )
    assert codelists.label("inspire_themes", "pd", "en") == (
        "Population distribution \u2014 demography"
    )
    assert codelists.label("inspire_themes", "us", "fr") == (
        "Services d\u0027utilit\u00e9 publique et services publics"
    )
    assert codelists.label("inspire_themes", "er", "fr") == "Sources d\u0027\u00e9nergie"
    assert codelists.label("inspire_themes", "am", "fr") == (
        "Zones de gestion, de restriction ou de r\u00e9glementation "
        "et unit\u00e9s de d\u00e9claration"
    )
    assert codelists.label("inspire_themes", "ad", "fr") == "Adresses"


def test_theme_topic_categories_exist() -> None:
    categories = set(codelists.codes("topic_categories"))
    assert len(categories) == 19
    for theme in codelists.values("inspire_themes"):
        assert theme["topic_category"] == "" or theme["topic_category"] in categories


def test_gemet_thesaurus_citation() -> None:
    assert codelists.gemet_thesaurus()["title"] == "GEMET - INSPIRE themes, version 1.0"
    assert codelists.gemet_thesaurus()["date"] == "2008-06-01"


def test_limitations_use_http_registry_uris() -> None:
    values = codelists.values("limitations_on_public_access")
    assert [v["code"] for v in values] == ["noLimitations"] + [
        f"INSPIRE_Directive_Article13_1{x}" for x in "abcdefgh"
    ]
    for value in values:
        assert value["uri"].startswith(
            "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/"
        )
        assert value["fr"] and value["en"]
    assert (
        codelists.get("limitations_on_public_access", "INSPIRE_Directive_Article13_1f")["article"]
        == "L124-4-I-1"
    )
    assert set(codelists.codes("conditions_access_use")) == {
        "noConditionsApply",
        "conditionsUnknown",
    }


def test_licences_carry_portal_ids() -> None:
    udata = {v["id"]: v["udata"] for v in codelists.values("licences")}
    assert udata["lov2"] == "lov2" and udata["fr-lo"] == "fr-lo"
    assert udata["odc-odbl"] == "odc-odbl" and udata["cc-by"] == "cc-by"
    assert codelists.get("licences", "odc-odbl")["ckan"] == "odc-odbl"
    assert codelists.licence_by_url("http://opendatacommons.org/licenses/odbl/1-0") == "odc-odbl"
    assert codelists.licence_by_title("licence ouverte / open licence version 2.0") == "lov2"


def test_frequencies_map_to_udata_and_eu_vocabulary() -> None:
    annual = codelists.get("maintenance_frequencies", "annually")
    assert annual["udata"] == "annual"
    assert annual["eu_uri"] == "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
    assert len(codelists.values("maintenance_frequencies")) == 12


def test_french_crs_list() -> None:
    codes = set(codelists.codes("crs"))
    assert {2154, 4326, 3857, 4171, 5490, 2972, 2975, 4471, 4467} <= codes
    assert set(range(3942, 3951)) <= codes
    assert codelists.label("crs", 2154) == "RGF93 v1 / Lambert-93"


def test_every_entry_is_bilingual() -> None:
    for name in codelists.CODELIST_NAMES:
        if name == "crs":
            continue
        for entry in codelists.values(name):
            assert entry["fr"] and entry["en"], (name, entry)


def test_unknown_codes_fall_back_to_the_code() -> None:
    assert codelists.label("roles", "nope") == "nope"
    assert codelists.label("roles", "custodian") == "Gestionnaire"
    assert codelists.label("roles", "custodian", "en") == "Custodian"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("fre", "fre"),
        ("fra", "fre"),
        ("fr", "fre"),
        ("FR", "fre"),
        ("fr_FR", "fre"),
        ("fr-FR", "fre"),
        ("French", "fre"),
        ("français", "fre"),
        ("  Français ", "fre"),
        ("de", "ger"),
        ("deu", "ger"),
        ("Dutch; Flemish", "dut"),
        ("en", "eng"),
        ("eus", "baq"),
        ("zxx", "zxx"),
    ],
)
def test_language_code_gives_the_inspire_b_code(text: str, code: str) -> None:
    assert codelists.language_code(text) == code


@pytest.mark.parametrize("text", ["", "klingon", "xx", "f"])
def test_unknown_language_has_no_code(text: str) -> None:
    assert codelists.language_code(text) is None
