"""The ID number format as an admin chooses it: digits only, always as many or as many as
a range allows, or, for the rare site that needs one, any regular expression.

The `id_format` setting holds a regular expression; `id_format_pattern` builds it from a
choice, and `id_format_of` reads a stored one back as the simplest choice that gives it,
so a site's admin never has to write one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.digits import western_digits

MOST_DIGITS = 40
"""The longest ID number a digits-only format takes."""


@dataclass(frozen=True)
class DigitsExactly:
    """Digits only, always `count` of them."""

    count: int


@dataclass(frozen=True)
class DigitsBetween:
    """Digits only, from `fewest` to `most` of them."""

    fewest: int
    most: int


@dataclass(frozen=True)
class RegularExpression:
    """Any format, written as a Python regular expression the whole ID number matches."""

    pattern: str


IdFormat = DigitsExactly | DigitsBetween | RegularExpression


class BadDigitCount(ValueError):
    """A digit count below 1, above MOST_DIGITS, or a range whose fewest exceeds its most."""


class BadRegularExpression(ValueError):
    """An advanced format that is empty or does not compile."""


def _check_count(count: int) -> None:
    if not 1 <= count <= MOST_DIGITS:
        raise BadDigitCount(f"an ID number has 1 to {MOST_DIGITS} digits, not {count}")


def id_format_pattern(chosen: IdFormat) -> str:
    """The regular expression the `id_format` setting holds for `chosen`.

    Raises BadDigitCount or BadRegularExpression for a format that cannot check IDs.
    """
    match chosen:
        case DigitsExactly(count):
            _check_count(count)
            return f"[0-9]{{{count}}}"
        case DigitsBetween(fewest, most):
            _check_count(fewest)
            _check_count(most)
            if fewest > most:
                raise BadDigitCount(f"the fewest digits ({fewest}) exceed the most ({most})")
            return f"[0-9]{{{fewest}}}" if fewest == most else f"[0-9]{{{fewest},{most}}}"
        case RegularExpression(pattern):
            if not pattern:
                raise BadRegularExpression("the regular expression is empty")
            try:
                re.compile(pattern)
            except re.error as error:
                raise BadRegularExpression(str(error)) from None
            return pattern


_DIGITS_ONLY = re.compile(r"\^?(?:\[0-9\]|\\d)\{([0-9]{1,3})(?:,([0-9]{1,3}))?\}\$?")


def id_format_of(pattern: str) -> IdFormat:
    """The simplest choice whose pattern checks IDs as `pattern` does: a digit count or
    range for `[0-9]{12}`, `\\d{5,12}` or `^[0-9]{11}$`; the expression itself otherwise."""
    found = _DIGITS_ONLY.fullmatch(pattern)
    if found is not None:
        fewest = int(found.group(1))
        most = int(found.group(2)) if found.group(2) is not None else fewest
        if 1 <= fewest <= most <= MOST_DIGITS:
            return DigitsExactly(fewest) if fewest == most else DigitsBetween(fewest, most)
    return RegularExpression(pattern)


def id_number_accepted(pattern: str, id_number: str) -> bool:
    """Whether check-in takes `id_number` under `pattern`: as core.services.checkin checks
    it, spaces around it dropped and Arabic-Indic digits read as 0-9. False for a pattern
    that does not compile."""
    try:
        return re.fullmatch(pattern, western_digits(id_number.strip())) is not None
    except re.error:
        return False
