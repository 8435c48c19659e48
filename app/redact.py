"""What never leaves this computer in a report: tokens, passwords, and the password in a
proxy address (http://user:secret@proxy:3128). Used for crash reports and the support
diagnostics before anything is written or copied. Qt-free."""

from __future__ import annotations

import re

_SECRETS = re.compile(r"(Bearer\s+|\"?(?:access|refresh)_token\"?\s*[:=]\s*\"?|password\"?\s*[:=]\s*\"?)[^\s\"',}]+", re.I)
_URL_CREDENTIALS = re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s@:]*(?::[^/\s@]*)?@", re.I)


def scrub(text: str) -> str:
    """The text with anything that looks like a token or password replaced."""
    text = _URL_CREDENTIALS.sub(lambda match: match.group(1) + "[removed]@", text)
    return _SECRETS.sub(lambda match: match.group(1) + "[removed]", text)
