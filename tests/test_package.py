"""The package's shape (issue 14): no import circle, a model that depends on nothing but the
standard library, and functions short enough to read at once."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE, ROOT

PACKAGE = ROOT / "brief"
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _is_module(name: str) -> bool:
    path = ROOT / name.replace(".", "/")
    return path.with_suffix(".py").exists() or path.is_dir()


def _imports(path: Path) -> set[str]:
    """Return the brief modules `path` imports when it runs (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and getattr(block.test, "id", "") == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only or not isinstance(node, ast.ImportFrom):
            continue
        if not (node.module or "").startswith("brief"):
            continue
        names = [f"{node.module}.{alias.name}" for alias in node.names]
        submodules = [name for name in names if _is_module(name)]
        found.update(submodules)
        if len(submodules) < len(names):  # names from the module itself
            found.add(node.module or "")
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in graph:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_module_imports_itself_through_others() -> None:
    graph = {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_model_imports_no_other_stage_and_no_third_party_library() -> None:
    code = (
        "import sys, brief.model; "
        "print(sorted(m for m in sys.modules if m.startswith(('brief', 'PIL', 'weasyprint', "
        "'yaml', 'jinja2', 'babel', 'fontTools'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.split() == [
        "['brief',",
        "'brief.dates',",
        "'brief.errors',",
        "'brief.model',",
        "'brief.version']",
    ]


def test_every_function_is_short_enough_to_read_at_once() -> None:
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines})")
    assert long == []


@pytest.mark.slow  # builds outputs
def test_the_library_leaves_logging_as_it_found_it(tmp_path: Path) -> None:
    """A library does not configure logging (issue 14): building a PDF through the API leaves
    every logger's level as it was; only the command line quiets WeasyPrint."""
    script = (
        "import logging, sys, brief\nfrom pathlib import Path\n"
        "from brief import BuildOptions\n"
        "brief.build(sys.argv[1], BuildOptions(out_dir=Path(sys.argv[2]), formats=('pdf',)))\n"
        "print(logging.getLogger('weasyprint').level, logging.getLogger('brief').level)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLE), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ran.stdout.split() == ["0", "0"]


def test_every_class_the_stylesheets_style_is_one_the_templates_or_code_write() -> None:
    """No dead CSS (issue 14): each `.class` in assets/css is written by a template or module."""
    import re

    css = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "assets/css").glob("*.css"))
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    styled = set(re.findall(r"\.([a-z][a-z0-9-]*)", re.sub(r"\d+\.\d+", "", css)))
    written = "".join(
        path.read_text(encoding="utf-8")
        for pattern in ("templates/**/*.j2", "brief/**/*.py")
        for path in ROOT.glob(pattern)
    )

    def writes(name: str) -> bool:  # as written, or made from a prefix: class="fit-{{ fit }}"
        prefix = name.rsplit("-", 1)[0] + "-"
        return bool(re.search(rf"\b{re.escape(name)}\b", written)) or prefix + "{{" in written

    dead = sorted(name for name in styled if not writes(name))
    assert not dead, dead
