"""The audit log: who did what, when, and whether it was refused; with filters."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout

from core.clock import SITE_ZONE, from_iso
from core.services.audit import AuditRow, audit_log
from staffdesk.desk import Desk
from staffdesk.messages import audit_action_name, audit_detail, audit_target, tr
from staffdesk.pages.common import MessageLine, Page, fill, headers, table
from sync.runtime.widgets import button


def local_time(iso: str) -> str:
    return from_iso(iso).astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M:%S")


class AuditPage(Page):
    permission = "view_audit"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.who = QLineEdit()
        self.who.setObjectName("audit_who")
        self.action = QLineEdit()
        self.action.setObjectName("audit_action")
        self.text = QLineEdit()
        self.text.setObjectName("audit_text")
        self.outcome = QComboBox()
        self.outcome.setObjectName("audit_outcome")
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.apply = button("audit_apply", "primary")
        self.entries = table("audit_entries", 6)
        self.message = MessageLine("audit_message")
        filters = QHBoxLayout()
        for widget in (self.who, self.action, self.text, self.outcome, self.apply):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.message)
        self.apply.clicked.connect(self.refresh)
        for edit in (self.who, self.action, self.text):
            edit.returnPressed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.who.setPlaceholderText(tr("User"))
        self.action.setPlaceholderText(tr("Action (e.g. call_next)"))
        self.text.setPlaceholderText(tr("Text in target or detail"))
        chosen = self.outcome.currentIndex()
        self.outcome.clear()
        for value, text in (("", tr("Any outcome")), ("ok", tr("Done")), ("refused", tr("Refused"))):
            self.outcome.addItem(text, value)
        self.outcome.setCurrentIndex(max(chosen, 0))
        self.apply.setText(tr("Filter"))
        headers(self.entries, [tr("Time"), tr("User"), tr("Action"), tr("Target"), tr("Outcome"), tr("Detail")])
        self.refresh()

    def refresh(self) -> None:
        if self.desk.user is None or not self.desk.can(self.permission):
            return
        actor = self.desk.actor
        who, action, text = self.who.text().strip(), self.action.text().strip(), self.text.text().strip()
        outcome = str(self.outcome.currentData() or "")
        self.read(lambda db: audit_log(db, actor, who=who, action=action, outcome=outcome, text=text), self._show)

    def _show(self, rows: list[AuditRow]) -> None:
        outcome = {"ok": tr("Done"), "refused": tr("Refused")}
        clinics = self.desk.catalog.clinics

        def name_of(code: str) -> str | None:
            info = clinics.get(code)
            return info.name(self.language) if info else None

        fill(
            self.entries,
            [
                (
                    local_time(r.at),
                    r.actor,
                    audit_action_name(r.action),
                    audit_target(r.target, name_of),
                    outcome.get(r.outcome, r.outcome),
                    audit_detail(r.detail) if r.detail else "",
                )
                for r in rows
            ],
        )
        self.message.info(tr("%n entries (newest first)", None, len(rows)))
