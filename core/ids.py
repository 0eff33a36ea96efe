"""Identifiers: UUIDv7 (time-ordered) for ops and for every replicated row."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
