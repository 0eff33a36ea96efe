"""The kiosk reads the ticket aloud on request: in the large-text mode, the ticket and
place screens say the patient's number, clinic and room with the hall's voice pack
(sync.runtime.voice), in the kiosk's language first, then the site's other voice
language; no chime. Nothing is said with the mode off, or where the station has no pack."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject

from core.changes import Changes
from core.services.catalog import Catalog
from core.voice.compose import Call
from core.voice.settings import VoiceSettings, voice_settings
from kiosk.flow import TicketCard
from sync.runtime.changes import StoreChanges
from sync.runtime.sound import SoundOutput, SpeakerOutput
from sync.runtime.voice import StationVoice, Utterance
from sync.runtime.worker import StoreCall

log = logging.getLogger(__name__)


class TicketReader(QObject):
    def __init__(
        self, voice: StationVoice | None = None, output: SoundOutput | None = None, parent: QObject | None = None
    ) -> None:
        """`voice` and `output` default to this machine's pack and sound output."""
        super().__init__(parent)
        self.voice = voice or StationVoice.of_station(self)
        self.output: SoundOutput = output or SpeakerOutput(self)
        self.settings = VoiceSettings()
        self._asked = 0
        """Counts the readings asked for: one rendered after a newer was asked is dropped."""

    def follow(self, changes: StoreChanges) -> None:
        """Take the site's voice settings and clinic names now and whenever they change."""

        def changed(what: Changes) -> None:
            if what.config or what.everything:
                clinics = changes.catalog.clinics
                self.voice.name_clinics({code: (c.name_ar, c.name_en) for code, c in clinics.items()})
                StoreCall(changes.db, lambda: voice_settings(changes.db)).success(self._use_settings).run(self)

        changes.changed.connect(changed)

    def _use_settings(self, settings: VoiceSettings) -> None:
        self.settings = settings

    def read(self, card: TicketCard, catalog: Catalog, language: str) -> None:
        """Say `card`'s number, clinic and room, cutting short what was being said."""
        self.stop()
        asked = self._asked
        clinic = catalog.clinics.get(card.clinic)
        languages = (language, *(other for other in self.settings.languages if other != language))
        call = Call(card.label, card.clinic, clinic.room if clinic is not None else "")

        def rendered(said: Utterance) -> None:
            if asked == self._asked:
                for sound in said.sounds[:1]:
                    self.output.play(sound.pcm, sound.rate, lambda: None)

        once = replace(self.settings, repeat=1)
        self.voice.render(call, once, rendered, languages=languages, chime=False)

    def stop(self) -> None:
        """Say nothing more (the mode was turned off, or the screen changed)."""
        self._asked += 1
        self.output.stop()
