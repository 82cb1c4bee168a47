"""GeoPublier's page in QGIS Options: organisation profile, default CRS, upload chunk size,
network timeout and the ISO 19139 schema folder (with a one-time download of the official ones)."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.gui import (
    QgsFileWidget,
    QgsOptionsPageWidget,
    QgsOptionsWidgetFactory,
    QgsProjectionSelectionWidget,
)
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..__about__ import PLUGIN_DIR, __title__
from ..core.profile import OrganisationProfile
from ..qgis.schemas import installed_schema_folder
from ..qgis.tasks import SchemaDownloadTask
from ..toolbelt.i18n import ui_language
from ..toolbelt.settings import Settings
from .editors import LICENCES_FIRST, ROLES_FIRST, codelist_combo
from .errors import error_text


class SettingsPage(QgsOptionsPageWidget):
    """Reads the settings when shown; `apply()` (OK in QGIS Options) saves them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("geopublierSettingsPage")
        self.language = ui_language()
        self.task: Optional[SchemaDownloadTask] = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._profile_box())
        layout.addWidget(self._technical_box())
        layout.addStretch()
        self.load(Settings.load())

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organisation profile (applied to new records)"))
        form = QFormLayout(box)
        self.organisation = QLineEdit()
        self.organisation.setToolTip(self.tr("The full name of your organisation"))
        self.email = QLineEdit()
        self.email.setPlaceholderText("sig@exemple.fr")
        self.email.setToolTip(self.tr("A functional e-mail address (not a person's)"))
        self.phone = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText("https://")
        self.role = codelist_combo("roles", self.language, ROLES_FIRST)
        self.licence = codelist_combo("licences", self.language, LICENCES_FIRST)
        self.keywords = QLineEdit()
        self.keywords.setToolTip(self.tr("Keywords added to every new record, separated by commas"))
        self.namespace = QLineEdit()
        self.namespace.setPlaceholderText("https://data.exemple.fr/id/")
        self.namespace.setToolTip(
            self.tr("The start of your unique resource identifiers (a URI of your organisation)")
        )
        self.contact_email = QLineEdit()
        self.contact_email.setToolTip(
            self.tr("Who keeps the records up to date, if not the address above (optional)")
        )
        rows = (
            (self.tr("Organisation"), self.organisation),
            (self.tr("E-mail"), self.email),
            (self.tr("Phone"), self.phone),
            (self.tr("Website"), self.website),
            (self.tr("Role"), self.role),
            (self.tr("Default licence"), self.licence),
            (self.tr("Keywords"), self.keywords),
            (self.tr("Identifier namespace"), self.namespace),
            (self.tr("Metadata contact e-mail"), self.contact_email),
        )
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _technical_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Export, network and validation"))
        form = QFormLayout(box)
        self.crs = QgsProjectionSelectionWidget()
        self.crs.setToolTip(
            self.tr("The CRS of exported files (Lambert-93 for metropolitan France)")
        )
        self.chunk = QSpinBox()
        self.chunk.setRange(1, 512)
        self.chunk.setSuffix(" Mo")
        self.chunk.setToolTip(self.tr("Large files are sent to portals in parts of this size"))
        self.timeout = QSpinBox()
        self.timeout.setRange(5, 600)
        self.timeout.setSuffix(" s")
        self.timeout.setToolTip(self.tr("How long to wait for a server's answer"))
        self.xsd = QgsFileWidget()
        self.xsd.setStorageMode(QgsFileWidget.GetDirectory)
        self.xsd.setToolTip(
            self.tr("A folder holding the ISO 19139 schemas (gmx/gmx.xsd), to check records")
        )
        download = QHBoxLayout()
        self.downloadButton = QPushButton(self.tr("Download the official schemas (once)"))
        self.downloadButton.setToolTip(
            self.tr("From schemas.opengis.net into your QGIS profile (about 2 MB)")
        )
        self.downloadButton.clicked.connect(self.download_schemas)
        self.schemaStatus = QLabel()
        self.schemaStatus.setWordWrap(True)
        download.addWidget(self.downloadButton)
        download.addWidget(self.schemaStatus, 1)
        form.addRow(self.tr("Default CRS"), self.crs)
        form.addRow(self.tr("Upload part size"), self.chunk)
        form.addRow(self.tr("Network timeout"), self.timeout)
        form.addRow(self.tr("ISO 19139 schemas"), self.xsd)
        form.addRow("", download)
        return box

    def load(self, settings: Settings) -> None:
        """Show the settings."""
        profile = settings.organisation_profile
        self.organisation.setText(profile.organisation)
        self.email.setText(profile.email)
        self.phone.setText(profile.phone)
        self.website.setText(profile.url)
        self.role.setCurrentIndex(max(self.role.findData(profile.role), 0))
        self.licence.setCurrentIndex(max(self.licence.findData(profile.licence), 0))
        self.keywords.setText(", ".join(profile.keywords))
        self.namespace.setText(profile.identifier_namespace)
        self.contact_email.setText(profile.metadata_contact.email)
        self.crs.setCrs(QgsCoordinateReferenceSystem(settings.default_crs))
        self.chunk.setValue(settings.upload_chunk_mb)
        self.timeout.setValue(settings.network_timeout_s)
        self.xsd.setFilePath(settings.xsd_folder)
        installed = installed_schema_folder()
        self.schemaStatus.setText(
            self.tr("Downloaded copy: {0}").format(installed) if installed else ""
        )

    def settings(self) -> Settings:
        """The settings as shown (connections are kept as they are)."""
        current = Settings.load()
        profile = OrganisationProfile.from_dict(current.organisation_profile.to_dict())
        profile.organisation = self.organisation.text().strip()
        profile.email = self.email.text().strip()
        profile.phone = self.phone.text().strip()
        profile.url = self.website.text().strip()
        profile.role = self.role.currentData()
        profile.licence = self.licence.currentData()
        profile.keywords = [k.strip() for k in self.keywords.text().split(",") if k.strip()]
        profile.identifier_namespace = self.namespace.text().strip()
        profile.metadata_contact.email = self.contact_email.text().strip()
        crs = self.crs.crs()
        current.organisation_profile = profile
        current.default_crs = crs.authid() if crs.isValid() else current.default_crs
        current.upload_chunk_mb = self.chunk.value()
        current.network_timeout_s = self.timeout.value()
        current.xsd_folder = self.xsd.filePath().strip()
        return current

    def apply(self) -> None:
        """QGIS Options → OK."""
        self.settings().save()

    def download_schemas(self) -> Optional[SchemaDownloadTask]:
        """Fetch the official schemas in a background task."""
        if self.task is not None:
            return None
        self.task = SchemaDownloadTask()
        task = self.task
        task.taskCompleted.connect(lambda: self._downloaded(task))
        task.taskTerminated.connect(lambda: self._downloaded(task))
        self.downloadButton.setEnabled(False)
        self.schemaStatus.setText(self.tr("Downloading…"))
        QgsApplication.taskManager().addTask(task)
        return task

    def _downloaded(self, task: SchemaDownloadTask) -> None:
        self.task = None
        self.downloadButton.setEnabled(True)
        if task.error is not None:
            self.schemaStatus.setText(error_text(task.error, self.language))
        elif task.folder is not None:
            self.schemaStatus.setText(self.tr("Downloaded copy: {0}").format(task.folder))


class SettingsPageFactory(QgsOptionsWidgetFactory):
    """Adds the GeoPublier page to QGIS Options."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(__title__)

    def icon(self) -> QIcon:
        """The page's icon in the Options list."""
        return QIcon(str(PLUGIN_DIR / "resources" / "icon.svg"))

    def createWidget(self, parent=None) -> SettingsPage:  # noqa: N802 - QGIS API name
        """A fresh page each time the Options dialog opens."""
        return SettingsPage(parent)
