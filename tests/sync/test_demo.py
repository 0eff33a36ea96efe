from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main


def run_demo(report: Path, *extra: str) -> int:
    return main(["demo", "--headless", "--patients", "60", "--rounds", "12", "--report", str(report), *extra])


def test_networked_demo_converges_through_a_network_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    code = run_demo(report, "--day", "2026-12-02")
    out = capsys.readouterr().out
    assert code == 0
    assert "NETWORK DOWN" in out and "All devices converged" in out
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["converged"] and figures["visits"] == 60
    assert figures["date"] == "2026-12-02" and figures["version"] and figures["commit"]
    simulated = figures["simulated"]
    assert simulated["kiosks"] + simulated["staff_consoles"] + simulated["hall_displays"] == 7
    assert simulated["hours"].startswith("07:30–10:30") and simulated["network_down_for_everyone"] == "08:30–09:00"
    assert "Wednesday 2 December 2026, 07:30–10:30" in out


def test_each_clinics_figures_add_up_and_waits_are_minutes_of_the_simulated_day(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    assert run_demo(report) == 0
    figures = json.loads(report.read_text(encoding="utf-8"))
    for clinic in figures["clinics"]:
        states = ("waiting", "called", "in_service", "served", "no_show", "cancelled", "transferred")
        assert sum(clinic[state] for state in states) == clinic["tickets"] and clinic["adds_up"], clinic
    served = [c for c in figures["clinics"] if c["served"]]
    assert served and all(c["average_wait_min"] >= 1 and c["average_service_min"] >= 1 for c in served)
    assert figures["totals"]["tickets"] == sum(c["tickets"] for c in figures["clinics"])


def test_the_same_seed_gives_the_same_report(tmp_path: Path) -> None:
    first, second, other = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "other.json"
    assert run_demo(first, "--day", "2026-12-02") == 0
    assert run_demo(second, "--day", "2026-12-02") == 0
    assert run_demo(other, "--day", "2026-12-02", "--seed", "8") == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert json.loads(first.read_text())["clinics"] != json.loads(other.read_text())["clinics"]
