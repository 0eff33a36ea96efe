"""Message texts in Arabic and English, one per event kind, with {placeholders}.

A site changes any of them in the configuration; each is checked when the server starts
(a placeholder the event kind does not have, or a misspelt kind, stops the start with the
reason), so a message never goes out with a hole in it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sync.server.notify.plugin import EVENT_KINDS, LANGUAGES, EventKind, NotificationEvent, NotifierConfigError

PLACEHOLDERS: dict[EventKind, frozenset[str]] = {
    "ticket_issued": frozenset({"site", "ticket", "clinic", "room", "ahead", "wait_minutes"}),
    "few_ahead": frozenset({"site", "ticket", "clinic", "room", "ahead"}),
    "called": frozenset({"site", "ticket", "clinic", "room"}),
    "route_complete": frozenset({"site"}),
}
"""What each kind of message may say."""

DEFAULT_TEMPLATES: dict[str, dict[EventKind, str]] = {
    "ar": {
        "ticket_issued": (
            "{site}: رقمك {ticket} في {clinic}، غرفة {room}. عدد من أمامك: {ahead}. "
            "الانتظار المتوقع بالدقائق: {wait_minutes}."
        ),
        "few_ahead": (
            "{site}: اقترب دورك في {clinic}. رقمك {ticket}، وعدد من أمامك: {ahead}. يرجى الاقتراب من غرفة {room}."
        ),
        "called": "{site}: حان دورك. الرقم {ticket}، يرجى التوجه الآن إلى {clinic}، غرفة {room}.",
        "route_complete": "{site}: أتممت جميع عيادات مسارك اليوم. شكرًا لك.",
    },
    "en": {
        "ticket_issued": (
            "{site}: your number is {ticket} at {clinic}, room {room}. People ahead of you: {ahead}. "
            "Expected wait: about {wait_minutes} min."
        ),
        "few_ahead": (
            "{site}: your turn at {clinic} is near. Number {ticket}, people ahead of you: {ahead}. "
            "Please come close to room {room}."
        ),
        "called": "{site}: it is your turn. Number {ticket}, please go now to {clinic}, room {room}.",
        "route_complete": "{site}: you have finished every clinic of your route today. Thank you.",
    },
}
NO_ROOM = "-"


def placeholders_of(text: str) -> list[str]:
    """The placeholders a template uses; ValueError for one that is not a plain {name}."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
        names.append(name)
    return names


def template_problem(kind: EventKind, text: str) -> str | None:
    """Why `text` cannot be the message of `kind` (None when it can)."""
    if not text.strip():
        return "is empty"
    try:
        names = placeholders_of(text)
    except ValueError as error:
        return f"has {error}, which is not a plain {{name}}"
    unknown = sorted(set(names) - PLACEHOLDERS[kind])
    if unknown:
        allowed = ", ".join("{" + name + "}" for name in sorted(PLACEHOLDERS[kind]))
        return f"uses {{{unknown[0]}}}, which a {kind} message does not have (it has {allowed})"
    return None


@dataclass(frozen=True)
class Templates:
    texts: Mapping[str, Mapping[EventKind, str]]

    @classmethod
    def from_options(cls, where: str, given: Any) -> Templates:
        """The default texts with the configuration's `given` ({language: {kind: text}})
        over them; NotifierConfigError naming `where` and the problem."""
        if given is None:
            given = {}
        if not isinstance(given, Mapping):
            raise NotifierConfigError(detail=f"{where}: a table of languages (ar, en), each a table of messages")
        texts: dict[str, dict[EventKind, str]] = {lang: dict(DEFAULT_TEMPLATES[lang]) for lang in LANGUAGES}
        for language, messages in given.items():
            if language not in LANGUAGES:
                raise NotifierConfigError(detail=f"{where}.{language}: the languages are ar and en")
            if not isinstance(messages, Mapping):
                raise NotifierConfigError(detail=f"{where}.{language}: a table of messages by kind")
            for kind, text in messages.items():
                if kind not in EVENT_KINDS:
                    kinds = ", ".join(EVENT_KINDS)
                    raise NotifierConfigError(detail=f"{where}.{language}.{kind}: no such message (they are {kinds})")
                if not isinstance(text, str):
                    raise NotifierConfigError(detail=f"{where}.{language}.{kind}: a message is text")
                problem = template_problem(kind, text)
                if problem is not None:
                    raise NotifierConfigError(detail=f"{where}.{language}.{kind} {problem}")
                texts[language][kind] = text
        return cls(texts)

    def render(self, event: NotificationEvent) -> str:
        """The message for `event` in the patient's language."""
        values: dict[str, object] = {
            "site": event.site_name,
            "ticket": event.ticket,
            "clinic": event.clinic_name or event.clinic,
            "room": event.room or NO_ROOM,
            "ahead": event.ahead if event.ahead is not None else "",
            "wait_minutes": event.wait_minutes if event.wait_minutes is not None else "",
        }
        return self.texts[event.language][event.kind].format_map(values)
