"""Going back to the previous .deb: two packages of two builds, the older installed, then
the newer (an upgrade), then the older again over it with `dpkg -i`, as IT would, each
build's program opening the same store in turn (the newer migrates it, backing it up
first; the older puts back that backup and says so).

Both are made by the release's own code (scripts/release/deb.py: the maintainer scripts,
units and control file of a real release) around a small bundle whose `mmc` runs a build's
Python code: this checkout for the older, a copy with one more migration for the newer
(tests/system/test_rollback.py), so no PyInstaller build is needed. dpkg, the maintainer
scripts and adduser run for real in a throwaway copy of this machine's system: a mount
namespace of their own (unshare) with overlays over /usr, /etc and /var and an empty
/opt, so nothing of the machine changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.migrate import file_revision, head_revision
from scripts.package import project_version
from scripts.release.deb import build_deb
from tests.system.test_rollback import NEWER, make_newer_build

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = {
    "mmc": "",
    "mmc-server": "server",
    "mmc-kiosk": "kiosk",
    "mmc-staffdesk": "staffdesk",
    "mmc-display": "display",
}

INSTALL_NEWER_THEN_OLDER = """
set -eu
for part in usr etc var; do
    mkdir -p "$WORK/$part-upper" "$WORK/$part-work"
    mount -t overlay overlay -o "lowerdir=/$part,upperdir=$WORK/$part-upper,workdir=$WORK/$part-work" "/$part"
done
mount -t tmpfs tmpfs /opt
export DEBIAN_FRONTEND=noninteractive
for deb in "$OLDER_DEB" "$NEWER_DEB"; do
    echo "== install $deb"
    dpkg -i "$deb"
    echo "== installed $(dpkg-query -W -f='${Version}' mmc-mms)"
    /opt/mmc-mms/mmc --data-dir "$DATA" init
done
echo "== install $OLDER_DEB again"
dpkg -i "$OLDER_DEB" 2>&1
echo "== installed $(dpkg-query -W -f='${Version}' mmc-mms)"
/opt/mmc-mms/mmc --data-dir "$DATA" init
echo "== user $(getent passwd mmc | cut -d: -f1)"
test -f /lib/systemd/system/mmc-server-backup.timer
test -f /usr/share/mmc-mms/monitoring/alerts.yml
"""


def bundle(folder: Path, code: Path) -> Path:
    """A bundle whose programs run the Python code in `code` (a build's core and the
    rest of this checkout), as the frozen programs run theirs."""
    folder.mkdir(parents=True)
    for program, command in PROGRAMS.items():
        path = folder / program
        path.write_text(f'#!/bin/sh\nPYTHONPATH={code} exec {sys.executable} -P -m core.cli {command} "$@"\n')
        path.chmod(0o755)
    return folder


def needs_namespaces() -> None:
    why = None
    if os.geteuid() != 0:
        why = "needs root (mount namespaces and overlays)"
    elif shutil.which("unshare") is None or shutil.which("dpkg") is None:
        why = "needs unshare and dpkg"
    else:
        probe = ["unshare", "--mount", "--propagation", "private", "true"]
        tried = subprocess.run(probe, capture_output=True, text=True, check=False)
        if tried.returncode != 0:
            why = f"cannot make a private mount namespace here (inside a chroot?): {tried.stderr.strip()}"
    if why is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs as root on Debian: {why}")
        pytest.skip(why)


def test_the_previous_deb_installs_over_a_newer_one_and_puts_the_store_back(tmp_path: Path) -> None:
    needs_namespaces()
    older_version = project_version()
    newer_version = f"{older_version}+1"
    newer_code = make_newer_build(tmp_path / "newer-code")
    newer = build_deb(bundle(tmp_path / "newer-bundle", newer_code), tmp_path / "newer", newer_version, tmp_path / "w1")
    older = build_deb(bundle(tmp_path / "older-bundle", ROOT), tmp_path / "older", older_version, tmp_path / "w2")
    data = tmp_path / "data"
    env = {
        **os.environ,
        "WORK": str(tmp_path / "overlay"),
        "NEWER_DEB": str(newer),
        "OLDER_DEB": str(older),
        "DATA": str(data),
        "MMC_LOG_DIR": str(tmp_path / "logs"),
    }
    had_user = subprocess.run(["getent", "passwd", "mmc"], capture_output=True, check=False).returncode == 0

    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", INSTALL_NEWER_THEN_OLDER],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )

    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert said.count(f"== installed {older_version}\n") == 2 and f"== installed {newer_version}\n" in said
    assert f"downgrading mmc-mms from {newer_version} to {older_version}" in said
    assert f"mmc-mms: going back from {newer_version} to {older_version}" in said, "the postinst says what follows"
    assert f"changed by a newer version of MMC-MMS (schema {NEWER})" in said, "the older program says what it did"
    assert "== user mmc" in said
    assert file_revision(data / "mmc.sqlite3") == head_revision()
    (kept,) = (data / "set-aside").glob(f"*newer-{NEWER}*.sqlite3")
    assert file_revision(kept) == NEWER
    assert not Path("/opt/mmc-mms").exists(), "the machine itself is untouched"
    assert (subprocess.run(["getent", "passwd", "mmc"], capture_output=True, check=False).returncode == 0) == had_user
