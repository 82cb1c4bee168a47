# GeoPublier — developer commands. Every target is idempotent and says what it does.
# Fresh Debian 12 / Ubuntu machine: `make test` (whole suite) and `make demo` (the main job).

SHELL := /bin/bash
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# Names resolved per Debian release by scripts/debian-packages.sh ("a|b": the first apt knows;
# PGMAJOR: the major of Debian's PostgreSQL, 15 on Debian 12 and 17 on Debian 13).
APT_PACKAGES := python3-qgis qgis-providers qgis qgis-server xvfb python3-venv python3-pip \
	qttools5-dev-tools pyqt5-dev-tools gdal-bin python3-gdal unzip curl \
	postgresql postgresql-PGMAJOR-postgis-3 libpq-dev python3-dev gcc libmagic1t64|libmagic1 chromium \
	debootstrap
VENV ?= .venv
PYTHON := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PACKAGE_ZIP := dist/geopublier-$(VERSION).zip
QGIS_CONFIG ?= $(CURDIR)/.qgis-profile
TS_FILES := i18n/geopublier_fr.ts i18n/geopublier_en.ts
TS_SOURCES = $(shell find plugin -name '*.py' | sort) $(wildcard forms/*.ui)
PYTEST := QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest
QGIS_TESTS ?= tests/qgis tests/integration

.PHONY: help setup apt venv servers sandbox-servers test test-unit test-qgis lint format translations qm \
	package install-plugin run demo demo-browser room-rehearsal clean bench screenshots sandbox \
	sandbox-stop sandbox-reset sandbox-status test-trixie trixie-setup demo-trixie

help:
	@echo "make demo            démonstration complète sur le bac à sable local (installe ce qu'il lui faut)"
	@echo "make demo-browser    la démonstration, puis sa page du portail et son rapport ouverts dans Chromium"
	@echo "make test            installe ce qu'il faut puis lance tous les tests (sans écran)"
	@echo "make test-unit       les tests unitaires seuls (Python pur, sans QGIS)"
	@echo "make test-qgis       les tests QGIS et d'intégration seuls (vrais serveurs sur 127.0.0.1)"
	@echo "make test-trixie     les mêmes tests sur Debian 13 / QGIS 3.40, dans un chroot (.chroot/)"
	@echo "make demo-trixie     la démonstration sur Debian 13 / QGIS 3.40, dans ce chroot"
	@echo "make setup           installe QGIS (Debian), les outils et les environnements Python"
	@echo "make lint            vérifie le code avec ruff ; make format : le met en forme"
	@echo "make translations    met à jour i18n/*.ts puis compile les .qm"
	@echo "make package         construit $(PACKAGE_ZIP)"
	@echo "make install-plugin  installe l'extension dans le profil QGIS $(QGIS_CONFIG)"
	@echo "make run             ouvre QGIS avec ce profil et le bac à sable (il faut un écran)"
	@echo "make sandbox         démarre le bac à sable (catalogue pycsw :8701, portail udata :8702,"
	@echo "                     QGIS Server :8703) ; make sandbox-status, sandbox-stop, sandbox-reset"
	@echo "                     salle de formation : make sandbox TRAINEES=12 (fiches dans .sandbox/stagiaires/)"
	@echo "                     sur le réseau de la salle : GEOPUBLIER_SANDBOX_HOST=192.168.1.10 make sandbox"
	@echo "make room-rehearsal  répétition : TRAINEES stagiaires simulés (12) publient la même couche"
	@echo "make screenshots     refait les captures de la fenêtre dans docs/screenshots/ (1366×768)"
	@echo "make bench           mesures de performance (ratios, bench/)"
	@echo "make clean           efface dist/, build/, les caches et les .qm"

setup: apt venv servers

apt:
	@updated=""; packages=$$(scripts/debian-packages.sh '$(APT_PACKAGES)' 2>/dev/null) || { \
		echo ">> Mise à jour des listes de paquets Debian"; updated=1; $(SUDO) apt-get update -q && \
		packages=$$(scripts/debian-packages.sh '$(APT_PACKAGES)'); } || exit 1; \
	missing=""; for p in $$packages; do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo ">> Installation des paquets Debian :$$missing"; \
		{ [ -n "$$updated" ] || $(SUDO) apt-get update -q; } && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q -o DPkg::Lock::Timeout=900 \
			--no-install-recommends $$missing; \
	else echo ">> Paquets Debian déjà installés"; fi

venv: $(VENV)/.deps-installed

$(VENV)/.deps-installed: requirements-dev.txt requirements-qt6.txt
	@echo ">> Environnement Python $(VENV) (Python de Debian, paquets système visibles)"
	@test -x $(PYTHON) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps -r requirements-qt6.txt
	@touch $@

servers: venv
	@echo ">> Environnements des serveurs de test (pycsw, udata 17, udata 10 + pages web, CKAN) sous .sandbox/venvs"
	$(PYTHON) -m sandbox install pycsw udata udata10 ckan

# Only what the sandbox runs (pycsw, udata 10 with its web pages): make demo and make sandbox
# need neither udata 17 nor CKAN (those are for the tests).
sandbox-servers: venv
	@echo ">> Environnements du bac à sable (pycsw, udata 10 + pages web) sous .sandbox/venvs"
	$(PYTHON) -m sandbox install

test: setup qm lint test-unit test-qgis

test-unit: venv
	@echo ">> Tests unitaires (Python pur, sans QGIS)"
	$(PYTEST) -p no:pytest_qgis -W ignore::pytest.PytestConfigWarning tests/unit

test-qgis: venv qm
	@echo ">> Tests QGIS (sans écran) et tests d'intégration (vrais serveurs sur 127.0.0.1)"
	$(PYTEST) $(QGIS_TESTS)

# Debian 13 "trixie" (QGIS 3.40 LTR, Python 3.13) in a debootstrap chroot under .chroot/trixie,
# built once and reused; inside, the same `make` targets run with their own venvs.
test-trixie:
	@echo ">> Tests QGIS et d'intégration sur Debian 13 / QGIS 3.40 (chroot .chroot/trixie)"
	scripts/debian-chroot.sh setup qm test-unit test-qgis

trixie-setup:
	scripts/debian-chroot.sh setup

demo-trixie:
	scripts/debian-chroot.sh demo

lint: venv
	@echo ">> ruff"
	$(VENV)/bin/ruff check .

format: venv
	$(VENV)/bin/ruff format .

translations: apt
	@echo ">> Mise à jour de $(TS_FILES)"
	pylupdate5 -noobsolete $(TS_SOURCES) -ts $(TS_FILES)
	@$(MAKE) --no-print-directory qm

qm:
	@echo ">> Compilation des traductions (.qm)"
	@for ts in $(TS_FILES); do lrelease -silent $$ts -qm $${ts%.ts}.qm; done

package: venv
	@echo ">> Construction de $(PACKAGE_ZIP)"
	$(PYTHON) scripts/build_package.py --output-dir dist

install-plugin: package
	@echo ">> Installation dans le profil QGIS $(QGIS_CONFIG) (profil « default »)"
	$(PYTHON) scripts/install_plugin.py $(PACKAGE_ZIP) $(QGIS_CONFIG)
	@echo "   qgis_process : QT_QPA_PLATFORM=offscreen QGIS_CUSTOM_CONFIG_PATH=$(QGIS_CONFIG) /usr/bin/qgis_process.bin list"

run: install-plugin sandbox
	@echo ">> QGIS avec l'extension, la couche d'exemple et les connexions du bac à sable"
	$(PYTHON) scripts/install_plugin.py $(PACKAGE_ZIP) $(QGIS_CONFIG) .sandbox/connections.json \
		resources/sample/profil_organisme.json
	source .sandbox/sandbox.env && QGIS_CUSTOM_CONFIG_PATH=$(QGIS_CONFIG) qgis --profile default \
		resources/sample/bornes_recharge_saint_exemple.geojson

bench: setup
	@echo ">> Mesures (ratios par rapport à une référence mesurée dans le même processus)"
	$(PYTHON) bench/bench_iso_record.py
	QT_QPA_PLATFORM=offscreen $(PYTHON) bench/bench_prefill.py
	QT_QPA_PLATFORM=offscreen $(PYTHON) bench/bench_freshness.py 200
	QT_QPA_PLATFORM=offscreen $(PYTHON) bench/bench_export_gpkg.py 200000
	QT_QPA_PLATFORM=offscreen $(PYTHON) bench/bench_export_package.py 1000000
	QT_QPA_PLATFORM=offscreen $(PYTHON) bench/bench_republish_mapserver.py 200000
	$(PYTHON) bench/bench_udata_upload.py 1024

TRAINEES_OPTION = $(if $(TRAINEES),--trainees $(TRAINEES))

sandbox: apt sandbox-servers
	@echo ">> Démarrage du bac à sable (catalogue pycsw + portail udata avec ses pages web + QGIS Server)"
	$(PYTHON) -m sandbox start $(TRAINEES_OPTION)

sandbox-stop: venv
	$(PYTHON) -m sandbox stop

sandbox-reset: apt sandbox-servers
	$(PYTHON) -m sandbox reset $(TRAINEES_OPTION)

sandbox-status: venv
	$(PYTHON) -m sandbox status

screenshots: setup qm
	@echo ">> Captures d'écran de la fenêtre (en français, 1366×768) dans docs/screenshots/"
	QT_QPA_PLATFORM=offscreen $(PYTHON) scripts/screenshots.py

demo: apt sandbox-servers qm install-plugin
	@echo ">> Démonstration : bac à sable + publication de la couche d'exemple par qgis_process"
	GEOPUBLIER_DEMO_QGIS_CONFIG=$(QGIS_CONFIG) $(PYTHON) scripts/demo.py

room-rehearsal: apt sandbox-servers qm
	@echo ">> Répétition de la salle : chaque stagiaire publie la couche d'exemple avec son profil QGIS"
	$(PYTHON) scripts/room_rehearsal.py --trainees $(or $(TRAINEES),12)

demo-browser: demo
	@echo ">> La page du portail et le rapport de publication dans Chromium (captures dans docs/screenshots/)"
	$(PYTHON) scripts/browser_check.py --demo .sandbox/demo/liens.json --screenshots docs/screenshots

clean:
	rm -rf dist build .pytest_cache .ruff_cache .qgis-settings i18n/*.qm
