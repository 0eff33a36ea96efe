"""Mono signed 16-bit PCM in `array('h')`: read from any PCM WAV file, resampled, trimmed,
scaled, measured and written, in pure Python (the standard library's `wave` and `array`).

The per-sample loops here run once per clip (on loading a pack or making one), never per
call: rendering a call only concatenates arrays (core.voice.render).
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

FULL_SCALE = 32_767


class ClipError(Exception):
    """A file that is not a PCM WAV file this module can read; the message says why."""


@dataclass(frozen=True)
class WavFormat:
    channels: int
    width: int
    """Bytes per sample: 1 (8-bit), 2 (16-bit), 3 (24-bit) or 4 (32-bit)."""
    rate: int
    frames: int

    def describe(self) -> str:
        channels = {1: "mono", 2: "stereo"}.get(self.channels, f"{self.channels} channels")
        return f"{channels}, {self.width * 8}-bit, {self.rate} Hz"


def _little_endian(samples: array[int]) -> array[int]:
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _to_16_bit(data: bytes, width: int) -> array[int]:
    if width == 2:
        return _little_endian(array("h", data))
    if width == 1:
        return array("h", ((b - 128) << 8 for b in data))
    if width == 3:
        return array("h", (int.from_bytes(data[i + 1 : i + 3], "little", signed=True) for i in range(0, len(data), 3)))
    if width == 4:
        return array("h", (s >> 16 for s in _little_endian(array("i", data))))
    raise ClipError(f"{width * 8}-bit samples")


def _to_mono(samples: array[int], channels: int) -> array[int]:
    if channels == 1:
        return samples
    return array("h", (sum(samples[i : i + channels]) // channels for i in range(0, len(samples), channels)))


def read_format(source: Path | bytes) -> WavFormat:
    """The format of a WAV file (or of its bytes), without reading its samples."""
    try:
        with wave.open(io.BytesIO(source) if isinstance(source, bytes) else str(source), "rb") as wav:
            return WavFormat(wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise ClipError(str(error) or type(error).__name__) from error


def read_samples(source: Path | bytes) -> tuple[WavFormat, array[int]]:
    """A WAV file's (or its bytes') format and its samples as mono 16-bit at its own rate:
    other widths are scaled to 16 bits and channels averaged."""
    try:
        with wave.open(io.BytesIO(source) if isinstance(source, bytes) else str(source), "rb") as wav:
            fmt = WavFormat(wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes())
            data = wav.readframes(fmt.frames)
    except (OSError, EOFError, wave.Error) as error:
        raise ClipError(str(error) or type(error).__name__) from error
    if fmt.rate <= 0 or fmt.channels <= 0:
        raise ClipError(f"a {fmt.describe()} file")
    usable = len(data) - len(data) % (fmt.width * fmt.channels)
    return fmt, _to_mono(_to_16_bit(data[:usable], fmt.width), fmt.channels)


def resample(samples: array[int], source_rate: int, target_rate: int) -> array[int]:
    """`samples` at `target_rate`, by linear interpolation (speech clips, resampled once)."""
    if source_rate == target_rate or not samples:
        return samples
    count = max(1, round(len(samples) * target_rate / source_rate))
    step = source_rate / target_rate
    last = len(samples) - 1
    out = array("h", bytes(2 * count))
    for i in range(count):
        position = i * step
        left = int(position)
        if left >= last:
            out[i] = samples[last]
            continue
        fraction = position - left
        out[i] = round(samples[left] + (samples[left + 1] - samples[left]) * fraction)
    return out


def peak(samples: array[int]) -> int:
    """The largest absolute sample (0 for none)."""
    if not samples:
        return 0
    highest, lowest = max(samples), min(samples)
    return max(highest, -lowest)


def rms(samples: array[int]) -> float:
    """The root mean square of the samples (0 for none)."""
    return math.sqrt(math.fsum(s * s for s in samples) / len(samples)) if samples else 0.0


def dbfs(level: float) -> float:
    """A sample level in decibels below full scale (-inf for silence)."""
    return 20 * math.log10(level / FULL_SCALE) if level > 0 else -math.inf


def scale(samples: array[int], gain: float) -> array[int]:
    """`samples` times `gain`, clamped to 16 bits (never wrapped)."""
    if gain == 1.0:
        return array("h", samples)
    if peak(samples) * gain < FULL_SCALE:
        # No sample can pass full scale: the multiplication alone, at C speed (int()
        # rounds toward zero, a difference no one hears).
        return array("h", map(int, map(gain.__mul__, samples)))
    return array("h", (max(-FULL_SCALE, min(FULL_SCALE, round(s * gain))) for s in samples))


def trim_silence(samples: array[int], rate: int, *, threshold: float = 0.02, margin_s: float = 0.01) -> array[int]:
    """`samples` without the silence before the first and after the last sample louder than
    `threshold` times the peak, keeping `margin_s` of it on each side."""
    loudest = peak(samples)
    if loudest == 0:
        return array("h")
    floor = loudest * threshold
    first = next(i for i, s in enumerate(samples) if abs(s) > floor)
    last = next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > floor)
    margin = int(rate * margin_s)
    return samples[max(0, first - margin) : min(len(samples), last + 1 + margin)]


def normalize(samples: array[int], *, target_rms: float, max_peak: int) -> array[int]:
    """`samples` scaled so their RMS is `target_rms`, or less where their peak would pass
    `max_peak`: every clip of a pack then sounds about as loud as the next."""
    level, loudest = rms(samples), peak(samples)
    if level == 0:
        return array("h", samples)
    return scale(samples, min(target_rms / level, max_peak / loudest))


def wav_bytes(samples: array[int], rate: int) -> bytes:
    """A mono 16-bit WAV file of `samples`."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm_bytes(samples))
    return buffer.getvalue()


def pcm_bytes(samples: array[int]) -> bytes:
    """The samples as little-endian bytes."""
    if sys.byteorder == "big":
        swapped = array("h", samples)
        swapped.byteswap()
        return swapped.tobytes()
    return samples.tobytes()


def write_wav(path: Path, samples: array[int], rate: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(wav_bytes(samples, rate))
