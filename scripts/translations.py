"""Keep the Qt Linguist files in step with the code: `python scripts/translations.py`.

Runs pyside6-lupdate over every module with user-visible text, fills the English file
(source and translation are the same text), and compiles both .ts files to .qm with
pyside6-lrelease. Arabic translations are edited in `translations/mmc_ar.ts` (with Qt
Linguist or by hand); a source text with no Arabic yet stays "unfinished", and the test
suite fails until it is translated.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
UI_PACKAGES = ("kiosk", "staffdesk", "sync/runtime")


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for package in UI_PACKAGES for p in (ROOT / package).rglob("*.py"))


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lupdate(ts: Path, language: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *ui_sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


ENGLISH_ONE = {
    "This code is not right for {clinic}. %n attempts left.": "This code is not right for {clinic}. %n attempt left.",
    "%n actions were refused in all; see Sync.": "%n action was refused in all; see Sync.",
    "%n settings saved.": "%n setting saved.",
    "%n clinics chosen for {station}.": "%n clinic chosen for {station}.",
    "%n calls in all.": "%n call in all.",
    "%n patients have this number today; type the ID.": "%n patient has this number today; type the ID.",
    "%n people ahead": "%n person ahead",
    "about %n min": "about %n min",
    "%n people ahead of you": "%n person ahead of you",
    "about %n minutes": "about %n minute",
    "No one there? Back to the start in %n seconds. Touch the screen to stay.": (
        "No one there? Back to the start in %n second. Touch the screen to stay."
    ),
    "Silent for %n min": "Silent for %n min",
    "%n changes unsent": "%n change unsent",
    "waiting for %n min": "waiting for %n min",
    (
        "This console's data was restored from the backup {backup}; %n changes made here after it were taken "
        "back and are sent to the server."
    ): (
        "This console's data was restored from the backup {backup}; %n change made here after it was taken "
        "back and is sent to the server."
    ),
    "at least %n characters": "at least %n character",
    "The password needs at least %n characters.": "The password needs at least %n character.",
    "%n entries (newest first)": "%n entry (newest first)",
    (
        "Close service day {day}? The %n patients still waiting or in service keep their place "
        "in tomorrow's queues; nobody more can check in today."
    ): (
        "Close service day {day}? The %n patient still waiting or in service keeps their place "
        "in tomorrow's queues; nobody more can check in today."
    ),
    (
        "Close service day {day}? The %n patients still waiting or in service are marked no-show; "
        "nobody more can check in today."
    ): (
        "Close service day {day}? The %n patient still waiting or in service is marked no-show; "
        "nobody more can check in today."
    ),
    "Service day {day} is closed; %n patients were carried over to the next day.": (
        "Service day {day} is closed; %n patient was carried over to the next day."
    ),
    "Service day {day} is closed; %n patients still open were marked no-show.": (
        "Service day {day} is closed; %n patient still open was marked no-show."
    ),
    "Disk full: nothing new can be saved \u00b7 %n waiting to send": (
        "Disk full: nothing new can be saved \u00b7 %n waiting to send"
    ),
    "Offline since {time} \u00b7 %n waiting to send": "Offline since {time} \u00b7 %n waiting to send",
}
"""The singular of each English text with a count (the source holds the plural)."""


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        assert source is not None and translation is not None
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if message.get("numerus") == "yes" and len(forms) == 2:
            forms[0].text = ENGLISH_ONE.get(source.text or "", source.text)
            forms[1].text = source.text
        else:
            translation.text = source.text
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def lrelease(ts: Path) -> None:
    """Compile beside the .qm, then rename over it: a program running from the checkout
    has the old file mapped, and rewriting it in place mixes languages or crashes it."""
    compiled = ts.with_suffix(".qm.new")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True)
    compiled.replace(ts.with_suffix(".qm"))


def main() -> int:
    arabic, english = TRANSLATIONS / "mmc_ar.ts", TRANSLATIONS / "mmc_en.ts"
    lupdate(arabic, "ar")
    lupdate(english, "en")
    fill_english(english)
    for ts in (arabic, english):
        lrelease(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
