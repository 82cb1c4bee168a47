"""Shared parts of GeoPublier's Processing algorithms: the record of a layer, reports."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingParameterEnum,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.errors import GeoPublierError
from ...core.iso19139_reader import read_with_warnings
from ...core.issues import ERROR, WARNING, Issue
from ...core.merge import merge_records
from ...core.messages import message
from ...core.model import Record
from ...core.quality import message as quality_message
from ...core.xsd import find_gmx_xsd, validate_xsd
from ...toolbelt.i18n import ui_language
from ...toolbelt.settings import Settings
from ..layer_reader import prefill
from ..schemas import installed_schema_folder

MAX_SCHEMA_ERRORS_LISTED = 50
ON_SOURCE_MOVED = ("skip", "update")  # the values of the ON_SOURCE_MOVED parameter


def tr(text: str) -> str:
    """Translate a string of the algorithms."""
    return QCoreApplication.translate("@default", text)  # the context pylupdate5 gives tr()


def on_source_moved_parameter() -> QgsProcessingParameterEnum:
    """ON_SOURCE_MOVED: what to do with a layer whose source moved or was renamed since its
    publication — nothing by default (the report says why), or update that publication."""
    return QgsProcessingParameterEnum(
        "ON_SOURCE_MOVED",
        tr("If the layer's source moved or was renamed since its publication"),
        options=[
            tr("Publish nothing (the report says why)"),
            tr("Update the existing publication with the new source"),
        ],
        defaultValue=0,
    )


def unreadable(layer: QgsMapLayer) -> GeoPublierError:
    """Why QGIS cannot read `layer`, as an error saying what to do."""
    uri = QgsDataSourceUri(layer.source())
    if layer.providerType() == "postgres" and not uri.keyColumn():
        return GeoPublierError("export.view_without_key", {"table": uri.table()})
    return GeoPublierError("export.layer_unreadable", {"layer": layer.name()})


def layer_record(layer: QgsMapLayer, metadata_file: str, feedback) -> tuple[Record, list[Issue]]:
    """The layer's record (kept record or pre-fill + organisation profile), merged with a file."""
    if layer is None:
        raise QgsProcessingException(tr("No layer given: choose the layer to describe."))
    if not layer.isValid():
        raise QgsProcessingException(quality_message(unreadable(layer), ui_language()))
    record = prefill(layer, Settings.load().organisation_profile).record
    warnings: list[Issue] = []
    if metadata_file:
        try:
            data = Path(metadata_file).read_bytes()
            imported, warnings = read_with_warnings(data, keep_document=True)
        except OSError as exc:
            raise QgsProcessingException(
                tr("Cannot read the metadata file {0}: {1}").format(metadata_file, exc.strerror)
            ) from exc
        except GeoPublierError as exc:
            raise QgsProcessingException(
                tr("The metadata file {0} cannot be used: {1}").format(
                    metadata_file, message(Issue(exc.code, "", ERROR, dict(exc.params)))
                )
            ) from exc
        record = merge_records(record, imported)
        feedback.pushInfo(tr("Metadata merged from {0}").format(metadata_file))
    return record, warnings


def issue_report(issues: list[Issue], lang: str = "fr") -> list[dict[str, Any]]:
    """JSON-able list of issues with their message in `lang` (French by default)."""
    return [dict(issue.to_dict(), message=message(issue, lang)) for issue in issues]


def write_json(path: str, data: Any) -> None:
    """Write a UTF-8 JSON file (folders created)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def configured_xsd_folder() -> str:
    """The schema folder the user chose (settings, then $GEOPUBLIER_XSD_DIR), or ""."""
    return Settings.load().xsd_folder or os.environ.get("GEOPUBLIER_XSD_DIR", "")


def _has_gmx(folder: str) -> bool:
    try:
        find_gmx_xsd(folder)
    except GeoPublierError:
        return False
    return True


def xsd_folder() -> Optional[str]:
    """Folder holding the ISO 19139 schemas: the configured one, else the downloaded copy.

    A configured folder without gmx.xsd is still returned when there is no downloaded copy, so
    the check can say what is wrong with it (`xsd.not_found`) instead of saying nothing.
    """
    configured = configured_xsd_folder()
    if configured and _has_gmx(configured):
        return configured
    installed = installed_schema_folder()
    if installed is not None:
        return str(installed)
    return configured if configured and Path(configured).is_dir() else None


@dataclass
class SchemaCheck:
    """Outcome of the XSD check: the folder used ("" when it did not run), errors, issues."""

    folder: str = ""
    problems: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able summary for the validation report (errors capped)."""
        return {
            "checked": bool(self.folder),
            "folder": self.folder,
            "errors": self.problems[:MAX_SCHEMA_ERRORS_LISTED],
        }


def schema_check(xml: bytes) -> SchemaCheck:
    """XSD check of a written record against the configured or downloaded schemas.

    No schema copy, or an unusable folder, gives a warning saying the check was not made (the
    rule check always runs); schema errors give one `xsd.invalid` error quoting the first one.
    """
    check = SchemaCheck()
    configured = configured_xsd_folder()
    folder = xsd_folder()
    if configured and folder != configured:
        check.issues.append(Issue("xsd.not_found", "", WARNING, {"folder": configured}))
    if folder is None:
        check.issues.append(Issue("xsd.unavailable", "", WARNING, {}))
        return check
    try:
        check.problems = validate_xsd(xml, folder)
    except GeoPublierError as exc:
        check.issues.append(Issue(exc.code, "", WARNING, dict(exc.params)))
        return check
    check.folder = folder
    if check.problems:
        params = {"count": len(check.problems), "first": check.problems[0], "folder": folder}
        check.issues.append(Issue("xsd.invalid", "", ERROR, params))
    return check
