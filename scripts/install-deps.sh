#!/bin/sh
# Installs the Debian packages citegraph needs to build, test and run,
# but only those that are missing, so that a second run costs nothing.
set -eu
# render: graphviz's layout and output plugins (core, dot_layout,
# neato_layout for sfdp, pango/cairo for PNG and PDF) are all in libgvc6 on
# Debian 12; fonts-liberation2 gives PNG/PDF text a font (a Recommends of
# graphviz, skipped by --no-install-recommends); libxml2-utils has the
# xmllint that tests/render.sh checks SVG with.  Chromium for the HTML
# checks is installed by tests/render.sh itself, only when it runs.
PKGS="gcc make pkg-config libigraph-dev libxml2-dev libgraphviz-dev graphviz
libgvc6 fonts-liberation2 libxml2-utils
libcmocka-dev libpoppler-glib-dev python3 python3-networkx python3-pypdf clang libclang-rt-14-dev valgrind time"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing Debian packages:$missing (run as root, or install them)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
