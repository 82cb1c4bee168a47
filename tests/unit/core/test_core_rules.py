"""INSPIRE rules: codes for what is missing or wrong, none for a complete record, plain messages."""

from __future__ import annotations

from plugin.core.messages import FIELD_LABELS, MESSAGES, field_label, has_message, message
from plugin.core.model import (
    BoundingBox,
    Conformity,
    Encoding,
    KeywordGroup,
    OnlineResource,
    Record,
    Resolution,
    ResponsibleParty,
    TemporalExtent,
)
from plugin.core.rules import ERROR, WARNING, errors, validate


def _codes(record: Record) -> set[str]:
    return {issue.code for issue in validate(record)}


def test_complete_record_has_no_issue(complete_record: Record) -> None:
    assert validate(complete_record) == []


def test_empty_record_lists_every_missing_requirement() -> None:
    codes = {i.code for i in errors(validate(Record()))}
    assert codes == {
        "title.missing",
        "abstract.missing",
        "identifier.missing",
        "metadata_contacts.missing",
        "responsible_parties.missing",
        "dates.missing",
        "theme.missing",
        "topic_category.missing",
        "conditions.missing",
        "bbox.missing",
        "lineage.missing",
        "crs.missing",
        "representation.missing",
        "encoding.missing",
    }


def test_each_issue_names_its_requirement_and_field() -> None:
    for issue in validate(Record()):
        assert issue.params["req"]
        assert issue.field in FIELD_LABELS
        assert issue.level in (ERROR, WARNING)


def test_wrong_values(complete_record: Record) -> None:
    record = complete_record
    record.metadata_language = "fra"
    record.resource_languages = ["fra"]
    record.inspire_themes = ["xx"]
    record.topic_categories = ["urbanisme"]
    record.access_limitations = ["noLimitations", "INSPIRE_Directive_Article13_1f", "secret"]
    record.bboxes = [BoundingBox(650000, 700000, 6800000, 6900000), BoundingBox(1, 2, 5, 4)]
    record.creation_date = "15/01/2025"
    record.metadata_date = "2024/07/01"
    record.resolutions = [Resolution(scale=0), Resolution(scale=5000, distance=1.0)]
    record.locators = [OnlineResource(url="HTTPS://Geo.Example.FR/wfs")]
    record.spatial_representation_type = "video"
    record.character_set = "UTF-8"
    record.licence = "beerware"
    record.metadata_contacts = [
        ResponsibleParty("Mairie", email="contact@mairie.fr", role="custodian")
    ]
    record.responsible_parties = [ResponsibleParty("", email="pas-un-mail", role="gestionnaire")]
    record.temporal_extent = TemporalExtent("2024-01-01", "2020-01-01")
    codes = _codes(record)
    assert {
        "metadata_language.invalid",
        "resource_language.invalid",
        "theme.unknown",
        "topic_category.invalid",
        "access.invalid",
        "access.contradictory",
        "bbox.out_of_range",
        "bbox.south_north",
        "date.invalid",
        "metadata_date.invalid",
        "resolution.invalid",
        "locator.url_invalid",
        "representation.invalid",
        "character_set.invalid",
        "licence.unknown",
        "metadata_contacts.point_of_contact_missing",
        "metadata_contacts.email_generic",
        "responsible_parties.organisation_missing",
        "responsible_parties.email_invalid",
        "responsible_parties.role_invalid",
        "temporal_extent.order",
    } <= codes
    suggestion = [i for i in validate(record) if i.code == "metadata_language.invalid"][0]
    assert suggestion.params["suggestion"] == "fre"


def test_conformity_rules(complete_record: Record) -> None:
    complete_record.conformities = [Conformity(degree=None)]
    assert _codes(complete_record) == {"conformity.not_evaluated"}
    complete_record.conformities = [
        Conformity(specification="R\u00e8glement n\u00b01089/2010", degree=True)
    ]
    assert "conformity.title_inexact" in _codes(complete_record)
    complete_record.conformities = [
        Conformity(specification="R\u00e8glement 1253/2013", degree=True)
    ]
    assert "conformity.regulation_missing" in _codes(complete_record)
    complete_record.conformities = []
    assert "conformity.missing" in _codes(complete_record)


def test_keyword_group_rules(complete_record: Record) -> None:
    complete_record.keyword_groups.append(
        KeywordGroup("GEMET - INSPIRE themes, version 1.0", "2008-06-01")
    )
    complete_record.keyword_groups.append(KeywordGroup("Sans date", ""))
    codes = _codes(complete_record)
    assert {"keyword_group.duplicate", "keyword_group.empty", "keyword_group.date_missing"} <= codes


def test_cnig_warnings_do_not_block(complete_record: Record) -> None:
    complete_record.title = "T" * 300
    complete_record.abstract = "Non renseign\u00e9"
    complete_record.free_keywords = []
    complete_record.identifier.namespace = "FR-123"
    complete_record.resolutions = []
    complete_record.locators = []
    complete_record.reference_systems = ["Lambert 93"]
    issues = validate(complete_record)
    assert errors(issues) == []
    assert {i.code for i in issues} == {
        "title.too_long",
        "abstract.placeholder",
        "free_keywords.open_data",
        "identifier.not_uri",
        "resolution.missing",
        "locator.missing",
        "crs.not_epsg",
    }


def test_conditions_without_licence_are_accepted(complete_record: Record) -> None:
    complete_record.licence = ""
    complete_record.use_conditions = "Usage interne uniquement."
    complete_record.free_keywords = ["urbanisme"]
    assert validate(complete_record) == []
    complete_record.licence = "conditionsUnknown"
    assert _codes(complete_record) == {"conditions.unknown"}


def test_every_produced_code_has_bilingual_messages(complete_record: Record) -> None:
    broken = Record(
        metadata_language="",
        resource_type="service",
        resource_languages=[],
        access_limitations=[],
        conformities=[Conformity(specification="", date="")],
        encodings=[Encoding("")],
        maintenance_frequency="sometimes",
        metadata_contacts=[ResponsibleParty("O")],
        file_identifier="",
        locators=[OnlineResource("ftp://x.fr/a", function="stream")],
        keyword_groups=[KeywordGroup("", "")],
    )
    for record in (Record(), broken, complete_record):
        for issue in validate(record):
            assert has_message(issue.code), issue.code
            french, english = message(issue, "fr"), message(issue, "en")
            assert french != english and "{" not in french and "{" not in english, issue.code
    for code, (french, english) in MESSAGES.items():
        assert french.strip() and english.strip(), code


def test_messages_read_naturally() -> None:
    issues = {i.code: i for i in validate(Record())}
    assert message(issues["theme.missing"]) == "Choisissez au moins un th\u00e8me INSPIRE."
    assert message(issues["theme.missing"], "en") == "Choose at least one INSPIRE theme."
    assert "organisme responsable" in message(issues["responsible_parties.missing"])
    assert field_label("inspire_themes") == "Th\u00e8mes INSPIRE"
    assert field_label("inspire_themes", "en") == "INSPIRE themes"


def test_a_network_is_asked_for_its_topological_consistency() -> None:
    from plugin.core.model import Record
    from plugin.core.rules import validate

    network = Record(geometry_type="curve", inspire_themes=["tn"])
    codes = {(i.code, i.level) for i in validate(network)}
    assert ("topology.missing", "warning") in codes
    network.topological_consistency = "Tronçons connectés à leurs extrémités, contrôlé en 2024."
    assert "topology.missing" not in {i.code for i in validate(network)}
    trees = Record(geometry_type="point", inspire_themes=["sd"])
    assert "topology.missing" not in {i.code for i in validate(trees)}
