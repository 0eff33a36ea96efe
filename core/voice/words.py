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
| `<language>/prompt/<name>` | the kiosk's spoken prompts, a whole sentence each (`PROMPTS`) |
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


# The kiosk's prompts: what its large-text mode says on each screen and at each turn of it
# (kiosk/speech.py says which, when). The words are the screen's own (translations/mmc_ar.ts,
# kiosk/screens), shortened for the ear: one sentence the patient can act on, no number or
# name that changes (the ticket's reading says those). Arabic at the end of a sentence in
# pause, with its sukun; ٱ (hamzat al-wasl) where a word joins the vowel before it.
PROMPTS: dict[str, dict[str, str]] = {
    # Screens.
    "welcome": {
        "ar": "أَهْلًا بِكْ. اِلْمِسْ تَسْجيلَ الحُضورِ لِلْفَحْصْ، أَوْ أَنْهَيْتُ عِيادَة، أَوْ أَيْنَ دَوْري؟",
        "en": "Welcome. Touch Check in for my examination, I finished a clinic, or Where am I?",
    },
    "id_check_in": {
        "ar": "لِتَسْجيلِ الحُضورْ، اُكْتُبْ رَقْمَ هُوِيَّتِكْ، ثُمَّ ٱلْمِسْ مُوافِقْ.",
        "en": "To check in, type your ID number, then touch OK.",
    },
    "id": {
        "ar": "اُكْتُبْ رَقْمَ هُوِيَّتِكْ ثُمَّ ٱلْمِسْ مُوافِقْ، أَوِ ٱعْرِضْ تَذْكِرَتَكَ عَلى الماسِحْ.",
        "en": "Type your ID number, then touch OK, or hold your ticket under the scanner.",
    },
    "gender": {
        "ar": "اِخْتَرِ الجِنْسْ: ذَكَرْ، أَوْ أُنْثى.",
        "en": "Choose your gender: male, or female.",
    },
    "exam": {
        "ar": "اِخْتَرْ نَوْعَ الفَحْصِ مِنَ الأَزْرارِ عَلى الشّاشَة.",
        "en": "Choose your examination on the screen.",
    },
    "phone": {
        "ar": "هَلْ تُريدُ رِسالَةً نَصِّيَّةً عِنْدَما يَحينُ دَوْرُكْ؟ اُكْتُبْ رَقْمَ جَوّالِكْ، ثُمَّ ٱلْمِسْ مُوافِقْ، أَوِ ٱلْمِسْ تَخَطّي.",
        "en": "Get an SMS when it's your turn? Type your mobile number, then touch OK, or touch Skip.",
    },
    "ticket": {
        "ar": "تَمَّ تَسْجيلُ حُضورِكْ. هٰذِهِ تَذْكِرَتُكْ.",
        "en": "You are checked in. Here is your ticket.",
    },
    "pin": {
        "ar": "أَدْخِلْ رَمْزَ العِيادَة، وَهُوَ رَقْمانِ يُعْطيكَ إِيّاهُما مُوَظَّفو العِيادَة، ثُمَّ ٱلْمِسْ مُوافِقْ.",
        "en": "Enter the clinic's code: the two digits the clinic staff gave you. Then touch OK.",
    },
    "place": {
        "ar": "أَنْتَ في الطّابورْ. هٰذا مَكانُكْ.",
        "en": "You are in the queue. Here is your place.",
    },
    "staff_exit": {
        "ar": "لِلْمُوَظَّفينْ: أَدْخِلْ رَمْزَ الخُروجْ.",
        "en": "Staff: enter the exit code.",
    },
    # Where the patient stands (the place screen).
    "already_checked_in": {
        "ar": "لَقَدْ سَجَّلْتَ حُضورَكَ اليَوْمَ مِنْ قَبْلْ. هٰذا مَكانُكْ.",
        "en": "You have already checked in today. Here is your place.",
    },
    "clinic_done": {
        "ar": "شُكْرًا لَكْ. يُرْجى التَّوَجُّهُ إِلى عِيادَتِكَ التّالِيَة.",
        "en": "Thank you. Please go to your next clinic.",
    },
    "route_finished": {
        "ar": "لَقَدْ أَنْهَيْتَ جَميعَ عِياداتِ مَسارِكْ. شُكْرًا لَكْ.",
        "en": "You have finished every clinic of your route. Thank you.",
    },
    "visit_cancelled": {
        "ar": "تَمَّ إِلْغاءُ زِيارَتِكْ. يُرْجى مُراجَعَةُ مَكْتَبِ الاِسْتِقْبالْ.",
        "en": "Your visit was cancelled. Please ask the reception desk.",
    },
    "being_served": {
        "ar": "يَتِمُّ الآنَ خِدْمَتُكْ.",
        "en": "You are being served.",
    },
    "number_called": {
        "ar": "نودِيَ عَلى رَقْمِكْ. يُرْجى التَّوَجُّهُ إِلى العِيادَةِ الآنْ.",
        "en": "Your number has been called. Please go to the clinic now.",
    },
    # Refusals.
    "refused_id": {
        "ar": "رَقْمُ الهُوِيَّةِ غَيْرُ صَحيحْ. اُكْتُبْ أَرْقامَ بِطاقَةِ هُوِيَّتِكَ فَقَطْ، ثُمَّ ٱلْمِسْ مُوافِقْ.",
        "en": "This ID number is not valid. Type only the digits of your ID card, then touch OK.",
    },
    "no_visit": {
        "ar": "لا توجَدُ زِيارَةٌ اليَوْمَ بِرَقْمِ الهُوِيَّةِ هٰذا. يُرْجى التَّأَكُّدُ مِنْهْ، أَوْ تَسْجيلُ الحُضورِ أَوَّلًا.",
        "en": "No visit was found for today with this ID. Please check it, or check in first.",
    },
    "wrong_pin": {
        "ar": "هٰذا الرَّمْزُ غَيْرُ صَحيحْ. اُطْلُبْهُ مِنْ مُوَظَّفي العِيادَة، ثُمَّ ٱكْتُبْهُ مَرَّةً أُخْرى.",
        "en": "This code is not right. Ask the clinic staff for it, then type it again.",
    },
    "refused_phone": {
        "ar": "هٰذا لَيْسَ رَقْمَ جَوّالٍ يُمْكِنُنا الإِرْسالُ إِلَيْهْ. يُرْجى التَّحَقُّقُ مِنْهْ، أَوِ ٱلْمِسْ تَخَطّي.",
        "en": "This is not a mobile number we can send to. Please check it, or touch Skip.",
    },
    "refused": {
        "ar": "تَعَذَّرَ ذٰلِكْ. اِقْرَأِ الرِّسالَةَ عَلى الشّاشَة، أَوِ ٱلْمِسْ مُساعَدَة.",
        "en": "That could not be done. Please read the message on the screen, or touch Help.",
    },
    # What happens meanwhile.
    "help_called": {
        "ar": "تَمَّ ٱسْتِدْعاءُ المُوَظَّفينْ. يُرْجى الاِنْتِظارُ هُنا.",
        "en": "Staff have been called. Please wait here.",
    },
    "idle": {
        "ar": "هَلْ ما زِلْتَ هُنا؟ العَوْدَةُ إِلى البِدايَةِ خِلالَ ثَوانٍ. اِلْمِسِ الشّاشَةَ لِلْبَقاء.",
        "en": "No one there? Back to the start in a few seconds. Touch the screen to stay.",
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


def prompt_clip(name: str, language: str) -> str:
    """The id of prompt `name` in `language`: `ar/prompt/welcome`."""
    return f"{language}/prompt/{name}"


def prompt_clips() -> dict[str, ClipText]:
    """Every prompt, all of one language and then the other (a reader records one language
    at a sitting)."""
    return {
        prompt_clip(name, language): ClipText(language, texts[language])
        for language in LANGUAGES
        for name, texts in PROMPTS.items()
    }


def clips_to_record(clinics: Mapping[str, tuple[str, str]]) -> dict[str, ClipText]:
    """The whole pack for these clinics: the grammar's clips, the kiosk's prompts, then the
    clinics' names."""
    return grammar_clips() | prompt_clips() | clinic_clips(clinics)


OPTIONAL = frozenset({CHIME})
"""Clips a complete pack may leave out (the built-in chime plays in its place)."""
