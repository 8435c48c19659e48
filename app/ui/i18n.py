"""The app's languages: English (the source) and Hindi, switchable while the app runs.

Translations are Qt Linguist files: `tr()` in the code, resources/i18n/gemdesk_<lang>.ts
as the source and the compiled .qm beside it (`python -m app.ui.i18n` refreshes both from
the code with pyside6-lupdate and pyside6-lrelease). English is the source language, but
its plural forms ("%n listing(s)" -> "1 listing", "2 listings") also come from a
translation file, gemdesk_en.ts, which holds only the messages with a count. Qt's own translation of its standard
dialogs is loaded too where Qt ships one. Hindi needs a Devanagari font on every machine:
the app bundles Noto Sans Devanagari (SIL OFL) and puts it first for Hindi.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from resources import FONTS, TRANSLATIONS

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "hi": "हिन्दी"}  # each in its own script, as a switch shows them
DEVANAGARI_FAMILY = "Noto Sans Devanagari"

_installed: list[QTranslator] = []
_base_font: QFont | None = None


def load_fonts() -> list[str]:
    """Register the bundled fonts; the families they provide."""
    families: list[str] = []
    for path in sorted(FONTS.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


def set_language(app: QApplication, language: str) -> str:
    """Install `language`'s translations (falling back to English) and its font; returns the
    language in effect. Every widget gets a LanguageChange event and retranslates itself."""
    global _base_font
    language = language if language in LANGUAGES else "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"gemdesk_{language}.qm")):
        _installed.append(ours)
    else:
        log.warning("no translation for %s in %s", language, TRANSLATIONS)
    if language != "en":
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    if _base_font is None:
        _base_font = QFont(app.font())
    font = QFont(_base_font)
    usual = QFontInfo(_base_font).family()  # the family really used, not an alias like "Sans Serif"
    if language == "hi":
        # Devanagari first; the bundled font has no Latin letters, which come from the usual one.
        font.setFamilies([DEVANAGARI_FAMILY, usual])
    else:
        font.setFamilies([usual, DEVANAGARI_FAMILY])  # Hindi names show in English mode too
    app.setFont(font)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.India))
    app.setProperty("gemdesk_language", language)
    return language


def current_language() -> str:
    app = QCoreApplication.instance()
    return (app.property("gemdesk_language") if app else None) or "en"


def update_translations() -> None:
    """Refresh the .ts files from the code (keeping existing translations) and compile them."""
    scripts = Path(sys.executable).parent
    sources = sorted(str(p) for p in (Path(__file__).parent).glob("*.py"))
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"gemdesk_{language}.ts"
        only_plurals = ["-pluralonly"] if language == "en" else []
        subprocess.run([str(scripts / "pyside6-lupdate"), *sources, *only_plurals, "-no-obsolete", "-source-language", "en",
                        "-target-language", language, "-ts", str(ts)], check=True)
        if language == "en":
            _english_plurals(ts)
        subprocess.run([str(scripts / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def english_plural(source: str, many: bool) -> str:
    """"%n change(s) waiting" -> "%n change waiting" / "%n changes waiting"; a verb marked
    "need(s)", "wait(s)" or "meet(s)" agrees the other way round ("1 needs", "2 need")."""
    text = source
    for verb in ("need", "wait", "meet"):
        text = text.replace(f"{verb}(s)", verb if many else f"{verb}s")
    return text.replace("(s)", "s" if many else "")


def _english_plurals(ts: Path) -> None:
    tree = ElementTree.parse(ts)
    for message in tree.iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        source = message.findtext("source")
        for form, many in zip(forms, (False, True)):
            form.text = english_plural(source, many)
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    update_translations()
