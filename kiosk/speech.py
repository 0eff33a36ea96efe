"""The kiosk speaks on request: in the large-text mode, with the hall's voice pack
(sync.runtime.voice). With the mode off nothing is said; where the station has no pack,
or the pack lacks a clip, that clip is not heard (and is logged once).

- **Each screen says its prompt** (`screen_prompt`; the words are core.voice.words.PROMPTS,
  the screen's own shortened for the ear) once, in the kiosk's language: when the screen
  is shown, when the mode is turned on, and again when the language changes. A screen shown
  cuts short whatever the last one was saying.
- **The ticket is read after its screen's prompt**: the ticket screen and the place screen
  showing a ticket say their prompt, then the patient's number, clinic and room, in the
  kiosk's language first, then the site's other voice languages, once and without a chime.
  The prompt comes first so the patient knows what the numbers are; nothing is said over
  the reading.
- **What happens on a screen is said too** (`KioskSpeech.say`): a refusal
  (`refusal_prompt`), staff called to the kiosk, the warning before going back to the
  start. It cuts short a prompt being said, but waits for the end of a ticket's reading.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from enum import StrEnum

from PySide6.QtCore import QObject

from core.changes import Changes
from core.services.catalog import Catalog
from core.voice.clips import render_clips
from core.voice.compose import Call
from core.voice.pack import VoicePack
from core.voice.settings import VoiceSettings, voice_settings
from core.voice.words import prompt_clip
from kiosk.flow import TicketCard
from kiosk.screens.exam import ExamScreen
from kiosk.screens.gender import GenderScreen
from kiosk.screens.patient_id import IdScreen, Purpose
from kiosk.screens.phone import PhoneScreen
from kiosk.screens.pin import PinScreen
from kiosk.screens.place import PlaceScreen
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.screens.ticket import TicketScreen
from kiosk.screens.welcome import WelcomeScreen
from sync.runtime.changes import StoreChanges
from sync.runtime.sound import SoundOutput, SpeakerOutput
from sync.runtime.voice import RENDERING, Sound, StationVoice, run_off_gui_thread, utterance
from sync.runtime.widgets import Screen
from sync.runtime.worker import StoreCall

log = logging.getLogger(__name__)


class Prompt(StrEnum):
    """Everything the kiosk says but a ticket, by the name of its clips in the pack
    (`<language>/prompt/<name>`, core.voice.words.PROMPTS)."""

    WELCOME = "welcome"
    ID_CHECK_IN = "id_check_in"
    """The ID screen when checking in (typed only); also said when a ticket is scanned there."""
    ID = "id"
    """The ID screen for "I finished a clinic" and "Where am I?" (typed or scanned)."""
    GENDER = "gender"
    EXAM = "exam"
    PHONE = "phone"
    TICKET = "ticket"
    PIN = "pin"
    PLACE = "place"
    """The place screen when the patient waits in a queue."""
    STAFF_EXIT = "staff_exit"
    ALREADY_CHECKED_IN = "already_checked_in"
    CLINIC_DONE = "clinic_done"
    ROUTE_FINISHED = "route_finished"
    VISIT_CANCELLED = "visit_cancelled"
    BEING_SERVED = "being_served"
    NUMBER_CALLED = "number_called"
    REFUSED_ID = "refused_id"
    NO_VISIT = "no_visit"
    WRONG_PIN = "wrong_pin"
    REFUSED_PHONE = "refused_phone"
    REFUSED = "refused"
    """Any other refusal: read the message on the screen, or touch Help."""
    HELP_CALLED = "help_called"
    IDLE = "idle"


SCREEN_PROMPTS: dict[type[Screen], Prompt] = {
    WelcomeScreen: Prompt.WELCOME,
    GenderScreen: Prompt.GENDER,
    ExamScreen: Prompt.EXAM,
    PhoneScreen: Prompt.PHONE,
    TicketScreen: Prompt.TICKET,
    PinScreen: Prompt.PIN,
    PlaceScreen: Prompt.PLACE,
    StaffExitScreen: Prompt.STAFF_EXIT,
}
"""What each screen says when shown; the window names another for the place screen where
it shows something else than a place in a queue (a clinic done, a cancelled visit...)."""

REFUSAL_PROMPTS: dict[str, Prompt] = {
    "invalid_id_number": Prompt.REFUSED_ID,
    "unknown_visit": Prompt.NO_VISIT,
    "unknown_patient": Prompt.NO_VISIT,
    "wrong_pin": Prompt.WRONG_PIN,
    "malformed_pin": Prompt.WRONG_PIN,
    "invalid_phone": Prompt.REFUSED_PHONE,
    "route_complete": Prompt.ROUTE_FINISHED,
}
"""The refusals (core.errors codes) said in words of their own; the others say REFUSED."""


def screen_prompt(screen: Screen) -> Prompt | None:
    """What `screen` says when shown (None: a screen no prompt was written for)."""
    if isinstance(screen, IdScreen):
        return Prompt.ID_CHECK_IN if screen.purpose is Purpose.CHECK_IN else Prompt.ID
    return SCREEN_PROMPTS.get(type(screen))


def refusal_prompt(code: str) -> Prompt:
    """What is said when the kiosk shows the refusal `code` (kiosk.messages writes it)."""
    return REFUSAL_PROMPTS.get(code, Prompt.REFUSED)


@dataclass(frozen=True, eq=False)
class _Part:
    sound: Sound
    reading: bool
    """The ticket's reading, which nothing cuts short but another screen or the mode off."""


def _prompt_parts(
    pack: VoicePack | None, prompt: Prompt | None, language: str, gain: float
) -> tuple[list[_Part], list[str]]:
    """`prompt` in `language` ready to play, and the clips it went without."""
    if pack is None or prompt is None:
        return [], []
    said = render_clips(pack, [prompt_clip(prompt, language)], volume=gain)
    return ([_Part(Sound(said.pcm, said.rate), reading=False)] if said.pcm else []), said.missing


class KioskSpeech(QObject):
    def __init__(
        self, voice: StationVoice | None = None, output: SoundOutput | None = None, parent: QObject | None = None
    ) -> None:
        """`voice` and `output` default to this machine's pack and sound output."""
        super().__init__(parent)
        self.voice = voice or StationVoice.of_station(self)
        self.output: SoundOutput = output or SpeakerOutput(self)
        self.settings = VoiceSettings()
        self._asked = 0
        """Counts the screens that asked to speak: what was rendered for an earlier one is dropped."""
        self._playing: _Part | None = None
        self._queue: list[_Part] = []
        """What is said after the part playing, in order."""

    def follow(self, changes: StoreChanges) -> None:
        """Take the site's voice settings and clinic names now and whenever they change."""

        def changed(what: Changes) -> None:
            if what.config or what.everything:
                clinics = changes.catalog.clinics
                self.voice.name_clinics({code: (c.name_ar, c.name_en) for code, c in clinics.items()})
                StoreCall(changes.db, lambda: voice_settings(changes.db)).success(self._use_settings).run(self)

        changes.changed.connect(changed)

    def _use_settings(self, settings: VoiceSettings) -> None:
        self.settings = settings

    def say_screen(self, prompt: Prompt | None, card: TicketCard | None, catalog: Catalog, language: str) -> None:
        """Say `prompt` (if any) in `language`, then, when `card` is given, its number,
        clinic and room; cutting short whatever was being said."""
        self.stop()
        asked = self._asked
        pack, settings = self.voice.pack, replace(self.settings, repeat=1)
        call = None
        if card is not None:
            clinic = catalog.clinics.get(card.clinic)
            call = Call(card.label, card.clinic, clinic.room if clinic is not None else "")
        languages = (language, *(other for other in settings.languages if other != language))

        def work() -> tuple[list[_Part], list[str]]:
            parts, missing = _prompt_parts(pack, prompt, language, settings.gain)
            if call is not None:
                read = utterance(pack, call, settings, languages=languages, chime=False)
                parts += [_Part(sound, reading=True) for sound in read.sounds[:1]]
                missing += read.missing
            return parts, missing

        def rendered(answer: tuple[list[_Part], list[str]]) -> None:
            parts, missing = answer
            self.voice.say_once(missing)
            if asked == self._asked:
                self._play(parts)

        run_off_gui_thread(RENDERING, work, rendered, self)

    def say(self, prompt: Prompt, language: str) -> None:
        """Say `prompt` about what just happened on the screen shown: at once, cutting short
        its prompt, or, while its ticket is read or still to be, right after the reading."""
        asked = self._asked
        pack, gain = self.voice.pack, self.settings.gain

        def rendered(answer: tuple[list[_Part], list[str]]) -> None:
            parts, missing = answer
            self.voice.say_once(missing)
            if asked != self._asked or not parts:
                return
            if self._playing is not None and self._playing.reading:
                self._queue = parts
            elif any(part.reading for part in self._queue):
                reading = next(i for i, part in enumerate(self._queue) if part.reading)
                self._queue = [*self._queue[: reading + 1], *parts]
            else:
                self._play(parts)

        run_off_gui_thread(RENDERING, lambda: _prompt_parts(pack, prompt, language, gain), rendered, self)

    def stop(self) -> None:
        """Say nothing more (the mode was turned off, or another screen is shown)."""
        self._asked += 1
        self._queue = []
        self._playing = None
        self.output.stop()

    def _play(self, parts: list[_Part]) -> None:
        """Say `parts` one after the other, cutting short what is being said."""
        self.output.stop()
        self._queue = list(parts)
        self._next()

    def _next(self) -> None:
        playing = self._playing = self._queue.pop(0) if self._queue else None
        if playing is None:
            return

        def ended() -> None:
            if self._playing is playing:
                self._next()

        self.output.play(playing.sound.pcm, playing.sound.rate, ended)
