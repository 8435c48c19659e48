"""The frozen app's entry point (PyInstaller): the same `gemdesk` command as the installed
package's, with its desktop app, its headless commands and `--self-test`."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
