"""What the server does, independent of HTTP: sign-in, listing writes, the change feed, the
idempotency store and tombstone purging. Each function works inside a session its caller
opens (so tests can hold a transaction open to provoke races) and raises `ApiError`."""
