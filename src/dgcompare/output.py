"""Writing output files so that a failure never leaves half a file or destroys an existing one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dgcompare.errors import OutputError


def write_atomically(path: Path, data: str | bytes, *, force: bool = False, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory, then rename it.

    Args:
        path: the file to write.
        data: the text, or the bytes of a binary file.
        force: replace ``path`` if it exists.
        encoding: the text encoding (``utf-8-sig`` puts a byte-order mark first, for Excel).

    Raises:
        OutputError: the file exists and ``force`` is false, or it cannot be written.
    """
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory", hint="name a file, e.g. report.csv")
    if path.exists() and not force:
        raise OutputError(
            f"{path} already exists; it was left untouched",
            hint="add --force to replace it, or choose another name",
        )
    directory = path.parent
    # A file where a directory should be is a slip of the path, not a directory to create.
    blocking = next((d for d in (directory, *directory.parents) if d.is_file()), None)
    if blocking is not None:
        raise OutputError(
            f"cannot write {path}: {blocking} is a file, not a directory",
            hint=f"choose another path, e.g. {blocking.parent / path.name}",
        )
    if not directory.is_dir():
        raise OutputError(
            f"cannot write {path}: the directory {directory} does not exist",
            hint="create it first, or choose another path",
        )
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}", hint="choose a directory you can write to") from exc
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(data)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror}", hint="check the disk and permissions") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    # Mkstemp creates files readable by the owner only; give the output the usual permissions.
    mask = os.umask(0)
    os.umask(mask)
    return mask
