"""The README's screenshots: the real dialog, in French, at 1366×768, one PNG per step.

Starts a local pycsw, udata and QGIS Server (the sandbox's own classes), opens the dialog on the
sample layer with the sample organisation profile, checks the data, chooses the destinations and
publishes for real, grabbing each step on the way; then deletes the dialog and the layers before
QGIS exits (else the process crashes at exit). Run: `make screenshots` (offscreen).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
OUTPUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "resources" / "sample" / "bornes_recharge_saint_exemple.geojson"
PROFILE = ROOT / "resources" / "sample" / "profil_organisme.json"
SIZE = (1366, 768)


def main() -> int:
    """Render every step; returns the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="geopublier-screenshots-"))
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "profile")
    from qgis.core import QgsApplication, QgsProject, QgsSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    app = QgsApplication([], True)
    app.initQgis()
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    translator = QTranslator()
    if not translator.load(str(ROOT / "i18n" / "geopublier_fr.qm")):
        print("Traductions absentes : lancez `make qm`.")
        return 1
    QCoreApplication.installTranslator(translator)

    from sandbox.pycsw_server import PycswServer
    from sandbox.qgis_server import QgisMapServer
    from sandbox.udata_server import UdataServer

    pycsw = PycswServer(work / "pycsw").start()
    udata = UdataServer(work / "udata")
    udata.start()
    map_server = QgisMapServer(work / "qgis_server" / "projets").start()
    try:
        return _shoot(app, work, (pycsw, udata, map_server), QgsProject, QgsVectorLayer)
    finally:
        try:
            _release(app, QgsProject)
            app.exitQgis()
        finally:
            pycsw.stop()
            udata.stop()
            map_server.stop()


def _release(app, project_class) -> None:
    """Delete the dialog, tasks and layers while QGIS still runs (as the tests' teardown does)."""
    from qgis_exit import release_before_exit

    release_before_exit()
    project_class.instance().removeAllMapLayers()
    app.processEvents()


def _wait(app, condition, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("Le dialogue n'a pas terminé à temps.")
        app.processEvents()
        time.sleep(0.02)


def _shoot(app, work: Path, servers, project_class, layer_class) -> int:
    from plugin.core.profile import OrganisationProfile
    from plugin.gui.main_dialog import MainDialog
    from plugin.publishers.connections import loads_connections
    from plugin.qgis.destinations import save_saved_connections
    from plugin.toolbelt.settings import Settings
    from sandbox.qgis_server import CONNECTION_NAME

    pycsw, udata, map_server = servers
    os.environ["GEOPUBLIER_UDATA_KEY"] = udata.api_key
    settings = Settings.load()
    settings.organisation_profile = OrganisationProfile.from_dict(
        json.loads(PROFILE.read_text(encoding="utf-8"))
    )
    settings.save()
    connections = [
        {"name": "Catalogue bac à sable", "type": "csw", "url": pycsw.url},
        {
            "name": "Portail bac à sable",
            "type": "udata",
            "url": udata.url,
            "api_key_env": "GEOPUBLIER_UDATA_KEY",
            "options": {"organization": udata.organization_id},
        },
        map_server.connection(CONNECTION_NAME),
    ]
    save_saved_connections(loads_connections(json.dumps({"connections": connections})))
    layer = layer_class(str(SAMPLE), "Bornes de recharge", "ogr")
    project_class.instance().addMapLayer(layer)
    dialog = MainDialog()
    dialog.resize(*SIZE)
    dialog.set_layer(layer)
    dialog.prepare.folderWidget.setFilePath(str(work / "paquets"))
    dialog.show()
    OUTPUT.mkdir(parents=True, exist_ok=True)

    def grab(index: int, name: str) -> None:
        dialog.stepTabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(OUTPUT / name))
        print(f"{OUTPUT / name}")

    grab(0, "etape1_decrire.png")
    dialog.prepare.formatChecks["geojson"].setChecked(True)
    dialog.prepare.check()
    _wait(app, lambda: dialog.prepare.task is None)
    grab(1, "etape2_preparer.png")
    destinations = dialog.destinations
    destinations.catalogueCombo.setCurrentIndex(
        destinations.catalogueCombo.findText(connections[0]["name"])
    )
    destinations.portalCombo.setCurrentIndex(
        destinations.portalCombo.findText(connections[1]["name"])
    )
    destinations.mapServerCombo.setCurrentIndex(
        destinations.mapServerCombo.findText(connections[2]["name"])
    )
    destinations.select(connections[1]["name"])
    destinations.test_connection()
    _wait(app, lambda: not destinations.tasks)
    grab(2, "etape3_destinations.png")
    _complete_record(dialog)
    grab(3, "etape4_publier_avant.png")
    dialog.publish()
    _wait(app, lambda: dialog.job is None)
    grab(3, "etape4_publier.png")
    return 0


def _complete_record(dialog) -> None:
    """What the trainee adds by hand before publishing the sample layer."""
    editors = dialog.describe.editors
    conformity = editors["conformities"].widget
    conformity.setCurrentIndex(conformity.findData("false"))
    resolution = editors["resolutions"]
    resolution.kind.setCurrentIndex(resolution.kind.findData("scale"))
    resolution.scale.setValue(2000)
    editors["metadata_contacts"].email.setText("sig@saint-exemple.fr")
    editors["metadata_contacts"].organisation.setText("Commune de Saint-Exemple")
    dialog.describe._edited("metadata_contacts")


if __name__ == "__main__":
    sys.exit(main())
