#!/usr/bin/env bash
# Run a make target of this repository inside a Debian chroot of another release (default:
# Debian 13 "trixie", QGIS 3.40 LTR), built with debootstrap under <repo>/.chroot/<suite> and
# reused from one run to the next.
#
#   scripts/debian-chroot.sh [make targets and VAR=value…]     (default: the tests)
#
# The chroot has its own QGIS (installed by the repo's own `make apt`), its own venvs
# (GEOPUBLIER_CHROOT_VENV, GEOPUBLIER_SANDBOX_DIR inside the chroot) and sees the repository
# bind-mounted at /geopublier. Mounts live in a private mount namespace (unshare): they vanish
# with the last process, so nothing stays mounted on the host and removing the chroot is safe.
# The Debian mirror is the one this machine's apt sources already use.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE=${GEOPUBLIER_CHROOT_SUITE:-trixie}
CHROOT=${GEOPUBLIER_CHROOT_DIR:-$ROOT/.chroot/$SUITE}
BASE_MARKER=.geopublier-base
INSIDE_REPO=/geopublier
INSIDE_VENV=/opt/geopublier/venv
INSIDE_SANDBOX=/var/lib/geopublier/sandbox
PIP_CACHE=${PIP_CACHE_DIR:-$HOME/.cache/pip}

say() { printf '>> [%s] %s\n' "$SUITE" "$*"; }

# Print the URI of the first apt source serving the given suite of this machine's apt sources
# (deb822 *.sources and one-line *.list files).
apt_source_uri() {
	local wanted=$1
	local files=()
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && files+=("$f")
	done
	[ ${#files[@]} -gt 0 ] || return 1
	awk -v wanted="$wanted" '
		FNR == 1 { uris = ""; suites = "" }
		/^[[:space:]]*deb[[:space:]]/ {
			n = 2; if ($n ~ /^\[/) { while ($n !~ /\]$/) n++; n++ }
			if ($(n + 1) == wanted) { print $n; exit }
		}
		/^URIs:/ { uris = $2 }
		/^Suites:/ { suites = " " substr($0, 8) " " }
		/^[[:space:]]*$/ { uris = ""; suites = "" }
		uris != "" && index(suites, " " wanted " ") { print uris; exit }
	' "${files[@]}"
}

host_codename() { . /etc/os-release && echo "${VERSION_CODENAME:?}"; }

mirror() {
	local uri
	uri=${GEOPUBLIER_DEBIAN_MIRROR:-$(apt_source_uri "$(host_codename)")}
	[ -n "$uri" ] || {
		echo "Aucun dépôt Debian trouvé dans /etc/apt/sources.list* : définir GEOPUBLIER_DEBIAN_MIRROR." >&2
		echo "No Debian mirror found in /etc/apt/sources.list*: set GEOPUBLIER_DEBIAN_MIRROR." >&2
		return 1
	}
	echo "$uri"
}

# Run a command in a private mount namespace (mounts disappear with it).
in_namespace() { unshare --mount --propagation private --fork "$@"; }

build_base() {
	[ -f "$CHROOT/$BASE_MARKER" ] && { say "chroot réutilisé : $CHROOT"; return; }
	command -v debootstrap >/dev/null || {
		say "installation de debootstrap"
		apt-get install -y -q -o DPkg::Lock::Timeout=900 --no-install-recommends debootstrap >/dev/null
	}
	local main security partial=$CHROOT.partial
	main=$(mirror)
	security=$(apt_source_uri "$(host_codename)-security" || true)
	say "création du chroot avec debootstrap ($main) dans $CHROOT"
	rm -rf --one-file-system "$partial"
	mkdir -p "$(dirname "$CHROOT")"
	in_namespace debootstrap --variant=minbase --include=make,ca-certificates \
		"$SUITE" "$partial" "$main"
	{
		echo "deb $main $SUITE main"
		echo "deb $main $SUITE-updates main"
		[ -z "$security" ] || echo "deb $security $SUITE-security main"
	} >"$partial/etc/apt/sources.list"
	# No service starts inside the chroot (PostgreSQL's package would start its cluster).
	printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
	chmod 755 "$partial/usr/sbin/policy-rc.d"
	mkdir -p "$partial$INSIDE_REPO"
	touch "$partial/$BASE_MARKER"
	mv "$partial" "$CHROOT"
}

# The chroot resolves names and trusts certificates as this machine does (a local certificate
# authority, e.g. a company proxy's, and pip's global settings).
share_host_settings() {
	cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
	[ ! -f /etc/pip.conf ] || cp /etc/pip.conf "$CHROOT/etc/pip.conf"
	local cas=/usr/local/share/ca-certificates
	if [ -d "$cas" ] && ! diff -rq "$cas" "$CHROOT$cas" >/dev/null 2>&1; then
		mkdir -p "$CHROOT$cas"
		cp -r "$cas/." "$CHROOT$cas/"
		chroot "$CHROOT" update-ca-certificates >/dev/null
	fi
}

# Run `make "$@"` inside the chroot, repository bind-mounted, own venvs.
run_make() {
	share_host_settings
	mkdir -p "$PIP_CACHE" "$CHROOT/root/.cache/pip"
	in_namespace bash -euc '
		chroot=$1 repo=$2 inside=$3 pip_cache=$4; shift 4
		mount -t proc proc "$chroot/proc"
		mount --rbind /dev "$chroot/dev"
		mount --rbind /sys "$chroot/sys"
		mount --bind "$repo" "$chroot$inside"
		mount --bind "$pip_cache" "$chroot/root/.cache/pip"
		exec chroot "$chroot" "$@"
	' _ "$CHROOT" "$ROOT" "$INSIDE_REPO" "$PIP_CACHE" \
		/usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		TERM="${TERM:-dumb}" GEOPUBLIER_SANDBOX_DIR="$INSIDE_SANDBOX" \
		make -C "$INSIDE_REPO" VENV="$INSIDE_VENV" QGIS_CONFIG=/var/lib/geopublier/qgis-profile "$@"
}

build_base
[ $# -gt 0 ] || set -- setup qm test-unit test-qgis
say "make $* (QGIS de $SUITE, dépôt monté sur $INSIDE_REPO)"
run_make "$@"
