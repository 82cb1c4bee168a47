"""Build the installable plugin zip: dist/geopublier-<version>.zip holding a geopublier/ folder.

Usage: python scripts/build_package.py [--output-dir DIR]
Compiles the translations with lrelease and leaves out tests and developer files.
"""

from __future__ import annotations

import argparse
import configparser
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "geopublier"
SHIPPED = ["metadata.txt", "__init__.py", "LICENSE", "README.md", "plugin", "forms", "resources"]
SKIPPED_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache"}


def plugin_version() -> str:
    """Version from metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def compile_translations(target: Path) -> list[Path]:
    """Compile every i18n/*.ts into target/*.qm with lrelease; fail loudly if it is missing."""
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts_file in sorted((ROOT / "i18n").glob("*.ts")):
        qm_file = target / (ts_file.stem + ".qm")
        subprocess.run([lrelease, "-silent", str(ts_file), "-qm", str(qm_file)], check=True)
        built.append(qm_file)
    return built


def build(output_dir: Path) -> Path:
    """Assemble the plugin folder in a temporary place and zip it."""
    output_dir.mkdir(parents=True, exist_ok=True)
    archive = output_dir / f"{SLUG}-{plugin_version()}.zip"
    with tempfile.TemporaryDirectory() as staging:
        folder = Path(staging) / SLUG
        folder.mkdir()
        for name in SHIPPED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(
                    source, folder / name, ignore=shutil.ignore_patterns(*SKIPPED_PARTS, "*.pyc")
                )
            else:
                shutil.copy2(source, folder / name)
        compile_translations(folder / "i18n")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(folder.rglob("*")):
                zipped.write(path, path.relative_to(staging))
    return archive


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output-dir", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    print(build(args.output_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
