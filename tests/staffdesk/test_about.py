"""The console's About tab: which build this is, for IT and support calls."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.version import build_info
from tests.qtsupport import tap
from tests.staffdesk.conftest import ConsoleFactory


def test_every_user_sees_the_version_commit_and_site_in_about(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    window = make_console("nurse")
    about = window.page("about")
    info = build_info()
    shown = [line.text() for line in about.lines]
    assert shown == [f"Version {info.version}", f"Commit {info.commit}", "Run from source, not a build"]
    assert about.site.text() and about.isVisible()
    tap(qtbot, window, "staff_language")
    assert about.lines[0].text() == f"الإصدار {info.version}"
