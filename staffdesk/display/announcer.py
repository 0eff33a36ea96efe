"""Announcing calls in the hall: a chime, then the call spoken in Arabic and then in
English where a speech engine exists (the chime alone where none does). Announcements
wait their turn in a queue and never overlap; a stuck engine cannot hold the queue."""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech

from resources import resource_path
from sync.runtime.qt import Phrasebook

log = logging.getLogger(__name__)
CHIME_MS = 1_250
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


class Announcer(QObject):
    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        *,
        speech: bool = True,
        engine: str | None = None,
        chime_ms: int = CHIME_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.chime_ms = chime_ms
        self.waiting: deque[Announcement] = deque()
        self.current: Announcement | None = None
        self.done: list[Announcement] = []
        self.spoken: list[tuple[str, str]] = []
        """(language, text) of every sentence handed to the speech engine, in order."""
        self._phrases = Phrasebook(self)
        self._chime = QSoundEffect(self)
        self._chime.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "chime.wav"))))
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.timeout.connect(self._advance)
        self._sentences: list[tuple[str, str]] = []
        self._speaking = False
        self.speech = _speech_engine(engine) if speech else None
        if self.speech is not None:
            self.speech.stateChanged.connect(self._speech_state)

    @property
    def busy(self) -> bool:
        return self.current is not None

    def announce(self, announcement: Announcement) -> None:
        self.waiting.append(announcement)
        if not self.busy:
            self._next()

    def sentences(self, a: Announcement) -> list[tuple[str, str]]:
        """What is said, in Arabic then English, each from the translation files."""
        source = SPOKEN if a.room else SPOKEN_NO_ROOM
        said = []
        for language, clinic in (("ar", a.name_ar), ("en", a.name_en)):
            text = self._phrases.text(language, CONTEXT, source)
            said.append((language, text.format(number=a.label, clinic=clinic, room=a.room)))
        return said

    def _next(self) -> None:
        if not self.waiting:
            self.current = None
            return
        self.current = self.waiting.popleft()
        log.info("announcing %s at %s, room %s", self.current.label, self.current.name_en, self.current.room or "-")
        self.started.emit(self.current)
        self._sentences = self.sentences(self.current) if self.speech is not None else []
        self._chime.play()
        self._step.start(self.chime_ms)

    def _advance(self) -> None:
        """The chime or a sentence ended (or took too long): say the next sentence, or end."""
        self._speaking = False
        if self.speech is not None and self.speech.state() == QTextToSpeech.State.Speaking:
            self.speech.stop()
        while self._sentences:
            language, text = self._sentences.pop(0)
            if self.speech is not None and _can_speak(self.speech, language):
                self.spoken.append((language, text))
                self._speaking = True
                self.speech.say(text)
                self._step.start(SPEECH_LIMIT_MS)
                return
        ended, self.current = self.current, None
        if ended is not None:
            self.done.append(ended)
            self.finished.emit(ended)
        self._next()

    def _speech_state(self, state: object) -> None:
        if self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._step.stop()
            self._advance()


def _speech_engine(name: str | None) -> QTextToSpeech | None:
    """A working speech engine, or None; Qt's test engine ("mock") only when asked for."""
    engines = [name] if name else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    for engine in engines:
        speech = QTextToSpeech(engine)
        if speech.state() != QTextToSpeech.State.Error:
            return speech
        speech.deleteLater()
    return None


def _can_speak(speech: QTextToSpeech, language: str) -> bool:
    """Switch the engine to `language`; False when it has no voice for it."""
    wanted = QLocale.Language.Arabic if language == "ar" else QLocale.Language.English
    for locale in speech.availableLocales():
        if locale.language() == wanted:
            speech.setLocale(locale)
            return True
    return False
