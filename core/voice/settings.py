"""How a site wants its calls said: the site settings voice_languages, voice_volume,
voice_repeat and voice_chime (core.settings), read as one value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.database import Database
from core.settings import DEFAULTS, setting


@dataclass(frozen=True)
class VoiceSettings:
    languages: tuple[str, ...] = tuple(DEFAULTS["voice_languages"])
    """The languages each call is said in, in this order."""
    volume: int = DEFAULTS["voice_volume"]
    """Percent, 0 to 100."""
    repeat: int = DEFAULTS["voice_repeat"]
    chime: bool = DEFAULTS["voice_chime"]

    @property
    def gain(self) -> float:
        return self.volume / 100

    @classmethod
    def of(cls, value: Callable[[str], Any]) -> VoiceSettings:
        """From `value(key)` of each setting."""
        return cls(
            languages=tuple(value("voice_languages")),
            volume=int(value("voice_volume")),
            repeat=int(value("voice_repeat")),
            chime=bool(value("voice_chime")),
        )


def voice_settings(db: Database) -> VoiceSettings:
    """The site's voice settings as this store has them."""
    with db.read() as session:
        return VoiceSettings.of(lambda key: setting(session, key))
