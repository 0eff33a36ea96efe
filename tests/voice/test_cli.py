"""`mmc voice` as IT runs it: a separate process, its output and its exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from core.permissions import SYSTEM
from core.services.config import upsert_clinic
from core.store import Store
from core.voice import pcm
from core.voice.pack import active_pack_root, committee_pack_root, load_pack
from core.voice.words import clips_to_record
from tests.voice.conftest import DEFAULT_CLINICS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PACK_CLIPS = len(clips_to_record(DEFAULT_CLINICS))
"""The grammar's clips, the kiosk's prompts and the default clinics' names."""


def mmc(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *map(str, arguments)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.fixture
def broken_pack(voice_pack_root: Path, tmp_path: Path) -> Path:
    """The default pack without the clip of masculine seven, and with a silent 'room'."""
    root = tmp_path / "broken"
    shutil.copytree(voice_pack_root, root)
    (root / "ar/num/7m.wav").unlink()
    pcm.write_wav(root / "en/word/room.wav", array("h", bytes(2_000)), 22_050)
    return root


def test_check_passes_a_complete_pack(voice_pack_root: Path) -> None:
    result = mmc("voice", "check", "--pack", voice_pack_root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        result.stdout.strip() == f"{voice_pack_root}: complete, {DEFAULT_PACK_CLIPS} clips at 22050 Hz, for 16 clinics."
    )


def test_check_lists_each_problem_and_fails(broken_pack: Path) -> None:
    result = mmc("voice", "check", "--pack", broken_pack)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Clip ar/num/7m: its file ar/num/7m.wav is missing.",
        "Clip en/word/room: en/word/room.wav is silent (its loudest sample is at -inf dBFS).",
        f"{broken_pack}: 2 problem(s) in a pack of {DEFAULT_PACK_CLIPS} clips.",
    ]


def test_check_of_a_folder_without_a_pack_says_so(tmp_path: Path) -> None:
    result = mmc("voice", "check", "--pack", tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: The voice pack in {tmp_path} cannot be used: it has no manifest.json"


def test_check_takes_the_clinics_of_the_store_it_is_given(
    voice_pack_root: Path, make_store: Callable[..., Store]
) -> None:
    store = make_store()
    upsert_clinic(store.db, SYSTEM, code="cardio", name_ar="القلب", name_en="Cardiology", room="401")
    store.close()
    result = mmc("--data-dir", store.paths.root, "voice", "check", "--pack", voice_pack_root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "Clip ar/clinic/cardio (ar: «القلب») is not in the pack.",
        "Clip en/clinic/cardio (en: «Cardiology») is not in the pack.",
    ]


def test_say_writes_a_sample_call(voice_pack_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "call.wav"
    result = mmc("voice", "say", "--number", "K1A2-7", "--clinic", "lab", "--pack", voice_pack_root, "--out", out)
    assert result.returncode == 0, result.stderr
    with wave.open(str(out), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert result.stdout.strip() == f"{out}: {seconds:.1f} s"
    assert seconds > 8


def test_say_with_a_broken_pack_says_what_it_can_and_names_what_it_lacks(broken_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "call.wav"
    result = mmc("voice", "say", "--number", "7", "--clinic", "xray", "--pack", broken_pack, "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "said without 1 clip(s) the pack lacks: ar/num/7m"
    assert out.stat().st_size > 100_000


def test_clips_lists_every_clip_to_record() -> None:
    result = mmc("voice", "clips", "--json")
    table = json.loads(result.stdout)
    assert list(table) == list(clips_to_record(DEFAULT_CLINICS))
    assert table["ar/num/3f"] == {"language": "ar", "text": "ثَلاث", "file": "ar/num/3f.wav"}


def test_install_puts_a_complete_pack_where_the_stations_look(voice_pack_root: Path, broken_pack: Path) -> None:
    refused = mmc("voice", "install", broken_pack)
    assert refused.returncode == 1 and "Not installed" in refused.stdout
    assert active_pack_root() != committee_pack_root()
    result = mmc("voice", "install", voice_pack_root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert active_pack_root() == committee_pack_root()
    assert load_pack(active_pack_root()).texts == load_pack(voice_pack_root).texts


def test_docs_voice_lists_every_clip_as_the_command_prints_it() -> None:
    """docs/VOICE.md's table is what `mmc voice clips --markdown` prints (run it again after
    changing core/voice/words.py)."""
    doc = (ROOT / "docs" / "VOICE.md").read_text(encoding="utf-8")
    table = doc.split("<!-- clips: mmc voice clips --markdown -->\n")[1].split("<!-- /clips -->")[0]
    assert table == mmc("voice", "clips", "--markdown").stdout
