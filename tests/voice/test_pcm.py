"""Clips recorded in other formats are read as mono 16-bit, and made to the pack's rate."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

import pytest

from core.voice import pcm


def write(path: Path, frames: bytes, channels: int, width: int, rate: int = 8_000) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(frames)


@pytest.mark.parametrize(
    ("width", "frames"),
    [
        (1, bytes([128 + 64, 128 - 64, 128, 128])),
        (2, array("h", [16_384, -16_384, 0, 0]).tobytes()),
        (3, b"".join(v.to_bytes(3, "little", signed=True) for v in (4_194_304, -4_194_304, 0, 0))),
        (4, array("i", [1_073_741_824, -1_073_741_824, 0, 0]).tobytes()),
    ],
    ids=["8-bit", "16-bit", "24-bit", "32-bit"],
)
def test_stereo_of_any_width_is_read_as_mono_16_bit(tmp_path: Path, width: int, frames: bytes) -> None:
    write(tmp_path / "clip.wav", frames, channels=2, width=width)
    fmt, samples = pcm.read_samples(tmp_path / "clip.wav")
    assert fmt.describe() == f"stereo, {width * 8}-bit, 8000 Hz"
    assert list(samples) == [0, 0], "left and right cancel out"
    write(tmp_path / "left.wav", frames[: 2 * width], channels=1, width=width)
    assert list(pcm.read_samples(tmp_path / "left.wav")[1]) == [16_384, -16_384]


def test_resampling_keeps_the_duration() -> None:
    second = array("h", range(0, 16_000, 2))
    assert len(pcm.resample(second, 8_000, 22_050)) == 22_050
    assert len(pcm.resample(second, 8_000, 4_000)) == 4_000


def test_trim_and_normalize_bring_a_clip_to_the_common_level() -> None:
    quiet = array("h", [0] * 1000 + [100, -100] * 500 + [0] * 1000)
    trimmed = pcm.trim_silence(quiet, 1_000, margin_s=0.0)
    assert len(trimmed) == 1000
    louder = pcm.normalize(trimmed, target_rms=3_000, max_peak=29_000)
    assert pcm.rms(louder) == pytest.approx(3_000, rel=0.01)
    assert pcm.peak(pcm.normalize(array("h", [100, -10, 0, 0]), target_rms=30_000, max_peak=29_000)) == 29_000


def test_a_file_that_is_not_a_wav_is_a_clip_error(tmp_path: Path) -> None:
    (tmp_path / "x.wav").write_bytes(b"ID3 an mp3")
    with pytest.raises(pcm.ClipError):
        pcm.read_samples(tmp_path / "x.wav")
