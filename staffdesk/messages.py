"""What the console and the display say when the core refuses something, and the words
for ticket statuses, in the user's language."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from core.errors import MmcError
from core.services.queue import TicketView
from core.statuses import TicketStatus

if TYPE_CHECKING:
    from core.store import Notice
    from sync.client import RefusedOp
    from sync.protocol import DeviceHealthRow

CONTEXT = ""
"""pyside6-lupdate files a bare `tr("...")` call under the empty context, so the console's
and the display's texts are looked up there."""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text in the user's language; with `n`, the plural form for n of that language
    (Arabic has six), the text holding `%n` where the number goes."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def status_name(status: str) -> str:
    names: dict[str, str] = {
        TicketStatus.WAITING: tr("Waiting"),
        TicketStatus.CALLED: tr("Called"),
        TicketStatus.IN_PROGRESS: tr("In service"),
        TicketStatus.PARKED: tr("On hold"),
        TicketStatus.COMPLETED: tr("Served"),
        TicketStatus.NO_SHOW: tr("No-show"),
        TicketStatus.CANCELLED: tr("Cancelled"),
    }
    return names.get(status, status)


def role_name(role: str) -> str:
    names = {"admin": tr("Administrator"), "supervisor": tr("Supervisor"), "staff": tr("Clinic staff")}
    return names.get(role, role)


def _fixed(code: str) -> str | None:
    """The sentences that take no detail of the refusal."""
    sentences = {
        "bad_credentials": lambda: tr("Wrong user name or password."),
        "permission_denied": lambda: tr("Your role does not allow this."),
        "storage_full": lambda: tr(
            "This computer's disk is full: nothing new can be saved. What was saved is safe; please call IT."
        ),
        "queue_empty": lambda: tr("Nobody is waiting at this clinic."),
        "unknown_ticket": lambda: tr("This ticket is no longer in the queue; the list has been refreshed."),
        "already_in_queue": lambda: tr("The patient already waits in that clinic's queue."),
        "already_checked_in": lambda: tr(
            "This patient is checked in already today; find them by ID to see where they are."
        ),
        "invalid_id_number": lambda: tr("This is not a valid ID number."),
        "wrong_pin": lambda: tr("The clinic's PIN was not accepted."),
    }
    for same, code_of in (
        ("unknown_visit", "unknown_ticket"),
        ("pin_locked", "wrong_pin"),
        ("malformed_pin", "wrong_pin"),
    ):
        sentences[same] = sentences[code_of]
    sentence = sentences.get(code)
    return sentence() if sentence is not None else None


def explain(error: MmcError, name_of: Callable[[str], str] = str) -> str:
    """A sentence for a member of staff: what was refused and why; `name_of` gives a
    clinic code's name in the user's language."""
    p = error.params
    code = error.code
    fixed = _fixed(code)
    if fixed is not None:
        return fixed
    clinic = name_of(str(p.get("clinic", "")))
    if code == "day_closed":
        return tr("Service day {day} is closed: nobody more can be checked in today.").format(day=p.get("day", ""))
    if code == "transition_refused":
        by = str(p.get("by", "")).strip(" ()")
        text = tr("Ticket {ticket} is already {status}; this cannot be done now.").format(
            ticket=p.get("ticket", ""), status=status_name(str(p.get("status", "")))
        )
        if by:
            text += " " + tr("It was called by {by}.").format(by=by.removeprefix("called by "))
        return text
    if code in ("unknown_clinic", "clinic_inactive"):
        return tr("The clinic {clinic} is unknown or closed.").format(clinic=clinic)
    if code == "gender_not_allowed":
        return tr("The clinic {clinic} does not receive this patient's gender.").format(clinic=clinic)
    if code == "not_called_yet":
        return tr("The patient has not been called at {clinic} yet.").format(clinic=clinic)
    if code == "invalid_input":
        return tr("This was not accepted: {detail}").format(detail=p.get("detail", ""))
    return tr("This could not be done: {detail}").format(detail=str(error))


def action_name(kind: str) -> str:
    """An op kind as the action staff know (the Sync page, the conflict banner)."""
    actions = {
        "ticket.called": tr("call"),
        "ticket.recalled": tr("recall"),
        "ticket.started": tr("start"),
        "ticket.completed": tr("completion"),
        "ticket.no_show": tr("no-show"),
        "ticket.cancelled": tr("cancellation"),
        "ticket.transferred": tr("transfer"),
        "ticket.reopened": tr("undo"),
        "ticket.parked": tr("setting aside"),
        "ticket.prioritised": tr("priority mark"),
        "ticket.issued": tr("new ticket"),
        "visit.checked_in": tr("check-in"),
        "visit.clinic_confirmed": tr("clinic confirmation"),
        "visit.cancelled": tr("cancellation of a visit"),
        "visit.pin_unlocked": tr("PIN unlock"),
        "pin.rotated": tr("new PIN"),
        "setting.set": tr("setting"),
        "clinic.upserted": tr("clinic change"),
        "clinic.paused": tr("pause"),
        "help.answered": tr("answer to a call for help"),
        "clinic.resumed": tr("end of a pause"),
        "exam_type.upserted": tr("exam type change"),
        "user.upserted": tr("user change"),
        "device.revoked": tr("device revocation"),
        "day.closed": tr("closing of the day"),
    }
    return actions.get(kind, kind)


NO_LONGER_ALLOWED = ("permission_denied", "unproven_user")


def refusal_reason(refused: RefusedOp) -> str:
    """Why the server refused one of this console's ops, from its code; the server's own
    (English) words only where no code says more."""
    if refused.code == "transition_refused":
        return tr("someone else acted on it first")
    if refused.code in NO_LONGER_ALLOWED:
        return tr("the user may no longer do it (deactivated, a new role or a new password)")
    return refused.detail or refused.code


def explain_refused(refused: RefusedOp, ticket: TicketView | None, clinic: str, count: int) -> str:
    """What the server refused of this console's work done offline, said plainly: which
    action, on which ticket, and where that ticket stands now."""
    if refused.code in NO_LONGER_ALLOWED:
        text = tr(
            "The server refused an action made on this console: the user may no longer do it (deactivated, "
            "a new role or a new password). Log in again."
        )
    elif ticket is None or refused.code != "transition_refused":
        text = tr("The server refused your {action}: {reason}").format(
            action=action_name(refused.kind), reason=refusal_reason(refused)
        )
    else:
        text = tr(
            "The server refused your {action} of ticket {ticket} ({clinic}): someone else acted on it first. "
            "It is now: {status}."
        ).format(
            action=action_name(refused.kind),
            ticket=ticket.label,
            clinic=clinic,
            status=status_name(ticket.status),
        )
    if count > 1:
        text += " " + tr("%n actions were refused in all; see Sync.", None, count)
    return text


SILENT_AFTER_S = 600
WAITING_TOO_LONG_S = 300
CLOCK_OFF_S = 60


def health_text(row: DeviceHealthRow) -> str:
    """How a device is doing, from its last report, in a few words: what is wrong first."""
    report = row.report
    if row.revoked:
        return "\u2014"
    if report is None or row.silent_s is None:
        return tr("Never reported")
    problems = []
    if row.silent_s > SILENT_AFTER_S:
        problems.append(tr("Silent for %n min", None, int(row.silent_s // 60)))
    if report.storage_full:
        problems.append(tr("Disk full"))
    if abs(report.clock_skew_s) > CLOCK_OFF_S:
        minutes = round(abs(report.clock_skew_s) / 60)
        problems.append(tr("Clock off by {offset} (h:mm)").format(offset=f"{minutes // 60}:{minutes % 60:02d}"))
    if report.oldest_waiting_s is not None and report.oldest_waiting_s > WAITING_TOO_LONG_S:
        problems.append(
            " \u00b7 ".join(
                [
                    tr("%n changes unsent", None, report.ops_waiting),
                    tr("waiting for %n min", None, int(report.oldest_waiting_s // 60)),
                ]
            )
        )
    if report.breaker != "closed":
        problems.append(tr("Cannot reach the server"))
    if not problems:
        return tr("OK (version {version})").format(version=report.version)
    return tr("; ").join(problems)


def explain_notice(notice: Notice) -> str:
    """What the console says about how its data was opened (a damaged file, a restore)."""
    p = notice.params
    if notice.code == "corrupt_no_backup":
        return tr(
            "This console's data file was damaged and no backup could be used: it starts empty and fills again "
            "from the server. Changes made here that had not reached the server are lost."
        )
    if not p.get("readable", True):
        return tr(
            "This console's data file was damaged and was replaced by the backup {backup}. The damaged file "
            "could not be read: changes made here after that backup come back only if they had reached the "
            "server; any that had not are lost."
        ).format(backup=p.get("backup", ""))
    recovered = p.get("recovered", 0)
    return tr(
        "This console's data was restored from the backup {backup}; %n changes made here after it were taken "
        "back and are sent to the server.",
        None,
        recovered if isinstance(recovered, int) else 0,
    ).format(backup=p.get("backup", ""))


def audit_action_name(action: str) -> str:
    """An audit entry's action as staff say it."""
    names = {
        "call_next": tr("Call next"),
        "call": tr("Call"),
        "recall": tr("Recall"),
        "start": tr("Start"),
        "complete": tr("Complete"),
        "no_show": tr("No-show"),
        "cancel": tr("Cancel ticket"),
        "reopen": tr("Undo of a no-show or cancel"),
        "park": tr("Set aside"),
        "prioritise": tr("Priority mark"),
        "transfer": tr("Transfer"),
        "check_in": tr("Check-in"),
        "enter_queue": tr("Joined a queue"),
        "pin_failed": tr("Wrong PIN at a kiosk"),
        "confirm_pin": tr("Clinic confirmed with its PIN"),
        "find_visit": tr("Patient look-up"),
        "pause_clinic": tr("Clinic paused"),
        "ask_help": tr("Call for help at a kiosk"),
        "answer_help": tr("Call for help answered"),
        "resume_clinic": tr("Clinic resumed"),
        "unlock_pin": tr("PIN unlock"),
        "where_am_i": tr("\u201cWhere am I?\u201d look-up"),
        "cancel_visit": tr("Visit cancelled"),
        "close_day": tr("Day closed"),
        "rotate_pin": tr("New PIN"),
        "log_in": tr("Log in"),
        "report": tr("Report"),
        "set_setting": tr("Setting changed"),
        "upsert_clinic": tr("Clinic saved"),
        "upsert_exam_type": tr("Exam type saved"),
        "save_user": tr("User saved"),
        "register_device": tr("Device registered"),
        "revoke_device": tr("Device revoked"),
        "enrollment_code": tr("Enrollment code"),
        "grant_lease": tr("Numbers leased"),
        "issue_day_keys": tr("PIN keys issued"),
        "init_site": tr("Site set up"),
    }
    return names.get(action, action)


UUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")


def audit_target(target: str, name_of: Callable[[str], str | None]) -> str:
    """An audit entry's target with clinics by name and no internal ids: `name_of` gives
    a clinic code's name (None: not a clinic)."""
    if target.startswith("visit ") and UUID.fullmatch(target[6:]):
        return tr("a visit")
    words = [name_of(word) or word for word in UUID.sub("", target).split()]
    return " ".join("\u2192" if word == "->" else word for word in words)


def audit_detail(detail: str) -> str:
    """Why an entry was refused, in the reader's language where its code is known."""
    code, _, said = detail.partition(": ")
    reasons = {
        "queue_empty": tr("Nobody was waiting."),
        "bad_credentials": tr("Wrong user name or password."),
        "transition_refused": tr("Someone else acted on it first."),
        "wrong_pin": tr("Wrong PIN."),
        "pin_locked": tr("Too many wrong PINs: locked for a while."),
        "not_called_yet": tr("The patient had not been called yet."),
        "already_checked_in": tr("Already checked in today."),
        "invalid_id_number": tr("Not a valid ID number."),
        "permission_denied": tr("Not allowed for this role."),
        "unknown_visit": tr("No visit today for this ID."),
        "malformed_pin": tr("Not a clinic code (10 to 99)."),
    }
    return reasons.get(code, said or detail)
