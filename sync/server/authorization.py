"""What an enrolled device may push: its own ops only, of kinds its role allows, and a
staff action only with a user who may do it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.errors import MmcError, PermissionDenied
from core.ops.envelope import Op
from core.permissions import ALLOWED, KIND_PERMISSION
from core.schema import User
from sync.server.enrollment import DeviceAuth

DEVICE_MAY = {
    "kiosk": frozenset({"check_in", "enter_queue", "confirm_pin"}),
    "staff": frozenset(
        {"check_in", "enter_queue", "confirm_pin", "queue_action", "cancel_visit", "rotate_pin", "configure"}
    ),
    "display": frozenset(),
}


def refusal(session: Session, device: DeviceAuth, op: Op) -> MmcError | None:
    """Why `device` may not push `op`, or None when it may."""
    permission = KIND_PERMISSION.get(op.kind)
    if permission is None:
        return None
    if permission not in DEVICE_MAY.get(device.kind, frozenset()):
        return PermissionDenied(role=f"a {device.kind} device", action=permission.replace("_", " "))
    if device.kind == "staff":
        user = session.get(User, op.actor)
        if user is None or not user.active:
            return PermissionDenied(role=f"unknown user {op.actor!r}", action=permission.replace("_", " "))
        if user.role not in ALLOWED[permission]:
            return PermissionDenied(role=user.role, action=permission.replace("_", " "))
    return None
