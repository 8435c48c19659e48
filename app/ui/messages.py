"""What went wrong, as one sentence in the user's language: the desktop's version of
app/account.py `explain` and app/storage.py's sentences (which the command line prints in
English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.account import PasswordNeeded, UnsyncedWorkOfAnother
from app.api import ApiError, Offline, SessionExpired, TlsFailure
from app.outbox_recovery import RecoveryReport
from app.storage import (DISK_ERROR, DISK_FULL, FOLDER_MISSING, IN_USE, READ_ONLY, CacheDamaged, OutboxDamaged,
                         StorageProblem)

translate = QCoreApplication.translate


def storage_text(problem: StorageProblem) -> str:
    """A problem with the desktop's own files (app/storage.py), in the user's language."""
    folder, name = str(problem.folder), problem.path.name
    if isinstance(problem, CacheDamaged):
        return translate("Messages", "The local copy of the catalogue was damaged; it is being downloaded again. Your "
                                     "own changes are safe.")
    if isinstance(problem, OutboxDamaged):
        return translate("Messages", "GeM Desk’s file of your unsent changes is damaged. GeM Desk recovers what can be "
                                     "read from it when it next opens; please restart it.")
    if problem.kind == DISK_FULL:
        return translate("Messages", "The disk is full: GeM Desk cannot save in %1. Free some space on it; your work "
                                     "is kept, and the next sync sends it.").replace("%1", folder)
    if problem.kind == READ_ONLY:
        return translate("Messages", "GeM Desk cannot write to its folder %1 (it is read-only for this user). Ask IT "
                                     "to give you write access, or choose another data folder in the settings; your "
                                     "work is kept.").replace("%1", folder)
    if problem.kind == FOLDER_MISSING:
        return translate("Messages", "GeM Desk’s folder %1 cannot be found (a removed drive, or a network folder that "
                                     "is not connected). Connect it again, or choose another data folder in the "
                                     "settings.").replace("%1", folder)
    if problem.kind == IN_USE:
        return translate("Messages", "Another program is using GeM Desk’s file %1 in %2 (a second GeM Desk, or an "
                                     "antivirus scan). Close it, or wait a moment, and try again; your work is "
                                     "kept.").replace("%1", name).replace("%2", folder)
    if problem.kind == DISK_ERROR:
        return translate("Messages", "The disk reported an error reading or writing GeM Desk’s file %1. Try again; if "
                                     "it happens again, ask IT to check the disk.").replace("%1", str(problem.path))
    return translate("Messages", "GeM Desk’s file %1 is damaged.").replace("%1", str(problem.path))


def recovery_text(report: RecoveryReport) -> str:
    """What the recovery of a damaged outbox kept and could not read."""
    kept = translate("Messages", "GeM Desk’s file of your unsent changes was damaged. It kept %1 listing change(s), %2 "
                                 "bid, offer or order step(s) and %3 cart line(s), which are waiting to be sent.")
    kept = kept.replace("%1", str(report.listing_changes)).replace("%2", str(report.buying_writes)).replace(
        "%3", str(report.cart_lines))
    if report.complete:
        lost = translate("Messages", "Everything in it could be read.")
    else:
        lost = translate("Messages", "%n entry(s) could not be read: check your catalogue, bids and orders for work "
                                     "that is missing, and make it again.", "", report.unreadable)
    copy = translate("Messages", "The damaged file was saved as %1; please send it to support.").replace(
        "%1", report.damaged_copy)
    return f"{kept} {lost} {copy}"


def error_text(error: BaseException, server_url: str = "") -> str:
    if isinstance(error, StorageProblem):
        return storage_text(error)
    if isinstance(error, ValueError):
        return str(error)  # the core's own sentence (a listing that is not valid)
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
        return translate("Messages", "%1 has changes on this computer that have not reached the marketplace at %2 yet. "
                                     "Sign in as %1 (at that address, or at the marketplace's new one) and sync first, "
                                     "so that nothing of theirs is lost.").replace("%1", error.who).replace("%2", error.server)
    return translate("Messages", "Unexpected problem: %1").replace("%1", f"{type(error).__name__}: {error}")
