"""Add or edit one saved destination: name, type, address, QGIS authentication, options."""

from __future__ import annotations

from typing import Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..publishers.connections import CATALOGUE_TYPES, Connection, connection_from_json
from ..publishers.csw import is_geonetwork
from ..publishers.errors import PublishError
from ..publishers.errors import message as publish_message
from .errors import tr

CATALOGUES = ("csw", "geonetwork")
PORTALS = ("udata", "ckan")
MAP_SERVERS = ("qgisserver", "geoserver")
EDITABLE_TYPES = CATALOGUES + MAP_SERVERS + PORTALS
# Options edited by a field of their own, per destination type.
OPTION_TYPES = {
    "organization": PORTALS,
    "group": ("geonetwork",),
    "category": ("geonetwork",),
    "folder": ("qgisserver",),
    "url_template": ("qgisserver",),
    "workspace": ("geoserver",),
    "record_page": CATALOGUE_TYPES,
}


def type_labels() -> dict[str, str]:
    """The destination types a user can add, in words (translated now)."""
    return {
        "csw": tr("Catalogue — CSW-T (pycsw, GeoNetwork, any CSW-T)"),
        "geonetwork": tr("Catalogue — GeoNetwork 4 (API)"),
        "qgisserver": tr("Map server — QGIS Server (WMS/WFS, Lizmap)"),
        "geoserver": tr("Map server — GeoServer (REST)"),
        "udata": tr("Open data portal — udata (data.gouv.fr)"),
        "ckan": tr("Open data portal — CKAN"),
    }


class ConnectionDialog(QDialog):
    """Edits a connection; `connection()` returns it validated (or None when refused)."""

    def __init__(self, language: str, existing: Optional[Connection] = None, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(self.tr("GeoPublier connection"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setToolTip(self.tr("A name you will recognise, e.g. “Géoportail régional”"))
        self.kind = QComboBox()
        for code, label in type_labels().items():
            self.kind.addItem(label, code)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://geo.exemple.fr/geonetwork/srv/fre/csw-publication")
        self.url.setToolTip(self.tr("The address of the service (CSW endpoint, portal root…)"))
        self.auth = QgsAuthConfigSelect(self)
        self.auth.setToolTip(
            self.tr(
                "A QGIS authentication configuration (type Basic). For a portal, put the API "
                "key in the password. Secrets stay in QGIS's authentication database."
            )
        )
        self.organization = QLineEdit()
        self.organization.setToolTip(self.tr("The organisation's id or name on the portal"))
        self.group = QLineEdit()
        self.group.setToolTip(self.tr("GeoNetwork group id the records belong to"))
        self.category = QLineEdit()
        self.category.setToolTip(self.tr("GeoNetwork category id (optional)"))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("/srv/qgis/projets")
        self.folder.setToolTip(
            self.tr(
                "The folder QGIS Server serves (local or mounted): GeoPublier writes one project "
                "and one GeoPackage per layer in it, and never touches the other files."
            )
        )
        self.url_template = QLineEdit()
        self.url_template.setPlaceholderText("https://geo.exemple.fr/ows/{name}")
        self.url_template.setToolTip(
            self.tr(
                "Optional public address of one layer's service, {name} being the layer name. "
                "Empty: the address above with MAP=<folder>/<name>.qgs."
            )
        )
        self.record_page = QLineEdit()
        self.record_page.setPlaceholderText(
            "https://geo.exemple.fr/geonetwork/srv/fre/catalog.search#/metadata/{uuid}"
        )
        self.record_page.setToolTip(
            self.tr(
                "The page where a person reads a record, with {uuid} for its identifier. "
                "Empty: GeoNetwork's own record page, or the CSW address."
            )
        )
        self.workspace = QLineEdit()
        self.workspace.setToolTip(
            self.tr("GeoServer workspace (created if missing, never emptied by GeoPublier)")
        )
        self.harvested = QCheckBox(self.tr("This portal already harvests the catalogue"))
        self.harvested.setToolTip(
            self.tr(
                "GeoPublier then publishes to the catalogue only, so the portal does not get "
                "a duplicate dataset."
            )
        )
        self.public = QCheckBox(self.tr("Make the record public (shared with “All”)"))
        self.public.setChecked(True)
        self.public.setToolTip(
            self.tr(
                "GeoNetwork keeps a new record private to your group. Ticked, GeoPublier shares "
                "it with “All” through GeoNetwork's API (also for its csw-publication address)."
            )
        )
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Authentication"), self.auth)
        self.option_rows = {
            "organization": (QLabel(self.tr("Organisation")), self.organization),
            "group": (QLabel(self.tr("Group")), self.group),
            "category": (QLabel(self.tr("Category")), self.category),
            "folder": (QLabel(self.tr("Served folder")), self.folder),
            "url_template": (QLabel(self.tr("Public layer address")), self.url_template),
            "workspace": (QLabel(self.tr("Workspace")), self.workspace),
            "record_page": (QLabel(self.tr("Record page")), self.record_page),
        }
        for label, widget in self.option_rows.values():
            form.addRow(label, widget)
        form.addRow("", self.harvested)
        form.addRow("", self.public)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("connectionProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._type_changed)
        self.url.textChanged.connect(self._type_changed)  # GeoNetwork's csw-publication or not
        self.options: dict = {}
        if existing is not None:
            self._show(existing)
        self._type_changed()

    def _show(self, connection: Connection) -> None:
        self.name.setText(connection.name)
        index = self.kind.findData(connection.type)
        if index < 0:
            self.kind.addItem(connection.type, connection.type)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.url.setText(connection.url)
        self.auth.setConfigId(connection.authcfg)
        self.options = dict(connection.options)
        self.organization.setText(str(self.options.get("organization", "")))
        self.group.setText(str(self.options.get("group", "")))
        self.category.setText(str(self.options.get("category", "")))
        for key in ("folder", "url_template", "workspace", "record_page"):
            getattr(self, key).setText(str(self.options.get(key, "")))
        self.harvested.setChecked(bool(self.options.get("harvested")))
        self.public.setChecked(self.options.get("public", True) is not False)
        self.env = {
            key: getattr(connection, key)
            for key in ("username_env", "password_env", "api_key_env")
            if getattr(connection, key)
        }

    def _type_changed(self, *_args) -> None:
        kind = self.kind.currentData()
        shown = {key: kind in kinds for key, kinds in OPTION_TYPES.items()}
        for key, (label, widget) in self.option_rows.items():
            label.setVisible(shown[key])
            widget.setVisible(shown[key])
        self.harvested.setVisible(kind in PORTALS)
        self.public.setVisible(self._geonetwork())

    def _geonetwork(self) -> bool:
        """GeoNetwork, by its API or by its csw-publication address."""
        return is_geonetwork(self.kind.currentData(), self.url.text())

    def raw(self) -> dict:
        """The connection as the connections file would hold it."""
        kind = self.kind.currentData()
        kept = (*OPTION_TYPES, "harvested", "public")
        options = {k: v for k, v in self.options.items() if k not in kept}
        if self._geonetwork() and not self.public.isChecked():
            options["public"] = False
        if kind in PORTALS and self.organization.text().strip():
            options["organization"] = self.organization.text().strip()
        if kind in PORTALS and self.harvested.isChecked():
            options["harvested"] = True
        for key in ("group", "category"):
            text = getattr(self, key).text().strip()
            if kind == "geonetwork" and text:
                options[key] = int(text) if text.isdigit() else text
        for key in ("folder", "url_template", "workspace", "record_page"):
            text = getattr(self, key).text().strip()
            if kind in OPTION_TYPES[key] and text:
                options[key] = text
        raw = {
            "name": self.name.text().strip(),
            "type": kind,
            "url": self.url.text().strip(),
            "authcfg": self.auth.configId(),
            "options": options,
        }
        raw.update(getattr(self, "env", {}))
        return raw

    def connection(self) -> Optional[Connection]:
        """The validated connection, or None with the problem shown."""
        try:
            return connection_from_json(self.raw())
        except PublishError as error:
            self.problem.setText(publish_message(error, self.language))
            return None

    def _accept(self) -> None:
        if self.connection() is not None:
            self.accept()
