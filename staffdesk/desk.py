"""The console's session: who is logged in, and what each click asks of the core.

Every action is a core service called with the logged-in user as the actor, so the role
check and the audit entry are the core's; it runs as a store call (sync.runtime.worker),
off the GUI thread, and the desk pokes sync once it has answered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from core.database import Database
from core.permissions import ALLOWED, Actor
from core.services.catalog import NOT_READ_YET, Catalog
from core.services.config import log_in
from sync.runtime.worker import StoreCall

T = TypeVar("T")


class NotLoggedIn(RuntimeError):
    """An action was asked of the desk with nobody logged in (a bug: the pages are hidden
    until someone logs in)."""


class Desk:
    def __init__(self, db: Database, *, on_change: Callable[[], None] = lambda: None) -> None:
        self.db = db
        self.user: Actor | None = None
        self.on_change = on_change
        self.catalog: Catalog = NOT_READ_YET
        """Clinics, exam types and settings as of the last change to them (the window
        keeps it current from sync.runtime.changes)."""
        self.now: Callable[[], dt.datetime | None] = lambda: None
        """The time the actions take place at; None is the real clock (tests set a day)."""

    def log_in(self, username: str, password: str) -> StoreCall[Actor]:
        """The check of the password (argon2, slow on purpose), as a store call; its
        success makes the user the desk's."""
        name = username.strip()

        def logged_in() -> Actor:
            return log_in(self.db, username=name, password=password)

        return StoreCall(self.db, logged_in)

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

    def act(self, work: Callable[[Database, Actor], T]) -> StoreCall[T]:
        """A change made as the logged-in user (`work` calls one core service with the
        store and the actor it is given); sync is poked once it has answered."""
        actor = self.actor
        return StoreCall(self.db, lambda: work(self.db, actor), after=self.on_change)

    def read(self, query: Callable[[Database], T]) -> StoreCall[T]:
        return StoreCall(self.db, lambda: query(self.db))
