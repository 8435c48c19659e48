"""Every visible string has its Hindi translation, with the same placeholders, and the
compiled files the app loads are those of the committed sources."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%L?n|%\d")


def refreshed(tmp_path: Path, language: str) -> Path:
    """The committed .ts, updated from the code now (as `python -m app.ui.i18n` would)."""
    ts = tmp_path / f"gemdesk_{language}.ts"
    shutil.copyfile(TRANSLATIONS / ts.name, ts)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
    plurals = ["-pluralonly"] if language == "en" else []
    subprocess.run([str(SCRIPTS / "pyside6-lupdate"), *sources, *plurals, "-no-obsolete", "-ts", str(ts)],
                   check=True, capture_output=True)
    return ts


def messages(ts: Path):
    for context in ElementTree.parse(ts).iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


@pytest.mark.parametrize("language", ["hi", "en"])
def test_every_string_in_the_code_is_translated(tmp_path, language):
    ts = refreshed(tmp_path, language)
    missing, wrong = [], []
    for context, message in messages(ts):
        source = message.findtext("source")
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            missing.append(f"{context}: {source}")
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)) and "%n" not in source + text:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not missing, "run `python -m app.ui.i18n` and translate:\n" + "\n".join(missing)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", ["hi", "en"])
def test_compiled_translations_match_their_sources(tmp_path, language):
    qm = tmp_path / f"gemdesk_{language}.qm"
    subprocess.run([str(SCRIPTS / "pyside6-lrelease"), str(TRANSLATIONS / f"gemdesk_{language}.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes(), "run `python -m app.ui.i18n` to compile"


def test_hindi_plurals_and_placeholders_work_at_run_time(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import set_language

    set_language(qapp, "hi")
    try:
        text = QCoreApplication.translate("SyncStatusBar", "%n change(s) waiting", "", 3)
        assert text.startswith("3 ") and "बदलाव" in text
    finally:
        set_language(qapp, "en")
    assert QCoreApplication.translate("SyncStatusBar", "%n change(s) waiting", "", 1) == "1 change waiting"
    assert QCoreApplication.translate("CatalogueBrowser", "%Ln listing(s)", "", 857502) == "8,57,502 listings"
