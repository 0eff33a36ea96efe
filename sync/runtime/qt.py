"""What every window of the product sets up in Qt: the shipped fonts and the language.

Arabic is the default and lays out right to left; English is complete. Switching calls
QApplication.installTranslator, which sends every widget a LanguageChange event: each
screen retranslates itself there, so a switch is live.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from resources import resource_path, translations_dir

log = logging.getLogger(__name__)
LANGUAGES = ("ar", "en")
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")
FONT_FAMILIES = ["Noto Sans Arabic", "Noto Sans"]
RLM = "\u200f"


def install_fonts(app: QGuiApplication, point_size: int = 14) -> None:
    """Load the shipped fonts and make them the default: Arabic first, Latin after."""
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
            raise RuntimeError(f"the font {name} could not be loaded from {resource_path('fonts')}")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(point_size)
    app.setFont(font)


def rtl_safe(text: str, language: str) -> str:
    """Mixed Arabic and Latin text ("A-125 المختبر") lays out right only behind a
    right-to-left mark."""
    return RLM + text if language == "ar" else text


def load_translator(language: str, parent: QObject | None = None) -> QTranslator:
    """The compiled translation of `language`, for text that must be in that language
    whatever the window shows (the display speaks Arabic, then English)."""
    translator = QTranslator(parent)
    if not translator.load(f"mmc_{language}", str(translations_dir())):
        raise RuntimeError(f"the translation mmc_{language}.qm is missing from {translations_dir()}")
    return translator


class Phrasebook(QObject):
    """Texts in a language chosen per call, whatever the window shows: the display's
    headings in Arabic and English together, its announcements in each in turn."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators = {language: load_translator(language, self) for language in LANGUAGES}

    def text(self, language: str, context: str, source: str) -> str:
        return self._translators[language].translate(context, source) or source

    def both(self, context: str, source: str) -> tuple[str, str]:
        """(Arabic, English)."""
        return self.text("ar", context, source), self.text("en", context, source)


class Languages(QObject):
    """The app's current language and its translator."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, language: str = "ar") -> None:
        super().__init__(app)
        self._app = app
        self._translator = QTranslator(self)
        self._qt_translator = QTranslator(self)
        """Qt's own texts (the buttons of its dialogs, its context menus)."""
        self.current = ""
        self.use(language)

    def use(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language == self.current:
            return
        self._app.removeTranslator(self._translator)
        self._app.removeTranslator(self._qt_translator)
        self._translator.deleteLater()
        self._translator = load_translator(language, self)
        self._qt_translator = QTranslator(self)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en" and not self._qt_translator.load(f"qtbase_{language}", qt_folder):
            log.warning("Qt's own %s translation is missing from %s", language, qt_folder)
        self._app.installTranslator(self._qt_translator)
        self.current = language
        QLocale.setDefault(QLocale(QLocale.Language.Arabic if language == "ar" else QLocale.Language.English))
        if isinstance(self._app, QGuiApplication):
            direction = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
            self._app.setLayoutDirection(direction)
        self._app.installTranslator(self._translator)
        self.changed.emit(language)
