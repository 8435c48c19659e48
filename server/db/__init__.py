"""The server's database: models, engine and the rules every write obeys (audit, feed stamp)."""
