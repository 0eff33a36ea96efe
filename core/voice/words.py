"""Every clip a voice pack holds and the words it says: the one list a committee records
from (`mmc voice clips` prints it) and the default pack is generated from.

A clip id is `<language>/<kind>/<name>`:

| id | says |
|---|---|
| `ar/num/0` | صفر |
| `ar/num/<1..19>m`, `ar/num/<1..19>f` | 1 to 19 as they count a masculine / a feminine noun (ثلاثة رجال، ثلاث غرف) |
| `ar/num/and<1..19>m`, `ar/num/and<1..19>f` | the same after و, as they follow a hundred (مئة وثلاثة) |
| `ar/num/1f-tens`, `ar/num/and1f-tens` | إحدى, وإحدى: feminine one before the tens (إحدى وعشرون) |
| `ar/num/<20..90>`, `ar/num/and<20..90>` | the tens, alone and after و (عشرون، وعشرون) |
| `ar/num/<100..900>` | the hundreds (مئة، مئتان، ثلاثمئة…) |
| `en/num/<0..19>`, `en/num/<20..90>`, `en/num/<100..900>` | English numbers (one hundred is one clip) |
| `<language>/letter/<A..Z>`, `<language>/sign/dash` | the letters and the dash of station-prefixed labels (K1A2-7) |
| `<language>/word/number`, `…/word/go_to`, `…/word/room` | the words of the call |
| `<language>/clinic/<code>` | each clinic's name |
| `chime` | the chime played before a call (optional: the built-in one plays without it) |

Arabic texts are written with their vowels (تشكيل): the reader of a committee's
recording and the speech engine of the default pack both read them as written. The "m" and
"f" of a number name the gender of the noun it counts, not the look of the word: ثلاثة
(with ة) counts masculine nouns and is `3m`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES = ("ar", "en")
CHIME = "chime"


@dataclass(frozen=True)
class ClipText:
    language: str
    """"ar", "en", or "" for the chime."""
    text: str


_AR_MASCULINE = {
    1: "واحِد",
    2: "اِثْنان",
    3: "ثَلاثَة",
    4: "أَرْبَعَة",
    5: "خَمْسَة",
    6: "سِتَّة",
    7: "سَبْعَة",
    8: "ثَمانِيَة",
    9: "تِسْعَة",
    10: "عَشَرَة",
    11: "أَحَدَ عَشَرَ",
    12: "اِثْنا عَشَرَ",
    13: "ثَلاثَةَ عَشَرَ",
    14: "أَرْبَعَةَ عَشَرَ",
    15: "خَمْسَةَ عَشَرَ",
    16: "سِتَّةَ عَشَرَ",
    17: "سَبْعَةَ عَشَرَ",
    18: "ثَمانِيَةَ عَشَرَ",
    19: "تِسْعَةَ عَشَرَ",
}
_AR_FEMININE = {
    1: "واحِدَة",
    2: "اِثْنَتان",
    3: "ثَلاث",
    4: "أَرْبَع",
    5: "خَمْس",
    6: "سِتّ",
    7: "سَبْع",
    # ثمانٍ read in pause, as a caller reads a number: ثماني (as in ثماني عشرة).
    8: "ثَمانِي",
    9: "تِسْع",
    10: "عَشْر",
    11: "إِحْدى عَشْرَةَ",
    12: "اِثْنَتا عَشْرَةَ",
    13: "ثَلاثَ عَشْرَةَ",
    14: "أَرْبَعَ عَشْرَةَ",
    15: "خَمْسَ عَشْرَةَ",
    16: "سِتَّ عَشْرَةَ",
    17: "سَبْعَ عَشْرَةَ",
    18: "ثَمانِيَ عَشْرَةَ",
    19: "تِسْعَ عَشْرَةَ",
}
_AR_FEMININE_ONE_BEFORE_TENS = "إِحْدى"
_AR_TENS = {
    20: "عِشْرون",
    30: "ثَلاثون",
    40: "أَرْبَعون",
    50: "خَمْسون",
    60: "سِتّون",
    70: "سَبْعون",
    80: "ثَمانون",
    90: "تِسْعون",
}
_AR_HUNDREDS = {
    100: "مِئَة",
    200: "مِئَتان",
    300: "ثَلاثُمِئَة",
    400: "أَرْبَعُمِئَة",
    500: "خَمْسُمِئَة",
    600: "سِتُّمِئَة",
    700: "سَبْعُمِئَة",
    800: "ثَمانِمِئَة",
    900: "تِسْعُمِئَة",
}
_EN_NUMBERS = {
    0: "zero",
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
# The Latin letters as Arabic speakers name them (a station code is Latin: K1A2).
_AR_LETTERS = {
    "A": "إيه",
    "B": "بي",
    "C": "سي",
    "D": "دي",
    "E": "إي",
    "F": "إِف",
    "G": "جي",
    "H": "إِتْش",
    "I": "آي",
    "J": "جيه",
    "K": "كيه",
    "L": "إِل",
    "M": "إِم",
    "N": "إِن",
    "O": "أو",
    # پ and ڤ, not ب and ف: B and P, F and V must not sound alike in the hall.
    "P": "پي",
    "Q": "كيو",
    "R": "آر",
    "S": "إِس",
    "T": "تي",
    "U": "يو",
    "V": "ڤي",
    "W": "دَبْليو",
    "X": "إِكْس",
    "Y": "واي",
    "Z": "زِد",
}
_WORDS = {
    "ar": {
        "number": "الرَّقْم",
        "go_to": "يُرْجى التَّوَجُّهُ إِلى",
        "room": "غُرْفَة",
        "dash": "شَرْطَة",
    },
    "en": {
        "number": "number",
        "go_to": "please go to",
        "room": "room",
        "dash": "dash",
    },
}


def _after_and(text: str) -> str:
    """`text` after the joining و: a hamzat al-wasl (اِثنان) loses its vowel there."""
    return "وَ" + (("ا" + text[2:]) if text.startswith("اِ") else text)


def _arabic_numbers() -> dict[str, str]:
    clips = {"ar/num/0": "صِفْر"}
    for gender, forms in (("m", _AR_MASCULINE), ("f", _AR_FEMININE)):
        for n, text in forms.items():
            clips[f"ar/num/{n}{gender}"] = text
            clips[f"ar/num/and{n}{gender}"] = _after_and(text)
    clips["ar/num/1f-tens"] = _AR_FEMININE_ONE_BEFORE_TENS
    clips["ar/num/and1f-tens"] = _after_and(_AR_FEMININE_ONE_BEFORE_TENS)
    for n, text in _AR_TENS.items():
        clips[f"ar/num/{n}"] = text
        clips[f"ar/num/and{n}"] = _after_and(text)
    for n, text in _AR_HUNDREDS.items():
        clips[f"ar/num/{n}"] = text
    return clips


def _english_numbers() -> dict[str, str]:
    clips = {f"en/num/{n}": text for n, text in _EN_NUMBERS.items()}
    for hundreds in range(1, 10):
        clips[f"en/num/{hundreds * 100}"] = f"{_EN_NUMBERS[hundreds]} hundred"
    return clips


def grammar_clips() -> dict[str, ClipText]:
    """Every clip the grammar can ask for but the clinic names, in recording order."""
    clips = {CHIME: ClipText("", "")}
    clips |= {key: ClipText("ar", text) for key, text in _arabic_numbers().items()}
    clips |= {key: ClipText("en", text) for key, text in _english_numbers().items()}
    for language in LANGUAGES:
        words = _WORDS[language]
        clips |= {f"{language}/word/{word}": ClipText(language, words[word]) for word in ("number", "go_to", "room")}
        clips[f"{language}/sign/dash"] = ClipText(language, words["dash"])
        for letter, arabic in _AR_LETTERS.items():
            clips[f"{language}/letter/{letter}"] = ClipText(language, arabic if language == "ar" else letter)
    return clips


def clinic_clips(clinics: Mapping[str, tuple[str, str]]) -> dict[str, ClipText]:
    """The name clips of clinics given as code -> (Arabic name, English name)."""
    clips: dict[str, ClipText] = {}
    for code, (name_ar, name_en) in clinics.items():
        clips[f"ar/clinic/{code}"] = ClipText("ar", name_ar)
        clips[f"en/clinic/{code}"] = ClipText("en", name_en)
    return clips


def clips_to_record(clinics: Mapping[str, tuple[str, str]]) -> dict[str, ClipText]:
    """The whole pack for these clinics: the grammar's clips, then the clinics' names."""
    return grammar_clips() | clinic_clips(clinics)


OPTIONAL = frozenset({CHIME})
"""Clips a complete pack may leave out (the built-in chime plays in its place)."""
