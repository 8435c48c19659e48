"""What went wrong, as one sentence in the user's language: the desktop's version of
app/account.py `explain` (which the command line prints in English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.account import PasswordNeeded
from app.api import ApiError, Offline, SessionExpired, TlsFailure
from app.account import UnsyncedWorkOfAnother

translate = QCoreApplication.translate


def error_text(error: BaseException, server_url: str = "") -> str:
    if isinstance(error, TlsFailure):
        return translate("Messages", "The server’s certificate is not trusted. If your office uses a proxy that inspects "
                                     "secure connections, ask IT for its certificate file and set it as the CA bundle "
                                     "in the settings.")
    if isinstance(error, Offline):
        return translate("Messages", "The marketplace server at %1 cannot be reached. Check the network connection and "
                                     "the server address; your work is kept.").replace("%1", server_url or "?")
    if isinstance(error, SessionExpired):
        return translate("Messages", "Your session has ended; please sign in again.")
    if isinstance(error, ApiError):
        if error.code == "invalid_credentials":
            return translate("Messages", "The user name or password is not right.")
        if error.status == 429:
            minutes = max(1, round((error.retry_after or 60) / 60))
            return translate("Messages", "Too many failed sign-ins for this account: try again in about %n minute(s).",
                             "", minutes)
        return error.message  # the server's own sentence
    if isinstance(error, PasswordNeeded):
        return translate("Messages", "Enter your password.")
    if isinstance(error, UnsyncedWorkOfAnother):
        return translate("Messages", "%1 has changes on this computer that have not reached the marketplace yet. Sign in "
                                     "as %1 and sync first, so that nothing of theirs is lost.").replace("%1", error.who)
    return translate("Messages", "Unexpected problem: %1").replace("%1", f"{type(error).__name__}: {error}")
