"""Sample records shared by the core tests: one complete French dataset record."""

from __future__ import annotations

from typing import Callable

import pytest

from plugin.core.model import (
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
)


def build_complete_record() -> Record:
    """A record a French municipality would publish, meeting every INSPIRE requirement."""
    commune = ResponsibleParty(
        organisation="Commune de Saint-Exemple",
        individual="Service SIG",
        email="sig@saint-exemple.fr",
        phone="+33 1 23 45 67 89",
        url="https://www.saint-exemple.fr",
        role="custodian",
    )
    return Record(
        file_identifier="6f1c2a52-0b8e-4d7e-9d1a-3c5e7f9a1b2c",
        title="Plan local d'urbanisme de Saint-Exemple – zonage",
        abstract=(
            "Zonage réglementaire du plan local d'urbanisme (PLU) de la commune de "
            "Saint-Exemple : zones urbaines, à urbaniser, agricoles et naturelles."
        ),
        identifier=Identifier("plu-zonage", "https://data.saint-exemple.fr/id/jdd/"),
        locators=[
            OnlineResource(
                url="https://geo.saint-exemple.fr/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
                protocol="http://www.opengis.net/def/serviceType/ogc/wfs",
                name="plu_zonage",
                description="http://inspire.ec.europa.eu/metadata-codelist/OnLineDescriptionCode/"
                "accessPoint",
                function="download",
                application_profile="http://inspire.ec.europa.eu/metadata-codelist/"
                "SpatialDataServiceType/download",
            )
        ],
        resource_languages=["fre"],
        topic_categories=["planningCadastre"],
        inspire_themes=["lu"],
        keyword_groups=[
            KeywordGroup(
                thesaurus_title="Portée géographique INSPIRE",
                thesaurus_date="2019-05-22",
                thesaurus_date_type="publication",
                thesaurus_uri="http://inspire.ec.europa.eu/metadata-codelist/SpatialScope",
                keywords=[
                    Keyword(
                        "Local", "http://inspire.ec.europa.eu/metadata-codelist/SpatialScope/local"
                    )
                ],
            )
        ],
        free_keywords=["urbanisme", "données ouvertes"],
        bboxes=[BoundingBox(4.8, 4.95, 45.7, 45.81)],
        temporal_extent=TemporalExtent("2019-03-01", "now"),
        creation_date="2019-03-01",
        revision_date="2024-06-30",
        lineage="Numérisation du PLU approuvé le 1er mars 2019 sur le cadastre 2018 (PCI vecteur).",
        resolutions=[Resolution(scale=5000)],
        conformities=[
            Conformity(
                degree=False,
                explanation="Données non transformées selon les spécifications de données INSPIRE.",
            )
        ],
        licence="lov2",
        use_conditions="Réutilisation libre ; citer « Commune de Saint-Exemple » et la date.",
        access_limitations=["noLimitations"],
        responsible_parties=[commune],
        metadata_contacts=[
            ResponsibleParty(organisation="Commune de Saint-Exemple", email="sig@saint-exemple.fr")
        ],
        metadata_date="2024-07-01",
        metadata_language="fre",
        reference_systems=["EPSG:2154"],
        encodings=[Encoding("GeoPackage", "1.3"), Encoding("ESRI Shapefile", "")],
        character_set="utf8",
        spatial_representation_type="vector",
        maintenance_frequency="asNeeded",
        geometry_type="surface",
        feature_count=1234,
        attributes=[
            Attribute("libelle", "String", "Libellé", "Code de la zone (U, AU, A, N)"),
            Attribute("surf_ha", "Real", "", ""),
        ],
    )


@pytest.fixture
def complete_record() -> Record:
    """A fresh complete record (tests may modify it)."""
    return build_complete_record()


@pytest.fixture
def record_factory() -> Callable[[], Record]:
    """A function returning fresh complete records."""
    return build_complete_record
