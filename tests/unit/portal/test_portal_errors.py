"""Portal error sentences: udata's and CKAN's field errors, the portal codes in errors.MESSAGES."""

from __future__ import annotations

import pytest

from plugin.publishers.errors import MESSAGES, PublishError, flatten_field_errors, message

PORTAL_CODES = (
    "licence_rejected",
    "portal_dataset_missing",
    "portal_duplicates",
    "upload_failed",
    "not_published",
    "file_changed",
    "portal_no_organization",
)


def test_nested_field_errors_are_flattened_with_their_path() -> None:
    """udata nests sub-forms; CKAN lists one object per resource (empty when valid)."""
    udata = {
        "spatial": {"zones": ["Bad GeoID format: nope"]},
        "tags": ['Le mot-clé "ab" doit avoir entre 3 et 96 caractères.'],
    }
    ckan = {"resources": [{}, {"url": ["Missing value"]}], "name": ["That URL is already in use."]}

    assert flatten_field_errors(udata) == {
        "spatial.zones": "Bad GeoID format: nope",
        "tags": 'Le mot-clé "ab" doit avoir entre 3 et 96 caractères.',
    }
    assert flatten_field_errors(ckan) == {
        "resources[1].url": "Missing value",
        "name": "That URL is already in use.",
    }


def test_bad_request_sentence_lists_the_refused_fields() -> None:
    """The fields replace the server's generic words; the status shown is the real one."""
    err = PublishError(
        "bad_request",
        {
            "server": "portail.example.fr",
            "status": 409,
            "detail": "Validation Error",
            "fields": {"owner_org": "Organization does not exist", "tags": "too short"},
        },
    )
    assert message(err, "fr") == (
        "portail.example.fr a refusé les données envoyées (erreur 409) : "
        "owner_org : Organization does not exist; tags : too short"
    )
    assert "(error 409): owner_org : Organization" in message(err, "en")


def test_bad_request_without_fields_or_status() -> None:
    """A locally raised refusal still reads well (status defaults to 400, detail kept)."""
    err = PublishError("bad_request", {"server": "geo.example.fr", "detail": "import refusé"})
    assert message(err, "fr") == (
        "geo.example.fr a refusé les données envoyées (erreur 400) : import refusé"
    )


@pytest.mark.parametrize("code", PORTAL_CODES)
def test_portal_codes_have_french_and_english_sentences(code: str) -> None:
    """Every portal code is in the shared table, French and English, without a raw key."""
    params = {
        "server": "s",
        "licence": "l",
        "stored": "x",
        "dataset": "d",
        "file": "f",
        "detail": "-",
        "path": "p",
    }
    french, english = (
        message(PublishError(code, params), "fr"),
        message(PublishError(code, params), "en"),
    )
    assert set(MESSAGES[code]) == {"fr", "en"}
    assert french != english and code not in french and "{" not in french + english
