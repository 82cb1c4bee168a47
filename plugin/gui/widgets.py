"""Small helpers shared by the step widgets."""

from __future__ import annotations

from typing import Callable

from qgis.PyQt.QtWidgets import QHBoxLayout, QPushButton

ButtonSpec = tuple[str, str, Callable, str]  # object name, text, slot, tooltip


def button_row(owner, specs: list[ButtonSpec]) -> QHBoxLayout:
    """A left-aligned row of buttons, each also set on `owner` under its object name."""
    row = QHBoxLayout()
    for name, text, slot, tip in specs:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        setattr(owner, name, button)
        row.addWidget(button)
    row.addStretch()
    return row
