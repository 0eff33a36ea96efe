"""The hall's voice settings: the languages a call is said in and their order, the volume,
how many times a call is said and the chime; replicated like every site setting, checked
on every store, and set by the administrator in the console's Settings tab."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from core.errors import InvalidInput
from core.permissions import SYSTEM
from core.services.config import set_settings
from core.settings import DEFAULTS, setting, setting_problem
from core.store import Store
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory


def test_a_site_says_calls_in_arabic_then_english_once_with_a_chime_at_full_volume() -> None:
    assert DEFAULTS["voice_languages"] == ["ar", "en"]
    assert (DEFAULTS["voice_volume"], DEFAULTS["voice_repeat"], DEFAULTS["voice_chime"]) == (100, 1, True)


@pytest.mark.parametrize("languages", [["ar"], ["en"], ["ar", "en"], ["en", "ar"]])
def test_one_or_two_languages_in_any_order_are_accepted(languages: list[str]) -> None:
    assert setting_problem("voice_languages", languages) is None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("voice_languages", []),
        ("voice_languages", ["ar", "ar"]),
        ("voice_languages", ["fr"]),
        ("voice_languages", ["ar", "en", "ar"]),
        ("voice_languages", [["ar"]]),
        ("voice_languages", "ar"),
        ("voice_volume", -1),
        ("voice_volume", 101),
        ("voice_volume", 50.0),
        ("voice_repeat", 0),
        ("voice_repeat", 4),
        ("voice_chime", 0),
        ("voice_chime", "yes"),
    ],
)
def test_a_voice_setting_out_of_bounds_is_refused(store: Store, key: str, value: Any) -> None:
    assert setting_problem(key, value) is not None
    with pytest.raises(InvalidInput):
        set_settings(store.db, SYSTEM, {key: value})


def test_the_administrator_sets_the_voice_in_the_console(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.settings)
    settings = admin.settings
    settle(qtbot)
    assert settings.voice_languages.currentText() == "Arabic, then English"
    assert [settings.voice_languages.itemText(i) for i in range(settings.voice_languages.count())] == [
        "Arabic, then English",
        "English, then Arabic",
        "Arabic only",
        "English only",
    ]
    assert (settings.voice_volume.value(), settings.voice_repeat.value()) == (100, 1)
    assert settings.voice_chime.isChecked()
    settings.voice_languages.setCurrentIndex(settings.voice_languages.findText("English, then Arabic"))
    settings.voice_volume.setValue(70)
    settings.voice_repeat.setValue(2)
    settings.voice_chime.setChecked(False)
    tap(qtbot, window, "admin_settings_save")
    assert admin.message.text() == "4 settings saved."
    keys = ("voice_languages", "voice_volume", "voice_repeat", "voice_chime")
    with clinic_store.db.read() as session:
        saved = {key: setting(session, key) for key in keys}
    assert saved == {"voice_languages": ["en", "ar"], "voice_volume": 70, "voice_repeat": 2, "voice_chime": False}
    assert settings.voice_repeat.maximum() == 3 and settings.voice_volume.maximum() == 100


def test_the_voice_settings_read_back_into_the_form_in_arabic(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    set_settings(clinic_store.db, SYSTEM, {"voice_languages": ["en"], "voice_repeat": 3, "voice_chime": False})
    window = make_console("boss", language="ar")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.settings)
    settings = admin.settings
    qtbot.waitUntil(lambda: settings.voice_repeat.value() == 3, timeout=5000)
    assert settings.voice_languages.currentData() == "en"
    assert not settings.voice_chime.isChecked()
    captions = [caption.text() for caption, _ in settings.labels]
    assert not [c for c in captions if c.isascii()], captions
