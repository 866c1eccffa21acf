"""Files a brief may read besides its YAML: Markdown includes, local source copies and its logo.

In: names from the source and the brief's folder. Out: their text or checked bytes, or located
diagnostics. Everything is resolved inside the brief's folder (no `..`, absolute paths or symbolic
links that leave it) and read with a size cap.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from brief.errors import BriefError, Diagnostic, Location, error

if TYPE_CHECKING:
    from brief.read.positions import SourceMap

MAX_INCLUDE_BYTES = 5_000_000
#: Characters no text of a brief may hold: C0 controls but tab, line feed and carriage return, DEL,
#: C1 controls and the noncharacters U+FFFE and U+FFFF. XML (the EPUB) cannot hold them, and ESC
#: sequences quoted in a diagnostic would drive the reader's terminal.
CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
#: The same, allowing form feeds: text copies of sources extracted from PDFs hold page breaks.
CONTROL_BUT_FORM_FEED = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


#: Every control character, line breaks included: never printed as they are in a file name (a
#: folder named with ESC and a newline could draw a fake diagnostic line on the terminal).
ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def output_name(file: Path) -> str:
    """Return the name of a brief's outputs from its YAML file: its folder's name, or the file's
    stem when it is not brief.yaml; control characters become `-` (design.md §5).

    The folder is made absolute first, so `brief build .` is named after the folder, not "".

    >>> output_name(Path("/briefs/food bank/brief.yaml")), output_name(Path("/b/county-7.yaml"))
    ('food bank', 'county-7')
    """
    name = file.stem if file.name != "brief.yaml" else Path(os.path.abspath(file.parent)).name
    return ANY_CONTROL.sub("-", name) or "brief"


#: What a name made from a table cell may not hold: controls, path separators, characters some file
#: systems refuse, and leading or trailing dots and spaces (`..`, a hidden file).
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]')
MAX_NAME_CHARS = 100


def cell_output_name(text: str) -> str:
    """Return the output name made from untrusted text (a variant's key): one plain file name,
    never a path; empty only when nothing is left.

    >>> cell_output_name("../../etc/passwd"), cell_output_name(" Adams County, PA ")
    ('-..-etc-passwd', 'Adams County, PA')
    """
    name = _UNSAFE_NAME.sub("-", text).strip(" .")
    return name[:MAX_NAME_CHARS].rstrip(" .")


def display_path(path: Path) -> str:
    r"""Return `path` relative to the current folder when it is below it, as diagnostics print it,
    with control characters shown as `?`.

    >>> display_path(Path("/nowhere/a\x1b[31mb\nc.yaml"))
    '/nowhere/a?[31mb?c.yaml'
    """
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):
        shown = str(path)
    return ANY_CONTROL.sub("?", shown)


class _NotPlainFileError(OSError):
    """A file that is there but is not one a brief may read."""


def _open_regular(file: Path) -> int:
    """Open `file` for reading without blocking (a FIFO would wait for a writer forever) and
    return its descriptor; raise OSError unless it is a regular file with a single name."""
    descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(status.st_mode):
            raise _NotPlainFileError("is not a plain file (a pipe, socket or device)")
        if status.st_nlink > 1:
            raise _NotPlainFileError(
                f"is a hard link (the same file has {status.st_nlink} names), so it may be a "
                "file from outside the brief's folder"
            )
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_capped(file: Path, limit: int, at: Location, code_missing: str = "B402") -> bytes:
    """Read at most `limit` bytes of `file`, raising BriefError when it is missing or larger,
    or not a regular file with one name (B401)."""
    try:
        with os.fdopen(_open_regular(file), "rb") as stream:
            data = stream.read(limit + 1)
    except _NotPlainFileError as caught:
        raise BriefError(
            [
                error(
                    "B401",
                    f"'{file.name}' {caught}",
                    at,
                    "copy the file itself into the brief's folder",
                )
            ]
        ) from None
    except FileNotFoundError:
        raise BriefError(
            [
                error(
                    code_missing,
                    f"file not found: {file.name}",
                    at,
                    "check the file name and that it is inside the brief's folder",
                )
            ]
        ) from None
    except IsADirectoryError:
        raise BriefError(
            [error(code_missing, f"'{file.name}' is a folder, not a file", at)]
        ) from None
    except OSError as caught:
        raise BriefError(
            [error(code_missing, f"cannot read {file.name}: {caught.strerror}", at)]
        ) from None
    if len(data) > limit:
        raise BriefError(
            [
                error(
                    "B403",
                    f"{file.name} is larger than {limit:,} bytes",
                    at,
                    "split the text or shorten it",
                )
            ]
        )
    return data


def decode_utf8(raw: bytes, display: str, control: re.Pattern[str] = CONTROL) -> str:
    """Decode UTF-8 (a leading BOM is allowed), naming the line of the first bad byte.

    A NUL or another control character (`control`) is refused where it stands.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as caught:
        before = raw[: caught.start].decode("utf-8-sig")  # valid up to the first bad byte
        raise BriefError(
            [
                error(
                    "B105",
                    "the file is not valid UTF-8 text",
                    Location.at_offset(display, before, len(before)),
                    "save the file as UTF-8 in your editor",
                )
            ]
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        raise BriefError(
            [
                error(
                    "B105",
                    "the file contains a NUL character",
                    Location.at_offset(display, text, offset),
                    "save the file as plain UTF-8 text",
                )
            ]
        )
    found = control.search(text)
    if found:
        offset = found.start()
        raise BriefError(
            [
                error(
                    "B105",
                    f"the file contains the control character U+{ord(found[0]):04X}",
                    Location.at_offset(display, text, offset),
                    "remove it: a brief's files hold printable text only",
                )
            ]
        )
    return text


def read_includes(
    data: dict[str, Any], where: SourceMap, folder: Path
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Read every `{file: NAME}` include and every source's `text` copy, inside `folder` only."""
    wanted: list[tuple[str, Location, re.Pattern[str]]] = []
    summary = data.get("summary")
    if isinstance(summary, dict) and isinstance(summary.get("file"), str):
        wanted.append((summary["file"], where.locate("summary", "file"), CONTROL))
    for index, item in enumerate(data.get("sources") or []):
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            at = where.locate("sources", index, "text")
            wanted.append((item["text"], at, CONTROL_BUT_FORM_FEED))
    files: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for name, at, control in wanted:
        try:
            target = resolve_inside(folder, name, at)
            raw = read_capped(target, MAX_INCLUDE_BYTES, at)
            text = decode_utf8(raw, display_path(target), control)
            files[name] = text.replace("\r\n", "\n")
        except BriefError as caught:
            problems.extend(caught.diagnostics)
    return files, problems


#: Characters a file name from a source may not hold: a renderer reads `#`, `?` and `%` in a name
#: as URL syntax (fragment, query, escape), so the file checked and the file rendered could differ.
UNSAFE_NAME = re.compile(r"[#?%\x00-\x1f\x7f-\x9f]")


def check_file_name(name: str, at: Location) -> None:
    """Refuse a file name holding `#`, `?`, `%` or control characters (B407).

    >>> check_file_name("logo.png", Location("brief.yaml", 1, 1))
    >>> check_file_name("logo.png#x", Location("brief.yaml", 8, 11))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    brief.errors.BriefError: brief.yaml:8:11: error B407: ...
    """
    found = UNSAFE_NAME.search(name)
    if found:
        shown = repr(found[0]) if found[0] not in "#?%" else found[0]
        raise BriefError(
            [
                error(
                    "B407",
                    f"the file name '{CONTROL.sub('?', name)[:200]}' contains {shown}, "
                    "which is not allowed in the name of a file a brief uses",
                    at,
                    "rename the file with letters, digits, spaces, dots, dashes and underscores",
                )
            ]
        )


def resolve_inside(folder: Path, name: str, at: Location) -> Path:
    """Return `folder/name`, refusing absolute paths, `..` and symlinks that leave the folder,
    and names a renderer would read as a URL (B407)."""
    check_file_name(name, at)
    pure = PurePosixPath(name.replace("\\", "/"))
    if not name or pure.is_absolute() or ".." in pure.parts or ":" in name:
        raise BriefError(
            [
                error(
                    "B401",
                    f"'{name}' is outside the brief's folder",
                    at,
                    "use a file name relative to the folder that holds brief.yaml",
                )
            ]
        )
    root = folder.resolve()
    try:
        target = (root / pure).resolve()
    except (RuntimeError, OSError):  # a loop of symbolic links (RuntimeError before 3.13)
        raise BriefError(
            [
                error(
                    "B401",
                    f"'{CONTROL.sub('?', name)[:200]}' leads nowhere (a loop of symbolic links)",
                    at,
                    "copy the file itself into the brief's folder",
                )
            ]
        ) from None
    if not target.is_relative_to(root):
        raise BriefError(
            [
                error(
                    "B401",
                    f"'{name}' leads outside the brief's folder (through a symbolic link)",
                    at,
                    "copy the file into the brief's folder",
                )
            ]
        )
    return target
