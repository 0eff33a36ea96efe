"""A call rendered from a voice pack into one continuous buffer, ready to play:

    chime | 0.25 s | sentence (first language) | 0.35 s | sentence (next language) ... | 0.1 s

and, said more than once, the sentences again after 0.6 s (the chime only at the start).
Within a sentence the parts of one number follow each other 20 ms apart, as one word
(اثنان وأربعون, forty-two: core.voice.compose.goes_on_number); other clips 60 ms apart
(number | 42, K | 1 | A, please go to | Laboratory); and 150 ms before each word of the call
that opens a phrase (please go to, room), where a speaker pauses at a comma. The pauses
are as short as keeps the words apart: calls never overlap, so in a busy hall each one's
length is the next one's wait (docs/VOICE.md, "How long a call lasts").

The buffer can be cut short between two sentences (`Rendered.breaks`, TAIL_S into the pause
before each sentence after the first): what comes before a break is the same, sample for
sample, as the call rendered with only the sentences before it, its tail included.

A clip the pack lacks, or whose file is missing or unreadable, is skipped and named in
`Rendered.missing`: the call is said with what there is, and with no clip at all it is
still the chime. A pack without its own chime plays the built-in one.

Each clip is read once and kept in memory at the pack's rate (resampled when recorded at
another) and at the volume asked, so rendering a call only joins arrays: a millisecond or
so. `prepare` reads a whole pack ahead of the first call. The buffer never clips: a clip
is scaled by `volume`, or less where its own loudest sample would pass PEAK_LIMIT. The
kept clips are shared by the process: render from one thread at a time.
"""

from __future__ import annotations

import wave
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.voice import pcm
from core.voice.compose import Call, goes_on_number, sentence
from core.voice.pack import VoicePack
from core.voice.words import CHIME
from resources import resource_path

NUMBER_GAP_S = 0.02
WORD_GAP_S = 0.06
PHRASE_GAP_S = 0.15
CHIME_GAP_S = 0.25
SENTENCE_GAP_S = 0.35
REPEAT_GAP_S = 0.6
TAIL_S = 0.1
"""After the last sentence; no longer than the pause between two (see `Rendered.breaks`)."""
PEAK_LIMIT = 32_000
"""The loudest sample a rendered call may hold (-0.2 dBFS): never a wrapped sample."""
CACHE_SIZE = 2_048


@dataclass(frozen=True)
class Rendered:
    pcm: bytes
    """Mono signed 16-bit little-endian samples at `rate`."""
    rate: int
    missing: list[str] = field(default_factory=list)
    """Clip ids the pack lacked (skipped, not fatal), each once, in order."""
    breaks: tuple[int, ...] = ()
    """Where each sentence after the first begins, in samples from the start: a player may
    stop at one and the call ends as if said with the sentences before it alone."""

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


@dataclass(frozen=True)
class _Clip:
    samples: array[int]
    peak: int


_Key = tuple[str, int, int, int, float | None]
_clips: OrderedDict[_Key, _Clip | None] = OrderedDict()
"""(file, rate, mtime, size, volume or None as read) -> the clip so (None: unreadable)."""


def _remember(key: _Key, clip: _Clip | None) -> _Clip | None:
    _clips[key] = clip
    if len(_clips) > CACHE_SIZE:
        _clips.popitem(last=False)
    return clip


def _kept(key: _Key) -> tuple[bool, _Clip | None]:
    if key in _clips:
        _clips.move_to_end(key)
        return True, _clips[key]
    return False, None


def _clip(path: Path, rate: int, volume: float = 1.0) -> _Clip | None:
    """The clip in `path` as mono 16-bit at `rate`, scaled by `volume` but never past
    PEAK_LIMIT; None when it cannot be read. Kept by the file's modification time and size,
    so a clip replaced on disk is read again."""
    try:
        stat = path.stat()
    except OSError:
        return None
    read_key: _Key = (str(path), rate, stat.st_mtime_ns, stat.st_size, None)
    found, clip = _kept(read_key)
    if not found:
        try:
            fmt, samples = pcm.read_samples(path)
        except pcm.ClipError:
            return _remember(read_key, None)
        samples = pcm.resample(samples, fmt.rate, rate)
        clip = _remember(read_key, _Clip(samples, pcm.peak(samples)))
    if clip is None:
        return None
    gain = max(0.0, min(volume, PEAK_LIMIT / clip.peak if clip.peak else volume))
    if gain == 1.0:
        return clip
    scaled_key: _Key = (*read_key[:4], volume)
    found, scaled = _kept(scaled_key)
    if found:
        return scaled
    samples = pcm.scale(clip.samples, gain)
    return _remember(scaled_key, _Clip(samples, pcm.peak(samples)))


def prepare(pack: VoicePack, *, volume: float = 1.0) -> None:
    """Read every clip of `pack` (and the built-in chime) at `volume` now, so that the first
    call renders as fast as the next: for a station starting, or its pack or volume
    changed. Never needed: `render_call` reads what it lacks."""
    for path in [*pack.clips.values(), resource_path("sounds", "chime.wav")]:
        _clip(path, pack.rate, volume)


def _silence(rate: int, seconds: float) -> array[int]:
    return array("h", bytes(2 * round(rate * seconds)))


def _sentences(call: Call, languages: Sequence[str], repeat: int) -> Iterable[tuple[float, list[str]]]:
    """(the pause before it, its clip ids) of each sentence said, in order."""
    for time in range(max(1, repeat)):
        for i, language in enumerate(languages):
            pause = CHIME_GAP_S if time == 0 and i == 0 else SENTENCE_GAP_S if i else REPEAT_GAP_S
            yield pause, sentence(call, language)


def pause_between(previous: str, key: str) -> float:
    """The silence between clip `previous` and clip `key` of one sentence (see the module's
    docstring)."""
    if "/word/" in key:
        return PHRASE_GAP_S
    return NUMBER_GAP_S if goes_on_number(previous, key) else WORD_GAP_S


def _chime(pack: VoicePack, volume: float) -> _Clip | None:
    """The pack's chime, or the built-in one where the pack has none that reads."""
    for path in (pack.clips.get(CHIME), resource_path("sounds", "chime.wav")):
        clip = _clip(path, pack.rate, volume) if path else None
        if clip:
            return clip
    return None


def _said(
    pack: VoicePack, sentences: Iterable[tuple[float, list[str]]], volume: float
) -> tuple[list[tuple[float, list[tuple[str, _Clip]]]], list[str]]:
    """Each sentence's pause and the clips of it the pack has; the ids of those it lacks."""
    missing: list[str] = []
    plan: list[tuple[float, list[tuple[str, _Clip]]]] = []
    for pause, keys in sentences:
        found = []
        for key in keys:
            path = pack.clips.get(key)
            clip = _clip(path, pack.rate, volume) if path else None
            if clip:
                found.append((key, clip))
            elif key not in missing:
                missing.append(key)
        if found:
            plan.append((pause, found))
    return plan, missing


def render_call(
    pack: VoicePack,
    call: Call,
    *,
    languages: Sequence[str] = ("ar", "en"),
    repeat: int = 1,
    chime: bool = True,
    volume: float = 1.0,
) -> Rendered:
    """The call said in each of `languages` in turn, `repeat` times, after the chime (when
    `chime`), as one buffer at the pack's rate; `volume` (0..1; more is allowed, up to the
    peak limit) scales it all."""
    rate = pack.rate
    chime_clip = _chime(pack, volume) if chime else None
    plan, missing = _said(pack, _sentences(call, languages, repeat), volume)
    out = array("h", chime_clip.samples if chime_clip else ())
    breaks: list[int] = []
    for n, (pause, found) in enumerate(plan):
        if n:
            breaks.append(len(out) + round(rate * TAIL_S))
        if out:
            out += _silence(rate, pause)
        previous = ""
        for key, clip in found:
            if previous:
                out += _silence(rate, pause_between(previous, key))
            out += clip.samples
            previous = key
    if out:
        out += _silence(rate, TAIL_S)
    return Rendered(pcm=pcm.pcm_bytes(out), rate=rate, missing=missing, breaks=tuple(breaks))


def write_wav(rendered: Rendered, path: Path) -> None:
    """The rendered call as a mono 16-bit WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rendered.rate)
        wav.writeframes(rendered.pcm)
