"""Asking a real CSW catalogue what it holds, the way the tests check for duplicates."""

from __future__ import annotations

from xml.sax.saxutils import escape

import requests
from lxml import etree

CSW = "{http://www.opengis.net/cat/csw/2.0.2}"


def count_records(url: str, prop: str, value: str) -> int:
    """How many records GetRecords (resultType=hits) finds with `prop` = `value`."""
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
  xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2" resultType="hits">
 <csw:Query typeNames="csw:Record"><csw:ElementSetName>brief</csw:ElementSetName>
  <csw:Constraint version="1.1.0"><ogc:Filter>
  <ogc:PropertyIsEqualTo><ogc:PropertyName>{prop}</ogc:PropertyName>
  <ogc:Literal>{escape(value)}</ogc:Literal></ogc:PropertyIsEqualTo>
 </ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>"""
    response = requests.post(
        url,
        data=body.encode("utf-8"),
        timeout=10,
        headers={"Content-Type": "application/xml", "Accept-Encoding": "identity"},
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    results = etree.fromstring(response.content, parser).find(f"{CSW}SearchResults")
    assert results is not None, response.text[:500]
    return int(results.get("numberOfRecordsMatched"))
