"""One wrong clock stays one device's problem. Three kiosk processes, one of them with
its machine clock two days ahead and one three hours behind (libfaketime), check
patients in through a partition: no other clock moves, every ticket lands on today,
the queue follows real arrival, and the wrong clocks are flagged to the server."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.clock import HlcStamp, from_iso, utc_now
from core.schema import Ticket, Visit
from core.services.days import day_now
from sync.server.enrollment import create_code
from sync.server.health import devices_health
from sync.server.run import free_port, open_server_db, start_server_process
from tests.system.faketime import faketime_env


@dataclass
class DeviceProcess:
    name: str
    process: subprocess.Popen[str]

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"{self.name} ended"
        return dict(json.loads(line))

    def quit(self) -> None:
        if self.process.poll() is None:
            self.ask(do="quit")
        self.process.wait(10)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


def start_device(root: Path, name: str, server: str, code: str, shift: str | None) -> DeviceProcess:
    environment = {**os.environ, **(faketime_env(shift) if shift is not None else {})}
    folder = root / name
    folder.mkdir()
    command = [sys.executable, "-m", "tests.system.device_process", "--data", str(folder), "--server", server]
    command += ["--kind", "kiosk", "--enroll", code, "--name", name]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=environment)
    return DeviceProcess(name, process)


def test_two_wrong_clocks_through_a_partition_move_no_other_clock_and_keep_arrival_order(tmp_path: Path) -> None:
    faketime_env("+0")
    data = tmp_path / "server-data"
    db = open_server_db(root=data / "server")
    port = free_port()
    server = start_server_process(data, port)
    url = f"http://127.0.0.1:{port}"
    shifts = {"right": None, "fast": "+2d", "slow": "-3h"}
    devices = {name: start_device(tmp_path, name, url, create_code(db), shift) for name, shift in shifts.items()}
    try:
        raw = {name: from_iso(device.ask(do="now")["now"]) for name, device in devices.items()}
        assert raw["fast"] - utc_now() > dt.timedelta(days=1, hours=23)
        for device in devices.values():
            device.ask(do="sync")
        for name, device in devices.items():
            corrected = from_iso(device.ask(do="now")["now"])
            assert abs(corrected - utc_now()) < dt.timedelta(seconds=5), f"{name} goes by the server's clock"
        status = {name: device.ask(do="status") for name, device in devices.items()}
        assert status["fast"]["clock_is_off"] and status["slow"]["clock_is_off"]
        assert not status["right"]["clock_is_off"]
        assert status["fast"]["clock_skew_s"] == pytest.approx(2 * 86400, abs=30)
        assert status["slow"]["clock_skew_s"] == pytest.approx(-3 * 3600, abs=30)

        arrivals = []
        for n in range(4):
            for name in ("slow", "right", "fast"):
                patient = f"2840{n:02d}{len(arrivals):05d}"
                done = devices[name].ask(do="check_in", id=patient)
                assert done["ok"], done
                arrivals.append(patient)
                if name == "right":
                    devices["right"].ask(do="sync")
                time.sleep(0.05)
        for name in ("slow", "fast", "right"):
            devices[name].ask(do="sync")
        for name in ("right", "slow", "fast"):
            devices[name].ask(do="sync")

        today = day_now(db)  # the open day: until the closing hour of the night, yesterday
        with db.read() as session:
            order = [
                patient
                for (patient,) in session.execute(
                    select(Visit.patient_id)
                    .join(Ticket, Ticket.visit_id == Visit.id)
                    .where(Visit.patient_id.in_(arrivals))
                    .order_by(Ticket.order_key)
                )
            ]
            days = set(session.scalars(select(Ticket.day).where(Ticket.patient_id.in_(arrivals))))
        assert order == arrivals, "the queue follows real arrival"
        assert days == {today}
        limit = (utc_now().timestamp() + 60) * 1000
        for name, device in devices.items():
            stamp = HlcStamp.decode(device.ask(do="now")["hlc"])
            assert stamp.wall_ms <= limit, f"{name}'s clock was dragged ahead"

        health = {row.name: row.report for row in devices_health(db, utc_now())}
        fast, slow, right = health["fast"], health["slow"], health["right"]
        assert fast is not None and slow is not None and right is not None
        assert fast.clock_skew_s > 86400 and slow.clock_skew_s < -3600 and abs(right.clock_skew_s) < 60
    finally:
        for device in devices.values():
            device.quit()
        server.kill()
        server.wait()
        db.dispose()
