"""Write pictures' copies into the output folder, making only those not made before.

A copy is cached as CACHE_PATH/images/<key>.<extension>, the key a hash of the source file's
bytes, the copy's size and format, and the code that makes it (sales_leadership/images/
encode.py and Pillow's version): a changed photo, or a change in how copies are made, makes
new ones; anything else is a file copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import PIL

from sales_leadership.images import encode
from sales_leadership.images.pictures import EXTENSIONS, Picture, Rendition
from sales_leadership.images.sources import SourceImage, file_digest

CACHE_FOLDER = "images"
_RECIPE = hashlib.sha256(Path(encode.__file__).read_bytes() + PIL.__version__.encode()).hexdigest()


def publish_pictures(pictures: Iterable[Picture], output: Path, cache_path: str | Path) -> None:
    """Write every rendition of `pictures` under `output`; ImageError when a source cannot be decoded
    (the caller knows which content file and field to name)."""
    by_source: dict[SourceImage, dict[str, Rendition]] = {}
    for picture in pictures:
        for rendition in picture.renditions:
            by_source.setdefault(rendition.source, {})[rendition.url] = rendition
    cache = Path(cache_path) / CACHE_FOLDER
    for source, renditions in by_source.items():
        _publish_source(source, list(renditions.values()), output, cache)


def _publish_source(source: SourceImage, renditions: list[Rendition], output: Path, cache: Path) -> None:
    if source.vector:  # published as it is
        for rendition in renditions:
            _copy(source.path, output / rendition.url.lstrip("/"))
        return
    digest = file_digest(source.path)
    cached = {rendition: cache / _cache_name(digest, rendition) for rendition in renditions}
    missing = [rendition for rendition, path in cached.items() if not path.is_file()]
    if missing:
        for rendition, data in encode.render(source, missing).items():
            _write_atomically(cached[rendition], data)
    for rendition, path in cached.items():
        _copy(path, output / rendition.url.lstrip("/"))


def _cache_name(digest: str, rendition: Rendition) -> str:
    recipe = f"{digest}|{rendition.format}|{rendition.width}x{rendition.height}|{_RECIPE}"
    return f"{hashlib.sha256(recipe.encode()).hexdigest()[:32]}.{EXTENSIONS[rendition.format]}"


def _write_atomically(path: Path, data: bytes) -> None:
    """Two builds at once (the tests, livereload) never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
