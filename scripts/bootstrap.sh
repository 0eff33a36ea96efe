# Sourced by scripts/demo and scripts/test: make .venv with the project installed, on a
# fresh Debian machine with nothing but Python 3.11+. Installs python3-venv with apt-get
# when the interpreter has no venv module (Debian ships it apart), as root only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${1:-}"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  echo "MMC-MMS needs Python 3.11 or newer; none was found on PATH." >&2
  return 1
}

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages: $*. Install them (as root: apt-get install $*) and run again." >&2
    return 1
  fi
  if [ -z "${MMC_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    export MMC_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

PYTHON="$(find_python)"
if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    version="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    apt_install "python${version}-venv" || apt_install python3-venv
  fi
  "$PYTHON" -m venv "$VENV"
fi

stamp="$VENV/.installed-$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)${EXTRAS:+-$EXTRAS}"
if [ ! -f "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
  target="$ROOT"
  [ -n "$EXTRAS" ] && target="$ROOT[$EXTRAS]"
  "$VENV/bin/python" -m pip install -q -e "$target" 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -c 'import core, sqlalchemy, alembic' || { echo "The install failed." >&2; exit 1; }
  touch "$stamp"
fi

# Qt's system libraries, for the windows and the offscreen tests.
if ! QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -c 'from PySide6 import QtCharts, QtGui, QtMultimedia, QtTextToSpeech, QtWidgets' 2>/dev/null; then
  apt_install libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0 || true
fi

# The release tools the packaging tests use (tests/packaging): dpkg-deb and gpgv are on
# every Debian system; gpg signs, osslsigncode signs Windows programs, libpq5 is the
# PostgreSQL client library a frozen server loads, icupkg and gcc rebuild ICU's data with
# Arabic and English only (scripts/release/icu_data.py).
if [ "$EXTRAS" = "dev" ]; then
  missing=()
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  command -v gpgv >/dev/null 2>&1 || missing+=(gpgv)
  command -v osslsigncode >/dev/null 2>&1 || missing+=(osslsigncode)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  ldconfig -p 2>/dev/null | grep -q 'libpq\.so\.5' || missing+=(libpq5)
  command -v icupkg >/dev/null 2>&1 || missing+=(icu-devtools)
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}" || true; fi
fi
