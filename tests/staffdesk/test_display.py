"""The hall display: every clinic of the display in the admin's order, in pages that take
turns; a call flashes, brings its page up and is announced once, in turn; recalls are
shown and announced again; the last state stays on screen when offline. (What the voice
says, from a voice pack, is in test_announcer; here the display has no pack, so it plays
the chime and has Qt's test speech engine say the call.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from core.defaults import CLINICS
from core.errors import InvalidInput
from core.ops.log import identity
from core.permissions import SYSTEM, Actor
from core.services.config import choose_display_clinics, set_settings
from core.services.queue import call_next, clinic_queue, recall, transfer
from core.store import Store
from core.version import build_info
from staffdesk.display.announcer import Announcement, Announcer
from staffdesk.display.window import PAGE_MS, DisplayWindow
from sync.client import SyncStatus
from sync.runtime.about import about_lines
from sync.runtime.qt import Languages
from sync.runtime.voice import StationVoice
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory, fill_in
from tests.voicesupport import RecordingOutput

NURSE = Actor("nurse", "staff")
DisplayFactory = Callable[..., DisplayWindow]


@pytest.fixture
def make_display(qtbot: QtBot, languages: Languages, clinic_store: Store, morning: dt.datetime) -> DisplayFactory:
    def make(
        *, speech: bool = True, clinics: frozenset[str] = frozenset(), language: str = "ar", rows: int = 8
    ) -> DisplayWindow:
        languages.use(language)
        announcer = Announcer(
            speech=speech,
            engine="mock" if speech else "",
            chime_ms=50,
            voice=StationVoice(None),
            output=RecordingOutput(),
        )
        window = DisplayWindow(
            clinic_store.db,
            announcer,
            clinics=clinics,
            language=language,
            rows=rows,
            now=lambda: morning + dt.timedelta(minutes=40),
        )
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        settle(qtbot)
        return window

    return make


def number(display: DisplayWindow, clinic: str) -> str | None:
    """The number `clinic` shows on the page up now (None: not on this page)."""
    cell = display.number_label(clinic)
    return cell.text() if cell is not None else None


def clinics_on_every_page(display: DisplayWindow) -> list[str]:
    """The clinics' names as the pages show them, turning through every page once."""
    seen = []
    for _ in range(display.pages):
        seen += [row[0].text().split("<br>")[0] for row in display.rows if row[0].text()]
        display._next_page()
    return seen


def recent_lines(display: DisplayWindow, index: int = 0) -> list[tuple[str, str]]:
    """A line of the last calls as the board lays it out: each language's text, and
    which way it runs."""
    document = QTextDocument()
    document.setHtml(display.recent[index].text())
    lines = []
    block = document.begin()
    while block.isValid():
        direction = block.blockFormat().layoutDirection()
        lines.append((block.text(), "rtl" if direction == Qt.LayoutDirection.RightToLeft else "ltr"))
        block = block.next()
    return lines


def send_to_lab(store: Store, morning: dt.datetime) -> None:
    """The last patient waiting at Vital Signs is sent on to the Laboratory."""
    at = morning + dt.timedelta(minutes=34)
    waiting = [t for t in clinic_queue(store.db, clinic="vitals", now=at) if t.status == "WAITING"]
    transfer(store.db, NURSE, ticket_id=waiting[-1].ticket_id, to_clinic="lab", now=at)


def call(store: Store, morning: dt.datetime, clinic: str = "vitals", room: str = "3", second: int = 0) -> str:
    at = morning + dt.timedelta(minutes=35, seconds=second)
    return call_next(store.db, NURSE, clinic=clinic, room=room, now=at).ticket_id


def test_a_call_flashes_on_the_board_and_is_announced_in_arabic_then_english(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    display = make_display(language="en")
    announcer = display.announcer
    assert number(display, "vitals") == "\u2014" and announcer.done == []
    call(clinic_store, morning)
    qtbot.waitUntil(lambda: number(display, "vitals") == "1", timeout=2000)
    cell = display.number_label("vitals")
    assert cell is not None
    assert display.rows[0][0].text().startswith("Vital Signs<br>") and "العلامات الحيوية" in display.rows[0][0].text()
    assert display.rows[0][2].text() == "3"
    qtbot.waitUntil(lambda: cell.property("role") == "board-flash", timeout=2000)
    qtbot.waitUntil(lambda: len(announcer.done) == 1, timeout=10_000)
    assert announcer.done == [Announcement("1", "العلامات الحيوية", "Vital Signs", "3", "vitals")]
    assert announcer.sentences(announcer.done[0]) == [
        ("ar", "الرقم 1، العلامات الحيوية، غرفة 3"),
        ("en", "Number 1, Vital Signs, room 3"),
    ]
    # Qt's test engine has no Arabic voice, so only the English sentence was spoken.
    assert announcer.spoken == [("en", "Number 1, Vital Signs, room 3")]
    assert recent_lines(display) == [("1 · Vital Signs · room 3", "ltr"), ("1 · العلامات الحيوية · غرفة 3", "rtl")]
    qtbot.waitUntil(lambda: cell.property("role") == "board-number", timeout=5000)


def test_announcements_wait_their_turn_and_never_overlap(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    display = make_display()
    events: list[tuple[str, str]] = []
    display.announcer.started.connect(lambda a: events.append(("start", a.label)))
    display.announcer.finished.connect(lambda a: events.append(("end", a.label)))
    for second in range(3):
        call(clinic_store, morning, second=second)
    display.refresh()
    settle(qtbot)
    assert display.announcer.busy and len(display.announcer.waiting) == 2
    qtbot.waitUntil(lambda: len(display.announcer.done) == 3, timeout=20_000)
    assert events == [("start", "1"), ("end", "1"), ("start", "2"), ("end", "2"), ("start", "3"), ("end", "3")]


def test_a_recall_is_announced_again_and_a_restart_announces_nothing_old(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    display = make_display(speech=False)
    ticket = call(clinic_store, morning)
    qtbot.waitUntil(lambda: len(display.announcer.done) == 1, timeout=5000)
    assert display.announcer.spoken == []
    recall(clinic_store.db, NURSE, ticket_id=ticket, now=morning + dt.timedelta(minutes=36))
    qtbot.waitUntil(lambda: len(display.announcer.done) == 2, timeout=5000)
    cell = display.number_label("vitals")
    assert cell is not None and cell.text() == "1"
    qtbot.waitUntil(lambda: cell.property("role") == "board-recall", timeout=5000)
    assert [text for text, _ in recent_lines(display)] == [
        "1 · العلامات الحيوية · غرفة 3 (نداء مكرر)",
        "1 · Vital Signs · room 3 (called again)",
    ]
    send_to_lab(clinic_store, morning)
    restarted = make_display(speech=False)
    assert number(restarted, "vitals") == "1"
    call(clinic_store, morning, "lab", second=30)
    qtbot.waitUntil(lambda: len(restarted.announcer.done) == 1, timeout=5000)
    assert [a.name_en for a in restarted.announcer.done] == ["Laboratory"], "only the call made after the restart"


def test_only_the_chosen_clinics_are_shown(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    send_to_lab(clinic_store, morning)
    display = make_display(speech=False, clinics=frozenset({"lab"}))
    call(clinic_store, morning, "vitals")
    call(clinic_store, morning, "lab", second=1)
    qtbot.waitUntil(lambda: number(display, "lab") == "1", timeout=5000)
    qtbot.waitUntil(lambda: len(display.announcer.done) == 1, timeout=5000)
    assert number(display, "vitals") is None and display.pages == 1
    assert [a.name_en for a in display.announcer.done] == ["Laboratory"]


def test_all_16_clinics_take_turns_in_the_admins_order_and_a_call_brings_its_page_up(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    display = make_display(speech=False, language="en")
    assert display.pages == 2
    assert clinics_on_every_page(display) == [c.name_en for c in CLINICS], "every clinic, in the admin's order"
    assert display.page == 0 and number(display, CLINICS[8].code) is None
    send_to_lab(clinic_store, morning)
    display._next_page()
    assert display.page == 1
    call(clinic_store, morning, "vitals")
    qtbot.waitUntil(lambda: display.page == 0 and number(display, "vitals") == "1", timeout=5000)
    assert display.page_mark.text() == "1/2"
    assert display._page_timer.remainingTime() > PAGE_MS, "a page with a new call stays longer than a turn"
    waiting = {row[0].text().split("<br>")[0]: row[3].text() for row in display.rows}
    assert waiting["Laboratory"] == "1" and waiting["Vital Signs"] == "1", waiting


def test_a_display_shows_the_clinics_the_admin_chose_for_it(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store
) -> None:
    with clinic_store.db.read() as session:
        station = identity(session).station
    choose_display_clinics(clinic_store.db, SYSTEM, station=station, clinics=["xray", "lab"])
    choose_display_clinics(clinic_store.db, SYSTEM, station="D9", clinics=["vitals"])
    display = make_display(speech=False, language="en")
    assert clinics_on_every_page(display) == ["Laboratory", "X-Ray"], "the admin's order of clinics"
    choose_display_clinics(clinic_store.db, SYSTEM, station=station, clinics=[])
    qtbot.waitUntil(lambda: display.pages == 2, timeout=5000)
    with pytest.raises(InvalidInput, match="no clinic 'nowhere'"):
        choose_display_clinics(clinic_store.db, SYSTEM, station=station, clinics=["nowhere"])
    with pytest.raises(InvalidInput, match="station"):
        set_settings(clinic_store.db, SYSTEM, {"display_clinics": {"d1; drop": ["lab"]}})


def test_headings_are_in_both_languages_the_displays_first(make_display: DisplayFactory) -> None:
    arabic = make_display(speech=False, language="ar")
    assert [h.text() for h in arabic.heads] == [
        "العيادة\nClinic",
        "الرقم\nNumber",
        "الغرفة\nRoom",
        "المنتظرون\nWaiting",
    ]
    english = make_display(speech=False, language="en")
    assert english.heads[0].text() == "Clinic\nالعيادة"


def test_the_last_calls_are_in_both_languages_the_displays_first(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    send_to_lab(clinic_store, morning)
    arabic = make_display(speech=False, language="ar")
    call(clinic_store, morning, "vitals", room="2")
    call(clinic_store, morning, "lab", room="4", second=1)
    qtbot.waitUntil(lambda: len(recent_lines(arabic, 1)) == 2, timeout=5000)
    assert recent_lines(arabic, 0) == [("1 · المختبر · غرفة 4", "rtl"), ("1 · Laboratory · room 4", "ltr")]
    assert recent_lines(arabic, 1) == [("1 · العلامات الحيوية · غرفة 2", "rtl"), ("1 · Vital Signs · room 2", "ltr")]
    english = make_display(speech=False, language="en")
    assert recent_lines(english, 0) == [("1 · Laboratory · room 4", "ltr"), ("1 · المختبر · غرفة 4", "rtl")]
    assert english.recent[2].text() == ""


def test_the_hall_sees_no_build_details_which_go_to_the_log(
    make_display: DisplayFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="staffdesk.display.window")
    for language in ("ar", "en"):
        display = make_display(speech=False, language=language)
        shown = [label.text() for label in display.findChildren(QLabel) if label.isVisible()]
        assert not [text for text in shown for line in about_lines() if line in text], shown
    assert build_info().line("mmc display") in caplog.text


def test_offline_the_board_keeps_its_state_with_a_small_mark_and_no_sync_words(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    display = make_display(speech=False)
    call(clinic_store, morning)
    qtbot.waitUntil(lambda: number(display, "vitals") == "1", timeout=2000)
    assert not display.offline.isVisible()
    display.show_sync_status(SyncStatus(online=False, offline_since=morning, ops_waiting=12))
    assert display.offline.isVisible() and display.offline.text() == "غير متصل"
    assert number(display, "vitals") == "1"
    display.show_sync_status(SyncStatus(online=True))
    assert not display.offline.isVisible()


def test_a_paused_clinic_shows_its_reason_in_the_hall_until_it_resumes(
    qtbot: QtBot, make_display: DisplayFactory, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    display = make_display(speech=False, language="ar")
    console = make_console("nurse")
    fill_in(qtbot, console.queue.pause_reason, "Prayer break")
    tap(qtbot, console, "queue_pause")
    assert console.queue.message.text() == "Paused; the hall display shows: Prayer break"
    qtbot.waitUntil(lambda: number(display, "vitals") == "متوقفة مؤقتًا\nPaused", timeout=5000)
    assert display.rows[0][2].text() == "Prayer break"
    assert console.queue.pause.text() == "Resume the clinic"
    tap(qtbot, console, "queue_pause")
    qtbot.waitUntil(lambda: number(display, "vitals") == "\u2014", timeout=5000)
    assert console.queue.pause.text() == "Pause the clinic"
