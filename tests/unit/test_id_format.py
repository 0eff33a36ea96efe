"""The ID number format an admin chooses without writing a regular expression."""

from __future__ import annotations

import pytest

from core.id_format import (
    BadDigitCount,
    BadRegularExpression,
    DigitsBetween,
    DigitsExactly,
    IdFormat,
    RegularExpression,
    id_format_of,
    id_format_pattern,
    id_number_accepted,
)
from core.settings import DEFAULTS


def test_exactly_twelve_digits_takes_twelve_digits_and_nothing_else() -> None:
    pattern = id_format_pattern(DigitsExactly(12))
    assert pattern == "[0-9]{12}"
    assert id_number_accepted(pattern, "287000000001")
    assert id_number_accepted(pattern, " ٢٨٧٠٠٠٠٠٠٠٠١ "), "Arabic-Indic digits, spaces around: as check-in reads"
    for refused in ("28700000000", "2870000000012", "28700000000A", "", "2870 0000 0001"):
        assert not id_number_accepted(pattern, refused), refused


def test_a_range_of_digits_takes_the_shortest_and_the_longest() -> None:
    pattern = id_format_pattern(DigitsBetween(5, 12))
    assert pattern == "[0-9]{5,12}"
    assert id_number_accepted(pattern, "12345") and id_number_accepted(pattern, "123456789012")
    assert not id_number_accepted(pattern, "1234") and not id_number_accepted(pattern, "1234567890123")


def test_a_range_of_one_count_is_that_count() -> None:
    assert id_format_pattern(DigitsBetween(11, 11)) == "[0-9]{11}"


@pytest.mark.parametrize(
    "chosen", [DigitsExactly(0), DigitsExactly(41), DigitsBetween(0, 5), DigitsBetween(9, 8), DigitsBetween(5, 41)]
)
def test_impossible_digit_counts_are_refused(chosen: IdFormat) -> None:
    with pytest.raises(BadDigitCount):
        id_format_pattern(chosen)


def test_an_advanced_format_is_kept_as_written_and_must_compile() -> None:
    assert id_format_pattern(RegularExpression(r"[A-Z][0-9]{4}")) == r"[A-Z][0-9]{4}"
    for broken in ("[0-9", ""):
        with pytest.raises(BadRegularExpression):
            id_format_pattern(RegularExpression(broken))
    assert not id_number_accepted("[0-9", "123"), "a broken pattern accepts nothing"


@pytest.mark.parametrize(
    ("pattern", "chosen"),
    [
        ("[0-9]{12}", DigitsExactly(12)),
        (r"\d{11}", DigitsExactly(11)),
        ("^[0-9]{10}$", DigitsExactly(10)),
        ("[0-9]{8,8}", DigitsExactly(8)),
        ("[0-9]{5,12}", DigitsBetween(5, 12)),
        (r"^\d{6,9}$", DigitsBetween(6, 9)),
        ("[0-9]{0,12}", RegularExpression("[0-9]{0,12}")),
        ("[0-9]{9,5}", RegularExpression("[0-9]{9,5}")),
        ("[0-9]{5,}", RegularExpression("[0-9]{5,}")),
        ("[0-9]{50}", RegularExpression("[0-9]{50}")),
        ("[0-9]+", RegularExpression("[0-9]+")),
        ("[A-Z][0-9]{4}", RegularExpression("[A-Z][0-9]{4}")),
    ],
)
def test_a_stored_pattern_reads_back_as_the_simplest_choice(pattern: str, chosen: IdFormat) -> None:
    assert id_format_of(pattern) == chosen


def test_a_new_sites_format_is_a_simple_choice_that_builds_the_same_pattern() -> None:
    default = DEFAULTS["id_format"]
    assert id_format_pattern(id_format_of(default)) == default
