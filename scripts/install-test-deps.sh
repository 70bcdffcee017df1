#!/usr/bin/env bash
# Installs the test dependencies of xprc that npm does not bring:
#
#   - PowerShell 7.6.9 (the .NET global tool `pwsh`, from NuGet) and Pester
#     5.7.1 (from NuGet): the oracle that runs generated scripts
#     (spec/pwsh/). Pester 5 is what engineers have on Windows PowerShell 5.1,
#     so the generated <NODE>.Tests.ps1 files target it.
#   - Debian's wine64: the .reg round trip (spec/validators/wine-reg.spec.ts).
#
# Idempotent, as root or as a user: each part is skipped when it is already
# there. A part that cannot be installed warns and the script goes on; the
# tests that need it then skip with a message, except under CI (CI=true),
# where spec/helpers/pwsh.ts turns a missing pwsh into a failure so that a
# green CI run always means the scripts were run.
set -u

PWSH_VERSION=7.6.9
PESTER_VERSION=5.7.1
WINE64=/usr/lib/wine/wine64

log() { printf 'install-test-deps: %s\n' "$*"; }
warn() { printf 'install-test-deps: WARNING: %s\n' "$*" >&2; }

# --- PowerShell -------------------------------------------------------------
TOOLS_DIR="${HOME}/.dotnet/tools"
PWSH="${TOOLS_DIR}/pwsh"
install_pwsh() {
    if [ -x "$PWSH" ] && [ "$("$PWSH" -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null)" = "$PWSH_VERSION" ]; then
        log "pwsh $PWSH_VERSION already installed at $PWSH"
        return 0
    fi
    if ! command -v dotnet >/dev/null 2>&1; then
        warn "dotnet not found: cannot install pwsh; the PowerShell tests will be skipped (and fail under CI)"
        return 0
    fi
    if [ -x "$PWSH" ]; then
        log "updating pwsh to $PWSH_VERSION"
        dotnet tool update --global PowerShell --version "$PWSH_VERSION" || warn "dotnet tool update PowerShell failed"
    else
        log "running: dotnet tool install --global PowerShell --version $PWSH_VERSION"
        dotnet tool install --global PowerShell --version "$PWSH_VERSION" || warn "dotnet tool install PowerShell failed"
    fi
}

# Pester goes into the user's module folder that pwsh on Linux searches
# ($HOME/.local/share/powershell/Modules), one folder per version, so
# `Import-Module Pester -RequiredVersion 5.7.1` finds it.
MODULES_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/powershell/Modules"
PESTER_DIR="${MODULES_DIR}/Pester/${PESTER_VERSION}"
install_pester() {
    if [ -f "${PESTER_DIR}/Pester.psd1" ]; then
        log "Pester $PESTER_VERSION already installed at $PESTER_DIR"
        return 0
    fi
    local tmp
    tmp="$(mktemp -d)"
    # The NuGet v3 flat container serves a package by id and version; the id
    # is lower-cased in the URL.
    local url="https://api.nuget.org/v3-flatcontainer/pester/${PESTER_VERSION}/pester.${PESTER_VERSION}.nupkg"
    log "downloading Pester $PESTER_VERSION from NuGet"
    if ! curl -sSfL --retry 3 -o "$tmp/pester.nupkg" "$url"; then
        warn "could not download Pester $PESTER_VERSION: the PowerShell tests will be skipped (and fail under CI)"
        rm -rf "$tmp"
        return 0
    fi
    mkdir -p "$tmp/pkg" "$PESTER_DIR"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$tmp/pester.nupkg" -d "$tmp/pkg"
    else
        python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$tmp/pester.nupkg" "$tmp/pkg"
    fi
    # The module is the package's tools/ folder.
    cp -R "$tmp/pkg/tools/." "$PESTER_DIR/"
    rm -rf "$tmp"
    log "installed Pester $PESTER_VERSION at $PESTER_DIR"
}

# --- Wine ------------------------------------------------------------------
install_wine() {
    if [ -x "$WINE64" ]; then
        log "wine64 already installed at $WINE64"
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        warn "not running as root: cannot install wine64; the Wine .reg round trip will be skipped"
        warn "run this script as root (or: sudo apt-get install -y --no-install-recommends wine64)"
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        warn "apt-get not available (not a Debian-based system?): the Wine .reg round trip will be skipped"
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    local start end
    start=$(date +%s)
    log "running: apt-get update"
    apt-get update || { warn "apt-get update failed: the Wine .reg round trip will be skipped"; return 0; }
    # Only wine64 (libwine with it); neither the `wine` wrapper nor wine32.
    log "running: apt-get install -y --no-install-recommends wine64"
    apt-get install -y --no-install-recommends wine64 || { warn "apt-get install wine64 failed: the Wine .reg round trip will be skipped"; return 0; }
    end=$(date +%s)
    log "installed wine64 in $((end - start)) s"
}

install_pwsh
install_pester
install_wine
exit 0
