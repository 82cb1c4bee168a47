"""One place that turns any error a step can raise into the sentence the user reads."""

from __future__ import annotations

import logging
import traceback

from qgis.PyQt.QtCore import QCoreApplication

from ..core import messages as record_messages
from ..core import quality
from ..core.errors import GeoPublierError
from ..core.portal_payload import PortalPayloadError, payload_message
from ..publishers.errors import PublishError
from ..publishers.errors import message as publish_message

LOG = logging.getLogger(__name__)


def tr(text: str) -> str:
    """Translate a string of this module (context "@default", as pylupdate5 gives it)."""
    return QCoreApplication.translate("@default", text)


def error_text(error: BaseException, language: str) -> str:
    """The user's sentence for `error`, in "fr" or "en"; unexpected errors go to the log."""
    if isinstance(error, PublishError):
        return publish_message(error, language)
    if isinstance(error, PortalPayloadError):
        return payload_message(error, language)
    if isinstance(error, GeoPublierError):
        if error.code == "publish.personal_data":
            return tr(
                "Columns that look like personal data: {0}. Remove them in step 2, or confirm "
                "that they may be opened."
            ).format(error.params.get("columns", ""))
        for sentence in (
            quality.message(error, language),
            record_messages.message(error, language),
        ):
            if sentence != error.code:
                return sentence
        return error.code
    LOG.error("Unexpected error: %s", "".join(traceback.format_exception_only(type(error), error)))
    return tr("Unexpected error ({0}). The GeoPublier log in QGIS has the details.").format(
        type(error).__name__
    )
