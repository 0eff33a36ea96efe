"""The kiosk window: a header (site, offline mark, help, large text, language), the
screens, and the rules that hold across screens: back to the welcome screen when idle,
the fullscreen lockdown, and what happens after each tap."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from core.changes import Changes
from core.errors import MmcError
from core.services.catalog import exit_code_matches
from core.services.checkin import Whereabouts
from core.services.visits import Confirmation
from core.statuses import VisitStatus
from kiosk.flow import KioskFlow, Patient, TicketCard
from kiosk.messages import explain
from kiosk.printing import PdfPrinter, PrintFailed, TicketPrinter, render_ticket
from kiosk.screens.exam import ExamScreen
from kiosk.screens.gender import GenderScreen
from kiosk.screens.patient_id import IdScreen, Purpose
from kiosk.screens.phone import PhoneScreen
from kiosk.screens.pin import PinScreen
from kiosk.screens.place import PlaceScreen
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.screens.ticket import TicketScreen
from kiosk.screens.welcome import WelcomeScreen
from kiosk.speech import KioskSpeech, Prompt, refusal_prompt, screen_prompt
from kiosk.style import LARGE_TEXT_STYLE_SHEET, STYLE_SHEET
from sync.runtime.changes import StoreChanges
from sync.runtime.qt import Languages
from sync.runtime.widgets import Screen, button, label, show_offline_mark
from sync.runtime.worker import StoreCall

if TYPE_CHECKING:
    from sync.client import SyncStatus

log = logging.getLogger(__name__)
T = TypeVar("T")
COUNTDOWN_S = 10
ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
}


class KioskWindow(QWidget):
    """`locked`: fullscreen, and closing needs the staff exit code."""

    went_home = Signal()
    screen_shown = Signal(str)

    HOLD_MS = 3000

    def __init__(
        self,
        flow: KioskFlow,
        languages: Languages,
        printer: TicketPrinter,
        *,
        locked: bool = True,
        idle_s: int | None = None,
        speech: KioskSpeech | None = None,
    ) -> None:
        """`speech` speaks in large text (default: with this machine's voice pack and sound
        output)."""
        super().__init__()
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE_SHEET)
        self.flow = flow
        self.languages = languages
        self.printer = printer
        self.locked = locked
        self._unlocked = False
        self._idle_override = idle_s
        self._last_activity = time.monotonic()
        self.patient = Patient()
        self.card: TicketCard | None = None
        self.busy = False
        """A step is under way on the store's worker: no second tap is taken."""
        self._gender = ""
        self._exam_type = ""
        self._phone_format = ""
        self._prompt: Prompt | None = None
        """What the screen shown says in large text (kiosk.speech)."""

        self.site = label("big", name="site-name")
        self.language_button = button("switch-language", "quiet")
        self.help_button = button("ask-help", "quiet")
        self.large_text_button = button("large-text", "quiet")
        self.large_text_button.setCheckable(True)
        self.help_note = label("info", name="help-note")
        self.help_note.hide()
        self.badge = QLabel()
        self.badge.setObjectName("sync-badge")
        self.badge.hide()
        self.sync_status: SyncStatus | None = None
        self.countdown = label("countdown", name="idle-countdown")
        self.countdown.hide()
        header = QHBoxLayout()
        header.addWidget(self.site, 1)
        header.addWidget(self.badge)
        header.addWidget(self.help_button)
        header.addWidget(self.large_text_button)
        header.addWidget(self.language_button)

        self.welcome = WelcomeScreen()
        self.id_screen = IdScreen()
        self.gender = GenderScreen()
        self.exam = ExamScreen()
        self.phone = PhoneScreen()
        self.ticket = TicketScreen()
        self.pin = PinScreen()
        self.place = PlaceScreen()
        self.staff_exit = StaffExitScreen()
        self.stack = QStackedWidget()
        self.screens: list[Screen] = [
            self.welcome,
            self.id_screen,
            self.gender,
            self.exam,
            self.phone,
            self.ticket,
            self.pin,
            self.place,
            self.staff_exit,
        ]
        for screen in self.screens:
            self.stack.addWidget(screen)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        notices = QHBoxLayout()
        for notice in (self.countdown, self.help_note):
            keep = notice.sizePolicy()
            keep.setRetainSizeWhenHidden(True)  # nothing moves under a finger when one shows
            notice.setSizePolicy(keep)
            notices.addWidget(notice)
        layout.addLayout(notices)
        layout.addWidget(self.stack, 1)

        self._wire()
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self.ask_staff_exit)
        self.site.installEventFilter(self)
        self._idle = QTimer(self)
        self._idle.setInterval(250)
        self._idle.timeout.connect(self._check_idle)
        self._idle.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.changes = StoreChanges(flow.db, self)
        self.changes.changed.connect(self._store_changed)
        self.speech = speech or KioskSpeech(parent=self)
        self.speech.follow(self.changes)
        for key in self.findChildren(QPushButton):
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch only; the keyboard is the scanner's
        self.home_language = languages.current
        """Each new person starts in it, whatever the last one chose."""
        languages.changed.connect(self._language_changed)
        self._language_changed(languages.current)
        self.go_home()

    def _store_changed(self, changes: Changes) -> None:
        """The kiosk shows only the configuration (site name, exam types, settings)."""
        if changes.config or changes.everything:
            self.flow.catalog = self.changes.catalog
            self.retranslate()
            self.exam.set_choices(self.flow.catalog.exam_types, self.language)

    # wiring
    def _wire(self) -> None:
        self.language_button.clicked.connect(self._toggle_language)
        self.help_button.clicked.connect(self._ask_help)
        self.large_text_button.toggled.connect(self._use_large_text)
        self.welcome.language_chosen.connect(self.languages.use)
        self.welcome.check_in.connect(lambda: self._ask_id(Purpose.CHECK_IN))
        self.welcome.finished_clinic.connect(lambda: self._ask_id(Purpose.FINISHED))
        self.welcome.where.connect(lambda: self._ask_id(Purpose.WHERE))
        self.id_screen.submitted.connect(self._id_entered)
        self.id_screen.back.connect(self.go_home)
        self.gender.chosen.connect(self._gender_chosen)
        self.gender.back.connect(lambda: self._show(self.id_screen))
        self.exam.chosen.connect(self._exam_chosen)
        self.exam.back.connect(lambda: self._show(self.gender))
        self.phone.submitted.connect(self._phone_entered)
        self.phone.skipped.connect(lambda: self._check_in(None))
        self.phone.back.connect(lambda: self._show(self.exam))
        self.ticket.print_requested.connect(lambda: self._print(self.ticket))
        self.ticket.done.connect(self.go_home)
        self.pin.submitted.connect(self._pin_entered)
        self.pin.back.connect(lambda: self._show(self.id_screen))
        self.place.print_requested.connect(lambda: self._print(self.place))
        self.place.done.connect(self.go_home)
        self.staff_exit.submitted.connect(self._exit_code_entered)
        self.staff_exit.back.connect(self.go_home)

    @property
    def language(self) -> str:
        return self.languages.current

    def _name_of(self, code: str) -> str:
        choice = next((e for e in self.flow.catalog.exam_types if e.code == code), None)
        return choice.name(self.language) if choice else self.flow.catalog.clinic_name(code, self.language)

    def _explain(self, error: MmcError) -> str:
        return explain(error, self._name_of)

    def _show(self, screen: Screen, prompt: Prompt | None = None) -> None:
        """Show `screen`; in large text it says `prompt`, by default its own (kiosk.speech)."""
        self.stack.setCurrentWidget(screen)
        self.language_button.setVisible(screen is not self.welcome)  # the welcome screen has its own pair
        self._prompt = prompt or screen_prompt(screen)
        self._speak()
        self.screen_shown.emit(type(screen).__name__)

    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    # language
    def _toggle_language(self) -> None:
        self.languages.use("en" if self.language == "ar" else "ar")

    def _language_changed(self, language: str) -> None:
        for screen in self.screens:
            screen.language = language
        for view in (self.ticket.view, self.place.view):
            view.language = language
        self.retranslate()
        self._speak()

    def _use_large_text(self, on: bool) -> None:
        self.setStyleSheet(LARGE_TEXT_STYLE_SHEET if on else STYLE_SHEET)
        self._speak()

    def _speak(self) -> None:
        """In large text, the screen shown says its prompt, then the ticket it shows (the
        ticket screen, the place screen with a ticket); with the mode off, nothing."""
        screen = self.stack.currentWidget()
        shows_card = screen is self.ticket or (screen is self.place and not self.place.view.isHidden())
        if self.large_text_button.isChecked():
            card = self.card if shows_card else None
            self.speech.say_screen(self._prompt, card, self.flow.catalog, self.language)
        else:
            self.speech.stop()

    def _say(self, prompt: Prompt) -> None:
        """In large text, say what just happened on the screen shown."""
        if self.large_text_button.isChecked():
            self.speech.say(prompt, self.language)

    def _refuse(self, show: Callable[[str], None], error: MmcError) -> None:
        """Show the refusal `error` explained, with `show` (a screen's error line); in large
        text, say it."""
        show(self._explain(error))
        self._say(refusal_prompt(error.code))

    def retranslate(self) -> None:
        show_offline_mark(self.badge, self.sync_status)
        self.site.setText(self.flow.catalog.settings.name(self.language))
        self.language_button.setText(self.tr("English") if self.language == "ar" else self.tr("العربية"))
        self.setWindowTitle(self.tr("Check-in kiosk"))
        self.help_button.setText(self.tr("Help"))
        self.large_text_button.setText(self.tr("Large text"))
        if self.help_note.isVisible():
            self.help_note.setText(self.tr("Staff have been called. Please wait here."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # the flow
    def _ask_help(self) -> None:
        def called(_: str) -> None:
            self.help_note.setText(self.tr("Staff have been called. Please wait here."))
            self.help_note.show()
            self.help_button.setEnabled(False)
            self._say(Prompt.HELP_CALLED)

        def failed(error: MmcError) -> None:
            log.error("the call for help could not be saved: %s", error)
            self.help_note.setText(self.tr("Please ask at the reception desk."))
            self.help_note.show()
            self._say(Prompt.REFUSED)

        self.flow.ask_help().success(called).failure(failed).run(self)

    def go_home(self) -> None:
        """Ready for the next person: the site's language, everyday text, nothing of the last one."""
        self.help_note.hide()
        self.help_button.setEnabled(True)
        self.large_text_button.setChecked(False)
        self.languages.use(self.home_language)
        self.patient = Patient()
        self.card = None
        self._gender = ""
        self.phone.field.clear()
        self.countdown.hide()
        self.retranslate()
        self._show(self.welcome)
        self.went_home.emit()

    def _ask_id(self, purpose: Purpose) -> None:
        self.id_screen.start_for(purpose)
        self._show(self.id_screen)

    def _id_entered(self, entered: str) -> None:
        try:
            patient = self.flow.patient(entered)
            if self.id_screen.purpose is Purpose.CHECK_IN and patient.id_number is None:
                self.id_screen.show_error(self.tr("To check in, type your ID number."))
                self._say(Prompt.ID_CHECK_IN)
                return
        except MmcError as error:
            self._refuse(self.id_screen.show_error, error)
            return
        self.patient = patient
        if self.id_screen.purpose is Purpose.CHECK_IN:
            self._run(self.id_screen, self.flow.where(patient), self._checked_in_before, self._new_arrival)
        elif self.id_screen.purpose is Purpose.FINISHED:
            self.pin.start()
            self._show(self.pin)
        else:
            self._where()

    def _checked_in_before(self, answer: tuple[Whereabouts, TicketCard | None]) -> None:
        """Someone already on their route today sees their ticket (and may print it again)
        at the first step, not a refusal three screens later."""
        found, card = answer
        if found.status != VisitStatus.ACTIVE:
            self._show(self.gender)
            return
        self.card = card
        self.place.show_place(
            self.tr("You have already checked in today."),
            self.tr("Here is your place. Touch \u201cPrint my ticket\u201d for another copy."),
            card,
            self.flow.catalog,
            self.language,
        )
        self._show(self.place, Prompt.ALREADY_CHECKED_IN)

    def _new_arrival(self, error: MmcError) -> None:
        if error.code == "unknown_visit":
            self._show(self.gender)
        else:
            self._refuse(self.id_screen.show_error, error)

    def _gender_chosen(self, gender: str) -> None:
        self._gender = gender
        self.exam.set_choices(self.flow.catalog.exam_types, self.language)
        self._show(self.exam)

    def _run(
        self, screen: Screen, call: StoreCall[T], done: Callable[[T], None], refused: Callable[[MmcError], None]
    ) -> None:
        """Run a step on the store's worker; `screen` takes no tap until it is answered."""
        if self.busy:
            return
        self.busy = True
        screen.setEnabled(False)

        def answered() -> None:
            self.busy = False
            screen.setEnabled(True)

        call.answered(answered).success(done).failure(refused).run(self)

    def _exam_chosen(self, exam_type: str) -> None:
        """Next the mobile-number step, where the site sends messages; else the ticket."""
        self._exam_type = exam_type
        self._run(self.exam, self.flow.phone_step(), self._ask_phone, self._check_in_refused)

    def _ask_phone(self, phone_format: str) -> None:
        self._phone_format = phone_format
        if not phone_format:
            self._check_in(None)
            return
        self.phone.start()
        self._show(self.phone)

    def _phone_entered(self, entered: str) -> None:
        try:
            phone = self.flow.phone_number(entered, self._phone_format)
        except MmcError:
            self.phone.show_bad_number()
            self._say(Prompt.REFUSED_PHONE)
            return
        self._check_in(phone)

    def _check_in(self, phone: str | None) -> None:
        assert self.patient.id_number is not None
        call = self.flow.check_in(
            self.patient.id_number, self._gender, self._exam_type, phone=phone, language=self.language
        )
        self._run(self.current_screen(), call, self._checked_in, self._check_in_refused)

    def _check_in_refused(self, error: MmcError) -> None:
        if error.code == "invalid_phone" and self.current_screen() is self.phone:
            self.phone.show_bad_number()
            self._say(Prompt.REFUSED_PHONE)
            return
        if self.current_screen() is not self.exam:
            self._show(self.exam)
        self._refuse(self.exam.show_error, error)

    def _checked_in(self, card: TicketCard) -> None:
        self.card = card
        self.ticket.show_card(card, self.flow.catalog, self.language)
        self._show(self.ticket)

    def _pin_entered(self, pin: str) -> None:
        self._run(self.pin, self.flow.confirm(self.patient, pin), self._confirmed, self._confirm_refused)

    def _confirm_refused(self, error: MmcError) -> None:
        if error.code in ("unknown_visit", "route_complete", "invalid_id_number"):
            self._show_notice(self._explain(error), refusal_prompt(error.code))
        else:
            self._refuse(self.pin.show_error, error)

    def _confirmed(self, answer: tuple[Confirmation, TicketCard | None]) -> None:
        done, self.card = answer
        clinic = self.flow.catalog.clinic_name(done.confirmed_clinic, self.language)
        headline = self.tr("Thank you. {clinic} is done.").format(clinic=clinic)
        if self.card is None:
            detail = self.tr("You have finished every clinic of your route.")
        else:
            detail = self.tr("Please go to your next clinic.")
        self.place.show_place(headline, detail, self.card, self.flow.catalog, self.language)
        self._show(self.place, Prompt.ROUTE_FINISHED if self.card is None else Prompt.CLINIC_DONE)

    def _where(self) -> None:
        self._run(
            self.id_screen,
            self.flow.where(self.patient),
            self._found,
            lambda error: self._refuse(self.id_screen.show_error, error),
        )

    def _found(self, answer: tuple[Whereabouts, TicketCard | None]) -> None:
        found, self.card = answer
        if found.status == VisitStatus.COMPLETED:
            headline, detail = self.tr("Your route is complete."), self.tr("You have finished every clinic.")
            prompt = Prompt.ROUTE_FINISHED
        elif found.status == VisitStatus.CANCELLED:
            headline, detail = self.tr("Your visit was cancelled."), self.tr("Please ask the reception desk.")
            prompt = Prompt.VISIT_CANCELLED
        elif self.card is None:
            headline = self.tr("You are being served.")
            detail = self.flow.catalog.clinic_name(found.current_clinic or "", self.language)
            prompt = Prompt.BEING_SERVED
        elif self.card.called:
            headline, detail = self.tr("Your number has been called."), self.tr("Please go to the clinic now.")
            prompt = Prompt.NUMBER_CALLED
        else:
            headline, detail = self.tr("You are in the queue."), ""
            prompt = Prompt.PLACE
        self.place.show_place(headline, detail, self.card, self.flow.catalog, self.language)
        self._show(self.place, prompt)

    def _show_notice(self, text: str, prompt: Prompt) -> None:
        self.place.show_place(text, "", None, self.flow.catalog, self.language)
        self._show(self.place, prompt)

    def _print(self, screen: TicketScreen | PlaceScreen) -> None:
        if self.card is None:
            return
        try:
            where = self.printer.print_ticket(render_ticket(self.card, self.flow.catalog, self.language))
        except PrintFailed as error:
            log.warning("ticket not printed: %s", error)
            screen.show_print_result(
                self.tr("The printer is not working. Please take a photo of this screen; your place is kept."),
                ok=False,
            )
            return
        if isinstance(self.printer, PdfPrinter):
            log.info("ticket saved as %s", where)
            screen.show_print_result(self.tr("No printer is set up here: your ticket was saved."), ok=True)
        else:
            screen.show_print_result(self.tr("Your ticket is printing. Please take it below."), ok=True)

    # sync status
    def show_sync_status(self, status: SyncStatus) -> None:
        self.sync_status = status
        show_offline_mark(self.badge, status)

    # idle and lockdown
    def idle_seconds(self) -> int:
        return self._idle_override or self.flow.catalog.settings.idle_s

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY:
            self._last_activity = time.monotonic()
            if self.countdown.isVisible():
                self.countdown.hide()
        if watched is self.site:
            if kind == QEvent.Type.MouseButtonPress:
                self._hold.start(self.HOLD_MS)
            elif kind == QEvent.Type.MouseButtonRelease:
                self._hold.stop()
        return super().eventFilter(watched, event)

    def _check_idle(self) -> None:
        if self.stack.currentWidget() is self.welcome:
            self.countdown.hide()
            return
        left = self.idle_seconds() - (time.monotonic() - self._last_activity)
        if left <= 0:
            self.go_home()
        elif left <= COUNTDOWN_S:
            if self.countdown.isHidden():
                self._say(Prompt.IDLE)
            self.countdown.setText(
                self.tr(
                    "No one there? Back to the start in %n seconds. Touch the screen to stay.", None, int(left + 0.999)
                )
            )
            self.countdown.show()

    def ask_staff_exit(self) -> None:
        self.staff_exit.start()
        self._show(self.staff_exit)

    def _exit_code_entered(self, code: str) -> None:
        if not exit_code_matches(self.flow.catalog.settings, code):
            log.warning("wrong kiosk exit code")
            self.staff_exit.refuse()
            return
        log.info("kiosk left by the staff exit code")
        self._unlocked = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked and not self._unlocked:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._idle.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: object) -> None:
        """In lockdown no key leaves: Escape and the like are swallowed."""
        if not self.locked:
            super().keyPressEvent(event)  # type: ignore[arg-type]
