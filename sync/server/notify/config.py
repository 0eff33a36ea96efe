"""The server's notification configuration: a TOML file, named by `mmc server run
--notify-config FILE` or `MMC_NOTIFY_CONFIG` (on a Debian install, in
/etc/default/mmc-server). Without one, no message is sent and the kiosks ask for no number.

    [notifications]
    notifiers = ["sms", "webhook"]   # each a table below, by name
    phone_format = "05[0-9]{8}"      # the numbers the kiosks take (a regular expression)
    default_language = "ar"          # for a patient whose language is not known
    few_ahead = 3                    # "3 ahead of you" (0: no such message)

    [sms]                            # options of the notifier "sms" (sync.server.notify.sms)
    url = "https://gateway.example/send"

    [ward_hook]                      # a second webhook: `plugin` names the notifier it is
    plugin = "webhook"

Everything is checked when the server starts; a mistake stops it with a message naming
the setting.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.phones import format_problem
from sync.server.notify.plugin import LANGUAGES, Language, NotifierConfigError

ENVIRONMENT = "MMC_NOTIFY_CONFIG"
MAX_TIMEOUT_S = 30.0
"""The longest a shipped notifier waits for a receiver's answer (its `timeout_s`)."""
NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")


class Options:
    """A table of the configuration, read with checks that name the setting at fault."""

    def __init__(self, where: str, values: Mapping[str, Any]) -> None:
        self.where = where
        self.values = values

    def _fail(self, key: str, what: str) -> NotifierConfigError:
        return NotifierConfigError(detail=f"{self.where}.{key}: {what}")

    def only(self, *keys: str) -> None:
        """Refuse a key not in `keys` (a misspelt setting would otherwise pass unseen)."""
        unknown = sorted(set(self.values) - set(keys))
        if unknown:
            raise self._fail(unknown[0], f"no such setting (the settings are {', '.join(sorted(keys))})")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.values.get(key, default)
        if value is None:
            raise self._fail(key, "missing")
        if not isinstance(value, str):
            raise self._fail(key, "text is expected")
        return value

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self.values.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise self._fail(key, f"a number from {low:g} to {high:g}")
        return float(value)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.values.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, f"a whole number from {low} to {high}")
        return value

    def texts(self, key: str, default: Mapping[str, str] | None = None) -> dict[str, str]:
        """A table of text values."""
        value = self.values.get(key, default or {})
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise self._fail(key, "a table of text values")
        return {str(k): v for k, v in value.items()}

    def url(self, key: str) -> str:
        value = self.text(key)
        if not re.match(r"https?://[^\s/]+", value):
            raise self._fail(key, "an http:// or https:// address")
        return value

    def secret(self, key: str) -> bytes:
        """A secret given in the file (`key`) or, better, in a file of its own (`key_file`)."""
        given, path = self.values.get(key), self.values.get(f"{key}_file")
        if (given is None) == (path is None):
            raise self._fail(key, f"give either {key} or {key}_file")
        if path is not None:
            if not isinstance(path, str):
                raise self._fail(f"{key}_file", "a file name")
            try:
                given = Path(path).read_text(encoding="utf-8").strip()
            except OSError as error:
                raise self._fail(f"{key}_file", f"cannot be read ({error.strerror})") from None
        if not isinstance(given, str) or len(given) < 16:
            raise self._fail(key, "at least 16 characters")
        return given.encode()


@dataclass(frozen=True)
class NotifierSetup:
    name: str
    """The notifier's own name (events are delivered to each by name)."""
    plugin: str
    """Which notifier it is (an `mmc.notifiers` entry point)."""
    options: Mapping[str, Any]


@dataclass(frozen=True)
class NotifyConfig:
    notifiers: tuple[NotifierSetup, ...]
    phone_format: str
    default_language: Language
    few_ahead: int
    retry_first_s: float = 5.0
    retry_max_s: float = 600.0
    give_up_after_s: float = 12 * 3600.0
    """An event not delivered after this long is dropped (the news is stale)."""
    keep_days: int = 7
    """Delivered and dropped events (no number in them) are kept this long, then deleted."""
    poll_s: float = 1.0
    """How often the op log and the queue are looked at when nothing wakes them."""


def parse_config(data: Mapping[str, Any], where: str = "notify") -> NotifyConfig:
    """The configuration in `data` (a parsed TOML document), checked."""
    if "notifications" not in data or not isinstance(data["notifications"], Mapping):
        raise NotifierConfigError(detail=f"{where}: a [notifications] table is needed")
    main = Options(f"{where}: notifications", data["notifications"])
    main.only(
        "notifiers",
        "phone_format",
        "default_language",
        "few_ahead",
        "retry_first_s",
        "retry_max_s",
        "give_up_after_h",
        "keep_days",
        "poll_s",
    )
    names = data["notifications"].get("notifiers", [])
    if not isinstance(names, list) or not all(isinstance(n, str) and NAME.fullmatch(n) for n in names):
        raise NotifierConfigError(detail=f'{where}: notifications.notifiers: a list of names such as ["sms"]')
    if len(set(names)) != len(names):
        raise NotifierConfigError(detail=f"{where}: notifications.notifiers: each name once")
    setups = []
    for name in names:
        table = data.get(name, {})
        if not isinstance(table, Mapping):
            raise NotifierConfigError(detail=f"{where}: [{name}] must be a table of the notifier's options")
        plugin = table.get("plugin", name)
        if not isinstance(plugin, str) or not NAME.fullmatch(plugin):
            raise NotifierConfigError(detail=f"{where}: {name}.plugin: the name of a notifier")
        setups.append(NotifierSetup(name, plugin, {k: v for k, v in table.items() if k != "plugin"}))
    phone = main.text("phone_format", "")
    problem = format_problem(phone) if phone else None
    if problem is not None:
        raise NotifierConfigError(detail=f"{where}: notifications.phone_format: {problem}")
    language = main.text("default_language", "ar")
    if language not in LANGUAGES:
        raise NotifierConfigError(detail=f"{where}: notifications.default_language: ar or en")
    first = main.number("retry_first_s", 5, 0.05, 3600)
    return NotifyConfig(
        notifiers=tuple(setups),
        phone_format=phone,
        default_language="en" if language == "en" else "ar",
        few_ahead=main.integer("few_ahead", 3, 0, 50),
        retry_first_s=first,
        retry_max_s=main.number("retry_max_s", 600, first, 86_400),
        give_up_after_s=main.number("give_up_after_h", 12, 0.01, 72) * 3600,
        keep_days=main.integer("keep_days", 7, 1, 365),
        poll_s=main.number("poll_s", 1, 0.05, 60),
    )


def read_config(path: Path) -> NotifyConfig:
    """The configuration in the TOML file `path`, checked."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except OSError as error:
        raise NotifierConfigError(detail=f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise NotifierConfigError(detail=f"{path}: not valid TOML ({error})") from None
    return parse_config(data, str(path))


def configured_path(given: str | None) -> Path | None:
    """The configuration file named on the command line, else by the environment."""
    chosen = given or os.environ.get(ENVIRONMENT) or None
    return Path(chosen) if chosen else None
