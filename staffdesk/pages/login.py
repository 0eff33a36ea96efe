"""Logging in, offline too (the argon2 hashes of the staff accounts are synced), and
unlocking a console that locked itself after idle time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from core.errors import MmcError
from core.permissions import Actor
from staffdesk.desk import Desk
from staffdesk.messages import explain, tr
from staffdesk.pages.common import MessageLine
from sync.runtime.qt import Languages
from sync.runtime.widgets import Screen, button, label


class LoginPage(Screen):
    def __init__(self, desk: Desk, languages: Languages, on_login: Callable[[], None]) -> None:
        super().__init__()
        self.desk = desk
        self.languages = languages
        self.on_login = on_login
        self.site = label("title", name="login_site")
        self.heading = label("page-title", name="login_heading")
        self.username = QLineEdit()
        self.username.setObjectName("login_username")
        self.username.setMaxLength(80)
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.submit = button("login_submit", "primary")
        self.other_user = button("login_other_user")
        self.arabic = button("login_arabic")
        self.english = button("login_english")
        self.message = MessageLine("login_message")
        self.user_caption = label(wrap=False)
        self.password_caption = label(wrap=False)
        form = QFormLayout()
        form.addRow(self.user_caption, self.username)
        form.addRow(self.password_caption, self.password)
        box = QWidget()
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(self.site)
        inner.addWidget(self.heading)
        inner.addLayout(form)
        inner.addWidget(self.submit)
        inner.addWidget(self.other_user)
        inner.addWidget(self.message)
        languages_row = QHBoxLayout()
        languages_row.addWidget(self.arabic)
        languages_row.addWidget(self.english)
        inner.addLayout(languages_row)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.submit.clicked.connect(self.log_in)
        self.password.returnPressed.connect(self.log_in)
        self.username.returnPressed.connect(self.password.setFocus)
        self.other_user.clicked.connect(self.unlock_as_anyone)
        self.arabic.clicked.connect(lambda: languages.use("ar"))
        self.english.clicked.connect(lambda: languages.use("en"))
        self.locked_for = ""
        self.other_user.hide()  # only a locked console has another user to offer
        self.retranslate()

    def retranslate(self) -> None:
        self.user_caption.setText(tr("User name"))
        self.password_caption.setText(tr("Password"))
        self.submit.setText(tr("Unlock") if self.locked_for else tr("Log in"))
        self.other_user.setText(tr("Log in as another user"))
        self.arabic.setText(tr("العربية"))
        self.english.setText(tr("English"))
        self.heading.setText(
            tr("Locked. {user}, enter your password to go on.").format(user=self.locked_for)
            if self.locked_for
            else tr("Staff console: log in")
        )

    def show_site(self, site: str) -> None:
        self.site.setText(site)

    def lock(self, username: str) -> None:
        """Ask the same user's password again; the work behind stays as it was."""
        self.locked_for = username
        self.username.setText(username)
        self.username.setReadOnly(True)
        self.other_user.show()
        self.password.clear()
        self.message.clear()
        self.retranslate()
        self.password.setFocus()

    def unlock_as_anyone(self) -> None:
        self.locked_for = ""
        self.username.setReadOnly(False)
        self.username.clear()
        self.password.clear()
        self.other_user.hide()
        self.retranslate()
        self.username.setFocus()

    def log_in(self) -> None:
        """The password is checked on the store's worker (argon2 takes a moment, on
        purpose); meanwhile the page says so and takes no second try."""
        if not self.submit.isEnabled():
            return
        self.submit.setEnabled(False)
        self.message.info(tr("Checking the password..."))

        def answered() -> None:
            self.submit.setEnabled(True)
            self.password.clear()

        def done(actor: Actor) -> None:
            self.desk.user = actor
            self.message.clear()
            self.on_login()

        def refused(error: MmcError) -> None:
            self.message.error(explain(error))

        call = self.desk.log_in(self.username.text(), self.password.text())
        call.answered(answered).success(done).failure(refused).run(self)
