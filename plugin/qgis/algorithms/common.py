"""Shared parts of GeoPublier's Processing algorithms: the record of a layer, reports."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

from qgis.core import QgsMapLayer, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ...core.errors import GeoPublierError
from ...core.iso19139_reader import read_with_warnings
from ...core.issues import ERROR, Issue
from ...core.merge import merge_records
from ...core.messages import message
from ...core.model import Record
from ...toolbelt.settings import Settings
from ..layer_reader import prefill


def tr(text: str) -> str:
    """Translate a string of the algorithms."""
    return QCoreApplication.translate("@default", text)  # the context pylupdate5 gives tr()


def layer_record(layer: QgsMapLayer, metadata_file: str, feedback) -> tuple[Record, list[Issue]]:
    """The layer's record (kept record or pre-fill + organisation profile), merged with a file."""
    if layer is None:
        raise QgsProcessingException(tr("No layer given: choose the layer to describe."))
    record = prefill(layer, Settings.load().organisation_profile).record
    warnings: list[Issue] = []
    if metadata_file:
        try:
            data = Path(metadata_file).read_bytes()
            imported, warnings = read_with_warnings(data)
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


def issue_report(issues: list[Issue]) -> list[dict[str, Any]]:
    """JSON-able list of issues with their French message."""
    return [dict(issue.to_dict(), message=message(issue, "fr")) for issue in issues]


def write_json(path: str, data: Any) -> None:
    """Write a UTF-8 JSON file (folders created)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def xsd_folder() -> Optional[str]:
    """Folder holding the ISO 19139 schemas, when the user has one (settings, then environment)."""
    folder = Settings.load().xsd_folder or os.environ.get("GEOPUBLIER_XSD_DIR", "")
    return folder if folder and Path(folder).is_dir() else None
