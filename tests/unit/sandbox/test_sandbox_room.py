"""The training room's accounts, files and sheets, and the journals a reset makes forget
(pure Python: no server; the portal's answer is given as the launcher writes it)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from plugin.publishers.journal import Journal
from sandbox import room
from sandbox.journals import forget_publications, known_profiles, register_profile

STATE = {
    "pycsw": {"url": "http://127.0.0.1:8701/csw"},
    "udata": {"url": "http://127.0.0.1:8702"},
}


def _ready(seeds: list[dict]) -> list[dict]:
    """What the portal answers for each account (key, ids, slug)."""
    return [
        {
            "email": s["email"],
            "api_key": f"key-{s['number']}",
            "user_id": f"u{s['number']}",
            "organization_id": f"o{s['number']}",
            "organization_slug": f"commune-d-exercice-{s['number']:02d}",
        }
        for s in seeds
    ]


def test_trainees_keep_their_accounts_and_new_ones_are_added() -> None:
    """Growing the room keeps the first trainees' passwords, keys and ids; shrinking keeps
    the first ones."""
    first = room.merge_ready(room.trainee_seeds([], 2), _ready(room.trainee_seeds([], 2)))
    grown = room.trainee_seeds(first, 3)
    assert [t["email"] for t in grown] == [
        "stagiaire-01@bac-a-sable.example.org",
        "stagiaire-02@bac-a-sable.example.org",
        "stagiaire-03@bac-a-sable.example.org",
    ]
    assert grown[:2] == first and "api_key" not in grown[2]
    assert len({t["password"] for t in grown}) == 3
    assert room.trainee_seeds(grown, 1) == first[:1]


def test_each_trainee_has_an_own_identifier_namespace_and_organisation() -> None:
    trainees = room.trainee_seeds([], 12)
    profiles = [room.organisation_profile(t) for t in trainees]
    assert len({p["identifier_namespace"] for p in profiles}) == 12
    assert len({p["organisation"] for p in profiles}) == 12
    assert profiles[6]["identifier_namespace"] == (
        "https://bac-a-sable.example.org/stagiaire-07/id/"
    )
    assert profiles[0]["licence"] == "lov2"  # the rest of the sample profile is kept


def test_room_files_and_printable_sheets(tmp_path: Path) -> None:
    """Per trainee: connections to their own organisation (no secret in it), profile, private
    env and sheet; one document with every sheet, one per printed page."""
    seeds = room.trainee_seeds([], 2)
    trainees = room.merge_ready(seeds, _ready(seeds))
    everything = room.write_room(tmp_path, trainees, STATE, "GEOPUBLIER_SANDBOX_UDATA_KEY")

    folder = tmp_path / "stagiaires" / "stagiaire-02"
    connections = json.loads((folder / "connexions.json").read_text(encoding="utf-8"))
    portal = connections["connections"][1]
    assert portal["options"] == {"organization": "o2"}
    assert "key-2" not in (folder / "connexions.json").read_text(encoding="utf-8")
    assert (folder / "sandbox.env").read_text() == "export GEOPUBLIER_SANDBOX_UDATA_KEY=key-2\n"
    for private in ("sandbox.env", "fiche.html"):
        assert stat.S_IMODE((folder / private).stat().st_mode) == 0o600
    sheet = (folder / "fiche.html").read_text(encoding="utf-8")
    for expected in (
        "fiche de stagiaire-02",
        "http://127.0.0.1:8702/fr/login",
        "stagiaire-02@bac-a-sable.example.org",
        trainees[1]["password"],
        "Commune d&#x27;exercice 02",
        str(folder / "connexions.json"),
        "https://bac-a-sable.example.org/stagiaire-02/id/",
        "bornes_recharge_saint_exemple.geojson",
        "@page { size: A4",
    ):
        assert expected in sheet, expected
    assert everything.read_text(encoding="utf-8").count('<section class="sheet">') == 2
    metadata = (folder / "bornes_recharge_saint_exemple.qmd").read_text(encoding="utf-8")
    assert (
        "<identifier>https://bac-a-sable.example.org/stagiaire-02/id/bornes-recharge</identifier>"
        in metadata
    )
    assert "Saint-Exemple (stagiaire-02)</title>" in metadata
    assert (folder / "bornes_recharge_saint_exemple.geojson").is_file()


def test_reset_makes_every_known_profile_forget_the_sandbox(tmp_path: Path) -> None:
    """The demo's and a trainee's profile forget the sandbox connections, nothing else."""
    home = tmp_path / "sandbox"
    (home / "stagiaires" / "stagiaire-01").mkdir(parents=True)
    connections = room.connections("http://c", "http://p", "o1", "KEY")
    files = [home / "connections.json", home / "stagiaires" / "stagiaire-01" / "connexions.json"]
    for path in files:
        path.write_text(json.dumps(connections), encoding="utf-8")
    journals = []
    for name in ("demo", "stagiaire-01"):
        config = tmp_path / name
        register_profile(home, config)
        journal = Journal(config / "profiles" / "default" / "geopublier" / "journal.json")
        journal.record("urn:layer", "Portail bac à sable", remote_id="d1")
        journal.record("urn:layer", "Catalogue bac à sable", remote_id="r1")
        journal.record("urn:layer", "Géoportail régional", remote_id="r2")
        journals.append(journal.path)
    register_profile(home, tmp_path / "demo")  # registered once only
    assert known_profiles(home) == [
        tmp_path / "demo",
        tmp_path / "stagiaire-01",
    ]

    assert forget_publications(home, files) == 4

    for path in journals:
        assert [e.destination for e in Journal(path).entries("urn:layer")] == [
            "Géoportail régional"
        ]


def test_a_room_on_the_network_may_write_to_the_catalogue(monkeypatch) -> None:
    """GEOPUBLIER_SANDBOX_HOST: the servers listen there; the catalogue takes writes from the
    room's /24 network (and this machine), and from this machine only by default."""
    from sandbox.common import sandbox_host
    from sandbox.pycsw_server import allowed_ips

    monkeypatch.delenv("GEOPUBLIER_SANDBOX_HOST", raising=False)
    assert sandbox_host() == "127.0.0.1" and allowed_ips("127.0.0.1") == "127.0.0.1"
    monkeypatch.setenv("GEOPUBLIER_SANDBOX_HOST", " 192.168.1.10 ")
    assert sandbox_host() == "192.168.1.10"
    assert allowed_ips("192.168.1.10") == "127.0.0.1,192.168.1.0/24"
