"""The closed sets of states the core writes and reads: a ticket's status, a visit's, an
op's outcome in a store's log, and the acceptance point's verdict on an op.

They are `StrEnum`s, stored as their plain values, so a database row or a wire message
holds the same text as before and compares equal to it.
"""

from __future__ import annotations

from enum import StrEnum


class TicketStatus(StrEnum):
    WAITING = "WAITING"
    CALLED = "CALLED"
    IN_PROGRESS = "IN_PROGRESS"
    PARKED = "PARKED"
    """Set aside by the clinic (called but not ready: gone for a paper, a sample); still
    the patient's place at that clinic, called back from the clinic's parked list."""
    COMPLETED = "COMPLETED"
    NO_SHOW = "NO_SHOW"
    CANCELLED = "CANCELLED"
    CARRIED_OVER = "CARRIED_OVER"


ACTIVE_STATUSES = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.IN_PROGRESS, TicketStatus.PARKED)
IN_SERVICE = (TicketStatus.CALLED, TicketStatus.IN_PROGRESS)


class VisitStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class OpOutcome(StrEnum):
    """What became of an op in this store's log."""

    APPLIED = "applied"
    REJECTED = "rejected"
    """Refused here (at the acceptance point, or a pulled op that did not apply here)."""
    REFUSED_BY_SERVER = "refused_by_server"
    """One of this device's own ops that the server refused."""


class Acceptance(StrEnum):
    """The acceptance point's verdict on a pushed op."""

    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    NOT_PROCESSED = "not_processed"
