"""Clips said as they are listed, without the grammar of a call: the kiosk's spoken prompts
(core.voice.words.PROMPTS, one whole sentence a clip), or any other list of clip ids, as one
buffer ready to play:

    clip | WORD_GAP_S | clip ... | TAIL_S

at the pack's rate (a clip recorded at another is resampled) and at the volume asked, never
past core.voice.render.PEAK_LIMIT. As with a call, a clip the pack lacks, or whose file is
missing or unreadable, is skipped and named in `Rendered.missing`.

Each clip is read from its file at every render, nothing is kept: a prompt is one file,
read in a few milliseconds, and a station may render from any thread.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from core.voice import pcm
from core.voice.pack import VoicePack
from core.voice.render import PEAK_LIMIT, TAIL_S, WORD_GAP_S, Rendered


def _samples(pack: VoicePack, key: str, volume: float) -> array[int] | None:
    """Clip `key` at the pack's rate and `volume` (less where its loudest sample would pass
    PEAK_LIMIT); None when the pack lacks it or it cannot be read."""
    path = pack.clips.get(key)
    if path is None:
        return None
    try:
        fmt, samples = pcm.read_samples(path)
    except pcm.ClipError:
        return None
    samples = pcm.resample(samples, fmt.rate, pack.rate)
    loudest = pcm.peak(samples)
    gain = max(0.0, min(volume, PEAK_LIMIT / loudest if loudest else volume))
    return pcm.scale(samples, gain)


def render_clips(pack: VoicePack, keys: Sequence[str], *, volume: float = 1.0) -> Rendered:
    """The clips `keys` of `pack`, in that order, as one buffer at the pack's rate (see the
    module's docstring); `volume` (0..1) scales each. Empty when none could be said."""
    out = array("h")
    missing: list[str] = []
    for key in keys:
        samples = _samples(pack, key, volume)
        if samples is None:
            if key not in missing:
                missing.append(key)
            continue
        if out:
            out += array("h", bytes(2 * round(pack.rate * WORD_GAP_S)))
        out += samples
    if out:
        out += array("h", bytes(2 * round(pack.rate * TAIL_S)))
    return Rendered(pcm=pcm.pcm_bytes(out), rate=pack.rate, missing=missing)
