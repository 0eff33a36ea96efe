"""Which waiting call is said next, and how much of it, when calls come faster than they
can be said.

Calls are said one at a time, never overlapping, and a call in two languages lasts 11 to
17 s with the default pack: at a call every few seconds (a busy committee's hall) they
queue, and without a rule the hall falls minutes behind the board. The rule, in this one
place (the hall display's announcer and bench/voice.py both follow it):

- **Said in time or not at all.** A call whose turn comes more than `LATE_AFTER_S` after it
  appeared on the board is left unsaid (the announcer logs it); the board still shows and
  flashes it. A number heard minutes after it was shown sends a patient to a clinic that
  has moved on, and saying it would push every call behind it later still.
- **The next sentence only when no one waits.** A call is said sentence by sentence: the
  first language, then the next, then again as many times as the site says. Before each
  sentence after the first it goes on only if no other call (still in time) waits
  (`goes_on`); otherwise it ends there, said in the first language, and the next call
  begins. So while calls wait each is said in the first language only, the one the queue
  ends with in full, and a call arriving during a call waits at most for the sentence
  being said, not for the whole call. The first language is the one every patient is
  addressed in first; the board shows the call in both.
- **A recall replaces.** A call of a ticket (clinic and label) already waiting takes that
  call's place in the queue, with its own content and the time it appeared: one ticket is
  never queued twice, and the recall is said no later than the call it replaces would
  have been.

No Qt here: the clock is whatever the caller measures `appeared` and `now` with.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

LATE_AFTER_S = 45.0
"""The longest a call may wait between appearing on the board and beginning to be said.
Long enough for a burst of calls (ten at once, each in the first language) to be said
nearly whole; short enough that a patient who hears their number finds the clinic still
calling them. Checked when a call's turn comes and again when its sound is ready."""


@dataclass(frozen=True)
class Waiting(Generic[T]):
    call: T
    ticket: Hashable
    """What a recall of the same ticket is known by (the announcer: clinic and label)."""
    appeared: float
    """When it appeared on the board, in the caller's clock (seconds)."""


class CallBacklog(Generic[T]):
    """The calls waiting to be said, oldest first, and the rule of the module's docstring."""

    def __init__(self, late_after_s: float = LATE_AFTER_S) -> None:
        self.late_after_s = late_after_s
        self._waiting: list[Waiting[T]] = []

    def __len__(self) -> int:
        return len(self._waiting)

    @property
    def calls(self) -> list[T]:
        """The calls waiting, in the order they will be said."""
        return [waiting.call for waiting in self._waiting]

    def add(self, call: T, ticket: Hashable, appeared: float) -> T | None:
        """Queue `call`, which appeared on the board at `appeared`. A call of the same
        `ticket` already waiting is replaced in its place and returned (None otherwise)."""
        for i, waiting in enumerate(self._waiting):
            if waiting.ticket == ticket:
                self._waiting[i] = Waiting(call, ticket, appeared)
                return waiting.call
        self._waiting.append(Waiting(call, ticket, appeared))
        return None

    def is_late(self, appeared: float, now: float) -> bool:
        """Whether a call that appeared at `appeared` is too late to begin at `now`."""
        return now - appeared > self.late_after_s

    def goes_on(self, now: float) -> bool:
        """Whether the call being said goes on to its next sentence at `now`: no other call
        waits that could still be said."""
        return all(self.is_late(waiting.appeared, now) for waiting in self._waiting)

    def next_call(self, now: float) -> tuple[Waiting[T] | None, list[Waiting[T]]]:
        """The call to begin at `now` (None: nothing left to say) and the calls left unsaid
        because their time passed, oldest first; both leave the queue."""
        late = [waiting for waiting in self._waiting if self.is_late(waiting.appeared, now)]
        self._waiting = [waiting for waiting in self._waiting if not self.is_late(waiting.appeared, now)]
        return (self._waiting.pop(0) if self._waiting else None), late
