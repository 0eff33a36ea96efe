"""The kiosk's spoken prompts: in the large-text mode each screen says what it asks of the
patient, once, in the kiosk's language (when shown, when the mode is turned on, again when
the language changes), and what happens on it (a refusal, staff called, the warning before
going back to the start); a new screen cuts short the last one's prompt, and nothing is
said over a ticket's reading. With the mode off, nothing is said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.permissions import SYSTEM
from core.services.checkin import check_in
from core.services.phones import set_phone_format
from core.services.queue import call_next
from core.services.visits import todays_pin
from core.store import Store
from core.voice.pack import VoicePack, check_pack
from core.voice.words import LANGUAGES, PROMPTS, prompt_clip, prompt_clips
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter
from kiosk.screens.patient_id import IdScreen, Purpose
from kiosk.speech import KioskSpeech, Prompt, screen_prompt
from kiosk.window import KioskWindow
from sync.runtime.qt import Languages
from sync.runtime.voice import StationVoice, voice_work_under_way
from tests.conftest import KIOSK, STAFF
from tests.kiosk.conftest import choose_exam, tap, type_digits
from tests.qtsupport import settle
from tests.voicesupport import RecordingOutput, make_pack, prompt_sound, site_clinics

QUEUED = "28400000072"
"""Checked in at the first clinic of the travel exam (vitals) before the kiosk starts."""
NEW_PATIENT = "28400000071"
KioskMaker = Callable[..., KioskWindow]
READING = "the ticket's reading"


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
    """make(language, idle_s=None): a kiosk speaking with the small pack into `output`, at
    a site that asks for a mobile number (every screen can be reached)."""
    check_in(store.db, KIOSK, id_number=QUEUED, gender="male", exam_type="travel", now=morning)
    set_phone_format(store.db, SYSTEM, "05[0-9]{8}")

    def make(language: str, *, idle_s: int | None = None) -> KioskWindow:
        languages.use(language)
        flow = KioskFlow(store.db, KIOSK, now=lambda: morning)
        speech = KioskSpeech(StationVoice(pack, speaker=None), output)
        window = KioskWindow(
            flow, languages, PdfPrinter(tmp_path / "tickets"), locked=False, idle_s=idle_s, speech=speech
        )
        qtbot.addWidget(window)
        window.resize(1080, 1500)
        window.show()
        settle(qtbot)
        return window

    return make


def heard(pack: VoicePack, output: RecordingOutput) -> list[str]:
    """What was played, in order: each prompt as its clip id, anything else as READING."""
    prompts = {
        prompt_sound(pack, prompt, language): prompt_clip(prompt, language)
        for prompt in Prompt
        for language in LANGUAGES
    }
    return [prompts.get(played.pcm, READING) for played in output.played]


def hear(qtbot: QtBot, pack: VoicePack, output: RecordingOutput, expected: list[str]) -> None:
    """Wait until what was played is `expected`, and check it stays so while nothing is
    left to render."""
    qtbot.waitUntil(lambda: heard(pack, output) == expected, timeout=5000)
    qtbot.waitUntil(lambda: voice_work_under_way() == 0, timeout=5000)
    assert heard(pack, output) == expected


@pytest.mark.parametrize("language", ["ar", "en"])
def test_in_large_text_every_screen_says_its_prompt_in_the_kiosks_language(
    qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack, output: RecordingOutput, language: str
) -> None:
    window = kiosk(language)
    shown: list[str] = []
    window.screen_shown.connect(shown.append)
    said: list[str] = []

    def then(*prompts: str) -> None:
        said.extend(prompt if prompt == READING else prompt_clip(prompt, language) for prompt in prompts)
        hear(qtbot, pack, output, said)

    tap(qtbot, window, "large-text")
    then(Prompt.WELCOME)
    tap(qtbot, window, "start-check-in")
    then(Prompt.ID_CHECK_IN)
    type_digits(qtbot, window, NEW_PATIENT)
    tap(qtbot, window, "keypad-ok")
    then(Prompt.GENDER)
    tap(qtbot, window, "gender-female")
    then(Prompt.EXAM)
    choose_exam(qtbot, window, "travel")
    then(Prompt.PHONE)
    tap(qtbot, window, "phone-skip")
    then(Prompt.TICKET, READING)
    tap(qtbot, window, "ticket-done")  # the next person starts with everyday text: silence
    then()

    tap(qtbot, window, "start-finished")
    tap(qtbot, window, "large-text")
    then(Prompt.ID)
    type_digits(qtbot, window, QUEUED)
    tap(qtbot, window, "keypad-ok")
    then(Prompt.PIN)
    window.ask_staff_exit()
    then(Prompt.STAFF_EXIT)
    tap(qtbot, window, "exit-back")
    then()

    tap(qtbot, window, "start-where")
    tap(qtbot, window, "large-text")
    then(Prompt.ID)
    type_digits(qtbot, window, QUEUED)
    tap(qtbot, window, "keypad-ok")
    then(Prompt.PLACE, READING)
    assert {type(screen).__name__ for screen in window.screens} <= set(shown), "every screen was heard"


def test_with_large_text_off_no_prompt_is_said(
    qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack, output: RecordingOutput
) -> None:
    window = kiosk("ar")
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, NEW_PATIENT)
    tap(qtbot, window, "keypad-ok")
    tap(qtbot, window, "gender-male")
    choose_exam(qtbot, window, "travel")
    tap(qtbot, window, "phone-skip")
    tap(qtbot, window, "ask-help")
    assert window.current_screen() is window.ticket
    hear(qtbot, pack, output, [])


def test_a_new_screen_cuts_short_the_prompt_before_it(qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack) -> None:
    stuck = RecordingOutput(stuck=True)
    window = kiosk("en")
    window.speech.output = stuck
    tap(qtbot, window, "large-text")
    hear(qtbot, pack, stuck, ["en/prompt/welcome"])
    assert stuck.played[0].ended is None, "still saying it"
    tap(qtbot, window, "start-check-in")
    hear(qtbot, pack, stuck, ["en/prompt/welcome", "en/prompt/id_check_in"])
    assert stuck.played[0].ended is not None, "cut short"


def test_turning_large_text_on_says_the_screens_prompt_and_a_new_language_says_it_again(
    qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack, output: RecordingOutput
) -> None:
    window = kiosk("ar")
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, NEW_PATIENT)
    tap(qtbot, window, "keypad-ok")
    hear(qtbot, pack, output, [])
    tap(qtbot, window, "large-text")
    hear(qtbot, pack, output, ["ar/prompt/gender"])
    tap(qtbot, window, "switch-language")
    hear(qtbot, pack, output, ["ar/prompt/gender", "en/prompt/gender"])
    tap(qtbot, window, "switch-language")
    hear(qtbot, pack, output, ["ar/prompt/gender", "en/prompt/gender", "ar/prompt/gender"])
    tap(qtbot, window, "large-text")
    tap(qtbot, window, "switch-language")
    hear(qtbot, pack, output, ["ar/prompt/gender", "en/prompt/gender", "ar/prompt/gender"])


@pytest.mark.parametrize(
    ("start", "typed", "prompt"),
    [("start-check-in", "123", Prompt.REFUSED_ID), ("start-where", "28400000099", Prompt.NO_VISIT)],
)
def test_a_refused_id_is_said(
    qtbot: QtBot,
    kiosk: KioskMaker,
    pack: VoicePack,
    output: RecordingOutput,
    start: str,
    typed: str,
    prompt: Prompt,
) -> None:
    window = kiosk("en")
    tap(qtbot, window, start)
    tap(qtbot, window, "large-text")
    asked = screen_prompt(window.id_screen)
    assert asked is not None
    hear(qtbot, pack, output, [prompt_clip(asked, "en")])
    type_digits(qtbot, window, typed)
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.id_screen
    hear(qtbot, pack, output, [prompt_clip(asked, "en"), prompt_clip(prompt, "en")])


def test_a_wrong_clinic_code_is_said_and_the_right_one_sends_to_the_next_clinic(
    qtbot: QtBot, kiosk: KioskMaker, store: Store, morning: dt.datetime, pack: VoicePack, output: RecordingOutput
) -> None:
    window = kiosk("ar")
    call_next(store.db, STAFF, clinic="vitals", room="7", now=morning)
    pin = todays_pin(store.db, SYSTEM, clinic="vitals", now=morning)
    tap(qtbot, window, "start-finished")
    tap(qtbot, window, "large-text")
    hear(qtbot, pack, output, ["ar/prompt/id"])
    type_digits(qtbot, window, QUEUED)
    tap(qtbot, window, "keypad-ok")
    type_digits(qtbot, window, str(10 + (pin - 10 + 1) % 90))
    tap(qtbot, window, "keypad-ok")
    hear(qtbot, pack, output, ["ar/prompt/id", "ar/prompt/pin", "ar/prompt/wrong_pin"])
    type_digits(qtbot, window, str(pin))
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.place
    hear(
        qtbot, pack, output, ["ar/prompt/id", "ar/prompt/pin", "ar/prompt/wrong_pin", "ar/prompt/clinic_done", READING]
    )


def test_staff_called_and_the_warning_before_going_back_to_the_start_are_said(
    qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack, output: RecordingOutput
) -> None:
    window = kiosk("en", idle_s=11)  # the warning shows for the last 10 seconds
    tap(qtbot, window, "start-check-in")
    tap(qtbot, window, "large-text")
    hear(qtbot, pack, output, ["en/prompt/id_check_in"])
    tap(qtbot, window, "ask-help")
    hear(qtbot, pack, output, ["en/prompt/id_check_in", "en/prompt/help_called"])
    qtbot.waitUntil(window.countdown.isVisible, timeout=5000)
    hear(qtbot, pack, output, ["en/prompt/id_check_in", "en/prompt/help_called", "en/prompt/idle"])


def test_what_happens_while_the_ticket_is_read_is_said_after_the_reading(
    qtbot: QtBot, kiosk: KioskMaker, pack: VoicePack
) -> None:
    stuck = RecordingOutput(stuck=True)
    window = kiosk("en")
    window.speech.output = stuck
    tap(qtbot, window, "start-where")
    tap(qtbot, window, "large-text")
    hear(qtbot, pack, stuck, ["en/prompt/id"])
    type_digits(qtbot, window, QUEUED)
    tap(qtbot, window, "keypad-ok")
    hear(qtbot, pack, stuck, ["en/prompt/id", "en/prompt/place"])
    stuck.end_now()
    hear(qtbot, pack, stuck, ["en/prompt/id", "en/prompt/place", READING])
    tap(qtbot, window, "ask-help")
    assert window.help_note.isVisible()
    hear(qtbot, pack, stuck, ["en/prompt/id", "en/prompt/place", READING])
    assert stuck.played[-1].ended is None, "the reading goes on"
    stuck.end_now()
    hear(qtbot, pack, stuck, ["en/prompt/id", "en/prompt/place", READING, "en/prompt/help_called"])


def test_every_screen_of_the_kiosk_has_a_prompt_in_each_language(kiosk: KioskMaker) -> None:
    """A screen added to the kiosk fails here until it has a prompt, and its words are in
    the pack's table (core/voice/words.py): the pack maker, the checker and the list to
    record then have it."""
    window = kiosk("ar")
    recorded = prompt_clips()
    said: list[Prompt | None] = []
    for screen in window.screens:
        if isinstance(screen, IdScreen):
            for purpose in Purpose:
                screen.start_for(purpose)
                said.append(screen_prompt(screen))
        else:
            said.append(screen_prompt(screen))
        assert None not in said, f"{type(screen).__name__} has no prompt"
    assert {prompt_clip(prompt, language) for prompt in said if prompt for language in LANGUAGES} <= set(recorded)
    assert {str(prompt) for prompt in Prompt} == set(PROMPTS), "every prompt said has words, and no words go unsaid"


def test_the_checker_reports_a_missing_prompt_clip(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack", without=["ar/prompt/pin"])
    assert check_pack(pack, site_clinics()) == [
        f"Clip ar/prompt/pin (ar: «{PROMPTS['pin']['ar']}») is not in the pack."
    ]
