"""Coded publication errors and their French/English messages.

Publishers never build sentences: they raise :class:`PublishError` with a stable ``code`` and
``params``; the GUI, the report and the Processing algorithm turn them into words with
:func:`message`. Nothing in an error may carry a secret (see :func:`redact`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters whose values must never leave the process (URLs end up in errors and logs).
_SECRET_QUERY_KEYS = frozenset(
    {"password", "passwd", "pwd", "api_key", "apikey", "key", "token", "access_token", "secret"}
)
_MASK = "***"


class PublishError(Exception):
    """A failure the user can act on: a stable ``code`` plus plain-data ``params``."""

    def __init__(self, code: str, params: Mapping[str, Any] | None = None) -> None:
        self.code = code
        self.params: dict[str, Any] = dict(params or {})
        super().__init__(code)

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code} ({details})" if details else self.code

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.params!r})"


class ConfigError(PublishError):
    """A problem in the saved connections or the journal file (not a server answer)."""


def safe_url(url: str) -> str:
    """Return ``url`` without user:password and with secret query values masked."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = parts.query
    if query:
        pairs = [
            (k, _MASK if k.lower() in _SECRET_QUERY_KEYS else v)
            for k, v in parse_qsl(query, keep_blank_values=True)
        ]
        query = urlencode(pairs, safe="/:")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every occurrence of each (non-trivial) secret in ``text`` by a mask."""
    for secret in secrets:
        if secret and len(secret) >= 3:
            text = text.replace(secret, _MASK)
    return text


def server_label(url: str) -> str:
    """Short name of a server for messages: its host[:port], never credentials."""
    netloc = urlsplit(url).netloc.rsplit("@", 1)[-1]
    return netloc or url


# French first: the plugin's users are French local authorities.
MESSAGES: dict[str, dict[str, str]] = {
    "unreachable": {
        "fr": "Le serveur {server} ne répond pas. Vérifiez l'adresse, votre connexion et le proxy "
        "dans les options de QGIS, puis réessayez.",
        "en": "The server {server} cannot be reached. Check the address, your network and the "
        "QGIS proxy settings, then try again.",
    },
    "timeout": {
        "fr": "Le serveur {server} n'a pas répondu à temps. Réessayez plus tard ou augmentez le "
        "délai d'attente.",
        "en": "The server {server} did not answer in time. Try again later or raise the timeout.",
    },
    "tls": {
        "fr": "La connexion sécurisée (HTTPS) avec {server} a échoué : certificat refusé. "
        "Vérifiez les autorités de certification dans les options SSL de QGIS.",
        "en": "The secure (HTTPS) connection to {server} failed: certificate refused. Check the "
        "certificate authorities in the QGIS SSL settings.",
    },
    "auth": {
        "fr": "{server} refuse l'identifiant ou le mot de passe (erreur 401). Corrigez la "
        "configuration d'authentification de la connexion.",
        "en": "{server} rejected the user name or password (error 401). Fix the connection's "
        "authentication configuration.",
    },
    "forbidden": {
        "fr": "{server} refuse l'opération (erreur 403) : ce compte n'a pas les droits "
        "nécessaires. Demandez-les à l'administrateur du serveur.",
        "en": "{server} refused the operation (error 403): this account lacks the required "
        "rights. Ask the server administrator.",
    },
    "not_found": {
        "fr": "{server} ne trouve pas l'objet demandé (erreur 404) : {detail}. Vérifiez l'adresse "
        "de la connexion ou republiez.",
        "en": "{server} cannot find the requested object (error 404): {detail}. Check the "
        "connection address or publish again.",
    },
    "too_large": {
        "fr": "{server} refuse l'envoi : fichier trop volumineux (erreur 413). Réduisez le fichier "
        "ou demandez à l'administrateur d'augmenter la limite.",
        "en": "{server} refused the upload: file too large (error 413). Make the file smaller or "
        "ask the administrator to raise the limit.",
    },
    "rate_limited": {
        "fr": "{server} limite le nombre de requêtes (erreur 429). Patientez quelques minutes puis "
        "relancez les étapes en échec.",
        "en": "{server} is limiting requests (error 429). Wait a few minutes, then retry the "
        "failed steps.",
    },
    "server_error": {
        "fr": "{server} a rencontré une erreur interne (erreur {status}). Rien n'a été considéré "
        "comme publié ; réessayez plus tard ou contactez l'administrateur.",
        "en": "{server} had an internal error (error {status}). Nothing was counted as published; "
        "try again later or contact the administrator.",
    },
    "exception_report": {
        "fr": "{server} a renvoyé une erreur OGC ({exception_code}) : {detail}",
        "en": "{server} returned an OGC exception ({exception_code}): {detail}",
    },
    "invalid_answer": {
        "fr": "La réponse de {server} est inattendue ({detail}). Vérifiez que l'adresse désigne "
        "bien le bon type de service.",
        "en": "{server} gave an unexpected answer ({detail}). Check that the address points to "
        "the right kind of service.",
    },
    "conflict": {
        "fr": "{server} signale un conflit (erreur 409) : {detail}",
        "en": "{server} reports a conflict (error 409): {detail}",
    },
    "bad_request": {
        "fr": "{server} a refusé les données envoyées (erreur {status}) : {detail}",
        "en": "{server} rejected the data sent (error {status}): {detail}",
    },
    "http_error": {
        "fr": "{server} a répondu par l'erreur HTTP {status}.",
        "en": "{server} answered with HTTP error {status}.",
    },
    "cancelled": {
        "fr": "Publication annulée par l'utilisateur.",
        "en": "Publication cancelled by the user.",
    },
    "transactions_disabled": {
        "fr": "Le catalogue {server} n'accepte pas les transactions CSW-T. Activez-les sur le "
        "serveur ou choisissez une autre connexion.",
        "en": "The catalogue {server} does not accept CSW-T transactions. Enable them on the "
        "server or choose another connection.",
    },
    "transaction_failed": {
        "fr": "Le catalogue {server} n'a pas confirmé l'opération « {operation} » "
        "({count} fiche au lieu de 1). La fiche n'est pas considérée comme publiée.",
        "en": "The catalogue {server} did not confirm the '{operation}' operation ({count} record "
        "instead of 1). The record is not counted as published.",
    },
    "remote_changed": {
        "fr": "La fiche a été modifiée dans le catalogue {server} depuis votre dernière "
        "publication ({changed}) : rien n'a été écrasé. Choisissez de fusionner (ses "
        "modifications plus les vôtres) ou d'écraser, ou annulez.",
        "en": "The record was changed in the catalogue {server} since your last publication "
        "({changed}): nothing was overwritten. Choose to merge (their changes plus yours) or to "
        "overwrite, or cancel.",
    },
    "login_required": {
        "fr": "{server} demande de se connecter : la connexion n'envoie pas d'identifiant, ou le "
        "serveur ne l'accepte pas par HTTP Basic. Renseignez la configuration d'authentification "
        "de la connexion avec un compte éditeur du catalogue.",
        "en": "{server} asks to sign in: the connection sends no user name, or the server does "
        "not accept it through HTTP Basic. Set the connection's authentication configuration to "
        "an editor account of the catalogue.",
    },
    "catalogue_not_allowed": {
        "fr": "Le catalogue {server} refuse que ce compte modifie la fiche ({detail}). Elle "
        "appartient sans doute à un groupe où ce compte n'est pas éditeur : demandez ce droit à "
        "l'administrateur du catalogue.",
        "en": "The catalogue {server} does not let this account change the record ({detail}). It "
        "probably belongs to a group where this account is not an editor: ask the catalogue "
        "administrator for that right.",
    },
    "geonetwork_not_public": {
        "fr": "La fiche est dans le catalogue {server}, mais son API a refusé de la rendre "
        "publique ({detail}) : seul votre groupe la voit. Partagez-la avec « Tous » dans "
        "GeoNetwork ou demandez-le à l'administrateur du catalogue.",
        "en": "The record is in the catalogue {server}, but its API refused to make it public "
        "({detail}): only your group sees it. Share it with 'All' in GeoNetwork or ask the "
        "catalogue administrator.",
    },
    "geonetwork_thumbnail_not_sent": {
        "fr": "La fiche est dans le catalogue {server}, mais son API a refusé l'aperçu ({detail}) "
        ": la fiche n'a pas d'image. Ajoutez-la dans GeoNetwork ou demandez à l'administrateur "
        "le droit d'y joindre des fichiers.",
        "en": "The record is in the catalogue {server}, but its API refused the thumbnail "
        "({detail}): the record has no image. Add it in GeoNetwork or ask the administrator for "
        "the right to attach files.",
    },
    "invalid_record": {
        "fr": "La fiche de métadonnées ne peut pas être envoyée : {detail}",
        "en": "The metadata record cannot be sent: {detail}",
    },
    "missing_option": {
        "fr": "La connexion « {connection} » n'indique pas l'option « {option} ».",
        "en": "The connection '{connection}' does not set the '{option}' option.",
    },
    "conn_file_unreadable": {
        "fr": "Le fichier de connexions {path} ne peut pas être lu : {detail}",
        "en": "The connections file {path} cannot be read: {detail}",
    },
    "conn_file_invalid": {
        "fr": "Le fichier de connexions {path} n'est pas valide : {detail}",
        "en": "The connections file {path} is not valid: {detail}",
    },
    "conn_missing_field": {
        "fr": "La connexion « {connection} » n'a pas de champ « {field} ».",
        "en": "The connection '{connection}' has no '{field}' field.",
    },
    "conn_bad_field": {
        "fr": "La connexion « {connection} » a un champ « {field} » incorrect : {detail}",
        "en": "The connection '{connection}' has an incorrect '{field}' field: {detail}",
    },
    "conn_bad_type": {
        "fr": "La connexion « {connection} » a un type inconnu « {value} » (attendu : {allowed}).",
        "en": "The connection '{connection}' has an unknown type '{value}' (expected: {allowed}).",
    },
    "conn_bad_url": {
        "fr": "La connexion « {connection} » a une adresse incorrecte : elle doit commencer par "
        "http:// ou https:// et ne contenir ni identifiant ni mot de passe.",
        "en": "The connection '{connection}' has an incorrect address: it must start with "
        "http:// or https:// and hold no user name or password.",
    },
    "conn_secret_inline": {
        "fr": "La connexion « {connection} » contient un secret en clair (« {field} »). Utilisez "
        "une configuration d'authentification QGIS ou une variable d'environnement.",
        "en": "The connection '{connection}' holds a secret in clear ('{field}'). Use a QGIS "
        "authentication configuration or an environment variable.",
    },
    "conn_duplicate": {
        "fr": "Deux connexions portent le nom « {connection} ».",
        "en": "Two connections are named '{connection}'.",
    },
    "conn_not_found": {
        "fr": "Aucune connexion ne s'appelle « {connection} ».",
        "en": "No connection is named '{connection}'.",
    },
    "conn_env_missing": {
        "fr": "La connexion « {connection} » attend la variable d'environnement {variable}, qui "
        "n'est pas définie.",
        "en": "The connection '{connection}' needs the environment variable {variable}, which is "
        "not set.",
    },
    "auth.config_unreadable": {
        "fr": "La configuration d'authentification « {authcfg} » de la connexion « {connection} » "
        "ne peut pas être lue : elle n'existe pas dans ce profil QGIS, ou le mot de passe "
        "principal n'a pas été saisi. Vérifiez-la dans Préférences → Options → Authentification.",
        "en": "The authentication configuration '{authcfg}' of the connection '{connection}' "
        "cannot be read: it does not exist in this QGIS profile, or the master password was "
        "not entered. Check it in Settings → Options → Authentication.",
    },
    "journal_corrupt": {
        "fr": "Le journal de publication {path} est illisible ({detail}). Il n'a pas été modifié ; "
        "réparez-le ou déplacez-le.",
        "en": "The publication journal {path} is unreadable ({detail}). It was left untouched; "
        "repair or move it.",
    },
    "journal_write": {
        "fr": "Le journal de publication {path} ne peut pas être écrit : {detail}",
        "en": "The publication journal {path} cannot be written: {detail}",
    },
    # Open data portals (udata, CKAN).
    "licence_rejected": {
        "fr": "Le portail {server} ne connaît pas la licence « {licence} » (il l'aurait "
        "enregistrée comme « {stored} »). Choisissez une licence proposée par ce portail.",
        "en": "The portal {server} does not know the licence '{licence}' (it would have stored "
        "'{stored}'). Choose a licence this portal offers.",
    },
    "portal_dataset_missing": {
        "fr": "Le jeu de données {dataset} publié auparavant n'existe plus sur {server} (supprimé "
        "sur le portail, ou ce compte ne le voit plus). Pour le publier à nouveau, cliquez sur "
        "« Publier à neuf » (avec geopublier:publish : option REPUBLISH_MISSING) ; un nouveau jeu "
        "de données sera créé et le journal mis à jour.",
        "en": "The dataset {dataset} published earlier no longer exists on {server} (deleted on "
        "the portal, or this account can no longer see it). To publish it again, click "
        "'Publish afresh' (with geopublier:publish: the REPUBLISH_MISSING option); a new dataset "
        "will be created and the journal updated.",
    },
    "catalogue_record_missing": {
        "fr": "La fiche {remote_id} publiée auparavant n'est plus dans le catalogue {server} "
        "(supprimée dans le catalogue, ou catalogue vidé). Pour l'y publier de nouveau, sous le "
        "même identifiant (sans doublon), cliquez sur « Publier à neuf » (avec "
        "geopublier:publish : option REPUBLISH_MISSING) ; si elle a été retirée volontairement, "
        "décochez ce catalogue.",
        "en": "The record {remote_id} published earlier is no longer in the catalogue {server} "
        "(deleted in the catalogue, or the catalogue was emptied). To publish it there again, "
        "under the same identifier (no duplicate), click 'Publish afresh' (with "
        "geopublier:publish: the REPUBLISH_MISSING option); if it was withdrawn on purpose, "
        "untick this catalogue.",
    },
    "portal_duplicates": {
        "fr": "Le portail {server} a déjà plusieurs jeux de données pour la ressource "
        "{identifier} : {datasets}. GeoPublier n'en crée pas un de plus et ne choisit pas à votre "
        "place : supprimez le doublon sur le portail (ou retirez-lui l'identifiant dans ses "
        "métadonnées complémentaires), puis publiez à nouveau.",
        "en": "The portal {server} already has several datasets for the resource {identifier}: "
        "{datasets}. GeoPublier creates no other one and does not choose for you: delete the "
        "duplicate on the portal (or remove the identifier from its extras), then publish again.",
    },
    "upload_failed": {
        "fr": "{server} a refusé l'envoi du fichier « {file} » : {detail}",
        "en": "{server} refused the upload of the file '{file}': {detail}",
    },
    "not_published": {
        "fr": "{server} n'a pas rendu public le jeu de données {dataset} : il reste privé.",
        "en": "{server} did not make the dataset {dataset} public: it stays private.",
    },
    "file_changed": {
        "fr": "Le fichier « {path} » a changé pendant l'envoi. Relancez la publication.",
        "en": "The file '{path}' changed during the upload. Publish again.",
    },
    "portal_bad_token": {
        "fr": "{server} ne reconnaît pas le jeton d'API de la connexion (il est faux, expiré ou "
        "révoqué) : le portail refuse toute écriture. Créez un nouveau jeton sur la page de votre "
        "compte du portail et enregistrez-le dans la configuration d'authentification.",
        "en": "{server} does not recognise the connection's API token (wrong, expired or "
        "revoked): the portal refuses every write. Create a new token on your account page of "
        "the portal and save it in the authentication configuration.",
    },
    "portal_no_organization": {
        "fr": "Ce compte ne peut publier dans aucune organisation de {server}. Demandez à être "
        "membre (éditeur) de l'organisation.",
        "en": "This account cannot publish in any organisation of {server}. Ask to become an "
        "editor of the organisation.",
    },
}

_FALLBACK = {
    "fr": "Erreur de publication ({code}).",
    "en": "Publication error ({code}).",
}


# Parameters a message needs that some raisers leave out (a local check has no HTTP status).
_PARAM_DEFAULTS: dict[str, dict[str, str]] = {"bad_request": {"status": "400"}}
_FIELDS_CHARS = 600


class _Defaults(dict):
    """Format mapping that shows a neutral placeholder for missing parameters."""

    def __missing__(self, key: str) -> str:
        return "?" if key != "detail" else "-"


def message(err: PublishError, lang: str = "fr") -> str:
    """Plain-language sentence for ``err`` in ``lang`` ("fr" or "en"; French otherwise).

    When the server named the fields it refused (``params["fields"]``), they are the detail:
    "tags : Le mot-clé « ab » doit avoir entre 3 et 96 caractères ; spatial.zones : ...".
    """
    lang = "en" if lang.lower().startswith("en") else "fr"
    template = MESSAGES.get(err.code, {}).get(lang)
    if template is None:
        return _FALLBACK[lang].format(code=err.code)
    values = _Defaults(_PARAM_DEFAULTS.get(err.code, {}))
    values.update({k: _display(v) for k, v in err.params.items()})
    values.setdefault("code", err.code)
    fields = err.params.get("fields")
    if isinstance(fields, Mapping) and fields:
        listed = field_errors_text(fields)
        values["detail"] = listed if len(listed) <= _FIELDS_CHARS else listed[:_FIELDS_CHARS] + "…"
    return template.format_map(values)


def flatten_field_errors(errors: Any, prefix: str = "") -> dict[str, str]:
    """A server's field errors (nested objects, lists of messages or of sub-objects, as udata's
    forms and CKAN's validators send them) as ``{"spatial.zones": "Bad GeoID format"}``."""
    flat: dict[str, str] = {}
    if isinstance(errors, Mapping):
        for key, value in errors.items():
            flat.update(flatten_field_errors(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(errors, (list, tuple)):
        texts = [_display(e) for e in errors if not isinstance(e, (Mapping, list, tuple))]
        if any(texts):
            flat[prefix or "-"] = ", ".join(t for t in texts if t)
        for index, item in enumerate(errors):
            if isinstance(item, (Mapping, list, tuple)):
                flat.update(flatten_field_errors(item, f"{prefix}[{index}]"))
    elif errors is not None and _display(errors):
        flat[prefix or "-"] = _display(errors)
    return flat


def field_errors_text(fields: Mapping[str, Any]) -> str:
    """One line naming every refused field and why: ``"tags : ...; title : ..."``."""
    return "; ".join(f"{name} : {text}" for name, text in flatten_field_errors(fields).items())


def _display(value: Any) -> str:
    """Render one parameter for a sentence (lists joined, field errors flattened)."""
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_display(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_display(v) for v in value)
    return re.sub(r"\s+", " ", str(value)).strip()
