"""Who may do what. Services check here; the server checks the same table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import PermissionDenied

STAFF_ROLES = ("admin", "supervisor", "staff")
ROLES = (*STAFF_ROLES, "kiosk", "display", "system")

ALLOWED: dict[str, frozenset[str]] = {
    "check_in": frozenset({"kiosk", "staff", "supervisor", "admin", "system"}),
    "enter_queue": frozenset({"kiosk", "staff", "supervisor", "admin", "system"}),
    "confirm_pin": frozenset({"kiosk", "staff", "supervisor", "admin", "system"}),
    "look_up_visit": frozenset({"kiosk", "staff", "supervisor", "admin", "system"}),
    "ask_help": frozenset({"kiosk", "system"}),
    "queue_action": frozenset({"staff", "supervisor", "admin", "system"}),
    "cancel_visit": frozenset({"supervisor", "admin", "system"}),
    "close_day": frozenset({"supervisor", "admin", "system"}),
    "view_pin": frozenset({"staff", "supervisor", "admin", "system"}),
    "rotate_pin": frozenset({"admin", "system"}),
    "view_reports": frozenset({"supervisor", "admin", "system"}),
    "view_audit": frozenset({"supervisor", "admin", "system"}),
    "configure": frozenset({"admin", "system"}),
    "grant_lease": frozenset({"admin", "system"}),
}


@dataclass(frozen=True)
class Actor:
    """Who makes a service call: a logged-in user, a device (kiosk, display) or the system."""

    name: str
    role: str
    key: Any = field(default=None, compare=False, repr=False)
    """A logged-in user's signing key (core.proofs), which signs each op they make here."""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")


SYSTEM = Actor("system", "system")


def require(actor: Actor, action: str) -> None:
    if actor.role not in ALLOWED[action]:
        raise PermissionDenied(role=actor.role, action=action.replace("_", " "))


KIND_PERMISSION: dict[str, str] = {
    "visit.checked_in": "check_in",
    "ticket.issued": "enter_queue",
    "visit.clinic_confirmed": "confirm_pin",
    "visit.pin_failed": "confirm_pin",
    "visit.pin_unlocked": "queue_action",
    "help.requested": "ask_help",
    "help.answered": "queue_action",
    "visit.cancelled": "cancel_visit",
    "ticket.called": "queue_action",
    "ticket.recalled": "queue_action",
    "ticket.started": "queue_action",
    "ticket.completed": "queue_action",
    "ticket.no_show": "queue_action",
    "ticket.cancelled": "queue_action",
    "ticket.reopened": "queue_action",
    "ticket.transferred": "queue_action",
    "ticket.parked": "queue_action",
    "ticket.prioritised": "queue_action",
    "pin.rotated": "rotate_pin",
    "lease.granted": "grant_lease",
    "pin.day_key": "grant_lease",
    "clinic.upserted": "configure",
    "clinic.paused": "queue_action",
    "clinic.resumed": "queue_action",
    "exam_type.upserted": "configure",
    "user.upserted": "configure",
    "device.registered": "configure",
    "device.revoked": "configure",
    "day.closed": "close_day",
    "setting.set": "configure",
}
"""The permission an op of each kind needs: the server checks every pushed op against it."""
