"""Writing a fixed file so that a crash leaves it either as it was or as fixed.

The new bytes go to a temporary file in the same folder (same file system,
so the rename is atomic), which is flushed, fsynced, given the original's
mode and then renamed over it. Just before the rename the file is read again:
if someone changed it since it was linted, the fix is dropped, never merged.

A temporary file is named `.NAME.PID.RANDOM.corpuslint-tmp`: hidden, never
matching an include pattern (and excluded by default besides), and carrying
the writer's process id, so a later run can tell the leftover of a killed run
(its process is gone) from another run's file in flight, and remove it.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable

TEMP_SUFFIX = ".corpuslint-tmp"
_LEFTOVER = re.compile(rf"^\..+\.(\d+)\.[a-z0-9_]+{re.escape(TEMP_SUFFIX)}$")


class WriteError(Exception):
    """A fix that could not be written; the message names the file and the reason."""


def _cp1252_undefined(error: UnicodeError) -> tuple[bytes, int]:
    """Encode the code points U+0080-U+00FF that cp1252 leaves undefined back to their bytes.

    The mirror of sources' decoding fallback, so a cp1252 file round-trips byte for byte.
    """
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start : error.end]
    if all(ord(c) < 0x100 for c in chunk):
        return bytes(ord(c) for c in chunk), error.end
    raise error


codecs.register_error("corpuslint-cp1252-encode", _cp1252_undefined)


def encode(text: str, encoding: str, bom: bool = False) -> bytes:
    """The bytes a document is stored as: its BOM, then its text in its encoding."""
    try:
        data = text.encode(encoding, errors="corpuslint-cp1252-encode")
    except UnicodeEncodeError as error:
        char = error.object[error.start]
        raise WriteError(
            f"the fixed text holds {char!r}, which {encoding} cannot store; "
            "rewrite the file as UTF-8 first (U002, --unsafe-fixes)"
        ) from None
    return (codecs.BOM_UTF8 if bom else b"") + data


def first_invalid_utf8(data: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8, or None when all of it is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return None


def write_atomic(path: str, data: bytes, *, expected: bytes) -> bool:
    """Replace the file at `path` with `data` if it still holds `expected`; False when it changed.

    A symbolic link is followed: its target is rewritten, the link stays.
    Raises WriteError when the file is read-only or the folder refuses a new file.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        info = os.stat(target)
    except OSError as error:
        raise WriteError(f"{path}: cannot write the fixes: {error.strerror or error}") from None
    writable = info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if not writable or not os.access(target, os.W_OK):
        raise WriteError(
            f"{path}: the file is read-only; fixes not written "
            "(make it writable, or leave out --fix)"
        )
    try:
        handle, temp = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        raise WriteError(
            f"{path}: cannot create a temporary file in {folder}: {error.strerror or error}"
        ) from None
    done = False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode))
            if hasattr(os, "fchown"):
                with contextlib.suppress(OSError):  # keeping the owner needs privileges we may lack
                    os.fchown(out.fileno(), info.st_uid, info.st_gid)
            os.fsync(out.fileno())
        with open(target, "rb") as current:
            if current.read() != expected:
                return False
        # The data is on disk before the rename, so a crash leaves the old file or the new one.
        # The folder is not fsynced: losing the rename itself leaves the old file, which is
        # allowed, and a folder fsync per file would cost a fifth of the run.
        os.replace(temp, target)
        done = True
        return True
    except OSError as error:
        raise WriteError(f"{path}: cannot write the fixes: {error.strerror or error}") from None
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def remove_leftovers(folders: Iterable[str]) -> list[str]:
    """Delete temporary files that killed runs left in these folders; returns their paths.

    A temporary file whose writer is still running is another run's work in
    flight, and is left alone.
    """
    removed = []
    for folder in sorted(set(folders)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            match = _LEFTOVER.match(entry.name)
            if match and not _alive(int(match.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(entry.path)
    return removed


def _alive(pid: int) -> bool:
    """Whether a process runs: a zombie (killed, not yet reaped by its parent) does not."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # a process we may not signal still exists
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            return stat_file.read().rpartition(b")")[2].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): the signal said it exists
