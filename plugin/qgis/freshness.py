"""The fingerprint of a layer now, read without touching its features (see publishers/freshness).

Data: the files' sizes and modification times; for a GeoPackage table its own `last_change` and
feature count (so an edit of another table of the same file does not count); for PostGIS the
table's row change counters (`pg_stat_user_tables`, one query per database for the whole
project; a materialized view has its own, and each REFRESH counts as a change); for a PostGIS
view, its definition and the counters of the tables it reads (through `pg_rewrite`/`pg_depend`,
views over views followed; one more query per database, only when a view is in the project);
a memory layer's count and extent. A web service layer's data (WMS, WFS, OGC API, ArcGIS, WCS)
cannot be told without downloading it: UNVERIFIABLE_DATA — WFS has no reliable change date
(no last-modified of the data in its capabilities, feature counts are optional and costly).
Metadata: the record kept on the layer. Style: the layer's style XML. Source: where the data is
read (`source_location`), to tell a moved or renamed source from the one published.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from typing import Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProviderRegistry,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core.model import Identifier
from ..publishers.freshness import (
    UNVERIFIABLE_DATA,
    Fingerprint,
    LayerState,
    digest,
    layer_state,
    metadata_digest,
    moved_from,
)
from ..publishers.journal import Journal, JournalEntry, entries_from_json
from .layer_metadata import MIRROR_HASH_PROPERTY, RECORD_PROPERTY, metadata_hash, stored_record

LOG = logging.getLogger(__name__)
JOURNAL_PROPERTY = "geopublier/journal"
WITHDRAWN_PROPERTY = "geopublier/withdrawn"
PG_STATS_SQL = (
    "SELECT schemaname, relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables"
)
# Each view with its definition's digest and the relations its rule reads (one row per relation;
# catalogue relations are pinned, so a view over them only has no relation: NULLs).
PG_VIEWS_SQL = """
SELECT DISTINCT vn.nspname, v.relname, md5(pg_get_viewdef(v.oid)), dn.nspname, d.relname
FROM pg_class v
JOIN pg_namespace vn ON vn.oid = v.relnamespace
JOIN pg_rewrite r ON r.ev_class = v.oid
LEFT JOIN pg_depend dep ON dep.objid = r.oid AND dep.classid = 'pg_rewrite'::regclass
    AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid <> v.oid
LEFT JOIN pg_class d ON d.oid = dep.refobjid
LEFT JOIN pg_namespace dn ON dn.oid = d.relnamespace
WHERE v.relkind = 'v' AND vn.nspname NOT IN ('pg_catalog', 'information_schema')
"""
# Providers whose data lives on a remote service: not told without downloading it.
WEB_PROVIDERS = frozenset(
    ("wms", "wfs", "oapif", "wcs", "arcgisfeatureserver", "arcgismapserver", "vectortile")
)
PgStats = dict[tuple[str, str], tuple[int, int, int]]
Relation = tuple[str, str]
PgViews = dict[Relation, tuple[str, list[Relation]]]


def files_digest(path: str) -> str:
    """Size and modification time of a file and its sidecars (same stem, not .qmd/.qml), by
    extension: a Shapefile renamed with its sidecars is the same data (as a renamed GeoPackage).

    The time to the nanosecond the file system keeps: an edit saved in the same second as the
    last publication (same size, a GeoPackage page rewritten in place) still counts."""
    folder, stem = os.path.dirname(path), os.path.splitext(os.path.basename(path))[0]
    stats = {
        os.path.splitext(name)[1].lower(): os.stat(os.path.join(folder, name))
        for name in os.listdir(folder)
        if os.path.splitext(name)[0] == stem and not name.endswith((".qmd", ".qml"))
    }
    parts = sorted(f"{ext}:{s.st_size}:{s.st_mtime_ns}" for ext, s in stats.items())
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def geopackage_tables(path: str) -> dict[str, tuple[str, int]]:
    """Each table of a GeoPackage: its `last_change` and feature count, from its bookkeeping."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0) as database:
            changes = database.execute("SELECT table_name, last_change FROM gpkg_contents")
            tables = {str(name).lower(): (str(last), -1) for name, last in changes}
            try:
                counts = database.execute("SELECT table_name, feature_count FROM gpkg_ogr_contents")
            except sqlite3.Error:  # written by another tool than GDAL: no counts kept
                counts = []
            for name, count in counts:
                if str(name).lower() in tables and count is not None:
                    tables[str(name).lower()] = (tables[str(name).lower()][0], int(count))
    except sqlite3.Error:
        return {}
    return tables


def _is_vector(layer: QgsMapLayer) -> bool:
    return isinstance(layer, QgsVectorLayer)


def _pg_connection_key(uri: QgsDataSourceUri) -> str:
    return "|".join((uri.service(), uri.host(), uri.port(), uri.database(), uri.username()))


def _pg_counters(uri: QgsDataSourceUri) -> PgStats:
    """Row change counters of every table of the layer's database (one query)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.createConnection(uri.uri(False), {})
        # A pooled connection may sit in a transaction holding an older statistics snapshot.
        connection.executeSql("SELECT pg_stat_clear_snapshot()")
        rows = connection.executeSql(PG_STATS_SQL)
    except Exception as error:  # noqa: BLE001 - statistics are optional: "cannot tell"
        LOG.info("PostgreSQL statistics unavailable (%s)", type(error).__name__)
        return {}
    return {(str(r[0]), str(r[1])): (int(r[2]), int(r[3]), int(r[4])) for r in rows}


def _pg_views(uri: QgsDataSourceUri) -> PgViews:
    """Every view of the layer's database: its definition's digest and the relations it reads."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        rows = metadata.createConnection(uri.uri(False), {}).executeSql(PG_VIEWS_SQL)
    except Exception as error:  # noqa: BLE001 - optional, as the statistics
        LOG.info("PostgreSQL views unavailable (%s)", type(error).__name__)
        return {}
    views: PgViews = {}
    for schema, name, definition, base_schema, base in rows:
        _, bases = views.setdefault((str(schema), str(name)), (str(definition), []))
        if base:
            bases.append((str(base_schema), str(base)))
    return views


def file_source(layer: QgsMapLayer) -> tuple[str, str]:
    """The file and table behind a layer ("path|layername=t" read directly: decodeUri costs
    a millisecond per layer)."""
    if layer.providerType() in ("ogr", "gdal"):
        path, *options = layer.source().split("|")
        names = [o.split("=", 1)[1] for o in options if o.lower().startswith("layername=")]
        return path, names[0] if names else ""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return str(parts.get("path") or ""), str(parts.get("layerName") or "")


def source_location(layer: QgsMapLayer, home: Optional[str] = None) -> str:
    """Where the layer's data is read, in a form that survives a reload and another machine:
    a file path relative to the project's folder when inside it (a project copied with its
    data elsewhere has not moved), with its table; a PostGIS database (or service), schema and
    table — the host and login left out (a colleague may reach the same base by another
    name); "" for other sources (web services, memory layers: not told)."""
    if layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        base = f"service={uri.service()}" if uri.service() else uri.database()
        return f"postgres://{base}/{uri.schema() or 'public'}.{uri.table()}"
    if layer.providerType() not in ("ogr", "gdal", "delimitedtext", "spatialite"):
        return ""
    path, table = file_source(layer)
    if not path:
        return ""
    path = os.path.normcase(os.path.normpath(os.path.abspath(path)))
    if home is None:  # a layer outside any project (opened by path) has no project folder
        project = layer.project()
        home = project.homePath() if project is not None and project.fileName() else ""
    if home:
        home = os.path.normcase(os.path.normpath(os.path.abspath(home)))
        if path.startswith(home + os.sep):
            path = "./" + os.path.relpath(path, home).replace(os.sep, "/")
    return f"{path}|layername={table}" if table else path


class DataReader:
    """Reads the data part of fingerprints; one look per GeoPackage file and per database.

    Make one per check of a project (its answers are a snapshot).
    """

    def __init__(self) -> None:
        self.databases: dict[str, PgStats] = {}
        self.views: dict[str, PgViews] = {}
        self.geopackages: dict[str, dict[str, tuple[str, int]]] = {}

    def digest(self, layer: QgsMapLayer) -> str:
        """The data part of the fingerprint ("" when it cannot be told, UNVERIFIABLE_DATA for
        data that only a download could tell)."""
        if layer.providerType() == "postgres":
            return self.postgres(layer)
        if layer.providerType().lower() in WEB_PROVIDERS:
            return UNVERIFIABLE_DATA
        path, table = file_source(layer)
        if path and os.path.isfile(path):
            return self.file(layer, path, table)
        if layer.providerType() == "memory" and _is_vector(layer):
            return digest(["memory", layer.featureCount(), layer.extent().toString(6)])
        return ""

    def file(self, layer: QgsMapLayer, path: str, table: str) -> str:
        """A GeoPackage table on its own (other tables may change), else the files."""
        subset = layer.subsetString() if _is_vector(layer) else ""
        if path.lower().endswith(".gpkg") and table:
            if path not in self.geopackages:
                self.geopackages[path] = geopackage_tables(path)
            state = self.geopackages[path].get(table.lower())
            if state is not None:
                return digest(["gpkg", table, *state, subset])
        return digest(["files", files_digest(path), subset])

    def postgres(self, layer: QgsMapLayer) -> str:
        """The table's insert/update/delete counters; for a view, its definition and the
        counters of what it reads ("" when the database cannot tell)."""
        uri = QgsDataSourceUri(layer.source())
        key = _pg_connection_key(uri)
        if key not in self.databases:
            self.databases[key] = _pg_counters(uri)
        relation = (uri.schema() or "public", uri.table())
        counters = self.databases[key].get(relation)
        if counters is not None:
            return digest(["postgres", *counters, uri.sql()])
        if not self.databases[key]:
            return ""  # no statistics at all: cannot tell
        if key not in self.views:
            self.views[key] = _pg_views(uri)
        if relation not in self.views[key]:
            return ""
        view = self.view_digest(key, relation, frozenset())
        return view if view == UNVERIFIABLE_DATA else digest(["postgres-view", view, uri.sql()])

    def view_digest(self, key: str, view: Relation, seen: frozenset) -> str:
        """A view's definition and the counters of the tables it reads (views followed);
        UNVERIFIABLE_DATA when it reads something without counters (a foreign table, only
        catalogue relations)."""
        definition, bases = self.views[key][view]
        parts: list = [definition]
        for base in sorted(set(bases)):
            if base in self.databases[key]:
                parts.append([*base, *self.databases[key][base]])
            elif base in self.views[key] and base not in seen:
                inner = self.view_digest(key, base, seen | {view})
                if inner == UNVERIFIABLE_DATA:
                    return inner
                parts.append([*base, inner])
            else:
                return UNVERIFIABLE_DATA
        return digest(parts) if len(parts) > 1 else UNVERIFIABLE_DATA


STYLE_CATEGORIES = (
    QgsMapLayer.StyleCategory.Symbology
    | QgsMapLayer.StyleCategory.Symbology3D
    | QgsMapLayer.StyleCategory.Labeling
    | QgsMapLayer.StyleCategory.Diagrams
    | QgsMapLayer.StyleCategory.Rendering
)


def style_digest(layer: QgsMapLayer) -> str:
    """The layer's style (symbology, labels, opacity…) as QGIS writes it; custom properties,
    where GeoPublier keeps its own things, are left out."""
    document = QDomDocument("qgis")
    layer.exportNamedStyle(document, QgsReadWriteContext(), STYLE_CATEGORIES)
    return hashlib.sha256(document.toString().encode("utf-8")).hexdigest()[:16]


def kept_record(layer: QgsMapLayer) -> dict:
    """The record kept on the layer as a dict ({} when never described)."""
    raw = layer.customProperty(RECORD_PROPERTY)
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def current_metadata_digest(layer: QgsMapLayer, kept: Optional[dict] = None) -> str:
    """The record kept on the layer, with the edits made since in QGIS's own editor."""
    kept = kept_record(layer) if kept is None else kept
    if not kept:
        return ""
    if layer.customProperty(MIRROR_HASH_PROPERTY) != metadata_hash(layer.metadata()):
        record = stored_record(layer)
        return metadata_digest(record.to_dict()) if record is not None else ""
    return metadata_digest(kept)


def fingerprint(
    layer: QgsMapLayer, reader: Optional[DataReader] = None, kept: Optional[dict] = None
) -> Fingerprint:
    """The layer now, all three parts and where its data is read."""
    data = (reader or DataReader()).digest(layer)
    metadata = current_metadata_digest(layer, kept)
    return Fingerprint(data, metadata, style_digest(layer), source=source_location(layer))


def resource_id(layer: QgsMapLayer, kept: Optional[dict] = None) -> str:
    """The resource identifier of the record kept on the layer ("" when never described)."""
    kept = kept_record(layer) if kept is None else kept
    identifier = kept.get("identifier") or {}
    if not isinstance(identifier, dict) or not identifier.get("code"):
        return ""
    return Identifier(str(identifier["code"]), str(identifier.get("namespace") or "")).uri


def layer_entries(layer: QgsMapLayer, journal: Journal, rid: str) -> list[JournalEntry]:
    """The journal's entries for the layer, else the copy kept with the layer (project)."""
    entries = journal.entries(rid) if rid else []
    return entries if entries or not rid else layer_copy(layer, rid)


def layer_copy(layer: QgsMapLayer, rid: str) -> list[JournalEntry]:
    """The journal entries kept with the layer itself (in the project) when it was published."""
    try:
        kept = json.loads(layer.customProperty(JOURNAL_PROPERTY) or "{}")
    except ValueError:
        return []
    if not rid or not isinstance(kept, dict):
        return []
    copy = {dest: raw for dest, raw in kept.items() if isinstance(raw, dict)}
    return sorted(entries_from_json(rid, copy), key=lambda entry: entry.destination)


def source_moved(layer: QgsMapLayer, rid: str) -> tuple[str, str]:
    """(source of the last publication, source now) when this layer's source moved or was
    renamed since the layer was published under ``rid``; ("", "") otherwise.

    Read from the publications the layer itself keeps (in the project): a layer opened afresh
    from a file (a nightly export in a new dated folder, with its .qmd) has no former source
    and updates the publication its identifier names, as before.
    """
    now = source_location(layer)
    previous = moved_from(layer_copy(layer, rid), now) if rid else ""
    return (previous, now) if previous else ("", "")


def kept_fingerprints(layer: QgsMapLayer) -> list[Fingerprint]:
    """The fingerprints of the publications kept with the layer (its journal copy)."""
    try:
        kept = json.loads(layer.customProperty(JOURNAL_PROPERTY) or "{}")
    except ValueError:
        return []
    found = (
        [
            Fingerprint.from_json(str(raw.get("fingerprint") or ""))
            for raw in kept.values()
            if isinstance(raw, dict)
        ]
        if isinstance(kept, dict)
        else []
    )
    return [f for f in found if f is not None]


def project_states(layers: list[QgsMapLayer], journal: Journal) -> dict[str, LayerState]:
    """The freshness state of each layer (by layer id), from one look at each data store."""
    reader = DataReader()
    states = {}
    for layer in layers:
        kept = kept_record(layer)
        rid = resource_id(layer, kept)
        now = fingerprint(layer, reader, kept) if rid else Fingerprint()
        withdrawn = str(layer.customProperty(WITHDRAWN_PROPERTY) or "")
        entries = layer_entries(layer, journal, rid)
        states[layer.id()] = layer_state(entries, now, withdrawn, layer_copy(layer, rid))
    return states
