"""Field names safe for every format, and the README that lists them."""

from __future__ import annotations

from plugin.core.model import Identifier, Record, ResponsibleParty
from plugin.core.package_readme import (
    PackageFile,
    PackageInfo,
    field_mapping,
    readme_text,
    safe_name,
)


def test_safe_names_keep_accents_and_drop_what_breaks_formats() -> None:
    assert safe_name("Débit moyen (m3/s)") == "Débit_moyen_m3_s"
    assert safe_name("nomCollectivite") == "nomCollectivite"
    assert safe_name("2020 population") == "c_2020_population"
    assert safe_name("***") == "champ"


def test_shapefile_names_are_unique_and_fit_ten_bytes() -> None:
    names = [
        "date_de_plantation",
        "date_de_plantation_prevue",
        "Hauteur",
        "hauteur",
        "fid",
        "évènement_élémentaire",
        "x",
    ]
    mapping = field_mapping(names)
    shorts = [m.short for m in mapping]
    assert all(len(s.encode("utf-8")) <= 10 for s in shorts)
    assert len({s.lower() for s in shorts}) == len(shorts)
    assert len({m.safe for m in mapping}) == len(names)
    assert (
        mapping[2].safe == "Hauteur"
        and mapping[3].safe == "hauteur_2"
        and mapping[4].safe == "fid_2"
    )
    assert mapping[6].safe == "x"
    assert field_mapping(["fid", "nom"], feature_id="fid")[0].safe == "fid"
    assert shorts[0] == "date_de_pl" and shorts[1] == "date_de__2"


def test_readme_lists_files_licence_and_mapping() -> None:
    record = Record(
        title="Arbres d'alignement",
        abstract="Arbres gérés par la ville.",
        licence="lov2",
        identifier=Identifier(code="arbres", namespace="https://data.ville.fr/id/"),
        responsible_parties=[
            ResponsibleParty(organisation="Ville d'Exemple", email="sig@ville.fr")
        ],
    )
    info = PackageInfo(
        files=[PackageFile("arbres.gpkg", "GeoPackage", "les données")],
        fields=field_mapping(["Espèce | latin", "hauteur"], ["String", "Real"]),
        crs="EPSG:2154",
        export_date="2024-06-30",
        feature_count=12,
    )
    text = readme_text(record, info)
    assert text.startswith("# Arbres d'alignement")
    assert "`arbres.gpkg` — GeoPackage" in text
    assert "Licence Ouverte" in text and "EPSG:2154" in text
    assert "| Espèce \\| latin | Espèce_latin | Espèce_la | String |" in text
    assert "https://data.ville.fr/id/arbres" in text and "12" in text
