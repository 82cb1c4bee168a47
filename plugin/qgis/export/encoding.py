"""Text a source does not declare the encoding of: found, and re-read in ISO-8859-1 on request.

A DBF without .cpg is read as UTF-8; when it holds Latin-1 text (what older software wrote),
every accented letter is lost. The quality report then says so, and — when re-reading the
flagged features in ISO-8859-1 gives clean text — offers exactly that instead of a vague flag.
"""

from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...core.quality import QualityIssue, QualityReport

LATIN1 = "ISO-8859-1"


def reads_clean_in(layer: QgsVectorLayer, issue: QualityIssue, encoding: str) -> bool:
    """True when the flagged values of `issue` read without damage in `encoding`."""
    if layer.providerType() != "ogr" or not issue.features:
        return False
    other = QgsVectorLayer(layer.source(), layer.name(), "ogr")
    if not other.isValid():
        return False
    other.setProviderEncoding(encoding)
    index = other.fields().lookupField(issue.column)
    if index < 0:
        return False
    request = QgsFeatureRequest().setFilterFids(issue.features).setNoAttributes()
    request.setSubsetOfAttributes([index]).setFlags(QgsFeatureRequest.NoGeometry)
    values = [feature.attribute(index) for feature in other.getFeatures(request)]
    return bool(values) and all(isinstance(v, str) and "\ufffd" not in v for v in values)


def offer_latin1(layer: QgsVectorLayer, report: QualityReport) -> None:
    """Turn badly encoded text that reads clean in ISO-8859-1 into `quality.text_latin1`."""
    if (layer.dataProvider().encoding() or "").upper() in (LATIN1, "LATIN1", "CP1252"):
        return
    for issue in report.issues:
        if issue.code == "quality.text_encoding" and reads_clean_in(layer, issue, LATIN1):
            issue.code = "quality.text_latin1"
            issue.params = dict(issue.params, encoding=LATIN1)


def latin1_columns(report: QualityReport) -> list[QualityIssue]:
    """The issues of columns that should be re-read in ISO-8859-1."""
    return [issue for issue in report.issues if issue.code == "quality.text_latin1"]
