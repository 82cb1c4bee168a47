"""QGIS Server: one project per layer in a folder the server serves (local or mounted).

Layout, for a layer published under the name ``bornes``::

    <folder>/bornes.gpkg              the data (written by the project writer)
    <folder>/bornes.qgs               WMS + WFS enabled, the layer's QGIS style, service metadata
    <folder>/bornes.geopublier.json   which record the files belong to (never a secret)
    <folder>/bornes.qgs.cfg           optional minimal Lizmap configuration

Writing a ``.qgs`` needs QGIS, so the writer is injected (``project_writer``, see
``plugin/qgis/mapserver_project.py``); this module owns the names, the folder, the atomic
replacement of one layer's files (never another layer's) and the public addresses.

With ``keep_data`` (the layer's data did not change since its last publication here), the
published GeoPackage is kept as it is: it is hard-linked into the staging folder, where the
writer leaves a GeoPackage it finds alone, so only the project (metadata, style) is rewritten
and the data file keeps its inode and modification time.

Connection options: ``folder`` (where GeoPublier writes, required), ``map_folder`` (the same
folder as the server sees it, default ``folder``), ``url_template`` (public address of one
layer's service, e.g. ``https://geo.example.fr/ows/{name}``; default: the connection URL with
``MAP=<map_folder>/<name>.qgs``), ``lizmap`` (true: also write the Lizmap configuration).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable, Optional

from .base import PublishResult
from .errors import PublishError
from .mapserver import MapServerPublisher, ServiceLayer, layer_slug, with_query

# (staging folder, layer, (WMS URL, WFS URL)) -> files written, among them <name>.qgs
ProjectWriter = Callable[[Path, ServiceLayer, tuple[str, str]], Sequence[Path]]
SIDECAR = ".geopublier.json"
STAGING_PREFIX = ".geopublier-staging-"


class QgisServerPublisher(MapServerPublisher):
    """Writes one layer's GeoPackage and project into the served folder; withdraws them."""

    kind = "qgisserver"
    project_writer: Optional[ProjectWriter] = None

    @property
    def folder(self) -> Path:
        """Where GeoPublier writes (required option ``folder``)."""
        folder = str(self.options.get("folder") or "").strip()
        if not folder:
            raise PublishError("missing_option", {"connection": self.name, "option": "folder"})
        return Path(folder).expanduser()

    def project_path(self, name: str) -> Path:
        """The layer's project file."""
        return self.folder / f"{name}.qgs"

    def layer_urls(self, name: str) -> tuple[str, str]:
        """The public WMS and WFS base addresses of the layer's project."""
        template = str(self.options.get("url_template") or "").strip()
        if template:
            url = template.replace("{name}", name)
            return url, url
        map_folder = str(self.options.get("map_folder") or self.folder).rstrip("/")
        url = with_query(self.url, MAP=f"{map_folder}/{name}.qgs")
        return url, url

    # --- contract ---------------------------------------------------------------------

    def test_connection(self) -> dict[str, Any]:
        """The folder exists and is writable; the server answers over HTTP."""
        self._check_folder()
        response = self.http.request(
            "GET",
            with_query(self.url, SERVICE="WMS", REQUEST="GetCapabilities"),
            allow=range(400, 600),
        )
        return {
            "folder": str(self.folder),
            "layers": sorted(self.published_names()),
            "status": response.status_code,
        }

    def find(self, identifier: str) -> Optional[dict[str, Any]]:
        """What the folder holds for the layer ``identifier`` (None when nothing)."""
        if not self.project_path(identifier).exists():
            return None
        return {
            "name": identifier,
            "files": [str(p) for p in self.layer_files(identifier)],
            **self.owner(identifier),
        }

    def delete(self, identifier: str) -> None:
        """Withdraw: remove this layer's files, and only them."""
        files = self.layer_files(identifier)
        if not files:
            raise PublishError("not_found", {"server": self.name, "detail": f"{identifier}.qgs"})
        for path in files:
            path.unlink(missing_ok=True)

    def publish_layer(
        self, layer: ServiceLayer, *, remote_id: Optional[str] = None
    ) -> PublishResult:
        """Write the layer's files in a staging folder, then replace the published ones."""
        if self.project_writer is None:
            raise PublishError("missing_option", {"connection": self.name, "option": "writer"})
        self._check_folder()
        name = remote_id or self._free_name(layer)
        layer = ServiceLayer.from_dict({**layer.as_dict(), "name": name})
        existed = self.project_path(name).exists()
        self._report(0.05, "mapserver.project")
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + name + "-", dir=self.folder))
        try:
            data_kept = existed and self.keep_data and self._link_data(name, staging)
            written = [Path(p) for p in self.project_writer(staging, layer, self.layer_urls(name))]
            if not (staging / f"{name}.qgs").exists():
                raise PublishError(
                    "mapserver_write_failed", {"layer": layer.title, "detail": f"{name}.qgs"}
                )
            (staging / f"{name}{SIDECAR}").write_text(
                json.dumps(layer.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
            )
            self._report(0.8, "mapserver.replace")
            self._replace(name, staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return self.result(
            existed,
            layer,
            files=sorted(p.name for p in written),
            project=str(self.project_path(name)),
            data_kept=data_kept,
        )

    # --- files ------------------------------------------------------------------------

    def layer_files(self, name: str) -> list[Path]:
        """Every file of the layer ``name`` (``name.*``; names never contain a dot)."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_file() and _stem(p) == name)

    def published_names(self) -> set[str]:
        """Names of the layers the folder serves (one project each)."""
        if not self.folder.is_dir():
            return set()
        return {p.name[: -len(".qgs")] for p in self.folder.glob("*.qgs")}

    def owner(self, name: str) -> dict[str, Any]:
        """The sidecar of a published layer ({} when absent or unreadable)."""
        try:
            data = json.loads((self.folder / f"{name}{SIDECAR}").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _free_name(self, layer: ServiceLayer) -> str:
        """The name the folder already serves this record's layer under (whatever slug it
        was given then: the journal may be gone, the slug rules may have changed), else the
        layer's slug, unless another record's layer already uses it in the folder."""
        owners = {n: self.owner(n).get("resource_id") for n in sorted(self.published_names())}
        if layer.resource_id:
            for name, owner in owners.items():
                if owner == layer.resource_id:
                    return name
        taken = [n for n, owner in owners.items() if owner != layer.resource_id or not owner]
        return layer_slug(layer.name or layer.title, taken)

    def _link_data(self, name: str, staging: Path) -> bool:
        """Put the published GeoPackage into ``staging`` without copying it (a hard link, same
        folder); False when there is none or the file system has no hard links."""
        published = self.folder / f"{name}.gpkg"
        if not published.is_file():
            return False
        try:
            os.link(published, staging / published.name)
        except OSError:
            return False
        return True

    def _check_folder(self) -> None:
        folder = self.folder
        if not folder.is_dir():
            raise PublishError(
                "mapserver_folder_missing", {"folder": str(folder), "connection": self.name}
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PublishError(
                "mapserver_folder_readonly", {"folder": str(folder), "detail": "permission"}
            )

    def _replace(self, name: str, staging: Path) -> None:
        """Move the new files in (data first, project last), then drop this layer's leftovers.

        Each move is an atomic rename in the same folder: the server sees the old or the new
        file, never half of one; the project changes last, so it reloads onto the new data.
        """
        new = sorted(staging.iterdir(), key=lambda p: (p.suffix == ".qgs", p.name))
        for path in new:
            if _stem(path) != name:
                continue
            os.replace(path, self.folder / path.name)
        kept = {p.name for p in new}
        for path in self.layer_files(name):
            if path.name not in kept:
                path.unlink(missing_ok=True)


def _stem(path: Path) -> str:
    """``bornes`` for ``bornes.gpkg``, ``bornes.qgs.cfg`` and ``bornes.geopublier.json``."""
    return path.name.split(".", 1)[0]
