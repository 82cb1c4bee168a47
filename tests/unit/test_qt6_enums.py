"""Qt 6 readiness of plugin/: every Qt name the code reaches exists in PyQt6 (QGIS 4).

PyQt6 dropped the unscoped enum names (`Qt.UserRole` is `Qt.ItemDataRole.UserRole`,
`QDialogButtonBox.Ok` is `QDialogButtonBox.StandardButton.Ok`) and `exec_()`; the scoped names
work on PyQt5 5.15 too. The names are checked against PyQt6's own type stubs (the `.pyi` files of
the PyQt6 wheel in the test venv, requirements-qt6.txt): nothing of PyQt6 is imported, so this
runs without Qt 6. A chain is checked while it goes through classes and enums; it stops at a
method or a value. A line with a `# qt5-only` comment is skipped (code for QGIS < 3.38 only).
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[2] / "plugin"
QT_MODULE_PREFIXES = ("qgis.PyQt.", "PyQt5.")
QT5_ONLY = "# qt5-only"
# qgis.PyQt modules GeoPublier may import from: their PyQt6 stubs hold the classes it can use.
STUB_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtXml", "QtSvg", "QtPrintSupport")


@dataclass
class QtName:
    """A class or enum of PyQt6: its nested classes, and the names of its other members."""

    classes: dict[str, QtName] = field(default_factory=dict)
    members: set[str] = field(default_factory=set)

    def has(self, name: str) -> bool:
        return name in self.classes or name in self.members


def _read_class(node: ast.ClassDef) -> QtName:
    """A stub class: nested classes recursively, functions and assignments as members."""
    qt_name = QtName()
    for item in node.body:
        if isinstance(item, ast.ClassDef):
            qt_name.classes[item.name] = _read_class(item)
        elif isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            qt_name.members.add(item.name)
        elif isinstance(item, ast.Assign):
            qt_name.members.update(t.id for t in item.targets if isinstance(t, ast.Name))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            qt_name.members.add(item.target.id)
    return qt_name


def _with_bases(classes: dict[str, QtName], stubs: dict[str, ast.ClassDef]) -> None:
    """Give every class the members of its PyQt6 base classes (QDialog has exec, QWidget's…)."""
    done: set[str] = set()

    def merge(name: str) -> None:
        if name in done or name not in stubs:
            return
        done.add(name)
        for base in stubs[name].bases:
            base_name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
            if base_name in classes and base_name != name:
                merge(base_name)
                classes[name].members |= classes[base_name].members
                for key, value in classes[base_name].classes.items():
                    classes[name].classes.setdefault(key, value)

    for name in stubs:
        merge(name)


@pytest.fixture(scope="module")
def pyqt6_classes() -> dict[str, QtName]:
    """Every top-level class of the PyQt6 modules GeoPublier may use, by name."""
    spec = importlib.util.find_spec("PyQt6")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("PyQt6 absent du venv de test : make venv (requirements-qt6.txt)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    classes: dict[str, QtName] = {}
    stubs: dict[str, ast.ClassDef] = {}
    for module in STUB_MODULES:
        stub = folder / f"{module}.pyi"
        assert stub.is_file(), f"PyQt6 stub missing: {stub}"
        for node in ast.parse(stub.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                classes[node.name] = _read_class(node)
                stubs[node.name] = node
    _with_bases(classes, stubs)
    return classes


def _qt_imports(tree: ast.Module) -> dict[str, tuple[str, str]]:
    """Local name → (Qt module, class name), for `from qgis.PyQt.QtX import Name [as Alias]`."""
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(QT_MODULE_PREFIXES):
            for alias in node.names:
                imported[alias.asname or alias.name] = (node.module.split(".")[-1], alias.name)
    return imported


def _chain(node: ast.Attribute) -> tuple[str, list[str]] | None:
    """`Qt.ItemDataRole.UserRole` → ("Qt", ["ItemDataRole", "UserRole"]); None if not a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return node.id, list(reversed(parts))


def _outermost_attributes(tree: ast.Module) -> list[ast.Attribute]:
    """Attribute nodes that are not themselves the base of a longer attribute chain."""
    inner = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
    }
    return [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and id(n) not in inner]


@dataclass
class QtUse:
    """One use of a Qt class in the code: `Class.parts…` on a line, in a PyQt module."""

    where: str
    module: str
    class_name: str
    parts: list[str]
    problem: str = ""  # what PyQt6 lacks, if anything

    def __str__(self) -> str:
        return f"{self.where} {self.problem}"


def qt_uses(source: str, filename: str, classes: dict[str, QtName]) -> list[QtUse]:
    """Every Qt class chain (checked against PyQt6 as far as it names classes and enums)."""
    tree = ast.parse(source, filename)
    lines = source.splitlines()
    imported = _qt_imports(tree)
    uses = []
    for node in _outermost_attributes(tree):
        if QT5_ONLY in lines[node.lineno - 1]:
            continue
        chain = _chain(node)
        if chain is None:
            continue
        root, parts = chain
        where = f"{filename}:{node.lineno}"
        if "exec_" in parts:
            problem = f"{root}.{'.'.join(parts)} (exec_ → exec)"
            uses.append(QtUse(where, "", root, parts, problem))
            continue
        if root not in imported:
            continue
        module, class_name = imported[root]
        use = QtUse(where, module, class_name, [])
        uses.append(use)
        qt_name = classes.get(class_name)
        if qt_name is None:
            use.problem = f"{class_name} (absent de PyQt6)"
            continue
        for part in parts:
            use.parts.append(part)
            if not qt_name.has(part):
                use.problem = ".".join([root, *use.parts])
                break
            if part not in qt_name.classes:
                break  # a method or a value: what follows is not a Qt name
            qt_name = qt_name.classes[part]
    return sorted(uses, key=lambda use: int(use.where.rsplit(":", 1)[1]))


def qt6_problems(source: str, filename: str, classes: dict[str, QtName]) -> list[str]:
    """`file:line Qt.Name` for every Qt name (or exec_) the source uses that PyQt6 lacks."""
    return [str(use) for use in qt_uses(source, filename, classes) if use.problem]


def plugin_uses(classes: dict[str, QtName]) -> list[QtUse]:
    """The Qt uses of every module of plugin/."""
    uses = []
    for path in sorted(PLUGIN.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        uses += qt_uses(source, str(path.relative_to(PLUGIN.parent)), classes)
    return uses


def test_the_checker_finds_unscoped_enums_and_exec_(pyqt6_classes) -> None:
    source = (
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.PyQt.QtWidgets import QDialogButtonBox as Box, QMessageBox\n"
        "a = Qt.UserRole\n"
        "b = Qt.ItemDataRole.UserRole + 1\n"
        "c = Box.Ok\n"
        "d = Box.StandardButton.Ok\n"
        "e = QMessageBox.question\n"
        "dialog.exec_()\n"
        "f = Qt.Checked  # qt5-only\n"
    )
    assert qt6_problems(source, "x.py", pyqt6_classes) == [
        "x.py:3 Qt.UserRole",
        "x.py:5 Box.Ok",
        "x.py:8 dialog.exec_ (exec_ → exec)",
    ]


def test_plugin_uses_only_names_that_exist_in_pyqt6(pyqt6_classes) -> None:
    uses = plugin_uses(pyqt6_classes)
    problems = [str(use) for use in uses if use.problem]
    print(f"Qt 6 : {len(uses)} noms Qt vérifiés dans plugin/, {len(problems)} absent(s) de PyQt6")
    assert problems == [], (
        f"{len(problems)} Qt name(s) PyQt6 does not have (use the scoped enum, e.g. "
        "Qt.ItemDataRole.UserRole, and exec()):\n" + "\n".join(problems)
    )


def test_the_same_names_exist_in_pyqt5(pyqt6_classes) -> None:
    """The scoped names still run on QGIS 3.22 to 3.40 (PyQt5 5.15)."""
    pyqt5 = pytest.importorskip("PyQt5")
    missing = []
    for use in plugin_uses(pyqt6_classes):
        if use.problem or not use.module:
            continue
        target = getattr(importlib.import_module(f"{pyqt5.__name__}.{use.module}"), use.class_name)
        for part in use.parts:
            if not hasattr(target, part):
                missing.append(f"{use.where} {use.class_name}.{'.'.join(use.parts)}")
                break
            target = getattr(target, part)
    assert missing == []
