"""GeoServer through its REST API: one datastore per layer, so a layer is replaced alone.

Sequence (GeoServer REST API 1.0.0, ``<url>/rest``):

1. ``GET /workspaces/{ws}`` — 404: ``POST /workspaces`` creates it. A workspace is never
   emptied or deleted by GeoPublier (the top complaint against the existing tool).
2. ``PUT /workspaces/{ws}/datastores/{name}/file.gpkg?configure=all&update=overwrite`` — the
   GeoPackage, streamed from disk: creates the store and its feature type, or replaces the data.
3. ``PUT /workspaces/{ws}/datastores/{name}/featuretypes/{name}`` — title, abstract, keywords,
   the metadata link to the catalogue record.
4. The layer's QGIS style as SLD (QGIS's own export): ``POST /workspaces/{ws}/styles?name=``
   (or ``PUT /workspaces/{ws}/styles/{name}`` when it exists), then
   ``PUT /layers/{ws}:{name}`` makes it the default style.

Withdraw: ``DELETE /workspaces/{ws}/datastores/{name}?recurse=true`` (the store, its feature
type and layer) and ``DELETE /workspaces/{ws}/styles/{name}?purge=true``.

The data and the SLD come from an injected ``sources`` callable (QGIS writes them, see
``plugin/qgis/mapserver_style.py``). Connection option: ``workspace`` (default ``geopublier``).
With ``keep_data`` (the data did not change since the last publication) and the layer still on
the server, step 2 is left out: no GeoPackage is written nor uploaded, the store keeps its data.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote

from .base import PublishResult
from .errors import PublishError
from .mapserver import MapServerPublisher, ServiceLayer, layer_slug

DEFAULT_WORKSPACE = "geopublier"
JSON = {"Accept": "application/json"}
GPKG_TYPE = "application/geopackage+sqlite3"
SLD_TYPES = {"1.0.0": "application/vnd.ogc.sld+xml", "1.1.0": "application/vnd.ogc.se+xml"}


@dataclass(frozen=True)
class LayerSources:
    """What QGIS prepared for GeoServer: the GeoPackage, the SLD and what SLD cannot say."""

    geopackage: Optional[Path]  # None: not written (the server keeps the data it holds)
    sld: bytes = b""
    sld_version: str = "1.0.0"
    style_limits: Sequence[str] = field(default_factory=tuple)


# (working folder, layer[, data=False]) -> the layer's GeoPackage (table named after the layer,
# left out with data=False) and SLD.
SourcesWriter = Callable[..., LayerSources]


class GeoServerPublisher(MapServerPublisher):
    """Publishes one layer (its data, metadata and style) in a GeoServer workspace."""

    kind = "geoserver"
    sources: Optional[SourcesWriter] = None

    @property
    def rest(self) -> str:
        """The REST API root."""
        return self.url.rstrip("/") + "/rest"

    @property
    def workspace(self) -> str:
        """The workspace (ASCII slug of the option; ``geopublier`` by default)."""
        return layer_slug(str(self.options.get("workspace") or DEFAULT_WORKSPACE))

    def layer_urls(self, name: str) -> tuple[str, str]:
        """The workspace's own WMS and WFS (virtual services), where ``name`` is listed."""
        base = f"{self.url.rstrip('/')}/{self.workspace}"
        return f"{base}/wms", f"{base}/wfs"

    def _store(self, name: str, tail: str = "") -> str:
        return f"{self.rest}/workspaces/{self.workspace}/datastores/{quote(name)}{tail}"

    # --- contract ---------------------------------------------------------------------

    def test_connection(self) -> dict[str, Any]:
        """The REST API answers and accepts the credentials; says whether the workspace exists."""
        response = self.http.request("GET", f"{self.rest}/about/version.json", headers=JSON)
        about = self.http.parse_json(response)
        return {
            "workspace": self.workspace,
            "workspace_exists": self._workspace_exists(),
            "version": _version(about),
        }

    def find(self, identifier: str) -> Optional[dict[str, Any]]:
        """The feature type of the layer ``identifier`` (None when absent)."""
        response = self.http.request(
            "GET",
            self._store(identifier, f"/featuretypes/{quote(identifier)}.json"),
            headers=JSON,
            allow=(404,),
        )
        if response.status_code == 404:
            return None
        return self.http.parse_json(response).get("featureType") or {}

    def delete(self, identifier: str) -> None:
        """Withdraw the layer: its datastore (recursively) and its style; the workspace stays."""
        response = self.http.request(
            "DELETE", self._store(identifier), params={"recurse": "true"}, allow=(404,)
        )
        style = self._style_url(identifier)
        styled = self.http.request("DELETE", style, params={"purge": "true"}, allow=(404,))
        if response.status_code == 404 and styled.status_code == 404:
            raise PublishError("not_found", {"server": self.http.server, "detail": identifier})

    def publish_layer(
        self, layer: ServiceLayer, *, remote_id: Optional[str] = None
    ) -> PublishResult:
        """Create or replace the layer's store, feature type and style."""
        if self.sources is None:
            raise PublishError("missing_option", {"connection": self.name, "option": "sources"})
        name = remote_id or layer_slug(layer.name or layer.title)
        layer = ServiceLayer.from_dict({**layer.as_dict(), "name": name})
        self._report(0.05, "geoserver.workspace")
        self._ensure_workspace()
        existed = self.find(name) is not None
        data_kept = existed and self.keep_data
        folder = Path(tempfile.mkdtemp(prefix="geopublier-geoserver-"))
        try:
            if data_kept:
                sources = self.sources(folder, layer, data=False)
            else:
                sources = self.sources(folder, layer)
            self._report(0.2, "geoserver.data")
            if sources.geopackage is not None:
                self._upload(name, sources.geopackage)
            data_kept = sources.geopackage is None
            self._report(0.7, "geoserver.metadata")
            self._describe(layer)
            self._report(0.85, "geoserver.style")
            styled = self._style(name, sources) if sources.sld else False
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return self.result(
            existed,
            layer,
            workspace=self.workspace,
            style=name if styled else "",
            style_limits=list(sources.style_limits),
            data_kept=data_kept,
        )

    # --- steps --------------------------------------------------------------------------

    def _workspace_exists(self) -> bool:
        response = self.http.request(
            "GET", f"{self.rest}/workspaces/{self.workspace}.json", headers=JSON, allow=(404,)
        )
        return response.status_code != 404

    def _ensure_workspace(self) -> None:
        """Create the workspace only when it is missing (never touch an existing one)."""
        if self._workspace_exists():
            return
        self.http.request(
            "POST",
            f"{self.rest}/workspaces",
            json={"workspace": {"name": self.workspace}},
            idempotent=False,
        )

    def _upload(self, name: str, geopackage: Path) -> None:
        """Send the GeoPackage (streamed); ``update=overwrite`` replaces the store's data."""
        with open(geopackage, "rb") as stream:
            self.http.request(
                "PUT",
                self._store(name, "/file.gpkg"),
                params={"configure": "all", "update": "overwrite", "filename": f"{name}.gpkg"},
                data=stream,
                headers={"Content-Type": GPKG_TYPE},
            )

    def _describe(self, layer: ServiceLayer) -> None:
        """Title, abstract, keywords and the metadata link of the feature type."""
        feature_type: dict[str, Any] = {
            "name": layer.name,
            "nativeName": layer.name,
            "title": layer.title,
            "abstract": layer.abstract,
            "keywords": {"string": list(layer.keywords)},
            "enabled": True,
        }
        if layer.metadata_url:
            feature_type["metadataLinks"] = {
                "metadataLink": [
                    {
                        "type": "text/xml",
                        "metadataType": "ISO19115:2003",
                        "content": layer.metadata_url,
                    }
                ]
            }
        self.http.request(
            "PUT",
            self._store(layer.name, f"/featuretypes/{quote(layer.name)}"),
            params={"recalculate": "nativebbox,latlonbbox"},
            json={"featureType": feature_type},
        )

    def _style_url(self, name: str) -> str:
        return f"{self.rest}/workspaces/{self.workspace}/styles/{quote(name)}"

    def _style(self, name: str, sources: LayerSources) -> bool:
        """Upload (or replace) the SLD under the layer's name and make it the default style."""
        content_type = SLD_TYPES.get(sources.sld_version, SLD_TYPES["1.0.0"])
        exists = (
            self.http.request(
                "GET", self._style_url(name) + ".json", headers=JSON, allow=(404,)
            ).status_code
            != 404
        )
        headers = {"Content-Type": content_type}
        if exists:
            self.http.request("PUT", self._style_url(name), data=sources.sld, headers=headers)
        else:
            self.http.request(
                "POST",
                f"{self.rest}/workspaces/{self.workspace}/styles",
                params={"name": name},
                data=sources.sld,
                headers=headers,
                idempotent=False,
            )
        self.http.request(
            "PUT",
            f"{self.rest}/layers/{self.workspace}:{quote(name)}",
            json={"layer": {"defaultStyle": {"name": name, "workspace": self.workspace}}},
        )
        return True


def _version(about: Any) -> str:
    """GeoServer's version from ``/about/version.json`` ('' when absent)."""
    try:
        resources = about["about"]["resource"]
        return next(str(r.get("Version")) for r in resources if r.get("@name") == "GeoServer")
    except (KeyError, TypeError, StopIteration):
        return ""
