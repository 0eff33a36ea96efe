"""What every program's About shows: which build this is (version, commit, build date)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.version import build_info


def about_lines() -> list[str]:
    info = build_info()
    built = (
        QCoreApplication.translate("About", "Built {date}").format(
            date=info.built.replace("T", " ").rstrip("Z") + " UTC"
        )
        if info.built
        else QCoreApplication.translate("About", "Run from source, not a build")
    )
    return [
        QCoreApplication.translate("About", "Version {version}").format(version=info.version),
        QCoreApplication.translate("About", "Commit {commit}").format(commit=info.commit),
        built,
    ]


def about_text() -> str:
    """The build in one line, for a corner of a screen."""
    return QCoreApplication.translate("About", "MMC-MMS \u00b7 {details}").format(
        details=" \u00b7 ".join(about_lines())
    )
