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


def explain(error: MmcError, name_of: Callable[[str], str]) -> str:
    """A translated sentence for `error`; `name_of` turns a clinic or exam code into its
    name in the current language."""
    p = error.params
    code = error.code
    if code == "invalid_id_number":
        return QCoreApplication.translate("Messages", "This ID number is not valid. Please check it and try again.")
    if code == "no_route_for_gender":
        return QCoreApplication.translate(
            "Messages", "This exam type is not available for the gender you chose. Please choose another."
        )
    if code in ("gender_not_allowed", "clinic_inactive", "unknown_clinic"):
        return QCoreApplication.translate(
            "Messages", "The clinic {clinic} cannot receive you now. Please ask the reception desk."
        ).format(clinic=name_of(str(p.get("clinic", ""))))
    if code == "unknown_exam_type":
        return QCoreApplication.translate("Messages", "This exam type is not available today. Please choose another.")
    if code == "already_checked_in":
        return QCoreApplication.translate(
            "Messages", "You have already checked in today. Use \u201cWhere am I?\u201d to see your place."
        )
    if code in ("unknown_visit", "unknown_patient"):
        return QCoreApplication.translate(
            "Messages", "No visit was found for today with this ID. Please check it, or check in first."
        )
    if code == "malformed_pin":
        return QCoreApplication.translate(
            "Messages", "The clinic code has two digits. Please ask the clinic staff for it."
        )
    if code == "wrong_pin":
        return QCoreApplication.translate(
            "Messages", "This code is not right for {clinic}. Attempts left: {left}."
        ).format(clinic=name_of(str(p.get("clinic", ""))), left=p.get("attempts_left", 0))
    if code == "pin_locked":
        until = dt.datetime.fromisoformat(str(p["until"])).astimezone(SITE_ZONE).strftime("%H:%M")
        return QCoreApplication.translate(
            "Messages", "Too many wrong codes. Please try again after {time}, or ask the clinic staff."
        ).format(time=until)
    if code == "route_complete":
        return QCoreApplication.translate("Messages", "You have finished every clinic of your route. Thank you.")
    if code == "storage_full":
        return QCoreApplication.translate(
            "Messages", "This kiosk cannot save anything right now. Please use another kiosk or ask the staff."
        )
    if code == "already_in_queue":
        return QCoreApplication.translate("Messages", "You are already in this clinic's queue.")
    return QCoreApplication.translate("Messages", "Something went wrong. Please ask the reception desk for help.")
