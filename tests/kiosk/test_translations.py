"""Every text a user sees goes through Qt's translation system and has its Arabic and
English translations, and the compiled .qm files match the .ts sources."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from sync.runtime.qt import Languages

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
UI_PACKAGES = ("kiosk", "staffdesk", "sync/runtime")
PLACEHOLDERS = (
    "{clinic}",
    "{room}",
    "{ahead}",
    "{minutes}",
    "{time}",
    "{count}",
    "{left}",
    "{number}",
    "{n}",
    "{user}",
    "{status}",
    "{ticket}",
    "{detail}",
    "{pin}",
    "{path}",
    "{period}",
    "{first}",
    "{last}",
    "{code}",
    "{name}",
)
SAME_IN_EVERY_LANGUAGE = {"English", "{user} \u00b7 {role}", "{number} \u00b7 {clinic}"}
"""A language's own name, and a layout of names with no words of its own."""
TEXT_SETTERS = {"setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "addItem", "setTitle"}


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_source_text_has_a_finished_translation(language: str) -> None:
    found = messages(TRANSLATIONS / f"mmc_{language}.ts")
    assert len(found) > 50
    for (context, source), translation in found.items():
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"
        said = forms_of(translation)
        assert all(text.strip() for text in said), f"{context}: {source!r} has no {language} text"
        for placeholder in PLACEHOLDERS:
            assert all((placeholder in source) == (placeholder in text) for text in said), (context, source)
        if "%n" in source:
            assert "%n" in said[-1], f"{context}: {source!r} must show the count in its general plural"
    if language == "ar":
        not_arabic = [
            source
            for (_, source), t in found.items()
            if not any("\u0600" <= c <= "\u06ff" for c in "".join(forms_of(t))) and source not in SAME_IN_EVERY_LANGUAGE
        ]
        assert not_arabic == []


def forms_of(translation: ET.Element) -> list[str]:
    """A translation's text, or its plural forms (a text with a count, `%n`)."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_the_ts_files_hold_every_text_of_the_code(tmp_path: Path) -> None:
    scratch = tmp_path / "mmc_ar.ts"
    shutil.copyfile(TRANSLATIONS / "mmc_ar.ts", scratch)
    sources = sorted(str(p) for package in UI_PACKAGES for p in (ROOT / package).rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(scratch)],
        check=True,
        capture_output=True,
    )
    assert set(messages(scratch)) == set(messages(TRANSLATIONS / "mmc_ar.ts")), (
        "run `python scripts/translations.py` and translate what is new"
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_compiled_qm_files_are_current(tmp_path: Path, language: str) -> None:
    compiled = tmp_path / f"mmc_{language}.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TRANSLATIONS / f"mmc_{language}.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (TRANSLATIONS / f"mmc_{language}.qm").read_bytes()


def test_no_ui_code_sets_a_literal_text() -> None:
    """A literal string handed straight to a widget would skip translation."""
    offenders = []
    for package in UI_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in TEXT_SETTERS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and node.args[0].value.strip()
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_qts_own_dialogs_speak_the_users_language(languages: Languages) -> None:
    languages.use("ar")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ألغِ"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "ألغِ"
