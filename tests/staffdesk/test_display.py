"""The hall display: a call flashes and is announced (chime, then speech) once, in turn;
recalls are announced again; the last state stays on screen when offline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from core.permissions import Actor
from core.services.queue import call_next, clinic_queue, recall, transfer
from core.store import Store
from staffdesk.display.announcer import Announcement, Announcer
from staffdesk.display.window import DisplayWindow
from sync.client import SyncStatus
from sync.runtime.qt import Languages
from tests.qtsupport import settle

NURSE = Actor("nurse", "staff")
DisplayFactory = Callable[..., DisplayWindow]


@pytest.fixture
def make_display(qtbot: QtBot, languages: Languages, clinic_store: Store, morning: dt.datetime) -> DisplayFactory:
    def make(*, speech: bool = True, clinics: frozenset[str] = frozenset(), language: str = "ar") -> DisplayWindow:
        languages.use(language)
        announcer = Announcer(speech=speech, engine="mock" if speech else None, chime_ms=50)
        window = DisplayWindow(
            clinic_store.db,
            announcer,
            clinics=clinics,
            language=language,
            now=lambda: morning + dt.timedelta(minutes=40),
        )
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        settle(qtbot)
        return window

    return make


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
    assert display.number_label("vitals") is None and announcer.done == []
    call(clinic_store, morning)
    qtbot.waitUntil(lambda: display.number_label("vitals") is not None, timeout=2000)
    number = display.number_label("vitals")
    assert number is not None and number.text() == "1"
    assert display.rows[0][0].text() == "Vital Signs" and display.rows[0][2].text() == "3"
    qtbot.waitUntil(lambda: number.property("role") == "board-flash", timeout=2000)
    qtbot.waitUntil(lambda: len(announcer.done) == 1, timeout=10_000)
    assert announcer.done == [Announcement("1", "العلامات الحيوية", "Vital Signs", "3")]
    assert announcer.sentences(announcer.done[0]) == [
        ("ar", "الرقم 1، العلامات الحيوية، غرفة 3"),
        ("en", "Number 1, Vital Signs, room 3"),
    ]
    # Qt's test engine has no Arabic voice, so only the English sentence was spoken.
    assert announcer.spoken == [("en", "Number 1, Vital Signs, room 3")]
    assert display.recent[0].text() == "1 · Vital Signs · room 3"
    qtbot.waitUntil(lambda: number.property("role") == "board-number", timeout=5000)


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
    send_to_lab(clinic_store, morning)
    restarted = make_display(speech=False)
    assert restarted.number_label("vitals") is not None
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
    qtbot.waitUntil(lambda: display.number_label("lab") is not None, timeout=5000)
    qtbot.waitUntil(lambda: len(display.announcer.done) == 1, timeout=5000)
    assert display.number_label("vitals") is None
    assert [a.name_en for a in display.announcer.done] == ["Laboratory"]


def test_offline_the_board_keeps_its_state_with_a_small_indicator(
    qtbot: QtBot, make_display: DisplayFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    display = make_display(speech=False)
    call(clinic_store, morning)
    qtbot.waitUntil(lambda: display.number_label("vitals") is not None, timeout=2000)
    display.show_sync_status(SyncStatus(online=False, offline_since=morning, ops_waiting=0))
    assert display.badge.isVisible() and display.badge.property("role") == "badge-offline"
    assert display.badge.text().startswith("غير متصل منذ 08:00")
    assert display.number_label("vitals") is not None
    display.show_sync_status(SyncStatus(online=True))
    assert display.badge.property("role") == "badge-online"
