"""ISO 19139 writer: `Record` -> `gmd:MD_Metadata` (GML 3.2) following the INSPIRE TG 2.x shapes.

Built with lxml's element API only, so no user text can break the XML. Values that cannot be
written validly (a date typed "15/01/2025") are left out with a nil reason; the rules report them.
"""

from __future__ import annotations

from typing import Optional

from lxml import etree

from . import codelists, isodates
from .iso19139_build import anchor as _anchor
from .iso19139_build import ci_date as _ci_date
from .iso19139_build import code as _code
from .iso19139_build import date as _date
from .iso19139_build import language as _language
from .iso19139_build import text as _text
from .iso19139_build import text_or_anchor as _text_or_anchor
from .iso19139_common import (
    ATTRIBUTES_HEADER,
    EPSG_URI,
    GNM_DATE,
    GNM_TITLE,
    NIL_REASON,
    NSMAP,
    SCHEMA_LOCATION,
    format_decimal,
    format_number,
    qname,
    sub,
    xml_text,
)
from .model import (
    Attribute,
    BoundingBox,
    Conformity,
    Encoding,
    Identifier,
    Keyword,
    KeywordGroup,
    OnlineResource,
    Record,
    Resolution,
    ResponsibleParty,
    TemporalExtent,
    epsg_code,
)

SERVICE_TYPES = {
    "wms": "OGC Web Map Service",
    "wfs": "OGC Web Feature Service",
    "wmts": "OGC Web Map Tile Service",
    "wcs": "OGC Web Coverage Service",
    "sos": "OGC Sensor Observation Service",
    "csw": "OGC Catalogue Service for the Web",
    "download": "Service de téléchargement",
    "view": "Service de consultation",
    "discovery": "Service de recherche",
    "accessPoint": "Point d'accès",
    "endPoint": "Point de terminaison",
}


def write(record: Record) -> bytes:
    """Return the record as UTF-8 ISO 19139 XML bytes (with an XML declaration).

    A record imported or fetched from a document is written by patching that document (only
    what differs from it is rewritten); a record made here is written afresh.
    """
    if record.source_document:
        from .iso19139_patch import patch  # the patcher builds with this module's functions

        return patch(record)
    return etree.tostring(build(record), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build(record: Record) -> etree._Element:
    """Return the `gmd:MD_Metadata` element of the record."""
    lang = "fr" if record.metadata_language == "fre" else "en"
    root = etree.Element(qname("gmd:MD_Metadata"), nsmap=NSMAP)
    root.set(qname("xsi:schemaLocation"), SCHEMA_LOCATION)
    _text(sub(root, "gmd:fileIdentifier"), record.file_identifier)
    _language(sub(root, "gmd:language"), record.metadata_language)
    _code(sub(root, "gmd:characterSet"), "MD_CharacterSetCode", "utf8")
    _code(sub(root, "gmd:hierarchyLevel"), "MD_ScopeCode", record.resource_type)
    parties(root, "gmd:contact", record.metadata_contacts, lang)
    if not record.metadata_contacts:
        sub(root, "gmd:contact").set(NIL_REASON, "missing")
    _date(sub(root, "gmd:dateStamp"), record.metadata_date)
    _text(sub(root, "gmd:metadataStandardName"), "ISO 19115")
    _text(sub(root, "gmd:metadataStandardVersion"), "2003/Cor 1:2006")
    vector_representation(root, record)
    for crs in record.reference_systems:
        reference_system(root, crs)
    _identification(sub(root, "gmd:identificationInfo"), record, lang)
    _distribution(root, record)
    _data_quality(sub(root, "gmd:dataQualityInfo"), record)
    return root


def parties(parent: etree._Element, name: str, people: list[ResponsibleParty], lang: str) -> None:
    """Write one `name` property per responsible party."""
    for person in people:
        party(sub(parent, name), person, lang)


def party(prop: etree._Element, who: ResponsibleParty, lang: str) -> None:
    """Write a gmd:CI_ResponsibleParty (organisation, person, phone, e-mail, web site, role)."""
    party = who
    rp = sub(prop, "gmd:CI_ResponsibleParty")
    if party.individual:
        _text(sub(rp, "gmd:individualName"), party.individual)
    _text(sub(rp, "gmd:organisationName"), party.organisation)
    if party.phone or party.email or party.url:
        contact = sub(sub(rp, "gmd:contactInfo"), "gmd:CI_Contact")
        if party.phone:
            phone = sub(sub(contact, "gmd:phone"), "gmd:CI_Telephone")
            _text(sub(phone, "gmd:voice"), party.phone)
        if party.email:
            address = sub(sub(contact, "gmd:address"), "gmd:CI_Address")
            _text(sub(address, "gmd:electronicMailAddress"), party.email)
        if party.url:
            site = sub(sub(contact, "gmd:onlineResource"), "gmd:CI_OnlineResource")
            sub(sub(site, "gmd:linkage"), "gmd:URL").text = xml_text(party.url)
    role = party.role or "pointOfContact"
    _code(sub(rp, "gmd:role"), "CI_RoleCode", role, codelists.label("roles", role, lang))


def vector_representation(root: etree._Element, record: Record) -> None:
    """Write geometry type and feature count as gmd:MD_VectorSpatialRepresentation."""
    if not record.geometry_type:
        return
    rep = sub(sub(root, "gmd:spatialRepresentationInfo"), "gmd:MD_VectorSpatialRepresentation")
    objects = sub(sub(rep, "gmd:geometricObjects"), "gmd:MD_GeometricObjects")
    geometry = record.geometry_type
    _code(sub(objects, "gmd:geometricObjectType"), "MD_GeometricObjectTypeCode", geometry)
    if record.feature_count is not None:
        count = sub(objects, "gmd:geometricObjectCount")
        sub(count, "gco:Integer").text = str(int(record.feature_count))


def reference_system(root: etree._Element, crs: str) -> None:
    """Write an RS_Identifier: EPSG codes as an Anchor to the OGC URI, text "EPSG:n"."""
    ident = sub(
        sub(
            sub(sub(root, "gmd:referenceSystemInfo"), "gmd:MD_ReferenceSystem"),
            "gmd:referenceSystemIdentifier",
        ),
        "gmd:RS_Identifier",
    )
    number = epsg_code(crs)
    if number is not None:
        _anchor(sub(ident, "gmd:code"), f"{EPSG_URI}{number}", f"EPSG:{number}")
    else:
        _text_or_anchor(sub(ident, "gmd:code"), crs)


def _identification(prop: etree._Element, record: Record, lang: str) -> None:
    """Write gmd:MD_DataIdentification in the order the XSD requires."""
    di = sub(prop, "gmd:MD_DataIdentification")
    _citation(sub(di, "gmd:citation"), record)
    _text(sub(di, "gmd:abstract"), record.abstract)
    parties(di, "gmd:pointOfContact", record.responsible_parties, lang)
    if record.maintenance_frequency:
        maintenance(di, record.maintenance_frequency)
    _keywords(di, record, lang)
    _constraints(di, record, lang)
    if record.spatial_representation_type:
        srt = record.spatial_representation_type
        _code(
            sub(di, "gmd:spatialRepresentationType"),
            "MD_SpatialRepresentationTypeCode",
            srt,
            codelists.label("spatial_representation_types", srt, lang),
        )
    for value in record.resolutions:
        resolution(di, value)
    for code in record.resource_languages:
        _language(sub(di, "gmd:language"), code)
    if not record.resource_languages:
        sub(di, "gmd:language").set(NIL_REASON, "missing")
    if record.character_set:
        _code(sub(di, "gmd:characterSet"), "MD_CharacterSetCode", record.character_set)
    for category in record.topic_categories:
        sub(sub(di, "gmd:topicCategory"), "gmd:MD_TopicCategoryCode").text = xml_text(category)
    _extent(di, record)
    if record.attributes:
        _text(sub(di, "gmd:supplementalInformation"), attributes_text(record.attributes))


def maintenance(di: etree._Element, frequency: str) -> None:
    """Write a gmd:resourceMaintenance with its update frequency."""
    info = sub(sub(di, "gmd:resourceMaintenance"), "gmd:MD_MaintenanceInformation")
    _code(sub(info, "gmd:maintenanceAndUpdateFrequency"), "MD_MaintenanceFrequencyCode", frequency)


def _citation(prop: etree._Element, record: Record) -> None:
    """Write the resource citation: title, dates, unique resource identifier."""
    cit = sub(prop, "gmd:CI_Citation")
    _text(sub(cit, "gmd:title"), record.title)
    dates = [
        (record.creation_date, "creation"),
        (record.publication_date, "publication"),
        (record.revision_date, "revision"),
    ]
    written = [(value, kind) for value, kind in dates if isodates.is_iso(value)]
    for value, kind in written:
        _ci_date(sub(cit, "gmd:date"), value, kind)
    if not written:
        sub(cit, "gmd:date").set(NIL_REASON, "missing")
    identifier(cit, record.identifier)


def identifier(cit: etree._Element, ident: Identifier) -> None:
    """Write the unique resource identifier (RS_Identifier when the namespace is no URI)."""
    if not ident.code and not ident.namespace:
        return
    prop_id = sub(cit, "gmd:identifier")
    if ident.namespace and not ident.namespace.startswith(("http://", "https://")):
        rs = sub(prop_id, "gmd:RS_Identifier")
        _text(sub(rs, "gmd:code"), ident.code)
        _text(sub(rs, "gmd:codeSpace"), ident.namespace)
    else:
        _text_or_anchor(sub(sub(prop_id, "gmd:MD_Identifier"), "gmd:code"), ident.uri)


def _keywords(di: etree._Element, record: Record, lang: str) -> None:
    """Write the GEMET INSPIRE themes block, one block per thesaurus, then free keywords."""
    if record.inspire_themes:
        theme_block(di, record.inspire_themes, lang)
    for group in record.keyword_groups:
        if group.keywords:
            group_block(di, group)
    if record.free_keywords:
        free_block(di, record.free_keywords)


def theme_block(di: etree._Element, themes: list[str], lang: str) -> None:
    """Write the one GEMET INSPIRE themes block (Anchors to the theme register)."""
    block = sub(sub(di, "gmd:descriptiveKeywords"), "gmd:MD_Keywords")
    for code in themes:
        theme_keyword(block, code, lang)
    _code(sub(block, "gmd:type"), "MD_KeywordTypeCode", "theme")
    gemet = codelists.gemet_thesaurus()
    _thesaurus(block, KeywordGroup(gemet["title"], gemet["date"], gemet["date_type"], gemet["uri"]))


def theme_keyword(block: etree._Element, code: str, lang: str) -> None:
    """Write one INSPIRE theme keyword: its register label as an Anchor to its URI."""
    _registry_value(sub(block, "gmd:keyword"), "inspire_themes", code, lang)


def _registry_value(prop: etree._Element, codelist: str, code: str, lang: str) -> None:
    """A code of an INSPIRE register as an Anchor to its URI with its label; unknown codes
    (text from an imported record) as text."""
    entry = codelists.get(codelist, code)
    if entry:
        _anchor(prop, entry["uri"], entry[lang])
    else:
        _text(prop, code)


def group_block(di: etree._Element, group: KeywordGroup) -> None:
    """Write the keywords of one vocabulary (with its citation when it has a title)."""
    block = sub(sub(di, "gmd:descriptiveKeywords"), "gmd:MD_Keywords")
    for word in group.keywords:
        keyword(block, word)
    if group.thesaurus_title:
        _thesaurus(block, group)


def keyword(block: etree._Element, word: Keyword) -> None:
    """Write one keyword: an Anchor when it has a URI, else text."""
    if word.uri:
        _anchor(sub(block, "gmd:keyword"), word.uri, word.label)
    else:
        _text(sub(block, "gmd:keyword"), word.label)


def free_block(di: etree._Element, words: list[str]) -> None:
    """Write the free keywords (no vocabulary) in one block."""
    block = sub(sub(di, "gmd:descriptiveKeywords"), "gmd:MD_Keywords")
    for word in words:
        _text(sub(block, "gmd:keyword"), word)


def _thesaurus(block: etree._Element, group: KeywordGroup) -> None:
    """Write an inline thesaurus citation (never by xlink: the validator does not resolve it)."""
    cit = sub(sub(block, "gmd:thesaurusName"), "gmd:CI_Citation")
    if group.thesaurus_uri:
        _anchor(sub(cit, "gmd:title"), group.thesaurus_uri, group.thesaurus_title)
    else:
        _text(sub(cit, "gmd:title"), group.thesaurus_title)
    if isodates.is_iso(group.thesaurus_date):
        _ci_date(sub(cit, "gmd:date"), group.thesaurus_date, group.thesaurus_date_type)
    else:
        sub(cit, "gmd:date").set(NIL_REASON, "missing")


def _constraints(di: etree._Element, record: Record, lang: str) -> None:
    """Write limitations on public access and conditions for use as two separate blocks."""
    if record.access_limitations:
        limitations_block(di, record.access_limitations, lang)
    if record.licence or record.use_conditions:
        use_block(di, record, lang)


def limitations_block(di: etree._Element, codes: list[str], lang: str) -> None:
    """Write the one block of limitations on public access (INSPIRE C.17)."""
    legal = sub(sub(di, "gmd:resourceConstraints"), "gmd:MD_LegalConstraints")
    _code(sub(legal, "gmd:accessConstraints"), "MD_RestrictionCode", "otherRestrictions")
    for code in codes:
        limitation(legal, code, lang)


def limitation(legal: etree._Element, code: str, lang: str) -> None:
    """Write one limitation on public access: the registry Anchor, or the text as given."""
    _registry_value(sub(legal, "gmd:otherConstraints"), "limitations_on_public_access", code, lang)


def use_limitation_text(record: Record, lang: str) -> str:
    """What `gmd:useLimitation` says: the conditions text, else the licence's name.

    GeoNetwork's INSPIRE rules (M45) want a useLimitation with text; TG 2.0 reads the
    `useConstraints`/`otherConstraints` pair, which is written too.
    """
    if record.use_conditions.strip():
        return record.use_conditions
    entry = codelists.get("licences", record.licence) or codelists.get(
        "conditions_access_use", record.licence
    )
    return entry[lang] if entry else record.licence


def use_block(di: etree._Element, record: Record, lang: str) -> None:
    """Write the conditions for access and use: useLimitation, licence, conditions text."""
    legal = sub(sub(di, "gmd:resourceConstraints"), "gmd:MD_LegalConstraints")
    _text(sub(legal, "gmd:useLimitation"), use_limitation_text(record, lang))
    _code(sub(legal, "gmd:useConstraints"), "MD_RestrictionCode", "otherRestrictions")
    use_entries(legal, record, lang)


def use_entries(legal: etree._Element, record: Record, lang: str) -> None:
    """Write the licence (Anchor when known) and the conditions text as otherConstraints."""
    if record.licence:
        licence = codelists.get("licences", record.licence)
        condition = codelists.get("conditions_access_use", record.licence)
        if licence:
            _anchor(sub(legal, "gmd:otherConstraints"), licence["url"], licence[lang])
        elif condition:
            _anchor(sub(legal, "gmd:otherConstraints"), condition["uri"], condition[lang])
        else:
            _text(sub(legal, "gmd:otherConstraints"), record.licence)
    if record.use_conditions:
        _text(sub(legal, "gmd:otherConstraints"), record.use_conditions)


def resolution(di: etree._Element, value: Resolution) -> None:
    """Write one spatialResolution: a scale denominator or a distance, never both."""
    resolution = value
    if resolution.scale is not None:
        res = sub(sub(di, "gmd:spatialResolution"), "gmd:MD_Resolution")
        fraction = sub(sub(res, "gmd:equivalentScale"), "gmd:MD_RepresentativeFraction")
        sub(sub(fraction, "gmd:denominator"), "gco:Integer").text = str(int(resolution.scale))
    elif resolution.distance is not None:
        res = sub(sub(di, "gmd:spatialResolution"), "gmd:MD_Resolution")
        distance = sub(sub(res, "gmd:distance"), "gco:Distance")
        distance.set("uom", resolution.uom or "m")
        distance.text = format_number(resolution.distance)


def _extent(di: etree._Element, record: Record) -> None:
    """Write the WGS84 bounding boxes (>= 2 decimals) and the temporal extent in one EX_Extent."""
    if not record.bboxes and record.temporal_extent is None:
        return
    extent = sub(sub(di, "gmd:extent"), "gmd:EX_Extent")
    for box in record.bboxes:
        bbox(extent, box)
    if record.temporal_extent is not None:
        temporal(extent, record.temporal_extent)


def bbox(extent: etree._Element, box: BoundingBox) -> None:
    """Write one WGS84 gmd:EX_GeographicBoundingBox (>= 2 decimals)."""
    element = sub(sub(extent, "gmd:geographicElement"), "gmd:EX_GeographicBoundingBox")
    for name, value in (
        ("westBoundLongitude", box.west),
        ("eastBoundLongitude", box.east),
        ("southBoundLatitude", box.south),
        ("northBoundLatitude", box.north),
    ):
        sub(sub(element, f"gmd:{name}"), "gco:Decimal").text = format_decimal(value)


def temporal(extent: etree._Element, period: TemporalExtent) -> None:
    """Write a gml:TimePeriod; "" becomes indeterminatePosition="unknown", "now" stays "now"."""
    temporal = sub(sub(extent, "gmd:temporalElement"), "gmd:EX_TemporalExtent")
    time_period = sub(sub(temporal, "gmd:extent"), "gml:TimePeriod")
    time_period.set(qname("gml:id"), "temporal-extent-1")
    for name, value in (("gml:beginPosition", period.start), ("gml:endPosition", period.end)):
        position = sub(time_period, name)
        if value == "now":
            position.set("indeterminatePosition", "now")
        elif isodates.is_iso(value):
            position.text = value
        else:
            position.set("indeterminatePosition", "unknown")


def _distribution(root: etree._Element, record: Record) -> None:
    """Write formats (name + version or unknown) and resource locators."""
    if not record.encodings and not record.locators:
        return
    dist = sub(sub(root, "gmd:distributionInfo"), "gmd:MD_Distribution")
    for encoding in record.encodings:
        distribution_format(sub(dist, "gmd:distributionFormat"), encoding)
    if record.locators:
        options = sub(sub(dist, "gmd:transferOptions"), "gmd:MD_DigitalTransferOptions")
        for locator in record.locators:
            online(sub(options, "gmd:onLine"), locator)


def distribution_format(prop: etree._Element, encoding: Encoding) -> None:
    """Write gmd:MD_Format; an empty version is nilReason="unknown" (INSPIRE 2.6)."""
    fmt = sub(prop, "gmd:MD_Format")
    _text(sub(fmt, "gmd:name"), encoding.name)
    version = sub(fmt, "gmd:version")
    if encoding.version:
        sub(version, "gco:CharacterString").text = xml_text(encoding.version)
    else:
        version.set(NIL_REASON, "unknown")


def _label(uri: str) -> Optional[str]:
    """Return a readable label for a service-type or INSPIRE code list URI, if known."""
    return SERVICE_TYPES.get(uri.rstrip("/").rsplit("/", 1)[-1])


def online(prop: etree._Element, locator: OnlineResource) -> None:
    """Write a gmd:CI_OnlineResource (URL, protocol, application profile, name, description)."""
    online = sub(prop, "gmd:CI_OnlineResource")
    sub(sub(online, "gmd:linkage"), "gmd:URL").text = xml_text(locator.url)
    if locator.protocol:
        _text_or_anchor(sub(online, "gmd:protocol"), locator.protocol, _label(locator.protocol))
    if locator.application_profile:
        profile = locator.application_profile
        _text_or_anchor(sub(online, "gmd:applicationProfile"), profile, _label(profile))
    if locator.name:
        _text(sub(online, "gmd:name"), locator.name)
    if locator.description:
        description = locator.description
        _text_or_anchor(sub(online, "gmd:description"), description, _label(description))
    if locator.function:
        _code(sub(online, "gmd:function"), "CI_OnLineFunctionCode", locator.function)


def _data_quality(prop: etree._Element, record: Record) -> None:
    """Write the single DQ_DataQuality: scope, conformity reports, topology, lineage."""
    dq = sub(prop, "gmd:DQ_DataQuality")
    scope = sub(sub(dq, "gmd:scope"), "gmd:DQ_Scope")
    _code(sub(scope, "gmd:level"), "MD_ScopeCode", record.resource_type)
    for conformity in record.conformities:
        conformance_report(dq, conformity)
    if record.topological_consistency:
        topology(dq, record.topological_consistency)
    lineage(dq, record.lineage)


def topology(dq: etree._Element, explanation: str) -> None:
    """Write the network's topological consistency (Generic Network Model, INSPIRE 2.8)."""
    topo = sub(sub(dq, "gmd:report"), "gmd:DQ_TopologicalConsistency")
    _conformance(topo, Conformity(GNM_TITLE, GNM_DATE, "publication", "", False, explanation))


def lineage(dq: etree._Element, statement: str) -> None:
    """Write gmd:lineage with its statement."""
    _text(sub(sub(sub(dq, "gmd:lineage"), "gmd:LI_Lineage"), "gmd:statement"), statement)


def conformance_report(dq: etree._Element, conformity: Conformity) -> None:
    """Write one gmd:report of domain consistency (a conformity statement)."""
    _conformance(sub(sub(dq, "gmd:report"), "gmd:DQ_DomainConsistency"), conformity)


def _conformance(report: etree._Element, conformity: Conformity) -> None:
    """Write a DQ_ConformanceResult; not evaluated is `<gmd:pass gco:nilReason="unknown"/>`."""
    result = sub(sub(report, "gmd:result"), "gmd:DQ_ConformanceResult")
    cit = sub(sub(result, "gmd:specification"), "gmd:CI_Citation")
    if conformity.uri:
        _anchor(sub(cit, "gmd:title"), conformity.uri, conformity.specification)
    else:
        _text(sub(cit, "gmd:title"), conformity.specification)
    if isodates.is_iso(conformity.date):
        _ci_date(sub(cit, "gmd:date"), conformity.date, conformity.date_type)
    else:
        sub(cit, "gmd:date").set(NIL_REASON, "missing")
    _text(sub(result, "gmd:explanation"), conformity.explanation)
    degree = sub(result, "gmd:pass")
    if conformity.degree is None:
        degree.set(NIL_REASON, "unknown")
    else:
        sub(degree, "gco:Boolean").text = "true" if conformity.degree else "false"


def _escape_cell(value: str) -> str:
    """Escape backslash, pipe and line breaks inside one attribute-table cell."""
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n")


def attributes_text(attributes: list[Attribute]) -> str:
    """Return the attribute table as readable text (one line per attribute, cells split by |)."""
    lines = [ATTRIBUTES_HEADER]
    for attribute in attributes:
        cells = (attribute.name, attribute.type, attribute.alias, attribute.comment)
        lines.append("- " + " | ".join(_escape_cell(cell) for cell in cells))
    return "\n".join(lines)
