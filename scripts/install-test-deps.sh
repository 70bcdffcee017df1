#!/usr/bin/env bash
# Installs the optional test dependencies of xprc.
#
# Today that is only Debian's wine64, used by spec/validators/wine-reg.spec.ts
# to round-trip our .reg output through Wine's `reg import` / `reg export`
# (see docs reference reg-format.md §9). Wine is an optional stage: when it
# cannot be installed this script warns and exits 0, and the Wine test then
# skips itself with a message instead of failing CI.
#
# Idempotent: does nothing when /usr/lib/wine/wine64 already exists.
# Only `wine64` is installed (it pulls in libwine, ~100 MB download); the
# `wine` wrapper package and wine32 (needs i386 multiarch) are not needed
# (reg-format.md §9.1).
set -u

WINE64=/usr/lib/wine/wine64

log() { printf 'install-test-deps: %s\n' "$*"; }
warn() { printf 'install-test-deps: WARNING: %s\n' "$*" >&2; }

if [ -x "$WINE64" ]; then
    log "wine64 already installed at $WINE64 ($("$WINE64" --version 2>/dev/null || echo 'version unknown')); nothing to do"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    warn "not running as root: cannot install wine64; the Wine .reg round trip will be skipped"
    warn "run this script as root (or: sudo apt-get install -y --no-install-recommends wine64)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    warn "apt-get not available (not a Debian-based system?): the Wine .reg round trip will be skipped"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive

start=$(date +%s)
log "running: apt-get update"
if ! apt-get update; then
    warn "apt-get update failed: the Wine .reg round trip will be skipped"
    exit 0
fi

log "running: apt-get install -y --no-install-recommends wine64"
if ! apt-get install -y --no-install-recommends wine64; then
    warn "apt-get install wine64 failed: the Wine .reg round trip will be skipped"
    exit 0
fi
end=$(date +%s)

if [ -x "$WINE64" ]; then
    log "installed $("$WINE64" --version 2>/dev/null || echo wine64) in $((end - start)) s"
else
    warn "wine64 package installed but $WINE64 is missing: the Wine .reg round trip will be skipped"
fi
exit 0
