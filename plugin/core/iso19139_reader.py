"""ISO 19139 reader: `gmd:MD_Metadata` -> `Record`, tolerant of real-world records.

Accepts GML 3.1 or 3.2, gco:CharacterString or gmx:Anchor, GeoNetwork exports and CSW responses
wrapping the record. Missing elements become empty fields and a warning (an `Issue`).
"""

from __future__ import annotations

from typing import Optional

from lxml import etree

from . import isodates
from .errors import XmlInputError
from .iso19139_common import (
    GMD,
    GMI,
    GML31,
    GML32,
    HREF,
    NS,
    code_of,
    qname,
    text_of,
    value_of,
)
from .iso19139_common import (
    find_all as _all,
)
from .iso19139_common import (
    first as _first,
)
from .iso19139_reader_parts import (
    read_attributes,
    read_constraints,
    read_keywords,
    read_party,
)
from .issues import WARNING, Issue
from .model import (
    BoundingBox,
    Conformity,
    Encoding,
    Identifier,
    OnlineResource,
    Record,
    Resolution,
    TemporalExtent,
    epsg_code,
)
from .xmlsafe import MAX_XML_BYTES, parse_xml


def read(data: bytes, max_bytes: int = MAX_XML_BYTES) -> Record:
    """Parse ISO 19139 bytes into a Record (warnings dropped; see `read_with_warnings`)."""
    return read_with_warnings(data, max_bytes)[0]


def read_with_warnings(
    data: bytes, max_bytes: int = MAX_XML_BYTES, keep_document: bool = False
) -> tuple[Record, list[Issue]]:
    """Parse ISO 19139 bytes safely; return the record and what could not be read.

    `keep_document`: the record keeps the document it was read from (`source_document`), as an
    import does: writing it later patches that document instead of regenerating it.
    """
    root = metadata_root(parse_xml(data, max_bytes))
    record, warnings = read_tree(root)
    if keep_document:
        record.source_document = etree.tostring(root, encoding="unicode")
    return record, warnings


def read_tree(root: etree._Element) -> tuple[Record, list[Issue]]:
    """Read a parsed `MD_Metadata` element into a Record (without keeping the document)."""
    warnings: list[Issue] = []
    record = Record(
        file_identifier=text_of(_first(root, "gmd:fileIdentifier")),
        resource_type=code_of(_first(root, "gmd:hierarchyLevel/gmd:MD_ScopeCode")) or "dataset",
        resource_languages=[],
        conformities=[],
        access_limitations=[],
        metadata_date=_date_text(_first(root, "gmd:dateStamp")),
        metadata_language=language_of(_first(root, "gmd:language")),
        character_set="",
    )
    record.metadata_contacts = [read_party(p) for p in _all(root, "gmd:contact/*")]
    record.reference_systems = _reference_systems(root)
    _read_vector(root, record)
    ident = _first(root, "gmd:identificationInfo/gmd:MD_DataIdentification")
    if ident is None:
        warnings.append(Issue("read.no_data_identification", "title", WARNING))
    else:
        _read_identification(ident, record, warnings)
    _read_distribution(root, record)
    _read_quality(root, record, warnings)
    _check_missing(record, warnings)
    return record, warnings


def metadata_root(root: etree._Element) -> etree._Element:
    """Return the MD_Metadata element (the root, gmi:MI_Metadata, or inside a CSW response)."""
    if root.tag in (qname("gmd:MD_Metadata"), f"{{{GMI}}}MI_Metadata"):
        return root
    found = root.find(f".//{{{GMD}}}MD_Metadata")
    if found is None:
        raise XmlInputError("xml.not_iso19139", {"root": etree.QName(root).localname})
    return found


def _date_text(prop: Optional[etree._Element]) -> str:
    """Return the gco:Date / gco:DateTime text of a date property."""
    if prop is None:
        return ""
    for name in ("gco:Date", "gco:DateTime"):
        found = prop.find(name, NS)
        if found is not None and found.text:
            return found.text.strip()
    return text_of(prop)


def language_of(prop: Optional[etree._Element]) -> str:
    """Return a language code from gmd:LanguageCode or, in old records, from CharacterString."""
    code = code_of(_first(prop, "gmd:LanguageCode"))
    return code or text_of(prop)


def _reference_systems(root: etree._Element) -> list[str]:
    """Return CRS codes; EPSG ones normalised to "EPSG:n", duplicates dropped."""
    result: list[str] = []
    for prop in _all(root, "gmd:referenceSystemInfo"):
        item = reference_system_of(prop)
        if item and item not in result:
            result.append(item)
    return result


def reference_system_of(prop: etree._Element) -> str:
    """The CRS a `gmd:referenceSystemInfo` names: "EPSG:n" for EPSG codes, else its text."""
    code = _first(
        prop, "gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/gmd:RS_Identifier/gmd:code"
    )
    if code is None:
        return ""
    value = value_of(code)
    number = epsg_code(value)
    if number is None and value.lower().startswith("http"):
        number = epsg_code(text_of(code))
    return f"EPSG:{number}" if number is not None else (text_of(code) or value)


def _read_vector(root: etree._Element, record: Record) -> None:
    """Read geometry type and feature count from MD_VectorSpatialRepresentation."""
    objects = _first(
        root,
        "gmd:spatialRepresentationInfo/gmd:MD_VectorSpatialRepresentation/"
        "gmd:geometricObjects/gmd:MD_GeometricObjects",
    )
    if objects is None:
        return
    record.geometry_type = code_of(_first(objects, "gmd:geometricObjectType/*"))
    count = _first(objects, "gmd:geometricObjectCount/gco:Integer")
    if count is not None and (count.text or "").strip().isdigit():
        record.feature_count = int(count.text.strip())


def _read_identification(di: etree._Element, record: Record, warnings: list[Issue]) -> None:
    """Read title, dates, identifier, abstract, keywords, constraints, extents..."""
    cit = _first(di, "gmd:citation/gmd:CI_Citation")
    record.title = text_of(_first(cit, "gmd:title"))
    _read_dates(cit, record, warnings)
    record.identifier = _identifier(cit)
    record.abstract = text_of(_first(di, "gmd:abstract"))
    record.responsible_parties = [read_party(p) for p in _all(di, "gmd:pointOfContact/*")]
    record.maintenance_frequency = code_of(
        _first(
            di,
            "gmd:resourceMaintenance/gmd:MD_MaintenanceInformation/"
            "gmd:maintenanceAndUpdateFrequency/gmd:MD_MaintenanceFrequencyCode",
        )
    )
    read_keywords(_all(di, "gmd:descriptiveKeywords/gmd:MD_Keywords"), record, warnings)
    read_constraints(di, record, warnings)
    record.spatial_representation_type = code_of(
        _first(di, "gmd:spatialRepresentationType/gmd:MD_SpatialRepresentationTypeCode")
    )
    record.resolutions = _resolutions(di)
    record.resource_languages = [c for c in (language_of(p) for p in _all(di, "gmd:language")) if c]
    record.character_set = code_of(_first(di, "gmd:characterSet/gmd:MD_CharacterSetCode"))
    record.topic_categories = [
        (e.text or "").strip()
        for e in _all(di, "gmd:topicCategory/gmd:MD_TopicCategoryCode")
        if (e.text or "").strip()
    ]
    record.bboxes = _bboxes(di, warnings)
    record.temporal_extent = _temporal(di)
    record.attributes = read_attributes(text_of(_first(di, "gmd:supplementalInformation")))


def _read_dates(cit: Optional[etree._Element], record: Record, warnings: list[Issue]) -> None:
    """Read creation/publication/revision dates; keep the first creation and the last revision."""
    for ci_date in _all(cit, "gmd:date/gmd:CI_Date"):
        value = _date_text(_first(ci_date, "gmd:date"))
        kind = code_of(_first(ci_date, "gmd:dateType/gmd:CI_DateTypeCode"))
        name = {
            "creation": "creation_date",
            "publication": "publication_date",
            "revision": "revision_date",
        }.get(kind)
        if not value or name is None:
            continue
        current = getattr(record, name)
        if current:
            warnings.append(Issue("read.duplicate_date", name, WARNING, {"type": kind}))
            keep_latest = kind != "creation"
            later = isodates.sort_key(value) > isodates.sort_key(current)
            if later != keep_latest:
                continue
        setattr(record, name, value)


def _identifier(cit: Optional[etree._Element]) -> Identifier:
    """Read the first unique resource identifier (MD_Identifier or RS_Identifier)."""
    ident = _first(cit, "gmd:identifier/*")
    if ident is None:
        return Identifier()
    code = value_of(_first(ident, "gmd:code"))
    space = text_of(_first(ident, "gmd:codeSpace"))
    return Identifier(code=code, namespace=space)


def _resolutions(di: etree._Element) -> list[Resolution]:
    """Read scale denominators and ground distances."""
    found = (resolution_of(p) for p in _all(di, "gmd:spatialResolution"))
    return [r for r in found if r is not None]


def resolution_of(prop: etree._Element) -> Optional[Resolution]:
    """The scale denominator or ground distance of one `gmd:spatialResolution`, if readable."""
    res = _first(prop, "gmd:MD_Resolution")
    denominator = _first(
        res, "gmd:equivalentScale/gmd:MD_RepresentativeFraction/gmd:denominator/gco:Integer"
    )
    distance = _first(res, "gmd:distance/gco:Distance")
    if denominator is not None and (denominator.text or "").strip().isdigit():
        return Resolution(scale=int(denominator.text.strip()))
    if distance is not None and _is_float(distance.text):
        return Resolution(distance=float(distance.text.strip()), uom=distance.get("uom", "m"))
    return None


def _is_float(text: Optional[str]) -> bool:
    """True when `text` is a decimal number."""
    try:
        float((text or "").strip())
    except ValueError:
        return False
    return True


def _bboxes(di: etree._Element, warnings: list[Issue]) -> list[BoundingBox]:
    """Read every EX_GeographicBoundingBox; unreadable ones give a warning."""
    result: list[BoundingBox] = []
    for box in _all(
        di, "gmd:extent/gmd:EX_Extent/gmd:geographicElement/gmd:EX_GeographicBoundingBox"
    ):
        texts = _bbox_texts(box)
        if all(_is_float(t) for t in texts):
            result.append(BoundingBox(*(float(t.strip()) for t in texts)))
        else:
            warnings.append(
                Issue(
                    "read.bbox_unreadable",
                    "bboxes",
                    WARNING,
                    {"values": ", ".join(t.strip() for t in texts)},
                )
            )
    return result


_BBOX_SIDES = (
    "westBoundLongitude",
    "eastBoundLongitude",
    "southBoundLatitude",
    "northBoundLatitude",
)


def _bbox_texts(box: etree._Element) -> list[str]:
    """The four bound texts of an EX_GeographicBoundingBox ("" when missing)."""
    decimals = [_first(box, f"gmd:{side}/gco:Decimal") for side in _BBOX_SIDES]
    return [(d.text or "") if d is not None else "" for d in decimals]


def bbox_of(prop: etree._Element) -> Optional[BoundingBox]:
    """The bounding box of one `gmd:geographicElement`, or None (another kind, unreadable)."""
    box = _first(prop, "gmd:EX_GeographicBoundingBox")
    texts = _bbox_texts(box) if box is not None else []
    if texts and all(_is_float(t) for t in texts):
        return BoundingBox(*(float(t.strip()) for t in texts))
    return None


def _temporal(di: etree._Element) -> Optional[TemporalExtent]:
    """Read the first gml:TimePeriod or gml:TimeInstant (GML 3.2 or 3.1)."""
    for gml in (GML32, GML31):
        base = "gmd:extent/gmd:EX_Extent/gmd:temporalElement/gmd:EX_TemporalExtent/gmd:extent/"
        period = di.find(f"{base}{{{gml}}}TimePeriod", NS)
        if period is not None:
            return TemporalExtent(_position(period, gml, "begin"), _position(period, gml, "end"))
        instant = di.find(f"{base}{{{gml}}}TimeInstant", NS)
        if instant is not None:
            value = _position_value(instant.find(f"{{{gml}}}timePosition"))
            return TemporalExtent(value, value)
    return None


def _position(period: etree._Element, gml: str, side: str) -> str:
    """Read gml:beginPosition/endPosition, or the older gml:begin/TimeInstant/timePosition."""
    position = period.find(f"{{{gml}}}{side}Position")
    if position is None:
        position = period.find(f"{{{gml}}}{side}/{{{gml}}}TimeInstant/{{{gml}}}timePosition")
    return _position_value(position)


def _position_value(position: Optional[etree._Element]) -> str:
    """Return the date text, "now" for indeterminatePosition="now", "" when unknown."""
    if position is None:
        return ""
    if (position.text or "").strip():
        return position.text.strip()
    return "now" if position.get("indeterminatePosition") == "now" else ""


def _read_distribution(root: etree._Element, record: Record) -> None:
    """Read formats and resource locators from every MD_Distribution."""
    for prop in _all(root, "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat"):
        encoding = encoding_of(prop)
        if encoding.name or encoding.version:
            record.encodings.append(encoding)
    for prop in _all(
        root,
        "gmd:distributionInfo/gmd:MD_Distribution/gmd:transferOptions/"
        "gmd:MD_DigitalTransferOptions/gmd:onLine",
    ):
        if _first(prop, "gmd:CI_OnlineResource") is not None:
            record.locators.append(locator_of(prop))


def encoding_of(prop: etree._Element) -> Encoding:
    """Name and version of one `gmd:distributionFormat`."""
    fmt = _first(prop, "gmd:MD_Format")
    return Encoding(text_of(_first(fmt, "gmd:name")), text_of(_first(fmt, "gmd:version")))


def locator_of(prop: etree._Element) -> OnlineResource:
    """The online resource of one `gmd:onLine`."""
    online = _first(prop, "gmd:CI_OnlineResource")
    url = _first(online, "gmd:linkage/gmd:URL")
    return OnlineResource(
        url=(url.text or "").strip() if url is not None else "",
        protocol=value_of(_first(online, "gmd:protocol")),
        name=text_of(_first(online, "gmd:name")),
        description=value_of(_first(online, "gmd:description")),
        function=code_of(_first(online, "gmd:function/gmd:CI_OnLineFunctionCode")),
        application_profile=value_of(_first(online, "gmd:applicationProfile")),
    )


def _read_quality(root: etree._Element, record: Record, warnings: list[Issue]) -> None:
    """Read conformity reports, topological consistency and lineage from DQ_DataQuality."""
    qualities = _all(root, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
    if len(qualities) > 1:
        warnings.append(
            Issue("read.several_data_quality", "lineage", WARNING, {"count": len(qualities)})
        )
    for dq in qualities:
        for result in _all(
            dq, "gmd:report/gmd:DQ_DomainConsistency/gmd:result/gmd:DQ_ConformanceResult"
        ):
            record.conformities.append(_conformity(result))
        topo = _first(
            dq,
            "gmd:report/gmd:DQ_TopologicalConsistency/gmd:result/"
            "gmd:DQ_ConformanceResult/gmd:explanation",
        )
        if topo is not None and not record.topological_consistency:
            record.topological_consistency = text_of(topo)
        if not record.lineage:
            record.lineage = text_of(_first(dq, "gmd:lineage/gmd:LI_Lineage/gmd:statement"))


def conformity_of(report: etree._Element) -> Optional[Conformity]:
    """The conformity statement of one `gmd:report` of domain consistency, if any."""
    result = _first(report, "gmd:DQ_DomainConsistency/gmd:result/gmd:DQ_ConformanceResult")
    return _conformity(result) if result is not None else None


def _conformity(result: etree._Element) -> Conformity:
    """Read one DQ_ConformanceResult (specification, date, degree, explanation)."""
    cit = _first(result, "gmd:specification/gmd:CI_Citation")
    title = _first(cit, "gmd:title")
    anchor = _first(title, "gmx:Anchor")
    ci_date = _first(cit, "gmd:date/gmd:CI_Date")
    boolean = _first(result, "gmd:pass/gco:Boolean")
    text = (boolean.text or "").strip().lower() if boolean is not None else ""
    degree = True if text in ("true", "1") else False if text in ("false", "0") else None
    return Conformity(
        specification=text_of(title),
        date=_date_text(_first(ci_date, "gmd:date")),
        date_type=code_of(_first(ci_date, "gmd:dateType/gmd:CI_DateTypeCode")),
        uri=(anchor.get(HREF, "") if anchor is not None else "").strip(),
        degree=degree,
        explanation=text_of(_first(result, "gmd:explanation")),
    )


def _check_missing(record: Record, warnings: list[Issue]) -> None:
    """Add a warning for each important element the document did not contain."""
    for name in (
        "file_identifier",
        "title",
        "abstract",
        "metadata_date",
        "metadata_language",
        "lineage",
    ):
        if not getattr(record, name):
            warnings.append(Issue("read.missing", name, WARNING, {"element": name}))
    for name in ("bboxes", "reference_systems", "conformities", "access_limitations"):
        if not getattr(record, name):
            warnings.append(Issue("read.missing", name, WARNING, {"element": name}))
