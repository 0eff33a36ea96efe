"""Which build a program is: `--version` of every program, from a build's stamp or,
in a checkout, from the package and git."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from core import version
from core.cli import main
from core.version import STAMP_FILE, build_info, stamp


@pytest.fixture
def fresh_build_info() -> object:
    build_info.cache_clear()
    yield
    build_info.cache_clear()


def test_a_checkout_reports_the_project_version_and_its_commit(fresh_build_info: object) -> None:
    info = build_info()
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, check=True)
    assert info.commit.startswith(head.stdout.strip())
    with open(Path(__file__).resolve().parents[2] / "pyproject.toml", "rb") as file:
        declared = tomllib.load(file)["project"]["version"]
    assert info.version == declared and info.built == ""
    assert info.line("mmc") == f"mmc (MMC-MMS) {declared}, commit {info.commit}, run from source, not a build"


def test_a_frozen_build_reads_the_stamp_its_build_wrote(
    fresh_build_info: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / STAMP_FILE).write_text(json.dumps(stamp("2.3.4", "abc123def456", "2026-11-23T02:06:33Z")))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    line = build_info().line("mmc-kiosk")
    assert line == "mmc-kiosk (MMC-MMS) 2.3.4, commit abc123def456, built 2026-11-23T02:06:33Z"


@pytest.mark.parametrize(
    ("argv", "program"),
    [
        (["--version"], "mmc"),
        (["kiosk", "--version"], "mmc-kiosk"),
        (["staffdesk", "--version"], "mmc-staffdesk"),
        (["display", "--version"], "mmc-display"),
        (["server", "--version"], "mmc-server"),
    ],
)
def test_every_program_answers_version(argv: list[str], program: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == build_info().line(program)


def test_a_checkout_with_changes_says_so(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a.txt").write_text("one")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t.invalid"]
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    clean = version.git_commit(tmp_path)
    (tmp_path / "a.txt").write_text("two")
    assert version.git_commit(tmp_path) == clean + "+changes"
    assert version.git_commit(tmp_path / "no-such-folder") == "unknown"
