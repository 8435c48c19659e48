"""The layers stay apart: domain rules import nothing of ours, the client core and the server
never import Qt, and the server never imports the client (contracts in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is not installed: pip install -e .[test]"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_client_core_imports_without_qt():
    """Importing the whole client core must not load Qt (it runs headless in `gemdesk sync`)."""
    code = (
        "import sys, app.api, app.cache, app.outbox, app.sync, app.credentials, app.cli;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
