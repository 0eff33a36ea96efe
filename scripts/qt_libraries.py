"""The system libraries Qt needs here, and the Debian packages that provide them.

PySide6's wheels carry Qt but not what Qt links to: X11 and xcb, Wayland, EGL and GL,
fontconfig, PulseAudio and ALSA, speech-dispatcher, CUPS... A Python import of a Qt module
can succeed while the platform plugin that opens a window, the multimedia backend that
plays the chime or the text-to-speech plugin cannot load: Qt then only warns. So the test
here is the one Qt's plugin loader makes: do the plugin's libraries resolve (ldd)?

    python scripts/qt_libraries.py missing     the packages to install (exit 3: and some no package is known for)
    python scripts/qt_libraries.py check       exit 1 and name what does not resolve

`LIBRARY_PACKAGES` is the one table from a library to its Debian package: bootstrap
installs from it, and the .deb's `Depends:` uses it for libraries its build machine lacks.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtNetwork",
    "QtCharts",
    "QtMultimedia",
    "QtTextToSpeech",
    "QtPrintSupport",
    "QtSvg",
    "QtPdf",
)
"""The PySide6 modules the programs and the tests import."""

PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqwayland*.so",
    "platforms/libqoffscreen.so",
    "xcbglintegrations/*.so",
    "wayland-decoration-client/*.so",
    "wayland-graphics-integration-client/*.so",
    "wayland-shell-integration/*.so",
    "platforminputcontexts/libcompose*.so",
    "platforminputcontexts/libibus*.so",
    "multimedia/*.so",
    "texttospeech/*speechd*.so",
    "printsupport/*.so",
    "imageformats/*.so",
    "iconengines/*.so",
    "tls/*.so",
    "networkinformation/*.so",
)
"""Qt's plugins for windows (X11 and Wayland: a station runs under cage), sound, speech,
printing, images, TLS and network status."""

LIBRARY_PACKAGES = {
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
    "libc.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libm.so.6": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libresolv.so.2": "libc6",
    "libgcc_s.so.1": "libgcc-s1",
    "libstdc++.so.6": "libstdc++6",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbz2.so.1": "libbz2-1.0",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libdrm.so.2": "libdrm2",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXext.so.6": "libxext6",
    "libXrandr.so.2": "libxrandr2",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libpulse.so.0": "libpulse0",
    "libspeechd.so.2": "libspeechd2",
    "libcups.so.2": "libcups2",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
}
"""A library's file name (soname) to the Debian package that ships it, as Debian 12 names
it; on Debian 13 some carry a `t64` suffix (libasound2t64), which `installable` finds."""


def qt_root() -> Path:
    """PySide6's folder, found without importing it (which needs the libraries)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed in this Python.")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def qt_files(root: Path | None = None) -> list[Path]:
    """The Python modules and plugins of Qt the programs use."""
    base = root or qt_root()
    found: list[Path] = []
    for module in MODULES:
        found += sorted(base.glob(f"{module}.*.so")) + sorted(base.glob(f"{module}.abi3.so"))
    for pattern in PLUGINS:
        found += sorted((base / "Qt" / "plugins").glob(pattern))
    return sorted(set(found))


def unresolved(files: Iterable[Path]) -> dict[str, list[Path]]:
    """{library name: the files that need it} for every library the loader cannot find."""
    missing: dict[str, list[Path]] = {}

    def listing(path: Path) -> str:
        return subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout

    paths = list(files)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        listings = list(pool.map(listing, paths))
    for path, text in zip(paths, listings, strict=True):
        for line in text.splitlines():
            name, _, target = line.partition("=>")
            if target.strip() == "not found":
                missing.setdefault(name.strip(), []).append(path)
    return missing


def installable(package: str) -> str:
    """`package`, or its `t64` successor where this system's apt knows only that one."""
    if shutil.which("apt-cache") is None:
        return package
    for name in (package, f"{package}t64"):
        policy = subprocess.run(["apt-cache", "policy", name], capture_output=True, text=True, check=False).stdout
        if "Candidate:" in policy and "Candidate: (none)" not in policy:
            return name
    return package


def packages_for(libraries: Iterable[str]) -> tuple[list[str], list[str]]:
    """(the packages that provide `libraries`, the libraries no package is known for)."""
    packages, unknown = set(), []
    for name in libraries:
        if name in LIBRARY_PACKAGES:
            packages.add(LIBRARY_PACKAGES[name])
        else:
            unknown.append(name)
    return sorted(installable(p) for p in packages), sorted(unknown)


def _describe(missing: dict[str, list[Path]], root: Path) -> str:
    return "\n".join(
        f"  {name} (for {', '.join(sorted({str(p.relative_to(root)) for p in users})[:3])})"
        for name, users in sorted(missing.items())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qt_libraries.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("missing", "check"))
    args = parser.parse_args(argv)
    root = qt_root()
    missing = unresolved(qt_files(root))
    packages, unknown = packages_for(missing)
    if args.action == "missing":
        if unknown:
            described = _describe({name: missing[name] for name in unknown}, root)
            print(f"Qt needs libraries no known package provides:\n{described}", file=sys.stderr)
        print(" ".join(packages))
        return 3 if unknown else 0
    if missing:
        print(f"Qt's plugins cannot load; these libraries are missing:\n{_describe(missing, root)}", file=sys.stderr)
        if packages:
            print(f"Install them (as root: apt-get install {' '.join(packages)}) and run again.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
