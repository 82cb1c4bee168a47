"""Does the portal still hold the files we sent? Checked when the data did not change.

Republishing an unchanged layer uploads nothing (see ``freshness.package_reusable``), but a file
may have been deleted on the portal by hand, or replaced there by someone else. Each portal
publisher describes the files a dataset holds as ``{file name: version}`` (udata: the checksum
it computes on every upload, ``sha1:…``; CKAN, which computes none: the size and the
``last_modified`` it stamps on every upload). The journal keeps that description after each
publication; the next one compares it with the dataset it reads anyway (no extra request) and
sends again only the files gone or changed there, taken from the package (exported again when
needed, through the ``resend`` callback the step gives).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Callable, Optional

FILES_DETAIL = "held_files"  # PublishResult.details key: {file name: version on the portal}
RESENT_DETAIL = "resent"  # PublishResult.details key: names sent again (gone or changed there)

# names → (paths of those files, their texts keyed by file name, as ``file_resources`` gives)
Resend = Callable[[Sequence[str]], tuple[list[Path], dict[str, Mapping[str, Any]]]]


def parse(text: str) -> dict[str, str]:
    """The ``{file name: version}`` kept in a journal entry ({} when none or unreadable)."""
    try:
        raw = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if v}


def to_text(held: Mapping[str, str]) -> str:
    """Compact JSON for the journal ("" for none)."""
    return json.dumps(dict(held), sort_keys=True, ensure_ascii=False) if held else ""


def files_to_resend(
    kept: Mapping[str, str], now: Mapping[str, str], sending: Iterable[str] = ()
) -> list[str]:
    """Names of the files held at the last publication that the portal lost or holds in
    another version now, except those already being sent; sorted."""
    sent = set(sending)
    return sorted(
        name for name, version in kept.items() if name not in sent and now.get(name) != version
    )


def add_resent(
    kept: Optional[Mapping[str, str]],
    now: Mapping[str, str],
    paths: list[Path],
    texts: dict[str, Mapping[str, Any]],
    resend: Optional[Resend],
) -> list[str]:
    """Append to ``paths`` and ``texts`` the files to send again; the names asked for."""
    if not kept or resend is None:
        return []
    names = files_to_resend(kept, now, (p.name for p in paths))
    if names:
        more, described = resend(names)
        paths += [p for p in more if p.name in names]
        texts.update(described)
    return names
