"""Digits as people type them: Arabic-Indic (٠١٢…) and Persian (۰۱۲…) digits, from an
Arabic keyboard layout or a scanner set up for one, are the same digits as 0-9."""

from __future__ import annotations

WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def western_digits(text: str) -> str:
    """`text` with every Arabic-Indic and Persian digit written 0-9."""
    return text.translate(WESTERN)
