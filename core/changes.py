"""What a write changed, said by the core so that views read again only what they show.

Every op applied in a write transaction adds what it touched (core.ops.kinds.changes_of);
a rebuild of the view touches everything. When the transaction commits, the database
tells its watchers (core.database.Database.watch) the sum.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    queues: frozenset[str] = frozenset()
    """The clinics whose tickets changed (issued, called, ended, moved)."""
    visits: bool = False
    """Patients' visits: check-ins, clinics confirmed, PIN failures and lockouts."""
    config: bool = False
    """Clinics, exam types, users, devices, settings and PINs."""
    everything: bool = False
    """The view was rebuilt (or the caller cannot tell): read everything again."""

    def __or__(self, other: Changes) -> Changes:
        if self.everything or other.everything:
            return EVERYTHING
        return Changes(
            queues=self.queues | other.queues,
            visits=self.visits or other.visits,
            config=self.config or other.config,
        )

    def __bool__(self) -> bool:
        return self.everything or self.config or self.visits or bool(self.queues)

    def touches(self, clinic: str) -> bool:
        """Whether the queue of `clinic` (or what it is called, its room, its PIN) changed."""
        return self.everything or self.config or clinic in self.queues

    def touches_any_queue(self) -> bool:
        return self.everything or self.config or bool(self.queues)


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
CONFIG = Changes(config=True)


def queues(*clinics: str, visits: bool = False) -> Changes:
    return Changes(queues=frozenset(clinics), visits=visits)
