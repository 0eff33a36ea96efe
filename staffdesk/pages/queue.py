"""The clinic's queue: pick clinic and room, see who waits, call, recall, start,
complete, mark no-show, transfer, set aside and call back, mark priority or cancel, each
with a key; today's PIN, large."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from core.changes import Changes
from core.clock import SITE_ZONE, from_iso, utc_now
from core.database import Database
from core.services import queue as queue_service
from core.services.catalog import ClinicInfo
from core.services.checkin import CheckIn, check_in
from core.services.queue import TicketView
from core.services.visits import FoundVisit, find_visits, rotate_pin, todays_pin, unlock_pin
from core.statuses import TicketStatus, VisitStatus
from staffdesk.desk import Desk
from staffdesk.messages import status_name, tr
from staffdesk.pages.common import ConfirmBar, MessageLine, Page, chosen_row, fill, headers, table
from sync.runtime.widgets import button, label

SHORTCUTS = {
    "call_next": "F2",
    "recall": "F3",
    "start": "F4",
    "complete": "F5",
    "no_show": "F6",
    "transfer": "F7",
    "cancel": "F8",
    "call_chosen": "F9",
    "park": "F10",
    "priority": "F11",
}
PLACED_APART = ("cancel", "call_chosen", "park", "priority")
UNDO_SHOWN_MS = 290_000
"""How long Undo is offered: a little less than the site's default undo window (300 s)."""


class QueuePage(Page):
    permission = "queue_action"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.clinic = QComboBox()
        self.clinic.setObjectName("queue_clinic")
        self.room = QLineEdit()
        self.room.setObjectName("queue_room")
        self.room.setMaxLength(40)
        self.clinic_label = label()
        self.room_label = label()
        self.pin_title = label("pin-title")
        self.pin = label("pin", name="queue_pin")
        self.rotate = button("queue_rotate_pin")
        self.list = table("queue_list", 5)
        self.transfer_to = QComboBox()
        self.transfer_to.setObjectName("queue_transfer_to")
        self.buttons = {name: button(f"queue_{name}", "primary" if name == "call_next" else "") for name in SHORTCUTS}
        for name, key in SHORTCUTS.items():
            QShortcut(QKeySequence(key), self, self.buttons[name].click)
        self.confirm = ConfirmBar("queue_confirm")
        self.message = MessageLine("queue_message")
        self.search = QLineEdit()
        self.search.setObjectName("queue_find")
        self.search.setMaxLength(40)
        self.find_button = button("queue_find_button")
        self.found = label(name="queue_found")
        self.walk_in_id = QLineEdit()
        self.walk_in_id.setObjectName("queue_walk_in_id")
        self.walk_in_id.setMaxLength(40)
        self.walk_in_gender = QComboBox()
        self.walk_in_gender.setObjectName("queue_walk_in_gender")
        self.walk_in_gender.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.walk_in_exam = QComboBox()
        self.walk_in_exam.setObjectName("queue_walk_in_exam")
        self.walk_in = button("queue_walk_in")
        self.pause_reason = QLineEdit()
        self.pause_reason.setObjectName("queue_pause_reason")
        self.pause_reason.setMaxLength(80)
        self.pause = button("queue_pause")
        self._auto_room = ""
        self.undo = button("queue_undo")
        self.undo.hide()
        self.undoable: TicketView | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(lambda: self._offer_undo(None))
        self.unlock = button("queue_unlock")
        self.unlock.hide()
        self.found_visit: FoundVisit | None = None

        top = QHBoxLayout()
        top.addWidget(self.clinic_label)
        top.addWidget(self.clinic, 2)
        top.addWidget(self.room_label)
        top.addWidget(self.room, 1)
        pin_box = QVBoxLayout()
        pin_box.addWidget(self.pin_title)
        pin_box.addWidget(self.rotate)
        top.addLayout(pin_box)
        top.addWidget(self.pin)
        grid = QGridLayout()
        for index, name in enumerate(n for n in SHORTCUTS if n not in PLACED_APART):
            grid.addWidget(self.buttons[name], index // 4, index % 4)
        grid.addWidget(self.transfer_to, 1, 2)
        grid.addWidget(self.buttons["park"], 1, 3)
        for column, name in enumerate(("cancel", "call_chosen", "priority")):
            grid.addWidget(self.buttons[name], 2, column)
        pausing = QHBoxLayout()
        pausing.addWidget(self.pause_reason, 1)
        pausing.addWidget(self.pause)
        grid.addLayout(pausing, 3, 0, 1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(grid)
        finder = QHBoxLayout()
        finder.addWidget(self.search, 1)
        finder.addWidget(self.find_button)
        finder.addWidget(self.found, 2)
        finder.addWidget(self.unlock)
        finder.addSpacing(24)
        for widget in (self.walk_in_id, self.walk_in_gender, self.walk_in_exam, self.walk_in):
            finder.addWidget(widget, 1 if widget is self.walk_in_id else 0)
        layout.addLayout(finder)
        layout.addWidget(self.undo)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)

        self.clinic.currentIndexChanged.connect(self.refresh)
        self.clinic.currentIndexChanged.connect(self._follow_clinic)
        self.list.itemSelectionChanged.connect(self._fill_transfer)
        self.list.itemSelectionChanged.connect(self._name_priority)
        self.rotate.clicked.connect(self._rotate_pin)
        self.buttons["call_next"].clicked.connect(self.call_next)
        self.buttons["call_chosen"].clicked.connect(self.call_chosen)
        self.buttons["recall"].clicked.connect(lambda: self._on_ticket("recall", queue_service.recall))
        self.buttons["start"].clicked.connect(lambda: self._on_ticket("start", queue_service.start))
        self.buttons["complete"].clicked.connect(self.complete)
        self.buttons["no_show"].clicked.connect(lambda: self._confirm_ticket("no_show", queue_service.no_show))
        self.buttons["cancel"].clicked.connect(lambda: self._confirm_ticket("cancel", queue_service.cancel))
        self.buttons["transfer"].clicked.connect(self._confirm_transfer)
        self.buttons["park"].clicked.connect(lambda: self._on_ticket("park", queue_service.park))
        self.buttons["priority"].clicked.connect(self._toggle_priority)
        self.find_button.clicked.connect(self.find_patient)
        self.search.returnPressed.connect(self.find_patient)
        self.unlock.clicked.connect(self._unlock)
        self.undo.clicked.connect(self._undo)
        self.pause.clicked.connect(self._toggle_pause)
        self.walk_in.clicked.connect(self._issue_walk_in)
        self.tickets: list[TicketView] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.clinic_label.setText(tr("Clinic"))
        self.room_label.setText(tr("Room"))
        self.room.setPlaceholderText(tr("e.g. 2"))
        self.pin_title.setText(tr("Today's PIN"))
        self.rotate.setText(tr("New PIN"))
        self.search.setPlaceholderText(tr("Find a patient by ID or ticket number"))
        self.find_button.setText(tr("Find"))
        self.walk_in_id.setPlaceholderText(tr("Walk-in: the patient's ID number"))
        self.walk_in.setText(tr("Issue a ticket"))
        self._fill_walk_in()
        self.pause_reason.setPlaceholderText(tr("Reason shown in the hall, e.g. prayer break"))
        self._follow_clinic()
        self.unlock.setText(tr("Let them use the PIN again"))
        texts = {
            "call_next": tr("Call next"),
            "call_chosen": tr("Call the chosen patient"),
            "recall": tr("Recall"),
            "start": tr("Start"),
            "complete": tr("Complete"),
            "no_show": tr("No-show"),
            "transfer": tr("Transfer to"),
            "cancel": tr("Cancel ticket"),
            "park": tr("Set aside"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(f"{text}  ({SHORTCUTS[name]})")
        self._name_priority()
        headers(self.list, [tr("Number"), tr("Status"), tr("Room"), tr("Waiting (min)"), tr("Called by")])
        self.confirm.retranslate()
        self.load_clinics()

    def load_clinics(self) -> None:
        """Fill the clinic list in the current language, keeping the chosen clinic."""
        catalog = self.desk.catalog
        chosen = self.clinic.currentData()
        self.clinic.blockSignals(True)
        self.clinic.clear()
        for code in catalog.clinics:
            self.clinic.addItem(catalog.clinic_name(code, self.language), code)
        if chosen is not None and self.clinic.findData(chosen) >= 0:
            self.clinic.setCurrentIndex(self.clinic.findData(chosen))
        self.clinic.blockSignals(False)
        self._fill_transfer()
        self.refresh()

    def _fill_transfer(self) -> None:
        """The clinics the chosen patient may be sent to (`_transfer_offer`); none chosen
        until the nurse picks one."""
        ticket = self.selected()
        chosen = self.transfer_to.currentData()
        self.transfer_to.clear()
        self.transfer_to.setPlaceholderText(tr("Send to clinic..."))
        if ticket is not None:
            for code, name in _transfer_offer(ticket, self.desk.catalog.clinics.values(), self.language):
                self.transfer_to.addItem(name, code)
        self.transfer_to.setCurrentIndex(self.transfer_to.findData(chosen) if chosen is not None else -1)

    def choose_clinic(self, code: str, room: str = "") -> None:
        self.clinic.setCurrentIndex(self.clinic.findData(code))
        self.room.setText(room)

    @property
    def clinic_code(self) -> str:
        return str(self.clinic.currentData() or "")

    def store_changed(self, changes: Changes, *, shown: bool) -> None:
        """The clinic lists follow the configuration, shown or not; the queue is read
        again only when its clinic changed."""
        if changes.config or changes.everything:
            self.load_clinics()
            self._follow_clinic()
            self._fill_walk_in()
        elif shown and changes.touches(self.clinic_code):
            self.refresh()

    def refresh(self) -> None:
        if not self.clinic_code or self.desk.user is None:
            return
        clinic, actor, now = self.clinic_code, self.desk.actor, self.desk.now() or utc_now()

        def query(db: Database) -> tuple[list[TicketView], int]:
            return (
                queue_service.clinic_queue(db, clinic=clinic, now=now),
                todays_pin(db, actor, clinic=clinic, now=now),
            )

        self.read(query, lambda answer: self._show(clinic, now, *answer))

    def _show(self, clinic: str, now: dt.datetime, tickets: list[TicketView], pin: int) -> None:
        if clinic != self.clinic_code:
            return
        row = chosen_row(self.list)
        chosen = self.tickets[row] if 0 <= row < len(self.tickets) else None
        self.tickets = tickets
        fill(
            self.list,
            [
                (t.label, _status_shown(t), t.room or "", _minutes_since(t.entered_at, now), t.called_by or "")
                for t in self.tickets
            ],
            [t.ticket_id for t in self.tickets],
        )
        if chosen is not None:
            for row, ticket in enumerate(self.tickets):
                if ticket.ticket_id == chosen.ticket_id:
                    self.list.setCurrentCell(row, 0)
        self._fill_transfer()
        self._name_priority()
        self.pin.setText(str(pin))
        self.rotate.setVisible(self.desk.can("rotate_pin"))

    def selected(self) -> TicketView | None:
        """The chosen row, or else the patient being served (the list shows them first)."""
        row = chosen_row(self.list)
        if 0 <= row < len(self.tickets):
            return self.tickets[row]
        return self.tickets[0] if self.tickets else None

    def call_next(self) -> None:
        clinic, room, now = self.clinic_code, self.room.text() or None, self.desk.now()

        def said(called: TicketView) -> str:
            self.list.clearSelection()
            self.list.setCurrentCell(-1, -1)
            return tr("Called {number}.").format(number=called.label)

        self.act(
            self.message,
            lambda db, actor: queue_service.call_next(db, actor, clinic=clinic, room=room, now=now),
            said,
        )

    def call_chosen(self) -> None:
        """Call the patient chosen in the list, out of turn (one who came back late)."""
        row = chosen_row(self.list)
        ticket = self.tickets[row] if 0 <= row < len(self.tickets) else None
        if ticket is None:
            self.message.error(tr("Choose a patient in the list first."))
            return
        room, now = self.room.text() or None, self.desk.now()
        self.act(
            self.message,
            lambda db, actor: queue_service.call_ticket(db, actor, ticket_id=ticket.ticket_id, room=room, now=now),
            lambda called: tr("Called {number}.").format(number=called.label),
        )

    def complete(self) -> None:
        """The patient is done here; they go on to their next clinic's queue at once."""
        ticket = self.selected()
        if ticket is None:
            self.message.error(tr("Choose a patient in the list first."))
            return
        now = self.desk.now()

        def said(done: queue_service.Completion) -> str:
            place = done.next_place
            if place is not None:
                info = self.desk.catalog.clinics.get(place.clinic)
                clinic = info.name(self.language) if info else place.clinic
                return tr("Completed {number}; next: {clinic}, room {room}, number {next}.").format(
                    number=ticket.label, clinic=clinic, room=info.room if info else "", next=place.label
                )
            if done.route_complete:
                return tr("Completed {number}; that was the last clinic of their route.").format(number=ticket.label)
            return tr("Completed {number}.").format(number=ticket.label)

        self.act(
            self.message,
            lambda db, actor: queue_service.complete(db, actor, ticket_id=ticket.ticket_id, now=now),
            said,
        )

    def _on_ticket(self, action: str, service: queue_service.TicketService) -> None:
        ticket = self.selected()
        if ticket is None:
            self.message.error(tr("Choose a patient in the list first."))
            return
        done = {
            "recall": tr("Recalled {number}."),
            "start": tr("Started serving {number}."),
            "no_show": tr("{number} marked as no-show."),
            "cancel": tr("Cancelled {number}."),
            "park": tr("{number} is set aside; choose them in the list and call them again when they are ready."),
        }[action]
        room = (self.room.text() or None) if action == "recall" else None
        now = self.desk.now()

        def said(result: TicketView) -> str:
            gave_up = action == "recall" and result.status == TicketStatus.NO_SHOW
            self._offer_undo(ticket if action in ("no_show", "cancel") or gave_up else None)
            if gave_up:
                return tr("No answer to the recalls: {number} is marked as no-show.").format(number=ticket.label)
            return done.format(number=ticket.label)

        self.act(
            self.message,
            lambda db, actor: service(db, actor, ticket_id=ticket.ticket_id, room=room, now=now),
            said,
        )

    def _name_priority(self) -> None:
        """The priority button says what it will do to the chosen patient."""
        ticket = self.selected()
        text = tr("Remove priority") if ticket is not None and ticket.priority else tr("Mark priority")
        self.buttons["priority"].setText(f"{text}  ({SHORTCUTS['priority']})")

    def _toggle_priority(self) -> None:
        """Mark the chosen patient priority (elderly, disabled) for the rest of their
        visit, or take the mark off."""
        ticket = self.selected()
        if ticket is None:
            self.message.error(tr("Choose a patient in the list first."))
            return
        wanted, now = not ticket.priority, self.desk.now()

        def said(marked: TicketView) -> str:
            if marked.priority:
                return tr("{number} is a priority patient now, here and at the next clinics.").format(
                    number=marked.label
                )
            return tr("{number} is no longer a priority patient.").format(number=marked.label)

        self.act(
            self.message,
            lambda db, actor: queue_service.prioritise(db, actor, ticket_id=ticket.ticket_id, priority=wanted, now=now),
            said,
        )

    def _offer_undo(self, ticket: TicketView | None) -> None:
        """After a no-show or a cancellation, an Undo for a few minutes."""
        self.undoable = ticket
        self.undo.setVisible(ticket is not None)
        if ticket is not None:
            self.undo.setText(tr("Undo ({number})").format(number=ticket.label))
            self._undo_timer.start(UNDO_SHOWN_MS)

    def _undo(self) -> None:
        ticket, now = self.undoable, self.desk.now()
        if ticket is None:
            return
        self._offer_undo(None)
        self.act(
            self.message,
            lambda db, actor: queue_service.reopen(db, actor, ticket_id=ticket.ticket_id, now=now),
            lambda _: tr("{number} is back in its place in the queue.").format(number=ticket.label),
        )

    def _confirm_ticket(self, action: str, service: queue_service.TicketService) -> None:
        ticket = self.selected()
        if ticket is None:
            self.message.error(tr("Choose a patient in the list first."))
            return
        question = {
            "no_show": tr("Mark {number} as no-show? It can be undone for 5 minutes."),
            "cancel": tr("Cancel ticket {number}? It can be undone for 5 minutes."),
        }[action]
        self.confirm.ask(question.format(number=ticket.label), lambda: self._on_ticket(action, service))

    def _confirm_transfer(self) -> None:
        ticket = self.selected()
        if ticket is None:
            self.message.error(tr("Choose a patient in the list first."))
            return
        target = str(self.transfer_to.currentData() or "")
        name = self.desk.catalog.clinic_name(target, self.language)
        if not target:
            self.message.error(tr("Choose the clinic to send {number} to.").format(number=ticket.label))
            return

        def move() -> None:
            now = self.desk.now()
            self.act(
                self.message,
                lambda db, actor: queue_service.transfer(
                    db, actor, ticket_id=ticket.ticket_id, to_clinic=target, now=now
                ),
                lambda place: tr("{number} moved to {clinic} as {new}.").format(
                    number=ticket.label, clinic=name, new=place.label
                ),
            )

        self.confirm.ask(
            tr("Move {number} to the end of the queue of {clinic}? This cannot be undone.").format(
                number=ticket.label, clinic=name
            ),
            move,
        )

    def _fill_walk_in(self) -> None:
        """The genders and open exam types for a ticket issued at the desk."""
        gender, exam = self.walk_in_gender.currentData(), self.walk_in_exam.currentData()
        self.walk_in_gender.clear()
        self.walk_in_gender.addItem(tr("Male"), "male")
        self.walk_in_gender.addItem(tr("Female"), "female")
        self.walk_in_exam.clear()
        for choice in self.desk.catalog.exam_types:
            self.walk_in_exam.addItem(choice.name(self.language), choice.code)
        for combo, value in ((self.walk_in_gender, gender), (self.walk_in_exam, exam)):
            if value is not None and combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))

    def _issue_walk_in(self) -> None:
        """A patient who cannot use the kiosk gets their ticket at the desk."""
        id_number = self.walk_in_id.text().strip()
        gender, exam = str(self.walk_in_gender.currentData() or ""), str(self.walk_in_exam.currentData() or "")
        if not id_number or not exam:
            self.message.error(tr("Type the patient's ID number and choose the exam type."))
            return
        now = self.desk.now()

        def said(done: CheckIn) -> str:
            self.walk_in_id.clear()
            clinic = self.desk.catalog.clinic_name(done.place.clinic, self.language)
            return tr("Ticket {number} at {clinic}; tell the patient the number.").format(
                number=done.place.label, clinic=clinic
            )

        self.act(
            self.message,
            lambda db, actor: check_in(db, actor, id_number=id_number, gender=gender, exam_type=exam, now=now),
            said,
        )

    def _follow_clinic(self) -> None:
        """The chosen clinic's room (unless the nurse typed another) and pause state."""
        info = self.desk.catalog.clinics.get(self.clinic_code)
        if info is not None and self.room.text() in ("", self._auto_room):
            self.room.setText(info.room)  # the clinic's room unless the nurse typed another
            self._auto_room = info.room
        paused = bool(info and info.paused)
        self.pause.setText(tr("Resume the clinic") if paused else tr("Pause the clinic"))
        self.pause_reason.setEnabled(not paused)
        if paused and info is not None:
            self.pause_reason.setText(info.paused)

    def _toggle_pause(self) -> None:
        clinic, now = self.clinic_code, self.desk.now()
        info = self.desk.catalog.clinics.get(clinic)
        if info is not None and info.paused:
            self.act(
                self.message,
                lambda db, actor: queue_service.resume_clinic(db, actor, clinic=clinic, now=now),
                lambda _: tr("The clinic works again; the hall display no longer shows the pause."),
            )
            self.pause_reason.clear()
            return
        reason = self.pause_reason.text().strip() or tr("Break")
        self.act(
            self.message,
            lambda db, actor: queue_service.pause_clinic(db, actor, clinic=clinic, reason=reason, now=now),
            lambda _: tr("Paused; the hall display shows: {reason}").format(reason=reason),
        )

    def find_patient(self) -> None:
        """Where a patient is today, and whether wrong PINs locked them out."""
        text, now = self.search.text().strip(), self.desk.now()
        if not text:
            return

        def show(found: list[FoundVisit]) -> None:
            self.found_visit = found[0] if len(found) == 1 else None
            self.unlock.setVisible(self.found_visit is not None and self.found_visit.locked_until is not None)
            if not found:
                self.found.setText(tr("Nobody found today for {text}.").format(text=text))
            elif len(found) > 1:
                self.found.setText(tr("%n patients have this number today; type the ID.", None, len(found)))
            else:
                self.found.setText(self._describe(found[0]))

        self.act(self.message, lambda db, actor: find_visits(db, actor, text=text, now=now), show)

    def _describe(self, visit: FoundVisit) -> str:
        if visit.status != VisitStatus.ACTIVE or visit.clinic is None:
            return tr("{id}: no clinic left today.").format(id=visit.id_number)
        where = tr("{id}: {clinic}, number {number} ({status})").format(
            id=visit.id_number,
            clinic=self.desk.catalog.clinic_name(visit.clinic, self.language),
            number=visit.label,
            status=status_name(visit.ticket_status),
        )
        if visit.locked_until:
            until = from_iso(visit.locked_until).astimezone(SITE_ZONE).strftime("%H:%M")
            where += " \u00b7 " + tr("locked out of the PIN until {time}").format(time=until)
        return where

    def _unlock(self) -> None:
        visit, now = self.found_visit, self.desk.now()
        if visit is None:
            return

        def said(_: None) -> str:
            self.unlock.hide()
            self.found.setText(self._describe(replace(visit, locked_until=None)))
            return tr("{id} may use the clinic's PIN again.").format(id=visit.id_number)

        self.act(self.message, lambda db, actor: unlock_pin(db, actor, visit_id=visit.visit_id, now=now), said)

    def _rotate_pin(self) -> None:
        clinic = self.clinic_code

        def rotate() -> None:
            now = self.desk.now()
            self.act(
                self.message,
                lambda db, actor: rotate_pin(db, actor, clinic=clinic, now=now),
                lambda pin: tr("The new PIN of this clinic is {pin}; every kiosk gets it at its next sync.").format(
                    pin=pin
                ),
            )

        self.confirm.ask(tr("Give this clinic a new PIN for the rest of today?"), rotate)


def _transfer_offer(ticket: TicketView, clinics: Iterable[ClinicInfo], language: str) -> list[tuple[str, str]]:
    """(code, name) of the clinics a patient may be sent to: open, for their gender, not
    the one they are at; the next clinics of their route first, in route order and marked,
    those done already last."""
    ahead = [c for c in ticket.route if c not in ticket.done]

    def place(info: ClinicInfo) -> tuple[int, int]:
        return (0, ahead.index(info.code)) if info.code in ahead else (2 if info.code in ticket.done else 1, 0)

    offer = []
    for info in sorted((c for c in clinics if c.code != ticket.clinic and c.receives(ticket.gender)), key=place):
        name = info.name(language)
        if info.code in ahead:
            name = tr("{clinic} (on their route)").format(clinic=name)
        elif info.code in ticket.done:
            name = tr("{clinic} (done already)").format(clinic=name)
        offer.append((info.code, name))
    return offer


def _status_shown(ticket: TicketView) -> str:
    if ticket.priority:
        return tr("{status}, priority").format(status=status_name(ticket.status))
    return status_name(ticket.status)


def _minutes_since(iso: str, now: dt.datetime) -> int:
    return max(0, int((now - from_iso(iso)).total_seconds() // 60))
