"""The console's session: who is logged in, and what each click asks of the core.

Every action goes through a core service with the logged-in user as the actor, so the
role check and the audit entry are the core's; it runs on the store's worker thread
(sync.runtime.worker), and the desk pokes sync afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from core.database import Database
from core.permissions import ALLOWED, Actor
from core.services.config import log_in
from sync.runtime.worker import on_store

T = TypeVar("T")


class NotLoggedIn(RuntimeError):
    """An action was asked of the desk with nobody logged in (a bug: the pages are hidden
    until someone logs in)."""


class Desk:
    def __init__(self, db: Database, *, on_change: Callable[[], None] = lambda: None) -> None:
        self.db = db
        self.user: Actor | None = None
        self.on_change = on_change
        self.now: Callable[[], dt.datetime | None] = lambda: None
        """The time the actions take place at; None is the real clock (tests set a day)."""

    def log_in(self, username: str, password: str) -> Actor:
        self.user = on_store(self.db, lambda: log_in(self.db, username=username.strip(), password=password))
        return self.user

    def log_out(self) -> None:
        self.user = None

    def forget_key(self) -> None:
        """While the console is locked it holds no signing key: whoever unlocks it types
        their password again, which derives the key anew."""
        if self.user is not None:
            self.user = Actor(self.user.name, self.user.role)

    def can(self, permission: str) -> bool:
        return self.user is not None and self.user.role in ALLOWED[permission]

    @property
    def actor(self) -> Actor:
        if self.user is None:
            raise NotLoggedIn()
        return self.user

    def act(self, service: Callable[..., T], **fields: Any) -> T:
        """Run a service that changes something, as the logged-in user, on the store's
        worker (sync.runtime.worker), then push."""
        actor = self.actor
        result = on_store(self.db, lambda: service(self.db, actor, **fields))
        self.on_change()
        return result

    def act_now(self, service: Callable[..., T], **fields: Any) -> T:
        """`act` for the services that take the time of the action."""
        return self.act(service, now=self.now(), **fields)
