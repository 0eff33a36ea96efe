"""Numbers as the hall hears them: every number 0..999 in Arabic (both genders) and English
against two oracles, num2words (another project's rules, used only here) and a table
written by hand."""

from __future__ import annotations

import re

import pytest
from num2words import num2words
from num2words.lang_AR import Num2Word_AR

from core.voice.compose import arabic_number, english_number
from core.voice.words import grammar_clips

TEXTS = {key: clip.text for key, clip in grammar_clips().items()}
_MARKS = re.compile("[\u064b-\u0652]")

# Written by hand from a grammar of Modern Standard Arabic (not from the code): the
# masculine column counts a masculine noun (ثلاثة رجال), the feminine one a feminine noun
# (ثلاث غرف). Hundreds spelt مئة (the clips' spelling; مائة is the same word).
BY_HAND: dict[int, tuple[str, str]] = {
    0: ("صفر", "صفر"),
    1: ("واحد", "واحدة"),
    2: ("اثنان", "اثنتان"),
    3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"),
    5: ("خمسة", "خمس"),
    6: ("ستة", "ست"),
    7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني"),
    9: ("تسعة", "تسع"),
    10: ("عشرة", "عشر"),
    11: ("أحد عشر", "إحدى عشرة"),
    12: ("اثنا عشر", "اثنتا عشرة"),
    13: ("ثلاثة عشر", "ثلاث عشرة"),
    14: ("أربعة عشر", "أربع عشرة"),
    15: ("خمسة عشر", "خمس عشرة"),
    16: ("ستة عشر", "ست عشرة"),
    17: ("سبعة عشر", "سبع عشرة"),
    18: ("ثمانية عشر", "ثماني عشرة"),
    19: ("تسعة عشر", "تسع عشرة"),
    20: ("عشرون", "عشرون"),
    21: ("واحد وعشرون", "إحدى وعشرون"),
    22: ("اثنان وعشرون", "اثنتان وعشرون"),
    23: ("ثلاثة وعشرون", "ثلاث وعشرون"),
    24: ("أربعة وعشرون", "أربع وعشرون"),
    25: ("خمسة وعشرون", "خمس وعشرون"),
    26: ("ستة وعشرون", "ست وعشرون"),
    27: ("سبعة وعشرون", "سبع وعشرون"),
    28: ("ثمانية وعشرون", "ثماني وعشرون"),
    29: ("تسعة وعشرون", "تسع وعشرون"),
    30: ("ثلاثون", "ثلاثون"),
    42: ("اثنان وأربعون", "اثنتان وأربعون"),
    99: ("تسعة وتسعون", "تسع وتسعون"),
    100: ("مئة", "مئة"),
    101: ("مئة وواحد", "مئة وواحدة"),
    102: ("مئة واثنان", "مئة واثنتان"),
    110: ("مئة وعشرة", "مئة وعشر"),
    111: ("مئة وأحد عشر", "مئة وإحدى عشرة"),
    120: ("مئة وعشرون", "مئة وعشرون"),
    121: ("مئة وواحد وعشرون", "مئة وإحدى وعشرون"),
    200: ("مئتان", "مئتان"),
    201: ("مئتان وواحد", "مئتان وواحدة"),
    212: ("مئتان واثنا عشر", "مئتان واثنتا عشرة"),
    300: ("ثلاثمئة", "ثلاثمئة"),
    345: ("ثلاثمئة وخمسة وأربعون", "ثلاثمئة وخمس وأربعون"),
    600: ("ستمئة", "ستمئة"),
    800: ("ثمانمئة", "ثمانمئة"),
    999: ("تسعمئة وتسعة وتسعون", "تسعمئة وتسع وتسعون"),
}


def said(clips: list[str]) -> str:
    """What a clip sequence says, without its vowel marks."""
    return _MARKS.sub("", " ".join(TEXTS[key] for key in clips))


def num2words_arabic(n: int, feminine: bool) -> str:
    """num2words' Arabic cardinal counting a feminine or a masculine noun (it has the two
    forms for the nouns its currencies count), spelt as our clips are: مئة for مائة, و
    joined to the next word."""
    words = Num2Word_AR()
    words.to_cardinal(0)  # sets up a plain cardinal: no currency names
    words.isCurrencyNameFeminine = feminine
    text = words.convert(n).strip().replace("مائة", "مئة").replace("و ", "و")
    return " ".join(text.split())


def expected_from_num2words(n: int, feminine: bool) -> str:
    """num2words, with the three places it differs from how a number is read aloud alone:
    200 standing alone is مئتان (it gives مئتا, the form before a noun, مئتا رجل); the
    feminine one at the end is واحدة (it gives إحدى, the form of إحدى وعشرون, for 1 and
    101 too); the feminine eight read in pause is ثماني (it gives ثمان, the written ثمانٍ
    without its vowel)."""
    text = num2words_arabic(n, feminine)
    if n == 200:
        text = "مئتان"
    if feminine:
        text = re.sub(r"(^|و)إحدى$", r"\1واحدة", text)
        text = re.sub(r"(^|و)ثمان( |$)", r"\1ثماني\2", text)
    return text


@pytest.mark.parametrize("feminine", [False, True], ids=["masculine", "feminine"])
def test_every_arabic_number_from_1_to_999_matches_num2words(feminine: bool) -> None:
    wrong = {
        n: (said(arabic_number(n, feminine)), expected_from_num2words(n, feminine))
        for n in range(1, 1000)
        if said(arabic_number(n, feminine)) != expected_from_num2words(n, feminine)
    }
    assert wrong == {}


def test_num2words_differs_only_where_its_exceptions_say() -> None:
    masculine = [n for n in range(1, 1000) if num2words_arabic(n, False) != said(arabic_number(n, False))]
    feminine = [n for n in range(1, 1000) if num2words_arabic(n, True) != said(arabic_number(n, True))]
    assert masculine == [200]
    assert all(n == 200 or n % 100 == 1 or n % 10 == 8 for n in feminine)
    assert {1, 8, 28, 101, 200} <= set(feminine)


@pytest.mark.parametrize("n", sorted(BY_HAND))
def test_arabic_numbers_match_the_table_written_by_hand(n: int) -> None:
    masculine, feminine = BY_HAND[n]
    assert said(arabic_number(n, feminine=False)) == masculine
    assert said(arabic_number(n, feminine=True)) == feminine


def test_units_come_before_the_tens_joined_by_wa() -> None:
    assert arabic_number(345, feminine=False) == ["ar/num/300", "ar/num/and5m", "ar/num/and40"]
    assert arabic_number(21, feminine=True) == ["ar/num/1f-tens", "ar/num/and20"]
    assert arabic_number(121, feminine=True) == ["ar/num/100", "ar/num/and1f-tens", "ar/num/and20"]


def test_every_english_number_from_0_to_999_matches_num2words_read_without_and() -> None:
    wrong = {}
    for n in range(1000):
        ours = " ".join(TEXTS[key] for key in english_number(n))
        theirs = num2words(n, lang="en").replace(" and", "").replace("-", " ")
        if ours != theirs:
            wrong[n] = (ours, theirs)
    assert wrong == {}


def test_every_number_uses_clips_of_the_pack_list_only() -> None:
    for n in range(1000):
        for clips in (arabic_number(n, False), arabic_number(n, True), english_number(n)):
            assert set(clips) <= TEXTS.keys(), n


@pytest.mark.parametrize("n", [-1, 1000, 12345])
def test_numbers_outside_0_to_999_are_refused(n: int) -> None:
    with pytest.raises(ValueError, match=r"outside 0\.\.999"):
        arabic_number(n, feminine=False)
    with pytest.raises(ValueError, match=r"outside 0\.\.999"):
        english_number(n)
