"""A pack on disk and its checker: the default pack is complete, and each way a pack can be
wrong is named in a sentence."""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from core.voice import pcm
from core.voice.pack import VoicePack, VoicePackError, check_pack, default_pack_root, load_pack
from core.voice.words import clips_to_record
from resources import resource_path
from tests.voice.conftest import DEFAULT_CLINICS, RATE, tone

MakePack = Callable[..., VoicePack]


def rewrite_manifest(root: Path, change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    change(manifest)
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_the_generated_default_pack_is_complete_for_the_default_clinics(voice_pack_root: Path) -> None:
    pack = load_pack(voice_pack_root)
    assert check_pack(pack, DEFAULT_CLINICS) == []
    assert pack.rate == 22_050
    assert set(pack.clips) == set(clips_to_record(DEFAULT_CLINICS))
    assert pack.texts["ar/clinic/lab"] == "المختبر" and pack.texts["en/num/300"] == "three hundred"


def test_the_shipped_pack_lives_in_resources_voice() -> None:
    assert default_pack_root() == resource_path("voice")


def test_a_complete_pack_has_no_problem(tone_pack: MakePack) -> None:
    assert check_pack(tone_pack(), DEFAULT_CLINICS) == []


def test_the_checker_finds_a_deleted_clip_and_a_silent_one(tone_pack: MakePack) -> None:
    pack = tone_pack()
    pack.clips["ar/num/7m"].unlink()
    pcm.write_wav(pack.clips["en/word/room"], array("h", bytes(4_000)), RATE)
    assert check_pack(pack, DEFAULT_CLINICS) == [
        "Clip ar/num/7m: its file ar/num/7m.wav is missing.",
        "Clip en/word/room: en/word/room.wav is silent (its loudest sample is at -inf dBFS).",
    ]


def test_the_checker_finds_a_clip_the_manifest_lacks(tone_pack: MakePack) -> None:
    pack = tone_pack()
    rewrite_manifest(pack.root, lambda m: m["clips"].pop("ar/num/and1f-tens"))
    (problem,) = check_pack(load_pack(pack.root), DEFAULT_CLINICS)
    assert problem == "Clip ar/num/and1f-tens (ar: «وَإِحْدى») is not in the pack."


def test_the_checker_names_a_wrong_format_and_an_unreadable_file(tone_pack: MakePack) -> None:
    pack = tone_pack()
    pcm.write_wav(pack.clips["en/num/5"], tone(0.2, rate=44_100), 44_100)
    pack.clips["ar/letter/Q"].write_bytes(b"RIFF nonsense")
    problems = check_pack(pack, DEFAULT_CLINICS)
    assert problems[1].startswith("Clip ar/letter/Q: ar/letter/Q.wav is not a PCM WAV file that can be read")
    assert problems[0] == (
        "Clip en/num/5: en/num/5.wav is mono, 16-bit, 44100 Hz; clips must be mono, 16-bit, 22050 Hz (the pack's rate)."
    )


def test_a_new_clinic_needs_its_name_clips_and_a_renamed_one_new_ones(tone_pack: MakePack) -> None:
    clinics = DEFAULT_CLINICS | {"cardio": ("القلب", "Cardiology"), "eyes": ("طب العيون", "Ophthalmology")}
    assert check_pack(tone_pack(), clinics) == [
        "Clip ar/clinic/cardio (ar: «القلب») is not in the pack.",
        "Clip en/clinic/cardio (en: «Cardiology») is not in the pack.",
        "Clip ar/clinic/eyes says «العيون» but the clinic is named «طب العيون»: record or generate it again.",
    ]


def test_a_committee_may_record_more_than_the_bare_name(tone_pack: MakePack) -> None:
    pack = tone_pack()
    rewrite_manifest(pack.root, lambda m: m["clips"]["ar/clinic/eyes"].update(text="عِيادَة العُيون"))
    assert check_pack(load_pack(pack.root), DEFAULT_CLINICS) == []


def test_a_clip_much_quieter_than_the_rest_is_reported(tone_pack: MakePack) -> None:
    pack = tone_pack()
    pcm.write_wav(pack.clips["en/num/9"], tone(0.1, level=600), RATE)
    (problem,) = check_pack(pack, DEFAULT_CLINICS)
    assert problem.startswith("Clip en/num/9 is 24 dB quieter than the pack's usual level")


@pytest.mark.parametrize(
    ("manifest", "said"),
    [
        (None, "it has no manifest.json"),
        ("{not json", "its manifest.json is not readable JSON"),
        ('{"version": 2, "rate": 22050, "clips": {}}', "is version 2; this program reads version 1"),
        ('{"version": 1, "rate": "fast", "clips": {}}', "its rate 'fast' is not a sample rate"),
        ('{"version": 1, "rate": 22050}', 'has no "clips" object'),
        ('{"version": 1, "rate": 22050, "clips": {"x": {"text": "a"}}}', "its clip 'x' has no file name"),
        ('{"version": 1, "rate": 22050, "clips": {"x": {"file": "../x.wav"}}}', "outside the pack's folder"),
    ],
)
def test_an_unusable_manifest_is_refused_with_the_reason(tmp_path: Path, manifest: str | None, said: str) -> None:
    if manifest is not None:
        (tmp_path / "manifest.json").write_text(manifest, encoding="utf-8")
    with pytest.raises(VoicePackError, match="cannot be used") as refused:
        load_pack(tmp_path)
    assert said in str(refused.value) and str(tmp_path) in str(refused.value)
