"""PyInstaller runtime hook: the keyring backend of this platform, named outright.

`keyring` finds its backends through package metadata (entry points), which a frozen app
may not carry whole; and a wrong guess would silently mean "no keyring". So the frozen app
says which one: Windows Credential Manager, the macOS Keychain, the Secret Service on Linux.
An explicit PYTHON_KEYRING_BACKEND (e.g. a test's) still wins.
"""

import os
import sys

if sys.platform == "win32":
    _BACKEND = "keyring.backends.Windows.WinVaultKeyring"
elif sys.platform == "darwin":
    _BACKEND = "keyring.backends.macOS.Keyring"
else:
    _BACKEND = "keyring.backends.SecretService.Keyring"
os.environ.setdefault("PYTHON_KEYRING_BACKEND", _BACKEND)
