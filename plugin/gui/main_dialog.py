"""The one GeoPublier window: a thin shell holding one widget per step."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsMapLayer
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..__about__ import PLUGIN_DIR

FORM_CLASS, _ = uic.loadUiType(str(PLUGIN_DIR / "forms" / "main_dialog.ui"))


class MainDialog(QDialog, FORM_CLASS):
    """Non-modal dialog: describe, prepare, destinations, publish."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.layer: Optional[QgsMapLayer] = None
        self.buttonBox.button(QDialogButtonBox.Close).clicked.connect(self.close)
        self.set_layer(None)

    def set_layer(self, layer: Optional[QgsMapLayer]) -> None:
        """Show which layer the dialog works on."""
        self.layer = layer
        if layer is None:
            self.layerLabel.setText(
                self.tr("No layer selected: choose a layer in the Layers panel first.")
            )
        else:
            self.layerLabel.setText(self.tr("Layer: {0}").format(layer.name()))
