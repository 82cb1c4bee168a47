"""Patching writer: write a record into the ISO 19139 document it was imported or fetched from.

The document is the base. Each field of the record is compared with what the document says (the
reader's view of it); only fields that differ are rewritten, each into its own elements, with the
writer's functions. Everything else — extra contacts, distributors, overviews, aggregation info,
national extensions, Anchor or CharacterString, codeList spellings, element order — is left as
it was. An unedited record comes back with the same elements in the same order; only the
metadata date changes when the record's date does.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Optional

from lxml import etree

from . import codelists
from . import iso19139_writer as writer
from .iso19139_build import ci_date as write_ci_date
from .iso19139_build import code as write_code
from .iso19139_build import date as write_date
from .iso19139_build import language as write_language
from .iso19139_build import text as write_text
from .iso19139_common import (
    ATTRIBUTES_HEADER,
    code_of,
    find_all,
    first,
    qname,
    sub,
    text_of,
    value_of,
)
from .iso19139_reader import (
    bbox_of,
    conformity_of,
    encoding_of,
    language_of,
    locator_of,
    metadata_root,
    read_tree,
    reference_system_of,
    resolution_of,
)
from .iso19139_reader_parts import (
    CONDITION,
    GEMET_TITLE,
    LICENCE,
    RESTATED,
    constraint_entries,
    is_limitation_block,
    limitation_of,
    read_party,
)
from .iso19139_tree import (
    built,
    children,
    ensure,
    hoist_namespaces,
    place,
    prefixes,
    replace_items,
    set_code,
    set_text,
)
from .model import Keyword, Record
from .xmlsafe import parse_xml


def patch(record: Record) -> bytes:
    """The record's source document with the record's differences written into it."""
    root = metadata_root(parse_xml(record.source_document.encode("utf-8")))
    if first(root, "gmd:identificationInfo/gmd:MD_DataIdentification") is None:
        return writer.write(_without_source(record))  # not a dataset record: nothing to keep
    original_prefixes = prefixes(root)
    base, _ = read_tree(root)
    patcher = _Patcher(root, base, record)
    for names, apply in _FIELDS:
        if any(getattr(base, name) != getattr(record, name) for name in names):
            apply(patcher)
    _ConstraintPatch(patcher).ensure_geonetwork_shapes()
    hoist_namespaces(root, original_prefixes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _without_source(record: Record) -> Record:
    copy = Record.from_dict(record.to_dict())
    copy.source_document = ""
    return copy


def edited_fields(record: Record) -> list[str]:
    """The record's fields that differ from its source document (what a write rewrites)."""
    if not record.source_document:
        return []
    base, _ = read_tree(metadata_root(parse_xml(record.source_document.encode("utf-8"))))
    names = [name for group, _ in _FIELDS for name in group]
    return [name for name in names if getattr(base, name) != getattr(record, name)]


class _Patcher:
    """The document being patched, the record as the document says it, the record to write."""

    def __init__(self, root: etree._Element, base: Record, record: Record) -> None:
        self.root = root
        self.base = base
        self.record = record
        self.lang = "fr" if record.metadata_language == "fre" else "en"
        self.di = first(root, "gmd:identificationInfo/gmd:MD_DataIdentification")
        self.cit = ensure(self.di, ["gmd:citation", "gmd:CI_Citation"])

    # -- metadata section ----------------------------------------------------------------------

    def file_identifier(self) -> None:
        set_text(self.root, "gmd:fileIdentifier", self.record.file_identifier)

    def metadata_language(self) -> None:
        replace_items(
            children(self.root, "gmd:language")[:1],
            [self.record.metadata_language],
            language_of,
            lambda parent, code: write_language(sub(parent, "gmd:language"), code),
            lambda: self.root,
        )

    def resource_type(self) -> None:
        old, new = self.base.resource_type, self.record.resource_type
        level = first(self.root, "gmd:hierarchyLevel/gmd:MD_ScopeCode")
        if level is None:
            prop = built(
                self.root,
                lambda: write_code(sub(self.root, "gmd:hierarchyLevel"), "MD_ScopeCode", new),
            )
            place(self.root, prop, None)
        else:
            set_code(level, new)
        for scope in find_all(
            self.root, "gmd:dataQualityInfo/*/gmd:scope/gmd:DQ_Scope/gmd:level/gmd:MD_ScopeCode"
        ):
            if code_of(scope) == old:
                set_code(scope, new)

    def metadata_contacts(self) -> None:
        self._parties(self.root, "gmd:contact", self.record.metadata_contacts)

    def _parties(self, parent: etree._Element, name: str, people: list) -> None:
        replace_items(
            [p for p in children(parent, name) if len(p)],
            people,
            lambda prop: read_party(prop[0]),
            lambda into, person: writer.parties(into, name, [person], self.lang),
            lambda: parent,
        )
        for empty in [p for p in children(parent, name) if not len(p)]:
            if people:
                parent.remove(empty)

    def metadata_date(self) -> None:
        replace_items(
            children(self.root, "gmd:dateStamp"),
            [self.record.metadata_date],
            lambda prop: None,
            lambda parent, value: write_date(sub(parent, "gmd:dateStamp"), value),
            lambda: self.root,
        )

    def vector(self) -> None:
        objects = first(
            self.root,
            "gmd:spatialRepresentationInfo/gmd:MD_VectorSpatialRepresentation/"
            "gmd:geometricObjects/gmd:MD_GeometricObjects",
        )
        record = self.record
        if objects is None:
            place(
                self.root,
                built(self.root, lambda: writer.vector_representation(self.root, record)),
                None,
            )
            return
        kind = first(objects, "gmd:geometricObjectType/gmd:MD_GeometricObjectTypeCode")
        if kind is not None and record.geometry_type:
            set_code(kind, record.geometry_type)
        for count in children(objects, "gmd:geometricObjectCount"):
            objects.remove(count)
        if record.feature_count is not None:
            count = etree.SubElement(objects, qname("gmd:geometricObjectCount"))
            sub(count, "gco:Integer").text = str(int(record.feature_count))

    def reference_systems(self) -> None:
        replace_items(
            children(self.root, "gmd:referenceSystemInfo"),
            self.record.reference_systems,
            reference_system_of,
            writer.reference_system,
            lambda: self.root,
        )

    # -- identification ------------------------------------------------------------------------

    def title(self) -> None:
        set_text(self.cit, "gmd:title", self.record.title)

    def dates(self) -> None:
        for kind in ("creation", "publication", "revision"):
            value = getattr(self.record, f"{kind}_date")
            if value == getattr(self.base, f"{kind}_date"):
                continue
            olds = [
                prop
                for prop in children(self.cit, "gmd:date")
                if code_of(first(prop, "gmd:CI_Date/gmd:dateType/gmd:CI_DateTypeCode")) == kind
            ]
            replace_items(
                olds,
                [value] if value else [],
                lambda prop: None,
                lambda parent, v, k=kind: write_ci_date(sub(parent, "gmd:date"), v, k),
                lambda: self.cit,
            )
        dated = [p for p in children(self.cit, "gmd:date") if len(p)]
        for empty in [p for p in children(self.cit, "gmd:date") if not len(p)]:
            if dated:
                self.cit.remove(empty)

    def identifier(self) -> None:
        olds = children(self.cit, "gmd:identifier")[:1]
        ident = self.record.identifier
        replace_items(
            olds,
            [ident] if ident.code or ident.namespace else [],
            lambda prop: None,
            lambda parent, value: writer.identifier(parent, value),
            lambda: self.cit,
        )

    def abstract(self) -> None:
        set_text(self.di, "gmd:abstract", self.record.abstract)

    def responsible_parties(self) -> None:
        self._parties(self.di, "gmd:pointOfContact", self.record.responsible_parties)

    def maintenance(self) -> None:
        frequency = self.record.maintenance_frequency
        code = first(
            self.di,
            "gmd:resourceMaintenance/gmd:MD_MaintenanceInformation/"
            "gmd:maintenanceAndUpdateFrequency/gmd:MD_MaintenanceFrequencyCode",
        )
        if code is not None and frequency:
            set_code(code, frequency)
        elif code is None and frequency:
            place(self.di, built(self.di, lambda: writer.maintenance(self.di, frequency)), None)

    def keywords(self) -> None:
        _KeywordPatch(self).apply()

    def constraints(self) -> None:
        _ConstraintPatch(self).apply()

    def representation_type(self) -> None:
        value = self.record.spatial_representation_type
        olds = children(self.di, "gmd:spatialRepresentationType")[:1]
        replace_items(
            olds,
            [value] if value else [],
            lambda prop: code_of(first(prop, "gmd:MD_SpatialRepresentationTypeCode")),
            lambda parent, v: write_code(
                sub(parent, "gmd:spatialRepresentationType"),
                "MD_SpatialRepresentationTypeCode",
                v,
                codelists.label("spatial_representation_types", v, self.lang),
            ),
            lambda: self.di,
        )

    def resolutions(self) -> None:
        replace_items(
            children(self.di, "gmd:spatialResolution"),
            self.record.resolutions,
            resolution_of,
            writer.resolution,
            lambda: self.di,
        )

    def languages(self) -> None:
        replace_items(
            [p for p in children(self.di, "gmd:language") if len(p)],
            self.record.resource_languages,
            language_of,
            lambda parent, code: write_language(sub(parent, "gmd:language"), code),
            lambda: self.di,
        )

    def character_set(self) -> None:
        value = self.record.character_set
        replace_items(
            children(self.di, "gmd:characterSet")[:1],
            [value] if value else [],
            lambda prop: code_of(first(prop, "gmd:MD_CharacterSetCode")),
            lambda parent, v: write_code(sub(parent, "gmd:characterSet"), "MD_CharacterSetCode", v),
            lambda: self.di,
        )

    def topic_categories(self) -> None:
        def build(parent: etree._Element, value: str) -> None:
            sub(sub(parent, "gmd:topicCategory"), "gmd:MD_TopicCategoryCode").text = value

        replace_items(
            children(self.di, "gmd:topicCategory"),
            self.record.topic_categories,
            lambda prop: text_of(prop),
            build,
            lambda: self.di,
        )

    def _extent(self) -> etree._Element:
        """The first EX_Extent (created when the record has none)."""
        return ensure(self.di, ["gmd:extent", "gmd:EX_Extent"])

    def bboxes(self) -> None:
        olds = [
            prop
            for prop in find_all(self.di, "gmd:extent/gmd:EX_Extent/gmd:geographicElement")
            if first(prop, "gmd:EX_GeographicBoundingBox") is not None
        ]
        replace_items(olds, self.record.bboxes, bbox_of, writer.bbox, self._extent)

    def temporal_extent(self) -> None:
        olds = find_all(self.di, "gmd:extent/gmd:EX_Extent/gmd:temporalElement")[:1]
        period = self.record.temporal_extent
        replace_items(
            olds, [period] if period else [], lambda prop: None, writer.temporal, self._extent
        )

    def attributes(self) -> None:
        """The attribute table goes after any supplemental information the document had."""
        prop = first(self.di, "gmd:supplementalInformation")
        kept = text_of(prop).split(ATTRIBUTES_HEADER)[0].rstrip()
        table = writer.attributes_text(self.record.attributes) if self.record.attributes else ""
        text = "\n\n".join(part for part in (kept, table) if part)
        if text or prop is not None:
            set_text(self.di, "gmd:supplementalInformation", text)

    # -- distribution and quality --------------------------------------------------------------

    def _distribution(self) -> etree._Element:
        return ensure(self.root, ["gmd:distributionInfo", "gmd:MD_Distribution"])

    def encodings(self) -> None:
        replace_items(
            find_all(self.root, "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat"),
            self.record.encodings,
            encoding_of,
            lambda parent, v: writer.distribution_format(sub(parent, "gmd:distributionFormat"), v),
            self._distribution,
        )

    def locators(self) -> None:
        olds = [
            prop
            for prop in find_all(
                self.root,
                "gmd:distributionInfo/gmd:MD_Distribution/gmd:transferOptions/"
                "gmd:MD_DigitalTransferOptions/gmd:onLine",
            )
            if first(prop, "gmd:CI_OnlineResource") is not None
        ]
        replace_items(
            olds,
            self.record.locators,
            locator_of,
            lambda parent, v: writer.online(sub(parent, "gmd:onLine"), v),
            lambda: ensure(
                self._distribution(), ["gmd:transferOptions", "gmd:MD_DigitalTransferOptions"]
            ),
        )

    def _quality(self) -> etree._Element:
        dq = first(self.root, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
        if dq is None:
            dq = ensure(self.root, ["gmd:dataQualityInfo", "gmd:DQ_DataQuality"])
            scope = ensure(dq, ["gmd:scope", "gmd:DQ_Scope"])
            write_code(sub(scope, "gmd:level"), "MD_ScopeCode", self.record.resource_type)
        return dq

    def lineage(self) -> None:
        statement = first(
            self.root, "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:lineage/gmd:LI_Lineage"
        )
        if statement is not None:
            set_text(statement, "gmd:statement", self.record.lineage)
            return
        dq = self._quality()
        place(dq, built(dq, lambda: writer.lineage(dq, self.record.lineage)), None)

    def conformities(self) -> None:
        olds = [
            prop
            for prop in find_all(self.root, "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:report")
            if conformity_of(prop) is not None
        ]
        replace_items(
            olds,
            self.record.conformities,
            conformity_of,
            writer.conformance_report,
            self._quality,
        )

    def topology(self) -> None:
        olds = [
            prop
            for prop in find_all(self.root, "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:report")
            if first(prop, "gmd:DQ_TopologicalConsistency") is not None
        ][:1]
        text = self.record.topological_consistency
        replace_items(
            olds, [text] if text else [], lambda prop: None, writer.topology, self._quality
        )


class _KeywordPatch:
    """INSPIRE themes, vocabularies and free keywords, each block patched on its own."""

    def __init__(self, patcher: _Patcher) -> None:
        self.p = patcher
        self.di = patcher.di
        self.themes: list[etree._Element] = []
        self.groups: list[tuple[str, etree._Element]] = []
        self.free: list[etree._Element] = []
        for prop in children(self.di, "gmd:descriptiveKeywords"):
            block = first(prop, "gmd:MD_Keywords")
            if block is None:
                continue
            title = text_of(first(block, "gmd:thesaurusName/gmd:CI_Citation/gmd:title"))
            if GEMET_TITLE in " ".join(title.split()).casefold():
                self.themes.append(prop)
            elif first(block, "gmd:thesaurusName/gmd:CI_Citation") is not None and title:
                self.groups.append((title, prop))
            else:
                self.free.append(prop)

    def apply(self) -> None:
        base, record = self.p.base, self.p.record
        if base.inspire_themes != record.inspire_themes:
            self._themes(record.inspire_themes)
        if base.keyword_groups != record.keyword_groups:
            self._groups()
        if base.free_keywords != record.free_keywords:
            self._free(record.free_keywords)

    def _add_block(self, build: Callable[[], None], before: Optional[etree._Element]) -> None:
        new = built(self.di, build)
        place(self.di, new, self.di.index(before) if before is not None else None)

    def _keywords_of(self, prop: etree._Element, words: list, read, build) -> None:
        block = first(prop, "gmd:MD_Keywords")
        replace_items(children(block, "gmd:keyword"), words, read, build, lambda: block)

    def _themes(self, themes: list[str]) -> None:
        lookup = codelists.theme_lookup()

        def read(prop: etree._Element) -> Optional[str]:
            return lookup.get(value_of(prop)) or lookup.get(text_of(prop))

        if not self.themes:
            if themes:
                first_prop = next(iter(children(self.di, "gmd:descriptiveKeywords")), None)
                self._add_block(
                    lambda: writer.theme_block(self.di, themes, self.p.lang), first_prop
                )
            return
        for extra in self.themes[1:]:
            self.di.remove(extra)
        if not themes:
            self.di.remove(self.themes[0])
            return
        self._keywords_of(
            self.themes[0],
            themes,
            read,
            lambda block, code: writer.theme_keyword(block, code, self.p.lang),
        )

    def _groups(self) -> None:
        pool = list(self.groups)
        last = children(self.di, "gmd:descriptiveKeywords")
        anchor_after = last[-1] if last else None
        for group in self.p.record.keyword_groups:
            match = next((i for i, (t, _) in enumerate(pool) if t == group.thesaurus_title), None)
            if match is None:
                if group.keywords:
                    new = built(self.di, lambda g=group: writer.group_block(self.di, g))
                    at = self.di.index(anchor_after) + 1 if anchor_after is not None else None
                    place(self.di, new, at)
                    anchor_after = new[-1] if new else anchor_after
                continue
            _, prop = pool.pop(match)
            anchor_after = prop
            self._keywords_of(
                prop,
                group.keywords,
                lambda k: Keyword(label=text_of(k), uri=_href(k)),
                writer.keyword,
            )
            if not group.keywords:
                self.di.remove(prop)
        for _, prop in pool:
            self.di.remove(prop)

    def _free(self, words: list[str]) -> None:
        for extra in self.free[1:]:
            self.di.remove(extra)
        if self.free and not words:
            self.di.remove(self.free[0])
        elif self.free:
            self._keywords_of(
                self.free[0],
                words,
                text_of,
                lambda block, word: writer.keyword(block, Keyword(label=word)),
            )
        elif words:
            after = children(self.di, "gmd:descriptiveKeywords")
            new = built(self.di, lambda: writer.free_block(self.di, words))
            place(self.di, new, self.di.index(after[-1]) + 1 if after else None)


def _href(prop: etree._Element) -> str:
    anchor = first(prop, "gmx:Anchor")
    return (anchor.get(qname("xlink:href"), "") if anchor is not None else "").strip()


class _ConstraintPatch:
    """Limitations on public access, and licence + conditions (with their useLimitation)."""

    def __init__(self, patcher: _Patcher) -> None:
        self.p = patcher
        self.di = patcher.di
        self.legal = find_all(self.di, "gmd:resourceConstraints/gmd:MD_LegalConstraints")

    def apply(self) -> None:
        base, record = self.p.base, self.p.record
        if base.access_limitations != record.access_limitations:
            self._limitations()
        if (base.licence, base.use_conditions) != (record.licence, record.use_conditions):
            self._use()
        for prop in children(self.di, "gmd:resourceConstraints"):
            block = next((c for c in prop if isinstance(c.tag, str)), None)
            if block is not None and not len(block):
                self.di.remove(prop)

    def _limitations(self) -> None:
        codes = self.p.record.access_limitations
        block = next((b for b in self.legal if is_limitation_block(b)), None)
        if block is None:
            if codes:
                lang = self.p.lang
                self._place(built(self.di, lambda: writer.limitations_block(self.di, codes, lang)))
            return
        replace_items(
            [prop for prop in children(block, "gmd:otherConstraints") if limitation_of(prop)],
            codes,
            limitation_of,
            lambda legal, code: writer.limitation(legal, code, self.p.lang),
            lambda: block,
        )

    def _use(self) -> None:
        """Licence and conditions: an entry still wanted stays where it is; a changed licence
        takes the old one's place; new condition lines go to the conditions block; GeoNetwork's
        M45 gets a useLimitation with text when none is left."""
        base, record, lang = self.p.base, self.p.record, self.p.lang
        entries = constraint_entries(self.di)
        lines = [line for line in record.use_conditions.split("\n") if line.strip()]
        target = self._use_block(entries)
        for prop, kind, value in entries:
            if kind == LICENCE and record.licence != base.licence:
                if target is None:
                    target = prop.getparent()
                prop.getparent().remove(prop)
            elif kind == CONDITION and value in lines:
                lines.remove(value)
            elif kind in (CONDITION, RESTATED):
                prop.getparent().remove(prop)
        if not (record.licence or record.use_conditions):
            return
        if target is None:
            self._place(built(self.di, lambda: writer.use_block(self.di, record, lang)))
            return
        wanted = dataclasses.replace(
            record,
            licence=record.licence if record.licence != base.licence else "",
            use_conditions="\n".join(lines),
        )
        place(target, built(target, lambda: writer.use_entries(target, wanted, lang)), None)
        self._restriction(target)

    def ensure_geonetwork_shapes(self) -> None:
        """What GeoNetwork's INSPIRE rules (M45) and the validator (C.17) need and a record
        may lack even unedited: the limitations block says accessConstraints
        "otherRestrictions", and a useLimitation with text exists when the record states a
        licence or conditions. Added only when missing; nothing else changes."""
        record, lang = self.p.record, self.p.lang
        block = next((b for b in self.legal if is_limitation_block(b)), None)
        if block is not None and record.access_limitations:
            codes = [code_of(c) for c in find_all(block, "gmd:accessConstraints/*")]
            if "otherRestrictions" not in codes:
                place(
                    block,
                    built(
                        block,
                        lambda: write_code(
                            sub(block, "gmd:accessConstraints"),
                            "MD_RestrictionCode",
                            "otherRestrictions",
                        ),
                    ),
                    None,
                )
        said = [
            text_of(p) for p in find_all(self.di, "gmd:resourceConstraints/*/gmd:useLimitation")
        ]
        if any(said) or not (record.licence or record.use_conditions):
            return
        target = self._use_block(constraint_entries(self.di))
        if target is None:
            target = block
        if target is None:
            self._place(built(self.di, lambda: writer.use_block(self.di, record, lang)))
            return
        text = writer.use_limitation_text(record, lang)
        place(
            target, built(target, lambda: write_text(sub(target, "gmd:useLimitation"), text)), None
        )

    def _use_block(self, entries: list) -> Optional[etree._Element]:
        """Where conditions go: the block already holding the licence or conditions, else the
        first legal block that is not the limitations block."""
        for prop, kind, _ in entries:
            if kind in (LICENCE, CONDITION) and etree.QName(prop).localname == "otherConstraints":
                return prop.getparent()
        return next((b for b in self.legal if not is_limitation_block(b)), None)

    @staticmethod
    def _restriction(block: etree._Element) -> None:
        """The block says "otherRestrictions" (INSPIRE C.18), as use or access constraint."""
        codes = [
            code_of(c)
            for c in find_all(block, "*/gmd:MD_RestrictionCode")
            if etree.QName(c.getparent()).localname in ("useConstraints", "accessConstraints")
        ]
        if "otherRestrictions" not in codes:
            place(
                block,
                built(
                    block,
                    lambda: write_code(
                        sub(block, "gmd:useConstraints"), "MD_RestrictionCode", "otherRestrictions"
                    ),
                ),
                None,
            )

    def _place(self, new: list[etree._Element]) -> None:
        olds = children(self.di, "gmd:resourceConstraints")
        place(self.di, new, self.di.index(olds[-1]) + 1 if olds else None)


_FIELDS: tuple[tuple[tuple[str, ...], Callable[[_Patcher], None]], ...] = (
    (("file_identifier",), _Patcher.file_identifier),
    (("metadata_language",), _Patcher.metadata_language),
    (("resource_type",), _Patcher.resource_type),
    (("metadata_contacts",), _Patcher.metadata_contacts),
    (("metadata_date",), _Patcher.metadata_date),
    (("geometry_type", "feature_count"), _Patcher.vector),
    (("reference_systems",), _Patcher.reference_systems),
    (("title",), _Patcher.title),
    (("creation_date", "publication_date", "revision_date"), _Patcher.dates),
    (("identifier",), _Patcher.identifier),
    (("abstract",), _Patcher.abstract),
    (("responsible_parties",), _Patcher.responsible_parties),
    (("maintenance_frequency",), _Patcher.maintenance),
    (("inspire_themes", "keyword_groups", "free_keywords"), _Patcher.keywords),
    (("access_limitations", "licence", "use_conditions"), _Patcher.constraints),
    (("spatial_representation_type",), _Patcher.representation_type),
    (("resolutions",), _Patcher.resolutions),
    (("resource_languages",), _Patcher.languages),
    (("character_set",), _Patcher.character_set),
    (("topic_categories",), _Patcher.topic_categories),
    (("bboxes",), _Patcher.bboxes),
    (("temporal_extent",), _Patcher.temporal_extent),
    (("attributes",), _Patcher.attributes),
    (("encodings",), _Patcher.encodings),
    (("locators",), _Patcher.locators),
    (("lineage",), _Patcher.lineage),
    (("conformities",), _Patcher.conformities),
    (("topological_consistency",), _Patcher.topology),
)

__all__ = ["edited_fields", "patch"]
