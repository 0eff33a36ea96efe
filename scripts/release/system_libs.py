"""Which collected libraries the target system already provides.

A .deb for Debian should not carry its own copies of the system's libraries (glib, X11,
fontconfig, cups, openssl…): it names their packages in `Depends:` and the system keeps
them patched. This finds the libraries PyInstaller collected from the system's library
folders and the Debian package owning each; the build leaves those out of the bundle.
Libraries that came with a wheel (Qt, ICU, Pillow's) stay, and so do the interpreter's own
(libpython and the standard library's extension modules) even where a Debian package
owns them: the frozen programs load those from the bundle, never from the system."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from collections.abc import Iterable

SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def _aliases(path: str) -> list[str]:
    """dpkg records a file under the path its package shipped it at; with merged /usr the
    same file is reached as /lib/... and /usr/lib/..."""
    real = os.path.realpath(path)
    names = {path, real}
    for name in list(names):
        if name.startswith("/usr/"):
            names.add(name[len("/usr") :])
        else:
            names.add("/usr" + name)
    return sorted(names)


def interpreter_own(path: str) -> bool:
    """Whether `path` is part of the Python that builds: its shared library or one of the
    standard library's compiled modules (lib-dynload)."""
    real = os.path.realpath(path)
    if os.path.basename(real).startswith("libpython"):
        return True
    dynload = sysconfig.get_config_var("DESTSHARED")
    return bool(dynload) and real.startswith(os.path.realpath(dynload) + os.sep)


def debian_owners(paths: Iterable[str]) -> dict[str, str]:
    """{collected path: Debian package} for the paths a Debian package owns, leaving out
    the interpreter's own; {} where there is no dpkg (another system: everything stays in
    the bundle)."""
    if shutil.which("dpkg-query") is None:
        return {}
    candidates = {path: _aliases(path) for path in paths if path.startswith(SYSTEM_DIRS) and not interpreter_own(path)}
    every = sorted({alias for aliases in candidates.values() for alias in aliases})
    if not every:
        return {}
    found = subprocess.run(["dpkg-query", "-S", *every], capture_output=True, text=True, check=False).stdout
    owner_of: dict[str, str] = {}
    for line in found.splitlines():
        package, _, owned = line.partition(": ")
        if package and owned and "diversion" not in package:
            owner_of[owned.strip()] = package.split(":")[0].split(",")[0].strip()
    result = {}
    for path, aliases in candidates.items():
        package = next((owner_of[a] for a in aliases if a in owner_of), None)
        if package is not None:
            result[path] = package
    return result
