"""The Describe form, declared once: each record field with its section, label, tooltip, editor
and whether INSPIRE requires it. The form, the loading, the saving and the checklist's
"click to go to the field" all come from this table (the idea of Lizmap's `definitions/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from qgis.PyQt.QtCore import QCoreApplication

from .editors import (
    LICENCES_FIRST,
    BoundingBoxEditor,
    CheckListEditor,
    ChoiceEditor,
    ConformityEditor,
    CrsEditor,
    DateEditor,
    Editor,
    EncodingEditor,
    IdentifierEditor,
    KeywordsEditor,
    LineEditor,
    LocatorEditor,
    PartyEditor,
    ResolutionEditor,
    TemporalEditor,
    TextEditor,
    codelist_items,
)

SECTIONS = (
    "identification",
    "keywords",
    "contacts",
    "constraints",
    "quality",
    "dates",
    "technical",
)


def tr(text: str) -> str:
    """Translate a string of the form table (context "@default", as pylupdate5 gives it)."""
    return QCoreApplication.translate("@default", text)


@dataclass(frozen=True)
class FieldDef:
    """One row of the Describe form."""

    key: str
    section: str
    label: str
    tooltip: str
    make: Callable[[str, str], Editor]  # (key, language) -> editor
    mandatory: bool = True
    answers: tuple[str, ...] = ()  # other rule fields this row lets the user fix

    @property
    def issue_fields(self) -> tuple[str, ...]:
        """Rule `Issue.field` values that point to this row."""
        return (self.key,) + self.answers


def section_titles() -> dict[str, str]:
    """Titles of the form's sections, in the UI language."""
    return {
        "identification": tr("What the data is"),
        "keywords": tr("Themes and keywords"),
        "contacts": tr("Who is responsible"),
        "constraints": tr("Licence and access"),
        "quality": tr("Quality and history"),
        "dates": tr("Dates and updates"),
        "technical": tr("Technical description"),
    }


def definitions() -> list[FieldDef]:
    """Every editable field, in form order (labels and tooltips translated now, not at import)."""
    return [
        FieldDef(
            "title",
            "identification",
            tr("Title"),
            tr("A precise title: the subject and the area, e.g. “Bike paths of Saint-Exemple”."),
            lambda k, lang: LineEditor(k, lang, tr("Subject + area")),
        ),
        FieldDef(
            "abstract",
            "identification",
            tr("Abstract"),
            tr("What the data contains, where, when, how it was made and what it is for."),
            lambda k, lang: TextEditor(k, lang, tr("Describe the content of the data")),
        ),
        FieldDef(
            "inspire_themes",
            "keywords",
            tr("INSPIRE themes"),
            tr("The INSPIRE theme(s) of the data (GEMET thesaurus): at least one is required."),
            lambda k, lang: CheckListEditor(
                k, lang, codelist_items("inspire_themes", lang), tr("Search a theme…")
            ),
            answers=("keyword_groups",),
        ),
        FieldDef(
            "topic_categories",
            "keywords",
            tr("Topic categories"),
            tr("The ISO 19115 topic category(ies) of the data: at least one is required."),
            lambda k, lang: CheckListEditor(
                k, lang, codelist_items("topic_categories", lang), tr("Search a category…")
            ),
        ),
        FieldDef(
            "free_keywords",
            "keywords",
            tr("Keywords"),
            tr("Free keywords separated by commas, e.g. “données ouvertes, vélo”."),
            lambda k, lang: KeywordsEditor(k, lang, tr("keyword 1, keyword 2")),
            mandatory=False,
        ),
        FieldDef(
            "responsible_parties",
            "contacts",
            tr("Responsible organisation"),
            tr("The organisation responsible for the data, a functional e-mail and its role."),
            lambda k, lang: PartyEditor(k, lang, (tr("Organisation"), tr("E-mail"), tr("Role"))),
        ),
        FieldDef(
            "metadata_contacts",
            "contacts",
            tr("Metadata contact"),
            tr("Who keeps this record up to date (point of contact)."),
            lambda k, lang: PartyEditor(
                k, lang, (tr("Organisation"), tr("E-mail"), ""), fixed_role="pointOfContact"
            ),
        ),
        FieldDef(
            "licence",
            "constraints",
            tr("Licence"),
            tr("The licence that applies to reuse. Licence Ouverte 2.0 or ODbL for open data."),
            lambda k, lang: ChoiceEditor(
                k,
                lang,
                codelist_items("licences", lang, LICENCES_FIRST)
                + codelist_items("conditions_access_use", lang),
                tr("(choose a licence)"),
            ),
        ),
        FieldDef(
            "use_conditions",
            "constraints",
            tr("Other conditions of use"),
            tr("Optional: attribution to give, other conditions (leave empty if none)."),
            lambda k, lang: LineEditor(k, lang, tr("e.g. Source: Commune de …, 2024")),
            mandatory=False,
        ),
        FieldDef(
            "access_limitations",
            "constraints",
            tr("Limitations on public access"),
            tr("Whether public access is restricted, and on which INSPIRE ground (article 13)."),
            lambda k, lang: ChoiceEditor(
                k, lang, codelist_items("limitations_on_public_access", lang), as_list=True
            ),
        ),
        FieldDef(
            "lineage",
            "quality",
            tr("Lineage"),
            tr("How the data was made: sources, method, scale of capture, checks."),
            lambda k, lang: TextEditor(k, lang, tr("e.g. Digitised at 1:2000 on the 2023 ortho")),
        ),
        FieldDef(
            "conformities",
            "quality",
            tr("Conformity to INSPIRE rules"),
            tr("Conformity to Regulation (EU) No 1089/2010 (interoperability of data sets)."),
            lambda k, lang: ConformityEditor(
                k, lang, (tr("Not evaluated"), tr("Conformant"), tr("Not conformant"))
            ),
        ),
        FieldDef(
            "resolutions",
            "quality",
            tr("Spatial resolution"),
            tr("The scale of capture (1:N) or the ground resolution in metres."),
            lambda k, lang: ResolutionEditor(
                k, lang, (tr("(not given)"), tr("Scale"), tr("Ground distance"))
            ),
        ),
        FieldDef(
            "topological_consistency",
            "quality",
            tr("Topological consistency"),
            tr("For a network (roads, rivers, pipes): how connections and gaps were checked."),
            lambda k, lang: TextEditor(k, lang, tr("e.g. Segments connected at their ends")),
            mandatory=False,
        ),
        FieldDef(
            "creation_date",
            "dates",
            tr("Creation date"),
            tr("When the data was created. At least one date (creation, publication, revision)."),
            lambda k, lang: DateEditor(k, lang),
        ),
        FieldDef(
            "publication_date",
            "dates",
            tr("Publication date"),
            tr("When the data was first published (optional)."),
            lambda k, lang: DateEditor(k, lang),
            mandatory=False,
        ),
        FieldDef(
            "revision_date",
            "dates",
            tr("Revision date"),
            tr("When the data was last revised; set automatically when the data changes."),
            lambda k, lang: DateEditor(k, lang),
            mandatory=False,
        ),
        FieldDef(
            "temporal_extent",
            "dates",
            tr("Period covered"),
            tr("Optional: the period the data describes (start → end)."),
            lambda k, lang: TemporalEditor(k, lang),
            mandatory=False,
        ),
        FieldDef(
            "maintenance_frequency",
            "dates",
            tr("Update frequency"),
            tr("How often the data is updated (the portal shows it)."),
            lambda k, lang: ChoiceEditor(
                k, lang, codelist_items("maintenance_frequencies", lang), tr("(not given)")
            ),
            mandatory=False,
        ),
        FieldDef(
            "identifier",
            "technical",
            tr("Unique identifier"),
            tr("Namespace of your organisation + code. Keep it: republishing relies on it."),
            lambda k, lang: IdentifierEditor(k, lang, (tr("Namespace"), tr("Code"))),
            answers=("file_identifier",),
        ),
        FieldDef(
            "bboxes",
            "technical",
            tr("Bounding box (WGS84)"),
            tr("The geographic extent in decimal degrees, read from the layer."),
            lambda k, lang: BoundingBoxEditor(
                k, lang, (tr("West"), tr("East"), tr("South"), tr("North"))
            ),
        ),
        FieldDef(
            "reference_systems",
            "technical",
            tr("Reference system"),
            tr("The coordinate reference system of the data (EPSG code)."),
            lambda k, lang: CrsEditor(k, lang),
        ),
        FieldDef(
            "encodings",
            "technical",
            tr("Distribution format"),
            tr("The format the data is distributed in, e.g. GeoPackage."),
            lambda k, lang: EncodingEditor(k, lang),
            answers=("character_set",),
        ),
        FieldDef(
            "spatial_representation_type",
            "technical",
            tr("Representation"),
            tr("Vector or raster (grid) data."),
            lambda k, lang: ChoiceEditor(
                k, lang, codelist_items("spatial_representation_types", lang), tr("(choose)")
            ),
        ),
        FieldDef(
            "locators",
            "technical",
            tr("Online address"),
            tr("Optional: a page or service where the data can be found (https://…)."),
            lambda k, lang: LocatorEditor(k, lang),
            mandatory=False,
        ),
        FieldDef(
            "resource_languages",
            "technical",
            tr("Language of the data"),
            tr("The language of the data's texts (French: “fre”)."),
            lambda k, lang: ChoiceEditor(
                k, lang, codelist_items("languages", lang, ("fre", "eng", "zxx")), as_list=True
            ),
            answers=("metadata_language", "resource_type", "metadata_date"),
        ),
    ]
