"""What the kiosk says when the core refuses something, in the patient's language.

Every refusal the kiosk can meet has a sentence here, written for a patient (no codes,
no jargon); anything else gets the general sentence and is logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from core.clock import SITE_ZONE
from core.errors import MmcError
from sync.runtime.widgets import Texts

Messages = Texts("Messages")


def _fixed(code: str) -> str | None:
    """The sentences that take no detail of the refusal."""
    translate = QCoreApplication.translate
    sentences = {
        "invalid_id_number": lambda: translate(
            "Messages", "This ID number is not valid. Type only the digits of your ID card, then touch OK."
        ),
        "no_route_for_gender": lambda: translate(
            "Messages", "This exam type is not available for the gender you chose. Please choose another."
        ),
        "unknown_exam_type": lambda: translate(
            "Messages", "This exam type is not available today. Please choose another."
        ),
        "already_checked_in": lambda: translate(
            "Messages", "You have already checked in today. Use \u201cWhere am I?\u201d to see your place."
        ),
        "unknown_visit": lambda: translate(
            "Messages", "No visit was found for today with this ID. Please check it, or check in first."
        ),
        "malformed_pin": lambda: translate(
            "Messages", "The clinic code is a number from 10 to 99. Please ask the clinic staff for it."
        ),
        "route_complete": lambda: translate("Messages", "You have finished every clinic of your route. Thank you."),
        "day_closed": lambda: translate(
            "Messages", "Check-in has closed for today. Please come back on the next working day."
        ),
        "storage_full": lambda: translate(
            "Messages", "This kiosk cannot save anything right now. Please use another kiosk or ask the staff."
        ),
        "already_in_queue": lambda: translate("Messages", "You are already in this clinic's queue."),
    }
    sentences["unknown_patient"] = sentences["unknown_visit"]
    sentence = sentences.get(code)
    return sentence() if sentence is not None else None


def explain(error: MmcError, name_of: Callable[[str], str]) -> str:
    """A translated sentence for `error`; `name_of` turns a clinic or exam code into its
    name in the current language."""
    p = error.params
    code = error.code
    fixed = _fixed(code)
    if fixed is not None:
        return fixed
    if code in ("gender_not_allowed", "clinic_inactive", "unknown_clinic"):
        return QCoreApplication.translate(
            "Messages", "The clinic {clinic} cannot receive you now. Please ask the reception desk."
        ).format(clinic=name_of(str(p.get("clinic", ""))))
    if code == "not_called_yet":
        return QCoreApplication.translate(
            "Messages", "You have not been called at {clinic} yet. Please wait for your number on the hall screen."
        ).format(clinic=name_of(str(p.get("clinic", ""))))
    if code == "wrong_pin":
        left = p.get("attempts_left", 0)
        return Messages.tr(
            "This code is not right for {clinic}. %n attempts left.", None, left if isinstance(left, int) else 0
        ).format(clinic=name_of(str(p.get("clinic", ""))))
    if code == "pin_locked":
        until = dt.datetime.fromisoformat(str(p["until"])).astimezone(SITE_ZONE).strftime("%H:%M")
        return QCoreApplication.translate(
            "Messages", "Too many wrong codes. Please try again after {time}, or ask the clinic staff."
        ).format(time=until)
    return QCoreApplication.translate("Messages", "Something went wrong. Please ask the reception desk for help.")
