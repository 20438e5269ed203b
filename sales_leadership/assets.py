"""Where the site's front-end files are published, and their address.

The theme's `static/` folder and each plugin's `static/` folder are published
under one versioned folder that mirrors the repository:

    theme/static/css/site.css                  -> /assets/<version>/theme/static/css/site.css
    plugins/role_quiz/static/role-quiz.mjs     -> /assets/<version>/plugins/role_quiz/static/role-quiz.mjs

so a module imports another by the same relative path in the source and on the
site (`../../partner_directory/static/routing.mjs`). The version is a hash of every
published file's content: a deploy that changes one byte changes every address, so
hosts can cache the folder for a year (`immutable`) and nobody sees stale styles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

ASSETS_FOLDER = "assets"
VERSION_LENGTH = 10


def published_files(folders: Iterable[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """(published path, source file) for every file in the given (published prefix, static folder) pairs."""
    files = []
    for prefix, folder in folders:
        if folder.is_dir():
            files.extend(
                (f"{prefix}/{path.relative_to(folder).as_posix()}", path)
                for path in sorted(folder.rglob("*"))
                if path.is_file()
            )
    return sorted(files)


def asset_version(files: Iterable[tuple[str, Path]], generated: dict[str, bytes] | None = None) -> str:
    """A short hash of the published paths and their contents (files, and files made at build time)."""
    digest = hashlib.sha256()
    for published, source in files:
        digest.update(published.encode() + b"\0" + source.read_bytes() + b"\0")
    for published, data in sorted((generated or {}).items()):
        digest.update(published.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:VERSION_LENGTH]


def asset_url(path: str, version: str) -> str:
    """The root-relative address of a published front-end file: `asset_url("theme/static/css/site.css", v)`."""
    return f"/{ASSETS_FOLDER}/{version}/{path.lstrip('/')}"
