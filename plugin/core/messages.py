"""French and English sentences for every issue and error code, and labels for record fields.

Messages are data: `message(issue, "fr")` formats the sentence with the issue's params.
Plain words for a non-specialist; the requirement number stays in the params for reports.
"""

from __future__ import annotations

from typing import Any

_PARTY = {
    "missing": ("Indiquez {who}.", "Give {who_en}."),
    "organisation_missing": (
        "{What} n°{index} : indiquez le nom complet de l'organisme.",
        "{What_en} #{index}: give the organisation's full name.",
    ),
    "email_missing": (
        "{What} n°{index} : indiquez une adresse e-mail.",
        "{What_en} #{index}: give an e-mail address.",
    ),
    "email_invalid": (
        "{What} n°{index} : l'adresse e-mail « {value} » n'est pas valide.",
        '{What_en} #{index}: the e-mail address "{value}" is not valid.',
    ),
    "email_generic": (
        "{What} n°{index} : préférez une adresse fonctionnelle (ex. sig@…) à « {value} ».",
        '{What_en} #{index}: prefer a functional mailbox (e.g. gis@…) to "{value}".',
    ),
    "role_invalid": (
        "{What} n°{index} : choisissez un rôle dans la liste (« {value} » n'en fait pas partie).",
        '{What_en} #{index}: choose a role from the list ("{value}" is not one).',
    ),
}
_PARTY_WORDS = {
    "metadata_contacts": {
        "who": "qui tient la fiche à jour : organisme, e-mail, rôle « point de contact »",
        "who_en": 'who maintains this record: organisation, e-mail, role "point of contact"',
        "What": "Contact de la fiche",
        "What_en": "Metadata contact",
    },
    "responsible_parties": {
        "who": "l'organisme responsable de la donnée, son e-mail et son rôle",
        "who_en": "the organisation responsible for the data, its e-mail and its role",
        "What": "Organisme responsable",
        "What_en": "Responsible organisation",
    },
}

MESSAGES: dict[str, tuple[str, str]] = {
    "title.missing": (
        "Donnez un titre précis à la donnée (sujet + territoire).",
        "Give the data a precise title (subject + area).",
    ),
    "title.too_long": (
        "Raccourcissez le titre : {length} caractères, {max} au plus.",
        "Shorten the title: {length} characters, at most {max}.",
    ),
    "abstract.missing": (
        "Rédigez un résumé qui explique ce que contient la donnée.",
        "Write an abstract that explains what the data contains.",
    ),
    "abstract.placeholder": (
        "Le résumé ressemble à un texte provisoire : décrivez vraiment le contenu de la donnée.",
        "The abstract looks like a placeholder: really describe the data.",
    ),
    "abstract.too_short": (
        "Le résumé est très court ({min} caractères au moins conseillés) : "
        "dites ce que contient la donnée, où et quand.",
        "The abstract is very short (at least {min} characters advised): say "
        "what the data holds, where and when.",
    ),
    "metadata_language.missing": (
        "Indiquez la langue de la fiche avec le code « fre ».",
        'Give the record\'s language with the code "fre".',
    ),
    "metadata_language.invalid": (
        "La langue de la fiche « {value} » n'est pas acceptée : utilisez « fre » pour le français.",
        'Metadata language "{value}" is not accepted: use "fre" for French, "eng" for English.',
    ),
    "metadata_date.missing": (
        "Indiquez la date de mise à jour de la fiche (AAAA-MM-JJ).",
        "Give the date the record was last updated (YYYY-MM-DD).",
    ),
    "metadata_date.invalid": (
        "La date de la fiche « {value} » doit s'écrire AAAA-MM-JJ.",
        'The record date "{value}" must be written YYYY-MM-DD.',
    ),
    "resource_type.invalid": (
        "Précisez s'il s'agit d'un jeu de données ou d'une série.",
        "Say whether this is a dataset or a series.",
    ),
    "metadata_contacts.point_of_contact_missing": (
        "Un des contacts de la fiche doit avoir le rôle « point de contact ».",
        'One of the metadata contacts must have the role "point of contact".',
    ),
    "dates.missing": (
        "Indiquez au moins une date de la donnée : création, publication ou révision.",
        "Give at least one date for the data: creation, publication or revision.",
    ),
    "date.invalid": (
        "La date « {value} » doit s'écrire AAAA-MM-JJ.",
        'The date "{value}" must be written YYYY-MM-DD.',
    ),
    "dates.revision_before_creation": (
        "La date de révision est antérieure à la date de création.",
        "The revision date is earlier than the creation date.",
    ),
    "temporal_extent.invalid": (
        "Donnez la période couverte en dates AAAA-MM-JJ (ou « en cours ») "
        ": « {value} » n'est pas une date.",
        'Give the period covered as YYYY-MM-DD dates (or "ongoing"): "{value}" is not a date.',
    ),
    "temporal_extent.missing": (
        "Indiquez la période couverte par la donnée (date de début, et de fin si elle est "
        "close) : les portails open data comme data.gouv.fr la demandent et comptent une "
        "donnée sans période comme incomplète.",
        "Give the period the data covers (start date, and end date if it is over): open data "
        "portals such as data.gouv.fr ask for it and count data without a period as incomplete.",
    ),
    "maintenance_frequency.missing": (
        "Indiquez la fréquence de mise à jour de la donnée : les portails open data comme "
        "data.gouv.fr l'affichent et comptent une fréquence inconnue comme incomplète.",
        "Give how often the data is updated: open data portals such as data.gouv.fr show it "
        "and count an unknown frequency as incomplete.",
    ),
    "temporal_extent.order": (
        "La fin de la période couverte précède son début.",
        "The end of the period covered is before its start.",
    ),
    "theme.missing": (
        "Choisissez au moins un thème INSPIRE.",
        "Choose at least one INSPIRE theme.",
    ),
    "theme.unknown": (
        "« {value} » n'est pas un thème INSPIRE : choisissez dans la liste officielle.",
        '"{value}" is not an INSPIRE theme: choose from the official list.',
    ),
    "topic_category.missing": (
        "Choisissez au moins une catégorie thématique.",
        "Choose at least one topic category.",
    ),
    "topic_category.invalid": (
        "« {value} » n'est pas une catégorie thématique ISO.",
        '"{value}" is not an ISO topic category.',
    ),
    "keyword_group.empty": (
        "La liste de mots-clés n°{index} est vide.",
        "Keyword list #{index} is empty.",
    ),
    "keyword_group.title_missing": (
        "Pour la liste de mots-clés n°{index}, indiquez le nom du thésaurus.",
        "For keyword list #{index}, give the thesaurus name.",
    ),
    "keyword_group.date_missing": (
        "Pour chaque liste de mots-clés, indiquez son nom et sa date (thésaurus « {thesaurus} »).",
        'For each keyword list, give its name and date (thesaurus "{thesaurus}").',
    ),
    "keyword_group.duplicate": (
        "Mettez tous les mots-clés du thésaurus « {thesaurus} » dans un seul bloc.",
        'Put all keywords of thesaurus "{thesaurus}" in one block.',
    ),
    "free_keywords.open_data": (
        "Ajoutez le mot-clé « données ouvertes » : la licence est une licence ouverte.",
        'Add the keyword "données ouvertes": the licence is open.',
    ),
    "access.missing": (
        "Précisez s'il existe une restriction d'accès public (ou « aucune restriction »).",
        'Say whether public access is restricted (or "no limitations").',
    ),
    "access.invalid": (
        "« {value} » n'est pas une restriction d'accès de la liste INSPIRE.",
        '"{value}" is not a limitation from the INSPIRE list.',
    ),
    "access.contradictory": (
        "« Pas de restriction » ne peut pas être combiné avec une restriction d'accès.",
        '"No limitations" cannot be combined with a limitation.',
    ),
    "conditions.missing": (
        "Indiquez la licence ou les conditions d'utilisation (ou « aucune condition »).",
        'Give the licence or the conditions of use (or "no conditions").',
    ),
    "licence.unknown": (
        "La licence « {value} » n'est pas dans la liste : choisissez-en une "
        "ou décrivez les conditions en texte.",
        'Licence "{value}" is not in the list: choose one or describe the conditions as text.',
    ),
    "conditions.unknown": (
        "Évitez « conditions inconnues » : sans licence indiquée, la Licence "
        "Ouverte s'applique aux données publiques.",
        'Avoid "conditions unknown": public data fall under the Licence '
        "Ouverte when none is stated.",
    ),
    "bbox.missing": (
        "Donnez l'emprise en degrés (WGS 84) avec 2 décimales, ex. 4.80.",
        "Give the extent in degrees (WGS 84) with 2 decimals, e.g. 4.80.",
    ),
    "bbox.out_of_range": (
        "L'emprise n°{index} n'est pas en degrés : longitudes entre -180 et "
        "180, latitudes entre -90 et 90.",
        "Extent #{index} is not in degrees: longitudes -180..180, latitudes -90..90.",
    ),
    "bbox.south_north": (
        "Emprise n°{index} : le sud doit être inférieur au nord.",
        "Extent #{index}: south must be less than north.",
    ),
    "bbox.west_east": (
        "Emprise n°{index} : l'ouest est plus grand que l'est (traverse-t-elle l'antiméridien ?).",
        "Extent #{index}: west is greater than east (does it cross the antimeridian?).",
    ),
    "lineage.missing": (
        "Indiquez la généalogie de la donnée : comment elle a été produite.",
        "Describe the lineage: how the data was produced.",
    ),
    "conformity.missing": (
        "Indiquez si la donnée respecte le règlement INSPIRE « interopérabilité ».",
        "Say whether the data complies with the INSPIRE interoperability regulation.",
    ),
    "conformity.regulation_missing": (
        "Ajoutez la conformité au règlement (UE) n° 1089/2010 « interopérabilité ».",
        "Add the conformity to Regulation (EU) No 1089/2010.",
    ),
    "conformity.title_missing": (
        "Conformité n°{index} : citez le texte de référence.",
        "Conformity #{index}: cite the specification.",
    ),
    "conformity.date_missing": (
        "Conformité n°{index} : citez le texte de référence avec son "
        "titre et sa date (2010-12-08).",
        "Conformity #{index}: cite the specification with its title and date (2010-12-08).",
    ),
    "conformity.title_inexact": (
        "Recopiez exactement le titre officiel du règlement (UE) 1089/2010.",
        "Copy the official title of Regulation (EU) 1089/2010 exactly.",
    ),
    "conformity.not_evaluated": (
        "Indiquez si la donnée est conforme : oui ou non (le CNIG n'accepte plus « non évaluée »).",
        'Say whether the data is conformant: yes or no (CNIG no longer accepts "not evaluated").',
    ),
    "resolution.missing": (
        "Indiquez l'échelle (ex. 5000) ou la résolution au sol (ex. 0.5 m).",
        "Give the scale (e.g. 5000) or the ground resolution (e.g. 0.5 m).",
    ),
    "resolution.invalid": (
        "Résolution n°{index} : donnez soit une échelle entière (5000), soit "
        "une distance positive avec son unité.",
        "Resolution #{index}: give either an integer scale (5000) or a "
        "positive distance with its unit.",
    ),
    "resource_language.missing": (
        "Indiquez la langue du contenu (fre, ou zxx s'il n'y a pas de texte).",
        "Give the language of the content (fre, or zxx for no text).",
    ),
    "resource_language.geonetwork": (
        "Les catalogues GeoNetwork demandent au moins une langue européenne pour la donnée "
        "(« {value} ») : ajoutez « fre » (en plus de « zxx » si la donnée n'a pas de texte).",
        'GeoNetwork catalogues want at least one European language for the data ("{value}"): '
        'add "fre" (besides "zxx" if the data has no text).',
    ),
    "metadata_language.geonetwork": (
        "Les catalogues GeoNetwork n'acceptent pas « {value} » comme langue de la fiche : "
        "rédigez-la en français (« fre ») ou dans une autre langue de l'Union européenne.",
        'GeoNetwork catalogues do not accept "{value}" as the record\'s language: write it in '
        'French ("fre") or another European Union language.',
    ),
    "document.thesaurus_undated": (
        "La fiche importée cite le thésaurus « {thesaurus} » sans date : la liste de mots-clés "
        "doit avoir un nom et une date (publication, révision ou création).",
        'The imported record cites thesaurus "{thesaurus}" without a date: a keyword list '
        "needs a name and a date (publication, revision or creation).",
    ),
    "document.citation_date": (
        "La fiche importée porte une date de type « {type} » ou une date invalide : seules les "
        "dates de création, publication et révision au format AAAA-MM-JJ sont admises.",
        'The imported record has a date of type "{type}" or an invalid date: only creation, '
        "publication and revision dates as YYYY-MM-DD are allowed.",
    ),
    "document.order": (
        "La fiche importée n'est pas un XML ISO 19139 valide : dans « {element} », "
        "« {name} » est placé après « {after} ». Corrigez la fiche dans le catalogue d'origine "
        "ou repartez d'une fiche créée ici.",
        'The imported record is not valid ISO 19139 XML: in "{element}", "{name}" comes after '
        '"{after}". Fix the record in its source catalogue or start from a record made here.',
    ),
    "document.several_quality": (
        "La fiche importée a {count} sections « qualité » : INSPIRE en veut une seule "
        "(conformité et généalogie ensemble). Corrigez la fiche dans le catalogue d'origine.",
        "The imported record has {count} data quality sections: INSPIRE wants one (conformity "
        "and lineage together). Fix the record in its source catalogue.",
    ),
    "resource_language.invalid": (
        "La langue « {value} » n'est pas un code ISO 639-2/B (ex. « fre » et non « fra »).",
        'Language "{value}" is not an ISO 639-2/B code (e.g. "fre", not "fra").',
    ),
    "topology.missing": (
        "Réseau : décrivez le contrôle de la cohérence topologique (tronçons connectés, "
        "doublons, micro-coupures…), ou dites qu'il n'a pas été fait.",
        "Network: describe how topological consistency was checked (connected segments, "
        "duplicates, gaps…), or say it was not checked.",
    ),
    "locator.missing": (
        "Donnez un lien web (https://…) vers la donnée ou sa page.",
        "Give a web link (https://…) to the data or its page.",
    ),
    "locator.url_invalid": (
        "Le lien n°{index} « {value} » n'est pas une adresse web valide (https://… en minuscules).",
        'Link #{index} "{value}" is not a valid web address (https://…, lower-case host).',
    ),
    "locator.function_invalid": (
        "Lien n°{index} : la fonction « {value} » n'existe pas.",
        'Link #{index}: function "{value}" does not exist.',
    ),
    "crs.missing": (
        "Indiquez le système de coordonnées (ex. EPSG:2154).",
        "Give the coordinate reference system (e.g. EPSG:2154).",
    ),
    "crs.not_epsg": (
        "Le système « {value} » n'est pas un code EPSG : préférez « EPSG:2154 ».",
        'System "{value}" is not an EPSG code: prefer "EPSG:2154".',
    ),
    "representation.missing": (
        "Précisez le type : vecteur, raster (grille), TIN ou tableau.",
        "Give the type: vector, raster (grid), TIN or table.",
    ),
    "representation.invalid": (
        "Le type « {value} » n'est pas accepté par INSPIRE : vecteur, grille, TIN ou tableau.",
        'Type "{value}" is not accepted by INSPIRE: vector, grid, TIN or table.',
    ),
    "character_set.invalid": (
        "Indiquez l'encodage des caractères (utf8) : « {value} » n'est pas un code ISO.",
        'Give the character encoding (utf8): "{value}" is not an ISO code.',
    ),
    "encoding.missing": (
        "Indiquez le format de diffusion et sa version (ou « inconnue »).",
        'Give the distribution format and its version (or "unknown").',
    ),
    "encoding.name_missing": (
        "Format n°{index} : indiquez son nom.",
        "Format #{index}: give its name.",
    ),
    "maintenance_frequency.invalid": (
        "La fréquence de mise à jour « {value} » n'est pas dans la liste.",
        'Update frequency "{value}" is not in the list.',
    ),
    "identifier.missing": (
        "Donnez à la donnée un identifiant unique et stable (une URI).",
        "Give the data a unique, stable identifier (a URI).",
    ),
    "identifier.not_uri": (
        "Préférez un identifiant sous forme d'adresse web de votre organisme (https://…).",
        "Prefer an identifier that is a web address of your organisation (https://…).",
    ),
    "file_identifier.missing": ("La fiche n'a pas d'identifiant.", "The record has no identifier."),
    "read.no_data_identification": (
        "Le fichier ne décrit pas un jeu de données (pas de MD_DataIdentification).",
        "The file does not describe a dataset (no MD_DataIdentification).",
    ),
    "read.duplicate_date": (
        "Plusieurs dates de type « {type} » : une seule a été gardée.",
        'Several "{type}" dates: only one was kept.',
    ),
    "read.bbox_unreadable": (
        "Une emprise n'a pas pu être lue ({values}).",
        "An extent could not be read ({values}).",
    ),
    "read.several_data_quality": (
        "{count} sections qualité trouvées : elles ont été regroupées.",
        "{count} data quality sections found: they were merged.",
    ),
    "read.missing": (
        "Élément absent du fichier : {label}.",
        "Element missing from the file: {label_en}.",
    ),
    "read.theme_unknown": (
        "« {label} » n'est pas un thème INSPIRE reconnu : il a été ignoré.",
        '"{label}" is not a known INSPIRE theme: it was ignored.',
    ),
    "read.use_limitation": (
        "Une limite d'usage a été reprise dans les conditions d'utilisation.",
        "A use limitation was moved into the conditions of use.",
    ),
    "xml.too_large": (
        "Le fichier XML est trop gros ({size} octets, {max} au plus).",
        "The XML file is too large ({size} bytes, at most {max}).",
    ),
    "xml.empty": ("Le fichier XML est vide.", "The XML file is empty."),
    "xml.malformed": (
        "Le fichier n'est pas un XML lisible : {detail}",
        "The file is not readable XML: {detail}",
    ),
    "xml.doctype_forbidden": (
        "Le fichier XML contient une déclaration DOCTYPE ou des entités : refusé par sécurité.",
        "The XML file contains a DOCTYPE or entity declarations: refused for safety.",
    ),
    "xml.not_iso19139": (
        "La fiche doit commencer par l'élément MD_Metadata (ISO 19139), pas « {root} ».",
        'The record must start with MD_Metadata (ISO 19139), not "{root}".',
    ),
    "xsd.not_found": (
        "Schémas ISO 19139 introuvables dans « {folder} » (gmx/gmx.xsd manque) : corrigez "
        "le dossier dans les paramètres ou téléchargez les schémas.",
        'ISO 19139 schemas not found in "{folder}" (gmx/gmx.xsd is missing): fix the folder '
        "in the settings or download the schemas.",
    ),
    "xsd.unreadable": (
        "Schémas ISO 19139 illisibles : {detail}",
        "ISO 19139 schemas unreadable: {detail}",
    ),
    "xsd.unavailable": (
        "Contrôle du schéma XML non fait : aucune copie des schémas ISO 19139 (téléchargez-les "
        "dans les paramètres de GeoPublier). Les règles INSPIRE ont été vérifiées.",
        "XML schema check skipped: no copy of the ISO 19139 schemas (download them in "
        "GeoPublier's settings). The INSPIRE rules were checked.",
    ),
    "xsd.invalid": (
        "Le fichier n'est pas un XML ISO 19139 valide : {count} erreur(s) de schéma "
        "(première : {first}).",
        "The file is not valid ISO 19139 XML: {count} schema error(s) (first: {first}).",
    ),
    "xsd.download_failed": (
        "Le schéma {url} n'a pas pu être téléchargé : {detail}",
        "Schema {url} could not be downloaded: {detail}",
    ),
    "xsd.download_cancelled": (
        "Téléchargement des schémas annulé : rien n'a été modifié.",
        "Schema download cancelled: nothing was changed.",
    ),
    "xsd.download_too_large": (
        "Téléchargement des schémas interrompu : trop de fichiers ou fichier trop gros.",
        "Schema download stopped: too many files or a file too large.",
    ),
    "xsd.download_incomplete": (
        "Les schémas téléchargés sont incomplets ou illisibles : {detail}",
        "The downloaded schemas are incomplete or unreadable: {detail}",
    ),
    "xsd.location_refused": (
        "Adresse de schéma refusée (hors du dépôt officiel) : {url}",
        "Schema address refused (outside the official repository): {url}",
    ),
    "xsd.not_a_schema": (
        "Le fichier {url} n'est pas un schéma XML : {detail}",
        "File {url} is not an XML schema: {detail}",
    ),
    "codelist.unknown": ("Liste de codes inconnue : {name}.", "Unknown code list: {name}."),
    "codelist.unreadable": ("Liste de codes illisible : {path}.", "Unreadable code list: {path}."),
    "format.unknown": (
        "Format de métadonnées inconnu : {name}.",
        "Unknown metadata format: {name}.",
    ),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "file_identifier": ("Identifiant de la fiche", "Metadata identifier"),
    "title": ("Titre", "Title"),
    "abstract": ("Résumé", "Abstract"),
    "resource_type": ("Type de ressource", "Resource type"),
    "identifier": ("Identificateur de ressource unique", "Unique resource identifier"),
    "locators": ("Localisateurs (liens)", "Resource locators"),
    "resource_languages": ("Langue des données", "Resource language"),
    "topic_categories": ("Catégories thématiques", "Topic categories"),
    "inspire_themes": ("Thèmes INSPIRE", "INSPIRE themes"),
    "keyword_groups": ("Mots-clés par thésaurus", "Keywords by thesaurus"),
    "free_keywords": ("Mots-clés libres", "Free keywords"),
    "bboxes": ("Emprise géographique", "Geographic bounding box"),
    "temporal_extent": ("Période couverte", "Temporal extent"),
    "creation_date": ("Date de création", "Creation date"),
    "publication_date": ("Date de publication", "Publication date"),
    "revision_date": ("Date de révision", "Revision date"),
    "lineage": ("Généalogie", "Lineage"),
    "resolutions": ("Résolution spatiale", "Spatial resolution"),
    "conformities": ("Conformité", "Conformity"),
    "licence": ("Licence", "Licence"),
    "use_conditions": ("Conditions d'utilisation", "Conditions for use"),
    "access_limitations": ("Restrictions d'accès public", "Limitations on public access"),
    "responsible_parties": ("Organismes responsables", "Responsible parties"),
    "metadata_contacts": ("Contacts de la fiche", "Metadata contacts"),
    "metadata_date": ("Date de la fiche", "Metadata date"),
    "metadata_language": ("Langue de la fiche", "Metadata language"),
    "reference_systems": ("Système de coordonnées", "Coordinate reference system"),
    "encodings": ("Formats de diffusion", "Encodings"),
    "character_set": ("Encodage des caractères", "Character encoding"),
    "spatial_representation_type": (
        "Type de représentation spatiale",
        "Spatial representation type",
    ),
    "maintenance_frequency": ("Fréquence de mise à jour", "Maintenance frequency"),
    "topological_consistency": ("Cohérence topologique", "Topological consistency"),
    "geometry_type": ("Type de géométrie", "Geometry type"),
    "feature_count": ("Nombre d'objets", "Feature count"),
    "attributes": ("Attributs", "Attributes"),
}


class _Params(dict):
    """Format mapping that leaves unknown placeholders visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def field_label(field: str, lang: str = "fr") -> str:
    """Return the French (default) or English label of a record field."""
    labels = FIELD_LABELS.get(field)
    if labels is None:
        return field
    return labels[0] if lang == "fr" else labels[1]


def has_message(code: str) -> bool:
    """True when `code` has a sentence (directly or as a party code)."""
    return code in MESSAGES or _party_template(code) is not None


def _party_template(code: str) -> Any:
    """Return the (fr, en) templates and words of a party code such as "metadata_contacts.x"."""
    field, _, kind = code.partition(".")
    if field in _PARTY_WORDS and kind in _PARTY:
        return _PARTY[kind], _PARTY_WORDS[field]
    return None


def message(issue: Any, lang: str = "fr") -> str:
    """Return the sentence for an issue or error (anything with `code` and `params`)."""
    params = _Params(getattr(issue, "params", {}) or {})
    field = getattr(issue, "field", "") or params.get("element", "")
    params.setdefault("label", field_label(str(field), "fr"))
    params.setdefault("label_en", field_label(str(field), "en"))
    index = 0 if lang == "fr" else 1
    party = _party_template(issue.code)
    if party is not None:
        templates, words = party
        params.update({k: v for k, v in words.items() if k not in params})
        return templates[index].format_map(params)
    templates = MESSAGES.get(issue.code)
    if templates is None:
        return issue.code
    return templates[index].format_map(params)
