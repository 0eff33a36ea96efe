"""Labels and sentences: what the hall hears for a call, clip by clip."""

from __future__ import annotations

import re

import pytest

from core.voice.compose import (
    LABEL_FEMININE,
    Call,
    arabic_number,
    clinic_clip,
    goes_on_number,
    label_clips,
    sentence,
)
from core.voice.words import clips_to_record, grammar_clips
from tests.voice.conftest import DEFAULT_CLINICS

TEXTS = {key: clip.text for key, clip in clips_to_record(DEFAULT_CLINICS).items()}
_MARKS = re.compile("[\u064b-\u0652]")


def heard(clips: list[str]) -> str:
    return _MARKS.sub("", " ".join(TEXTS[key] for key in clips))


def test_a_plain_number_is_one_number() -> None:
    assert label_clips("42", "ar") == ["ar/num/2m", "ar/num/and40"]
    assert label_clips("42", "en") == ["en/num/40", "en/num/2"]


def test_a_station_prefixed_label_is_read_letter_number_letter_number_dash_number() -> None:
    assert label_clips("K1A2-7", "ar") == [
        "ar/letter/K",
        "ar/num/1m",
        "ar/letter/A",
        "ar/num/2m",
        "ar/sign/dash",
        "ar/num/7m",
    ]
    assert heard(label_clips("K1A2-7", "ar")) == "كيه واحد إيه اثنان شرطة سبعة"
    assert heard(label_clips("K1A2-7", "en")) == "K one A two dash seven"


def test_station_codes_as_the_server_and_a_device_make_them() -> None:
    assert heard(label_clips("K2-15", "en")) == "K two dash fifteen"
    assert heard(label_clips("D3F0C-120", "en")) == "D three F zero C dash one hundred twenty"
    assert heard(label_clips("k1a2-7", "en")) == "K one A two dash seven"


def test_a_leading_zero_or_a_long_run_is_read_digit_by_digit() -> None:
    assert heard(label_clips("K03", "en")) == "K zero three"
    assert heard(label_clips("1234", "en")) == "one two three four"
    assert heard(label_clips("0", "en")) == "zero"


def words(clips: list[str]) -> list[str]:
    """The label as the ear hears it: the parts of one number run together into one word."""
    said: list[list[str]] = []
    for key in clips:
        if said and goes_on_number(said[-1][-1], key):
            said[-1].append(key)
        else:
            said.append([key])
    return [heard(word) for word in said]


def test_the_parts_of_one_number_are_said_as_one_word() -> None:
    assert words(label_clips("42", "ar")) == ["اثنان وأربعون"]
    assert words(label_clips("345", "ar")) == ["ثلاثمئة وخمسة وأربعون"]
    assert words(label_clips("345", "en")) == ["three hundred forty five"]
    assert words(label_clips("120", "en")) == ["one hundred twenty"]
    assert words(label_clips("21", "en")) == ["twenty one"]


def test_letters_signs_and_digits_read_one_by_one_stay_apart() -> None:
    assert words(label_clips("K1A2-7", "ar")) == ["كيه", "واحد", "إيه", "اثنان", "شرطة", "سبعة"]
    assert words(label_clips("K03", "en")) == ["K", "zero", "three"]
    assert words(label_clips("1234", "en")) == ["one", "two", "three", "four"]
    assert words(label_clips("2034", "ar")) == ["اثنان", "صفر", "ثلاثة", "أربعة"]
    assert words(label_clips("20-5", "en")) == ["twenty", "dash", "five"]


def test_arabic_indic_digits_are_the_same_digits() -> None:
    assert label_clips("٤٢", "ar") == label_clips("42", "ar")


def test_characters_without_a_clip_are_skipped() -> None:
    assert label_clips("12 B", "en") == ["en/num/12", "en/letter/B"]
    assert label_clips("", "ar") == []


def test_ticket_and_room_numbers_take_the_masculine_agreeing_form() -> None:
    assert LABEL_FEMININE is False
    assert label_clips("3", "ar") == arabic_number(3, feminine=False) == ["ar/num/3m"]


def test_the_arabic_sentence_names_the_number_then_the_clinic_then_the_room() -> None:
    call = Call(label="42", clinic="lab", room="102")
    assert sentence(call, "ar") == [
        "ar/word/number",
        "ar/num/2m",
        "ar/num/and40",
        "ar/word/go_to",
        "ar/clinic/lab",
        "ar/word/room",
        "ar/num/100",
        "ar/num/and2m",
    ]
    assert heard(sentence(call, "ar")) == "الرقم اثنان وأربعون يرجى التوجه إلى المختبر غرفة مئة واثنان"


def test_the_english_sentence_says_number_please_go_to_clinic_room() -> None:
    call = Call(label="K1A2-7", clinic="ent", room="203")
    assert heard(sentence(call, "en")) == "number K one A two dash seven please go to ENT room two hundred three"


def test_a_call_without_a_room_says_no_room() -> None:
    assert heard(sentence(Call(label="7", clinic="xray", room=""), "en")) == "number seven please go to X-Ray"
    assert "ar/word/room" not in sentence(Call(label="7", clinic="xray", room=" "), "ar")


def test_every_clip_a_sentence_asks_for_is_in_the_list_to_record() -> None:
    labels = ["7", "23", "101", "999", "K1A2-7", "X0F3E-45", "0"]
    for code in DEFAULT_CLINICS:
        for label in labels:
            for language in ("ar", "en"):
                assert set(sentence(Call(label, code, "3B"), language)) <= TEXTS.keys()
    assert clinic_clip("lab", "en") == "en/clinic/lab"
    letters = {f"{language}/letter/{c}" for language in ("ar", "en") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    assert letters <= grammar_clips().keys()


def test_a_language_without_a_grammar_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        sentence(Call("7", "lab", "1"), "fr")
