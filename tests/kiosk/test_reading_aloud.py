"""The kiosk speaks on request: in the large-text mode the ticket and place screens read the
patient's number, clinic and room aloud with the hall's voice pack, after the screen's
prompt, in the kiosk's language first and without a chime; with the mode off, nothing is
said. (The prompts of every screen: test_spoken_prompts.py.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.defaults import CLINICS
from core.permissions import Actor
from core.services.checkin import check_in
from core.store import Store
from core.voice.compose import Call
from core.voice.pack import VoicePack
from core.voice.render import render_call
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter
from kiosk.speech import KioskSpeech, Prompt
from kiosk.window import KioskWindow
from sync.runtime.qt import Languages
from sync.runtime.voice import StationVoice
from tests.conftest import KIOSK
from tests.kiosk.conftest import choose_exam, tap, type_digits
from tests.qtsupport import settle
from tests.voicesupport import RecordingOutput, peak_of, prompt_sound

QUEUED = "28400000072"
NEW_PATIENT = "28400000071"
VITALS_ROOM = next(c.room for c in CLINICS if c.code == "vitals")
KioskMaker = Callable[[str], KioskWindow]


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    languages: Languages,
    store: Store,
    morning: dt.datetime,
    tmp_path: Path,
    pack: VoicePack,
    output: RecordingOutput,
) -> KioskMaker:
    check_in(store.db, KIOSK, id_number=QUEUED, gender="male", exam_type="travel", now=morning)

    def make(language: str) -> KioskWindow:
        languages.use(language)
        flow = KioskFlow(store.db, Actor("K1", "kiosk"), now=lambda: morning)
        speech = KioskSpeech(StationVoice(pack, speaker=None), output)
        window = KioskWindow(flow, languages, PdfPrinter(tmp_path / "tickets"), locked=False, speech=speech)
        qtbot.addWidget(window)
        window.resize(1080, 1500)
        window.show()
        settle(qtbot)
        return window

    return make


def where_am_i(qtbot: QtBot, window: KioskWindow, *, large_text: bool) -> None:
    tap(qtbot, window, "start-where")
    if large_text:
        tap(qtbot, window, "large-text")
    type_digits(qtbot, window, QUEUED)
    tap(qtbot, window, "keypad-ok")
    qtbot.waitUntil(lambda: window.current_screen() is window.place, timeout=5000)


def heard(qtbot: QtBot, output: RecordingOutput, count: int = 1) -> None:
    qtbot.waitUntil(lambda: len(output.played) >= count, timeout=5000)


def heard_last(qtbot: QtBot, output: RecordingOutput, sounds: list[bytes]) -> None:
    """Wait until the last buffers played are `sounds`, in this order."""
    qtbot.waitUntil(lambda: [p.pcm for p in output.played[-len(sounds) :]] == sounds, timeout=5000)


@pytest.mark.parametrize(("language", "order"), [("ar", ("ar", "en")), ("en", ("en", "ar"))])
def test_in_large_text_the_place_screen_reads_the_ticket_in_the_kiosks_language_first(
    qtbot: QtBot,
    kiosk: KioskMaker,
    output: RecordingOutput,
    pack: VoicePack,
    language: str,
    order: tuple[str, str],
) -> None:
    window = kiosk(language)
    where_am_i(qtbot, window, large_text=True)
    assert window.card is not None
    expected = render_call(pack, Call(window.card.label, "vitals", VITALS_ROOM), languages=order, chime=False)
    assert expected.missing == [] and peak_of(expected.pcm) > 1_000
    heard_last(qtbot, output, [prompt_sound(pack, Prompt.PLACE, language), expected.pcm])
    assert [p.pcm for p in output.played].count(expected.pcm) == 1, "number, clinic and room, once; no chime"


def test_with_large_text_off_nothing_is_said(qtbot: QtBot, kiosk: KioskMaker, output: RecordingOutput) -> None:
    window = kiosk("ar")
    where_am_i(qtbot, window, large_text=False)
    settle(qtbot)
    qtbot.wait(200)
    assert output.played == []


def test_turning_large_text_on_reads_the_ticket_shown_and_off_stops_it(
    qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack
) -> None:
    stuck = RecordingOutput(stuck=True)
    window = kiosk("en")
    window.speech.output = stuck
    where_am_i(qtbot, window, large_text=False)
    tap(qtbot, window, "large-text")
    heard(qtbot, stuck)
    assert stuck.played[0].pcm == prompt_sound(pack, Prompt.PLACE, "en")
    stuck.end_now()
    heard(qtbot, stuck, 2)
    assert window.card is not None
    reading = render_call(pack, Call(window.card.label, "vitals", VITALS_ROOM), languages=("en", "ar"), chime=False)
    assert stuck.played[1].pcm == reading.pcm and stuck.played[1].ended is None, "still reading"
    tap(qtbot, window, "large-text")
    assert stuck.played[1].ended is not None, "cut short"
    tap(qtbot, window, "place-done")
    assert len(stuck.played) == 2


def test_in_large_text_the_ticket_screen_reads_a_new_ticket(
    qtbot: QtBot, kiosk: KioskMaker, output: RecordingOutput, pack: VoicePack
) -> None:
    window = kiosk("ar")
    tap(qtbot, window, "start-check-in")
    tap(qtbot, window, "large-text")
    type_digits(qtbot, window, NEW_PATIENT)
    tap(qtbot, window, "keypad-ok")
    tap(qtbot, window, "gender-male")
    choose_exam(qtbot, window, "travel")
    qtbot.waitUntil(lambda: window.current_screen() is window.ticket, timeout=5000)
    assert window.card is not None
    expected = render_call(pack, Call(window.card.label, window.card.clinic, VITALS_ROOM), chime=False)
    heard_last(qtbot, output, [prompt_sound(pack, Prompt.TICKET, "ar"), expected.pcm])
