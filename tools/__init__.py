"""Developer tools that are neither part of the site build nor of the tests (see each module)."""
