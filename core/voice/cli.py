"""`mmc voice`: check a voice pack, write a sample call, list the clips to record, install
a committee's pack on this machine.

    mmc voice check [--pack DIR]                  problems one a line; exit 1 if any
    mmc voice say --number K1A2-7 --clinic lab [--room 102] [--out call.wav]
    mmc voice clips [--json | --markdown]         every clip id, its language and its words
    mmc voice install DIR                         check DIR, then make it this machine's pack

The clinics are the store's when `mmc --data-dir DIR` names one, else the default ones.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from core.voice.compose import Call
from core.voice.pack import (
    MANIFEST,
    VoicePack,
    VoicePackError,
    active_pack_root,
    check_pack,
    clip_file,
    committee_pack_root,
    load_pack,
)
from core.voice.words import LANGUAGES, clips_to_record


def add_commands(sub: Any) -> None:
    voice = sub.add_parser("voice", help="the hall's voice pack: check, sample, clips to record, install")
    commands = voice.add_subparsers(dest="voice_command", required=True)
    check = commands.add_parser("check", help="list what the pack lacks or has wrong (exit 1 if anything)")
    check.add_argument("--pack", type=Path, help="the pack's folder (default: the one the stations use)")
    check.set_defaults(run=cmd_check)
    say = commands.add_parser("say", help="render one call to a WAV file")
    say.add_argument("--number", required=True, help='the ticket label: "42" or "K1A2-7"')
    say.add_argument("--clinic", required=True, help="the clinic's code")
    say.add_argument("--room", help="the room (default: the clinic's)")
    say.add_argument("--out", type=Path, default=Path("voice-sample.wav"), help="the WAV file to write")
    say.add_argument("--pack", type=Path, help="the pack's folder (default: the one the stations use)")
    say.add_argument("--languages", default=",".join(LANGUAGES), help="in the order said (default: ar,en)")
    say.add_argument("--repeat", type=int, default=1)
    say.add_argument("--volume", type=float, default=1.0, help="0 to 1")
    say.add_argument("--no-chime", action="store_true")
    say.set_defaults(run=cmd_say)
    clips = commands.add_parser("clips", help="every clip a pack holds, with the words it says")
    shape = clips.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="as a JSON object id -> {language, text, file}")
    shape.add_argument("--markdown", action="store_true", help="as a table for docs/VOICE.md")
    clips.set_defaults(run=cmd_clips)
    install = commands.add_parser("install", help="check a pack, then copy it to this machine's data folder")
    install.add_argument("pack", type=Path)
    install.add_argument("--force", action="store_true", help="install even with problems")
    install.set_defaults(run=cmd_install)


def _clinics(args: argparse.Namespace) -> dict[str, tuple[str, str, str]]:
    """code -> (Arabic name, English name, room): the store's, or the default clinics."""
    if getattr(args, "data_dir", None):
        from core.services.catalog import load_catalog
        from core.store import open_store

        store = open_store(Path(args.data_dir))
        try:
            return {code: (c.name_ar, c.name_en, c.room) for code, c in load_catalog(store.db).clinics.items()}
        finally:
            store.close()
    from core.defaults import CLINICS

    return {c.code: (c.name_ar, c.name_en, c.room) for c in CLINICS}


def _names(clinics: dict[str, tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    return {code: (name_ar, name_en) for code, (name_ar, name_en, _) in clinics.items()}


def _load(root: Path | None) -> VoicePack | None:
    try:
        return load_pack(root or active_pack_root())
    except VoicePackError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def _report(pack: VoicePack, clinics: dict[str, tuple[str, str, str]]) -> int:
    problems = check_pack(pack, _names(clinics))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{pack.root}: {len(problems)} problem(s) in a pack of {len(pack.clips)} clips.")
        return 1
    print(f"{pack.root}: complete, {len(pack.clips)} clips at {pack.rate} Hz, for {len(clinics)} clinics.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    pack = _load(args.pack)
    return 1 if pack is None else _report(pack, _clinics(args))


def cmd_say(args: argparse.Namespace) -> int:
    from core.voice.render import render_call, write_wav

    pack = _load(args.pack)
    if pack is None:
        return 1
    clinics = _clinics(args)
    room = args.room if args.room is not None else clinics.get(args.clinic, ("", "", ""))[2]
    languages = [language.strip() for language in args.languages.split(",") if language.strip()]
    unknown = [language for language in languages if language not in LANGUAGES]
    if unknown:
        print(f"error: no voice for {', '.join(unknown)} (there is {', '.join(LANGUAGES)})", file=sys.stderr)
        return 1
    rendered = render_call(
        pack,
        Call(label=args.number, clinic=args.clinic, room=room),
        languages=languages,
        repeat=args.repeat,
        chime=not args.no_chime,
        volume=args.volume,
    )
    write_wav(rendered, args.out)
    print(f"{args.out}: {rendered.seconds:.1f} s")
    if rendered.missing:
        print(f"said without {len(rendered.missing)} clip(s) the pack lacks: {', '.join(rendered.missing)}")
    return 0


def cmd_clips(args: argparse.Namespace) -> int:
    clips = clips_to_record(_names(_clinics(args)))
    if args.json:
        table = {key: {"language": c.language, "text": c.text, "file": clip_file(key)} for key, c in clips.items()}
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    if args.markdown:
        print("| clip | says | file |\n|---|---|---|")
        for key, clip in clips.items():
            print(f"| `{key}` | {clip.text or '(the chime: any short sound)'} | `{clip_file(key)}` |")
        return 0
    for key, clip in clips.items():
        print(f"{key}\t{clip.language}\t{clip.text}")
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    pack = _load(args.pack)
    if pack is None:
        return 1
    if _report(pack, _clinics(args)) and not args.force:
        print("Not installed: mend the problems above (or install anyway with --force).")
        return 1
    target = committee_pack_root()
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(pack.root, staging)
    if not (staging / MANIFEST).is_file():
        print(f"error: {pack.root} lost its {MANIFEST} while copying", file=sys.stderr)
        return 1
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    print(f"Installed in {target}: the stations of this machine speak with it from their next start.")
    return 0
