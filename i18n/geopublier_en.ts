<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="31"/>
        <source>No layer given: choose the layer to describe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="39"/>
        <source>Cannot read the metadata file {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="43"/>
        <source>The metadata file {0} cannot be used: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="49"/>
        <source>Metadata merged from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="27"/>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="70"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="84"/>
        <source>ISO 19139 metadata to merge (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="46"/>
        <source>Meets every INSPIRE requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="47"/>
        <source>Number of unmet requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="71"/>
        <source>Validate INSPIRE metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="74"/>
        <source>Checks the layer&apos;s metadata against every INSPIRE requirement and writes a JSON report (code, field, level and French message of each problem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="81"/>
        <source>Validation report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="110"/>
        <source>Export INSPIRE metadata (ISO 19139)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="113"/>
        <source>Writes the layer&apos;s metadata as an ISO 19139 XML record. The file is written even when INSPIRE requirements are unmet; they are listed in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="120"/>
        <source>ISO 19139 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="135"/>
        <source>XML schema: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="51"/>
        <source>Publish layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="54"/>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="60"/>
        <source>Publishes the layer&apos;s INSPIRE metadata to the chosen catalogue connection. Publishing the same layer again updates the same record. A JSON report says what was published where.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="71"/>
        <source>Catalogue connection (name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="76"/>
        <source>Connections file (JSON, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="92"/>
        <source>Organisation profile (JSON, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="130"/>
        <source>Publication report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="135"/>
        <source>Catalogue record URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="138"/>
        <source>Catalogue record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="156"/>
        <source>The metadata of {0} does not meet INSPIRE yet; nothing was published:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="234"/>
        <source>{0}: {1} ({2}) — {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="240"/>
        <source>{0}: failed — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="252"/>
        <source>Publication incomplete: see the report {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="38"/>
        <source>Export harmonised package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="41"/>
        <source>Open data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="50"/>
        <source>Exports the layer into a dated folder (and optionally a zip): GeoPackage, GeoJSON (WGS 84), CSV UTF-8, zipped Shapefile, with the ISO 19139 record, a DCAT-AP description and a README listing field names. A quality report (HTML and JSON) lists invalid geometries, duplicates, empty columns and columns that look like personal data, and checks an optional Table Schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="64"/>
        <source>Formats (vector layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="73"/>
        <source>Target CRS (default Lambert-93; an overseas layer keeps its own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="80"/>
        <source>Fields to export (all when none chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="89"/>
        <source>Invalid geometries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="89"/>
        <source>Repair them (makeValid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="89"/>
        <source>Report them only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="97"/>
        <source>Table Schema (JSON file or URL, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="105"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="108"/>
        <source>Also make a zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="111"/>
        <source>Package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="112"/>
        <source>Package zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="113"/>
        <source>Quality report (HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="114"/>
        <source>Quality report (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="115"/>
        <source>Blocking quality issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="116"/>
        <source>Columns that look like personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="152"/>
        <source>Package written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="100"/>
        <source>Open data portal connection (name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="105"/>
        <source>Upload the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="105"/>
        <source>Reference the geoportal services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="106"/>
        <source>Portal mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="109"/>
        <source>Formats to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="118"/>
        <source>I checked the columns flagged as personal data: they may be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="125"/>
        <source>Export package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="139"/>
        <source>Portal dataset URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="140"/>
        <source>Portal dataset id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="193"/>
        <source>Choose at least one destination (CATALOGUE or PORTAL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="210"/>
        <source>Export package: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="214"/>
        <source>Columns that look like personal data: {0}. Remove them, or confirm they may be opened (CONFIRM_PERSONAL_DATA). Quality report: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeoPublierPlugin</name>
    <message>
        <location filename="../plugin/plugin_main.py" line="68"/>
        <source>Publish with GeoPublier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="72"/>
        <source>Describe the current layer with INSPIRE metadata, export it and publish it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeoPublierProvider</name>
    <message>
        <location filename="../plugin/qgis/processing_provider.py" line="25"/>
        <source>GeoPublier — INSPIRE metadata and open data publication</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainDialog</name>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="30"/>
        <source>No layer selected: choose a layer in the Layers panel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="34"/>
        <source>Layer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="12"/>
        <source>GeoPublier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="18"/>
        <source>No layer selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="32"/>
        <source>1. Describe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="38"/>
        <source>2. Prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="44"/>
        <source>3. Destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="50"/>
        <source>4. Publish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
