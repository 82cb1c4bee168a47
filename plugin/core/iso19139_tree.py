"""Small surgical operations on an existing ISO 19139 tree, used by the patching writer.

New elements are built by the writer's own functions at the end of their parent, then moved to
where ISO 19139 wants them (`place`), so a patched record stays schema-valid and every element
the form does not edit keeps its place, attributes and encoding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable, Optional

from lxml import etree

from .iso19139_build import text as write_text
from .iso19139_common import NIL_REASON, NSMAP, first, qname, xml_text

# Child order of the ISO 19139 types the patcher writes into (local names, XSD sequence).
ORDERS: dict[str, tuple[str, ...]] = {
    "MD_Metadata": (
        "fileIdentifier language characterSet parentIdentifier hierarchyLevel hierarchyLevelName "
        "contact dateStamp metadataStandardName metadataStandardVersion dataSetURI locale "
        "spatialRepresentationInfo referenceSystemInfo metadataExtensionInfo identificationInfo "
        "contentInfo distributionInfo dataQualityInfo portrayalCatalogueInfo metadataConstraints "
        "applicationSchemaInfo metadataMaintenance series describes propertyType featureType "
        "featureAttribute acquisitionInformation"
    ).split(),
    "MD_DataIdentification": (
        "citation abstract purpose credit status pointOfContact resourceMaintenance "
        "graphicOverview resourceFormat descriptiveKeywords resourceSpecificUsage "
        "resourceConstraints aggregationInfo spatialRepresentationType spatialResolution "
        "language characterSet topicCategory environmentDescription extent "
        "supplementalInformation"
    ).split(),
    "CI_Citation": (
        "title alternateTitle date edition editionDate identifier citedResponsibleParty "
        "presentationForm series otherCitationDetails collectiveTitle ISBN ISSN"
    ).split(),
    "MD_Distribution": "distributionFormat distributor transferOptions".split(),
    "MD_DigitalTransferOptions": "unitsOfDistribution transferSize onLine offLine".split(),
    "DQ_DataQuality": "scope report lineage".split(),
    "EX_Extent": "description geographicElement temporalElement verticalElement".split(),
    "MD_LegalConstraints": (
        "useLimitation accessConstraints useConstraints otherConstraints"
    ).split(),
    "MD_Keywords": "keyword type thesaurusName".split(),
    "MD_MaintenanceInformation": (
        "maintenanceAndUpdateFrequency dateOfNextUpdate userDefinedMaintenanceFrequency "
        "updateScope updateScopeDescription maintenanceNote contact"
    ).split(),
    "MD_GeometricObjects": "geometricObjectType geometricObjectCount".split(),
    "CI_OnlineResource": "linkage protocol applicationProfile name description function".split(),
    "CI_ResponsibleParty": "individualName organisationName positionName contactInfo role".split(),
    "CI_Contact": "phone address onlineResource hoursOfService contactInstructions".split(),
    "CI_Address": (
        "deliveryPoint city administrativeArea postalCode country electronicMailAddress"
    ).split(),
    "MD_Format": (
        "name version amendmentNumber specification fileDecompressionTechnique formatDistributor"
    ).split(),
    "DQ_ConformanceResult": "specification explanation pass".split(),
    "EX_GeographicBoundingBox": (
        "extentTypeCode westBoundLongitude eastBoundLongitude southBoundLatitude northBoundLatitude"
    ).split(),
}


def local(element: etree._Element) -> str:
    """Local name of an element ("" for comments and processing instructions)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def children(parent: Optional[etree._Element], name: str) -> list[etree._Element]:
    """Direct children named like "gmd:contact"."""
    return [] if parent is None else list(parent.findall(qname(name)))


def built(parent: etree._Element, build: Callable[[], Any]) -> list[etree._Element]:
    """Run a writer function that appends to `parent`; detach and return what it appended."""
    before = len(parent)
    build()
    new = list(parent)[before:]
    for element in new:
        parent.remove(element)
    return new


def place(parent: etree._Element, elements: Sequence[etree._Element], at: Optional[int]) -> None:
    """Insert `elements` at index `at`, or where the schema order of `parent` puts them."""
    if at is not None:
        for offset, element in enumerate(elements):
            parent.insert(at + offset, element)
        return
    order = ORDERS.get(local(parent), ())
    for element in elements:
        name = local(element)
        rank = order.index(name) if name in order else len(order)
        index = len(parent)
        for position, child in enumerate(parent):
            other = local(child)
            if other in order and order.index(other) > rank:
                index = position
                break
        parent.insert(index, element)


def ensure(parent: etree._Element, path: Sequence[str]) -> etree._Element:
    """The element at `path` below `parent` (first match at each level), created if missing."""
    node = parent
    for name in path:
        found = node.find(qname(name))
        if found is None:
            found = etree.Element(qname(name))
            place(node, [found], None)
        node = found
    return node


def set_text(parent: etree._Element, name: str, value: str) -> None:
    """Give the first `name` child this text, keeping its CharacterString or Anchor element
    (and any translations beside it); an empty value removes an optional property."""
    prop = parent.find(qname(name))
    value = xml_text(value).strip()
    if prop is None:
        if value:
            place(
                parent,
                built(parent, lambda: write_text(etree.SubElement(parent, qname(name)), value)),
                None,
            )
        return
    holder = next((c for c in prop if isinstance(c.tag, str)), None)
    if holder is not None and holder.find("*") is None and value:
        holder.text = value
        return
    for child in list(prop):
        prop.remove(child)
    prop.attrib.pop(NIL_REASON, None)
    write_text(prop, value)


def set_code(element: Optional[etree._Element], value: str) -> None:
    """Change a code list element's value (its label, when it has one, becomes the value)."""
    if element is None:
        return
    element.set("codeListValue", value)
    if (element.text or "").strip():
        element.text = value


def replace_items(
    olds: Sequence[etree._Element],
    new_values: Sequence[Any],
    read: Callable[[etree._Element], Any],
    build: Callable[[etree._Element, Any], None],
    default_parent: Callable[[], etree._Element],
) -> None:
    """Make the properties `olds` say `new_values`, in that order.

    An old property that reads as one of the new values is moved, untouched (its attributes,
    Anchors, translations and extra content kept); the others are built by `build(parent,
    value)` (a writer function appending to parent). Old properties not wanted are removed. The
    list goes where the first old property was, else where the schema order puts it.
    """
    pool = [(element, read(element)) for element in olds]
    if olds:
        parent = olds[0].getparent()
        at: Optional[int] = parent.index(olds[0])
    else:
        parent, at = default_parent(), None
    result = []
    for value in new_values:
        match = next((i for i, (_, known) in enumerate(pool) if known == value), None)
        if match is not None:
            result.append(pool.pop(match)[0])
        else:
            result.extend(built(parent, lambda v=value: build(parent, v)))
    for element in olds:
        element.getparent().remove(element)
    if at is not None:
        at = min(at, len(parent))
    place(parent, result, at)


def hoist_namespaces(root: etree._Element, original_prefixes: set[str]) -> None:
    """Declare the namespaces new elements brought (gmx, xlink…) once on the root, keeping
    every prefix the document declared, used or not."""
    declared = set(root.nsmap.values())
    taken = set(root.nsmap)
    top = {p: uri for p, uri in NSMAP.items() if uri not in declared and p not in taken}
    etree.cleanup_namespaces(root, top_nsmap=top, keep_ns_prefixes=sorted(original_prefixes))


def prefixes(root: etree._Element) -> set[str]:
    """Every namespace prefix declared in the tree."""
    return {
        p for element in root.iter() if isinstance(element.tag, str) for p in element.nsmap if p
    }


__all__ = [
    "ORDERS",
    "built",
    "children",
    "ensure",
    "first",
    "hoist_namespaces",
    "local",
    "place",
    "prefixes",
    "replace_items",
    "set_code",
    "set_text",
]
