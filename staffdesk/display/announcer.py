"""Announcing calls in the hall. Each call becomes what is heard for it
(sync.runtime.voice): one buffer from the voice pack, the chime and then the call in the
site's languages, as many times as the site says, worked out off the GUI thread and
played through the sound output (sync.runtime.sound). Announcements wait their turn and
never overlap: the next starts when the last one's sound has ended, or at the latest when
it should have (its length and a margin), so a stuck output cannot hold the queue.

When calls come faster than they are said, core.voice.backlog decides: a call begins no
later than LATE_AFTER_S (45 s) after it appeared, or is left unsaid (logged; the board
shows it all the same); before each sentence after its first (the second language, a
repeat) a call ends if another call waits, so while calls wait each is said in the first
language only; a recall of a ticket still waiting replaces its call. The buffer is
played in pieces cut at its sentence breaks (in the pauses between sentences) so that
the call can end there; a call partly said by a speech engine is said whole.

Without a voice pack, the chime is followed by the call said by a speech engine where one
exists (QtTextToSpeech, "speechd"), else the chime is all; `speech=False` (the display's
--no-speech) is the chime alone."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from core.voice.backlog import LATE_AFTER_S, CallBacklog, Waiting
from core.voice.compose import Call
from core.voice.settings import VoiceSettings
from sync.runtime.qt import Phrasebook
from sync.runtime.sound import SoundOutput, SpeakerOutput
from sync.runtime.voice import Sound, Spoken, StationVoice, Utterance

log = logging.getLogger(__name__)
MARGIN_MS = 2_000
"""How much longer than its length a buffer may play before the queue goes on without it."""
SPEECH_LIMIT_MS = 12_000
CONTEXT = "Announcement"
SPOKEN = str(QT_TRANSLATE_NOOP("Announcement", "Number {number}, {clinic}, room {room}"))
SPOKEN_NO_ROOM = str(QT_TRANSLATE_NOOP("Announcement", "Number {number}, {clinic}"))


@dataclass(frozen=True)
class Announcement:
    label: str
    name_ar: str
    name_en: str
    room: str
    clinic: str = ""
    """The clinic's code: which name clips the voice says."""

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en

    @property
    def ticket(self) -> tuple[str, str]:
        """Which ticket it calls, as far as the hall can tell: a recall has the same."""
        return self.clinic or self.name_en, self.label


class Announcer(QObject):
    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        *,
        speech: bool = True,
        engine: str | None = None,
        chime_ms: int | None = None,
        voice: StationVoice | None = None,
        output: SoundOutput | None = None,
        late_after_s: float = LATE_AFTER_S,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """`engine`: the speech engine for what the pack cannot say (None: the first
        that works, Qt's test engine "mock" only when named; "": none). `chime_ms` cuts
        an announcement that is the chime alone to that length (the tests and benchmarks
        hurry with it). `voice` and `output` default to this machine's pack and sound
        output. `late_after_s`: how long a call may wait to be said (core.voice.backlog);
        `clock` tells the time it is measured in."""
        super().__init__(parent)
        self.chime_ms = chime_ms
        self.backlog: CallBacklog[Announcement] = CallBacklog(late_after_s)
        self.clock = clock
        self.current: Announcement | None = None
        self._taken: Waiting[Announcement] | None = None
        """The current call as the backlog gave it (when it appeared)."""
        self.done: list[Announcement] = []
        self.unsaid: list[Announcement] = []
        """Calls left unsaid because their time to be said had passed, in order."""
        self.spoken: list[tuple[str, str]] = []
        """(language, text) of every sentence handed to the speech engine, in order."""
        self.settings = VoiceSettings()
        self.voice = voice or StationVoice.of_station(self)
        self.output: SoundOutput = output or SpeakerOutput(self)
        self.says = speech
        if speech:
            self.voice.prepare(self.settings.gain)
        self._phrases = Phrasebook(self)
        self._parts: list[tuple[Sound | Spoken, bool]] = []
        """What is left to play of the current call: each part, and whether it begins a
        sentence after the first (where the call ends if another call waits)."""
        self._turn = 0
        self._speaking = False
        """Counts the parts played: the answer of a part cut short is not taken for the next's."""
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.timeout.connect(self._overran)
        self.speech = _speech_engine(engine) if speech else None
        self.engine_speaks = _languages_of(self.speech)
        if self.speech is not None:
            self.speech.stateChanged.connect(self._speech_state)
        if speech and self.voice.pack is None and not self.engine_speaks:
            log.warning("no voice pack and no speech engine: calls are announced with the chime alone")

    @property
    def busy(self) -> bool:
        return self.current is not None

    @property
    def waiting(self) -> list[Announcement]:
        """The calls waiting their turn, in the order they will be said."""
        return self.backlog.calls

    def use_settings(self, settings: VoiceSettings) -> None:
        """The site's voice settings, for the calls from now on."""
        if settings != self.settings:
            chime = "on" if settings.chime else "off"
            languages = "+".join(settings.languages)
            log.info(
                "voice: %s, volume %d%%, said %d times, chime %s", languages, settings.volume, settings.repeat, chime
            )
        if self.says and settings.volume != self.settings.volume:
            self.voice.prepare(settings.gain)
        self.settings = settings

    def name_clinics(self, clinics: Mapping[str, tuple[str, str]]) -> None:
        """The site's clinics (code -> (Arabic name, English name)), so their names are
        said even when added or renamed after the pack was made."""
        if self.says:
            self.voice.name_clinics(clinics)

    def announce(self, announcement: Announcement) -> None:
        """Say `announcement` when its turn comes: it appeared on the board now."""
        replaced = self.backlog.add(announcement, announcement.ticket, self.clock())
        if replaced is not None:
            log.info("%s at %s called again while waiting: said once", announcement.label, announcement.name_en)
        if not self.busy:
            self._next()

    def sentences(self, a: Announcement) -> list[tuple[str, str]]:
        """What a speech engine says, in each of the site's languages, from the translations."""
        source = SPOKEN if a.room else SPOKEN_NO_ROOM
        said = []
        for language in self.settings.languages:
            text = self._phrases.text(language, CONTEXT, source)
            said.append((language, text.format(number=a.label, clinic=a.name(language), room=a.room)))
        return said

    def _next(self) -> None:
        taken, late = self.backlog.next_call(self.clock())
        for waiting in late:
            self._leave_unsaid(waiting.call, self.clock() - waiting.appeared)
        self._taken = taken
        self.current = announcement = taken.call if taken is not None else None
        if announcement is None:
            return
        log.info("announcing %s at %s, room %s", announcement.label, announcement.name_en, announcement.room or "-")
        call = Call(announcement.label, announcement.clinic, announcement.room)
        self.voice.render(call, self.settings, self._heard, speech=self.says, engine_speaks=self.engine_speaks)

    def _leave_unsaid(self, announcement: Announcement, waited_s: float) -> None:
        log.warning(
            "%s at %s left unsaid: its turn came %.0f s after it was shown, later than %.0f s",
            announcement.label,
            announcement.name_en,
            waited_s,
            self.backlog.late_after_s,
        )
        self.unsaid.append(announcement)

    def _heard(self, said: Utterance) -> None:
        """What is heard for the current call is ready: play it, part after part (or, if
        its time passed while it was made ready, nothing: the next call)."""
        taken = self._taken
        if taken is not None and self.backlog.is_late(taken.appeared, self.clock()):
            self.current = self._taken = None
            self._leave_unsaid(taken.call, self.clock() - taken.appeared)
            self._next()
            return
        if self.current is not None:
            self.started.emit(self.current)
        parts = said.parts
        if self.chime_ms is not None and not any(isinstance(part, Spoken) for part in parts):
            parts = [Sound(part.pcm[: 2 * (part.rate * self.chime_ms // 1000)], part.rate) for part in said.sounds]
        self._parts = []
        for part in parts:
            if isinstance(part, Sound):
                starts = [0, *part.breaks]
                ends = [*part.breaks, len(part.pcm)]
                self._parts += [(Sound(part.pcm[a:b], part.rate), bool(a)) for a, b in zip(starts, ends, strict=True)]
            else:
                self._parts.append((part, False))
        self._play_next_part()

    def _play_next_part(self) -> None:
        self._limit.stop()
        self._speaking = False
        self._turn += 1
        turn = self._turn
        while self._parts:
            part, later_sentence = self._parts.pop(0)
            if later_sentence and not self.backlog.goes_on(self.clock()):
                log.info("%d call(s) waiting: the rest of this call is left out", len(self.backlog))
                self._parts = []
                break
            if isinstance(part, Sound):
                self._limit.start(round(part.seconds * 1000) + MARGIN_MS)
                self.output.play(part.pcm, part.rate, lambda: self._part_ended(turn))
                return
            said = dict(self.sentences(self.current)) if self.current is not None else {}
            if self.speech is not None and part.language in said and _can_speak(self.speech, part.language):
                self.spoken.append((part.language, said[part.language]))
                self.speech.setVolume(self.settings.gain)
                self._limit.start(SPEECH_LIMIT_MS)
                self._speaking = True
                self.speech.say(said[part.language])
                return
        ended, self.current = self.current, None
        if ended is not None:
            self.done.append(ended)
            self.finished.emit(ended)
        self._next()

    def _part_ended(self, turn: int) -> None:
        if turn == self._turn:
            self._play_next_part()

    def _overran(self) -> None:
        """A part took much longer than it should: cut it short and go on."""
        log.warning("an announcement part did not end in time; going on")
        self.output.stop()
        if self.speech is not None and self.speech.state() == QTextToSpeech.State.Speaking:
            self.speech.stop()
        self._play_next_part()

    def _speech_state(self, state: object) -> None:
        if self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._play_next_part()


def _speech_engine(name: str | None) -> QTextToSpeech | None:
    """A working speech engine, or None; Qt's test engine ("mock") only when asked for."""
    if name == "":
        return None
    engines = [name] if name else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    for engine in engines:
        speech = QTextToSpeech(engine)
        if speech.state() != QTextToSpeech.State.Error:
            return speech
        speech.deleteLater()
    return None


def _languages_of(speech: QTextToSpeech | None) -> frozenset[str]:
    """The voice languages ("ar", "en") the engine has a voice for."""
    if speech is None:
        return frozenset()
    spoken = {locale.language() for locale in speech.availableLocales()}
    return frozenset(
        code
        for code, language in (("ar", QLocale.Language.Arabic), ("en", QLocale.Language.English))
        if language in spoken
    )


def _can_speak(speech: QTextToSpeech, language: str) -> bool:
    """Switch the engine to `language`; False when it has no voice for it."""
    wanted = QLocale.Language.Arabic if language == "ar" else QLocale.Language.English
    for locale in speech.availableLocales():
        if locale.language() == wanted:
            speech.setLocale(locale)
            return True
    return False
