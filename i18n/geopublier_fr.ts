<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="66"/>
        <source>No layer given: choose the layer to describe.</source>
        <translation>Aucune couche fournie : choisissez la couche à décrire.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="76"/>
        <source>Cannot read the metadata file {0}: {1}</source>
        <translation>Impossible de lire le fichier de métadonnées {0} : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="80"/>
        <source>The metadata file {0} cannot be used: {1}</source>
        <translation>Le fichier de métadonnées {0} est inutilisable : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="86"/>
        <source>Metadata merged from {0}</source>
        <translation>Métadonnées fusionnées depuis {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="26"/>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="98"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="45"/>
        <source>Meets every INSPIRE requirement</source>
        <translation>Respecte toutes les exigences INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="46"/>
        <source>Number of unmet requirements</source>
        <translation>Nombre d'exigences non respectées</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="84"/>
        <source>Validate INSPIRE metadata</source>
        <translation>Valider les métadonnées INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="87"/>
        <source>Checks the layer&apos;s metadata against every INSPIRE requirement and writes a JSON report (code, field, level and French message of each problem).</source>
        <translation>Vérifie les métadonnées de la couche par rapport à toutes les exigences INSPIRE et écrit un rapport JSON (code, champ, niveau et message en français de chaque problème).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="94"/>
        <source>Validation report</source>
        <translation>Rapport de validation</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="126"/>
        <source>Export INSPIRE metadata (ISO 19139)</source>
        <translation>Exporter les métadonnées INSPIRE (ISO 19139)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="129"/>
        <source>Writes the layer&apos;s metadata as an ISO 19139 XML record. The file is written even when INSPIRE requirements are unmet; they are listed in the log.</source>
        <translation>Écrit les métadonnées de la couche dans une fiche XML ISO 19139. Le fichier est écrit même si des exigences INSPIRE ne sont pas respectées ; elles sont listées dans le journal.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="136"/>
        <source>ISO 19139 file</source>
        <translation>Fichier ISO 19139</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/metadata_algorithms.py" line="62"/>
        <source>XML schema: {0}</source>
        <translation>Schéma XML : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="76"/>
        <source>Publish layer</source>
        <translation>Publier la couche</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="71"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="99"/>
        <source>Catalogue connection (name)</source>
        <translation>Connexion au catalogue (nom)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="191"/>
        <source>Publication report</source>
        <translation>Rapport de publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="200"/>
        <source>Catalogue record URL</source>
        <translation>Adresse de la fiche dans le catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="203"/>
        <source>Catalogue record id</source>
        <translation>Identifiant de la fiche dans le catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="231"/>
        <source>The metadata of {0} does not meet INSPIRE yet; nothing was published:
{1}</source>
        <translation>Les métadonnées de {0} ne respectent pas encore INSPIRE ; rien n'a été publié :
{1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="419"/>
        <source>{0}: {1} ({2}) — {3}</source>
        <translation>{0} : {1} ({2}) — {3}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="427"/>
        <source>{0}: failed — {1}</source>
        <translation>{0} : échec — {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="447"/>
        <source>Publication incomplete: see the report {0}</source>
        <translation>Publication incomplète : voir le rapport {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="40"/>
        <source>Export harmonised package</source>
        <translation>Exporter un paquet harmonisé</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="43"/>
        <source>Open data</source>
        <translation>Données ouvertes</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="52"/>
        <source>Exports the layer into a dated folder (and optionally a zip): GeoPackage, GeoJSON (WGS 84), CSV UTF-8, zipped Shapefile, with the ISO 19139 record, a DCAT-AP description and a README listing field names. A quality report (HTML and JSON) lists invalid geometries, duplicates, empty columns and columns that look like personal data, and checks an optional Table Schema.</source>
        <translation>Exporte la couche dans un dossier daté (et, au choix, un zip) : GeoPackage, GeoJSON (WGS 84), CSV UTF-8, Shapefile zippé, avec la fiche ISO 19139, une description DCAT-AP et un LISEZMOI qui liste les noms des champs. Un rapport qualité (HTML et JSON) signale les géométries invalides, les doublons, les colonnes vides et les colonnes qui ressemblent à des données personnelles, et vérifie un schéma de table (Table Schema) facultatif.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="66"/>
        <source>Formats (vector layers)</source>
        <translation>Formats (couches vecteur)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="85"/>
        <source>Fields to export (all when none chosen)</source>
        <translation>Champs à exporter (tous si aucun n'est choisi)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="94"/>
        <source>Invalid geometries</source>
        <translation>Géométries invalides</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="94"/>
        <source>Repair them (makeValid)</source>
        <translation>Les réparer (makeValid)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="94"/>
        <source>Report them only</source>
        <translation>Seulement les signaler</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="110"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="113"/>
        <source>Also make a zip</source>
        <translation>Créer aussi un zip</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="116"/>
        <source>Package folder</source>
        <translation>Dossier du paquet</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="117"/>
        <source>Package zip</source>
        <translation>Zip du paquet</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="118"/>
        <source>Quality report (HTML)</source>
        <translation>Rapport qualité (HTML)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="119"/>
        <source>Quality report (JSON)</source>
        <translation>Rapport qualité (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="120"/>
        <source>Blocking quality issues</source>
        <translation>Problèmes de qualité bloquants</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="121"/>
        <source>Columns that look like personal data</source>
        <translation>Colonnes qui ressemblent à des données personnelles</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="157"/>
        <source>Package written to {0}</source>
        <translation>Paquet écrit dans {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="128"/>
        <source>Open data portal connection (name)</source>
        <translation>Connexion au portail open data (nom)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="149"/>
        <source>Upload the files</source>
        <translation>Déposer les fichiers</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="149"/>
        <source>Reference the geoportal services</source>
        <translation>Référencer les services du géoportail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="150"/>
        <source>Portal mode</source>
        <translation>Mode de publication sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="153"/>
        <source>Formats to upload</source>
        <translation>Formats à déposer</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="162"/>
        <source>I checked the columns flagged as personal data: they may be opened</source>
        <translation>J'ai vérifié les colonnes signalées comme données personnelles : elles peuvent être ouvertes</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="130"/>
        <source>Export package folder</source>
        <translation>Dossier du paquet d'export</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="204"/>
        <source>Portal dataset URL</source>
        <translation>Adresse du jeu de données sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="205"/>
        <source>Portal dataset id</source>
        <translation>Identifiant du jeu de données sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="400"/>
        <source>Export package: {0}</source>
        <translation>Paquet d'export : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="392"/>
        <source>Columns that look like personal data: {0}. Remove them, or confirm they may be opened (CONFIRM_PERSONAL_DATA). Quality report: {1}</source>
        <translation>Colonnes qui ressemblent à des données personnelles : {0}. Retirez-les, ou confirmez qu'elles peuvent être ouvertes (CONFIRM_PERSONAL_DATA). Rapport qualité : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="44"/>
        <source>Catalogue — CSW-T (pycsw, GeoNetwork, any CSW-T)</source>
        <translation>Catalogue — CSW-T (pycsw, GeoNetwork, tout CSW-T)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="45"/>
        <source>Catalogue — GeoNetwork 4 (API)</source>
        <translation>Catalogue — GeoNetwork 4 (API)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="48"/>
        <source>Open data portal — udata (data.gouv.fr)</source>
        <translation>Portail open data — udata (data.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="49"/>
        <source>Open data portal — CKAN</source>
        <translation>Portail open data — CKAN</translation>
    </message>
    <message>
        <location filename="../plugin/gui/errors.py" line="33"/>
        <source>Columns that look like personal data: {0}. Remove them in step 2, or confirm that they may be opened.</source>
        <translation>Colonnes qui ressemblent à des données personnelles : {0}. Retirez-les à l'étape 2, ou confirmez qu'elles peuvent être ouvertes.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/errors.py" line="45"/>
        <source>Unexpected error ({0}). The GeoPublier log in QGIS has the details.</source>
        <translation>Erreur inattendue ({0}). Le journal GeoPublier de QGIS en donne le détail.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="71"/>
        <source>What the data is</source>
        <translation>Ce qu'est la donnée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="72"/>
        <source>Themes and keywords</source>
        <translation>Thèmes et mots-clés</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="73"/>
        <source>Who is responsible</source>
        <translation>Qui en est responsable</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="74"/>
        <source>Licence and access</source>
        <translation>Licence et accès</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="75"/>
        <source>Quality and history</source>
        <translation>Qualité et historique</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="76"/>
        <source>Dates and updates</source>
        <translation>Dates et mises à jour</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="77"/>
        <source>Technical description</source>
        <translation>Description technique</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="84"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="84"/>
        <source>A precise title: the subject and the area, e.g. “Bike paths of Saint-Exemple”.</source>
        <translation>Un titre précis : le sujet et le territoire, ex. « Pistes cyclables de Saint-Exemple ».</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="84"/>
        <source>Subject + area</source>
        <translation>Sujet + territoire</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="91"/>
        <source>Abstract</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="91"/>
        <source>What the data contains, where, when, how it was made and what it is for.</source>
        <translation>Ce que contient la donnée, où, quand, comment elle a été produite et à quoi elle sert.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="91"/>
        <source>Describe the content of the data</source>
        <translation>Décrivez le contenu de la donnée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="98"/>
        <source>INSPIRE themes</source>
        <translation>Thèmes INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="98"/>
        <source>The INSPIRE theme(s) of the data (GEMET thesaurus): at least one is required.</source>
        <translation>Le ou les thèmes INSPIRE de la donnée (thésaurus GEMET) : au moins un est obligatoire.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="98"/>
        <source>Search a theme…</source>
        <translation>Chercher un thème…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="108"/>
        <source>Topic categories</source>
        <translation>Catégories thématiques</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="108"/>
        <source>The ISO 19115 topic category(ies) of the data: at least one is required.</source>
        <translation>La ou les catégories thématiques ISO 19115 de la donnée : au moins une est obligatoire.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="108"/>
        <source>Search a category…</source>
        <translation>Chercher une catégorie…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="117"/>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="117"/>
        <source>Free keywords separated by commas, e.g. “données ouvertes, vélo”.</source>
        <translation>Mots-clés libres séparés par des virgules, ex. « données ouvertes, vélo ».</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="117"/>
        <source>keyword 1, keyword 2</source>
        <translation>mot-clé 1, mot-clé 2</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="125"/>
        <source>Responsible organisation</source>
        <translation>Organisme responsable</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="125"/>
        <source>The organisation responsible for the data, a functional e-mail and its role.</source>
        <translation>L'organisme responsable de la donnée, une adresse e-mail fonctionnelle et son rôle.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="125"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>Metadata contact</source>
        <translation>Contact de la fiche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="132"/>
        <source>Who keeps this record up to date (point of contact).</source>
        <translation>Qui tient cette fiche à jour (point de contact).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="141"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="141"/>
        <source>The licence that applies to reuse. Licence Ouverte 2.0 or ODbL for open data.</source>
        <translation>La licence de réutilisation. Licence Ouverte 2.0 ou ODbL pour des données ouvertes.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="141"/>
        <source>(choose a licence)</source>
        <translation>(choisissez une licence)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="154"/>
        <source>Other conditions of use</source>
        <translation>Autres conditions d'utilisation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="154"/>
        <source>Optional: attribution to give, other conditions (leave empty if none).</source>
        <translation>Facultatif : mention à faire figurer, autres conditions (laissez vide s'il n'y en a pas).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="154"/>
        <source>e.g. Source: Commune de …, 2024</source>
        <translation>ex. Source : Commune de …, 2024</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="162"/>
        <source>Limitations on public access</source>
        <translation>Restrictions d'accès public</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="162"/>
        <source>Whether public access is restricted, and on which INSPIRE ground (article 13).</source>
        <translation>Si l'accès public est restreint, et pour quel motif INSPIRE (article 13).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="171"/>
        <source>Lineage</source>
        <translation>Généalogie</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="171"/>
        <source>How the data was made: sources, method, scale of capture, checks.</source>
        <translation>Comment la donnée a été produite : sources, méthode, échelle de saisie, contrôles.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="171"/>
        <source>e.g. Digitised at 1:2000 on the 2023 ortho</source>
        <translation>ex. Numérisation au 1:2000 sur l'orthophoto 2023</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Conformity to INSPIRE rules</source>
        <translation>Conformité aux règles INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Conformity to Regulation (EU) No 1089/2010 (interoperability of data sets).</source>
        <translation>Conformité au règlement (UE) n° 1089/2010 (interopérabilité des séries de données).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Not evaluated</source>
        <translation>Non évaluée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Conformant</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="178"/>
        <source>Not conformant</source>
        <translation>Non conforme</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>Spatial resolution</source>
        <translation>Résolution spatiale</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>The scale of capture (1:N) or the ground resolution in metres.</source>
        <translation>L'échelle de saisie (1:N) ou la résolution au sol en mètres.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="235"/>
        <source>(not given)</source>
        <translation>(non renseignée)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="187"/>
        <source>Ground distance</source>
        <translation>Distance au sol</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="204"/>
        <source>Creation date</source>
        <translation>Date de création</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="204"/>
        <source>When the data was created. At least one date (creation, publication, revision).</source>
        <translation>Quand la donnée a été créée. Au moins une date (création, publication, révision).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="211"/>
        <source>Publication date</source>
        <translation>Date de publication</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="211"/>
        <source>When the data was first published (optional).</source>
        <translation>Quand la donnée a été publiée pour la première fois (facultatif).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="219"/>
        <source>Revision date</source>
        <translation>Date de révision</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="219"/>
        <source>When the data was last revised; set automatically when the data changes.</source>
        <translation>Dernière révision de la donnée ; mise à jour automatiquement quand la donnée change.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="227"/>
        <source>Period covered</source>
        <translation>Période couverte</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="227"/>
        <source>Optional: the period the data describes (start → end).</source>
        <translation>Facultatif : la période que décrit la donnée (début → fin).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="235"/>
        <source>Update frequency</source>
        <translation>Fréquence de mise à jour</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="235"/>
        <source>How often the data is updated (the portal shows it).</source>
        <translation>À quel rythme la donnée est mise à jour (le portail l'affiche).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Unique identifier</source>
        <translation>Identifiant unique</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Namespace of your organisation + code. Keep it: republishing relies on it.</source>
        <translation>Espace de noms de votre organisme + code. Gardez-le : la republication s'appuie dessus.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="245"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>Bounding box (WGS84)</source>
        <translation>Emprise (WGS84)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>The geographic extent in decimal degrees, read from the layer.</source>
        <translation>L'emprise géographique en degrés décimaux, lue dans la couche.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>West</source>
        <translation>Ouest</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>East</source>
        <translation>Est</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>South</source>
        <translation>Sud</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="253"/>
        <source>North</source>
        <translation>Nord</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="262"/>
        <source>Reference system</source>
        <translation>Système de coordonnées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="262"/>
        <source>The coordinate reference system of the data (EPSG code).</source>
        <translation>Le système de coordonnées de la donnée (code EPSG).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="269"/>
        <source>Distribution format</source>
        <translation>Format de diffusion</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="269"/>
        <source>The format the data is distributed in, e.g. GeoPackage.</source>
        <translation>Le format dans lequel la donnée est diffusée, ex. GeoPackage.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="277"/>
        <source>Representation</source>
        <translation>Représentation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="277"/>
        <source>Vector or raster (grid) data.</source>
        <translation>Donnée vecteur ou raster (grille).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="277"/>
        <source>(choose)</source>
        <translation>(choisir)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="286"/>
        <source>Online address</source>
        <translation>Adresse en ligne</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="286"/>
        <source>Optional: a page or service where the data can be found (https://…).</source>
        <translation>Facultatif : une page ou un service où trouver la donnée (https://…).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="294"/>
        <source>Language of the data</source>
        <translation>Langue de la donnée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="294"/>
        <source>The language of the data's texts (French: “fre”).</source>
        <translation>La langue des textes de la donnée (français : « fre »).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="304"/>
        <source>Publication report: {0}</source>
        <translation>Rapport de publication : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="196"/>
        <source>Topological consistency</source>
        <translation>Cohérence topologique</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="196"/>
        <source>For a network (roads, rivers, pipes): how connections and gaps were checked.</source>
        <translation>Pour un réseau (routes, cours d'eau, canalisations) : comment les connexions et les coupures ont été contrôlées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/record_fields.py" line="196"/>
        <source>e.g. Segments connected at their ends</source>
        <translation>ex. Tronçons connectés à leurs extrémités</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="46"/>
        <source>Map server — QGIS Server (WMS/WFS, Lizmap)</source>
        <translation>Serveur cartographique — QGIS Server (WMS/WFS, Lizmap)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="47"/>
        <source>Map server — GeoServer (REST)</source>
        <translation>Serveur cartographique — GeoServer (REST)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="133"/>
        <source>Map server connection (QGIS Server, GeoServer)</source>
        <translation>Connexion au serveur cartographique (QGIS Server, GeoServer)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="207"/>
        <source>WMS GetCapabilities URL</source>
        <translation>Adresse GetCapabilities du WMS</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="208"/>
        <source>WFS GetCapabilities URL</source>
        <translation>Adresse GetCapabilities du WFS</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="209"/>
        <source>Published layer name</source>
        <translation>Nom de la couche publiée</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="350"/>
        <source>Choose at least one destination (CATALOGUE, MAP_SERVER or PORTAL).</source>
        <translation>Choisissez au moins une destination (CATALOGUE, MAP_SERVER ou PORTAL).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="169"/>
        <source>Encoding of the source&apos;s text when the file does not say (e.g. ISO-8859-1)</source>
        <translation>Encodage des textes de la source quand le fichier ne le dit pas (par ex. ISO-8859-1)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="68"/>
        <source>Republish project layers</source>
        <translation>Republier les couches d'un projet</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="95"/>
        <source>Project file (empty: the current project)</source>
        <translation>Fichier de projet (vide : le projet en cours)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="103"/>
        <source>Layers changed since their publication</source>
        <translation>Les couches modifiées depuis leur publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="103"/>
        <source>Every layer</source>
        <translation>Toutes les couches</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="103"/>
        <source>A list</source>
        <translation>Une liste</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="104"/>
        <source>Layers to republish</source>
        <translation>Couches à republier</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="109"/>
        <source>Layer names or ids (comma separated, for a list)</source>
        <translation>Noms ou identifiants des couches (séparés par des virgules, pour une liste)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="123"/>
        <source>Save the project file afterwards (publication kept with the layers)</source>
        <translation>Enregistrer ensuite le fichier de projet (la publication est gardée avec les couches)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="135"/>
        <source>Republication report</source>
        <translation>Rapport de republication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="140"/>
        <source>Layers republished</source>
        <translation>Couches republiées</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="140"/>
        <source>Layers skipped</source>
        <translation>Couches ignorées</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="140"/>
        <source>Layers failed</source>
        <translation>Couches en échec</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="157"/>
        <source>None of the layers listed in LAYERS is in the project.</source>
        <translation>Aucune des couches listées dans LAYERS n'est dans le projet.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="203"/>
        <source>{0} layer(s) could not be republished: see the report {1}</source>
        <translation>{0} couche(s) n'ont pas pu être republiées : voir le rapport {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="221"/>
        <source>Cannot open the project {0}: {1}</source>
        <translation>Impossible d'ouvrir le projet {0} : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="242"/>
        <source>{0}: republishing…</source>
        <translation>{0} : republication…</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="75"/>
        <source>Target CRS (default Lambert-93; data outside its area of use: the overseas legal CRS, the layer&apos;s own, or WGS 84)</source>
        <translation>Système de coordonnées cible (Lambert-93 par défaut ; données hors de sa zone de validité : le système légal de l'outre-mer, celui de la couche, ou WGS 84)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="258"/>
        <source>Data unchanged since the last publication: the portal keeps its files, only the dataset and the record are updated.</source>
        <translation>Données inchangées depuis la dernière publication : le portail garde ses fichiers, seuls le jeu de données et la fiche sont mis à jour.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/export_algorithm.py" line="102"/>
        <source>Table Schema (JSON file or URL)</source>
        <translation>Schéma de table (fichier JSON ou adresse)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="112"/>
        <source>ISO 19139 metadata to merge</source>
        <translation>Métadonnées ISO 19139 à fusionner</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="115"/>
        <source>Connections file (JSON)</source>
        <translation>Fichier de connexions (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="120"/>
        <source>Organisation profile (JSON)</source>
        <translation>Profil de l'organisme (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="138"/>
        <source>If the catalogue&apos;s record was changed since the last publication: empty = stop, merge = take its changes in, overwrite = replace it</source>
        <translation>Si la fiche a été modifiée dans le catalogue depuis la dernière publication : vide = arrêter, merge = fusionner ses modifications, overwrite = l'écraser</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="356"/>
        <source>ON_REMOTE_CHANGE is “{0}”: leave it empty, or write merge or overwrite.</source>
        <translation>ON_REMOTE_CHANGE vaut « {0} » : laissez-le vide, ou écrivez merge ou overwrite.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="242"/>
        <source>Earlier publications found in the project: {0}</source>
        <translation>Publications antérieures retrouvées dans le projet : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="44"/>
        <source>If the layer&apos;s source moved or was renamed since its publication</source>
        <translation>Si la source de la couche a été déplacée ou renommée depuis sa publication</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="44"/>
        <source>Publish nothing (the report says why)</source>
        <translation>Ne rien publier (le rapport dit pourquoi)</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/common.py" line="44"/>
        <source>Update the existing publication with the new source</source>
        <translation>Mettre à jour la publication existante avec la nouvelle source</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publishproject_algorithm.py" line="81"/>
        <source>Republishes the layers of a project to the destinations chosen for each of them in GeoPublier: the layers changed since their last publication (data, metadata or style), every layer, or a list. A layer whose metadata is incomplete or whose personal-data columns are not confirmed is skipped with the reason. A layer whose source moved or was renamed since its publication is skipped unless ON_SOURCE_MOVED says to update its publication. For scheduled runs with qgis_process. A JSON report says what was republished, skipped and why.</source>
        <translation>Republie les couches d'un projet vers les destinations choisies pour chacune dans GeoPublier : les couches modifiées depuis leur dernière publication (données, métadonnées ou style), toutes les couches, ou une liste. Une couche aux métadonnées incomplètes ou dont les colonnes de données personnelles ne sont pas confirmées est ignorée, avec la raison. Une couche dont la source a été déplacée ou renommée depuis sa publication est ignorée, sauf si ON_SOURCE_MOVED demande de mettre à jour sa publication. Pour les exécutions planifiées avec qgis_process. Un rapport JSON dit ce qui a été republié, ignoré et pourquoi.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="85"/>
        <source>Publishes the layer&apos;s INSPIRE metadata to the chosen catalogue connection, the layer to a map server (WMS/WFS) and the dataset to an open data portal. Publishing the same layer again updates the same record and dataset, from any machine: the project keeps where the layer was published. REPUBLISH_MISSING publishes afresh a dataset or a record deleted on the portal or in the catalogue since. A JSON report says what was published where.</source>
        <translation>Publie les métadonnées INSPIRE de la couche dans le catalogue choisi, la couche sur un serveur cartographique (WMS/WFS) et le jeu de données sur un portail open data. Republier la même couche met à jour la même fiche et le même jeu de données, depuis n'importe quel poste : le projet garde où la couche a été publiée. REPUBLISH_MISSING publie à neuf un jeu de données ou une fiche supprimés depuis sur le portail ou dans le catalogue. Un rapport JSON dit ce qui a été publié et où.</translation>
    </message>
    <message>
        <location filename="../plugin/qgis/algorithms/publish_algorithm.py" line="176"/>
        <source>Publish afresh a dataset or record the journal remembers but the portal or catalogue no longer has</source>
        <translation>Publier à neuf un jeu de données ou une fiche dont le journal se souvient mais que le portail ou le catalogue n'a plus</translation>
    </message>
</context>
<context>
    <name>CatalogueImportDialog</name>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="36"/>
        <source>Import from a catalogue</source>
        <translation>Importer depuis un catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="44"/>
        <source>The record&apos;s identifier (fileIdentifier / uuid)</source>
        <translation>L'identifiant de la fiche (fileIdentifier / uuid)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="45"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="46"/>
        <source>Record identifier</source>
        <translation>Identifiant de la fiche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="54"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="59"/>
        <source>No catalogue connection yet: add one in step 3.</source>
        <translation>Aucune connexion à un catalogue pour l'instant : ajoutez-en une à l'étape 3.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="74"/>
        <source>Fetching the record from {0}…</source>
        <translation>Récupération de la fiche sur {0}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogue_import.py" line="85"/>
        <source>{0} has no record with the identifier {1}.</source>
        <translation>{0} n'a pas de fiche d'identifiant {1}.</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location filename="../plugin/gui/checklist.py" line="31"/>
        <source>Click an item to go to the field to fill in.</source>
        <translation>Cliquez sur un point pour aller au champ à remplir.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="48"/>
        <source>INSPIRE requirement {0}</source>
        <translation>Exigence INSPIRE {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="48"/>
        <source>Advice of the CNIG guide (does not block publication)</source>
        <translation>Conseil du guide CNIG (ne bloque pas la publication)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="57"/>
        <source>{0} INSPIRE requirement(s) still to meet</source>
        <translation>{0} exigence(s) INSPIRE encore à remplir</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="60"/>
        <source>✔ The record meets every INSPIRE requirement</source>
        <translation>✔ La fiche respecte toutes les exigences INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/gui/checklist.py" line="63"/>
        <source> — {0} piece(s) of advice</source>
        <translation> — {0} conseil(s)</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="59"/>
        <source>GeoPublier connection</source>
        <translation>Connexion GeoPublier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="64"/>
        <source>A name you will recognise, e.g. “Géoportail régional”</source>
        <translation>Un nom que vous reconnaîtrez, ex. « Géoportail régional »</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="70"/>
        <source>The address of the service (CSW endpoint, portal root…)</source>
        <translation>L'adresse du service (point d'accès CSW, racine du portail…)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="72"/>
        <source>A QGIS authentication configuration (type Basic). For a portal, put the API key in the password. Secrets stay in QGIS&apos;s authentication database.</source>
        <translation>Une configuration d'authentification de QGIS (type « Basic »). Pour un portail, mettez la clé d'API comme mot de passe. Les secrets restent dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="79"/>
        <source>The organisation&apos;s id or name on the portal</source>
        <translation>L'identifiant ou le nom de l'organisation sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="81"/>
        <source>GeoNetwork group id the records belong to</source>
        <translation>Identifiant du groupe GeoNetwork des fiches</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="83"/>
        <source>GeoNetwork category id (optional)</source>
        <translation>Identifiant de la catégorie GeoNetwork (facultatif)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="114"/>
        <source>This portal already harvests the catalogue</source>
        <translation>Ce portail moissonne déjà le catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="115"/>
        <source>GeoPublier then publishes to the catalogue only, so the portal does not get a duplicate dataset.</source>
        <translation>GeoPublier publie alors seulement dans le catalogue, pour que le portail n'ait pas de jeu de données en double.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="129"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="130"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="131"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="132"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="134"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="135"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="136"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="86"/>
        <source>The folder QGIS Server serves (local or mounted): GeoPublier writes one project and one GeoPackage per layer in it, and never touches the other files.</source>
        <translation>Le dossier servi par QGIS Server (local ou monté) : GeoPublier y écrit un projet et un GeoPackage par couche, sans jamais toucher aux autres fichiers.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="94"/>
        <source>Optional public address of one layer&apos;s service, {name} being the layer name. Empty: the address above with MAP=&lt;folder&gt;/&lt;name&gt;.qgs.</source>
        <translation>Adresse publique du service d'une couche (facultative), {name} étant le nom de la couche. Vide : l'adresse ci-dessus avec MAP=&lt;dossier&gt;/&lt;nom&gt;.qgs.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="111"/>
        <source>GeoServer workspace (created if missing, never emptied by GeoPublier)</source>
        <translation>Espace de travail GeoServer (créé s'il manque, jamais vidé par GeoPublier)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="137"/>
        <source>Served folder</source>
        <translation>Dossier servi</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="138"/>
        <source>Public layer address</source>
        <translation>Adresse publique de la couche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="139"/>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="104"/>
        <source>The page where a person reads a record, with {uuid} for its identifier. Empty: GeoNetwork&apos;s own record page, or the CSW address.</source>
        <translation>La page où l'on lit une fiche, avec {uuid} à la place de son identifiant. Vide : la page de la fiche dans GeoNetwork, ou l'adresse CSW.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="140"/>
        <source>Record page</source>
        <translation>Page de la fiche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="121"/>
        <source>Make the record public (shared with “All”)</source>
        <translation>Rendre la fiche publique (partagée avec « Tous »)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/connection_dialog.py" line="123"/>
        <source>GeoNetwork keeps a new record private to your group. Ticked, GeoPublier shares it with “All” through GeoNetwork's API (also for its csw-publication address).</source>
        <translation>GeoNetwork garde une nouvelle fiche privée à votre groupe. Cochée, GeoPublier la partage avec « Tous » par l'API de GeoNetwork (aussi pour son adresse csw-publication).</translation>
    </message>
</context>
<context>
    <name>DescribeWidget</name>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Import an XML record…</source>
        <translation>Importer une fiche XML…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Import from a catalogue…</source>
        <translation>Importer depuis un catalogue…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Export the XML record…</source>
        <translation>Exporter la fiche XML…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Fill the form from an ISO 19139 / INSPIRE XML file</source>
        <translation>Remplir le formulaire à partir d'un fichier XML ISO 19139 / INSPIRE</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Fill the form from a record of a saved catalogue (CSW GetRecordById)</source>
        <translation>Remplir le formulaire à partir d'une fiche d'un catalogue enregistré (CSW GetRecordById)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="69"/>
        <source>Save the record as an ISO 19139 XML file</source>
        <translation>Enregistrer la fiche dans un fichier XML ISO 19139</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="126"/>
        <source>(read from the layer)</source>
        <translation>(lu dans la couche)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="144"/>
        <source>geometry: {0}</source>
        <translation>géométrie : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="146"/>
        <source>{0} feature(s)</source>
        <translation>{0} objet(s)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="150"/>
        <source>attributes: {0}</source>
        <translation>attributs : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="151"/>
        <source>Read from the layer — </source>
        <translation>Lu dans la couche — </translation>
    </message>
    <message>
        <location filename="../plugin/gui/describe_widget.py" line="158"/>
        <source>Kept from the imported record (not in this form, published unchanged): {0}.</source>
        <translation>Conservé de la fiche importée (absent de ce formulaire, publié tel quel) : {0}.</translation>
    </message>
</context>
<context>
    <name>DestinationsWidget</name>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="55"/>
        <source>Saved connections</source>
        <translation>Connexions enregistrées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="59"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="59"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="59"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="77"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="77"/>
        <source>Add a destination</source>
        <translation>Ajouter une destination</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="78"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="78"/>
        <source>Edit the selection</source>
        <translation>Modifier la connexion choisie</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="79"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="79"/>
        <source>Remove it</source>
        <translation>Supprimer la connexion choisie</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="80"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="80"/>
        <source>Check the server answers and accepts the credentials</source>
        <translation>Vérifier que le serveur répond et accepte les identifiants</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="86"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="86"/>
        <source>Add the connections of a file (e.g. given by your trainer)</source>
        <translation>Ajouter les connexions d'un fichier (ex. donné par votre formateur)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="92"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="92"/>
        <source>Save the connections to a file to share (no password in it)</source>
        <translation>Enregistrer les connexions dans un fichier à partager (sans mot de passe)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="102"/>
        <source>Destinations of this layer</source>
        <translation>Destinations de cette couche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="106"/>
        <source>Where the INSPIRE record is published</source>
        <translation>Où la fiche INSPIRE est publiée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="114"/>
        <source>Where the open data dataset is published</source>
        <translation>Où le jeu de données ouvert est publié</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="115"/>
        <source>Upload the harmonised files to the portal</source>
        <translation>Envoyer les fichiers harmonisés au portail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="116"/>
        <source>Reference only: the portal links to the geoportal&apos;s record and services</source>
        <translation>Référencement seul : le portail renvoie vers la fiche et les services du géoportail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="123"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="125"/>
        <source>Open data portal</source>
        <translation>Portail open data</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="126"/>
        <source>On the portal</source>
        <translation>Sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="193"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="255"/>
        <source>GeoPublier</source>
        <translation>GeoPublier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="218"/>
        <source>A connection called “{0}” already exists.</source>
        <translation>Une connexion nommée « {0} » existe déjà.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="255"/>
        <source>Remove the connection “{0}”? Nothing is deleted on the server.</source>
        <translation>Supprimer la connexion « {0} » ? Rien n'est supprimé sur le serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="269"/>
        <source>Import connections</source>
        <translation>Importer des connexions</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="290"/>
        <source>Connections (*.json)</source>
        <translation>Connexions (*.json)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="283"/>
        <source>{0} connection(s) imported from {1}</source>
        <translation>{0} connexion(s) importée(s) depuis {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="290"/>
        <source>Export connections</source>
        <translation>Exporter les connexions</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="303"/>
        <source>Connections saved to {0}</source>
        <translation>Connexions enregistrées dans {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="311"/>
        <source>Select a connection to test.</source>
        <translation>Choisissez une connexion à tester.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="315"/>
        <source>Testing {0}…</source>
        <translation>Test de {0}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="327"/>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="330"/>
        <source>{0} answers and accepts the connection.</source>
        <translation>{0} répond et accepte la connexion.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="332"/>
        <source>Account: {0}</source>
        <translation>Compte : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="131"/>
        <source>udata: the territories the data covers (zone ids, separated by commas)</source>
        <translation>udata : les territoires couverts par la donnée (identifiants de zones, séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="135"/>
        <source>udata: the finest territory level of the data</source>
        <translation>udata : le niveau de territoire le plus fin de la donnée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>(not given)</source>
        <translation>(non renseignée)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Intercommunality (EPCI)</source>
        <translation>Intercommunalité (EPCI)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="136"/>
        <source>Other (finer than a municipality)</source>
        <translation>Autre (plus fin que la commune)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="146"/>
        <source>Territories (udata)</source>
        <translation>Territoires (udata)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="147"/>
        <source>Spatial granularity</source>
        <translation>Granularité spatiale</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="109"/>
        <source>Where the layer is published as a map (WMS) and for download (WFS)</source>
        <translation>Où la couche est publiée en carte (WMS) et en téléchargement (WFS)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/destinations_widget.py" line="124"/>
        <source>Map server</source>
        <translation>Serveur cartographique</translation>
    </message>
</context>
<context>
    <name>GeoPublierPlugin</name>
    <message>
        <location filename="../plugin/plugin_main.py" line="81"/>
        <source>Publish with GeoPublier…</source>
        <translation>Publier avec GeoPublier…</translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="66"/>
        <source>Describe the current layer with INSPIRE metadata, export it and publish it</source>
        <translation>Décrire la couche courante avec des métadonnées INSPIRE, l'exporter et la publier</translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="71"/>
        <source>Publications panel</source>
        <translation>Panneau des publications</translation>
    </message>
    <message>
        <location filename="../plugin/plugin_main.py" line="75"/>
        <source>Every layer of the project with its publication state; republish several</source>
        <translation>Toutes les couches du projet avec l'état de leur publication ; en republier plusieurs</translation>
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
        <location filename="../plugin/gui/main_dialog.py" line="138"/>
        <source>No layer selected: choose a layer in the Layers panel first.</source>
        <translation>Aucune couche sélectionnée : choisissez d'abord une couche dans le panneau Couches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="144"/>
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
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="150"/>
        <source>Your last edits of {0} were restored.</source>
        <translation>Vos dernières saisies du {0} ont été restaurées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="224"/>
        <source>Import an XML record</source>
        <translation>Importer une fiche XML</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="272"/>
        <source>ISO 19139 XML (*.xml)</source>
        <translation>XML ISO 19139 (*.xml)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="241"/>
        <source>{0} cannot be used: {1}</source>
        <translation>{0} ne peut pas être utilisé : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="249"/>
        <source>Record imported from {0}.</source>
        <translation>Fiche importée depuis {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="251"/>
        <source>{0} element(s) were missing or unreadable: see the checklist.</source>
        <translation>{0} élément(s) manquaient ou étaient illisibles : voyez la liste de contrôle.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="272"/>
        <source>Export the XML record</source>
        <translation>Exporter la fiche XML</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="285"/>
        <source>Record saved to {0}</source>
        <translation>Fiche enregistrée dans {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="414"/>
        <source>Choose a layer in the Layers panel.</source>
        <translation>Choisissez une couche dans le panneau Couches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="320"/>
        <source>the record does not meet INSPIRE yet: {0} point(s) to fill in (step 1)</source>
        <translation>la fiche ne respecte pas encore INSPIRE : {0} point(s) à compléter (étape 1)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="330"/>
        <source>choose at least one destination (step 3)</source>
        <translation>choisissez au moins une destination (étape 3)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="340"/>
        <source>choose at least one export format (step 2)</source>
        <translation>choisissez au moins un format d'export (étape 2)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="343"/>
        <source>columns that look like personal data: {0} — remove or confirm them (step 2)</source>
        <translation>colonnes qui ressemblent à des données personnelles : {0} — retirez-les ou confirmez-les (étape 2)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="358"/>
        <source>The record “{0}” goes to the catalogue “{1}”.</source>
        <translation>La fiche « {0} » va dans le catalogue « {1} ».</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="363"/>
        <source>It is already there: it will be updated in place.</source>
        <translation>Elle y est déjà : elle sera mise à jour sur place.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="379"/>
        <source>“{0}” harvests the catalogue: no dataset is created there.</source>
        <translation>« {0} » moissonne le catalogue : aucun jeu de données n'y est créé.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="382"/>
        <source>The dataset on “{0}” links to the geoportal's record and services.</source>
        <translation>Le jeu de données sur « {0} » renvoie vers la fiche et les services du géoportail.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="386"/>
        <source>The dataset on “{0}” receives the files: {1}.</source>
        <translation>Le jeu de données sur « {0} » reçoit les fichiers : {1}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="390"/>
        <source>It already exists: it will be updated in place.</source>
        <translation>Il existe déjà : il sera mis à jour sur place.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="532"/>
        <source>Export of the harmonised package</source>
        <translation>Export du paquet harmonisé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="656"/>
        <source>Catalogue record</source>
        <translation>Fiche du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="656"/>
        <source>Portal dataset</source>
        <translation>Jeu de données du portail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="773"/>
        <source>{0}: publication updated in place (mise à jour).</source>
        <translation>{0} : publication mise à jour sur place.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="773"/>
        <source>{0}: published.</source>
        <translation>{0} : publié.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="788"/>
        <source>{0}: publication cancelled.</source>
        <translation>{0} : publication annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="790"/>
        <source>{0}: publication incomplete — see step 4.</source>
        <translation>{0} : publication incomplète — voir l'étape 4.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="121"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="535"/>
        <source>Record → {0}</source>
        <translation>Fiche → {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="539"/>
        <source>Dataset → {0}</source>
        <translation>Jeu de données → {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="453"/>
        <source>Withdraw from {0}</source>
        <translation>Retrait de {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="479"/>
        <source>{0}: publication withdrawn.</source>
        <translation>{0} : publication retirée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="479"/>
        <source>{0}: withdrawal incomplete.</source>
        <translation>{0} : retrait incomplet.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="332"/>
        <source>only a vector layer can be published on a map server for now (step 3)</source>
        <translation>seule une couche vecteur peut être publiée sur un serveur cartographique pour l'instant (étape 3)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="368"/>
        <source>The layer, with its QGIS style, is published on “{0}” as a map (WMS) and for download (WFS).</source>
        <translation>La couche, avec son style QGIS, est publiée sur « {0} » en carte (WMS) et en téléchargement (WFS).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="374"/>
        <source>It is already there: it will be replaced in place.</source>
        <translation>Elle y est déjà : elle sera remplacée au même endroit.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="537"/>
        <source>Map layer (WMS/WFS) → {0}</source>
        <translation>Couche cartographique (WMS/WFS) → {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="725"/>
        <source>Map (WMS) — layer {0}</source>
        <translation>Carte (WMS) — couche {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="727"/>
        <source>{0} (WMS)</source>
        <translation>{0} (WMS)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="734"/>
        <source>Download (WFS) — layer {0}</source>
        <translation>Téléchargement (WFS) — couche {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="438"/>
        <source>Delete what was published of “{0}” (record, map layer, dataset) from: {1}? The layer and its metadata stay in QGIS; you can publish again later.</source>
        <translation>Supprimer ce qui a été publié de « {0} » (fiche, couche cartographique, jeu de données) de : {1} ? La couche et ses métadonnées restent dans QGIS ; vous pourrez republier plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="680"/>
        <source>The catalogue&apos;s changes were overwritten: {0}.</source>
        <translation>Les modifications faites dans le catalogue ont été écrasées : {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="683"/>
        <source>Taken from the catalogue: {0}.</source>
        <translation>Repris du catalogue : {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="687"/>
        <source>Changed on both sides, your value kept: {0}.</source>
        <translation>Modifié des deux côtés, votre valeur est gardée : {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="697"/>
        <source>The record was changed in the catalogue since your last publication. Nothing was overwritten. What should be done?</source>
        <translation>La fiche a été modifiée dans le catalogue depuis votre dernière publication. Rien n'a été écrasé. Que faire ?</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="703"/>
        <source>Merge: their changes plus yours</source>
        <translation>Fusionner : leurs modifications plus les vôtres</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="706"/>
        <source>Overwrite the catalogue&apos;s record</source>
        <translation>Écraser la fiche du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="543"/>
        <source>Links to the data in the record → {0}</source>
        <translation>Liens vers les données dans la fiche → {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="785"/>
        <source>{0} Warning: {1}</source>
        <translation>{0} Attention : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="569"/>
        <source>The layer's source changed since its last publication.
Published from: {0}
Now: {1}

Update the existing publication: the same record and dataset receive the data of the new source; file names, portal resources and the map layer keep their names (they follow the title « {2} »).
Publish as new data: the earlier publication is left as it is and the layer gets a new record; give it its own title first (step 1).</source>
        <translation>La source de la couche a changé depuis sa dernière publication.
Publiée depuis : {0}
Maintenant : {1}

Mettre à jour la publication existante : la même fiche et le même jeu de données reçoivent les données de la nouvelle source ; les noms des fichiers, des ressources du portail et de la couche du serveur cartographique ne changent pas (ils suivent le titre « {2} »).
Publier comme nouvelle donnée : l'ancienne publication reste telle quelle et la couche reçoit une nouvelle fiche ; donnez-lui d'abord son propre titre (étape 1).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="580"/>
        <source>Update the existing publication</source>
        <translation>Mettre à jour la publication existante</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="583"/>
        <source>Publish as new data</source>
        <translation>Publier comme nouvelle donnée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="591"/>
        <source>Nothing was published.</source>
        <translation>Rien n'a été publié.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="611"/>
        <source>New record for this layer: give it a title different from the earlier publication (« {0} »), then publish.</source>
        <translation>Nouvelle fiche pour cette couche : donnez-lui un titre différent de celui de l'ancienne publication (« {0} »), puis publiez.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="313"/>
        <source>new data: give it a title different from the earlier publication&apos;s (step 1)</source>
        <translation>nouvelle donnée : donnez-lui un titre différent de celui de l'ancienne publication (étape 1)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/main_dialog.py" line="395"/>
        <source>The layer&apos;s source changed since its publication (it was {0}): Publish first asks whether that publication is to be updated.</source>
        <translation>La source de la couche a changé depuis sa publication (c'était {0}) : « Publier » demandera d'abord s'il faut mettre à jour cette publication.</translation>
    </message>
</context>
<context>
    <name>PrepareWidget</name>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="86"/>
        <source>Harmonised export</source>
        <translation>Export harmonisé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="93"/>
        <source>Export the data in this open format</source>
        <translation>Exporter la donnée dans ce format ouvert</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="110"/>
        <source>Repair them (makeValid)</source>
        <translation>Les réparer (makeValid)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="111"/>
        <source>Only report them</source>
        <translation>Seulement les signaler</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="112"/>
        <source>What to do with invalid geometries</source>
        <translation>Que faire des géométries invalides</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="115"/>
        <source>Longitude / latitude columns</source>
        <translation>Colonnes longitude / latitude</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="116"/>
        <source>WKT geometry column</source>
        <translation>Colonne de géométrie WKT</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="117"/>
        <source>How points are written in the CSV file</source>
        <translation>Comment les points sont écrits dans le fichier CSV</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="121"/>
        <source>Uncheck the columns that must not be published</source>
        <translation>Décochez les colonnes à ne pas publier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="125"/>
        <source>Optional: a Table Schema file or URL</source>
        <translation>Facultatif : un fichier ou une adresse de schéma de table</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="126"/>
        <source>A Table Schema (schema.data.gouv.fr, e.g. Socle Commun des Données Locales) the attribute table must follow</source>
        <translation>Un schéma de table (schema.data.gouv.fr, ex. Socle Commun des Données Locales) que la table attributaire doit respecter</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="135"/>
        <source>Where the dated export package is written</source>
        <translation>Où le paquet d'export daté est écrit</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="138"/>
        <source>Also make one zip of the package</source>
        <translation>Faire aussi un zip du paquet</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="140"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="141"/>
        <source>Reference system</source>
        <translation>Système de coordonnées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="142"/>
        <source>Invalid geometries</source>
        <translation>Géométries invalides</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="143"/>
        <source>Points in CSV</source>
        <translation>Points en CSV</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="144"/>
        <source>Columns to publish</source>
        <translation>Colonnes à publier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="145"/>
        <source>Table Schema</source>
        <translation>Schéma de table</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="146"/>
        <source>Package folder</source>
        <translation>Dossier du paquet</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="156"/>
        <source>Quality report</source>
        <translation>Rapport qualité</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="159"/>
        <source>Check the data</source>
        <translation>Vérifier la donnée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="161"/>
        <source>Look for invalid geometries, duplicates, empty columns and personal data</source>
        <translation>Chercher les géométries invalides, les doublons, les colonnes vides et les données personnelles</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="165"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="191"/>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="196"/>
        <source>Do not publish these columns</source>
        <translation>Ne pas publier ces colonnes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="198"/>
        <source>I checked these columns: they hold no personal data and may be opened</source>
        <translation>J'ai vérifié ces colonnes : elles ne contiennent pas de données personnelles et peuvent être ouvertes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="217"/>
        <source>Press “Check the data” to see the quality report.</source>
        <translation>Cliquez sur « Vérifier la donnée » pour voir le rapport qualité.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="288"/>
        <source>Checking the data…</source>
        <translation>Vérification de la donnée…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="307"/>
        <source>Check cancelled.</source>
        <translation>Vérification annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="336"/>
        <source>These columns look like personal data, which must not be opened: {0}. Do not publish them, or confirm they may be opened.</source>
        <translation>Ces colonnes ressemblent à des données personnelles, qui ne doivent pas être ouvertes : {0}. Ne les publiez pas, ou confirmez qu'elles peuvent l'être.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="180"/>
        <source>Re-read as ISO-8859-1 (Latin-1)</source>
        <translation>Relire en ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="182"/>
        <source>The file does not say how its text is encoded and reads correctly in ISO-8859-1: re-read the layer in that encoding, then check again</source>
        <translation>Le fichier n'indique pas l'encodage de ses textes et se lit correctement en ISO-8859-1 : relire la couche dans cet encodage, puis vérifier de nouveau</translation>
    </message>
    <message>
        <location filename="../plugin/gui/prepare_widget.py" line="99"/>
        <source>Lambert-93 (EPSG:2154) for metropolitan France. Data outside the chosen system&apos;s area of use is written in the legal system of its overseas territory, in the layer&apos;s own projected system, or in WGS 84: the quality report says which and why</source>
        <translation>Lambert-93 (EPSG:2154) pour la France métropolitaine. Des données hors de la zone de validité du système choisi sont écrites dans le système légal de leur territoire d'outre-mer, dans le système projeté de la couche, ou en WGS 84 : le rapport qualité dit lequel et pourquoi</translation>
    </message>
</context>
<context>
    <name>PublicationsDock</name>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="82"/>
        <source>Publications</source>
        <translation>Publications</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="96"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="96"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="339"/>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="96"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="135"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="138"/>
        <source>Select changed</source>
        <translation>Sélectionner les modifiées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="148"/>
        <source>Republish selected</source>
        <translation>Republier la sélection</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="150"/>
        <source>Republish the selected layers to their destinations, in one background task</source>
        <translation>Republier les couches sélectionnées vers leurs destinations, en une seule tâche de fond</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="154"/>
        <source>Retry failed</source>
        <translation>Relancer les échecs</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="156"/>
        <source>Publish again only where it failed</source>
        <translation>Publier à nouveau seulement là où cela a échoué</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="167"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="225"/>
        <source>{0} layer(s): {1} up to date, {2} changed, {3} failed, {4} not published.</source>
        <translation>{0} couche(s) : {1} à jour, {2} modifiée(s), {3} en échec, {4} non publiée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="250"/>
        <source>data</source>
        <translation>données</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="251"/>
        <source>metadata</source>
        <translation>métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="252"/>
        <source>style</source>
        <translation>style</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="259"/>
        <source>Never published</source>
        <translation>Jamais publiée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="260"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="261"/>
        <source>Changed: {0}</source>
        <translation>Modifiée : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="262"/>
        <source>Last publication failed</source>
        <translation>Dernière publication en échec</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="263"/>
        <source>Publication withdrawn</source>
        <translation>Publication retirée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="264"/>
        <source>Published (changes unknown: published before this version)</source>
        <translation>Publiée (modifications inconnues : publiée avant cette version)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="272"/>
        <source>changed since: {0}</source>
        <translation>modifiée depuis : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="317"/>
        <source>Changed since its last publication: {0}</source>
        <translation>Modifiée depuis sa dernière publication : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="302"/>
        <source>The layer changed since this publication</source>
        <translation>La couche a changé depuis cette publication</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="303"/>
        <source>Double-click to open {0}</source>
        <translation>Double-cliquez pour ouvrir {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="510"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="432"/>
        <source>Republishing {0} layer(s)…</source>
        <translation>Republication de {0} couche(s)…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="482"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="481"/>
        <source>Export of the harmonised package</source>
        <translation>Export du paquet harmonisé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="506"/>
        <source>In progress…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="507"/>
        <source>Republished</source>
        <translation>Republiée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="508"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="509"/>
        <source>Skipped</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="511"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="586"/>
        <source>Republication: {0} republished, {1} skipped, {2} failed, {3} cancelled.</source>
        <translation>Republication : {0} republiée(s), {1} ignorée(s), {2} en échec, {3} annulée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="225"/>
        <source>{0} with a moved source.</source>
        <translation>{0} avec une source déplacée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="265"/>
        <source>Source moved</source>
        <translation>Source déplacée</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="321"/>
        <source>The layer&apos;s source moved or was renamed since its last publication.
Published from: {0}
Now: {1}
Republishing asks first whether the existing publication is to be updated with the new source.</source>
        <translation>La source de la couche a été déplacée ou renommée depuis sa dernière publication.
Publiée depuis : {0}
Maintenant : {1}
Avant de republier, GeoPublier demande si la publication existante doit être mise à jour avec la nouvelle source.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="446"/>
        <source>The source of {0} layer(s) moved or was renamed since their last publication:
{1}

Updating sends the data of the new source to the same records and datasets (file names, portal resources and map layer keep their names, which follow each record&apos;s title). Skipped layers are left as published.</source>
        <translation>La source de {0} couche(s) a été déplacée ou renommée depuis leur dernière publication :
{1}

Mettre à jour envoie les données de la nouvelle source vers les mêmes fiches et jeux de données (les noms des fichiers, des ressources du portail et de la couche cartographique ne changent pas : ils suivent le titre de chaque fiche). Les couches ignorées restent telles que publiées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="454"/>
        <source>Update their existing publications</source>
        <translation>Mettre à jour leurs publications existantes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="457"/>
        <source>Skip these layers</source>
        <translation>Ignorer ces couches</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="225"/>
        <source>{0} not verifiable.</source>
        <translation>{0} non vérifiable(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="266"/>
        <source>Not verifiable</source>
        <translation>Non vérifiable</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="327"/>
        <source>Its metadata and style have not changed since its last publication, but whether its data changed cannot be told without downloading it: web services (WMS, WFS, ArcGIS) give no reliable date of their data&apos;s last change, and a PostGIS view may read tables without statistics. Republishing it sends its data again.</source>
        <translation>Ses métadonnées et son style n'ont pas changé depuis sa dernière publication, mais on ne peut pas savoir si ses données ont changé sans les télécharger : les services web (WMS, WFS, ArcGIS) ne donnent pas de date fiable de dernière modification de leurs données, et une vue PostGIS peut lire des tables sans statistiques. Republier renvoie ses données.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="140"/>
        <source>Select the layers changed since their publication, whose source moved, or whose publication failed (or whose portal lacks files, after « Check the portals »)</source>
        <translation>Sélectionner les couches modifiées depuis leur publication, dont la source a été déplacée, ou dont la publication a échoué (ou dont le portail n'a plus tous les fichiers, après « Vérifier les portails »)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="158"/>
        <source>Check the portals</source>
        <translation>Vérifier les portails</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="160"/>
        <source>Read each portal dataset and show the files deleted or replaced there since the last publication (republishing the layer sends them again)</source>
        <translation>Lire chaque jeu de données sur son portail et montrer les fichiers supprimés ou remplacés depuis la dernière publication (republier la couche les renvoie)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="287"/>
        <source>Files missing on the portal</source>
        <translation>Fichiers absents du portail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="530"/>
        <source>No portal dataset to check (none published from this project yet).</source>
        <translation>Aucun jeu de données à vérifier sur un portail (aucun publié depuis ce projet pour l'instant).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="549"/>
        <source>{0} portal dataset(s) checked: {1} with files deleted or replaced, {2} gone, {3} unreadable.</source>
        <translation>{0} jeu(x) de données vérifié(s) sur les portails : {1} avec des fichiers supprimés ou remplacés, {2} disparu(s), {3} illisible(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="563"/>
        <source>Missing or replaced on the portal: {0}</source>
        <translation>Absent ou remplacé sur le portail : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="565"/>
        <source>Republish the layer: these files are sent again</source>
        <translation>Republiez la couche : ces fichiers sont renvoyés</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="570"/>
        <source>Dataset no longer on the portal</source>
        <translation>Le jeu de données n'est plus sur le portail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publications_dock.py" line="573"/>
        <source>Portal not readable ({0})</source>
        <translation>Portail illisible ({0})</translation>
    </message>
</context>
<context>
    <name>PublishWidget</name>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="74"/>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="188"/>
        <source>Publish the record and the data to every destination</source>
        <translation>Publier la fiche et la donnée vers toutes les destinations</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="82"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="85"/>
        <source>Stop after the current step</source>
        <translation>Arrêter après l'étape en cours</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="87"/>
        <source>Retry failed steps</source>
        <translation>Réessayer les étapes en échec</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="90"/>
        <source>Publish again only where it failed (what succeeded is kept)</source>
        <translation>Republier seulement là où cela a échoué (ce qui a réussi est gardé)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="116"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="116"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="116"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="136"/>
        <source>Open the publication report</source>
        <translation>Ouvrir le rapport de publication</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="179"/>
        <source>Publishing is not possible yet:</source>
        <translation>Publication impossible pour l'instant :</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="188"/>
        <source>Publishing is not possible yet: see the reasons above the button</source>
        <translation>Publication impossible pour l'instant : voir les raisons au-dessus du bouton</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="212"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="230"/>
        <source>in progress…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="151"/>
        <source>Withdraw the publication…</source>
        <translation>Retirer la publication…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="141"/>
        <source>Add to the map</source>
        <translation>Ajouter à la carte</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="143"/>
        <source>Add the published layer to the QGIS map, as served by the map server (WMS)</source>
        <translation>Ajouter à la carte QGIS la couche publiée, telle que le serveur cartographique la sert (WMS)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="154"/>
        <source>Delete this layer&apos;s record, map layer and dataset from the destinations they are on</source>
        <translation>Supprimer la fiche, la couche cartographique et le jeu de données de cette couche des destinations où ils se trouvent</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="94"/>
        <source>Publish afresh</source>
        <translation>Publier à neuf</translation>
    </message>
    <message>
        <location filename="../plugin/gui/publish_widget.py" line="97"/>
        <source>The dataset published earlier was deleted on the portal: create a new one there and remember it</source>
        <translation>Le jeu de données publié auparavant a été supprimé sur le portail : en créer un nouveau et le retenir</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="52"/>
        <source>Organisation profile (applied to new records)</source>
        <translation>Profil de l'organisme (appliqué aux nouvelles fiches)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="55"/>
        <source>The full name of your organisation</source>
        <translation>Le nom complet de votre organisme</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="58"/>
        <source>A functional e-mail address (not a person&apos;s)</source>
        <translation>Une adresse e-mail fonctionnelle (pas celle d'une personne)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="65"/>
        <source>Keywords added to every new record, separated by commas</source>
        <translation>Mots-clés ajoutés à chaque nouvelle fiche, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="68"/>
        <source>The start of your unique resource identifiers (a URI of your organisation)</source>
        <translation>Le début de vos identifiants de ressource uniques (une URI de votre organisme)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="72"/>
        <source>Who keeps the records up to date, if not the address above (optional)</source>
        <translation>Qui tient les fiches à jour, si ce n'est pas l'adresse ci-dessus (facultatif)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Default licence</source>
        <translation>Licence par défaut</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Identifier namespace</source>
        <translation>Espace de noms des identifiants</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="75"/>
        <source>Metadata contact e-mail</source>
        <translation>E-mail du contact de la fiche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="91"/>
        <source>Export, network and validation</source>
        <translation>Export, réseau et validation</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="94"/>
        <source>The CRS of exported files (Lambert-93 for metropolitan France)</source>
        <translation>Le système de coordonnées des fichiers exportés (Lambert-93 pour la métropole)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="100"/>
        <source>Large files are sent to portals in parts of this size</source>
        <translation>Les gros fichiers sont envoyés aux portails en morceaux de cette taille</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="104"/>
        <source>How long to wait for a server&apos;s answer</source>
        <translation>Combien de temps attendre la réponse d'un serveur</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="107"/>
        <source>A folder holding the ISO 19139 schemas (gmx/gmx.xsd), to check records</source>
        <translation>Un dossier contenant les schémas ISO 19139 (gmx/gmx.xsd), pour vérifier les fiches</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="111"/>
        <source>Download the official schemas (once)</source>
        <translation>Télécharger les schémas officiels (une fois)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="112"/>
        <source>From schemas.opengis.net into your QGIS profile (about 2 MB)</source>
        <translation>Depuis schemas.opengis.net dans votre profil QGIS (environ 2 Mo)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="120"/>
        <source>Default CRS</source>
        <translation>Système de coordonnées par défaut</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="121"/>
        <source>Upload part size</source>
        <translation>Taille des morceaux envoyés</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="122"/>
        <source>Network timeout</source>
        <translation>Délai d'attente réseau</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="123"/>
        <source>ISO 19139 schemas</source>
        <translation>Schémas ISO 19139</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="192"/>
        <source>Downloaded copy: {0}</source>
        <translation>Copie téléchargée : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_page.py" line="182"/>
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
</context>
</TS>
