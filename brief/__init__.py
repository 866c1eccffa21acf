"""brief: turn what was reported about a subject into a printable, trustworthy brief.

The public API is what this package exposes: `load()`, `check()`, `build()`, their options and
results, the model and the one error type (docs/design.md §1). The names are imported when first
used, so that importing one stage (`brief.model`, `brief.read.load`) does not import every other.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from brief.version import __version__

if TYPE_CHECKING:
    from brief.draft import draft
    from brief.errors import BriefError, Diagnostic, ExitCode, Location, Severity
    from brief.model import Brief, Layout, Paper
    from brief.read.load import load
    from brief.run.api import BuildOptions, BuildResult, Report, build, check, check_all
    from brief.run.batch import BatchItem, build_many

#: Each public name and the module that defines it.
_EXPORTS = {
    "BuildOptions": "brief.run.api",
    "BuildResult": "brief.run.api",
    "Report": "brief.run.api",
    "build": "brief.run.api",
    "check": "brief.run.api",
    "check_all": "brief.run.api",
    "BatchItem": "brief.run.batch",
    "build_many": "brief.run.batch",
    "BriefError": "brief.errors",
    "Diagnostic": "brief.errors",
    "ExitCode": "brief.errors",
    "Location": "brief.errors",
    "Severity": "brief.errors",
    "load": "brief.read.load",
    "draft": "brief.draft",
    "Brief": "brief.model",
    "Layout": "brief.model",
    "Paper": "brief.model",
}

__all__ = [
    "BatchItem",
    "Brief",
    "BriefError",
    "BuildOptions",
    "BuildResult",
    "Diagnostic",
    "ExitCode",
    "Layout",
    "Location",
    "Paper",
    "Report",
    "Severity",
    "__version__",
    "build",
    "build_many",
    "check",
    "check_all",
    "draft",
    "load",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for (PEP 562)."""
    if name in _EXPORTS:
        module = import_module(_EXPORTS[name])
        # `brief.draft` is a callable package: the name is the module, so that both
        # `brief.draft(...)` and `brief.draft.read` work, whichever was imported first.
        value = module if _EXPORTS[name] == f"brief.{name}" else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'brief' has no attribute {name!r}")
