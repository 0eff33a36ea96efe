"""The machine's sound output (QAudioSink): a buffer is played whole and its end is
reported once; without a sound device each buffer ends at once and that is logged once,
so the announcements go on. Which of the two runs depends on the machine (a sound server
with a null sink, e.g. PulseAudio's module-null-sink, gives the first)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from core.voice.compose import Call
from core.voice.render import render_call
from staffdesk.display.announcer import Announcement, Announcer
from sync.runtime.sound import SpeakerOutput
from sync.runtime.voice import StationVoice
from tests.voicesupport import make_pack, tone

RATE = 22_050


def has_sound_device() -> bool:
    return not QMediaDevices.defaultAudioOutput().isNull()


def test_a_buffer_is_played_whole_and_its_end_reported_once(qtbot: QtBot) -> None:
    if not has_sound_device():
        pytest.skip("this machine has no sound output")
    output = SpeakerOutput()
    ends: list[float] = []
    pcm = tone(0.4, 440, RATE).tobytes()
    started = time.monotonic()
    output.play(pcm, RATE, lambda: ends.append(time.monotonic()))
    qtbot.waitUntil(lambda: ends != [], timeout=5000)
    qtbot.wait(300)
    assert len(ends) == 1
    assert ends[0] - started >= 0.3, "not before the buffer has been played"


def test_a_buffer_cut_short_reports_no_end(qtbot: QtBot) -> None:
    if not has_sound_device():
        pytest.skip("this machine has no sound output")
    output = SpeakerOutput()
    ends: list[float] = []
    output.play(tone(1.0, 440, RATE).tobytes(), RATE, lambda: ends.append(time.monotonic()))
    qtbot.wait(100)
    output.stop()
    qtbot.wait(1200)
    assert ends == []


def test_without_a_sound_device_each_buffer_ends_at_once_and_that_is_logged_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    if has_sound_device():
        pytest.skip("this machine has a sound output")
    caplog.set_level(logging.WARNING, logger="sync.runtime.sound")
    output = SpeakerOutput()
    ends: list[int] = []
    for n in range(2):
        output.play(tone(2.0, 440, RATE).tobytes(), RATE, lambda n=n: ends.append(n))  # type: ignore[misc]
        assert ends == [e for e in range(n)], "never before play returns"
        qtbot.waitUntil(lambda n=n: len(ends) == n + 1, timeout=1000)  # type: ignore[misc]
    assert caplog.text.count("no sound output") == 1


def test_the_announcer_plays_a_call_through_the_speakers_and_goes_on_when_it_ended(
    qtbot: QtBot, tmp_path: Path
) -> None:
    if not has_sound_device():
        pytest.skip("this machine has no sound output")
    pack = make_pack(tmp_path / "pack")
    announcer = Announcer(engine="", voice=StationVoice(pack, speaker=None))
    # 8 waits while 7 is said: 7 ends after its Arabic sentence, 8 is said in full.
    length = render_call(pack, Call("7", "lab", "2"), languages=("ar",)).seconds
    length += render_call(pack, Call("8", "lab", "2")).seconds
    started = time.monotonic()
    announcer.announce(Announcement("7", "المختبر", "Laboratory", "2", "lab"))
    announcer.announce(Announcement("8", "المختبر", "Laboratory", "2", "lab"))
    qtbot.waitUntil(lambda: len(announcer.done) == 2, timeout=20_000)
    assert time.monotonic() - started >= length - 0.2, "one after the other, each sentence played whole"
