"""One HTTP exchange with a server under test, keeping every header line as sent (repeats too)."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from tests.deploy.servers import insecure_tls


@dataclass
class Answer:
    status: int
    header_lines: list[tuple[str, str]]
    body: bytes

    def headers(self, name: str) -> list[str]:
        """Every value sent under `name` (case-insensitive), in order: a repeated header shows twice."""
        return [value for key, value in self.header_lines if key.lower() == name.lower()]

    def header(self, name: str) -> str | None:
        values = self.headers(name)
        return values[0] if values else None

    @property
    def page(self) -> BeautifulSoup:
        return BeautifulSoup(self.body.decode("utf-8"), "html.parser")

    def title(self) -> str:
        title = self.page.title
        return title.get_text().strip() if title else ""


def exchange(url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=30, context=insecure_tls())
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(
            method, parts.path + (f"?{parts.query}" if parts.query else ""), body=body, headers=headers or {}
        )
        response = connection.getresponse()
        return Answer(response.status, response.getheaders(), response.read())
    finally:
        connection.close()
