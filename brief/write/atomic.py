"""Publish step: the only code that replaces outputs on disk, all or nothing (design.md §1).

In: output bytes by file name. Out: the files in the output folder, each replaced atomically
(temporary file beside the target, then `os.replace`, mode 0644). Nothing is replaced unless every
output is ready.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from brief.errors import BriefError, Location, error


def write_atomic(data: bytes, target: Path) -> None:
    """Replace `target` with `data` completely, or leave it untouched."""
    tmp = _stage(data, target)
    try:
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def prepare_folder(out_dir: Path) -> None:
    """Create the output folder, or raise BriefError saying why it cannot be used."""
    at = Location(str(out_dir), 1, 1)
    if out_dir.exists() and not out_dir.is_dir():
        raise BriefError(
            [
                error(
                    "B410",
                    f"the output folder {out_dir} is a file",
                    at,
                    "choose another folder with -o",
                )
            ]
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as caught:
        raise BriefError(
            [
                error(
                    "B410",
                    f"cannot create the output folder {out_dir}: {caught.strerror}",
                    at,
                    "choose another folder with -o",
                )
            ]
        ) from None
    if not os.access(out_dir, os.W_OK):
        raise BriefError(
            [
                error(
                    "B410",
                    f"the output folder {out_dir} is not writable",
                    at,
                    "choose another folder with -o",
                )
            ]
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(out_dir: Path, names: Mapping[str, bytes]) -> None:
    """Remove temporary files that builds no longer running left beside these outputs.

    Temporary names carry the writing process's id, so a build running at the same time into
    the same folder keeps its files.
    """
    for name in names:
        for leftover in out_dir.glob(f".{name}.*.tmp"):
            pid = leftover.name.removeprefix(f".{name}.").split(".", 1)[0]
            if pid.isdigit() and _alive(int(pid)):
                continue
            with contextlib.suppress(OSError):
                leftover.unlink()


def _stage(data: bytes, target: Path) -> Path:
    """Write `data` to a temporary file beside `target` and return its path."""
    fd, tmp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o644)  # mkstemp files are 0600; outputs are for sharing
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def publish(files: Mapping[str, bytes], out_dir: Path) -> dict[str, Path]:
    """Write every output into `out_dir`: all staged first, then all renamed, or none touched."""
    prepare_folder(out_dir)
    remove_stale_temporaries(out_dir, files)
    staged: dict[str, Path] = {}
    backups: dict[str, Path] = {}
    try:
        for name, data in files.items():
            staged[name] = _stage(data, out_dir / name)
        for name in staged:
            if (out_dir / name).exists():
                backup = out_dir / f".{name}.{os.getpid()}.backup.tmp"
                backup.unlink(missing_ok=True)
                os.link(out_dir / name, backup)
                backups[name] = backup
        written: dict[str, Path] = {}
        try:
            for name, tmp in staged.items():
                os.replace(tmp, out_dir / name)
                written[name] = out_dir / name
        except OSError:
            for name in written:
                if name in backups:
                    os.replace(backups.pop(name), out_dir / name)
                else:
                    (out_dir / name).unlink(missing_ok=True)
            raise
        return written
    except OSError as caught:
        raise BriefError(
            [
                error(
                    "B411",
                    f"cannot write into {out_dir}: {caught.strerror}",
                    Location(str(out_dir), 1, 1),
                    "free some disk space or choose another folder with -o",
                )
            ]
        ) from None
    finally:
        for tmp in (*staged.values(), *backups.values()):
            tmp.unlink(missing_ok=True)
