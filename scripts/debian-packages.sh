#!/bin/sh
# Print the Debian packages of a list, their names resolved for this release (used by `make apt`):
#   "a|b"       the first of the names apt knows (libmagic1t64|libmagic1: renamed in Debian 13);
#   PGMAJOR     the major version of Debian's default PostgreSQL (15 on Debian 12, 17 on 13),
#               e.g. postgresql-PGMAJOR-postgis-3.
# Exit status 1 when a name cannot be resolved (apt's lists not downloaded yet: apt-get update).
set -u

# Installed (a quick dpkg look-up), or available from apt's lists.
known() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" ||
		apt-cache show --no-all-versions "$1" >/dev/null 2>&1
}

pg_major=$(apt-cache depends postgresql 2>/dev/null |
	sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n 1)

status=0
for wanted in $1; do
	case $wanted in *PGMAJOR*)
		[ -n "$pg_major" ] || { status=1; continue; }
		wanted=$(echo "$wanted" | sed "s/PGMAJOR/$pg_major/g") ;;
	esac
	found=""
	for candidate in $(echo "$wanted" | tr '|' ' '); do
		if known "$candidate"; then found=$candidate; break; fi
	done
	if [ -n "$found" ]; then
		echo "$found"
	else
		echo "Paquet Debian introuvable / Debian package not found: $wanted" >&2
		status=1
	fi
done
exit $status
