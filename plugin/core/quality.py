"""Quality report of a layer before it is opened: computed here from facts the QGIS side streams.

`QualityProfiler` receives each feature (values, geometry state, geometry bytes) and keeps small
per-column summaries, so a million features cost little memory. The report lists invalid and
empty geometries, duplicates, empty or constant columns, a missing CRS, badly encoded text,
columns that look like personal data (which the law excludes from open data) and Table Schema
findings. Personal-data samples are used for detection only and never written to the report.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from .table_schema import SchemaChecker, SchemaFinding, engine_label

ERROR = "error"
WARNING = "warning"
INFO = "info"
MAX_IDS_LISTED = 20
MAX_SAMPLES = 500

GEOMETRY_OK = "ok"
GEOMETRY_NULL = "null"
GEOMETRY_EMPTY = "empty"
GEOMETRY_INVALID = "invalid"
GEOMETRY_REPAIRED = "repaired"


@dataclass
class QualityIssue:
    """One finding: stable code, level, column (if any), params, feature ids (capped), count."""

    code: str
    level: str
    column: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    features: list[int] = field(default_factory=list)
    count: int = 0

    def to_dict(self, lang: str = "fr") -> dict[str, Any]:
        """JSON-able form with the sentence in `lang`."""
        return {
            "code": self.code,
            "level": self.level,
            "column": self.column,
            "params": self.params,
            "features": self.features,
            "count": self.count,
            "message": message(self, lang),
        }


@dataclass
class QualityReport:
    """Everything the user must know before opening the data."""

    layer: str
    feature_count: int
    crs: str
    issues: list[QualityIssue] = field(default_factory=list)
    schema_source: str = ""
    schema_engine: str = ""
    generated: str = field(
        default_factory=lambda: dt.datetime.now().replace(microsecond=0).isoformat()
    )

    @property
    def blocking(self) -> list[QualityIssue]:
        """Issues that stop publication until the user fixes or confirms them."""
        return [issue for issue in self.issues if issue.level == ERROR]

    @property
    def personal_data_columns(self) -> list[str]:
        """Columns flagged as looking like personal data."""
        return [i.column for i in self.issues if i.code.startswith("personal.")]

    def to_dict(self, lang: str = "fr") -> dict[str, Any]:
        """JSON-able report (for programs and the publication step)."""
        return {
            "layer": self.layer,
            "feature_count": self.feature_count,
            "crs": self.crs,
            "generated": self.generated,
            "schema": {
                "source": self.schema_source,
                "engine": self.schema_engine,
                "engine_label": engine_label(self.schema_engine, lang),
            },
            "blocking": len(self.blocking),
            "personal_data_columns": self.personal_data_columns,
            "issues": [issue.to_dict(lang) for issue in self.issues],
        }

    def to_json(self, lang: str = "fr") -> bytes:
        """UTF-8 JSON document of the report."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2).encode("utf-8")


@dataclass
class _Column:
    """Running summary of one column."""

    name: str
    kind: str
    filled: int = 0
    first: Any = None
    varied: bool = False
    bad_text: list[int] = field(default_factory=list)
    bad_text_count: int = 0
    samples: list[str] = field(default_factory=list)

    def add(self, fid: int, value: Any) -> None:
        """Account for one cell."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        self.filled += 1
        if self.filled == 1:
            self.first = value
        elif not self.varied and value != self.first:
            self.varied = True
        if isinstance(value, str):
            if len(self.samples) < MAX_SAMPLES:
                self.samples.append(value)
            if _badly_encoded(value):
                self.bad_text_count += 1
                if len(self.bad_text) < MAX_IDS_LISTED:
                    self.bad_text.append(fid)


def _badly_encoded(text: str) -> bool:
    """True for text that was not valid UTF-8 (replacement char) or was decoded twice."""
    if "\ufffd" in text:
        return True
    if "Ã" not in text and "Â" not in text:  # the common case, without a loop over the text
        return False
    return any(text[i] in "ÃÂ" and "\x80" <= text[i + 1] <= "\xbf" for i in range(len(text) - 1))


class _Tally:
    """Feature ids of one kind of problem: first ones kept, all counted."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.count = 0
        self.params: dict[str, Any] = {}

    def add(self, fid: int) -> None:
        """Count one more feature."""
        self.count += 1
        if len(self.ids) < MAX_IDS_LISTED:
            self.ids.append(fid)


class QualityProfiler:
    """Collects the facts of a layer feature by feature, then writes the quality report."""

    def __init__(
        self,
        layer: str,
        columns: Sequence[tuple[str, str]],
        crs: str,
        has_geometry: bool = True,
        schema: Optional[dict[str, Any]] = None,
        schema_source: str = "",
        schema_engine: str = "",
    ) -> None:
        self.layer = layer
        self.crs = crs
        self.has_geometry = has_geometry
        self.columns = [_Column(name, kind) for name, kind in columns]
        self.checker = SchemaChecker(schema, [n for n, _ in columns]) if schema else None
        self.schema_source = schema_source
        self.schema_engine = schema_engine
        self.count = 0
        self.geometry: dict[str, _Tally] = {
            k: _Tally()
            for k in (GEOMETRY_NULL, GEOMETRY_EMPTY, GEOMETRY_INVALID, GEOMETRY_REPAIRED)
        }
        self.seen: dict[int, int] = {}
        self.duplicates = _Tally()

    def add_feature(
        self,
        fid: int,
        values: Sequence[Any],
        geometry_state: str = GEOMETRY_OK,
        geometry_key: bytes = b"",
        reason: str = "",
    ) -> None:
        """Account for one feature; `values` follow the column order given at creation."""
        self.count += 1
        for column, value in zip(self.columns, values):
            column.add(fid, value)
        if self.has_geometry and geometry_state != GEOMETRY_OK:
            tally = self.geometry[geometry_state]
            tally.add(fid)
            if reason and "reason" not in tally.params:
                tally.params["reason"] = reason[:200]
        key = hash((geometry_key, tuple(_hashable(v) for v in values)))
        first = self.seen.setdefault(key, fid)
        if first != fid:
            self.duplicates.add(fid)
            self.duplicates.params.setdefault("first", first)
        if self.checker is not None:
            self.checker.check_row(values)

    def finish(self) -> QualityReport:
        """Build the report from what was collected."""
        report = QualityReport(
            self.layer,
            self.count,
            self.crs,
            schema_source=self.schema_source,
            schema_engine=self.schema_engine,
        )
        issues = report.issues
        if self.has_geometry and not self.crs:
            issues.append(QualityIssue("quality.crs_missing", ERROR))
        issues.extend(self._geometry_issues())
        if self.duplicates.count:
            issues.append(_from_tally("quality.duplicates", WARNING, "", self.duplicates))
        for column in self.columns:
            issues.extend(self._column_issues(column))
        if self.checker is not None:
            issues.extend(_schema_issue(f) for f in self.checker.findings())
        return report

    def _geometry_issues(self) -> list[QualityIssue]:
        """Null, empty, invalid (reported) and repaired geometries."""
        levels = {
            GEOMETRY_NULL: WARNING,
            GEOMETRY_EMPTY: WARNING,
            GEOMETRY_INVALID: ERROR,
            GEOMETRY_REPAIRED: INFO,
        }
        return [
            _from_tally(f"quality.geometry_{state}", level, "", self.geometry[state])
            for state, level in levels.items()
            if self.geometry[state].count
        ]

    def _column_issues(self, column: _Column) -> list[QualityIssue]:
        """Empty, constant, badly encoded and personal-data columns."""
        issues = []
        if self.count and column.filled == 0:
            issues.append(QualityIssue("quality.column_empty", WARNING, column.name))
        elif self.count > 1 and column.filled == self.count and not column.varied:
            issues.append(
                QualityIssue(
                    "quality.column_constant",
                    WARNING,
                    column.name,
                    {"value": str(column.first)[:80]},
                )
            )
        if column.bad_text_count:
            issues.append(
                QualityIssue(
                    "quality.text_encoding",
                    ERROR,
                    column.name,
                    {},
                    column.bad_text,
                    column.bad_text_count,
                )
            )
        found = personal_data(column.name, column.samples)
        if found is not None:
            code, params = found
            issues.append(QualityIssue(code, ERROR, column.name, params))
        return issues


def _hashable(value: Any) -> Any:
    """A value usable in a duplicate key (lists and dicts become their JSON text)."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True, default=str)
    return value


def _from_tally(code: str, level: str, column: str, tally: _Tally) -> QualityIssue:
    """Issue from a tally of feature ids."""
    return QualityIssue(code, level, column, dict(tally.params), list(tally.ids), tally.count)


def _schema_issue(finding: SchemaFinding) -> QualityIssue:
    """Quality issue from a Table Schema finding (an extra field is only a warning)."""
    level = WARNING if finding.code == "schema.field_extra" else ERROR
    if finding.code == "schema.field_missing" and not finding.params.get("required"):
        level = WARNING
    return QualityIssue(
        finding.code, level, finding.field, dict(finding.params), list(finding.rows), finding.count
    )


def schema_unusable(report: QualityReport, code: str, params: dict[str, Any]) -> None:
    """Record in the report that the chosen Table Schema could not be used."""
    report.issues.append(QualityIssue(code, ERROR, "", dict(params)))


# --- Columns that look like personal data -------------------------------------------------
_EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$")
_PHONE_FR = re.compile(r"^(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}$")
_ADDRESS = re.compile(
    r"^\d{1,4}\s*(?:bis|ter|[a-d])?\s*,?\s+(?:rue|avenue|av\.?|boulevard|bd|chemin|impasse|"
    r"all[ée]e|place|route|quai|cours|lotissement|lieu[- ]dit|r[ée]sidence|square|passage|"
    r"hameau|faubourg|voie|sentier)\b",
    re.IGNORECASE,
)
_CIVILITY = re.compile(r"^(?:m\.|mr\.?|mme|mlle|monsieur|madame|mademoiselle)\s+\S", re.IGNORECASE)
_PERSON_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+$|^[A-ZÀ-Ý'’-]{2,}$")
FIRST_NAMES = frozenset(
    "jean marie pierre michel philippe alain nicolas christophe patrick daniel francois "
    "bernard eric laurent frederic stephane david thomas julien sebastien olivier christian "
    "jacques gerard andre rene louis paul claude henri marc antoine maxime alexandre hugo lucas "
    "nathalie isabelle sylvie catherine francoise christine monique valerie sophie sandrine "
    "martine nicole veronique anne celine julie aurelie camille emma lea chloe manon sarah laura "
    "jeanne helene claire marion pauline elise lucie chantal brigitte annie josiane".split()
)
_NAME_COLUMNS = frozenset(
    "prenom prenoms firstname lastname surname patronyme proprietaire proprietaires titulaire "
    "civilite nom_prenom nom_proprietaire nom_famille nom_usage nomprenom exploitant "
    "demandeur petitionnaire habitant occupant locataire".split()
)
_HINTS = {
    "personal.email": {"email", "mail", "courriel", "e_mail", "mel"},
    "personal.phone": {"tel", "telephone", "portable", "mobile", "phone", "fax"},
    "personal.address": {"adresse", "address", "adr", "domicile"},
}


def _ascii_tokens(name: str) -> set[str]:
    """Lower-case ASCII tokens of a column name, and the whole name ("Prénom_1" → prenom...)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    whole = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")
    return {whole, *whole.split("_")}


def _looks_like_person(value: str) -> bool:
    """ "Jean Dupont", "DUPONT Marie", "Mme Martin": 2-4 capitalised words with a first name."""
    if _CIVILITY.match(value):
        return True
    words = value.split()
    if not 2 <= len(words) <= 4 or not all(_PERSON_WORD.match(w) for w in words):
        return False
    ends = {next(iter(_ascii_tokens(w))) for w in (words[0], words[-1])}
    return bool(ends & FIRST_NAMES)


def personal_data(column: str, samples: Sequence[str]) -> Optional[tuple[str, dict[str, Any]]]:
    """Say whether a column looks like personal data: (code, params) or None.

    Values decide (a share of the sampled values matches an e-mail, French phone, postal address
    or person-name pattern); a telling column name lowers the share needed to one value.
    """
    values = [s.strip() for s in samples if s and s.strip()]
    if not values:
        return None
    tokens = _ascii_tokens(column)
    tests = (
        ("personal.email", _EMAIL.match),
        ("personal.phone", _PHONE_FR.match),
        ("personal.address", _ADDRESS.match),
        ("personal.person_name", _looks_like_person),
    )
    for code, test in tests:
        matches = sum(1 for v in values if test(v))
        named = bool(tokens & _HINTS.get(code, set()))
        if matches and (matches >= 0.3 * len(values) or named):
            return code, {"matches": matches, "sampled": len(values), "by_name": named}
    if tokens & _NAME_COLUMNS:
        return "personal.name_column", {"matches": 0, "sampled": len(values), "by_name": True}
    return None


# --- Sentences (French first) ---------------------------------------------------------------
MESSAGES: dict[str, tuple[str, str]] = {
    "quality.crs_missing": (
        "La couche n'a pas de système de coordonnées : indiquez-le avant d'exporter.",
        "The layer has no coordinate reference system.",
    ),
    "quality.geometry_null": (
        "{count} objet(s) sans géométrie.",
        "{count} feature(s) without geometry.",
    ),
    "quality.geometry_empty": (
        "{count} objet(s) avec une géométrie vide.",
        "{count} feature(s) with an empty geometry.",
    ),
    "quality.geometry_invalid": (
        "{count} géométrie(s) invalide(s) (ex. : {reason}) : "
        "corrigez-les ou choisissez la réparation automatique.",
        "{count} invalid geometry(ies) (e.g. {reason}): fix them or choose automatic repair.",
    ),
    "quality.geometry_repaired": (
        "{count} géométrie(s) invalide(s) réparée(s) automatiquement (makeValid).",
        "{count} invalid geometry(ies) repaired automatically (makeValid).",
    ),
    "quality.duplicates": (
        "{count} objet(s) en double (même géométrie et mêmes valeurs).",
        "{count} duplicate feature(s) (same geometry and values).",
    ),
    "quality.column_empty": (
        "La colonne « {column} » est vide : supprimez-la ou remplissez-la.",
        'Column "{column}" is empty: remove or fill it.',
    ),
    "quality.column_constant": (
        "La colonne « {column} » a partout la même valeur (« {value} »).",
        'Column "{column}" has the same value everywhere ("{value}").',
    ),
    "quality.text_encoding": (
        "Colonne « {column} » : {count} texte(s) mal encodé(s) (pas en "
        "UTF-8 ou caractères du type « Ã© ») : vérifiez l'encodage de la "
        "source.",
        'Column "{column}": {count} badly encoded text(s) '
        '(not UTF-8, or "Ã©"-like characters): check the source '
        "encoding.",
    ),
    "quality.text_latin1": (
        "Colonne « {column} » : {count} texte(s) illisible(s) en UTF-8. Le fichier n'indique "
        "pas son encodage (pas de fichier .cpg) et se lit correctement en {encoding} "
        "(Latin-1) : relisez la couche en {encoding} (bouton « Relire en {encoding} » de "
        "l'étape Préparer, paramètre SOURCE_ENCODING du traitement, ou Propriétés de la couche "
        "› Source › Encodage des données). Un fichier .cpg contenant « {encoding} » à côté du "
        ".dbf le règle pour tous les logiciels.",
        'Column "{column}": {count} text(s) unreadable as UTF-8. The file does not state its '
        "encoding (no .cpg file) and reads correctly as {encoding} (Latin-1): re-read the "
        'layer as {encoding} ("Re-read as {encoding}" button of the Prepare step, '
        "SOURCE_ENCODING parameter of the algorithm, or Layer Properties › Source › Data "
        'source encoding). A .cpg file holding "{encoding}" beside the .dbf fixes it for '
        "every program.",
    ),
    "personal.email": (
        "Donnée personnelle ? La colonne « {column} » contient des adresses "
        "e-mail ({matches} sur {sampled} valeurs examinées). Les données "
        "personnelles ne peuvent pas être ouvertes : retirez la colonne ou "
        "confirmez qu'il s'agit d'adresses de services.",
        'Personal data? Column "{column}" holds e-mail addresses ({matches} of '
        "{sampled} values examined). Remove it, or confirm they are service "
        "mailboxes.",
    ),
    "personal.phone": (
        "Donnée personnelle ? La colonne « {column} » contient des numéros de "
        "téléphone français ({matches} sur {sampled}). Retirez-la ou confirmez "
        "qu'il s'agit de numéros de services.",
        'Personal data? Column "{column}" holds French phone numbers '
        "({matches} of {sampled}). Remove it or confirm they are services' "
        "numbers.",
    ),
    "personal.address": (
        "Donnée personnelle ? La colonne « {column} » contient des adresses "
        "postales exactes ({matches} sur {sampled}). Si ce sont des adresses "
        "de particuliers, retirez-la.",
        'Personal data? Column "{column}" holds exact postal addresses '
        "({matches} of {sampled}). If they are individuals' addresses, "
        "remove it.",
    ),
    "personal.person_name": (
        "Donnée personnelle ? La colonne « {column} » semble contenir des "
        "noms de personnes ({matches} sur {sampled}). Retirez-la ou "
        "confirmez.",
        'Personal data? Column "{column}" seems to hold people\'s names '
        "({matches} of {sampled}). Remove it or confirm.",
    ),
    "personal.name_column": (
        "Donnée personnelle ? Le nom de la colonne « {column} » désigne des "
        "personnes (propriétaire, prénom…). Retirez-la ou confirmez.",
        'Personal data? Column name "{column}" refers to people (owner, '
        "first name…). Remove it or confirm.",
    ),
    "schema.field_missing": (
        "Schéma : le champ « {column} » est absent de la couche.",
        'Schema: field "{column}" is missing from the layer.',
    ),
    "schema.field_extra": (
        "Schéma : la colonne « {column} » n'est pas prévue par le schéma.",
        'Schema: column "{column}" is not in the schema.',
    ),
    "schema.required": (
        "Schéma : « {column} » est obligatoire mais vide pour {count} objet(s).",
        'Schema: "{column}" is required but empty in {count} feature(s).',
    ),
    "schema.type": (
        "Schéma : « {column} » doit être de type {type} ({count} valeur(s) non conforme(s)).",
        'Schema: "{column}" must be of type {type} ({count} value(s) do not conform).',
    ),
    "schema.unique": (
        "Schéma : « {column} » doit être unique ({count} doublon(s)).",
        'Schema: "{column}" must be unique ({count} duplicate(s)).',
    ),
    "schema.enum": (
        "Schéma : « {column} » doit valoir l'une de ces valeurs : {values} ({count} écart(s)).",
        'Schema: "{column}" must be one of {values} ({count} mismatch(es)).',
    ),
    "schema.pattern": (
        "Schéma : « {column} » ne respecte pas le motif {pattern} ({count} valeur(s)).",
        'Schema: "{column}" does not match {pattern} ({count} value(s)).',
    ),
    "schema.minimum": (
        "Schéma : « {column} » est inférieur au minimum {bound} ({count}).",
        'Schema: "{column}" is below the minimum {bound} ({count}).',
    ),
    "schema.maximum": (
        "Schéma : « {column} » dépasse le maximum {bound} ({count}).",
        'Schema: "{column}" exceeds the maximum {bound} ({count}).',
    ),
    "schema.min_length": (
        "Schéma : « {column} » est trop court ({bound} caractères au moins, {count} valeur(s)).",
        'Schema: "{column}" is too short (at least {bound} characters, {count} value(s)).',
    ),
    "schema.max_length": (
        "Schéma : « {column} » est trop long ({bound} caractères au plus, {count} valeur(s)).",
        'Schema: "{column}" is too long (at most {bound} characters, {count} value(s)).',
    ),
    "schema.pattern_invalid": (
        "Le schéma n'est pas utilisable : le motif « {pattern} » du champ « {field} » n'est pas "
        "une expression régulière valide ({detail}).",
        'The schema cannot be used: the pattern "{pattern}" of field "{field}" is not a valid '
        "regular expression ({detail}).",
    ),
    "schema.too_large": (
        "Le schéma est trop gros ({size} octets, {max} au plus).",
        "The schema is too large ({size} bytes, at most {max}).",
    ),
    "schema.unreadable": (
        "Le schéma n'est pas un JSON lisible : {detail}",
        "The schema is not readable JSON: {detail}",
    ),
    "schema.not_table_schema": (
        "Le fichier n'est pas un Table Schema (pas de liste « fields »).",
        'The file is not a Table Schema (no "fields" list).',
    ),
    "schema.download_failed": (
        "Le schéma {url} n'a pas pu être téléchargé : {detail}",
        "The schema {url} could not be downloaded: {detail}",
    ),
    "export.no_format": (
        "Choisissez au moins un format d'export.",
        "Choose at least one export format.",
    ),
    "export.format_unknown": (
        "Format d'export inconnu : {format}.",
        "Unknown export format: {format}.",
    ),
    "export.layer_invalid": (
        "La couche « {layer} » n'est pas lisible.",
        'Layer "{layer}" cannot be read.',
    ),
    "export.field_unknown": (
        "Le champ « {field} » n'existe pas dans la couche.",
        'Field "{field}" does not exist in the layer.',
    ),
    "export.write_failed": (
        "L'écriture du fichier {format} a échoué. Vérifiez la place libre sur le disque et que "
        "le dossier n'est pas ouvert ailleurs, puis relancez ; si l'erreur revient, le journal "
        "de QGIS (onglet GeoPublier) donne le détail technique.",
        "Writing the {format} file failed. Check the free disk space and that the folder is not "
        "open elsewhere, then try again; if it fails again, QGIS's log (GeoPublier tab) has the "
        "technical detail.",
    ),
    "export.reprojection_failed": (
        "{count} objet(s) de la couche « {layer} » ne peuvent pas être projetés en {crs} : ils "
        "sont hors de la zone où ce système de coordonnées est valable. Choisissez à l'étape "
        "Préparer un système qui couvre toutes les données (par exemple WGS 84, EPSG:4326), ou "
        "retirez ces objets de la couche.",
        '{count} feature(s) of layer "{layer}" cannot be projected to {crs}: they lie outside '
        "the area where this reference system is valid. In the Prepare step choose a system "
        "that covers all the data (for example WGS 84, EPSG:4326), or remove these features "
        "from the layer.",
    ),
    "crs.requested": (
        "Système de coordonnées des fichiers : {crs} ({name}), celui demandé.",
        "Reference system of the files: {crs} ({name}), the one requested.",
    ),
    "crs.overseas": (
        "Système de coordonnées des fichiers : {crs} ({name}), le système légal de "
        "{territory} ; {requested} ({requested_name}) ne couvre que la métropole.",
        "Reference system of the files: {crs} ({name}), the legal system of {territory_en}; "
        "{requested} ({requested_name}) only covers mainland France.",
    ),
    "crs.source": (
        "Système de coordonnées des fichiers : {crs} ({name}), celui de la couche ; son emprise "
        "sort de la zone de validité de {requested} ({requested_name}), qui la déformerait ou "
        "ne pourrait pas la projeter.",
        "Reference system of the files: {crs} ({name}), the layer's own; its extent goes "
        "beyond the area of use of {requested} ({requested_name}), which would distort it or "
        "fail to project it.",
    ),
    "crs.wgs84": (
        "Système de coordonnées des fichiers : {crs} ({name}) ; l'emprise de la couche sort de "
        "la zone de validité de {requested} ({requested_name}) : WGS 84 couvre toute la Terre.",
        "Reference system of the files: {crs} ({name}); the layer's extent goes beyond the area "
        "of use of {requested} ({requested_name}): WGS 84 covers the whole Earth.",
    ),
    "export.layer_unreadable": (
        "QGIS ne peut pas lire la couche « {layer} » (source déplacée, supprimée ou "
        "inaccessible) : ouvrez-la dans QGIS et vérifiez sa source (Propriétés › Source).",
        'QGIS cannot read layer "{layer}" (source moved, deleted or not accessible): open it '
        "in QGIS and check its source (Properties › Source).",
    ),
    "export.view_without_key": (
        "QGIS ne peut pas lire « {table} » : c'est une vue PostgreSQL sans clé primaire, et "
        "aucune colonne de valeurs uniques n'a été indiquée pour identifier ses lignes. "
        "Ajoutez de nouveau la vue depuis l'explorateur en choisissant sa colonne identifiant "
        "(« key='…' » dans la source), ou publiez la table elle-même.",
        'QGIS cannot read "{table}": it is a PostgreSQL view without a primary key, and no '
        "column of unique values was given to identify its rows. Add the view again from the "
        "Browser choosing its identifier column (\"key='…'\" in the source), or publish the "
        "table itself.",
    ),
    "export.cancelled": (
        "Export annulé : aucun paquet n'a été laissé à moitié écrit.",
        "Export cancelled: no half-written package was left behind.",
    ),
    "export.folder_unwritable": (
        "Impossible d'écrire dans le dossier {folder} : {detail}",
        "Cannot write to folder {folder}: {detail}",
    ),
}

LEVEL_LABELS = {
    ERROR: ("Bloquant", "Blocking"),
    WARNING: ("À vérifier", "To check"),
    INFO: ("Information", "Information"),
}


class _Params(dict):
    """Format mapping that leaves unknown placeholders visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(item: Any, lang: str = "fr") -> str:
    """French (default) or English sentence of a quality issue or export error."""
    params = _Params(getattr(item, "params", {}) or {})
    params.setdefault("column", getattr(item, "column", ""))
    params.setdefault("count", getattr(item, "count", 0))
    params.setdefault("reason", "?")
    templates = MESSAGES.get(item.code)
    if templates is None:
        return item.code
    return templates[0 if lang == "fr" else 1].format_map(params)


def to_html(report: QualityReport) -> str:
    """The French HTML page of a report (every value escaped)."""
    esc = html.escape
    rows = []
    for issue in report.issues:
        ids = ", ".join(map(str, issue.features))
        if issue.count > len(issue.features) and issue.features:
            ids += f" … (+{issue.count - len(issue.features)})"
        rows.append(
            f'<tr class="{esc(issue.level)}"><td>{esc(LEVEL_LABELS[issue.level][0])}'
            f"</td><td>{esc(issue.column)}</td><td>{esc(message(issue, 'fr'))}</td>"
            f"<td>{esc(ids)}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>Niveau</th><th>Colonne</th><th>Constat</th>"
        "<th>Objets / lignes</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        if rows
        else "<p>Aucun problème détecté.</p>"
    )
    schema = (
        f"<p>Schéma de données : {esc(report.schema_source)} (contrôle : "
        f"{esc(engine_label(report.schema_engine, 'fr'))})</p>"
        if report.schema_source
        else ""
    )
    personal = report.personal_data_columns
    warning = (
        f'<p class="error">Colonnes pouvant contenir des données personnelles : '
        f"{esc(', '.join(personal))}. La publication sera refusée tant qu'elles ne sont "
        "pas retirées ou confirmées.</p>"
        if personal
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Rapport qualité — {esc(report.layer)}</title><style>"
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px 8px;text-align:left}"
        ".error{color:#a00}.warning{color:#a60}.info{color:#666}</style></head><body>"
        f"<h1>Rapport qualité — {esc(report.layer)}</h1>"
        f"<p>{report.feature_count} objet(s) · système de coordonnées : "
        f"{esc(report.crs or 'inconnu')} · {len(report.blocking)} problème(s) bloquant(s) · "
        f"établi le {esc(report.generated)}</p>{warning}{schema}{table}</body></html>\n"
    )
