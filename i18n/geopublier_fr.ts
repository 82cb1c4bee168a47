<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="31"/>
        <source>No layer given: choose the layer to describe.</source>
        <translation>Aucune couche fournie : choisissez la couche à décrire.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="39"/>
        <source>Cannot read the metadata file {0}: {1}</source>
        <translation>Impossible de lire le fichier de métadonnées {0} : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="43"/>
        <source>The metadata file {0} cannot be used: {1}</source>
        <translation>Le fichier de métadonnées {0} est inutilisable : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="49"/>
        <source>Metadata merged from {0}</source>
        <translation>Métadonnées fusionnées depuis {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="27"/>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="70"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="84"/>
        <source>ISO 19139 metadata to merge (optional)</source>
        <translation>Métadonnées ISO 19139 à fusionner (facultatif)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="46"/>
        <source>Meets every INSPIRE requirement</source>
        <translation>Respecte toutes les exigences INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="47"/>
        <source>Number of unmet requirements</source>
        <translation>Nombre d'exigences non respectées</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="71"/>
        <source>Validate INSPIRE metadata</source>
        <translation>Valider les métadonnées INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="74"/>
        <source>Checks the layer's metadata against every INSPIRE requirement and writes a JSON report (code, field, level and French message of each problem).</source>
        <translation>Vérifie les métadonnées de la couche par rapport à toutes les exigences INSPIRE et écrit un rapport JSON (code, champ, niveau et message en français de chaque problème).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="81"/>
        <source>Validation report</source>
        <translation>Rapport de validation</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="110"/>
        <source>Export INSPIRE metadata (ISO 19139)</source>
        <translation>Exporter les métadonnées INSPIRE (ISO 19139)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="113"/>
        <source>Writes the layer's metadata as an ISO 19139 XML record. The file is written even when INSPIRE requirements are unmet; they are listed in the log.</source>
        <translation>Écrit les métadonnées de la couche dans une fiche XML ISO 19139. Le fichier est écrit même si des exigences INSPIRE ne sont pas respectées ; elles sont listées dans le journal.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="120"/>
        <source>ISO 19139 file</source>
        <translation>Fichier ISO 19139</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="135"/>
        <source>XML schema: {0}</source>
        <translation>Schéma XML : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="51"/>
        <source>Publish layer</source>
        <translation>Publier la couche</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="54"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="60"/>
        <source>Publishes the layer's INSPIRE metadata to the chosen catalogue connection. Publishing the same layer again updates the same record. A JSON report says what was published where.</source>
        <translation>Publie les métadonnées INSPIRE de la couche dans le catalogue choisi. Republier la même couche met à jour la même fiche. Un rapport JSON indique ce qui a été publié et où.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="71"/>
        <source>Catalogue connection (name)</source>
        <translation>Connexion au catalogue (nom)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="76"/>
        <source>Connections file (JSON, optional)</source>
        <translation>Fichier de connexions (JSON, facultatif)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="92"/>
        <source>Organisation profile (JSON, optional)</source>
        <translation>Profil de l'organisme (JSON, facultatif)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="130"/>
        <source>Publication report</source>
        <translation>Rapport de publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="135"/>
        <source>Catalogue record URL</source>
        <translation>Adresse de la fiche dans le catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="138"/>
        <source>Catalogue record id</source>
        <translation>Identifiant de la fiche dans le catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="156"/>
        <source>The metadata of {0} does not meet INSPIRE yet; nothing was published:
{1}</source>
        <translation>Les métadonnées de {0} ne respectent pas encore INSPIRE ; rien n'a été publié :
{1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="234"/>
        <source>{0}: {1} ({2}) — {3}</source>
        <translation>{0} : {1} ({2}) — {3}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="240"/>
        <source>{0}: failed — {1}</source>
        <translation>{0} : échec — {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="252"/>
        <source>Publication incomplete: see the report {0}</source>
        <translation>Publication incomplète : voir le rapport {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="38"/>
        <source>Export harmonised package</source>
        <translation>Exporter un paquet harmonisé</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="41"/>
        <source>Open data</source>
        <translation>Données ouvertes</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="50"/>
        <source>Exports the layer into a dated folder (and optionally a zip): GeoPackage, GeoJSON (WGS 84), CSV UTF-8, zipped Shapefile, with the ISO 19139 record, a DCAT-AP description and a README listing field names. A quality report (HTML and JSON) lists invalid geometries, duplicates, empty columns and columns that look like personal data, and checks an optional Table Schema.</source>
        <translation>Exporte la couche dans un dossier daté (et, au choix, un zip) : GeoPackage, GeoJSON (WGS 84), CSV UTF-8, Shapefile zippé, avec la fiche ISO 19139, une description DCAT-AP et un LISEZMOI qui liste les noms des champs. Un rapport qualité (HTML et JSON) signale les géométries invalides, les doublons, les colonnes vides et les colonnes qui ressemblent à des données personnelles, et vérifie un schéma de table (Table Schema) facultatif.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="64"/>
        <source>Formats (vector layers)</source>
        <translation>Formats (couches vecteur)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="73"/>
        <source>Target CRS (default Lambert-93; an overseas layer keeps its own)</source>
        <translation>Système de coordonnées cible (Lambert-93 par défaut ; une couche d'outre-mer garde le sien)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="80"/>
        <source>Fields to export (all when none chosen)</source>
        <translation>Champs à exporter (tous si aucun n'est choisi)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="89"/>
        <source>Invalid geometries</source>
        <translation>Géométries invalides</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="89"/>
        <source>Repair them (makeValid)</source>
        <translation>Les réparer (makeValid)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="89"/>
        <source>Report them only</source>
        <translation>Seulement les signaler</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="97"/>
        <source>Table Schema (JSON file or URL, optional)</source>
        <translation>Schéma de table (fichier JSON ou adresse, facultatif)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="105"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="108"/>
        <source>Also make a zip</source>
        <translation>Créer aussi un zip</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="111"/>
        <source>Package folder</source>
        <translation>Dossier du paquet</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="112"/>
        <source>Package zip</source>
        <translation>Zip du paquet</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="113"/>
        <source>Quality report (HTML)</source>
        <translation>Rapport qualité (HTML)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="114"/>
        <source>Quality report (JSON)</source>
        <translation>Rapport qualité (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="115"/>
        <source>Blocking quality issues</source>
        <translation>Problèmes de qualité bloquants</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="116"/>
        <source>Columns that look like personal data</source>
        <translation>Colonnes qui ressemblent à des données personnelles</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="152"/>
        <source>Package written to {0}</source>
        <translation>Paquet écrit dans {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="100"/>
        <source>Open data portal connection (name)</source>
        <translation>Connexion au portail open data (nom)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="105"/>
        <source>Upload the files</source>
        <translation>Déposer les fichiers</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="105"/>
        <source>Reference the geoportal services</source>
        <translation>Référencer les services du géoportail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="106"/>
        <source>Portal mode</source>
        <translation>Mode de publication sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="109"/>
        <source>Formats to upload</source>
        <translation>Formats à déposer</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="118"/>
        <source>I checked the columns flagged as personal data: they may be opened</source>
        <translation>J'ai vérifié les colonnes signalées comme données personnelles : elles peuvent être ouvertes</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="125"/>
        <source>Export package folder</source>
        <translation>Dossier du paquet d'export</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="139"/>
        <source>Portal dataset URL</source>
        <translation>Adresse du jeu de données sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="140"/>
        <source>Portal dataset id</source>
        <translation>Identifiant du jeu de données sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="193"/>
        <source>Choose at least one destination (CATALOGUE or PORTAL).</source>
        <translation>Choisissez au moins une destination (CATALOGUE ou PORTAL).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="210"/>
        <source>Export package: {0}</source>
        <translation>Paquet d'export : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="214"/>
        <source>Columns that look like personal data: {0}. Remove them, or confirm they may be opened (CONFIRM_PERSONAL_DATA). Quality report: {1}</source>
        <translation>Colonnes qui ressemblent à des données personnelles : {0}. Retirez-les, ou confirmez qu'elles peuvent être ouvertes (CONFIRM_PERSONAL_DATA). Rapport qualité : {1}</translation>
    </message>
</context>
<context>
    <name>GeoPublierPlugin</name>
    <message>
        <location filename="../plugin/plugin_main.py" line="68"/>
        <source>Publish with GeoPublier…</source>
        <translation>Publier avec GeoPublier…</translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="72"/>
        <source>Describe the current layer with INSPIRE metadata, export it and publish it</source>
        <translation>Décrire la couche courante avec des métadonnées INSPIRE, l'exporter et la publier</translation>
    </message>
</context>
<context>
    <name>GeoPublierProvider</name>
    <message>
        <location filename="../plugin/qgis/processing_provider.py" line="25"/>
        <source>GeoPublier — INSPIRE metadata and open data publication</source>
        <translation>GeoPublier — métadonnées INSPIRE et publication en open data</translation>
    </message>
</context>
<context>
    <name>MainDialog</name>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="30"/>
        <source>No layer selected: choose a layer in the Layers panel first.</source>
        <translation>Aucune couche sélectionnée : choisissez d'abord une couche dans le panneau Couches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="34"/>
        <source>Layer: {0}</source>
        <translation>Couche : {0}</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="12"/>
        <source>GeoPublier</source>
        <translation>GeoPublier</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="18"/>
        <source>No layer selected</source>
        <translation>Aucune couche sélectionnée</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="32"/>
        <source>1. Describe</source>
        <translation>1. Décrire</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="38"/>
        <source>2. Prepare</source>
        <translation>2. Préparer</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="44"/>
        <source>3. Destinations</source>
        <translation>3. Destinations</translation>
    </message>
    <message>
        <location filename="../forms/main_dialog.ui" line="50"/>
        <source>4. Publish</source>
        <translation>4. Publier</translation>
    </message>
</context>
</TS>