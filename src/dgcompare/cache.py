"""Files under the user's cache directory, written atomically and checked when read.

Entries are named by a hash of everything they depend on, so an entry is never stale; each carries a
checksum, so a truncated or damaged entry reads as a miss; each is written to a temporary file and renamed,
so concurrent runs never see half an entry. Standard library only: the response cache uses this before
anything heavy is imported.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

HEADER = b"dgcompare-cache-1\n"
ENV_DISABLE = "DGCOMPARE_NO_CACHE"


def enabled() -> bool:
    """False when ``DGCOMPARE_NO_CACHE`` is set to anything."""
    return not os.environ.get(ENV_DISABLE)


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dgcompare``, by default ``~/.cache/dgcompare``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dgcompare"


def entry_path(kind: str, key: str) -> Path:
    """Where the entry ``key`` of ``kind`` (``responses``, ``catalogs``) lives."""
    return cache_dir() / kind / key[:2] / key


def read(path: Path) -> bytes | None:
    """The payload of an entry, or None when it is missing or fails its checksum."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(HEADER):
        return None
    checksum, _, payload = raw[len(HEADER) :].partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    return payload


def write(path: Path, payload: bytes, keep: int = 2000) -> None:
    """Store an entry atomically; keep at most about ``keep`` entries of its kind. Failures are ignored."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # NOTE: a name no other process can be using, created exclusively; tempfile would cost 10 ms to import.
        temporary = path.with_name(f".tmp-{os.getpid()}-{time.time_ns()}-{path.name[:16]}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(HEADER + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        _prune(path.parent.parent, keep)
    except OSError:
        return  # NOTE: a cache that cannot be written only costs speed.


def _prune(root: Path, keep: int) -> None:
    entries = [p for p in root.glob("*/*") if not p.name.startswith(".tmp-")]
    if len(entries) <= keep:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[: len(entries) - keep // 2]:
        old.unlink(missing_ok=True)
