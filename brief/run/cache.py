"""Content-addressed output cache: the same source, options and `brief` version give the same bytes.

In: the checked source's bytes, the build options, and our templates and CSS. Out: a key, and the
outputs stored under it, so a no-op rebuild only re-publishes them.

The cache folder is not trusted (anyone who can write it could edit it). Its layout:
`<cache>/index/<key>.json` maps each output's suffix ("pdf", "print.html"…) to the sha256 of its
bytes, and `<cache>/blobs/<sha256>` holds those bytes. The index names no file: output names come
from the build (the brief's name, carried by the `CacheKey`, and the requested formats), keys and
hashes must be 64 hex digits, and every blob's hash is checked before use. Anything unexpected
(unreadable, not JSON, wrong shapes or types, a missing or edited blob) is a miss: the caller
rebuilds and `store` replaces the entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from brief.model import Brief
from brief.options import FORMATS
from brief.resources import asset_dir, template_dir
from brief.run.report import Output, describe_output
from brief.version import __version__
from brief.write.atomic import write_atomic

INDEX_VERSION = 4
_ENTRY_KEYS = ("sha256", "pages", "fit", "quotes_shown", "figures_shown")
KEPT_HTML = "print.html"
MAX_INDEX_BYTES = 64 * 1024
MAX_BLOB_BYTES = 512 * 1024 * 1024
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class CacheKey:
    """A build's cache key (64 hex digits) and the outputs it stands for: their names are
    `<name>.<suffix>` for each suffix, whatever the cache holds."""

    digest: str
    name: str = ""
    suffixes: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return self.digest


@dataclass(frozen=True)
class Hit:
    """A verified cache entry: each output's bytes by file name, and their descriptions."""

    files: dict[str, bytes]
    outputs: tuple[Output, ...]


@dataclass(frozen=True)
class _Entry:
    sha256: str
    pages: int | None
    fit: int | None
    quotes_shown: int | None
    figures_shown: int | None


@cache
def _ours_digest() -> str:
    """Hash our templates and stylesheets, so an edited checkout never reuses stale outputs."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (template_dir(), asset_dir() / "css"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def cache_key(brief: Brief, options: Mapping[str, object]) -> CacheKey:
    """Return the key of a build: its source, included files, options and our own files."""
    digest = hashlib.sha256(_ours_digest().encode())
    digest.update(brief.source_yaml)
    for name, text in sorted(brief.texts.items()):
        digest.update(name.encode() + b"\0" + text.encode())
    for name, image in sorted(brief.images.items()):
        digest.update(name.encode() + b"\0" + image.data)
    for name, font in sorted(brief.font_files.items()):
        digest.update(name.encode() + b"\0" + font.data)
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    digest.update(brief.name.encode())
    digest.update(json.dumps(brief.variant).encode())  # a variant's row (brief/read/variants/)
    return CacheKey(digest.hexdigest(), brief.name, _suffixes(options))


def _suffixes(options: Mapping[str, object]) -> frozenset[str]:
    """The suffixes a build with these options writes (and caches)."""
    formats = options.get("formats")
    chosen = {fmt for fmt in FORMATS if isinstance(formats, tuple | list) and fmt in formats}
    if options.get("keep_html") and "pdf" in chosen:
        chosen.add(KEPT_HTML)
    return frozenset(chosen)


def lookup(cache_dir: Path, key: CacheKey) -> Hit | None:
    """Return the verified outputs cached under `key`, or None for a miss (of any kind)."""
    if not _HEX64.fullmatch(key.digest) or not key.suffixes:
        return None
    raw = _read_regular(cache_dir / "index" / f"{key.digest}.json", MAX_INDEX_BYTES)
    entries = _parse_index(raw, key.suffixes) if raw is not None else None
    if entries is None:
        return None
    files: dict[str, bytes] = {}
    outputs: list[Output] = []
    for suffix, entry in entries.items():
        data = _read_blob(cache_dir, entry.sha256)
        if data is None:
            return None
        files[f"{key.name}.{suffix}"] = data
        if suffix in FORMATS:
            path = f"{key.name}.{suffix}"
            outputs.append(
                describe_output(
                    suffix,
                    path,
                    data,
                    entry.pages,
                    entry.fit,
                    entry.quotes_shown,
                    entry.figures_shown,
                )
            )
    outputs.sort(key=lambda output: FORMATS.index(output.format))
    return Hit(files, tuple(outputs))


def store(
    cache_dir: Path, key: CacheKey, files: Mapping[str, bytes], outputs: Sequence[Output]
) -> None:
    """Keep outputs under `key`; a cache that cannot be written is simply skipped."""
    try:
        _store(cache_dir, key, files, outputs)
    except Exception:  # the cache is an optimisation, never a reason to fail
        return


def _store(
    cache_dir: Path, key: CacheKey, files: Mapping[str, bytes], outputs: Sequence[Output]
) -> None:
    if not _HEX64.fullmatch(key.digest) or not key.suffixes:
        return
    described = {o.format: (o.pages, o.fit, o.quotes_shown, o.figures_shown) for o in outputs}
    entries: dict[str, dict[str, object]] = {}
    for suffix in sorted(key.suffixes):
        data = files.get(f"{key.name}.{suffix}")
        if data is None:
            return  # an incomplete build is not cached
        digest = hashlib.sha256(data).hexdigest()
        (cache_dir / "blobs").mkdir(parents=True, exist_ok=True)
        write_atomic(data, cache_dir / "blobs" / digest)
        pages, fit, quotes, figures = described.get(suffix, (None, None, None, None))
        entries[suffix] = {
            "sha256": digest,
            "pages": pages,
            "fit": fit,
            "quotes_shown": quotes,
            "figures_shown": figures,
        }
    index = {"version": INDEX_VERSION, "files": entries}
    (cache_dir / "index").mkdir(parents=True, exist_ok=True)
    path = cache_dir / "index" / f"{key.digest}.json"
    write_atomic(json.dumps(index, sort_keys=True).encode(), path)


def _parse_index(raw: bytes, suffixes: frozenset[str]) -> dict[str, _Entry] | None:
    """Return the index's entry for each expected suffix, or None if it is anything else."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return None
    files = data.get("files")
    if not isinstance(files, dict) or set(files) != suffixes:
        return None
    entries = {suffix: _parse_entry(files[suffix]) for suffix in sorted(suffixes)}
    checked = {suffix: entry for suffix, entry in entries.items() if entry is not None}
    return checked if len(checked) == len(entries) else None


def _parse_entry(entry: object) -> _Entry | None:
    if not isinstance(entry, dict) or set(entry) != set(_ENTRY_KEYS):
        return None
    digest, pages, fit, quotes, figures = (entry[key] for key in _ENTRY_KEYS)
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        return None
    if not all(_is_count(value) for value in (pages, fit, quotes, figures)):
        return None
    return _Entry(digest, pages, fit, quotes, figures)


def _is_count(value: object) -> bool:
    return value is None or (type(value) is int and 0 <= value < 2**31)


def _read_blob(cache_dir: Path, digest: str) -> bytes | None:
    """Return the blob named `digest` if its bytes have that hash, else None."""
    data = _read_regular(cache_dir / "blobs" / digest, MAX_BLOB_BYTES)
    if data is None or hashlib.sha256(data).hexdigest() != digest:
        return None
    return data


def _read_regular(path: Path, limit: int) -> bytes | None:
    """Read a regular file of at most `limit` bytes; not a symlink, FIFO or device (no hang)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            data = stream.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None
