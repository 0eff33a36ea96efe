"""The systemd units and monitoring files as the .deb lays them out: the package made by
the release's own code (around a small bundle, see test_deb_rollback.py) is unpacked into
a root beside this machine's own units, and `systemd-analyze verify --root` checks every
unit and timer there, with the programs their ExecStart names found where the package
puts them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from scripts.package import project_version
from scripts.release.deb import MONITORING, UNITS, build_deb
from tests.packaging.test_deb_rollback import ROOT, bundle
from tests.system.test_scheduled_backups import HOST_UNITS, needs


def test_the_packaged_units_and_timers_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = needs("systemd-analyze")
    deb = build_deb(bundle(tmp_path / "bundle", ROOT), tmp_path / "out", project_version(), tmp_path / "work")
    root = tmp_path / "root"
    unpacked = tmp_path / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    for name in MONITORING:
        assert (unpacked / "usr/share/mmc-mms/monitoring" / name).is_file()
    assert sorted(p.name for p in (unpacked / "lib/systemd/system").iterdir()) == sorted(UNITS)
    shutil.copytree(HOST_UNITS, root / "lib/systemd/system", symlinks=True)
    shutil.copytree(unpacked, root, symlinks=True, dirs_exist_ok=True)
    for recommended in ("usr/bin/cage", "usr/bin/dbus-run-session"):
        (root / recommended).write_text('#!/bin/sh\nexec "$@"\n')
        (root / recommended).chmod(0o755)
    instances = [unit.replace("@.", "@kiosk.") for unit in UNITS]

    checked = subprocess.run(
        [analyze, "verify", "--man=no", f"--root={root}", *(f"lib/systemd/system/{unit}" for unit in instances)],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )

    assert checked.returncode == 0 and not checked.stdout + checked.stderr, checked.stdout + checked.stderr
