"""The in-memory Solr stand-in (the CKAN sandbox's only fake) answers CKAN's real query shapes.

No server needed: the queries below are the ones CKAN 2.12's search code and pysolr send
(site filter, state, permission labels, fielded terms, delete by query).
"""

from __future__ import annotations

import json

from sandbox.solr_standin import Index, search, update

SITE_FILTERS = ['+site_id:"default"', "+state:active"]


def _index() -> Index:
    """Two public datasets of one organisation and a private one of another."""
    index = Index()
    docs = [
        {"index_id": "a", "id": "1", "name": "haies", "title": "Haies bocagères",
         "site_id": "default", "state": "active", "owner_org": "org-1", "tags": ["haies", "bocage"],
         "permission_labels": ["public"], "metadata_modified": "2024-01-02"},
        {"index_id": "b", "id": "2", "name": "arbres", "title": "Arbres remarquables",
         "site_id": "default", "state": "active", "owner_org": "org-1", "tags": ["arbres"],
         "permission_labels": ["public"], "metadata_modified": "2024-03-01"},
        {"index_id": "c", "id": "3", "name": "prive", "title": "Brouillon",
         "site_id": "default", "state": "active", "owner_org": "org-2", "tags": ["haies"],
         "permission_labels": ["member-org-2"], "metadata_modified": "2024-02-01"},
    ]  # fmt: skip
    update(index, json.dumps(docs).encode(), "application/json")
    return index


def _names(answer: dict) -> list[str]:
    """Names of the returned documents."""
    return [doc["name"] for doc in answer["response"]["docs"]]


def test_permission_labels_hide_private_datasets() -> None:
    """An anonymous search (labels: public) does not see the private dataset."""
    params = {"q": ["*:*"], "fq": [*SITE_FILTERS, '+permission_labels:("public")'], "fl": ["*"]}
    answer = search(_index(), params)
    assert answer["response"]["numFound"] == 2
    assert set(_names(answer)) == {"haies", "arbres"}


def test_fielded_text_and_or_queries() -> None:
    """Fielded terms, quoted values, OR groups and free text are evaluated."""
    index = _index()
    assert _names(search(index, {"q": ["name:haies"], "fl": ["name"]})) == ["haies"]
    assert _names(search(index, {"q": ['owner_org:"org-2"'], "fl": ["name"]})) == ["prive"]
    either = search(index, {"q": ["name:haies OR name:arbres"], "fl": ["name"]})
    assert set(_names(either)) == {"haies", "arbres"}
    assert set(_names(search(index, {"q": ["remarquables"], "fl": ["name"]}))) == {"arbres"}
    excluded = search(index, {"q": ["*:*"], "fq": ["-owner_org:org-1"], "fl": ["name"]})
    assert _names(excluded) == ["prive"]


def test_sort_rows_and_facets() -> None:
    """Sort on one field, paging, and facet counts as Solr's JSON writer lays them out."""
    params = {
        "q": ["*:*"],
        "sort": ["metadata_modified desc"],
        "rows": ["2"],
        "fl": ["name"],
        "facet": ["true"],
        "facet.field": ["tags"],
    }
    answer = search(_index(), params)
    assert _names(answer) == ["arbres", "prive"]
    assert answer["response"]["numFound"] == 3
    assert answer["facet_counts"]["facet_fields"]["tags"] == ["haies", 2, "arbres", 1, "bocage", 1]


def test_delete_by_query_and_by_id() -> None:
    """CKAN's XML delete messages remove exactly the matching documents."""
    index = _index()
    update(index, b'<delete><query>+owner_org:"org-2"</query></delete>', "text/xml")
    update(index, b"<delete><id>a</id></delete>", "text/xml")
    update(index, b"<commit />", "text/xml")
    assert _names(search(index, {"q": ["*:*"], "fl": ["name"]})) == ["arbres"]
