"""Typed errors raised by the core.

Each carries a stable `code` and the `params` a user interface needs to explain it in the
user's language; `str(error)` gives an English sentence for logs and the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class MmcError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"
    template = "Something went wrong."

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.template.format(**params))


class InvalidInput(MmcError):
    code = "invalid_input"
    template = "Invalid input: {detail}"


class InvalidIdNumber(MmcError):
    code = "invalid_id_number"
    template = "The ID number does not have the expected format."


class InvalidGender(MmcError):
    code = "invalid_gender"
    template = "Gender must be male or female, not {gender!r}."


class UnknownClinic(MmcError):
    code = "unknown_clinic"
    template = "There is no clinic {clinic!r}."


class ClinicInactive(MmcError):
    code = "clinic_inactive"
    template = "Clinic {clinic!r} is closed."


class GenderNotAllowed(MmcError):
    code = "gender_not_allowed"
    template = "Clinic {clinic!r} does not receive {gender} patients."


class UnknownExamType(MmcError):
    code = "unknown_exam_type"
    template = "There is no exam type {exam_type!r}."


class NoRouteForGender(MmcError):
    code = "no_route_for_gender"
    template = "Exam type {exam_type!r} has no route for {gender} patients."


class UnknownPatient(MmcError):
    code = "unknown_patient"
    template = "No patient with this ID has checked in."


class UnknownVisit(MmcError):
    code = "unknown_visit"
    template = "No active visit was found for this patient today."


class UnknownTicket(MmcError):
    code = "unknown_ticket"
    template = "There is no ticket {ticket!r}."


class AlreadyCheckedIn(MmcError):
    code = "already_checked_in"
    template = "This patient already has an active visit today."


class QueueEmpty(MmcError):
    code = "queue_empty"
    template = "Nobody is waiting at clinic {clinic!r}."


class WrongPin(MmcError):
    code = "wrong_pin"
    template = "Wrong PIN for clinic {clinic!r}; {attempts_left} attempt(s) left."


class PinLocked(MmcError):
    code = "pin_locked"
    template = "Too many wrong PINs; try again after {until}."


class NotCalledYet(MmcError):
    code = "not_called_yet"
    template = "The patient has not been called at {clinic!r} yet; its PIN confirms only a called patient."


class RouteComplete(MmcError):
    code = "route_complete"
    template = "This visit has no clinic left to confirm."


class TransitionRefused(MmcError):
    """A ticket op expected a state the ticket has already left (someone else acted first)."""

    code = "transition_refused"
    template = "Ticket {ticket} is {status}, it cannot be {action}{by}."


class PermissionDenied(MmcError):
    code = "permission_denied"
    template = "{role} may not {action}."


class BadCredentials(MmcError):
    code = "bad_credentials"
    template = "Wrong user name or password."


class UnknownOpKind(MmcError):
    code = "unknown_op_kind"
    template = "Unknown op kind {kind!r}."


class MalformedOp(MmcError):
    code = "malformed_op"
    template = "Malformed op {kind!r}: {detail}"


class OutOfOrderOp(MmcError):
    """A device sent sequence N while the acceptance point expects an earlier one."""

    code = "out_of_order_op"
    template = "Device {device} sent op {seq}, expected {expected}."


class StoreError(MmcError):
    code = "store_error"
    template = "{detail}"


class DayIsClosed(MmcError):
    code = "day_closed"
    template = "The service day {day} is closed; nobody more is checked in today."


class StorageFull(MmcError):
    """The disk under the database is full: nothing new is saved, what was saved is safe."""

    code = "storage_full"
    template = "The disk under the database is full; nothing new can be saved until space is freed."


class NoBackup(MmcError):
    code = "no_backup"
    template = "No usable backup was found in {folder}."


class MalformedPin(MmcError):
    code = "malformed_pin"
    template = "A clinic PIN is two digits, from 10 to 99."


class NumberTaken(MmcError):
    code = "number_taken"
    template = "That queue number of the clinic was already given today."


class AlreadyInQueue(MmcError):
    code = "already_in_queue"
    template = "The patient already waits in this clinic's queue."


class ValidationErrors(Protocol):
    """A pydantic (or FastAPI request) validation error."""

    def errors(self) -> Sequence[Any]: ...


def first_problem(error: ValidationErrors, where_default: str = "") -> str:
    """The first thing validation found wrong, as "field.path: message"."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or where_default
    return f"{where}: {first['msg']}"
