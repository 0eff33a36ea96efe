"""The ID number format, chosen without writing a regular expression: digits only, always
as many or within a range, or (for the rare site that needs it) a regular expression; an
ID typed in the dialog shows at once whether check-in would take it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.id_format import (
    MOST_DIGITS,
    BadDigitCount,
    BadRegularExpression,
    DigitsBetween,
    DigitsExactly,
    IdFormat,
    RegularExpression,
    id_format_of,
    id_format_pattern,
    id_number_accepted,
)
from staffdesk.messages import tr
from sync.runtime.widgets import button, label, restyle

LEADING = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
ISOLATE, END_ISOLATE = "\u2066", "\u2069"
"""Around a regular expression in a sentence, so an Arabic line does not reorder it."""


def describe_id_format(pattern: str) -> str:
    """The format in words, in the user's language."""
    match id_format_of(pattern):
        case DigitsExactly(count):
            return tr("Digits only: exactly {count}").format(count=count)
        case DigitsBetween(fewest, most):
            return tr("Digits only: from {fewest} to {most}").format(fewest=fewest, most=most)
        case RegularExpression(written):
            return tr("Regular expression: {pattern}").format(pattern=f"{ISOLATE}{written}{END_ISOLATE}")


def _spin(name: str, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setLocale(QLocale.c())
    spin.setRange(1, MOST_DIGITS)
    spin.setValue(value)
    return spin


def _indented(form: QFormLayout) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addSpacing(28)
    row.addLayout(form)
    row.addStretch(1)
    return row


class IdFormatDialog(QDialog):
    """Chooses the ID number format; `chosen` carries its regular expression when the
    admin saves one that compiles."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("id_format_dialog")
        self.setMinimumWidth(640)
        self.title = label("page-title", name="id_format_title")
        self.title.setAlignment(LEADING)
        self.exactly = QRadioButton()
        self.exactly.setObjectName("id_format_exactly")
        self.between = QRadioButton()
        self.between.setObjectName("id_format_between")
        self.advanced = QRadioButton()
        self.advanced.setObjectName("id_format_advanced")
        self.kinds = QButtonGroup(self)
        for option in (self.exactly, self.between, self.advanced):
            self.kinds.addButton(option)
        self.count = _spin("id_format_count", 11)
        self.fewest = _spin("id_format_fewest", 5)
        self.most = _spin("id_format_most", 12)
        self.pattern = QLineEdit()
        self.pattern.setObjectName("id_format_pattern")
        self.pattern.setMaxLength(200)
        self.pattern.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.example = QLineEdit()
        self.example.setObjectName("id_format_example")
        self.example.setMaxLength(60)
        self.verdict = label(name="id_format_verdict")
        self.verdict.setAlignment(LEADING)
        self.save = button("id_format_save", "primary")
        self.cancel = button("id_format_cancel")
        self.labels: list[tuple[QLabel, Callable[[], str]]] = []

        exactly_form, between_form, advanced_form, try_form = (QFormLayout() for _ in range(4))
        self._row(exactly_form, lambda: tr("Number of digits"), self.count)
        self._row(between_form, lambda: tr("Fewest digits"), self.fewest)
        self._row(between_form, lambda: tr("Most digits"), self.most)
        self._row(advanced_form, lambda: tr("Regular expression"), self.pattern)
        self._row(try_form, lambda: tr("Type an ID number to test it"), self.example)
        self.pattern.setMinimumWidth(320)
        ends = QHBoxLayout()
        ends.addStretch(1)
        ends.addWidget(self.cancel)
        ends.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.exactly)
        layout.addLayout(_indented(exactly_form))
        layout.addWidget(self.between)
        layout.addLayout(_indented(between_form))
        layout.addWidget(self.advanced)
        layout.addLayout(_indented(advanced_form))
        layout.addSpacing(12)
        layout.addLayout(try_form)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addLayout(ends)

        self.count.valueChanged.connect(lambda _: self._chose(self.exactly))
        self.fewest.valueChanged.connect(lambda _: self._chose(self.between))
        self.most.valueChanged.connect(lambda _: self._chose(self.between))
        self.pattern.textEdited.connect(lambda _: self._chose(self.advanced))
        self.kinds.buttonToggled.connect(lambda *_: self._check())
        self.example.textChanged.connect(lambda _: self._check())
        self.save.clicked.connect(self._keep)
        self.cancel.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("ID number format"))
        self.title.setText(tr("How are ID numbers written at this site?"))
        self.exactly.setText(tr("Digits only, always the same number of digits"))
        self.between.setText(tr("Digits only, a number of digits within a range"))
        self.advanced.setText(tr("Advanced: a regular expression (Python syntax, the whole ID must match)"))
        for caption, text in self.labels:
            caption.setText(text())
        self.example.setPlaceholderText(tr("e.g. 28700000001"))
        self.save.setText(tr("Save the format"))
        self.cancel.setText(tr("Cancel"))
        self._check()

    def _row(self, form: QFormLayout, text: Callable[[], str], widget: QWidget) -> None:
        caption = label(wrap=False)
        form.addRow(caption, widget)
        self.labels.append((caption, text))

    def edit(self, pattern: str) -> None:
        """Open (window-modal, not blocking) on the format `pattern` is: a digits-only
        choice when it is one, the regular expression otherwise."""
        chosen = id_format_of(pattern)
        self.pattern.setText(pattern)
        self.example.clear()
        match chosen:
            case DigitsExactly(count):
                self.most.setValue(count)
                self.fewest.setValue(count)
                self.count.setValue(count)
                self.exactly.setChecked(True)
            case DigitsBetween(fewest, most):
                self.count.setValue(most)
                self.most.setValue(most)
                self.fewest.setValue(fewest)
                self.between.setChecked(True)
            case RegularExpression():
                self.advanced.setChecked(True)
        self._check()
        self.open()

    def choice(self) -> IdFormat:
        if self.exactly.isChecked():
            return DigitsExactly(self.count.value())
        if self.between.isChecked():
            return DigitsBetween(self.fewest.value(), self.most.value())
        return RegularExpression(self.pattern.text().strip())

    def _chose(self, option: QRadioButton) -> None:
        option.setChecked(True)
        self._check()

    def _pattern(self) -> str | None:
        """The chosen format's regular expression; None, said why, when it has none."""
        try:
            return id_format_pattern(self.choice())
        except BadDigitCount:
            self._say("error", tr("The fewest digits cannot be more than the most."))
        except BadRegularExpression:
            self._say("error", tr("The ID number format is not a valid regular expression."))
        return None

    def _check(self) -> None:
        """Show the regular expression a digits-only choice makes (where an advanced format
        would start from it), and whether the typed ID passes the chosen format."""
        pattern = self._pattern()
        if pattern is None:
            return
        if not self.advanced.isChecked():
            self.pattern.setText(pattern)
        example = self.example.text()
        if not example.strip():
            self._say("", "")
        elif id_number_accepted(pattern, example):
            self._say("info", tr("\u2713 Check-in accepts this ID number."))
        else:
            self._say("error", tr("\u2717 Check-in refuses this ID number."))

    def _say(self, role: str, text: str) -> None:
        restyle(self.verdict, role)
        self.verdict.setText(text)

    def _keep(self) -> None:
        pattern = self._pattern()
        if pattern is None:
            return
        self.chosen.emit(pattern)
        self.accept()


class IdFormatField(QWidget):
    """The settings form's row for the ID format: the format in words, and a button that
    opens the dialog; `chosen` carries a newly saved regular expression."""

    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("admin_setting_id_format")
        self.pattern = ""
        self.summary = label(name="admin_setting_id_format_summary")
        self.summary.setAlignment(LEADING)
        self.change = button("admin_setting_id_format_edit")
        self.dialog = IdFormatDialog(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.change)
        self.change.clicked.connect(lambda: self.dialog.edit(self.pattern))
        self.dialog.chosen.connect(self.chosen)

    def retranslate(self) -> None:
        self.change.setText(tr("Change..."))
        self.dialog.retranslate()
        self.show_pattern(self.pattern)

    def show_pattern(self, pattern: str) -> None:
        self.pattern = pattern
        self.summary.setText(describe_id_format(pattern) if pattern else "")
