"""Logging in (offline: the hashes are in the local store), roles, the idle lock and
switching user."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.schema import AuditEntry
from core.store import Store
from staffdesk.messages import tr
from staffdesk.window import StaffWindow
from sync.client import SyncStatus
from sync.runtime.qt import Languages
from tests.qtsupport import tap
from tests.staffdesk.conftest import ConsoleFactory, log_in


def tab_titles(window: StaffWindow) -> list[str]:
    """The titles of the tabs the user sees."""
    tabs = window.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


def test_the_first_login_offers_no_other_user(make_console: ConsoleFactory) -> None:
    window = make_console(None)
    assert window.login.username.isVisible() and not window.login.other_user.isVisible()


def test_a_right_password_opens_the_pages_of_the_role(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    nurse = make_console("nurse")
    assert tab_titles(nurse) == ["Queue", "Sync", "About"]
    assert "nurse" in nurse.who.text() and "Clinic staff" in nurse.who.text()
    chief = make_console("chief")
    assert tab_titles(chief) == ["Queue", "Dashboard", "Reports", "Sync", "Audit log", "About"]
    boss = make_console("boss")
    assert tab_titles(boss) == ["Queue", "Dashboard", "Reports", "Administration", "Sync", "Audit log", "About"]


def test_a_wrong_password_is_refused_in_the_users_language(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console(None, language="ar")
    log_in(qtbot, window, "nurse", "not-the-password")
    assert window.stack.currentWidget() is window.login
    assert window.login.message.text() == "اسم المستخدم أو كلمة المرور غير صحيحة."
    assert window.login.password.text() == ""
    assert window.login.username.text() == "nurse"
    log_in(qtbot, window, "nobody", "whatever-1")
    assert window.stack.currentWidget() is window.login
    with clinic_store.db.read() as session:
        refused = session.scalars(
            select(AuditEntry.target).where(AuditEntry.action == "log_in", AuditEntry.outcome == "refused")
        ).all()
    assert refused == ["nurse", "nobody"]


def test_the_console_locks_after_idle_time_and_the_same_user_unlocks_it(
    qtbot: QtBot, make_console: ConsoleFactory
) -> None:
    window = make_console("nurse")
    window.queue.choose_clinic("lab", "7")
    window.idle_s = 1
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login, timeout=4000)
    assert window.login.username.isReadOnly() and window.login.username.text() == "nurse"
    assert "Locked" in window.login.heading.text()
    log_in(qtbot, window, "nurse", "wrong-password")
    assert window.stack.currentWidget() is window.login
    window.idle_s = 300
    log_in(qtbot, window, "nurse")
    assert window.stack.currentWidget() is window.work
    assert window.queue.clinic_code == "lab" and window.queue.room.text() == "7"


def test_lock_and_switch_user_by_their_buttons(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    window = make_console("nurse")
    tap(qtbot, window, "staff_lock")
    assert window.stack.currentWidget() is window.login
    tap(qtbot, window, "login_other_user")
    log_in(qtbot, window, "chief")
    assert window.desk.user is not None and window.desk.user.name == "chief"
    assert "Dashboard" in tab_titles(window)
    tap(qtbot, window, "staff_switch_user")
    assert window.desk.user is None and window.stack.currentWidget() is window.login
    log_in(qtbot, window, "boss")
    assert "Administration" in tab_titles(window)


def test_the_language_switches_live_and_mirrors_the_layout(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    window = make_console("boss")
    window.show_sync_status(SyncStatus(online=True))
    assert window.badge.text() == "Online"
    tap(qtbot, window, "staff_language")
    assert window.badge.text() == "متصل", "the sync badge follows the language"
    assert tab_titles(window)[0] == "الطابور"
    assert window.isRightToLeft()
    assert window.queue.clinic.currentText() == "العلامات الحيوية"
    tap(qtbot, window, "staff_language")
    assert tab_titles(window)[0] == "Queue" and not window.isRightToLeft()


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        ("en", 1, "1 setting saved."),
        ("en", 3, "3 settings saved."),
        ("ar", 1, "حُفظ إعداد واحد."),
        ("ar", 2, "حُفظ إعدادان."),
        ("ar", 5, "حُفظت 5 إعدادات."),
        ("ar", 11, "حُفظ 11 إعدادًا."),
        ("ar", 100, "حُفظ 100 إعداد."),
    ],
)
def test_counts_take_the_plural_form_of_the_language(
    languages: Languages, language: str, count: int, said: str
) -> None:
    languages.use(language)
    assert tr("%n settings saved.", None, count) == said
