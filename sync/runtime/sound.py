"""Where the stations' voice is heard: one rendered buffer (mono, 16-bit, little-endian)
at a time, played whole through QtMultimedia's QAudioSink. The hall display and the kiosk
play into a `SoundOutput`; the tests give them one that records what it was handed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

log = logging.getLogger(__name__)


class SoundOutput(Protocol):
    def play(self, pcm: bytes, rate: int, done: Callable[[], None]) -> None:
        """Start playing `pcm` (mono s16le at `rate` Hz) at once, and call `done` on the
        GUI thread when it has ended or could not be played; never before `play` returns."""

    def stop(self) -> None:
        """Cut short what is playing; its `done` is not called."""


def pcm_seconds(pcm: bytes, rate: int) -> float:
    return len(pcm) / 2 / rate if rate else 0.0


class SpeakerOutput(QObject):
    """The machine's default sound output. With no sound device (none plugged in, or no
    sound server for the user), each buffer is done at once and that is logged once: the
    queue goes on and the board keeps showing the calls."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        self._done: Callable[[], None] | None = None
        self._said_silent = False

    def play(self, pcm: bytes, rate: int, done: Callable[[], None]) -> None:
        self.stop()
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            if not self._said_silent:
                log.warning("no sound output on this machine: calls are shown, not heard")
                self._said_silent = True
            QTimer.singleShot(0, self, done)
            return
        self._said_silent = False
        audio = QAudioFormat()
        audio.setSampleRate(rate)
        audio.setChannelCount(1)
        audio.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pcm))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink = QAudioSink(device, audio, self)
        self._sink, self._buffer, self._done = sink, buffer, done
        # A slot without the new state: PySide (6.11) cannot convert QAudio::State for
        # Python, so the state is asked of the sink.
        sink.stateChanged.connect(lambda: self._state_changed(sink))
        sink.start(buffer)
        if sink.error() != QtAudio.Error.NoError:
            log.warning("the sound output refused the call (%s)", sink.error().name)
            self._end()

    def _state_changed(self, sink: QAudioSink) -> None:
        if sink is not self._sink:
            return
        state = sink.state()
        # Idle: every byte was handed to the device; Stopped with an error: it gave up.
        if state == QtAudio.State.IdleState or (
            state == QtAudio.State.StoppedState and sink.error() != QtAudio.Error.NoError
        ):
            self._end()

    def _end(self) -> None:
        done = self._done
        self.stop()
        if done is not None:
            QTimer.singleShot(0, self, done)

    def stop(self) -> None:
        sink, buffer = self._sink, self._buffer
        self._sink = self._buffer = None
        self._done = None
        if sink is not None:
            sink.stateChanged.disconnect()
            sink.stop()
            sink.deleteLater()
        if buffer is not None:
            buffer.close()
            buffer.deleteLater()
