"""The Debian package: the PyInstaller folder in /opt/mmc-mms, launchers in /usr/bin,
desktop entries, systemd units for the server and for a kiosk or display screen with
their backup timers, and the monitoring files (alert rules, a sample Prometheus
configuration) in /usr/share/mmc-mms/monitoring.

Its `Depends:` names the Debian packages of the system libraries the bundle links to (the
build leaves those libraries out, see system_libs.py), found with ldd as dpkg-shlibdeps
would, plus the two the programs load without linking (libpq5 through ctypes, tzdata).
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import subprocess
from pathlib import Path

from scripts.qt_libraries import packages_for
from scripts.release.system_libs import SYSTEM_DIRS, debian_owners

HERE = Path(__file__).resolve().parent / "debian"
PREFIX = "opt/mmc-mms"
PROGRAMS = ("mmc", "mmc-kiosk", "mmc-staffdesk", "mmc-display", "mmc-server")
UNITS = (
    "mmc-server.service",
    "mmc-server-backup.service",
    "mmc-server-backup.timer",
    "mmc-station@.service",
    "mmc-station-backup@.service",
    "mmc-station-backup@.timer",
)
MONITORING_DIR = Path(__file__).resolve().parents[2] / "resources" / "monitoring"
MONITORING = ("alerts.yml", "prometheus.yml")
"""The alert rules and a sample scrape configuration, in /usr/share/mmc-mms/monitoring."""
LOADED_NOT_LINKED = ("libpq5", "tzdata", "adduser")
DESKTOP = {
    "mmc-staffdesk": ("MMC-MMS staff console", "وحدة تحكم الموظفين", "Office;MedicalSoftware;"),
    "mmc-kiosk": ("MMC-MMS check-in kiosk", "كشك التسجيل", "Office;MedicalSoftware;"),
    "mmc-display": ("MMC-MMS hall display", "شاشة القاعة", "Office;MedicalSoftware;"),
}


class PackagingError(RuntimeError):
    pass


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def linked_system_libraries(folder: Path) -> tuple[set[str], set[str]]:
    """The system libraries the bundle's executables and libraries load: (the paths of
    those found here, the names of those missing here)."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(folder / "_internal"))
    paths: set[str] = set()
    missing: set[str] = set()
    for elf in _elf_files(folder):
        listing = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env, check=False).stdout
        for line in listing.splitlines():
            name, arrow, rest = line.partition("=> ")
            target = rest.split(" (")[0].strip() if arrow else ""
            if target.startswith(SYSTEM_DIRS):
                paths.add(target)
            elif target == "not found":
                missing.add(name.strip())
    return paths, missing


def depends(folder: Path) -> list[str]:
    """The packages of the system libraries the bundle links to: by dpkg for those on this
    machine, by `LIBRARY_PACKAGES` for those a build machine without a desktop lacks
    (dpkg cannot say who owns a file that is not there)."""
    found, missing = linked_system_libraries(folder)
    by_name, unknown = packages_for(missing)
    if unknown:
        raise PackagingError(
            f"the bundle links to libraries this machine lacks and no known package provides: {', '.join(unknown)} "
            "(add them to LIBRARY_PACKAGES in scripts/qt_libraries.py)"
        )
    return sorted(set(debian_owners(found).values()) | set(by_name) | set(LOADED_NOT_LINKED))


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _desktop_entry(program: str) -> str:
    name, name_ar, categories = DESKTOP[program]
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={name}\n"
        f"Name[ar]={name_ar}\n"
        f"Exec=/usr/bin/{program}\n"
        "Terminal=false\n"
        f"Categories={categories}\n"
    )


def _changelog(version: str) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (
        f"mmc-mms ({version}) stable; urgency=medium\n\n"
        "  * Release of the kiosk, staff console, hall display and central server.\n\n"
        f" -- MMC-MMS committee IT <it@mmc-mms.invalid>  {when}\n"
    )


def stage(bundle: Path, root: Path, version: str) -> Path:
    """Lay out the package's files under `root` (a fresh folder)."""
    if not (bundle / "mmc").is_file():
        raise PackagingError(f"{bundle} is not a built bundle (no mmc program in it); run the build first")
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    for library in (root / PREFIX).rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            library.chmod(0o644)
    docs = root / "usr/share/doc/mmc-mms"
    _write(docs / "copyright", (HERE / "copyright").read_text(encoding="utf-8"))
    docs.joinpath("changelog.gz").write_bytes(gzip.compress(_changelog(version).encode(), mtime=0))
    for program in PROGRAMS:
        _write(root / "usr/bin" / program, f'#!/bin/sh\nexec /{PREFIX}/{program} "$@"\n', 0o755)
    for program in DESKTOP:
        _write(root / "usr/share/applications" / f"{program}.desktop", _desktop_entry(program))
    for unit in UNITS:
        _write(root / "lib/systemd/system" / unit, (HERE / unit).read_text(encoding="utf-8"))
    for name in MONITORING:
        _write(root / "usr/share/mmc-mms/monitoring" / name, (MONITORING_DIR / name).read_text(encoding="utf-8"))
    for name in ("mmc-server", "mmc-station"):
        _write(root / "etc/default" / name, (HERE / f"{name}.default").read_text(encoding="utf-8"))
    control = root / "DEBIAN"
    for script in ("postinst", "prerm", "postrm"):
        text = (HERE / script).read_text(encoding="utf-8").replace("@VERSION@", version)
        _write(control / script, text, 0o755)
    _write(control / "conffiles", "/etc/default/mmc-server\n/etc/default/mmc-station\n")
    installed_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    _write(
        control / "control",
        (HERE / "control.in")
        .read_text(encoding="utf-8")
        .format(
            version=version,
            architecture=architecture(),
            installed_kb=installed_kb,
            depends=", ".join(depends(bundle)),
        ),
    )
    return root


def build_deb(bundle: Path, out: Path, version: str, work: Path) -> Path:
    """Build `mmc-mms_<version>_<arch>.deb` in `out` from the PyInstaller folder."""
    root = work / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    stage(bundle, root, version)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"mmc-mms_{version}_{architecture()}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
        check=True,
        capture_output=True,
    )
    return target
