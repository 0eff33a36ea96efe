"""The stations' voice (the hall display's calls, the kiosk reading a ticket aloud): the
voice pack a station speaks with, kept current with the site's clinics, and what a call
becomes with it, worked out off the GUI thread.

A call is normally one buffer (core.voice.render: the chime, then the call in each
language), which knows where its sentences begin (`Sound.breaks`: the hall display ends a
call there when others wait, core.voice.backlog). What a station lacks changes only how
much is heard, never whether the queue goes on:
- a clip the pack lacks is skipped (the rest is said) and logged once;
- a clinic whose name clip is missing or stale gets one made on this station
  (core.voice.clinic_names); until it is, or without espeak-ng, the name is left out, or,
  where a speech engine speaks that language, that language's sentence is said by it;
- no pack at all: the chime, then the call by the speech engine if there is one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from core.voice.clinic_names import ClipSpeaker, make_station_clips, station_clips_root, with_station_clips
from core.voice.compose import Call, clinic_clip
from core.voice.espeak import EngineMissing, speak
from core.voice.pack import DEFAULT_RATE, VoicePack, VoicePackError, active_pack_root, load_pack
from core.voice.render import prepare, render_call
from core.voice.settings import VoiceSettings
from core.voice.words import prompt_clips

log = logging.getLogger(__name__)
T = TypeVar("T")

RENDERING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mmc-voice")
"""Every call of this process is rendered on this one thread: the renderer keeps the
clips it read in a cache that one thread at a time may use."""
NAMING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mmc-voice-names")
"""Clinic names are made here (a second or so each), never in the way of a call."""
NO_CLIPS = VoicePack(root=Path(), rate=DEFAULT_RATE, clips={}, texts={})
"""Renders the chime alone (the built-in one)."""
PREPARED_AT_ONCE = 8
"""Clips read ahead in one turn of the rendering thread (a few tens of milliseconds): a
call that comes meanwhile is rendered between two turns, not after the whole pack."""


@dataclass(frozen=True)
class Sound:
    """A rendered buffer: mono s16le at `rate`."""

    pcm: bytes
    rate: int
    breaks: tuple[int, ...] = ()
    """Byte offsets in `pcm` where a sentence after the call's first begins: where it may
    be cut short and end as if said without what follows (core.voice.render)."""

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate if self.rate else 0.0


@dataclass(frozen=True)
class Spoken:
    """The call's sentence in `language`, said by the speech engine (its words are
    chosen on the GUI thread, from the translations)."""

    language: str


Part = Sound | Spoken


@dataclass(frozen=True)
class Utterance:
    """What is heard for one call, part after part; `missing`: the clips it went without."""

    parts: list[Part]
    missing: list[str] = field(default_factory=list)

    @property
    def sounds(self) -> list[Sound]:
        return [part for part in self.parts if isinstance(part, Sound)]


def _joined(parts: list[Part]) -> list[Part]:
    """Buffers next to each other joined into one (no gap between them)."""
    out: list[Part] = []
    for part in parts:
        last = out[-1] if out else None
        if isinstance(part, Sound) and isinstance(last, Sound) and last.rate == part.rate:
            breaks = (*last.breaks, *(len(last.pcm) + offset for offset in part.breaks))
            out[-1] = Sound(last.pcm + part.pcm, part.rate, breaks)
        else:
            out.append(part)
    return [part for part in out if not (isinstance(part, Sound) and not part.pcm)]


def utterance(
    pack: VoicePack | None,
    call: Call,
    settings: VoiceSettings,
    *,
    languages: Sequence[str] | None = None,
    chime: bool | None = None,
    speech: bool = True,
    engine_speaks: frozenset[str] = frozenset(),
) -> Utterance:
    """What is heard for `call` (see the module's docstring). `languages` and `chime`
    default to the settings'; `speech` False: the chime alone; `engine_speaks`: the
    languages a speech engine can say, for what the pack cannot."""
    languages = tuple(settings.languages if languages is None else languages)
    chime = settings.chime if chime is None else chime
    gain = settings.gain
    if not speech or not languages:
        chime_only = render_call(pack or NO_CLIPS, call, languages=(), chime=chime, volume=gain)
        return Utterance(_joined([Sound(chime_only.pcm, chime_only.rate)]))
    if pack is None:
        chime_only = render_call(NO_CLIPS, call, languages=(), chime=chime, volume=gain)
        said = [Spoken(language) for language in languages if language in engine_speaks]
        return Utterance(_joined([Sound(chime_only.pcm, chime_only.rate), *said * settings.repeat]))
    whole = render_call(pack, call, languages=languages, repeat=settings.repeat, chime=chime, volume=gain)
    by_engine = {
        language
        for language in languages
        if clinic_clip(call.clinic, language) in whole.missing and language in engine_speaks
    }
    if not by_engine:
        breaks = tuple(2 * sample for sample in whole.breaks)
        return Utterance(_joined([Sound(whole.pcm, whole.rate, breaks)]), whole.missing)
    parts: list[Part] = []
    for time in range(settings.repeat):
        for i, language in enumerate(languages):
            first = time == 0 and i == 0
            if language in by_engine:
                if first and chime:
                    ding = render_call(pack, call, languages=(), chime=True, volume=gain)
                    parts.append(Sound(ding.pcm, ding.rate))
                parts.append(Spoken(language))
            else:
                one = render_call(pack, call, languages=(language,), chime=first and chime, volume=gain)
                parts.append(Sound(one.pcm, one.rate))
    return Utterance(_joined(parts), whole.missing)


class _Answer(QObject):
    arrived = Signal(object)


_waiting: set[_Answer] = set()


def run_off_gui_thread(
    pool: ThreadPoolExecutor, work: Callable[[], T], then: Callable[[T], None], owner: QObject
) -> None:
    """Run `work` on `pool`, then `then(result)` on the GUI thread while `owner` exists;
    an error is logged with its traceback (the voice never takes a screen down)."""
    answer = _Answer()
    _waiting.add(answer)

    def arrived(future: Future[T]) -> None:
        _waiting.discard(answer)
        answer.deleteLater()
        error = future.exception()
        if error is not None:
            log.error("the voice failed", exc_info=error)
        elif shiboken6.isValid(owner):
            then(future.result())

    answer.arrived.connect(arrived, Qt.ConnectionType.QueuedConnection)
    pool.submit(work).add_done_callback(answer.arrived.emit)


def voice_work_under_way() -> int:
    """How many renders and clinic names have not yet answered (the tests wait for none)."""
    return len(_waiting)


class StationVoice(QObject):
    """The pack a station speaks with: the committee's or the shipped one (None: neither
    can be read), with the clinic names this station made laid over it. `changed` says
    the pack changed (names were made)."""

    changed = Signal()

    def __init__(
        self,
        pack: VoicePack | None,
        *,
        clips_root: Path | None = None,
        speaker: ClipSpeaker | None = speak,
        parent: QObject | None = None,
    ) -> None:
        """`speaker` makes a missing clinic name (None: names are not made here)."""
        super().__init__(parent)
        self.base = pack
        self.pack = pack
        self.clips_root = clips_root or station_clips_root()
        self.speaker = speaker
        self.clinics: dict[str, tuple[str, str]] = {}
        self._logged: set[str] = set()
        self._engine_missing = False
        self._volume: float | None = None
        self._preparing: list[object] = [None]
        """The latest preparation's token (a plain list: the rendering thread reads it)."""

    @classmethod
    def of_station(cls, parent: QObject | None = None) -> StationVoice:
        """The voice of this machine: its installed pack (active_pack_root)."""
        root = active_pack_root()
        try:
            pack = load_pack(root)
        except VoicePackError as error:
            log.warning("%s; calls get the chime (and a speech engine where there is one)", error)
            return cls(None, parent=parent)
        log.info("voice pack: %s, %d clips", root, len(pack.clips))
        return cls(pack, parent=parent)

    def say_once(self, missing: Sequence[str]) -> None:
        """Log the clips a call went without, each the first time only."""
        new = [key for key in missing if key not in self._logged]
        if new:
            self._logged.update(new)
            log.warning("the voice pack lacks %s: said without", ", ".join(new))

    def name_clinics(self, clinics: Mapping[str, tuple[str, str]]) -> None:
        """Follow the site's clinics (code -> (Arabic name, English name)): the names the
        pack lacks or has stale are taken from this station's folder, made there first if
        need be, off the GUI thread; `changed` when the pack has them."""
        clinics = dict(clinics)
        if self.base is None or clinics == self.clinics:
            return
        self.clinics = clinics
        base, root, speaker = self.base, self.clips_root, None if self._engine_missing else self.speaker

        def work() -> tuple[VoicePack, list[str], str]:
            trouble = ""
            made: list[str] = []
            if speaker is not None:
                try:
                    made = make_station_clips(base, clinics, root, speaker)
                except (EngineMissing, OSError) as error:
                    trouble = str(error)
            return with_station_clips(base, clinics, root), made, trouble

        def done(answer: tuple[VoicePack, list[str], str]) -> None:
            pack, made, trouble = answer
            if made:
                log.info("clinic names made for the voice: %s", ", ".join(made))
            if trouble and not self._engine_missing:
                self._engine_missing = True
                log.warning("clinic names cannot be made on this station (%s): a new name is left out", trouble)
            if clinics == self.clinics and pack != self.pack:
                self.pack = pack
                self.changed.emit()
                self.prepare(self._volume)

        run_off_gui_thread(NAMING, work, done, self)

    def prepare(self, volume: float | None) -> None:
        """Read the pack's clips at `volume` ahead of the calls (core.voice.render.prepare),
        a few at a time on the rendering thread, so even the first call is quick. The
        kiosk's prompts (half the pack) are left to be read when first said: a hall display
        never says them."""
        self._volume = volume
        token = self._preparing[0] = object()
        pack, latest = self.pack, self._preparing
        if pack is None or volume is None:
            return
        prompts = set(prompt_clips())
        keys = [key for key in pack.clips if key not in prompts]

        def turn(start: int) -> None:
            if latest[0] is not token:
                return  # the pack or the volume changed: a newer preparation is under way
            part = replace(pack, clips={key: pack.clips[key] for key in keys[start : start + PREPARED_AT_ONCE]})
            try:
                prepare(part, volume=volume)
            except Exception:
                log.exception("the voice pack could not be read ahead")
                return
            if start + PREPARED_AT_ONCE < len(keys):
                RENDERING.submit(turn, start + PREPARED_AT_ONCE)

        RENDERING.submit(turn, 0)

    def render(
        self,
        call: Call,
        settings: VoiceSettings,
        then: Callable[[Utterance], None],
        *,
        languages: Sequence[str] | None = None,
        chime: bool | None = None,
        speech: bool = True,
        engine_speaks: frozenset[str] = frozenset(),
    ) -> None:
        """Work out what is heard for `call` off the GUI thread; `then(utterance)` on it."""
        pack = self.pack

        def work() -> Utterance:
            return utterance(
                pack,
                call,
                settings,
                languages=languages,
                chime=chime,
                speech=speech,
                engine_speaks=engine_speaks,
            )

        def done(said: Utterance) -> None:
            self.say_once(said.missing)
            then(said)

        run_off_gui_thread(RENDERING, work, done, self)
