"""The console-script entry point: answer a repeated command from the cache, else run the CLI.

Scripts call dgcompare many times with the same arguments over the same catalog. A finished command's
standard output is stored under a key made of everything that can change it: the arguments, the working
directory, the environment variables the output depends on, the terminal, the code and library files, and
the *contents* of every catalog file involved. The next identical call prints the stored text without
importing Typer, Rich, Pydantic or PyYAML. Only successful commands that write nothing but standard output
are stored; ``DGCOMPARE_NO_CACHE=1`` turns the cache off (:mod:`dgcompare.cache`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dgcompare import cache

FORMAT = b"dgcompare-response-1\n"
ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "DGCOMPARE_DATA",
    "CLICOLOR",
    "CLICOLOR_FORCE",
)
"""Environment variables that can change what a command prints."""
UNCACHED_WORDS = frozenset({"-o", "--output", "--debug", "crosswalk", "--force"})
"""Arguments of commands with effects beyond standard output (files, dates, tracebacks)."""
LIBRARIES = ("typer", "rich", "pydantic", "pydantic_core", "yaml", "rapidfuzz")
MAX_RESPONSE_BYTES = 8 * 2**20


def main() -> None:
    """Run ``dgcompare`` with the arguments of this process."""
    arguments = sys.argv[1:]
    key = _key(arguments) if _cacheable(arguments) else None
    if key is not None:
        cached = _lookup(key)
        if cached is not None:
            sys.stdout.flush()
            sys.stdout.buffer.write(cached)
            sys.stdout.buffer.flush()
            return
    from dgcompare.cli import app

    if key is None:
        app(prog_name="dgcompare")
        return
    original = sys.stdout
    tee = _Tee(original.buffer)
    # NOTE: the copy is taken below the text layer, so that bytes written to sys.stdout.buffer are kept too.
    sys.stdout = io.TextIOWrapper(
        tee,
        encoding=original.encoding,
        errors=original.errors,
        line_buffering=bool(original.line_buffering),
        write_through=True,
    )
    try:
        app(prog_name="dgcompare")
    except SystemExit as done:
        sys.stdout.flush()
        if done.code in (0, None):
            _store(key, tee.captured())
        raise
    finally:
        sys.stdout.flush()
        sys.stdout = original


def _cacheable(arguments: list[str]) -> bool:
    if not cache.enabled():
        return False
    return not any(a in UNCACHED_WORDS or a.startswith(("--output=", "-o")) for a in arguments)


def _key(arguments: list[str]) -> str | None:
    """Everything the output depends on, hashed; None when part of it cannot be read."""
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(repr(part).encode("utf-8", "surrogatepass"))
            digest.update(b"\0")

    try:
        add(FORMAT, sys.version, sys.executable, arguments, os.getcwd())
        add(*((name, os.environ.get(name)) for name in ENVIRONMENT))
        tty = sys.stdout.isatty()
        add(tty, os.get_terminal_size(sys.stdout.fileno()) if tty else None)
        for path in _code_files():
            stat = path.stat()
            add(str(path), stat.st_mtime_ns, stat.st_size)
        for path in sorted(set(_data_files(arguments))):
            add(str(path), hashlib.sha256(path.read_bytes()).hexdigest())
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def _code_files() -> Iterator[Path]:
    package = Path(__file__).resolve().parent
    yield from sorted(package.rglob("*.py"))
    yield from sorted(package.glob("lexicon/*.txt"))  # the word lists change what the matcher finds
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            yield Path(spec.origin)


def _data_files(arguments: list[str]) -> Iterator[Path]:
    """Every catalog file the command may read: built-in, DGCOMPARE_DATA, and any path among the arguments."""
    roots = [Path(__file__).resolve().parent / "data"]
    roots.extend(Path(p) for p in os.environ.get("DGCOMPARE_DATA", "").split(os.pathsep) if p)
    for argument in arguments:
        candidate = Path(argument.split("=", 1)[1] if argument.startswith("--") and "=" in argument else argument)
        if candidate.exists():
            roots.append(candidate)
    for root in roots:
        if root.is_file():
            yield root.resolve()
        elif root.is_dir():
            for folder in (root, root / "principles", root / "crosswalks"):
                if folder.is_dir():
                    yield from (p.resolve() for p in folder.iterdir() if p.is_file())
        else:
            yield root  # NOTE: a missing path must still change the key, so its stat fails and nothing is cached.


def _lookup(key: str) -> bytes | None:
    return cache.read(cache.entry_path("responses", key))


def _store(key: str, payload: bytes) -> None:
    if len(payload) <= MAX_RESPONSE_BYTES:
        cache.write(cache.entry_path("responses", key), payload)


class _Tee(io.RawIOBase):
    """A binary stream that passes everything to standard output's buffer and keeps a copy."""

    def __init__(self, target: BinaryIO) -> None:
        super().__init__()
        self.target = target
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._parts.append(chunk)
        self.target.write(chunk)
        self.target.flush()
        return len(chunk)

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()

    def captured(self) -> bytes:
        return b"".join(self._parts)
