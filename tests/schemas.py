"""Where the tests find the official ISO 19139 XML Schemas (the copy the pycsw package ships)."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PYCSW_ROOT = "lib/python3*/site-packages/pycsw"
PYCSW_SCHEMAS = (
    "lib/python3*/site-packages/pycsw/plugins/profiles/apiso/schemas/ogc/iso/19139/20070417"
)


def iso19139_xsd_dir() -> Path:
    """The 2007-04-17 ISO 19139 schema folder; fails loudly when `make setup` was not run."""
    if os.environ.get("GEOPUBLIER_XSD_DIR"):
        return Path(os.environ["GEOPUBLIER_XSD_DIR"])
    sandbox = Path(os.environ.get("GEOPUBLIER_SANDBOX_DIR", ROOT / ".sandbox"))
    found = sorted((sandbox / "venvs" / "pycsw").glob(PYCSW_SCHEMAS))
    if not found or not (found[0] / "gmx" / "gmx.xsd").is_file():
        raise RuntimeError(
            f"ISO 19139 schemas not found under {sandbox}/venvs/pycsw: run `make setup`"
        )
    return found[0]


# Where each part of the pycsw copy lives on its official server.
OFFICIAL_PLACES = (
    (
        "plugins/profiles/apiso/schemas/ogc/iso/19139/20070417",
        "http://schemas.opengis.net/iso/19139/20070417",
    ),
    ("core/schemas/ogc/gml/3.2.1", "http://schemas.opengis.net/gml/3.2.1"),
    ("core/schemas/w3c", "http://www.w3.org"),
)
SCHEMA_LOCATION = re.compile(rb'schemaLocation="([^"]+)"')


def pycsw_root() -> Path:
    """The pycsw package folder of the sandbox venv (it ships the schemas)."""
    sandbox = Path(os.environ.get("GEOPUBLIER_SANDBOX_DIR", ROOT / ".sandbox"))
    found = sorted((sandbox / "venvs" / "pycsw").glob(PYCSW_ROOT))
    if not found:
        raise RuntimeError(f"pycsw not found under {sandbox}/venvs/pycsw: run `make setup`")
    return found[0].resolve()


def official_url(path: Path) -> str:
    """The URL a file of the pycsw copy has on schemas.opengis.net or www.w3.org."""
    root = pycsw_root()
    for local, url in OFFICIAL_PLACES:
        folder = root / local
        if path.is_relative_to(folder):
            return f"{url}/{path.relative_to(folder).as_posix()}"
    raise ValueError(f"{path} is not part of the ISO 19139 / GML 3.2.1 / XLink schemas")


def build_opengis_mirror(mirror: Path) -> dict[str, Path]:
    """Copy pycsw's schemas laid out as the official servers serve them: `{url: file}`.

    Files are placed by their official URL (schemas.opengis.net paths at the mirror's root,
    www.w3.org files under `w3c/`). References inside one set (ISO 19139, GML, W3C) stay
    relative; references to another set become the absolute official URLs, as on the real
    servers since 2010 (e.g. gcoBase.xsd imports http://schemas.opengis.net/gml/3.2.1/gml.xsd
    and http://www.w3.org/1999/xlink.xsd).
    """
    root = pycsw_root()
    files: dict[str, Path] = {}
    for local, _url in OFFICIAL_PLACES:
        for source in sorted((root / local).rglob("*.xsd")):
            url = official_url(source)
            place = url.replace("http://schemas.opengis.net/", "").replace(
                "http://www.w3.org/", "w3c/"
            )

            def relocate(match: re.Match, source: Path = source, url: str = url) -> bytes:
                referenced = (source.parent / match.group(1).decode()).resolve()
                if not referenced.is_file():  # e.g. GML's defaultStyle.xsd → SMIL, not shipped
                    return match.group(0)
                target = official_url(referenced)
                if _set_of(target) == _set_of(url):
                    relative = posixpath.relpath(
                        urlsplit(target).path, posixpath.dirname(urlsplit(url).path)
                    )
                    return b'schemaLocation="' + relative.encode() + b'"'
                return b'schemaLocation="' + target.encode() + b'"'

            destination = mirror / place
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(SCHEMA_LOCATION.sub(relocate, source.read_bytes()))
            files[url] = destination
    return files


def _set_of(url: str) -> str:
    """Which schema set an official URL belongs to (its host and first folder)."""
    parts = urlsplit(url)
    return f"{parts.netloc}/{parts.path.split('/')[1]}"
