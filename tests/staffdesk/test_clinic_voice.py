"""New clinics speak: a station makes the name clips its voice pack lacks (a clinic added
after the pack was made) or has stale (renamed since), into its own folder, and says them
instead of the pack's; without the engine a new name is left out and the call still heard.
The speech engine is the one thing replaced here (by tones); espeak-ng itself is run once
where it is installed."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from array import array
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.permissions import SYSTEM, Actor
from core.services.config import upsert_clinic
from core.services.queue import call_next, clinic_queue, transfer
from core.store import Store
from core.voice import pcm
from core.voice.clinic_names import make_station_clips, says, stale_names, station_clips_root, with_station_clips
from core.voice.compose import Call
from core.voice.espeak import EngineMissing, speak
from core.voice.pack import VoicePack
from core.voice.render import render_call
from staffdesk.display.announcer import Announcer
from staffdesk.display.window import DisplayWindow
from sync.runtime.qt import Languages
from sync.runtime.voice import StationVoice, voice_work_under_way
from tests.qtsupport import settle
from tests.voicesupport import RATE, RecordingOutput, make_pack, site_clinics, tone

NURSE = Actor("nurse", "staff")


class ToneSpeaker:
    """Stands in for espeak-ng: a tone for each text, and a list of what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def __call__(self, text: str, language: str, rate: int) -> array[int]:
        self.asked.append((language, text))
        return tone(0.05, 300 + 10 * len(self.asked), rate)


def no_engine(text: str, language: str, rate: int) -> array[int]:
    raise EngineMissing("espeak-ng is not installed: on Debian, apt-get install espeak-ng")


@pytest.fixture
def pack(tmp_path: Path) -> VoicePack:
    return make_pack(tmp_path / "pack")


def test_a_clinic_added_or_renamed_after_the_pack_was_made_has_stale_names(pack: VoicePack) -> None:
    clinics = site_clinics()
    assert stale_names(pack, clinics) == {}
    clinics["vitals"] = ("العلامات الحيوية", "Vital Signs and Triage")
    clinics["hearing"] = ("السمع", "Hearing")
    assert sorted(stale_names(pack, clinics)) == ["ar/clinic/hearing", "en/clinic/hearing", "en/clinic/vitals"]


def test_a_name_with_vowel_marks_or_in_a_longer_form_is_the_same_name() -> None:
    assert says("العَلاماتُ الحَيَوِيَّة", "العلامات الحيوية")
    assert says("vital  signs", "Vital Signs")
    assert says("عيادة العيون", "العيون"), "a committee may record a longer form"
    assert not says("Vital Signs", "Vital Signs and Triage")


def test_a_station_makes_the_missing_names_once_into_its_own_folder(pack: VoicePack, tmp_path: Path) -> None:
    clinics = {**site_clinics(), "hearing": ("السمع", "Hearing")}
    root = tmp_path / "station"
    speaker = ToneSpeaker()
    assert make_station_clips(pack, clinics, root, speaker) == ["ar/clinic/hearing", "en/clinic/hearing"]
    assert speaker.asked == [("ar", "السمع"), ("en", "Hearing")]
    spoken = with_station_clips(pack, clinics, root)
    assert spoken.clips["en/clinic/hearing"].parent.parent == root / "en"
    assert spoken.texts["ar/clinic/hearing"] == "السمع"
    fmt, samples = pcm.read_samples(spoken.clips["en/clinic/hearing"])
    assert (fmt.rate, fmt.channels) == (pack.rate, 1) and pcm.peak(samples) > 1_000
    assert spoken.clips["en/clinic/vitals"] == pack.clips["en/clinic/vitals"], "the pack's own where it is current"
    assert make_station_clips(pack, clinics, root, speaker) == [], "made once"
    rendered = render_call(spoken, Call("7", "hearing", "2"))
    assert rendered.missing == []


def test_a_renamed_clinic_gets_its_new_name_and_the_old_clip_is_not_used(pack: VoicePack, tmp_path: Path) -> None:
    root = tmp_path / "station"
    speaker = ToneSpeaker()
    clinics = {**site_clinics(), "hearing": ("السمع", "Hearing")}
    make_station_clips(pack, clinics, root, speaker)
    renamed = {**clinics, "hearing": ("السمع", "Audiology")}
    assert with_station_clips(pack, renamed, root).clips.get("en/clinic/hearing") is None, "not the old name"
    assert make_station_clips(pack, renamed, root, speaker) == ["en/clinic/hearing"]
    assert with_station_clips(pack, renamed, root).texts["en/clinic/hearing"] == "Audiology"
    assert with_station_clips(pack, renamed, root).texts["ar/clinic/hearing"] == "السمع", "the Arabic one kept"


def test_a_committees_recording_of_the_present_name_wins_over_a_made_one(pack: VoicePack, tmp_path: Path) -> None:
    root = tmp_path / "station"
    old_name = make_pack(tmp_path / "old", texts={"en/clinic/vitals": "Vitals"})
    make_station_clips(old_name, site_clinics(), root, ToneSpeaker())
    assert with_station_clips(old_name, site_clinics(), root).clips["en/clinic/vitals"].is_relative_to(root)
    assert with_station_clips(pack, site_clinics(), root).clips["en/clinic/vitals"] == pack.clips["en/clinic/vitals"]


def test_without_the_engine_nothing_is_made_and_what_was_made_stays(pack: VoicePack, tmp_path: Path) -> None:
    root = tmp_path / "station"
    make_station_clips(pack, {**site_clinics(), "hearing": ("السمع", "Hearing")}, root, ToneSpeaker())
    more = {**site_clinics(), "hearing": ("السمع", "Hearing"), "sleep": ("عيادة النوم", "Sleep Clinic")}
    with pytest.raises(EngineMissing):
        make_station_clips(pack, more, root, no_engine)
    kept = with_station_clips(pack, more, root)
    assert "en/clinic/hearing" in kept.clips and "en/clinic/sleep" not in kept.clips


def test_a_station_keeps_its_names_in_its_data_folder(tmp_path: Path) -> None:
    assert station_clips_root() == tmp_path / "data" / "voice-clinics"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_ng_says_a_new_name_in_each_language(pack: VoicePack, tmp_path: Path) -> None:
    root = tmp_path / "station"
    clinics = {**site_clinics(), "hearing": ("السمع", "Hearing")}
    assert make_station_clips(pack, clinics, root, speak) == ["ar/clinic/hearing", "en/clinic/hearing"]
    spoken = with_station_clips(pack, clinics, root)
    for key in ("ar/clinic/hearing", "en/clinic/hearing"):
        fmt, samples = pcm.read_samples(spoken.clips[key])
        assert fmt.rate == RATE and 0.2 < len(samples) / fmt.rate < 3, key
        assert pcm.dbfs(pcm.peak(samples)) > -10, f"{key} is heard"


def make_display(
    qtbot: QtBot, store: Store, morning: dt.datetime, voice: StationVoice, output: RecordingOutput
) -> DisplayWindow:
    announcer = Announcer(engine="", voice=voice, output=output)
    window = DisplayWindow(store.db, announcer, language="en", now=lambda: morning + dt.timedelta(hours=1))
    qtbot.addWidget(window)
    settle(qtbot)
    qtbot.waitUntil(lambda: window.shown.rows != [], timeout=5000)
    return window


def add_hearing(store: Store, morning: dt.datetime) -> None:
    """The admin adds a clinic, and a patient already waits there."""
    upsert_clinic(store.db, SYSTEM, code="hearing", name_ar="السمع", name_en="Hearing", room="110")
    at = morning + dt.timedelta(minutes=34)
    waiting = [t for t in clinic_queue(store.db, clinic="vitals", now=at) if t.status == "WAITING"]
    transfer(store.db, NURSE, ticket_id=waiting[-1].ticket_id, to_clinic="hearing", now=at)


def test_the_display_says_a_clinic_the_admin_just_added(
    qtbot: QtBot, languages: Languages, clinic_store: Store, morning: dt.datetime, pack: VoicePack, tmp_path: Path
) -> None:
    speaker = ToneSpeaker()
    voice = StationVoice(pack, clips_root=tmp_path / "station", speaker=speaker)
    output = RecordingOutput(speed=4)
    display = make_display(qtbot, clinic_store, morning, voice, output)
    add_hearing(clinic_store, morning)
    qtbot.waitUntil(lambda: "en/clinic/hearing" in voice.pack.clips if voice.pack else False, timeout=10_000)
    assert speaker.asked == [("ar", "السمع"), ("en", "Hearing")]
    call_next(clinic_store.db, NURSE, clinic="hearing", room="110", now=morning + dt.timedelta(minutes=40))
    qtbot.waitUntil(lambda: len(display.announcer.done) == 1, timeout=20_000)
    assert b"".join(p.pcm for p in output.played) == render_call(voice.pack, Call("1", "hearing", "110")).pcm
    assert render_call(voice.pack, Call("1", "hearing", "110")).missing == []


def test_without_the_engine_the_new_clinic_is_called_without_its_name_and_that_is_logged_once(
    qtbot: QtBot,
    languages: Languages,
    clinic_store: Store,
    morning: dt.datetime,
    pack: VoicePack,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="sync.runtime.voice")
    voice = StationVoice(pack, clips_root=tmp_path / "station", speaker=no_engine)
    output = RecordingOutput(speed=4)
    display = make_display(qtbot, clinic_store, morning, voice, output)
    add_hearing(clinic_store, morning)
    qtbot.waitUntil(lambda: "cannot be made" in caplog.text, timeout=10_000)
    upsert_clinic(clinic_store.db, SYSTEM, code="hearing", name_ar="السمع", name_en="Audiology", room="110")
    settle(qtbot)
    qtbot.waitUntil(lambda: voice_work_under_way() == 0, timeout=10_000)
    call_next(clinic_store.db, NURSE, clinic="hearing", room="110", now=morning + dt.timedelta(minutes=40))
    qtbot.waitUntil(lambda: len(display.announcer.done) == 1, timeout=20_000)
    without_name = render_call(pack, Call("1", "hearing", "110"))
    assert without_name.missing == ["ar/clinic/hearing", "en/clinic/hearing"]
    assert b"".join(p.pcm for p in output.played) == without_name.pcm
    assert caplog.text.count("cannot be made") == 1
