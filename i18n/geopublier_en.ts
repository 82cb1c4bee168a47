<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="66"/>
        <source>No layer given: choose the layer to describe.</source>
        <translation>No layer given: choose the layer to describe.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="76"/>
        <source>Cannot read the metadata file {0}: {1}</source>
        <translation>Cannot read the metadata file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="80"/>
        <source>The metadata file {0} cannot be used: {1}</source>
        <translation>The metadata file {0} cannot be used: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="86"/>
        <source>Metadata merged from {0}</source>
        <translation>Metadata merged from {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="26"/>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="98"/>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="45"/>
        <source>Meets every INSPIRE requirement</source>
        <translation>Meets every INSPIRE requirement</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="46"/>
        <source>Number of unmet requirements</source>
        <translation>Number of unmet requirements</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="84"/>
        <source>Validate INSPIRE metadata</source>
        <translation>Validate INSPIRE metadata</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="87"/>
        <source>Checks the layer&apos;s metadata against every INSPIRE requirement and writes a JSON report (code, field, level and French message of each problem).</source>
        <translation>Checks the layer's metadata against every INSPIRE requirement and writes a JSON report (code, field, level and French message of each problem).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="94"/>
        <source>Validation report</source>
        <translation>Validation report</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="126"/>
        <source>Export INSPIRE metadata (ISO 19139)</source>
        <translation>Export INSPIRE metadata (ISO 19139)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="129"/>
        <source>Writes the layer&apos;s metadata as an ISO 19139 XML record. The file is written even when INSPIRE requirements are unmet; they are listed in the log.</source>
        <translation>Writes the layer's metadata as an ISO 19139 XML record. The file is written even when INSPIRE requirements are unmet; they are listed in the log.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="136"/>
        <source>ISO 19139 file</source>
        <translation>ISO 19139 file</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="62"/>
        <source>XML schema: {0}</source>
        <translation>XML schema: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="76"/>
        <source>Publish layer</source>
        <translation>Publish layer</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="71"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="99"/>
        <source>Catalogue connection (name)</source>
        <translation>Catalogue connection (name)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="191"/>
        <source>Publication report</source>
        <translation>Publication report</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="200"/>
        <source>Catalogue record URL</source>
        <translation>Catalogue record URL</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="203"/>
        <source>Catalogue record id</source>
        <translation>Catalogue record id</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="231"/>
        <source>The metadata of {0} does not meet INSPIRE yet; nothing was published:
{1}</source>
        <translation>The metadata of {0} does not meet INSPIRE yet; nothing was published:
{1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="419"/>
        <source>{0}: {1} ({2}) — {3}</source>
        <translation>{0}: {1} ({2}) — {3}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="427"/>
        <source>{0}: failed — {1}</source>
        <translation>{0}: failed — {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="447"/>
        <source>Publication incomplete: see the report {0}</source>
        <translation>Publication incomplete: see the report {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="40"/>
        <source>Export harmonised package</source>
        <translation>Export harmonised package</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="43"/>
        <source>Open data</source>
        <translation>Open data</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="52"/>
        <source>Exports the layer into a dated folder (and optionally a zip): GeoPackage, GeoJSON (WGS 84), CSV UTF-8, zipped Shapefile, with the ISO 19139 record, a DCAT-AP description and a README listing field names. A quality report (HTML and JSON) lists invalid geometries, duplicates, empty columns and columns that look like personal data, and checks an optional Table Schema.</source>
        <translation>Exports the layer into a dated folder (and optionally a zip): GeoPackage, GeoJSON (WGS 84), CSV UTF-8, zipped Shapefile, with the ISO 19139 record, a DCAT-AP description and a README listing field names. A quality report (HTML and JSON) lists invalid geometries, duplicates, empty columns and columns that look like personal data, and checks an optional Table Schema.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="66"/>
        <source>Formats (vector layers)</source>
        <translation>Formats (vector layers)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="85"/>
        <source>Fields to export (all when none chosen)</source>
        <translation>Fields to export (all when none chosen)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="94"/>
        <source>Invalid geometries</source>
        <translation>Invalid geometries</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="94"/>
        <source>Repair them (makeValid)</source>
        <translation>Repair them (makeValid)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="94"/>
        <source>Report them only</source>
        <translation>Report them only</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="110"/>
        <source>Output folder</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="113"/>
        <source>Also make a zip</source>
        <translation>Also make a zip</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="116"/>
        <source>Package folder</source>
        <translation>Package folder</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="117"/>
        <source>Package zip</source>
        <translation>Package zip</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="118"/>
        <source>Quality report (HTML)</source>
        <translation>Quality report (HTML)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="119"/>
        <source>Quality report (JSON)</source>
        <translation>Quality report (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="120"/>
        <source>Blocking quality issues</source>
        <translation>Blocking quality issues</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="121"/>
        <source>Columns that look like personal data</source>
        <translation>Columns that look like personal data</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="157"/>
        <source>Package written to {0}</source>
        <translation>Package written to {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="128"/>
        <source>Open data portal connection (name)</source>
        <translation>Open data portal connection (name)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="149"/>
        <source>Upload the files</source>
        <translation>Upload the files</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="149"/>
        <source>Reference the geoportal services</source>
        <translation>Reference the geoportal services</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="150"/>
        <source>Portal mode</source>
        <translation>Portal mode</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="153"/>
        <source>Formats to upload</source>
        <translation>Formats to upload</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="162"/>
        <source>I checked the columns flagged as personal data: they may be opened</source>
        <translation>I checked the columns flagged as personal data: they may be opened</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="130"/>
        <source>Export package folder</source>
        <translation>Export package folder</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="204"/>
        <source>Portal dataset URL</source>
        <translation>Portal dataset URL</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="205"/>
        <source>Portal dataset id</source>
        <translation>Portal dataset id</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="400"/>
        <source>Export package: {0}</source>
        <translation>Export package: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="392"/>
        <source>Columns that look like personal data: {0}. Remove them, or confirm they may be opened (CONFIRM_PERSONAL_DATA). Quality report: {1}</source>
        <translation>Columns that look like personal data: {0}. Remove them, or confirm they may be opened (CONFIRM_PERSONAL_DATA). Quality report: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="44"/>
        <source>Catalogue — CSW-T (pycsw, GeoNetwork, any CSW-T)</source>
        <translation>Catalogue — CSW-T (pycsw, GeoNetwork, any CSW-T)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="45"/>
        <source>Catalogue — GeoNetwork 4 (API)</source>
        <translation>Catalogue — GeoNetwork 4 (API)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="48"/>
        <source>Open data portal — udata (data.gouv.fr)</source>
        <translation>Open data portal — udata (data.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="49"/>
        <source>Open data portal — CKAN</source>
        <translation>Open data portal — CKAN</translation>
    </message>
    <message>
        <location filename="../plugin/gui/errors.py" line="33"/>
        <source>Columns that look like personal data: {0}. Remove them in step 2, or confirm that they may be opened.</source>
        <translation>Columns that look like personal data: {0}. Remove them in step 2, or confirm that they may be opened.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/errors.py" line="45"/>
        <source>Unexpected error ({0}). The GeoPublier log in QGIS has the details.</source>
        <translation>Unexpected error ({0}). The GeoPublier log in QGIS has the details.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="71"/>
        <source>What the data is</source>
        <translation>What the data is</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="72"/>
        <source>Themes and keywords</source>
        <translation>Themes and keywords</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="73"/>
        <source>Who is responsible</source>
        <translation>Who is responsible</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="74"/>
        <source>Licence and access</source>
        <translation>Licence and access</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="75"/>
        <source>Quality and history</source>
        <translation>Quality and history</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="76"/>
        <source>Dates and updates</source>
        <translation>Dates and updates</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="77"/>
        <source>Technical description</source>
        <translation>Technical description</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="84"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="84"/>
        <source>A precise title: the subject and the area, e.g. “Bike paths of Saint-Exemple”.</source>
        <translation>A precise title: the subject and the area, e.g. “Bike paths of Saint-Exemple”.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="84"/>
        <source>Subject + area</source>
        <translation>Subject + area</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="91"/>
        <source>Abstract</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="91"/>
        <source>What the data contains, where, when, how it was made and what it is for.</source>
        <translation>What the data contains, where, when, how it was made and what it is for.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="91"/>
        <source>Describe the content of the data</source>
        <translation>Describe the content of the data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="98"/>
        <source>INSPIRE themes</source>
        <translation>INSPIRE themes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="98"/>
        <source>The INSPIRE theme(s) of the data (GEMET thesaurus): at least one is required.</source>
        <translation>The INSPIRE theme(s) of the data (GEMET thesaurus): at least one is required.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="98"/>
        <source>Search a theme…</source>
        <translation>Search a theme…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="108"/>
        <source>Topic categories</source>
        <translation>Topic categories</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="108"/>
        <source>The ISO 19115 topic category(ies) of the data: at least one is required.</source>
        <translation>The ISO 19115 topic category(ies) of the data: at least one is required.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="108"/>
        <source>Search a category…</source>
        <translation>Search a category…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="117"/>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="117"/>
        <source>Free keywords separated by commas, e.g. “données ouvertes, vélo”.</source>
        <translation>Free keywords separated by commas, e.g. “données ouvertes, vélo”.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="117"/>
        <source>keyword 1, keyword 2</source>
        <translation>keyword 1, keyword 2</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="125"/>
        <source>Responsible organisation</source>
        <translation>Responsible organisation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="125"/>
        <source>The organisation responsible for the data, a functional e-mail and its role.</source>
        <translation>The organisation responsible for the data, a functional e-mail and its role.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="125"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>Metadata contact</source>
        <translation>Metadata contact</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>Who keeps this record up to date (point of contact).</source>
        <translation>Who keeps this record up to date (point of contact).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="141"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="141"/>
        <source>The licence that applies to reuse. Licence Ouverte 2.0 or ODbL for open data.</source>
        <translation>The licence that applies to reuse. Licence Ouverte 2.0 or ODbL for open data.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="141"/>
        <source>(choose a licence)</source>
        <translation>(choose a licence)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="154"/>
        <source>Other conditions of use</source>
        <translation>Other conditions of use</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="154"/>
        <source>Optional: attribution to give, other conditions (leave empty if none).</source>
        <translation>Optional: attribution to give, other conditions (leave empty if none).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="154"/>
        <source>e.g. Source: Commune de …, 2024</source>
        <translation>e.g. Source: Commune de …, 2024</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="162"/>
        <source>Limitations on public access</source>
        <translation>Limitations on public access</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="162"/>
        <source>Whether public access is restricted, and on which INSPIRE ground (article 13).</source>
        <translation>Whether public access is restricted, and on which INSPIRE ground (article 13).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="171"/>
        <source>Lineage</source>
        <translation>Lineage</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="171"/>
        <source>How the data was made: sources, method, scale of capture, checks.</source>
        <translation>How the data was made: sources, method, scale of capture, checks.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="171"/>
        <source>e.g. Digitised at 1:2000 on the 2023 ortho</source>
        <translation>e.g. Digitised at 1:2000 on the 2023 ortho</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Conformity to INSPIRE rules</source>
        <translation>Conformity to INSPIRE rules</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Conformity to Regulation (EU) No 1089/2010 (interoperability of data sets).</source>
        <translation>Conformity to Regulation (EU) No 1089/2010 (interoperability of data sets).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Not evaluated</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Conformant</source>
        <translation>Conformant</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Not conformant</source>
        <translation>Not conformant</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>Spatial resolution</source>
        <translation>Spatial resolution</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>The scale of capture (1:N) or the ground resolution in metres.</source>
        <translation>The scale of capture (1:N) or the ground resolution in metres.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="235"/>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>Ground distance</source>
        <translation>Ground distance</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="204"/>
        <source>Creation date</source>
        <translation>Creation date</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="204"/>
        <source>When the data was created. At least one date (creation, publication, revision).</source>
        <translation>When the data was created. At least one date (creation, publication, revision).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="211"/>
        <source>Publication date</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="211"/>
        <source>When the data was first published (optional).</source>
        <translation>When the data was first published (optional).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="219"/>
        <source>Revision date</source>
        <translation>Revision date</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="219"/>
        <source>When the data was last revised; set automatically when the data changes.</source>
        <translation>When the data was last revised; set automatically when the data changes.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="227"/>
        <source>Period covered</source>
        <translation>Period covered</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="227"/>
        <source>Optional: the period the data describes (start → end).</source>
        <translation>Optional: the period the data describes (start → end).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="235"/>
        <source>Update frequency</source>
        <translation>Update frequency</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="235"/>
        <source>How often the data is updated (the portal shows it).</source>
        <translation>How often the data is updated (the portal shows it).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Unique identifier</source>
        <translation>Unique identifier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Namespace of your organisation + code. Keep it: republishing relies on it.</source>
        <translation>Namespace of your organisation + code. Keep it: republishing relies on it.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>Bounding box (WGS84)</source>
        <translation>Bounding box (WGS84)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>The geographic extent in decimal degrees, read from the layer.</source>
        <translation>The geographic extent in decimal degrees, read from the layer.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>West</source>
        <translation>West</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>East</source>
        <translation>East</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>South</source>
        <translation>South</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>North</source>
        <translation>North</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="262"/>
        <source>Reference system</source>
        <translation>Reference system</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="262"/>
        <source>The coordinate reference system of the data (EPSG code).</source>
        <translation>The coordinate reference system of the data (EPSG code).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="269"/>
        <source>Distribution format</source>
        <translation>Distribution format</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="269"/>
        <source>The format the data is distributed in, e.g. GeoPackage.</source>
        <translation>The format the data is distributed in, e.g. GeoPackage.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="277"/>
        <source>Representation</source>
        <translation>Representation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="277"/>
        <source>Vector or raster (grid) data.</source>
        <translation>Vector or raster (grid) data.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="277"/>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="286"/>
        <source>Online address</source>
        <translation>Online address</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="286"/>
        <source>Optional: a page or service where the data can be found (https://…).</source>
        <translation>Optional: a page or service where the data can be found (https://…).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="294"/>
        <source>Language of the data</source>
        <translation>Language of the data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="294"/>
        <source>The language of the data's texts (French: “fre”).</source>
        <translation>The language of the data's texts (French: “fre”).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="304"/>
        <source>Publication report: {0}</source>
        <translation>Publication report: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="196"/>
        <source>Topological consistency</source>
        <translation>Topological consistency</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="196"/>
        <source>For a network (roads, rivers, pipes): how connections and gaps were checked.</source>
        <translation>For a network (roads, rivers, pipes): how connections and gaps were checked.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="196"/>
        <source>e.g. Segments connected at their ends</source>
        <translation>e.g. Segments connected at their ends</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="46"/>
        <source>Map server — QGIS Server (WMS/WFS, Lizmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="47"/>
        <source>Map server — GeoServer (REST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="133"/>
        <source>Map server connection (QGIS Server, GeoServer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="207"/>
        <source>WMS GetCapabilities URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="208"/>
        <source>WFS GetCapabilities URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="209"/>
        <source>Published layer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="350"/>
        <source>Choose at least one destination (CATALOGUE, MAP_SERVER or PORTAL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="169"/>
        <source>Encoding of the source&apos;s text when the file does not say (e.g. ISO-8859-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="68"/>
        <source>Republish project layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="95"/>
        <source>Project file (empty: the current project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="103"/>
        <source>Layers changed since their publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="103"/>
        <source>Every layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="103"/>
        <source>A list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="104"/>
        <source>Layers to republish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="109"/>
        <source>Layer names or ids (comma separated, for a list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="123"/>
        <source>Save the project file afterwards (publication kept with the layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="135"/>
        <source>Republication report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="140"/>
        <source>Layers republished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="140"/>
        <source>Layers skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="140"/>
        <source>Layers failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="157"/>
        <source>None of the layers listed in LAYERS is in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="203"/>
        <source>{0} layer(s) could not be republished: see the report {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="221"/>
        <source>Cannot open the project {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="242"/>
        <source>{0}: republishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="75"/>
        <source>Target CRS (default Lambert-93; data outside its area of use: the overseas legal CRS, the layer&apos;s own, or WGS 84)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="258"/>
        <source>Data unchanged since the last publication: the portal keeps its files, only the dataset and the record are updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="102"/>
        <source>Table Schema (JSON file or URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="112"/>
        <source>ISO 19139 metadata to merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="115"/>
        <source>Connections file (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="120"/>
        <source>Organisation profile (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="138"/>
        <source>If the catalogue&apos;s record was changed since the last publication: empty = stop, merge = take its changes in, overwrite = replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="356"/>
        <source>ON_REMOTE_CHANGE is “{0}”: leave it empty, or write merge or overwrite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="242"/>
        <source>Earlier publications found in the project: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="44"/>
        <source>If the layer&apos;s source moved or was renamed since its publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="44"/>
        <source>Publish nothing (the report says why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="44"/>
        <source>Update the existing publication with the new source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="81"/>
        <source>Republishes the layers of a project to the destinations chosen for each of them in GeoPublier: the layers changed since their last publication (data, metadata or style), every layer, or a list. A layer whose metadata is incomplete or whose personal-data columns are not confirmed is skipped with the reason. A layer whose source moved or was renamed since its publication is skipped unless ON_SOURCE_MOVED says to update its publication. For scheduled runs with qgis_process. A JSON report says what was republished, skipped and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="85"/>
        <source>Publishes the layer&apos;s INSPIRE metadata to the chosen catalogue connection, the layer to a map server (WMS/WFS) and the dataset to an open data portal. Publishing the same layer again updates the same record and dataset, from any machine: the project keeps where the layer was published. REPUBLISH_MISSING publishes afresh a dataset or a record deleted on the portal or in the catalogue since. A JSON report says what was published where.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="176"/>
        <source>Publish afresh a dataset or record the journal remembers but the portal or catalogue no longer has</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueImportDialog</name>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="36"/>
        <source>Import from a catalogue</source>
        <translation>Import from a catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="44"/>
        <source>The record&apos;s identifier (fileIdentifier / uuid)</source>
        <translation>The record's identifier (fileIdentifier / uuid)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="45"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="46"/>
        <source>Record identifier</source>
        <translation>Record identifier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="54"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="59"/>
        <source>No catalogue connection yet: add one in step 3.</source>
        <translation>No catalogue connection yet: add one in step 3.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="74"/>
        <source>Fetching the record from {0}…</source>
        <translation>Fetching the record from {0}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="85"/>
        <source>{0} has no record with the identifier {1}.</source>
        <translation>{0} has no record with the identifier {1}.</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location filename="../plugin/gui/checklist.py" line="31"/>
        <source>Click an item to go to the field to fill in.</source>
        <translation>Click an item to go to the field to fill in.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="48"/>
        <source>INSPIRE requirement {0}</source>
        <translation>INSPIRE requirement {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="48"/>
        <source>Advice of the CNIG guide (does not block publication)</source>
        <translation>Advice of the CNIG guide (does not block publication)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="57"/>
        <source>{0} INSPIRE requirement(s) still to meet</source>
        <translation>{0} INSPIRE requirement(s) still to meet</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="60"/>
        <source>✔ The record meets every INSPIRE requirement</source>
        <translation>✔ The record meets every INSPIRE requirement</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="63"/>
        <source> — {0} piece(s) of advice</source>
        <translation> — {0} piece(s) of advice</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="59"/>
        <source>GeoPublier connection</source>
        <translation>GeoPublier connection</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="64"/>
        <source>A name you will recognise, e.g. “Géoportail régional”</source>
        <translation>A name you will recognise, e.g. “Géoportail régional”</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="70"/>
        <source>The address of the service (CSW endpoint, portal root…)</source>
        <translation>The address of the service (CSW endpoint, portal root…)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="72"/>
        <source>A QGIS authentication configuration (type Basic). For a portal, put the API key in the password. Secrets stay in QGIS&apos;s authentication database.</source>
        <translation>A QGIS authentication configuration (type Basic). For a portal, put the API key in the password. Secrets stay in QGIS's authentication database.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="79"/>
        <source>The organisation&apos;s id or name on the portal</source>
        <translation>The organisation's id or name on the portal</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="81"/>
        <source>GeoNetwork group id the records belong to</source>
        <translation>GeoNetwork group id the records belong to</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="83"/>
        <source>GeoNetwork category id (optional)</source>
        <translation>GeoNetwork category id (optional)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="114"/>
        <source>This portal already harvests the catalogue</source>
        <translation>This portal already harvests the catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="115"/>
        <source>GeoPublier then publishes to the catalogue only, so the portal does not get a duplicate dataset.</source>
        <translation>GeoPublier then publishes to the catalogue only, so the portal does not get a duplicate dataset.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="129"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="130"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="131"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="132"/>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="134"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="135"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="136"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="86"/>
        <source>The folder QGIS Server serves (local or mounted): GeoPublier writes one project and one GeoPackage per layer in it, and never touches the other files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="94"/>
        <source>Optional public address of one layer&apos;s service, {name} being the layer name. Empty: the address above with MAP=&lt;folder&gt;/&lt;name&gt;.qgs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="111"/>
        <source>GeoServer workspace (created if missing, never emptied by GeoPublier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="137"/>
        <source>Served folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="138"/>
        <source>Public layer address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="139"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="104"/>
        <source>The page where a person reads a record, with {uuid} for its identifier. Empty: GeoNetwork&apos;s own record page, or the CSW address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="140"/>
        <source>Record page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="121"/>
        <source>Make the record public (shared with “All”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="123"/>
        <source>GeoNetwork keeps a new record private to your group. Ticked, GeoPublier shares it with “All” through GeoNetwork's API (also for its csw-publication address).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DescribeWidget</name>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Import an XML record…</source>
        <translation>Import an XML record…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Import from a catalogue…</source>
        <translation>Import from a catalogue…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Export the XML record…</source>
        <translation>Export the XML record…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Fill the form from an ISO 19139 / INSPIRE XML file</source>
        <translation>Fill the form from an ISO 19139 / INSPIRE XML file</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Fill the form from a record of a saved catalogue (CSW GetRecordById)</source>
        <translation>Fill the form from a record of a saved catalogue (CSW GetRecordById)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Save the record as an ISO 19139 XML file</source>
        <translation>Save the record as an ISO 19139 XML file</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="126"/>
        <source>(read from the layer)</source>
        <translation>(read from the layer)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="144"/>
        <source>geometry: {0}</source>
        <translation>geometry: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="146"/>
        <source>{0} feature(s)</source>
        <translation>{0} feature(s)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="150"/>
        <source>attributes: {0}</source>
        <translation>attributes: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="151"/>
        <source>Read from the layer — </source>
        <translation>Read from the layer — </translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="158"/>
        <source>Kept from the imported record (not in this form, published unchanged): {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationsWidget</name>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="55"/>
        <source>Saved connections</source>
        <translation>Saved connections</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="59"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="59"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="59"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="77"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="77"/>
        <source>Add a destination</source>
        <translation>Add a destination</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="78"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="78"/>
        <source>Edit the selection</source>
        <translation>Edit the selection</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="79"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="79"/>
        <source>Remove it</source>
        <translation>Remove it</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="80"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="80"/>
        <source>Check the server answers and accepts the credentials</source>
        <translation>Check the server answers and accepts the credentials</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="86"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="86"/>
        <source>Add the connections of a file (e.g. given by your trainer)</source>
        <translation>Add the connections of a file (e.g. given by your trainer)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="92"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="92"/>
        <source>Save the connections to a file to share (no password in it)</source>
        <translation>Save the connections to a file to share (no password in it)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="102"/>
        <source>Destinations of this layer</source>
        <translation>Destinations of this layer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="106"/>
        <source>Where the INSPIRE record is published</source>
        <translation>Where the INSPIRE record is published</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="114"/>
        <source>Where the open data dataset is published</source>
        <translation>Where the open data dataset is published</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="115"/>
        <source>Upload the harmonised files to the portal</source>
        <translation>Upload the harmonised files to the portal</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="116"/>
        <source>Reference only: the portal links to the geoportal&apos;s record and services</source>
        <translation>Reference only: the portal links to the geoportal's record and services</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="123"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="125"/>
        <source>Open data portal</source>
        <translation>Open data portal</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="126"/>
        <source>On the portal</source>
        <translation>On the portal</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="193"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="255"/>
        <source>GeoPublier</source>
        <translation>GeoPublier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="218"/>
        <source>A connection called “{0}” already exists.</source>
        <translation>A connection called “{0}” already exists.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="255"/>
        <source>Remove the connection “{0}”? Nothing is deleted on the server.</source>
        <translation>Remove the connection “{0}”? Nothing is deleted on the server.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="269"/>
        <source>Import connections</source>
        <translation>Import connections</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="290"/>
        <source>Connections (*.json)</source>
        <translation>Connections (*.json)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="283"/>
        <source>{0} connection(s) imported from {1}</source>
        <translation>{0} connection(s) imported from {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="290"/>
        <source>Export connections</source>
        <translation>Export connections</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="303"/>
        <source>Connections saved to {0}</source>
        <translation>Connections saved to {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="311"/>
        <source>Select a connection to test.</source>
        <translation>Select a connection to test.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="315"/>
        <source>Testing {0}…</source>
        <translation>Testing {0}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="327"/>
        <source>Test cancelled.</source>
        <translation>Test cancelled.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="330"/>
        <source>{0} answers and accepts the connection.</source>
        <translation>{0} answers and accepts the connection.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="332"/>
        <source>Account: {0}</source>
        <translation>Account: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="131"/>
        <source>udata: the territories the data covers (zone ids, separated by commas)</source>
        <translation>udata: the territories the data covers (zone ids, separated by commas)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="135"/>
        <source>udata: the finest territory level of the data</source>
        <translation>udata: the finest territory level of the data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Intercommunality (EPCI)</source>
        <translation>Intercommunality (EPCI)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Other (finer than a municipality)</source>
        <translation>Other (finer than a municipality)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="146"/>
        <source>Territories (udata)</source>
        <translation>Territories (udata)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="147"/>
        <source>Spatial granularity</source>
        <translation>Spatial granularity</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="109"/>
        <source>Where the layer is published as a map (WMS) and for download (WFS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="124"/>
        <source>Map server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeoPublierPlugin</name>
    <message>
        <location filename="../plugin/plugin_main.py" line="81"/>
        <source>Publish with GeoPublier…</source>
        <translation>Publish with GeoPublier…</translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="66"/>
        <source>Describe the current layer with INSPIRE metadata, export it and publish it</source>
        <translation>Describe the current layer with INSPIRE metadata, export it and publish it</translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="71"/>
        <source>Publications panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="75"/>
        <source>Every layer of the project with its publication state; republish several</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeoPublierProvider</name>
    <message>
        <location filename="../plugin/qgis/processing_provider.py" line="25"/>
        <source>GeoPublier — INSPIRE metadata and open data publication</source>
        <translation>GeoPublier — INSPIRE metadata and open data publication</translation>
    </message>
</context>
<context>
    <name>MainDialog</name>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="138"/>
        <source>No layer selected: choose a layer in the Layers panel first.</source>
        <translation>No layer selected: choose a layer in the Layers panel first.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="144"/>
        <source>Layer: {0}</source>
        <translation>Layer: {0}</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="12"/>
        <source>GeoPublier</source>
        <translation>GeoPublier</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="18"/>
        <source>No layer selected</source>
        <translation>No layer selected</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="32"/>
        <source>1. Describe</source>
        <translation>1. Describe</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="38"/>
        <source>2. Prepare</source>
        <translation>2. Prepare</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="44"/>
        <source>3. Destinations</source>
        <translation>3. Destinations</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="50"/>
        <source>4. Publish</source>
        <translation>4. Publish</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="150"/>
        <source>Your last edits of {0} were restored.</source>
        <translation>Your last edits of {0} were restored.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="224"/>
        <source>Import an XML record</source>
        <translation>Import an XML record</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="272"/>
        <source>ISO 19139 XML (*.xml)</source>
        <translation>ISO 19139 XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="241"/>
        <source>{0} cannot be used: {1}</source>
        <translation>{0} cannot be used: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="249"/>
        <source>Record imported from {0}.</source>
        <translation>Record imported from {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="251"/>
        <source>{0} element(s) were missing or unreadable: see the checklist.</source>
        <translation>{0} element(s) were missing or unreadable: see the checklist.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="272"/>
        <source>Export the XML record</source>
        <translation>Export the XML record</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="285"/>
        <source>Record saved to {0}</source>
        <translation>Record saved to {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="414"/>
        <source>Choose a layer in the Layers panel.</source>
        <translation>Choose a layer in the Layers panel.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="320"/>
        <source>the record does not meet INSPIRE yet: {0} point(s) to fill in (step 1)</source>
        <translation>the record does not meet INSPIRE yet: {0} point(s) to fill in (step 1)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="330"/>
        <source>choose at least one destination (step 3)</source>
        <translation>choose at least one destination (step 3)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="340"/>
        <source>choose at least one export format (step 2)</source>
        <translation>choose at least one export format (step 2)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="343"/>
        <source>columns that look like personal data: {0} — remove or confirm them (step 2)</source>
        <translation>columns that look like personal data: {0} — remove or confirm them (step 2)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="358"/>
        <source>The record “{0}” goes to the catalogue “{1}”.</source>
        <translation>The record “{0}” goes to the catalogue “{1}”.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="363"/>
        <source>It is already there: it will be updated in place.</source>
        <translation>It is already there: it will be updated in place.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="379"/>
        <source>“{0}” harvests the catalogue: no dataset is created there.</source>
        <translation>“{0}” harvests the catalogue: no dataset is created there.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="382"/>
        <source>The dataset on “{0}” links to the geoportal's record and services.</source>
        <translation>The dataset on “{0}” links to the geoportal's record and services.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="386"/>
        <source>The dataset on “{0}” receives the files: {1}.</source>
        <translation>The dataset on “{0}” receives the files: {1}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="390"/>
        <source>It already exists: it will be updated in place.</source>
        <translation>It already exists: it will be updated in place.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="532"/>
        <source>Export of the harmonised package</source>
        <translation>Export of the harmonised package</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="656"/>
        <source>Catalogue record</source>
        <translation>Catalogue record</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="656"/>
        <source>Portal dataset</source>
        <translation>Portal dataset</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="773"/>
        <source>{0}: publication updated in place (mise à jour).</source>
        <translation>{0}: publication updated in place (mise à jour).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="773"/>
        <source>{0}: published.</source>
        <translation>{0}: published.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="788"/>
        <source>{0}: publication cancelled.</source>
        <translation>{0}: publication cancelled.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="790"/>
        <source>{0}: publication incomplete — see step 4.</source>
        <translation>{0}: publication incomplete — see step 4.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="121"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="535"/>
        <source>Record → {0}</source>
        <translation>Record → {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="539"/>
        <source>Dataset → {0}</source>
        <translation>Dataset → {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="453"/>
        <source>Withdraw from {0}</source>
        <translation>Withdraw from {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="479"/>
        <source>{0}: publication withdrawn.</source>
        <translation>{0}: publication withdrawn.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="479"/>
        <source>{0}: withdrawal incomplete.</source>
        <translation>{0}: withdrawal incomplete.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="332"/>
        <source>only a vector layer can be published on a map server for now (step 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="368"/>
        <source>The layer, with its QGIS style, is published on “{0}” as a map (WMS) and for download (WFS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="374"/>
        <source>It is already there: it will be replaced in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="537"/>
        <source>Map layer (WMS/WFS) → {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="725"/>
        <source>Map (WMS) — layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="727"/>
        <source>{0} (WMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="734"/>
        <source>Download (WFS) — layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="438"/>
        <source>Delete what was published of “{0}” (record, map layer, dataset) from: {1}? The layer and its metadata stay in QGIS; you can publish again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="680"/>
        <source>The catalogue&apos;s changes were overwritten: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="683"/>
        <source>Taken from the catalogue: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="687"/>
        <source>Changed on both sides, your value kept: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="697"/>
        <source>The record was changed in the catalogue since your last publication. Nothing was overwritten. What should be done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="703"/>
        <source>Merge: their changes plus yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="706"/>
        <source>Overwrite the catalogue&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="543"/>
        <source>Links to the data in the record → {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="785"/>
        <source>{0} Warning: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="569"/>
        <source>The layer's source changed since its last publication.
Published from: {0}
Now: {1}

Update the existing publication: the same record and dataset receive the data of the new source; file names, portal resources and the map layer keep their names (they follow the title « {2} »).
Publish as new data: the earlier publication is left as it is and the layer gets a new record; give it its own title first (step 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="580"/>
        <source>Update the existing publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="583"/>
        <source>Publish as new data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="591"/>
        <source>Nothing was published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="611"/>
        <source>New record for this layer: give it a title different from the earlier publication (« {0} »), then publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="313"/>
        <source>new data: give it a title different from the earlier publication&apos;s (step 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="395"/>
        <source>The layer&apos;s source changed since its publication (it was {0}): Publish first asks whether that publication is to be updated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrepareWidget</name>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="86"/>
        <source>Harmonised export</source>
        <translation>Harmonised export</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="93"/>
        <source>Export the data in this open format</source>
        <translation>Export the data in this open format</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="110"/>
        <source>Repair them (makeValid)</source>
        <translation>Repair them (makeValid)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="111"/>
        <source>Only report them</source>
        <translation>Only report them</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="112"/>
        <source>What to do with invalid geometries</source>
        <translation>What to do with invalid geometries</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="115"/>
        <source>Longitude / latitude columns</source>
        <translation>Longitude / latitude columns</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="116"/>
        <source>WKT geometry column</source>
        <translation>WKT geometry column</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="117"/>
        <source>How points are written in the CSV file</source>
        <translation>How points are written in the CSV file</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="121"/>
        <source>Uncheck the columns that must not be published</source>
        <translation>Uncheck the columns that must not be published</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="125"/>
        <source>Optional: a Table Schema file or URL</source>
        <translation>Optional: a Table Schema file or URL</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="126"/>
        <source>A Table Schema (schema.data.gouv.fr, e.g. Socle Commun des Données Locales) the attribute table must follow</source>
        <translation>A Table Schema (schema.data.gouv.fr, e.g. Socle Commun des Données Locales) the attribute table must follow</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="135"/>
        <source>Where the dated export package is written</source>
        <translation>Where the dated export package is written</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="138"/>
        <source>Also make one zip of the package</source>
        <translation>Also make one zip of the package</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="140"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="141"/>
        <source>Reference system</source>
        <translation>Reference system</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="142"/>
        <source>Invalid geometries</source>
        <translation>Invalid geometries</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="143"/>
        <source>Points in CSV</source>
        <translation>Points in CSV</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="144"/>
        <source>Columns to publish</source>
        <translation>Columns to publish</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="145"/>
        <source>Table Schema</source>
        <translation>Table Schema</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="146"/>
        <source>Package folder</source>
        <translation>Package folder</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="156"/>
        <source>Quality report</source>
        <translation>Quality report</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="159"/>
        <source>Check the data</source>
        <translation>Check the data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="161"/>
        <source>Look for invalid geometries, duplicates, empty columns and personal data</source>
        <translation>Look for invalid geometries, duplicates, empty columns and personal data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="165"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="191"/>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="196"/>
        <source>Do not publish these columns</source>
        <translation>Do not publish these columns</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="198"/>
        <source>I checked these columns: they hold no personal data and may be opened</source>
        <translation>I checked these columns: they hold no personal data and may be opened</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="217"/>
        <source>Press “Check the data” to see the quality report.</source>
        <translation>Press “Check the data” to see the quality report.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="288"/>
        <source>Checking the data…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="307"/>
        <source>Check cancelled.</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="336"/>
        <source>These columns look like personal data, which must not be opened: {0}. Do not publish them, or confirm they may be opened.</source>
        <translation>These columns look like personal data, which must not be opened: {0}. Do not publish them, or confirm they may be opened.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="180"/>
        <source>Re-read as ISO-8859-1 (Latin-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="182"/>
        <source>The file does not say how its text is encoded and reads correctly in ISO-8859-1: re-read the layer in that encoding, then check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="99"/>
        <source>Lambert-93 (EPSG:2154) for metropolitan France. Data outside the chosen system&apos;s area of use is written in the legal system of its overseas territory, in the layer&apos;s own projected system, or in WGS 84: the quality report says which and why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicationsDock</name>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="82"/>
        <source>Publications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="96"/>
        <source>Layer</source>
        <translation type="unfinished">Layer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="96"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="339"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="96"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="135"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="138"/>
        <source>Select changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="148"/>
        <source>Republish selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="150"/>
        <source>Republish the selected layers to their destinations, in one background task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="154"/>
        <source>Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="156"/>
        <source>Publish again only where it failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="167"/>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="225"/>
        <source>{0} layer(s): {1} up to date, {2} changed, {3} failed, {4} not published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="250"/>
        <source>data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="251"/>
        <source>metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="252"/>
        <source>style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="259"/>
        <source>Never published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="260"/>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="261"/>
        <source>Changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="262"/>
        <source>Last publication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="263"/>
        <source>Publication withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="264"/>
        <source>Published (changes unknown: published before this version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="272"/>
        <source>changed since: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="317"/>
        <source>Changed since its last publication: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="302"/>
        <source>The layer changed since this publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="303"/>
        <source>Double-click to open {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="510"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="432"/>
        <source>Republishing {0} layer(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="482"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="481"/>
        <source>Export of the harmonised package</source>
        <translation type="unfinished">Export of the harmonised package</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="506"/>
        <source>In progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="507"/>
        <source>Republished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="508"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="509"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="511"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="586"/>
        <source>Republication: {0} republished, {1} skipped, {2} failed, {3} cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="225"/>
        <source>{0} with a moved source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="265"/>
        <source>Source moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="321"/>
        <source>The layer&apos;s source moved or was renamed since its last publication.
Published from: {0}
Now: {1}
Republishing asks first whether the existing publication is to be updated with the new source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="446"/>
        <source>The source of {0} layer(s) moved or was renamed since their last publication:
{1}

Updating sends the data of the new source to the same records and datasets (file names, portal resources and map layer keep their names, which follow each record&apos;s title). Skipped layers are left as published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="454"/>
        <source>Update their existing publications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="457"/>
        <source>Skip these layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="225"/>
        <source>{0} not verifiable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="266"/>
        <source>Not verifiable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="327"/>
        <source>Its metadata and style have not changed since its last publication, but whether its data changed cannot be told without downloading it: web services (WMS, WFS, ArcGIS) give no reliable date of their data&apos;s last change, and a PostGIS view may read tables without statistics. Republishing it sends its data again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="140"/>
        <source>Select the layers changed since their publication, whose source moved, or whose publication failed (or whose portal lacks files, after « Check the portals »)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="158"/>
        <source>Check the portals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="160"/>
        <source>Read each portal dataset and show the files deleted or replaced there since the last publication (republishing the layer sends them again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="287"/>
        <source>Files missing on the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="530"/>
        <source>No portal dataset to check (none published from this project yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="549"/>
        <source>{0} portal dataset(s) checked: {1} with files deleted or replaced, {2} gone, {3} unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="563"/>
        <source>Missing or replaced on the portal: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="565"/>
        <source>Republish the layer: these files are sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="570"/>
        <source>Dataset no longer on the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="573"/>
        <source>Portal not readable ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishWidget</name>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="74"/>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="188"/>
        <source>Publish the record and the data to every destination</source>
        <translation>Publish the record and the data to every destination</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="82"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="85"/>
        <source>Stop after the current step</source>
        <translation>Stop after the current step</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="87"/>
        <source>Retry failed steps</source>
        <translation>Retry failed steps</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="90"/>
        <source>Publish again only where it failed (what succeeded is kept)</source>
        <translation>Publish again only where it failed (what succeeded is kept)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="116"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="116"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="116"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="136"/>
        <source>Open the publication report</source>
        <translation>Open the publication report</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="179"/>
        <source>Publishing is not possible yet:</source>
        <translation>Publishing is not possible yet:</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="188"/>
        <source>Publishing is not possible yet: see the reasons above the button</source>
        <translation>Publishing is not possible yet: see the reasons above the button</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="212"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="230"/>
        <source>in progress…</source>
        <translation>in progress…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="151"/>
        <source>Withdraw the publication…</source>
        <translation>Withdraw the publication…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="141"/>
        <source>Add to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="143"/>
        <source>Add the published layer to the QGIS map, as served by the map server (WMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="154"/>
        <source>Delete this layer&apos;s record, map layer and dataset from the destinations they are on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="94"/>
        <source>Publish afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="97"/>
        <source>The dataset published earlier was deleted on the portal: create a new one there and remember it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="52"/>
        <source>Organisation profile (applied to new records)</source>
        <translation>Organisation profile (applied to new records)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="55"/>
        <source>The full name of your organisation</source>
        <translation>The full name of your organisation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="58"/>
        <source>A functional e-mail address (not a person&apos;s)</source>
        <translation>A functional e-mail address (not a person's)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="65"/>
        <source>Keywords added to every new record, separated by commas</source>
        <translation>Keywords added to every new record, separated by commas</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="68"/>
        <source>The start of your unique resource identifiers (a URI of your organisation)</source>
        <translation>The start of your unique resource identifiers (a URI of your organisation)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="72"/>
        <source>Who keeps the records up to date, if not the address above (optional)</source>
        <translation>Who keeps the records up to date, if not the address above (optional)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Default licence</source>
        <translation>Default licence</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Identifier namespace</source>
        <translation>Identifier namespace</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Metadata contact e-mail</source>
        <translation>Metadata contact e-mail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="91"/>
        <source>Export, network and validation</source>
        <translation>Export, network and validation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="94"/>
        <source>The CRS of exported files (Lambert-93 for metropolitan France)</source>
        <translation>The CRS of exported files (Lambert-93 for metropolitan France)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="100"/>
        <source>Large files are sent to portals in parts of this size</source>
        <translation>Large files are sent to portals in parts of this size</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="104"/>
        <source>How long to wait for a server&apos;s answer</source>
        <translation>How long to wait for a server's answer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="107"/>
        <source>A folder holding the ISO 19139 schemas (gmx/gmx.xsd), to check records</source>
        <translation>A folder holding the ISO 19139 schemas (gmx/gmx.xsd), to check records</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="111"/>
        <source>Download the official schemas (once)</source>
        <translation>Download the official schemas (once)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="112"/>
        <source>From schemas.opengis.net into your QGIS profile (about 2 MB)</source>
        <translation>From schemas.opengis.net into your QGIS profile (about 2 MB)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="120"/>
        <source>Default CRS</source>
        <translation>Default CRS</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="121"/>
        <source>Upload part size</source>
        <translation>Upload part size</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="122"/>
        <source>Network timeout</source>
        <translation>Network timeout</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="123"/>
        <source>ISO 19139 schemas</source>
        <translation>ISO 19139 schemas</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="192"/>
        <source>Downloaded copy: {0}</source>
        <translation>Downloaded copy: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="182"/>
        <source>Downloading…</source>
        <translation>Downloading…</translation>
    </message>
</context>
</TS>
