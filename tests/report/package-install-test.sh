#!/usr/bin/env bash
# test_packaging: builds the .deb and .tar.gz from this build tree with CPack,
# checks their contents, then installs the .deb into a clean Debian 13 root
# (mmdebstrap --variant=apt, dependencies resolved from the mirror) and runs
# `casectl --version`, `casebook --version` and a small casectl session there.
# Downloaded .debs are cached between runs. Exit 77 (skipped) when the
# environment cannot do it: not root, or no route to the Debian mirror.
set -euo pipefail
BUILD="${1:?usage: package-install-test.sh BUILD_DIR}"
MIRROR="${CASEBOOK_MIRROR:-http://deb.debian.org/debian}"
CACHE="${CASEBOOK_PKGTEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/casebook/pkgtest}"
WORK="$(mktemp -d /tmp/casebook-pkgtest.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
say() { printf '[pkgtest] %s\n' "$*"; }
fail() { printf '[pkgtest] FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf '[pkgtest] SKIP: %s\n' "$*"; exit 77; }
t0=$(date +%s)

[ "$(id -u)" = 0 ] || skip "needs root (mmdebstrap --mode=root); run inside tools/dev"
command -v cpack >/dev/null || fail "cpack not found"

# 1. The packages, from this build tree.
cpack --config "$BUILD/CPackConfig.cmake" -G "DEB;TGZ" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log"; fail "cpack failed"; }
DEB="$(ls "$WORK"/pkg/casebook_*_*.deb)"
TGZ="$(ls "$WORK"/pkg/casebook-*-Linux.tar.gz)"
say "built $(basename "$DEB") and $(basename "$TGZ") in $(( $(date +%s) - t0 )) s"
dpkg-deb -c "$DEB" >"$WORK/deb.list"
contents="$(awk '{print $6}' "$WORK/deb.list")"
for f in ./usr/bin/casebook ./usr/bin/casectl ./usr/share/applications/casebook.desktop \
         ./usr/share/mime/packages/casebook.xml ./usr/share/metainfo/org.casebook.Casebook.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/casebook.svg; do
    grep -qxF "$f" <<<"$contents" || fail "$f missing from the .deb"
done
dpkg-deb -f "$DEB" Depends | grep -q libqt6widgets6 || fail "Depends lacks the Qt libraries: $(dpkg-deb -f "$DEB" Depends)"
tar -tzf "$TGZ" >"$WORK/tgz.list"
grep -q '^casebook-[0-9.]*-Linux/bin/casectl$' "$WORK/tgz.list" || fail "casectl missing from the .tar.gz"
grep -q '^casebook-[0-9.]*-Linux/bin/casebook$' "$WORK/tgz.list" || fail "casebook missing from the .tar.gz"

# 2. mmdebstrap: the installed one, or the Debian package fetched once with apt
#    (private lists and cache: the build root's apt state is not touched).
MM=(mmdebstrap)
if ! command -v mmdebstrap >/dev/null; then
    if [ ! -x "$CACHE/mmdebstrap/usr/bin/mmdebstrap" ]; then
        mkdir -p "$WORK/apt/lists/partial" "$WORK/apt/archives/partial" "$CACHE"
        aptopts=(-q -o "Dir::State::Lists=$WORK/apt/lists" -o "Dir::Cache::Archives=$WORK/apt/archives"
                 -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o Debug::NoLocking=1)
        apt-get "${aptopts[@]}" update >"$WORK/apt.log" 2>&1 || skip "no route to the Debian mirror (apt-get update failed)"
        (cd "$WORK/apt" && apt-get "${aptopts[@]}" download mmdebstrap >>"$WORK/apt.log" 2>&1) || skip "cannot download mmdebstrap"
        rm -rf "$CACHE/mmdebstrap"
        dpkg -x "$WORK"/apt/mmdebstrap_*.deb "$CACHE/mmdebstrap"
    fi
    MM=(perl "$CACHE/mmdebstrap/usr/bin/mmdebstrap")
    export PATH="$CACHE/mmdebstrap/usr/bin:$PATH" # mmtarfilter, used by sync-in/out
fi

# 3. A clean Debian 13 root with the .deb and what it depends on.
mkdir -p "$CACHE/debs" "$WORK/in"
cp "$DEB" "$WORK/in/casebook.deb"
t1=$(date +%s)
"${MM[@]}" --mode=root --variant=apt --quiet \
    --dpkgopt=force-unsafe-io \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/casebook/*' \
    --skip=download/empty \
    --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
    --setup-hook="sync-in $CACHE/debs /var/cache/apt/archives/" \
    --extract-hook="mkdir -p \"\$1$WORK/in\" && cp $WORK/in/casebook.deb \"\$1$WORK/in/\"" \
    --include="$WORK/in/casebook.deb" \
    --customize-hook="sync-out /var/cache/apt/archives $CACHE/debs" \
    --customize-hook='chroot "$1" casectl --version >"$1/casectl.version"' \
    --customize-hook='chroot "$1" casebook --version >"$1/casebook.version"' \
    --customize-hook='chroot "$1" sh -c "cd /tmp && casectl new t.casebook --title smoke && casectl status t.casebook add up && casectl report t.casebook" >"$1/report.md"' \
    trixie "$WORK/root" "$MIRROR" >"$WORK/mmdebstrap.log" 2>&1 || {
        if grep -qiE "could not resolve|temporary failure|failed to fetch|connection" "$WORK/mmdebstrap.log"; then
            tail -5 "$WORK/mmdebstrap.log"; skip "no route to the Debian mirror"
        fi
        tail -30 "$WORK/mmdebstrap.log"; fail "mmdebstrap could not install the package"; }
say "clean root with the package in $(( $(date +%s) - t1 )) s"

R="$WORK/root"
grep -qx "casectl $(dpkg-deb -f "$DEB" Version)" "$R/casectl.version" || fail "casectl --version: $(cat "$R/casectl.version")"
grep -qx "casebook $(dpkg-deb -f "$DEB" Version)" "$R/casebook.version" || fail "casebook --version: $(cat "$R/casebook.version")"
grep -q '^# smoke' "$R/report.md" || fail "casectl report in the clean root: $(head -3 "$R/report.md")"
# The shared-mime-info trigger registered the case-file type.
[ -f "$R/usr/share/mime/application/x-casebook.xml" ] || fail "MIME type application/x-casebook not registered"
[ "$(chroot "$R" dpkg-query -W -f='${Status}' casebook)" = "install ok installed" ] || fail "casebook not installed cleanly"
say "ok: $(cat "$R/casectl.version"), $(cat "$R/casebook.version"); total $(( $(date +%s) - t0 )) s"
