"""The pure layers stay pure, and plugin code uses relative imports only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE_PACKAGES = ["plugin/core", "plugin/publishers"]
FORBIDDEN_ROOTS = {"qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip", "processing"}


def imported_roots(path: Path) -> set[str]:
    """Top-level module names a file imports absolutely."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def python_files(folder: str) -> list[Path]:
    """Every Python file below a repository folder."""
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_pure_packages_import_neither_qt_nor_qgis(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN_ROOTS)
        for path in python_files(package)
    }
    offenders = {name: roots for name, roots in offenders.items() if roots}
    assert offenders == {}, f"Qt/QGIS imported from a pure package: {offenders}"


def test_checker_detects_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from qgis.core import QgsProject\nimport PyQt5.QtCore\n", encoding="utf-8")
    assert imported_roots(sample) & FORBIDDEN_ROOTS == {"qgis", "PyQt5"}


def test_plugin_code_imports_itself_relatively() -> None:
    offenders = sorted(
        str(path.relative_to(ROOT))
        for path in python_files("plugin")
        if imported_roots(path) & {"plugin", "geopublier"}
    )
    assert offenders == [], f"absolute import of the plugin package in {offenders}"
