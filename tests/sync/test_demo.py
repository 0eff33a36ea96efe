from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main


def test_networked_demo_converges_through_a_network_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    code = main(["demo", "--headless", "--patients", "60", "--rounds", "12", "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 0
    assert "NETWORK CUT" in out and "all devices converged" in out
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["converged"] and figures["devices"] == 7 and figures["visits"] == 60
