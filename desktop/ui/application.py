"""The QApplication: the bundled Japanese font, the translators, the icon. Nothing here touches the database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.ui import language as ui_language
from desktop.ui.translations import RESOURCES, translation_files

FONT_FILE = RESOURCES / "fonts" / "ipaexg.ttf"
FONT_LICENSE_FILE = RESOURCES / "fonts" / "LICENSE-IPAexFont.txt"
# The ideographs IPAexGothic lacks (𠮷 as in 𠮷野家): a Hanazono Mincho subset, Qt's next choice per glyph.
FALLBACK_FONT_FILE = RESOURCES / "fonts" / "HanaMinFallback.ttf"
FALLBACK_FONT_LICENSE_FILE = RESOURCES / "fonts" / "LICENSE-HanaMin.txt"
ICON_CANDIDATES = (RESOURCES / "icons" / "itaku.svg", RESOURCES / "icons" / "itaku.png")

_translators: list[QTranslator] = []


def register_font(application: QGuiApplication) -> str | None:
    """Register IPAexGothic and make it the application font, so Japanese renders without system CJK fonts."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        print(f"itaku: cannot load the font {FONT_FILE}", file=sys.stderr)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    fallback_id = QFontDatabase.addApplicationFont(str(FALLBACK_FONT_FILE))
    fallback = QFontDatabase.applicationFontFamilies(fallback_id) if fallback_id >= 0 else []
    font = QFont(application.font())
    font.setFamilies([families[0], *fallback[:1]])
    application.setFont(font)
    return families[0]


def install_translators(application: QCoreApplication, language: str) -> list[Path]:
    """Install Qt's own translation (standard buttons) and every `*_<language>.qm` of ours."""
    for translator in _translators:
        application.removeTranslator(translator)
    _translators.clear()
    loaded: list[Path] = []
    qt_translator = QTranslator(application)
    if qt_translator.load(
        QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        application.installTranslator(qt_translator)
        _translators.append(qt_translator)
    for path in translation_files(language):
        translator = QTranslator(application)
        if translator.load(str(path)):
            application.installTranslator(translator)
            _translators.append(translator)
            loaded.append(path)
    return loaded


def configure_application(application: QApplication, language: str) -> None:
    """Everything the window expects of the application object (also used by the tests' qapp)."""
    ui_language.set_language(language)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Japanese if language == "ja" else QLocale.Language.English,
            QLocale.Country.Japan if language == "ja" else QLocale.Country.UnitedStates,
        )
    )
    application.setApplicationName("Itaku")
    application.setOrganizationName("Itaku")
    application.setApplicationDisplayName("Itaku（委託）" if language == "ja" else "Itaku")
    application.setApplicationVersion(__version__)
    register_font(application)
    install_translators(application, language)
    for candidate in ICON_CANDIDATES:
        if candidate.exists():
            application.setWindowIcon(QIcon(str(candidate)))
            break


def create_application(argv: list[str], language: str) -> QApplication:
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(argv)
    configure_application(application, language)
    return application
