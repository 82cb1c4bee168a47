"""What an imported record holds beyond the form: counted, so the Describe step can say it is
kept ("Conservé de la fiche importée : 2 vignettes, 1 distributeur, 3 contacts…")."""

from __future__ import annotations

from lxml import etree

from .iso19139_common import GMD, find_all
from .iso19139_reader import metadata_root
from .model import Record
from .xmlsafe import parse_xml

_DI = "gmd:identificationInfo/gmd:MD_DataIdentification/"
# (path counted, French singular, French plural, English singular, English plural)
_KEPT = (
    (_DI + "gmd:graphicOverview", "vignette", "vignettes", "overview", "overviews"),
    (
        "gmd:distributionInfo/*/gmd:distributor",
        "distributeur",
        "distributeurs",
        "distributor",
        "distributors",
    ),
    (
        _DI + "gmd:citation/*/gmd:alternateTitle",
        "titre alternatif",
        "titres alternatifs",
        "alternate title",
        "alternate titles",
    ),
    (_DI + "gmd:purpose", "objectif", "objectifs", "purpose", "purposes"),
    (_DI + "gmd:status", "statut", "statuts", "status", "statuses"),
    (
        _DI + "gmd:aggregationInfo",
        "ressource associée",
        "ressources associées",
        "associated resource",
        "associated resources",
    ),
    (
        _DI + "gmd:extent/*/gmd:geographicElement/gmd:EX_GeographicDescription",
        "identifiant géographique",
        "identifiants géographiques",
        "geographic identifier",
        "geographic identifiers",
    ),
    (
        _DI + "gmd:resourceConstraints/gmd:MD_SecurityConstraints",
        "contrainte de sécurité",
        "contraintes de sécurité",
        "security constraint",
        "security constraints",
    ),
    (
        "gmd:contentInfo",
        "description du contenu",
        "descriptions du contenu",
        "content description",
        "content descriptions",
    ),
    (
        "gmd:metadataMaintenance",
        "entretien de la fiche",
        "entretiens de la fiche",
        "metadata maintenance",
        "metadata maintenances",
    ),
)


def kept_elements(record: Record, lang: str = "fr") -> list[str]:
    """What the form does not show and a write keeps, as "2 vignettes", "3 contacts"…"""
    if not record.source_document:
        return []
    root = metadata_root(parse_xml(record.source_document.encode("utf-8")))
    found = []
    contacts = max(len(record.metadata_contacts) - 1, 0) + max(
        len(record.responsible_parties) - 1, 0
    )
    counts = [(contacts, "contact", "contacts", "contact", "contacts")]
    for path, *words in _KEPT:
        counts.append((len(find_all(root, path)), *words))
    counts.append((_extensions(root), "extension", "extensions", "extension", "extensions"))
    for count, fr_one, fr_many, en_one, en_many in counts:
        if count:
            one, many = (fr_one, fr_many) if lang == "fr" else (en_one, en_many)
            found.append(f"{count} {one if count == 1 else many}")
    return found


def _extensions(root: etree._Element) -> int:
    """Elements of a national profile or another namespace among the record's own sections
    and those of its data identification."""
    sections = [root, *find_all(root, "gmd:identificationInfo/gmd:MD_DataIdentification")]
    return sum(
        1
        for section in sections
        for child in section
        if isinstance(child.tag, str) and etree.QName(child).namespace != GMD
    )
