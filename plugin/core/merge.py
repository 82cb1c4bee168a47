"""Merge two records: what an imported record states wins, what it leaves empty is kept."""

from __future__ import annotations

import dataclasses

from .model import Record

# Facts read from the data itself: an imported record must not overwrite them.
LAYER_FACTS = ("geometry_type", "feature_count", "attributes", "spatial_representation_type")


def merge_records(base: Record, incoming: Record) -> Record:
    """Fields `incoming` fills (differs from an empty record) replace those of `base`."""
    empty = Record(file_identifier="", metadata_date="")
    merged = Record.from_dict(base.to_dict())
    for item in dataclasses.fields(Record):
        if item.name in LAYER_FACTS and getattr(base, item.name) != getattr(empty, item.name):
            continue
        value = getattr(incoming, item.name)
        if value != getattr(empty, item.name):
            setattr(merged, item.name, value)
    return merged
