"""Release what Python still holds of Qt and QGIS before exitQgis(); shared by the tests'
session teardown and `make screenshots`.

A dialog, task or layer Python still holds would otherwise be destroyed at interpreter exit,
after QGIS, and crash the process (a segmentation fault once all the work is done).
"""

from __future__ import annotations

import gc
import time


def release_before_exit(timeout_s: float = 30) -> None:
    """Cancel the tasks, delete the top-level widgets and the layers Python owns."""
    from qgis.core import QgsApplication, QgsMapLayer
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from qgis.PyQt.QtWidgets import QApplication

    manager = QgsApplication.taskManager()
    manager.cancelAll()
    deadline = time.monotonic() + timeout_s
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.05)
    for widget in QApplication.topLevelWidgets():
        if sip.isdeleted(widget):
            continue
        widget.close()
        widget.deleteLater()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    # Layers Python still owns (a local layer held by a dialog, a layer made while publishing):
    # an OGR layer closed after exitQgis() crashes in GDAL. Project-owned layers are left alone.
    for thing in gc.get_objects():
        if isinstance(thing, QgsMapLayer) and not sip.isdeleted(thing) and sip.ispyowned(thing):
            sip.delete(thing)
