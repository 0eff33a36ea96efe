"""The grammar: what is said for a call, as clip ids (core.voice.words lists them).

A call is said as one sentence per language, in the same phrases in both:

    ar: الرقم ٤٢، يرجى التوجه إلى المختبر، غرفة ١٠٢
    en: number 42, please go to Laboratory, room 102

Arabic puts the noun before its numeral (الرقم ٤٢، غرفة ١٠٢), as English does here, so the
phrase order is the same; what differs is inside the numbers.

Which gender the numbers take. An Arabic cardinal from 3 to 10 takes the form opposite to
the gender of the noun it counts (ثلاثة رجال، ثلاث غرف), 1 and 2 agree with it, 11-19
compound both parts accordingly, and the tens and hundreds do not change. But neither
number in a call counts anything: "الرقم ٤٢" does not mean forty-two numbers and "غرفة
١٠٢" does not mean 102 rooms. Each number names a thing (the ticket, the room) and is said
as in counting aloud and in reading numbers (العدّ المجرد), the form that goes with a
masculine noun: ثلاثة، اثنان وأربعون. For the ticket the noun before it, رقم, is masculine
anyway; for the room, غرفة is feminine but the number is not its count: it stands for
"غرفة رقم ١٠٢" (the rooms of our hall are numbered, the same reading as a bus or a gate
number), so it too takes the masculine-agreeing form; saying "غرفة ثلاث" would make the
listener hear "three rooms" in the wrong construction. Both slots therefore use
LABEL_FEMININE = False. The feminine forms are in the pack for sentences that do count a
feminine noun (ثلاث دقائق، خمس عيادات: a kiosk telling the wait or the clinics left).

Labels are read piece by piece (`label_clips`): "K1A2-7" is K, one, A, two, dash, seven:
letters by their names, the dash by its word, a run of up to three digits as one number.
A run with a leading zero ("03") or of more than three digits is read digit by digit, so
no digit is lost; Arabic-Indic digits are the same digits; other characters are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.digits import western_digits
from core.voice.words import LANGUAGES

LABEL_FEMININE = False
"""The gender of the noun a ticket or room number agrees with: masculine (see above)."""

_PIECES = re.compile(r"[0-9]+|[A-Z]|-")


@dataclass(frozen=True)
class Call:
    label: str
    """The ticket label as printed: "42" or station-prefixed "K1A2-7"."""
    clinic: str
    """The clinic's code."""
    room: str
    """The room as the board shows it; "" for none (then no room is said)."""


def _check_number(n: int) -> None:
    if not 0 <= n <= 999:
        raise ValueError(f"{n} is outside 0..999, the numbers a voice pack says")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"no voice grammar for the language {language!r} (there is {', '.join(LANGUAGES)})")


def arabic_number(n: int, feminine: bool) -> list[str]:
    """`n` (0..999) in Modern Standard Arabic as it counts a feminine noun (`feminine`) or a
    masculine one: the hundred first, then the units before the tens joined by و
    (٣٤٥ ثلاثمئة وخمسة وأربعون), 11-19 as one compound, إحدى before the tens in the feminine."""
    _check_number(n)
    if n == 0:
        return ["ar/num/0"]
    gender = "f" if feminine else "m"
    hundreds, rest = divmod(n, 100)
    clips = [f"ar/num/{hundreds * 100}"] if hundreds else []
    joined = "and" if hundreds else ""
    if rest == 0:
        return clips
    if rest < 20:
        return [*clips, f"ar/num/{joined}{rest}{gender}"]
    tens, unit = divmod(rest, 10)
    if unit:
        clips.append(f"ar/num/{joined}1f-tens" if (unit, gender) == (1, "f") else f"ar/num/{joined}{unit}{gender}")
        joined = "and"
    return [*clips, f"ar/num/{joined}{tens * 10}"]


def english_number(n: int) -> list[str]:
    """`n` (0..999) in English: "one hundred", then the rest (23 as twenty, three)."""
    _check_number(n)
    if n == 0:
        return ["en/num/0"]
    hundreds, rest = divmod(n, 100)
    clips = [f"en/num/{hundreds * 100}"] if hundreds else []
    if rest < 20:
        return [*clips, f"en/num/{rest}"] if rest else clips
    tens, unit = divmod(rest, 10)
    clips.append(f"en/num/{tens * 10}")
    return [*clips, f"en/num/{unit}"] if unit else clips


def goes_on_number(previous: str, key: str) -> bool:
    """Whether clip `key`, said after clip `previous`, is the rest of the same number, to be
    said with it as one word: a و-form after an Arabic number clip (اثنان | وأربعون، مئة |
    واثنان), in English what follows a hundred or a ten (one hundred | forty | two). Digits
    read one by one ("03") are separate numbers."""
    if key.startswith("ar/num/and"):
        return previous.startswith("ar/num/")
    if not (previous.startswith("en/num/") and key.startswith("en/num/")):
        return False
    before, after = int(previous.removeprefix("en/num/")), int(key.removeprefix("en/num/"))
    return (before >= 100 and 0 < after < 100) or (before in range(20, 100, 10) and 0 < after < 10)


def _number(n: int, language: str) -> list[str]:
    return arabic_number(n, LABEL_FEMININE) if language == "ar" else english_number(n)


def label_clips(label: str, language: str) -> list[str]:
    """A ticket label or a room as clips: digit runs as numbers, letters and '-' by their
    clips (see the module's docstring)."""
    _check_language(language)
    clips: list[str] = []
    for piece in _PIECES.findall(western_digits(label).upper()):
        if piece == "-":
            clips.append(f"{language}/sign/dash")
        elif piece.isalpha():
            clips.append(f"{language}/letter/{piece}")
        elif len(piece) <= 3 and (len(piece) == 1 or not piece.startswith("0")):
            clips += _number(int(piece), language)
        else:
            for digit in piece:
                clips += _number(int(digit), language)
    return clips


def clinic_clip(code: str, language: str) -> str:
    """The clip id of a clinic's name."""
    _check_language(language)
    return f"{language}/clinic/{code}"


def sentence(call: Call, language: str) -> list[str]:
    """The whole call in `language` as clip ids: number <label>, please go to <clinic>,
    room <room> (no room phrase when the call has none)."""
    _check_language(language)
    clips = [f"{language}/word/number", *label_clips(call.label, language)]
    clips += [f"{language}/word/go_to", clinic_clip(call.clinic, language)]
    room = label_clips(call.room, language)
    if room:
        clips += [f"{language}/word/room", *room]
    return clips
