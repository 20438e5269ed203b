"""`invoke bench-intake`: intake throughput and tail latency, next to a bare SQLite insert loop.

Both sides pay the same durability (WAL, synchronous=FULL, one transaction per
lead), so the ratio is the cost of HTTP, parsing, validation, routing and the
outbox row on top of the unavoidable fsync. Posts go through a real HTTP
server on 127.0.0.1 from several client threads, as a burst of visitors would.
"""

from __future__ import annotations

import http.client
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from intake.config import ROOT
from intake.storage import LeadStore
from tests.intake.support import sample_lead

POSTS = 400
CLIENTS = 8
INSERTS = 400


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bare_insert_loop(path: Path, count: int = INSERTS) -> tuple[float, list[float]]:
    """The reference: one INSERT + COMMIT per row, same pragmas as the intake; (rows/s, latencies)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, created_at TEXT, fields TEXT)")
    body = urlencode(sample_lead())
    latencies = []
    began = time.perf_counter()
    for number in range(count):
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t (created_at, fields) VALUES (?, ?)", (str(number), body))
        db.execute("COMMIT")
        latencies.append(time.perf_counter() - start)
    elapsed = time.perf_counter() - began
    db.close()
    return count / elapsed, latencies


def post_burst(
    url: str, posts: int = POSTS, clients: int = CLIENTS, first: int = 0
) -> tuple[float, list[float], dict[int, int]]:
    """`posts` form posts from `clients` threads; (posts/s, latencies, status counts).

    Each post is a different lead (`sample_lead(first + n)`): the intake merges a lead sent again.
    """
    parts = urlsplit(url)
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def post(number: int) -> float:
        body = urlencode(sample_lead(number))
        start = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", "Origin": url}
        connection.request("POST", "/api/contact", body=body, headers=headers)
        status = connection.getresponse().status
        connection.close()
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
        return time.perf_counter() - start

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = list(pool.map(post, range(first, first + posts)))
    return posts / (time.perf_counter() - began), latencies, statuses


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    parts = urlsplit(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            connection.request("GET", "/api/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the intake did not start under gunicorn (run `gunicorn -c deploy/gunicorn.conf.py` to see why)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_intake_bench(posts: int = POSTS, clients: int = CLIENTS) -> list[str]:
    """Lines for `invoke bench`: the intake's posts/s and p99 against the bare insert loop.

    The intake runs as in production: gunicorn with deploy/gunicorn.conf.py, in its own process.
    """
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as tmp:
        tmp_path = Path(tmp)
        insert_rate, insert_latencies = bare_insert_loop(tmp_path / "reference.sqlite3")
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "INTAKE_DATABASE": str(tmp_path / "intake.sqlite3"),
            "INTAKE_SECRET": "bench",
            "INTAKE_RATE_LIMIT_POSTS": "0",
            "INTAKE_ALLOWED_ORIGINS": url,
            "INTAKE_SMTP_HOST": "",
        }
        command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for(url, server)
            _, alone, _ = post_burst(url, posts // 4, 1)
            rate, latencies, statuses = post_burst(url, posts, clients, first=posts // 4)
        finally:
            server.terminate()
            server.wait(30)
        store = LeadStore(env["INTAKE_DATABASE"])
        stored = store.count_leads() - len(alone)
        store.close()
    ms = 1000
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (shared machines make these figures noisy)",
        f"intake (gunicorn, deploy/gunicorn.conf.py): one client alone: p50 {statistics.median(alone) * ms:.1f} ms, "
        f"p99 {percentile(alone, 0.99) * ms:.1f} ms",
        f"intake: {posts} posts from {clients} client threads over HTTP: {rate:.0f} posts/s, "
        f"p50 {statistics.median(latencies) * ms:.1f} ms, p99 {percentile(latencies, 0.99) * ms:.1f} ms "
        f"(statuses {dict(sorted(statuses.items()))}, {stored} stored)",
        f"reference: bare SQLite insert loop (WAL, synchronous=FULL, one commit per row): {insert_rate:.0f} rows/s, "
        f"p99 {percentile(insert_latencies, 0.99) * ms:.2f} ms",
        f"ratio: the intake sustains {rate / insert_rate:.2f}x the bare insert rate "
        f"(its p99 is {percentile(latencies, 0.99) / percentile(insert_latencies, 0.99):.0f}x the insert p99)",
    ]
