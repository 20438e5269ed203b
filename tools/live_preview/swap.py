"""Replace the served site with a new build only when that build succeeded.

Pelican empties its output folder before it writes, so a build that fails halfway leaves
no site at all. The preview builds into a scratch folder beside output/ and swaps it in
with two renames on the same file system, under a lock that the server takes while it
opens a file: a request sees the old site or the new one, never a missing one.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path


class SiteFolder:
    """output/ and its two neighbours: output-next/ (being built) and output-previous/ (being removed)."""

    def __init__(self, live: Path):
        self.live = Path(live)
        self.next = self.live.with_name(self.live.name + "-next")
        self.previous = self.live.with_name(self.live.name + "-previous")
        self.lock = threading.Lock()

    def fresh_scratch(self) -> Path:
        shutil.rmtree(self.next, ignore_errors=True)
        return self.next

    def swap_in(self) -> None:
        """Make the finished scratch build the live site."""
        shutil.rmtree(self.previous, ignore_errors=True)
        with self.lock:
            if self.live.exists():
                os.rename(self.live, self.previous)
            os.rename(self.next, self.live)
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard_scratch(self) -> None:
        shutil.rmtree(self.next, ignore_errors=True)

    @property
    def has_site(self) -> bool:
        return (self.live / "index.html").is_file()
