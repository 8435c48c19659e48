"""One router per job: auth, meta (health, time, categories), changes (the feed), listings, audit."""
