"""GeM Desk desktop client. The core (cache, outbox, API client, sync, credentials, CLI)
imports no Qt; the windows live in `app.ui` and sit on top of the core."""

__version__ = "0.1.0"
