"""Files the apps load at start (fonts, translations), found the same way from a source
checkout, an installed package or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding `resources/` and `translations/`: PyInstaller's unpack folder
    when frozen, else the project (or site-packages) folder."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return bundle_root() / "translations"
