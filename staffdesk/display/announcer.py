"""Announcing calls in the hall. Each call becomes what is heard for it
(sync.runtime.voice): one buffer from the voice pack, the chime and then the call in the
site's languages, as many times as the site says, worked out off the GUI thread and
played through the sound output (sync.runtime.sound). Announcements wait their turn and
never overlap: the next starts when the last one's sound has ended, or at the latest when
it should have (its length and a margin), so a stuck output cannot hold the queue.

Without a voice pack, the chime is followed by the call said by a speech engine where one
exists (QtTextToSpeech, "speechd"), else the chime is all; `speech=False` (the display's
--no-speech) is the chime alone."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

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
        parent: QObject | None = None,
    ) -> None:
        """`engine`: the speech engine for what the pack cannot say (None: the first
        that works, Qt's test engine "mock" only when named; "": none). `chime_ms` cuts
        an announcement that is the chime alone to that length (the tests and benchmarks
        hurry with it). `voice` and `output` default to this machine's pack and sound
        output."""
        super().__init__(parent)
        self.chime_ms = chime_ms
        self.waiting: deque[Announcement] = deque()
        self.current: Announcement | None = None
        self.done: list[Announcement] = []
        self.spoken: list[tuple[str, str]] = []
        """(language, text) of every sentence handed to the speech engine, in order."""
        self.settings = VoiceSettings()
        self.voice = voice or StationVoice.of_station(self)
        self.output: SoundOutput = output or SpeakerOutput(self)
        self.says = speech
        if speech:
            self.voice.prepare(self.settings.gain)
        self._phrases = Phrasebook(self)
        self._parts: list[Sound | Spoken] = []
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
        self.waiting.append(announcement)
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
        if not self.waiting:
            self.current = None
            return
        self.current = announcement = self.waiting.popleft()
        log.info("announcing %s at %s, room %s", announcement.label, announcement.name_en, announcement.room or "-")
        self.started.emit(announcement)
        call = Call(announcement.label, announcement.clinic, announcement.room)
        self.voice.render(call, self.settings, self._heard, speech=self.says, engine_speaks=self.engine_speaks)

    def _heard(self, said: Utterance) -> None:
        """What is heard for the current call is ready: play it, part after part."""
        parts = said.parts
        if self.chime_ms is not None and not any(isinstance(part, Spoken) for part in parts):
            parts = [Sound(part.pcm[: 2 * (part.rate * self.chime_ms // 1000)], part.rate) for part in said.sounds]
        self._parts = list(parts)
        self._play_next_part()

    def _play_next_part(self) -> None:
        self._limit.stop()
        self._speaking = False
        self._turn += 1
        turn = self._turn
        while self._parts:
            part = self._parts.pop(0)
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
