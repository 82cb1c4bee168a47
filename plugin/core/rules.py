"""INSPIRE rules: `validate(record)` lists what the INSPIRE validator (TG 2.x, ETS Metadata 2.0)
would reject (errors) and what the French CNIG guide advises against (warnings).

Each issue has a stable code; `messages.message(issue)` turns it into a French or English sentence.
The codes name the requirement in their params ("req": "C.8") so reports can cite it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Callable

from . import codelists, isodates
from .issues import ERROR, WARNING, Issue
from .model import REG_1089_TITLE_EN, REG_1089_TITLE_FR, Record, ResponsibleParty, epsg_code

__all__ = ["Issue", "validate", "errors", "ERROR", "WARNING"]

ISO_ROLES = (
    "resourceProvider",
    "custodian",
    "owner",
    "user",
    "distributor",
    "originator",
    "pointOfContact",
    "principalInvestigator",
    "processor",
    "publisher",
    "author",
)
CHARACTER_SETS = (
    "ucs2",
    "ucs4",
    "utf7",
    "utf8",
    "utf16",
    "usAscii",
    "ebcdic",
    "eucKR",
    "eucJP",
    "GB2312",
    "big5",
    "jis",
    "shiftJIS",
) + tuple(f"8859part{n}" for n in range(1, 17))
ONLINE_FUNCTIONS = ("download", "information", "offlineAccess", "order", "search")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^(https?|ftp)://[a-z0-9.-]+\.[a-z]{2,}(:\d+)?([/?#]\S*)?$")
_LANGUAGE = re.compile(r"^[a-z]{3}$")
_T_CODES = {
    "fra": "fre",
    "deu": "ger",
    "ces": "cze",
    "nld": "dut",
    "ell": "gre",
    "ron": "rum",
    "slk": "slo",
    "isl": "ice",
    "eus": "baq",
}
# Languages GeoNetwork's INSPIRE rules accept (M49 metadata, M55 resource: at least one).
GEONETWORK_LANGUAGES = (
    "eng fre ger spa dut ita cze lav dan lit mlt pol est por fin rum slo slv gre bul hun swe gle"
).split()
_GENERIC_MAILBOXES = ("contact", "info", "infos", "accueil", "mairie", "webmaster", "admin")
_PLACEHOLDERS = (
    "non renseigné",
    "non renseigne",
    "à compléter",
    "a completer",
    "à renseigner",
    "todo",
    "xxx",
    "résumé",
    "abstract",
    "test",
    "sans objet",
    "n/a",
    "-",
)
TITLE_MAX = 250
ABSTRACT_MIN = 30


def validate(record: Record) -> list[Issue]:
    """Return every unmet INSPIRE requirement (error) and CNIG recommendation (warning).

    A record with a source document is also judged as the document it is written as (what the
    form does not show still goes to the catalogue).
    """
    issues: list[Issue] = []
    for check in _CHECKS:
        check(record, issues)
    if record.source_document:
        issues.extend(_document_issues(record))
    return issues


# Fields typed key by key whose text cannot change what `check_document` finds: the written
# document is checked again only when something else changes (the checklist runs per keystroke).
_TYPED_FIELDS = ("title", "abstract", "lineage", "use_conditions", "metadata_date")
_DOCUMENT_CACHE: dict[str, list[Issue]] = {}


def _document_issues(record: Record) -> list[Issue]:
    """`check_document` of the record as written, cached on what can change its outcome."""
    from .document_rules import check_document  # the writer is only needed for imports
    from .iso19139_writer import write

    data = record.to_dict()
    for name in _TYPED_FIELDS:
        data.pop(name, None)
    key = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    if key not in _DOCUMENT_CACHE:
        if len(_DOCUMENT_CACHE) > 16:
            _DOCUMENT_CACHE.clear()
        _DOCUMENT_CACHE[key] = check_document(write(record))
    return list(_DOCUMENT_CACHE[key])


def errors(issues: list[Issue]) -> list[Issue]:
    """Return only the blocking issues."""
    return [issue for issue in issues if issue.level == ERROR]


def _add(
    issues: list[Issue], code: str, field: str, req: str, level: str = ERROR, **params: object
) -> None:
    """Append an issue whose params always name the requirement."""
    issues.append(Issue(code, field, level, {"req": req, **params}))


def _check_texts(record: Record, issues: list[Issue]) -> None:
    """C.8, C.9 and the CNIG advice on titles and abstracts."""
    title, abstract = record.title.strip(), record.abstract.strip()
    if not title:
        _add(issues, "title.missing", "title", "C.8")
    elif len(title) > TITLE_MAX:
        _add(issues, "title.too_long", "title", "CNIG", WARNING, length=len(title), max=TITLE_MAX)
    if not abstract:
        _add(issues, "abstract.missing", "abstract", "C.9")
    elif abstract.casefold().strip(" .") in _PLACEHOLDERS or abstract == title:
        _add(issues, "abstract.placeholder", "abstract", "CNIG", WARNING)
    elif len(abstract) < ABSTRACT_MIN:
        _add(issues, "abstract.too_short", "abstract", "CNIG", WARNING, min=ABSTRACT_MIN)


def _check_metadata(record: Record, issues: list[Issue]) -> None:
    """C.5 metadata language, C.7 metadata date, 1.1 resource type."""
    language = codelists.get("languages", record.metadata_language)
    if not record.metadata_language:
        _add(issues, "metadata_language.missing", "metadata_language", "C.5")
    elif language is None or not language.get("metadata"):
        _add(
            issues,
            "metadata_language.invalid",
            "metadata_language",
            "C.5",
            value=record.metadata_language,
            suggestion=_T_CODES.get(record.metadata_language, ""),
        )
    elif record.metadata_language not in GEONETWORK_LANGUAGES:
        _add(
            issues,
            "metadata_language.geonetwork",
            "metadata_language",
            "GN M49",
            value=record.metadata_language,
        )
    if not record.metadata_date:
        _add(issues, "metadata_date.missing", "metadata_date", "C.7")
    elif not isodates.is_iso(record.metadata_date):
        _add(issues, "metadata_date.invalid", "metadata_date", "C.7", value=record.metadata_date)
    if record.resource_type not in ("dataset", "series"):
        _add(issues, "resource_type.invalid", "resource_type", "1.1", value=record.resource_type)


def _check_parties(
    parties: list[ResponsibleParty], field: str, req: str, issues: list[Issue]
) -> None:
    """C.6 / C.10: organisation, e-mail and ISO role for each party; CNIG mailbox advice."""
    if not parties:
        _add(issues, f"{field}.missing", field, req)
        return
    for index, party in enumerate(parties, start=1):
        if not party.organisation.strip():
            _add(issues, f"{field}.organisation_missing", field, req, index=index)
        if not party.email.strip():
            _add(issues, f"{field}.email_missing", field, req, index=index)
        elif not _EMAIL.match(party.email.strip()):
            _add(issues, f"{field}.email_invalid", field, req, index=index, value=party.email)
        elif party.email.split("@")[0].casefold() in _GENERIC_MAILBOXES:
            _add(
                issues,
                f"{field}.email_generic",
                field,
                "CNIG",
                WARNING,
                index=index,
                value=party.email,
            )
        if party.role not in ISO_ROLES:
            _add(issues, f"{field}.role_invalid", field, req, index=index, value=party.role)


def _check_contacts(record: Record, issues: list[Issue]) -> None:
    """C.6 metadata point of contact (one must have the role pointOfContact) and C.10."""
    _check_parties(record.metadata_contacts, "metadata_contacts", "C.6", issues)
    roles = [p.role for p in record.metadata_contacts]
    if record.metadata_contacts and "pointOfContact" not in roles:
        _add(issues, "metadata_contacts.point_of_contact_missing", "metadata_contacts", "C.6")
    _check_parties(record.responsible_parties, "responsible_parties", "C.10", issues)


def _check_dates(record: Record, issues: list[Issue]) -> None:
    """C.11 temporal reference (valid creation/publication/revision dates) and C.14."""
    dates = {
        "creation_date": record.creation_date,
        "publication_date": record.publication_date,
        "revision_date": record.revision_date,
    }
    if not any(value.strip() for value in dates.values()):
        _add(issues, "dates.missing", "creation_date", "C.11")
    for name, value in dates.items():
        if value and not isodates.is_iso(value):
            _add(issues, "date.invalid", name, "C.11", value=value)
    created, revised = record.creation_date, record.revision_date
    if (
        isodates.is_iso(created)
        and isodates.is_iso(revised)
        and (isodates.sort_key(revised) < isodates.sort_key(created))
    ):
        _add(issues, "dates.revision_before_creation", "revision_date", "CNIG", WARNING)
    period = record.temporal_extent
    if period is None or not (period.start.strip() or period.end.strip()):
        # Open data portals score a dataset without a period covered as incomplete.
        _add(issues, "temporal_extent.missing", "temporal_extent", "portal", WARNING)
        return
    for name, value in (("start", period.start), ("end", period.end)):
        if value and value != "now" and not isodates.is_iso(value):
            _add(
                issues, "temporal_extent.invalid", "temporal_extent", "C.14", side=name, value=value
            )
    if (
        isodates.is_iso(period.start)
        and isodates.is_iso(period.end)
        and (isodates.sort_key(period.end) < isodates.sort_key(period.start))
    ):
        _add(issues, "temporal_extent.order", "temporal_extent", "C.14")


def _check_keywords(record: Record, issues: list[Issue]) -> None:
    """1.4 INSPIRE theme, 1.7 topic category, C.15 thesaurus citation, C.16 one block each."""
    if not record.inspire_themes:
        _add(issues, "theme.missing", "inspire_themes", "1.4")
    for code in record.inspire_themes:
        if codelists.get("inspire_themes", code) is None:
            _add(issues, "theme.unknown", "inspire_themes", "1.4", value=code)
    if not record.topic_categories:
        _add(issues, "topic_category.missing", "topic_categories", "1.7")
    for code in record.topic_categories:
        if codelists.get("topic_categories", code) is None:
            _add(issues, "topic_category.invalid", "topic_categories", "1.7", value=code)
    titles = [codelists.gemet_thesaurus()["title"]] if record.inspire_themes else []
    for index, group in enumerate(record.keyword_groups, start=1):
        title = group.thesaurus_title.strip()
        if not group.keywords:
            _add(issues, "keyword_group.empty", "keyword_groups", "C.15", index=index)
        if not title:
            _add(issues, "keyword_group.title_missing", "keyword_groups", "C.15", index=index)
        if not isodates.is_iso(group.thesaurus_date) or group.thesaurus_date_type not in (
            "publication",
            "revision",
            "creation",
        ):
            _add(
                issues,
                "keyword_group.date_missing",
                "keyword_groups",
                "C.15",
                index=index,
                thesaurus=title,
            )
        if title and title in titles:
            _add(issues, "keyword_group.duplicate", "keyword_groups", "C.16", thesaurus=title)
        titles.append(title)
    if _is_open(record.licence) and not any(
        k.casefold() == "données ouvertes" for k in record.free_keywords
    ):
        _add(issues, "free_keywords.open_data", "free_keywords", "CNIG", WARNING)


def _is_open(licence_id: str) -> bool:
    """True when `licence_id` is an open licence of the code list."""
    entry = codelists.get("licences", licence_id)
    return bool(entry and entry.get("open"))


def _check_constraints(record: Record, issues: list[Issue]) -> None:
    """C.17 limitations on public access, C.18 conditions for access and use."""
    limits = record.access_limitations
    if not limits:
        _add(issues, "access.missing", "access_limitations", "C.17")
    for code in limits:
        if codelists.get("limitations_on_public_access", code) is None:
            _add(issues, "access.invalid", "access_limitations", "C.17", value=code)
    if "noLimitations" in limits and len(limits) > 1:
        _add(issues, "access.contradictory", "access_limitations", "C.17")
    if not record.licence.strip() and not record.use_conditions.strip():
        _add(issues, "conditions.missing", "licence", "C.18")
    elif record.licence and codelists.get("licences", record.licence) is None:
        if codelists.get("conditions_access_use", record.licence) is None:
            _add(issues, "licence.unknown", "licence", "C.18", value=record.licence)
        elif record.licence == "conditionsUnknown":
            _add(issues, "conditions.unknown", "licence", "CNIG", WARNING)


def _check_extent(record: Record, issues: list[Issue]) -> None:
    """C.19 geographic bounding box in WGS84 degrees."""
    if not record.bboxes:
        _add(issues, "bbox.missing", "bboxes", "C.19")
    for index, box in enumerate(record.bboxes, start=1):
        values = (box.west, box.east, box.south, box.north)
        if not all(math.isfinite(v) for v in values) or not (
            -180 <= box.west <= 180
            and -180 <= box.east <= 180
            and -90 <= box.south <= 90
            and -90 <= box.north <= 90
        ):
            _add(issues, "bbox.out_of_range", "bboxes", "C.19", index=index)
        elif box.south > box.north:
            _add(issues, "bbox.south_north", "bboxes", "C.19", index=index)
        elif box.west > box.east:
            _add(issues, "bbox.west_east", "bboxes", "C.19", WARNING, index=index)


def _check_quality(record: Record, issues: list[Issue]) -> None:
    """C.20-C.22 and 1.10 conformity to Reg. 1089/2010, 1.11 lineage, 1.5 resolution."""
    if not record.lineage.strip():
        _add(issues, "lineage.missing", "lineage", "1.11")
    reg = [c for c in record.conformities if "1089/2010" in c.specification]
    if not record.conformities:
        _add(issues, "conformity.missing", "conformities", "C.20")
    elif not reg:
        _add(issues, "conformity.regulation_missing", "conformities", "1.10")
    for index, conformity in enumerate(record.conformities, start=1):
        if not conformity.specification.strip():
            _add(issues, "conformity.title_missing", "conformities", "C.21", index=index)
        if not isodates.is_iso(conformity.date) or conformity.date_type not in (
            "publication",
            "creation",
            "revision",
        ):
            _add(issues, "conformity.date_missing", "conformities", "C.21", index=index)
    for conformity in reg:
        if _normalise(conformity.specification) not in _OFFICIAL_TITLES:
            _add(issues, "conformity.title_inexact", "conformities", "1.10")
        if conformity.degree is None:
            _add(issues, "conformity.not_evaluated", "conformities", "CNIG", WARNING)
    if not record.resolutions:
        _add(issues, "resolution.missing", "resolutions", "1.5", WARNING)
    for index, res in enumerate(record.resolutions, start=1):
        scale_ok = res.scale is not None and res.scale > 0
        distance_ok = res.distance is not None and math.isfinite(res.distance) and res.distance > 0
        if scale_ok == distance_ok or (res.distance is not None and not res.uom.strip()):
            _add(issues, "resolution.invalid", "resolutions", "1.5", index=index)


NETWORK_THEMES = ("tn", "hy", "us")  # themes whose data sets are often networks (GNM)


def _check_topology(record: Record, issues: list[Issue]) -> None:
    """2.8: a network (lines of a network theme) should describe its topological consistency."""
    network = record.geometry_type == "curve" and any(
        theme in NETWORK_THEMES for theme in record.inspire_themes
    )
    if network and not record.topological_consistency.strip():
        _add(issues, "topology.missing", "topological_consistency", "2.8", WARNING)


def _normalise(title: str) -> str:
    """Lower-case and collapse spaces, as the validator compares regulation titles."""
    return " ".join(title.split()).casefold()


def _check_technical(record: Record, issues: list[Issue]) -> None:
    """1.6 resource language, 1.8 locators, 2.1/2.2 CRS, 2.4-2.6 representation and encodings."""
    if not record.resource_languages:
        _add(issues, "resource_language.missing", "resource_languages", "1.6")
    for code in record.resource_languages:
        if not _LANGUAGE.match(code) or code in _T_CODES:
            _add(
                issues,
                "resource_language.invalid",
                "resource_languages",
                "1.6",
                value=code,
                suggestion=_T_CODES.get(code, ""),
            )
    languages = record.resource_languages
    if languages and not any(code in GEONETWORK_LANGUAGES for code in languages):
        _add(
            issues,
            "resource_language.geonetwork",
            "resource_languages",
            "GN M55",
            value=", ".join(languages),
        )
    if not record.locators:
        _add(issues, "locator.missing", "locators", "1.8", WARNING)
    for index, locator in enumerate(record.locators, start=1):
        if not _URL.match(locator.url.strip()):
            _add(issues, "locator.url_invalid", "locators", "1.8", index=index, value=locator.url)
        if locator.function and locator.function not in ONLINE_FUNCTIONS:
            _add(
                issues,
                "locator.function_invalid",
                "locators",
                "C.3",
                index=index,
                value=locator.function,
            )
    if not record.reference_systems:
        _add(issues, "crs.missing", "reference_systems", "2.1")
    for crs in record.reference_systems:
        number = epsg_code(crs)
        if number is None and not crs.strip():
            _add(issues, "crs.missing", "reference_systems", "2.1")
        elif number is None:
            _add(issues, "crs.not_epsg", "reference_systems", "CNIG", WARNING, value=crs)
    srt = codelists.get("spatial_representation_types", record.spatial_representation_type)
    if not record.spatial_representation_type:
        _add(issues, "representation.missing", "spatial_representation_type", "2.4")
    elif srt is None or not srt.get("inspire"):
        _add(
            issues,
            "representation.invalid",
            "spatial_representation_type",
            "2.4",
            value=record.spatial_representation_type,
        )
    if record.character_set and record.character_set not in CHARACTER_SETS:
        _add(issues, "character_set.invalid", "character_set", "2.5", value=record.character_set)
    if not record.encodings:
        _add(issues, "encoding.missing", "encodings", "2.6")
    for index, encoding in enumerate(record.encodings, start=1):
        if not encoding.name.strip():
            _add(issues, "encoding.name_missing", "encodings", "2.6", index=index)
    frequency = record.maintenance_frequency
    if frequency in ("", "unknown"):
        _add(issues, "maintenance_frequency.missing", "maintenance_frequency", "portal", WARNING)
    elif codelists.get("maintenance_frequencies", frequency) is None:
        _add(
            issues, "maintenance_frequency.invalid", "maintenance_frequency", "C.3", value=frequency
        )


def _check_identifier(record: Record, issues: list[Issue]) -> None:
    """1.3 unique resource identifier; CNIG: a URI in the producer's namespace."""
    if not record.identifier.code.strip():
        _add(issues, "identifier.missing", "identifier", "1.3")
    elif not record.identifier.uri.startswith(("http://", "https://")):
        _add(issues, "identifier.not_uri", "identifier", "CNIG", WARNING)
    if not record.file_identifier.strip():
        _add(issues, "file_identifier.missing", "file_identifier", "C.1")


_OFFICIAL_TITLES = {_normalise(REG_1089_TITLE_FR), _normalise(REG_1089_TITLE_EN)}
_CHECKS: tuple[Callable[[Record, list[Issue]], None], ...] = (
    _check_texts,
    _check_metadata,
    _check_identifier,
    _check_contacts,
    _check_dates,
    _check_keywords,
    _check_constraints,
    _check_extent,
    _check_quality,
    _check_topology,
    _check_technical,
)
