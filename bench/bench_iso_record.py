"""Benchmark: write + XSD-validate one ISO 19139 record, as a ratio to one plain lxml parse.

Run: .venv/bin/python bench/bench_iso_record.py [schema_dir]
(schema_dir: argv, $GEOPUBLIER_XSD_DIR or the pycsw sandbox venv copy). Asserts nothing.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit" / "core"))

from conftest import build_complete_record  # noqa: E402

from plugin.core.iso19139_writer import write  # noqa: E402
from plugin.core.xsd import load_schema, validate_xsd  # noqa: E402

ROUNDS = 200


def _schema_dir() -> Path:
    """Return the schema folder from argv, the environment or the pycsw venv."""
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    if os.environ.get("GEOPUBLIER_XSD_DIR"):
        return Path(os.environ["GEOPUBLIER_XSD_DIR"])
    pattern = (
        ".sandbox/venvs/pycsw/lib/python3*/site-packages/pycsw/plugins/profiles/apiso/"
        "schemas/ogc/iso/19139/20070417"
    )
    return sorted(ROOT.glob(pattern))[0]


def _best(function, rounds: int = ROUNDS) -> float:
    """Return the best time of `rounds` calls, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print absolute times and the ratio write+validate / parse."""
    schema_dir = _schema_dir()
    started = time.perf_counter()
    load_schema(schema_dir)
    schema_load = time.perf_counter() - started
    record = build_complete_record()
    xml = write(record)
    parse = _best(lambda: etree.fromstring(xml))
    write_validate = _best(lambda: validate_xsd(write(record), schema_dir))
    print(f"record size            : {len(xml)} bytes")
    print(f"schema load (once)     : {schema_load * 1000:.1f} ms")
    print(f"lxml parse             : {parse * 1000:.3f} ms")
    print(f"write + XSD validation : {write_validate * 1000:.3f} ms (target < 100 ms)")
    print(f"ratio                  : {write_validate / parse:.1f}x one parse")


if __name__ == "__main__":
    main()
