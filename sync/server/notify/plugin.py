"""What a notifier is, and how the server finds the ones it is configured with.

A notifier is any object with a `name` and a `deliver(event)` method; a package offers
one through the `mmc.notifiers` entry-point group, naming a factory called with the
notifier's name and its options from the configuration:

    [project.entry-points."mmc.notifiers"]
    whatsapp = "mmc_whatsapp:WhatsAppNotifier"

`deliver` returns once the receiver has the event, or raises `RetryableDelivery` (tried
again later, with backoff) or `PermanentDelivery` (it would fail again: dropped and
logged). Any other exception counts as retryable. The same event may be delivered more
than once (after a timeout whose request did arrive, or a restart): receivers keep
`event_id` to drop repeats, and a patient's events reach a notifier in their order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from importlib.metadata import entry_points
from typing import Any, Literal, Protocol, runtime_checkable

from core.errors import MmcError

log = logging.getLogger(__name__)

GROUP = "mmc.notifiers"
EventKind = Literal["ticket_issued", "few_ahead", "called", "route_complete"]
EVENT_KINDS: tuple[EventKind, ...] = ("ticket_issued", "few_ahead", "called", "route_complete")
Language = Literal["ar", "en"]
LANGUAGES: tuple[Language, ...] = ("ar", "en")


@dataclass(frozen=True)
class NotificationEvent:
    """One thing to tell one patient, in their language.

    `ticket_issued`: a new ticket, with the place in its queue (`ahead`, `wait_minutes`);
    `few_ahead`: only `ahead` people are before them now; `called`: a clinic called them
    (`room`); `route_complete`: every clinic of their route is done."""

    event_id: str
    """The idempotency key: the same event always has the same id."""
    kind: EventKind
    occurred_at: str
    visit_id: str
    phone: str
    language: Language
    site_name: str
    ticket: str = ""
    clinic: str = ""
    """The clinic's code; `clinic_name` is its name in `language`."""
    clinic_name: str = ""
    room: str = ""
    ahead: int | None = None
    wait_minutes: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class DeliveryFailed(Exception):
    """The receiver does not have the event (yet)."""


class RetryableDelivery(DeliveryFailed):
    """Worth trying again later: the receiver was down, slow or busy."""


class PermanentDelivery(DeliveryFailed):
    """Trying again would fail the same way (the receiver refused the request)."""


class NotifierConfigError(MmcError):
    """The notification configuration cannot be used; the server does not start with it."""

    code = "notify_config"
    template = "{detail}"


@runtime_checkable
class Notifier(Protocol):
    name: str

    def deliver(self, event: NotificationEvent) -> None:
        """Hand `event` to the receiver; raises RetryableDelivery or PermanentDelivery."""


NotifierFactory = Callable[[str, Mapping[str, Any]], Notifier]
"""Builds a notifier from its name and options; raises NotifierConfigError for bad options."""


def shipped() -> dict[str, NotifierFactory]:
    """The notifiers the server ships, also when a frozen build lacks the entry points."""
    from sync.server.notify.sms import SmsGateway
    from sync.server.notify.webhook import SignedWebhook

    return {"webhook": SignedWebhook, "sms": SmsGateway}


def factories() -> dict[str, NotifierFactory]:
    """Every notifier by name: the shipped ones, and those packages add (which win)."""
    found = shipped()
    for entry in entry_points(group=GROUP):
        try:
            found[entry.name] = entry.load()
        except Exception as error:
            raise NotifierConfigError(
                detail=f"the notifier {entry.name!r} ({entry.value}) fails to load: {error}"
            ) from error
    return found


def close_notifier(notifier: Notifier) -> None:
    """Let a notifier release what it holds (connections), if it has a `close`."""
    close = getattr(notifier, "close", None)
    if callable(close):
        try:
            close()
        except Exception:
            log.exception("notifier %s failed to close", notifier.name)
