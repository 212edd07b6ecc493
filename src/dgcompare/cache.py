"""dgcompare's one on-disk cache: validated catalogs, and the matcher profiles made from them, as JSON.

An entry is named by a hash of everything it depends on: the contents of every catalog file read (under the
name shown for it, however its directory was given), the theme taxonomy, the package's own code and word
lists, and the year that validation takes as "now"; profiles also by their scoring settings as a whole.
So an entry is never stale: an edited file, another version of dgcompare or another setting is another
key. Each entry carries a checksum, so a truncated or damaged entry reads as a miss, and is written to a
temporary file and renamed, so concurrent runs never see half an entry. Entries are JSON: a tampered
entry can mislead at worst, never run code. At most :data:`MAX_ENTRIES` entries and :data:`MAX_BYTES`
bytes are kept, the least recently used going first. ``DGCOMPARE_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HEADER = b"dgcompare-cache-2\n"
ENV_DISABLE = "DGCOMPARE_NO_CACHE"
MAX_ENTRIES = 20
MAX_BYTES = 200 * 2**20
"""About ten catalogs of a thousand jurisdictions with their profiles; the built-in catalog takes 0.3 MB."""


def enabled() -> bool:
    """False when ``DGCOMPARE_NO_CACHE`` is set to anything."""
    return not os.environ.get(ENV_DISABLE)


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dgcompare``, by default ``~/.cache/dgcompare``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dgcompare"


def content_key(kind: str, files: Iterable[tuple[Path, str]]) -> str | None:
    """The key of an entry made from ``files`` (path, name shown), or None when one cannot be read."""
    digest = hashlib.sha256(HEADER + kind.encode() + b"\0")
    digest.update(f"{datetime.date.today().year}\0".encode())
    try:
        for path in _code_files():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        for path, shown in files:
            digest.update(shown.encode("utf-8", "surrogatepass") + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def derived_key(key: str, *parts: object) -> str:
    """The key of an entry derived from entry ``key`` under settings ``parts`` (their reprs name every field)."""
    return hashlib.sha256("\0".join([key, *map(repr, parts)]).encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """A hash of the package's code and word lists: a modified checkout of one version gives another."""
    digest = hashlib.sha256()
    for path in _code_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _code_files() -> list[Path]:
    """The package's code and word lists; the built-in catalog (``data/``) is hashed as data by the caller."""
    package = Path(__file__).resolve().parent
    found: list[Path] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d not in ("data", "__pycache__"))
        found.extend(Path(folder, n) for n in sorted(names) if n.endswith((".py", ".txt", ".json", ".yaml")))
    return found


def read(key: str) -> Any | None:
    """The data stored under ``key``, or None when it is missing, damaged or not JSON."""
    path = _path(key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(HEADER):
        return None
    checksum, _, payload = raw[len(HEADER) :].partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # the least recently used entries go first
    return data


def write(key: str, data: Any) -> None:
    """Store ``data`` (JSON-ready) under ``key`` atomically, then keep the cache within its bounds.

    A cache that cannot be written only costs speed: failures are ignored.
    """
    path = _path(key)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A name no other process can be using, created exclusively.
        temporary = path.with_name(f".tmp-{os.getpid()}-{time.time_ns()}-{path.name[:16]}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(HEADER + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        _prune(path.parent)
    except OSError:
        return


def _path(key: str) -> Path:
    return cache_dir() / "v2" / key


def _prune(root: Path) -> None:
    for legacy in ("responses", "catalogs"):
        # Earlier versions kept command output and pickled catalogs there, up to gigabytes: gone for good.
        shutil.rmtree(root.parent / legacy, ignore_errors=True)
    entries = []
    for path in root.iterdir():
        if not path.name.startswith(".tmp-"):
            stat = path.stat()
            entries.append((stat.st_mtime, stat.st_size, path))
    entries.sort(reverse=True)
    total = 0
    for count, (_, size, path) in enumerate(entries, start=1):
        total += size
        if count > MAX_ENTRIES or total > MAX_BYTES:
            path.unlink(missing_ok=True)
