"""`invoke bench` (build.py: build time against plain Pelican, page weights) and `invoke bench-intake` (intake.py)."""
