<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
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
