"""Each stage of one build in a cold process, in turn on one thread (issue 15, item 4).

Usage: python bench/stages.py [FOLDER]   (default: examples/thorn)
Prints the seconds of: importing brief, load + check + analyse, compose, loading the page
template, rendering the print HTML, importing WeasyPrint, layout, writing the PDF, then each
follower (EPUB, HTML). Run it several times, and with PYTHONPATH=DIR for another checkout.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path
from typing import Any


def _timed(times: dict[str, float], name: str, work: Any) -> Any:
    start = time.perf_counter()
    result = work()
    times[name] = time.perf_counter() - start
    return result


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/thorn")
    times: dict[str, float] = {}
    _timed(times, "import brief", lambda: importlib.import_module("brief.run.api"))
    from brief.compose.assemble import ComposeOptions, compose
    from brief.compose.render import environment, render_page
    from brief.model import Layout, Paper
    from brief.run.api import check

    report = _timed(times, "load+check+analyse", lambda: check(folder))
    options = ComposeOptions(Paper.A4, Layout.HANDOUT, False)
    document = _timed(times, "compose", lambda: compose(report.brief, report.analysis, options))
    _timed(times, "templates", lambda: environment().get_template("page.html.j2"))
    html = _timed(times, "render print html", lambda: render_page(document, "pdf"))
    _timed(times, "import weasyprint", lambda: importlib.import_module("weasyprint"))
    from brief.write.outputs import WRITERS
    from brief.write.pdf import layout_pdf

    laid_out = _timed(times, "layout", lambda: layout_pdf(html, folder, folder.name))
    _timed(times, "write pdf", lambda: laid_out.write_pdf(pdf_variant="pdf/ua-1"))
    for writer in WRITERS:
        _timed(times, writer.format, lambda writer=writer: writer.write(document, {}))
    sys.stdout.write(" ".join(f"{name}={seconds:.3f}" for name, seconds in times.items()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
