#!/usr/bin/env bash
# Installs what PersoPoint needs on a Debian machine (run as root). Idempotent and quick when all is present.
# Source it to get the functions, or run it: ./scripts/setup.sh [system|python|all]

PERSOPOINT_ROOT="${PERSOPOINT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PERSOPOINT_DEB_PACKAGES=(libsqlite3-dev zlib1g-dev libargon2-dev libqrencode-dev libpwquality-dev cracklib-runtime libpango1.0-dev libcairo2-dev fonts-dejavu-core poppler-utils postgresql chromium curl openssl nginx apache2 libapache2-mod-auth-openidc)

# Installs the Debian packages that are missing; apt-get update only when something is.
setup_system_packages() {
    local missing=() pkg
    for pkg in "${PERSOPOINT_DEB_PACKAGES[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    # Debian's own python3 cannot make a venv without python3-venv (pyenv builds can).
    if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
        missing+=(python3-venv)
    fi
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    echo "setup: installing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}" </dev/null
}

# Creates .venv and installs tests/requirements.txt, again only when that file changed.
# Playwright never downloads a browser: the tests drive Debian's /usr/bin/chromium.
setup_python_venv() {
    local venv="$PERSOPOINT_ROOT/.venv"
    local req="$PERSOPOINT_ROOT/tests/requirements.txt"
    local stamp="$venv/.requirements.sha256"
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    if [ ! -x "$venv/bin/python" ]; then
        echo "setup: creating Python venv at .venv"
        rm -rf "$venv"
        python3 -m venv "$venv"
    fi
    local want
    want="$(sha256sum "$req" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    echo "setup: installing tests/requirements.txt into .venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip </dev/null
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req" </dev/null
    echo "$want" >"$stamp"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-all}" in
        system) setup_system_packages ;;
        python) setup_python_venv ;;
        all) setup_system_packages; setup_python_venv ;;
        *) echo "usage: $0 [system|python|all]" >&2; exit 2 ;;
    esac
fi
