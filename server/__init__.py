"""The marketplace server: GeM Desk's reference implementation of the marketplace API.

Owns: the marketplace database (organisations, users, categories, listings, audit trail),
authentication, the change feed, idempotent seller writes and the demo marketplace.
May import `domain`; never imports `app` (the desktop client) or Qt.
"""
