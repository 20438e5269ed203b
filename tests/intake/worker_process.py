"""A delivery worker alone in its own process, on a clock read from a file: what the SIGKILL tests kill.

    python -m tests.intake.worker_process /path/to/clock-file

Settings come from the environment (INTAKE_*), as for the intake itself; the clock file holds a unix
time the test moves. The worker is the intake's own (intake.delivery.DeliveryWorker), unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from intake.config import load_settings
from intake.delivery import DeliveryWorker
from intake.logs import configure_logging
from intake.site import SiteContent
from intake.storage import LeadStore


class FileClock:
    def __init__(self, path: Path):
        self.path = path

    def __call__(self) -> float:
        return float(self.path.read_text())


def main(clock_file: str) -> None:
    configure_logging()
    settings = load_settings()
    store = LeadStore(settings.database, clock=FileClock(Path(clock_file)))
    worker = DeliveryWorker(store, settings, SiteContent(settings.content_path, settings.output_path))
    print("ready", flush=True)
    worker.run_forever()


if __name__ == "__main__":
    main(sys.argv[1])
