"""Reading ISO 19139 records back with OWSLib as Debian ships it: 0.27 (Debian 12) or 0.33 (13).

OWSLib changed its record objects between these versions: `identification` became a list, and
keyword groups became objects whose keywords are objects. Tests read records through these
helpers so they check what the catalogue holds, whatever the OWSLib version.
"""

from __future__ import annotations

from owslib.iso import MD_DataIdentification, MD_Metadata


def data_identification(record: MD_Metadata) -> MD_DataIdentification:
    """The record's (first) data identification."""
    identification = record.identification
    if isinstance(identification, list):  # OWSLib >= 0.28
        assert identification, "record without identification"
        return identification[0]
    return identification


def keyword_groups(identification: MD_DataIdentification) -> list[tuple[str | None, list[str]]]:
    """(thesaurus title or None, keywords) for each keyword group, in document order."""
    groups = getattr(identification, "keywords2", None) or identification.keywords
    found = []
    for group in groups:
        words = [getattr(word, "name", word) for word in group.keywords]
        thesaurus = (group.thesaurus or {}).get("title")
        found.append((thesaurus, words))
    return found
