# Sourced by scripts/demo and scripts/test: make .venv with the project installed, on a
# fresh Debian machine with nothing but Python 3.11+. As root it installs with apt-get
# what is missing: python3-venv (Debian ships it apart), the system libraries Qt's
# windows, sound, speech and printing load (found as Qt's plugin loader would, by
# scripts/qt_libraries.py), and for the test tools the release tools and libpython.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${1:-}"

say() { echo "== $*"; }

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
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    export MMC_APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

faketime_library() {
  ls /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 2>/dev/null | head -n 1 | grep .
}

PYTHON="$(find_python)"
if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    version="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    say "$PYTHON has no venv module: installing python${version}-venv"
    apt_install "python${version}-venv" || apt_install python3-venv
  fi
  say "making $VENV with $PYTHON"
  "$PYTHON" -m venv "$VENV"
fi

stamp="$VENV/.installed-$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)${EXTRAS:+-$EXTRAS}"
if [ ! -f "$stamp" ]; then
  say "installing MMC-MMS${EXTRAS:+ with its $EXTRAS tools} and the Python packages it needs into $VENV (first run: a few minutes)"
  "$VENV/bin/python" -m pip install --upgrade pip
  target="$ROOT"
  [ -n "$EXTRAS" ] && target="$ROOT[$EXTRAS]"
  "$VENV/bin/python" -m pip install -e "$target"
  "$VENV/bin/python" -c 'import core, sqlalchemy, alembic' || { echo "The install failed." >&2; exit 1; }
  touch "$stamp"
fi

# Qt's system libraries: what its plugins for windows, sound, speech and printing load.
unknown=0
needed="$("$VENV/bin/python" "$ROOT/scripts/qt_libraries.py" missing)" || unknown=1
if [ -n "$needed" ] || [ "$unknown" = 1 ]; then
  say "Qt's plugins need system libraries this machine lacks"
  # shellcheck disable=SC2086
  [ -z "$needed" ] || apt_install $needed || true
  if [ "$EXTRAS" = "dev" ]; then
    "$VENV/bin/python" "$ROOT/scripts/qt_libraries.py" check
  else
    "$VENV/bin/python" "$ROOT/scripts/qt_libraries.py" check || echo "(the windows need them; the headless demo does not)" >&2
  fi
fi

# The hall's voice: the default voice pack (resources/voice, made here, not kept in git),
# every clip said by espeak-ng from its text (scripts/make_voice_pack.py; docs/VOICE.md).
# Made again only when its words or the engine changed. Without espeak-ng the hall display
# chimes and says what a speech engine can.
command -v espeak-ng >/dev/null 2>&1 || apt_install espeak-ng || true
if command -v espeak-ng >/dev/null 2>&1; then
  "$VENV/bin/python" "$ROOT/scripts/make_voice_pack.py" "$ROOT/resources/voice" --if-stale >/dev/null ||
    echo "(the default voice pack could not be made: the hall display will chime without its voice)" >&2
fi

# The release tools the packaging tests use (tests/packaging): dpkg-deb and gpgv are on
# every Debian system; gpg signs, osslsigncode signs Windows programs, libpq5 is the
# PostgreSQL client library a frozen server loads, icupkg and gcc rebuild ICU's data with
# Arabic and English only (scripts/release/icu_data.py); PyInstaller needs the
# interpreter's shared library, which Debian ships apart (libpython3.X).
if [ "$EXTRAS" = "dev" ]; then
  missing=()
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  command -v gpgv >/dev/null 2>&1 || missing+=(gpgv)
  command -v osslsigncode >/dev/null 2>&1 || missing+=(osslsigncode)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  ldconfig -p 2>/dev/null | grep -q 'libpq\.so\.5' || missing+=(libpq5)
  command -v icupkg >/dev/null 2>&1 || missing+=(icu-devtools)
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  libpython="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_config_var("INSTSONAME") or "")')"
  libdir="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')"
  if [ -n "$libpython" ] && [ ! -e "$libdir/$libpython" ] && ! ldconfig -p 2>/dev/null | grep -qF "$libpython"; then
    missing+=("$("$VENV/bin/python" -c 'import sys; print(f"libpython{sys.version_info[0]}.{sys.version_info[1]}")')")
  fi
  # libfaketime runs a device process with its clock days off (tests/system/test_clocks.py).
  faketime_library >/dev/null || missing+=(faketime)
  # systemd-analyze verifies the .deb's units and timers (tests/system/test_scheduled_backups.py);
  # promtool (Debian's prometheus) checks and tests the alert rules (tests/sync/test_metrics.py).
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  if [ ${#missing[@]} -gt 0 ]; then
    say "the packaging and clock tests need tools this machine lacks: ${missing[*]}"
    apt_install "${missing[@]}" || true
  fi
fi
