"""What `make sandbox` prints, and the map link `make demo` prints (pure Python: no server)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sandbox import cli, qgis_server

STATE = {
    "pycsw": {"url": "http://127.0.0.1:8701/csw"},
    "udata": {
        "url": "http://127.0.0.1:8702",
        "api_url": "http://127.0.0.1:8702/api/1",
        "web_pages": True,
        "organization_slug": "commune",
        "organization_id": "o1",
        "login": "publieur@sandbox.example.org",
    },
    qgis_server.SANDBOX_NAME: {"url": "http://127.0.0.1:8703/ows"},
    "trainees": [{"number": 1}],
}


def test_the_banner_links_only_pages_that_answer(tmp_path: Path, capsys) -> None:
    """The API with its trailing slash (no 308), no bare QGIS Server URL (500 without MAP),
    make commands to stop and reset."""
    cli.print_summary(cli.Layout(tmp_path), STATE)
    out = capsys.readouterr().out
    links = re.findall(r"https?://[^\s)]+", out)
    assert links == [
        "http://127.0.0.1:8701/csw",
        "http://127.0.0.1:8702/fr/",
        "http://127.0.0.1:8702/api/1/",
    ]
    assert "service WMS/WFS sur 127.0.0.1:8703/ows" in out
    assert "Compte formateur : publieur@sandbox.example.org" in out
    assert "make sandbox-stop" in out and "make sandbox-reset" in out
    assert "python -m" not in out


def test_getmap_keeps_pixels_square_for_a_tall_or_wide_box() -> None:
    wide = qgis_server.getmap_url("http://h/ows?MAP=/p.qgs", "l", (0.0, 40.0, 0.2, 40.1))
    tall = qgis_server.getmap_url("http://h/ows", "l", (0.0, 40.0, 0.1, 40.3), size=600)
    wide_q, tall_q = parse_qs(urlsplit(wide).query), parse_qs(urlsplit(tall).query)
    assert (wide_q["WIDTH"], wide_q["HEIGHT"]) == (["600"], ["300"])
    assert (tall_q["WIDTH"], tall_q["HEIGHT"]) == (["200"], ["600"])
    assert wide_q["BBOX"] == ["40.0,0.0,40.1,0.2"]
