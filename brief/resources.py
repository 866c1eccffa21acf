"""The one place that knows where templates/, assets/ and fonts are at run time.

Installed wheels carry them under `brief/_data/`; an editable install or a checkout falls back to
the top-level folders (style.md pattern 8).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("brief"))) / "_data" / name
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[1] / name


@cache
def template_dir() -> Path:
    """Return the folder of Jinja2 templates."""
    return _data_dir("templates")


@cache
def asset_dir() -> Path:
    """Return the folder of shipped assets (fonts, CSS, images)."""
    return _data_dir("assets")


def font_dir() -> Path:
    """Return the folder of shipped fonts."""
    return asset_dir() / "fonts"
