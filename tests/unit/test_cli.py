from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main


def test_init_demo_data_stats_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ["--data-dir", str(tmp_path)]
    assert main([*root, "init"]) == 0
    assert main([*root, "demo-data"]) == 0
    assert "nurse" in capsys.readouterr().out
    assert main([*root, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert len(figures) == 16 and {f["clinic"] for f in figures} >= {"lab", "women_eyes"}
    assert main([*root, "stats", "--period", "monthly"]) == 0
    assert "monthly report" in capsys.readouterr().out
    assert main([*root, "backup"]) == 0
    backup = capsys.readouterr().out.strip()
    assert Path(backup).exists()
    assert main([*root, "backups"]) == 0
    assert backup in capsys.readouterr().out
    assert main([*root, "restore", backup]) == 0


def test_errors_are_one_clear_line_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "restore"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: No usable backup") and "Traceback" not in err


def test_standalone_demo_runs_a_clinic_day_and_writes_its_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    assert main(["demo", "--headless", "--standalone", "--patients", "25", "--report", str(report)]) == 0
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["ok"] and figures["visits"] == {"completed": 25}
    assert figures["duplicate_numbers"] == 0
    assert sum(c["served"] for c in figures["clinics"]) > 25


def test_the_command_logs_json_lines_without_patient_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MMC_LOG_DIR", str(tmp_path / "logs"))
    assert main(["--data-dir", str(tmp_path / "data"), "restore"]) == 1
    lines = [json.loads(line) for line in (tmp_path / "logs" / "mmc.jsonl").read_text().splitlines()]
    assert {"level": "WARNING", "message": "mmc restore refused: no_backup"}.items() <= lines[-1].items()
