# Shared install steps for scripts/dashboard.sh and scripts/test.sh. Sourced, not run.
#
# Every step checks before it installs, so a second run on a prepared machine costs seconds, and every
# step works without a terminal: CI runs these with CI=true and no standard input.

# uv and npm must never stop to ask something: there is nobody to answer in CI.
export DEBIAN_FRONTEND=noninteractive
# The lock file is the contract; `uv run` must not re-resolve behind our back when pyproject.toml and
# uv.lock disagree for a moment while another developer is editing them.
export UV_FROZEN=1

log() {
    printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

die() {
    printf 'fout: %s\n' "$*" >&2
    exit 1
}

# Root needs no sudo; anyone else gets sudo -n so a password prompt fails at once instead of hanging CI.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        die "root-rechten nodig voor: $* (geen sudo gevonden)"
    fi
}

ensure_uv() {
    if command -v uv >/dev/null 2>&1; then
        return
    fi
    log "uv ontbreekt: installeren met pip"
    local py
    py="$(command -v python3 || command -v python)" || die "geen python3 gevonden om uv mee te installeren"
    # A Debian system Python refuses plain `pip install` (PEP 668); a user install is the polite fallback.
    # Only the last attempt's complaints are shown: the earlier refusals are expected and would confuse.
    "$py" -m pip install --quiet uv 2>/dev/null \
        || "$py" -m pip install --quiet --user uv 2>/dev/null \
        || "$py" -m pip install --quiet --user --break-system-packages uv \
        || die "pip kon uv niet installeren"
    hash -r
    if ! command -v uv >/dev/null 2>&1; then
        # pyenv shims and ~/.local/bin are not always on PATH right after an install: ask uv where it is.
        local uv_bin
        uv_bin="$("$py" -c 'import uv; print(uv.find_uv_bin())')" || die "uv is geïnstalleerd maar niet te vinden"
        PATH="$(dirname "$uv_bin"):$PATH"
        export PATH
        hash -r
    fi
    uv --version >&2
}

ensure_python_deps() {
    log "Python-pakketten installeren (uv sync --frozen --compile-bytecode)"
    # Compiled once here: without .pyc files (PYTHONDONTWRITEBYTECODE is set on some machines) every Python
    # process the tests and the dashboard start compiles pandas, plotly and streamlit again (about 2 s CPU each).
    uv sync --frozen --compile-bytecode
}

ensure_chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        return
    fi
    log "Chromium ontbreekt: installeren met apt-get (Debian-pakketten chromium, chromium-driver)"
    # Another apt run (an unattended upgrade, a colleague) may hold the lock; wait for it instead of failing.
    as_root apt-get -o DPkg::Lock::Timeout=600 update
    as_root apt-get -o DPkg::Lock::Timeout=600 install -y chromium chromium-driver
    [ -x /usr/bin/chromium ] || die "/usr/bin/chromium ontbreekt na apt-get install"
}

ensure_node_tools() {
    if ! command -v npm >/dev/null 2>&1; then
        log "npm ontbreekt: installeren met apt-get (Debian-pakketten nodejs, npm)"
        as_root apt-get -o DPkg::Lock::Timeout=600 update
        as_root apt-get -o DPkg::Lock::Timeout=600 install -y nodejs npm
    fi
    # axe-core comes from the npm registry at the version in package-lock.json, never from a CDN: the
    # tests must run on machines that only reach the package registries.
    log "axe-core en oauth2-mock-server installeren (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    [ -f node_modules/axe-core/axe.min.js ] || die "node_modules/axe-core/axe.min.js ontbreekt na npm ci"
    # The login tests start this OpenID Connect provider with node (tests/browser/oidc_provider.mjs).
    [ -f node_modules/oauth2-mock-server/dist/index.mjs ] \
        || die "node_modules/oauth2-mock-server ontbreekt na npm ci (nodig voor de inlogtests)"
    command -v node >/dev/null 2>&1 || die "node ontbreekt (nodig voor de inlogtests)"
}
