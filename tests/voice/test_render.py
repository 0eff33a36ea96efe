"""A call rendered into one buffer: its layout and length, its loudness, what happens
without some clips or without any, and how fast it is heard."""

from __future__ import annotations

import itertools
import json
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from core.voice import pcm
from core.voice.compose import Call, sentence
from core.voice.pack import VoicePack, load_pack
from core.voice.render import (
    CHIME_GAP_S,
    NUMBER_GAP_S,
    PEAK_LIMIT,
    PHRASE_GAP_S,
    REPEAT_GAP_S,
    SENTENCE_GAP_S,
    TAIL_S,
    WORD_GAP_S,
    Rendered,
    prepare,
    render_call,
    write_wav,
)
from resources import resource_path
from tests.voice.conftest import RATE, tone

CALL = Call(label="42", clinic="lab", room="102")
CALL_PAUSES = [WORD_GAP_S, NUMBER_GAP_S, PHRASE_GAP_S, WORD_GAP_S, PHRASE_GAP_S, WORD_GAP_S, NUMBER_GAP_S]
"""Between the clips of CALL's sentence, in either language: number | 42 as one word |,
please go to | Laboratory |, room | 102 as one word (٤٢: اثنان|وأربعون, forty|two;
١٠٢: مئة|واثنان, one hundred|two)."""
MakePack = Callable[..., VoicePack]


def samples(rendered: Rendered) -> array[int]:
    return array("h", rendered.pcm)


def clip_length(key: str) -> float:
    """Words longer than numbers, as in speech, so a misplaced gap shows."""
    return 0.3 if "/word/" in key or "/clinic/" in key else 0.1


def expected_seconds(languages: tuple[str, ...] = ("ar", "en"), repeat: int = 1, chime: bool = True) -> float:
    """The layout render.py documents, clip by clip (every pause rounded to whole samples)."""
    total = clip_length("chime") + CHIME_GAP_S if chime else 0.0
    for time in range(repeat):
        for i, language in enumerate(languages):
            if time or i:
                total += SENTENCE_GAP_S if i else REPEAT_GAP_S
            keys = sentence(CALL, language)
            total += sum(clip_length(key) for key in keys) + sum(CALL_PAUSES)
    return total + TAIL_S


def first_sound_s(rendered: Rendered) -> float:
    values = samples(rendered)
    floor = pcm.peak(values) * 0.05
    return next(i for i, s in enumerate(values) if abs(s) > floor) / rendered.rate


def test_a_call_is_the_chime_then_each_sentence_with_its_pauses(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    rendered = render_call(pack, CALL)
    assert rendered.missing == []
    assert rendered.rate == RATE
    assert rendered.seconds == pytest.approx(expected_seconds(), abs=0.002)


@pytest.mark.parametrize(
    ("languages", "repeat", "chime"), [(("en",), 1, True), (("en", "ar"), 2, False), (("ar", "en"), 3, True)]
)
def test_languages_repeats_and_the_chime_as_set(
    tone_pack: MakePack, languages: tuple[str, ...], repeat: int, chime: bool
) -> None:
    rendered = render_call(tone_pack(clip_length), CALL, languages=languages, repeat=repeat, chime=chime)
    assert rendered.seconds == pytest.approx(expected_seconds(languages, repeat, chime), abs=0.004)


def test_a_call_cut_at_a_break_is_the_call_said_with_the_sentences_before_it(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    twice = render_call(pack, CALL, languages=("ar", "en"), repeat=2)
    assert len(twice.breaks) == 3, "before English, before Arabic again, before English again"
    first, second, _ = (2 * sample for sample in twice.breaks)
    assert twice.pcm[:first] == render_call(pack, CALL, languages=("ar",)).pcm
    assert twice.pcm[:second] == render_call(pack, CALL, languages=("ar", "en")).pcm
    assert render_call(pack, CALL, languages=("en",)).breaks == ()


def test_the_default_pack_says_a_call_heard_at_once_and_never_clipped(voice_pack_root: Path) -> None:
    pack = load_pack(voice_pack_root)
    for call in (Call("7", "vitals", "101"), Call("K1A2-7", "ent", "203"), Call("999", "women_internal", "301")):
        rendered = render_call(pack, call)
        values = samples(rendered)
        assert rendered.missing == []
        assert 6 < rendered.seconds < 30
        assert pcm.dbfs(pcm.rms(values)) > -35, "not silent"
        assert pcm.peak(values) <= PEAK_LIMIT
        assert first_sound_s(rendered) < 0.5
        assert first_sound_s(render_call(pack, call, chime=False)) < 0.5


def test_a_call_with_the_default_pack_is_short_enough_for_a_busy_hall(voice_pack_root: Path) -> None:
    """A call's length is the next one's wait. Measured: 14.7 s in both languages and 9.1 s in
    Arabic at 160 words a minute with 80 to 400 ms pauses and a 1.2 s chime; 12.3 s and
    7.5 s at 180 with the pauses and the chime of now (docs/VOICE.md)."""
    pack = load_pack(voice_pack_root)
    both = render_call(pack, CALL)
    arabic = render_call(pack, CALL, languages=("ar",))
    assert both.missing == []
    assert both.seconds < 13.0
    assert arabic.seconds < 8.0


def test_full_scale_clips_at_three_times_the_volume_are_limited_not_wrapped(tone_pack: MakePack) -> None:
    rendered = render_call(tone_pack(level=32_767), CALL, volume=3.0)
    values = samples(rendered)
    assert PEAK_LIMIT - 2 <= pcm.peak(values) <= PEAK_LIMIT
    sine = values[: RATE // 20]
    assert all(abs(b - a) < 12_000 for a, b in itertools.pairwise(sine)), "a wrapped sample jumps"


def test_volume_scales_every_sample(tone_pack: MakePack) -> None:
    pack = tone_pack(level=20_000)
    full = samples(render_call(pack, CALL))
    half = samples(render_call(pack, CALL, volume=0.5))
    assert len(half) == len(full)
    assert all(abs(h - f / 2) <= 1 for h, f in zip(half, full, strict=True))
    assert pcm.peak(samples(render_call(pack, CALL, volume=0.0))) == 0


def test_a_missing_clip_is_skipped_and_named(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    pack.clips["ar/num/and40"].unlink()
    manifest = json.loads((pack.root / "manifest.json").read_text(encoding="utf-8"))
    del manifest["clips"]["en/clinic/lab"]
    (pack.root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    rendered = render_call(load_pack(pack.root), CALL, repeat=2)
    assert rendered.missing == ["ar/num/and40", "en/clinic/lab"]
    lost = 2 * (clip_length("ar/num/and40") + NUMBER_GAP_S + clip_length("en/clinic/lab") + WORD_GAP_S)
    assert rendered.seconds == pytest.approx(expected_seconds(repeat=2) - lost, abs=0.004)


def test_an_unreadable_clip_is_skipped_like_a_missing_one(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    pack.clips["en/word/room"].write_bytes(b"not a wav file")
    assert render_call(pack, CALL).missing == ["en/word/room"]


def test_a_pack_missing_everything_still_chimes(tmp_path: Path) -> None:
    empty = VoicePack(root=tmp_path, rate=RATE, clips={}, texts={})
    rendered = render_call(empty, CALL)
    chime = pcm.read_format(resource_path("sounds", "chime.wav"))
    assert rendered.seconds == pytest.approx(chime.frames / chime.rate + TAIL_S, abs=0.002)
    assert pcm.peak(samples(rendered)) > 5_000
    assert rendered.missing == list(dict.fromkeys(sentence(CALL, "ar") + sentence(CALL, "en")))
    assert render_call(empty, CALL, chime=False).pcm == b""


def test_a_clip_recorded_at_another_rate_is_resampled(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    pcm.write_wav(pack.clips["en/clinic/lab"], tone(0.3, rate=44_100), 44_100)
    assert render_call(pack, CALL).seconds == pytest.approx(expected_seconds(), abs=0.002)


def test_a_clip_replaced_on_disk_is_read_again(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    before = render_call(pack, CALL).seconds
    pcm.write_wav(pack.clips["ar/clinic/lab"], tone(0.8), RATE)
    assert render_call(pack, CALL).seconds == pytest.approx(before + 0.5, abs=0.002)


def test_write_wav_writes_mono_16_bit_at_the_packs_rate(tone_pack: MakePack, tmp_path: Path) -> None:
    rendered = render_call(tone_pack(), CALL)
    out = tmp_path / "call.wav"
    write_wav(rendered, out)
    with wave.open(str(out), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        assert wav.readframes(wav.getnframes()) == rendered.pcm


def test_preparing_a_pack_reads_what_it_can_and_changes_nothing_heard(tone_pack: MakePack) -> None:
    pack = tone_pack(clip_length)
    pack.clips["en/num/2"].unlink()
    before = render_call(pack, CALL, volume=0.7)
    prepare(pack, volume=0.7)
    assert render_call(pack, CALL, volume=0.7) == before
