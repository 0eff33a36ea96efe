"""Bootstrap's list of system packages against what Qt's shipped parts really link to: a
library a plugin needs that no package in the list provides would leave a fresh machine
without windows, sound, speech or printing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from elftools.elf.dynamic import DynamicSection
from elftools.elf.elffile import ELFFile

from scripts.qt_libraries import LIBRARY_PACKAGES, packages_for, qt_files, qt_root, unresolved


def needed(path: Path) -> list[str]:
    """The libraries an ELF file names in its dynamic section (DT_NEEDED)."""
    with path.open("rb") as file:
        for section in ELFFile(file).iter_sections():
            if isinstance(section, DynamicSection):
                return [tag.needed for tag in section.iter_tags() if tag.entry.d_tag == "DT_NEEDED"]
    return []


def system_libraries_of_qt() -> dict[str, set[str]]:
    """{library outside the wheels: the shipped Qt files that need it}, following the
    wheels' own libraries (Qt's, shiboken's) to what they need in turn."""
    root = qt_root()
    folders = (root, root / "Qt" / "lib", root.parent / "shiboken6")
    inside = {p.name: p for folder in folders for p in folder.glob("*.so*")}
    found: dict[str, set[str]] = {}
    seen: set[Path] = set()
    pending = list(qt_files(root))
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in needed(path):
            if name in inside:
                pending.append(inside[name])
            else:
                found.setdefault(name, set()).add(path.name)
    return found


def test_the_scope_holds_the_plugins_for_windows_sound_speech_and_printing() -> None:
    names = {p.name for p in qt_files()}
    for plugin in ("libqxcb.so", "libqwayland.so", "libqtexttospeech_speechd.so", "libcupsprintersupport.so"):
        assert plugin in names
    assert any(name.startswith("libffmpegmediaplugin") for name in names)
    assert any(name.startswith("QtMultimedia.") for name in names)


def test_every_system_library_qt_links_to_has_a_package_in_the_list() -> None:
    libraries = system_libraries_of_qt()
    assert "libxcb-cursor.so.0" in libraries and "libspeechd.so.2" in libraries
    unknown = {name: sorted(users)[:3] for name, users in libraries.items() if name not in LIBRARY_PACKAGES}
    assert unknown == {}, f"add these to LIBRARY_PACKAGES in scripts/qt_libraries.py: {unknown}"


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="asks dpkg who ships each library")
def test_the_list_names_the_package_that_ships_each_library_here() -> None:
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    located: dict[str, str] = {}
    for line in cache.splitlines():
        name, arrow, path = line.strip().partition(" => ")
        if arrow:
            located.setdefault(name.split(" (")[0], path.strip())
    wrong = {}
    for name, package in LIBRARY_PACKAGES.items():
        if name not in located:
            continue
        owner = subprocess.run(["dpkg-query", "-S", located[name]], capture_output=True, text=True, check=False)
        if owner.returncode != 0:
            real = Path(located[name]).resolve()
            owner = subprocess.run(["dpkg-query", "-S", str(real)], capture_output=True, text=True, check=False)
        if owner.returncode == 0:
            shipped_by = owner.stdout.split(":")[0].split(",")[0]
            if shipped_by not in (package, f"{package}t64"):
                wrong[name] = (package, shipped_by)
    assert wrong == {}, f"(listed, shipped by): {wrong}"


@pytest.mark.skipif(shutil.which("gcc") is None, reason="builds a small library with gcc")
def test_a_library_the_loader_cannot_find_is_reported_with_its_package(tmp_path: Path) -> None:
    """The check bootstrap makes, on a plugin-like library linked to two libraries that
    are then taken away: one the list knows, one it does not. (-nostdlib: a bare gcc
    without the C library's development files can build these.)"""
    for soname in ("libxcb-icccm.so.4", "libmmc-nowhere.so.1"):
        stub = tmp_path / soname
        subprocess.run(
            ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", stub, "-x", "c", "/dev/null"], check=True
        )
    plugin = tmp_path / "libqfake.so"
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-nostdlib",
            "-o",
            plugin,
            "-x",
            "c",
            "/dev/null",
            "-x",
            "none",
            "-Wl,--no-as-needed",
            tmp_path / "libxcb-icccm.so.4",
            tmp_path / "libmmc-nowhere.so.1",
        ],
        check=True,
    )
    (tmp_path / "libmmc-nowhere.so.1").unlink()
    missing = unresolved([plugin])
    assert "libmmc-nowhere.so.1" in missing and missing["libmmc-nowhere.so.1"] == [plugin]
    packages, unknown = packages_for(["libxcb-icccm.so.4", "libmmc-nowhere.so.1"])
    assert packages in (["libxcb-icccm4"], ["libxcb-icccm4t64"])
    assert unknown == ["libmmc-nowhere.so.1"]
