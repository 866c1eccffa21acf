"""Content-addressed output cache: the same source, options and `brief` version give the same bytes.

In: the checked source's bytes, the build options, and our templates and CSS. Out: a key, and the
outputs stored under it (`<cache>/<key>/<file>`), so a no-op rebuild only re-publishes them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from brief import __version__
from brief.model import Brief
from brief.resources import asset_dir, template_dir
from brief.write.atomic import publish


@cache
def _ours_digest() -> str:
    """Hash our templates and stylesheets, so an edited checkout never reuses stale outputs."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (template_dir(), asset_dir() / "css"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def cache_key(brief: Brief, options: Mapping[str, object]) -> str:
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
    return digest.hexdigest()


def load_cached(cache_dir: Path, key: str, names: list[str]) -> dict[str, bytes] | None:
    """Return the cached outputs for `key`, or None unless every one is there."""
    folder = cache_dir / key
    try:
        return {name: (folder / name).read_bytes() for name in names}
    except OSError:
        return None


def store(cache_dir: Path, key: str, files: Mapping[str, bytes]) -> None:
    """Keep outputs under `key`; a cache that cannot be written is simply skipped."""
    try:
        publish(files, cache_dir / key)
    except Exception:  # the cache is an optimisation, never a reason to fail
        return
