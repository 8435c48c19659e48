"""Files GeM Desk ships with: fonts (Noto Sans Devanagari, SIL Open Font License; see
fonts/OFL.txt), translations (i18n/*.ts sources and the compiled *.qm) and icons (SVG, so
they stay sharp at any screen scale)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent
FONTS = ROOT / "fonts"
TRANSLATIONS = ROOT / "i18n"
ICONS = ROOT / "icons"
