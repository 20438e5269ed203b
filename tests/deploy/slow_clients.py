"""Clients that send a request body a byte at a time, and whether others are still answered.

The attack of issue 12: eight connections each announce a small form post and then
trickle its body, one byte every TRICKLE_SECONDS, far slower than any person's
browser. Meanwhile ordinary requests must still be answered. Loops are bounded
(bytes, time) and only ever talk to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

SLOW_CLIENTS = 8
NORMAL_REQUESTS = 5
BODY_BYTES = 400
TRICKLE_SECONDS = 0.5  # a 400-byte body would take 200 s
ATTACK_SECONDS = 45  # the slow clients give up after this, answered or not
ANSWER_WITHIN_SECONDS = 30  # an ordinary request not answered by then counts as not answered


@dataclass
class Outcome:
    answered: int
    statuses: list[int]
    slow_clients_cut_off: int


def _slow_client(host: str, port: int, tls: ssl.SSLContext | None, stop: threading.Event, origin: str) -> bool:
    """Trickle a form post; True when the server hung up (or answered) before the body was sent."""
    raw = socket.create_connection((host, port), timeout=5)
    conn = tls.wrap_socket(raw, server_hostname=host) if tls else raw
    try:
        head = (
            f"POST /api/contact HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: {origin}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {BODY_BYTES}\r\n\r\n"
        )
        conn.sendall(head.encode())
        conn.settimeout(TRICKLE_SECONDS)
        deadline = time.monotonic() + ATTACK_SECONDS
        for _ in range(BODY_BYTES):
            if stop.is_set() or time.monotonic() > deadline:
                return False
            try:
                conn.sendall(b"a")
            except OSError:
                return True  # the server closed the connection
            try:
                conn.recv(1024)
                return True  # an answer, or a close, before the body was complete
            except (TimeoutError, ssl.SSLError):
                continue  # nothing yet: the server is still waiting for the body
            except OSError:
                return True
        return False
    finally:
        conn.close()


def _normal_request(host: str, port: int, tls: ssl.SSLContext | None) -> int:
    connection = (
        http.client.HTTPSConnection(host, port, timeout=ANSWER_WITHIN_SECONDS, context=tls)
        if tls
        else http.client.HTTPConnection(host, port, timeout=ANSWER_WITHIN_SECONDS)
    )
    try:
        connection.request("GET", "/api/health")
        return connection.getresponse().status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def attack(
    port: int, origin: str, tls: ssl.SSLContext | None = None, host: str = "127.0.0.1", until_cut_off: bool = False
) -> Outcome:
    """Eight slow clients, then five ordinary requests while they trickle; what happened.

    The slow clients stop once the ordinary requests are done, unless `until_cut_off`: then each
    goes on until the server hangs up or ATTACK_SECONDS pass. A server that reads one client at a
    time per thread starts each one's clock when a thread picks it up, so some are cut off only
    after the ordinary requests were answered; stopping them then would count them as never cut.
    """
    stop = threading.Event()
    with ThreadPoolExecutor(SLOW_CLIENTS + NORMAL_REQUESTS) as pool:
        slow = [pool.submit(_slow_client, host, port, tls, stop, origin) for _ in range(SLOW_CLIENTS)]
        time.sleep(2)  # every slow client is connected and trickling
        normal = [pool.submit(_normal_request, host, port, tls) for _ in range(NORMAL_REQUESTS)]
        statuses = [future.result() for future in normal]
        if not until_cut_off:
            stop.set()
        cut_off = sum(1 for future in slow if future.result())
    return Outcome(sum(1 for status in statuses if status == 200), statuses, cut_off)
