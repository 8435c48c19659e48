"""The test suite (a package, so that tests/packaging is not taken for the packaging library)."""
