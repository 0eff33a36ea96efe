"""QR codes of a visit: what they hold, and their picture for the screen and the ticket."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage

PREFIX = "MMC1:"


def visit_code(visit_id: str) -> str:
    return PREFIX + visit_id


def visit_of(scanned: str) -> str | None:
    """The visit id in a scanned code, or None when the text is not one of ours."""
    text = scanned.strip()
    if text.upper().startswith(PREFIX):
        visit_id = text[len(PREFIX) :]
        if len(visit_id) == 36:
            return visit_id.lower()
    return None


def qr_image(data: str, scale: int = 8) -> QImage:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale, border=2)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image
