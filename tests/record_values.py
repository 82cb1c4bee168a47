"""Compare two ISO 19139 documents value by value (element texts and attribute values).

A value is its path of element names (namespace prefixes aside) with its whitespace-normalised
text; codeList URLs are left out (their spelling varies between tools, their value is in
codeListValue). The metadata date is left out: writing a record changes it.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

IGNORED_ATTRIBUTES = ("codeList",)
IGNORED_ELEMENTS = ("dateStamp",)


def values(xml: bytes) -> Counter:
    """Every (path, value) of the document, counted."""
    found: Counter = Counter()

    def walk(element: etree._Element, path: str) -> None:
        if not isinstance(element.tag, str):
            return
        name = etree.QName(element).localname
        if name in IGNORED_ELEMENTS:
            return
        path = f"{path}/{name}"
        if element.text and element.text.strip():
            found[(path, " ".join(element.text.split()))] += 1
        for key, value in element.attrib.items():
            attribute = etree.QName(key).localname
            if attribute not in IGNORED_ATTRIBUTES:
                found[(f"{path}@{attribute}", value.strip())] += 1
        for child in element:
            walk(child, path)

    walk(etree.fromstring(xml), "")
    return found


def kept_share(original: bytes, written: bytes) -> tuple[float, list]:
    """Share of the original's values found in the written document, and those lost."""
    before, after = values(original), values(written)
    total = sum(before.values())
    kept = sum(min(count, after[key]) for key, count in before.items())
    return kept / total, sorted(key for key, count in before.items() if after[key] < count)


def element_paths(xml: bytes) -> list[str]:
    """The elements in document order, as paths (the metadata date's subtree left out)."""
    root = etree.fromstring(xml)
    tree = etree.ElementTree(root)
    return [
        re.sub(r"\[\d+\]", "", tree.getelementpath(e))
        for e in root.iter()
        if isinstance(e.tag, str)
        and not any(etree.QName(a).localname in IGNORED_ELEMENTS for a in [e, *e.iterancestors()])
    ]
