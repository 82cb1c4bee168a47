"""geopublier:exportmetadata METADATA=<a real published record>: the record is patched, not
regenerated (the other write paths, dialog export and publication, share `write`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.record_values import kept_share

RECORDS = sorted((Path(__file__).parents[1] / "data" / "records").glob("*.xml"))


@pytest.mark.parametrize("path", RECORDS[:4], ids=lambda p: p.stem)
def test_exportmetadata_keeps_an_imported_record(
    provider, rivers_shapefile, path: Path, tmp_path: Path
) -> None:
    import processing

    output = tmp_path / "fiche.xml"
    processing.run(
        "geopublier:exportmetadata",
        {"INPUT": str(rivers_shapefile), "METADATA": str(path), "OUTPUT": str(output)},
    )
    share, lost = kept_share(path.read_bytes(), output.read_bytes())
    assert share >= 0.95, lost
