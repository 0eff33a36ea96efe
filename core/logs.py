"""Structured logs: JSON lines in the machine's log folder, rotated.

Patient ID numbers never reach a log line in clear: callers log visit or ticket ids.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from core.store import APP_NAME


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "at": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def log_dir() -> Path:
    override = os.environ.get("MMC_LOG_DIR")
    return Path(override) if override else platformdirs.user_log_path(APP_NAME, appauthor=False)


def configure_logging(program: str, level: int = logging.INFO) -> Path:
    """Send this program's logs to `<log folder>/<program>.jsonl`, 5 files of 5 MB."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{program}.jsonl"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(JsonLines())
    handler.set_name("mmc-jsonl")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "mmc-jsonl"]:
        root.removeHandler(old)
        old.close()
    root.setLevel(level)
    root.addHandler(handler)
    return path
