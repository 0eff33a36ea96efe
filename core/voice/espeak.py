"""The default voice pack, generated with espeak-ng (Debian's package, offline): every clip of
core.voice.words said by the engine from its text, trimmed of silence, brought to one
loudness, mono 16-bit at 22050 Hz. scripts/make_voice_pack.py runs it at build time.

The pace is a caller's, not a reader's: a busy hall hears a call every few seconds and
they never overlap, so every tenth of a second of a call delays the next (docs/VOICE.md,
"How long a call lasts").

What the engine is fed is the clip's text as written, but for three of espeak-ng's
habits: a shadda written after its vowel mark (the order Unicode normalization gives) is
put before it, or espeak-ng drops the vowel (الرَّقْم read "arrqm"); ڤ, which it does not
know, is said as ف; and an English word in capitals (ENT, ECG) is spelled letter by letter.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from array import array
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from core.voice import pcm
from core.voice.pack import DEFAULT_RATE, MANIFEST, MANIFEST_VERSION, VoicePack, clip_file, load_pack
from core.voice.words import CHIME, ClipText, clips_to_record
from resources import resource_path

ENGINE = "espeak-ng"
VOICES = {"ar": "ar", "en": "en"}
WORDS_PER_MINUTE = {"ar": 180, "en": 175}
"""Arabic a little faster than espeak-ng's 175 (at 160, with the old pauses and chime, a
call in both languages lasted 14.7 s; now 12.3 s), within the 165-185 of a caller reading
numbers aloud; English at espeak-ng's own pace, as it spells names in capitals (E, N, T)."""
TRIM_MARGIN_S = 0.005
"""The quiet kept before and after a clip's sound: the renderer puts in the pauses."""
TARGET_RMS_DBFS = -20.0
MAX_PEAK_DBFS = -1.0
MAKER = "core.voice.espeak 2"
"""Changes whenever the way clips are made changes, so packs made before are made again."""
_SHADDA_AFTER_VOWEL = re.compile("([\u064b-\u0650\u0652])\u0651")
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


class EngineMissing(Exception):
    """espeak-ng is not installed (or does not run); the message says how to install it."""


def engine_version() -> str:
    """espeak-ng's version line; EngineMissing when it cannot be run."""
    program = shutil.which(ENGINE)
    if program is None:
        raise EngineMissing(f"{ENGINE} is not installed: on Debian, apt-get install {ENGINE}")
    try:
        result = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        raise EngineMissing(f"{ENGINE} does not run: {error}") from error
    return " ".join(result.stdout.split()[:4]) or ENGINE


def engine_text(text: str, language: str) -> str:
    """The text as espeak-ng should be given it (see the module's docstring)."""
    if language == "ar":
        return _SHADDA_AFTER_VOWEL.sub("\u0651\\1", text).replace("ڤ", "ف")
    return _CAPITALS.sub(lambda word: " ".join(word.group()), text)


def _level(db: float) -> float:
    return float(pcm.FULL_SCALE * 10 ** (db / 20))


def finish_clip(samples: array[int], rate: int) -> array[int]:
    """A clip as packs hold it: without its leading and trailing silence, at the common level."""
    trimmed = pcm.trim_silence(samples, rate, margin_s=TRIM_MARGIN_S)
    return pcm.normalize(trimmed, target_rms=_level(TARGET_RMS_DBFS), max_peak=int(_level(MAX_PEAK_DBFS)))


def speak(text: str, language: str, rate: int = DEFAULT_RATE) -> array[int]:
    """`text` said by espeak-ng in `language`, finished as a pack's clip."""
    command = [ENGINE, "-v", VOICES[language], "-s", str(WORDS_PER_MINUTE[language]), "-b", "1", "--stdout"]
    try:
        result = subprocess.run(
            command, input=engine_text(text, language).encode("utf-8"), capture_output=True, timeout=60, check=True
        )
    except FileNotFoundError as error:
        raise EngineMissing(f"{ENGINE} is not installed: on Debian, apt-get install {ENGINE}") from error
    except subprocess.SubprocessError as error:
        raise EngineMissing(f"{ENGINE} failed on {text!r}: {error}") from error
    fmt, samples = pcm.read_samples(result.stdout)
    return finish_clip(pcm.resample(samples, fmt.rate, rate), rate)


def source_digest(clips: Mapping[str, ClipText], version: str) -> str:
    """What a pack was made from: the clips' texts, the chime, the engine and the way of making."""
    made_of = {
        "clips": {key: [clip.language, clip.text] for key, clip in clips.items()},
        "engine": version,
        "voices": VOICES,
        "speed": WORDS_PER_MINUTE,
        "levels": [TARGET_RMS_DBFS, MAX_PEAK_DBFS],
        "trim": TRIM_MARGIN_S,
        "chime": hashlib.sha256(resource_path("sounds", "chime.wav").read_bytes()).hexdigest(),
        "maker": MAKER,
    }
    return hashlib.sha256(json.dumps(made_of, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def is_current(out: Path, clinics: Mapping[str, tuple[str, str]]) -> bool:
    """Whether `out` holds a pack made from these clips with this engine, every file present."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        version = engine_version()
    except (OSError, ValueError, EngineMissing):
        return False
    if manifest.get("source_digest") != source_digest(clips_to_record(clinics), version):
        return False
    return all((out / entry["file"]).is_file() for entry in manifest.get("clips", {}).values())


def _chime(rate: int) -> array[int]:
    fmt, samples = pcm.read_samples(resource_path("sounds", "chime.wav"))
    return finish_clip(pcm.resample(samples, fmt.rate, rate), rate)


def make_pack(out: Path, clinics: Mapping[str, tuple[str, str]], *, jobs: int | None = None) -> VoicePack:
    """Generate every clip for these clinics (code -> (Arabic name, English name)) into
    `out` with its manifest.json, replacing the pack there; files of the old pack that the
    new one does not name are removed. EngineMissing when espeak-ng cannot be run."""
    version = engine_version()
    clips = clips_to_record(clinics)
    rate = DEFAULT_RATE
    out.mkdir(parents=True, exist_ok=True)

    def make(item: tuple[str, ClipText]) -> tuple[str, bytes]:
        key, clip = item
        samples = _chime(rate) if key == CHIME else speak(clip.text, clip.language, rate)
        return key, pcm.wav_bytes(samples, rate)

    with ThreadPoolExecutor(max_workers=jobs or min(8, os.cpu_count() or 2)) as pool:
        made = dict(pool.map(make, clips.items()))
    old_files: set[str] = set()
    try:
        old = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        old_files = {entry["file"] for entry in old["clips"].values()}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    entries = {}
    for key, clip in clips.items():
        file = clip_file(key)
        (out / file).parent.mkdir(parents=True, exist_ok=True)
        (out / file).write_bytes(made[key])
        entries[key] = {"file": file, "text": clip.text, "language": clip.language}
    manifest = {
        "version": MANIFEST_VERSION,
        "rate": rate,
        "made_with": version,
        "source_digest": source_digest(clips, version),
        "clips": entries,
    }
    with tempfile.NamedTemporaryFile("w", dir=out, suffix=".json", delete=False, encoding="utf-8") as written:
        json.dump(manifest, written, ensure_ascii=False, indent=1)
    os.chmod(written.name, 0o644)
    os.replace(written.name, out / MANIFEST)
    kept = {entry["file"] for entry in entries.values()}
    for stale in old_files - kept:
        path = (out / stale).resolve()
        if path.is_relative_to(out.resolve()) and path.suffix == ".wav":
            path.unlink(missing_ok=True)
    return load_pack(out)
