"""The console's link with the server: online or offline since when, ops waiting, last
push and pull, and the actions the server refused, with its reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QVBoxLayout

from core.clock import SITE_ZONE
from staffdesk.desk import Desk
from staffdesk.messages import action_name, refusal_reason, tr
from staffdesk.pages.common import Page, fill, headers, table
from sync.runtime.widgets import label

if TYPE_CHECKING:
    import datetime as dt

    from sync.client import SyncStatus


def clock(at: dt.datetime | None) -> str:
    return at.astimezone(SITE_ZONE).strftime("%H:%M:%S") if at else NOT_YET


NOT_YET = "—"


class SyncPage(Page):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.state = label(name="sync_state", wrap=True)
        self.waiting = label(name="sync_waiting")
        self.last_push = label(name="sync_last_push")
        self.last_pull = label(name="sync_last_pull")
        self.captions = [label(wrap=False) for _ in range(4)]
        self.refused_title = label("page-title")
        self.refused = table("sync_refused", 2)
        form = QFormLayout()
        for caption, value in zip(
            self.captions, (self.state, self.waiting, self.last_push, self.last_pull), strict=True
        ):
            form.addRow(caption, value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refused_title)
        layout.addWidget(self.refused, 1)
        self.status: SyncStatus | None = None
        self.retranslate()

    def retranslate(self) -> None:
        for caption, text in zip(
            self.captions, (tr("Server"), tr("Waiting to send"), tr("Last sent"), tr("Last received")), strict=True
        ):
            caption.setText(text)
        self.refused_title.setText(tr("Actions the server refused"))
        headers(self.refused, [tr("Action"), tr("Reason")])
        self.show_status(self.status)

    def show_status(self, status: SyncStatus | None) -> None:
        self.status = status
        if status is None:
            self.state.setText(tr("Not connected to a server: this console is a one-machine site."))
            self.waiting.setText(str(0))
            self.last_push.setText(clock(None))
            self.last_pull.setText(clock(None))
            fill(self.refused, [])
            return
        if status.online:
            self.state.setText(tr("Online"))
        else:
            since = clock(status.offline_since)
            if status.problem:
                self.state.setText(tr("Offline since {time}: {problem}").format(time=since, problem=status.problem))
            else:
                self.state.setText(tr("Offline since {time}.").format(time=since))
        self.waiting.setText(str(status.ops_waiting))
        self.last_push.setText(clock(status.last_push))
        self.last_pull.setText(clock(status.last_pull))
        fill(
            self.refused,
            [(action_name(r.kind), refusal_reason(r)) for r in status.refused],
            [r.op_id for r in status.refused],
        )
