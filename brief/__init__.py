"""brief: turn what was reported about a subject into a printable, trustworthy brief.

The public API is what this package exposes: `load()`, `check()`, `build()`, their options and
results, the model and the one error type (design.md §1).
"""

from __future__ import annotations

__version__ = "0.1.0"

from brief.api import BuildOptions, BuildResult, Report, build, check
from brief.errors import BriefError, Diagnostic, ExitCode, Location, Severity
from brief.load import load
from brief.model import Brief, Layout, Paper

__all__ = [
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
    "check",
    "load",
]
