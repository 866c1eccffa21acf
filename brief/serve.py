"""`brief serve`: a live preview on 127.0.0.1 that rebuilds on save and reloads the page by itself.

In: a brief's path. Out: an HTTP server serving only the preview's own files: the HTML page (with a
small reload script of ours), the latest PDF, and a version number the page polls. A broken source
shows its diagnostics in the page. Requests whose Host is not the loopback address get 403.
"""

from __future__ import annotations

import contextlib
import html
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from brief.api import BuildOptions, build_in_memory
from brief.errors import BriefError, format_text
from brief.load import find_source_file

ALLOWED_HOSTS = ("127.0.0.1", "localhost", "[::1]")
#: Polls the version and reloads when it is not the one the page was built at (the page carries
#: it: a version read by the first poll could already be newer than the page that was shown).
RELOAD_SCRIPT = """<script>
(function () {
  var built = "%(version)d";
  function poll() {
    fetch("/__brief/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (v !== built) { location.reload(); } })
      .catch(function () {}).finally(function () { setTimeout(poll, 300); });
  }
  poll();
})();
</script>"""


@dataclass
class Preview:
    """The latest build of a brief, rebuilt by `refresh`; shared by the server's threads."""

    source: Path
    version: int = 0
    page: bytes = b""
    pdf: bytes = b""
    name: str = "brief"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refresh(self, formats: tuple[str, ...] = ("html",)) -> None:
        """Rebuild the requested formats in memory and publish them to the server."""
        problems = ""
        try:
            report, files, _ = build_in_memory(self.source, BuildOptions(formats=formats))
            name = report.brief.name
            if not files:
                problems = format_text(report.findings)
        except BriefError as caught:
            name, files, problems = self.name, {}, format_text(caught.diagnostics)
        with self.lock:
            self.name = name
            if problems:
                self.page = _problem_page(problems)
            elif f"{name}.html" in files:
                self.page = files[f"{name}.html"]
            if f"{name}.pdf" in files:
                self.pdf = files[f"{name}.pdf"]
            self.version += 1

    def served_page(self) -> bytes:
        """The page with our reload script, carrying the version it is served at (under lock)."""
        script = RELOAD_SCRIPT % {"version": self.version}
        return self.page.replace(b"</body>", script.encode() + b"</body>", 1)


def _problem_page(problems: str) -> bytes:
    body = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>brief: '
        f"the source has problems</title></head><body><h1>The source has problems</h1>"
        f"<pre>{html.escape(problems)}</pre></body></html>"
    )
    return body.encode()


def make_handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    """Return a request handler that serves `preview` and nothing else."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "brief-preview"

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            if host not in ALLOWED_HOSTS:  # DNS rebinding: only loopback names are served
                self._send(HTTPStatus.FORBIDDEN, b"forbidden host", "text/plain")
                return
            path = self.path.split("?", 1)[0]
            with preview.lock:
                page = preview.served_page()
                routes = {
                    "/": (page, "text/html; charset=utf-8"),
                    "/index.html": (page, "text/html; charset=utf-8"),
                    f"/{preview.name}.pdf": (preview.pdf, "application/pdf"),
                    "/__brief/version": (str(preview.version).encode(), "text/plain"),
                }
            body, kind = routes.get(path, (None, ""))
            if body is None or (path.endswith(".pdf") and not body):
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
            else:
                self._send(HTTPStatus.OK, body, kind)

        def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the CLI reports rebuilds, not requests

    return Handler


def start_server(preview: Preview, port: int = 0) -> ThreadingHTTPServer:
    """Start serving `preview` on 127.0.0.1 (a free port when `port` is 0) in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


MAX_WATCHED_FILES = 10_000  # a folder bigger than this is fingerprinted by its first files only


def fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file under `folder` (hidden ones skipped).

    Taken just before each build, so an edit made while a build runs, or before the watcher has
    started, is never lost: the next look at the folder sees a different fingerprint.
    """
    seen: list[tuple[str, int, int]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or len(seen) >= MAX_WATCHED_FILES:
                continue
            with contextlib.suppress(OSError):
                info = os.stat(os.path.join(root, name), follow_symlinks=False)
                seen.append((os.path.join(root, name), info.st_size, info.st_mtime_ns))
    return tuple(seen)


def watch(
    preview: Preview,
    stop: threading.Event,
    on_rebuild: Callable[[Preview], None] = lambda _: None,
    built: tuple[tuple[str, int, int], ...] | None = None,
) -> None:
    """Rebuild whenever a file in the brief's folder changes, until `stop` is set.

    `built` is the folder's fingerprint when the preview was last built (taken now if None).
    watchfiles wakes the loop at once on a change; the loop also looks every half second, and
    rebuilds only when the fingerprint differs, so no edit is missed and none is built twice.
    """
    from watchfiles import watch as watch_files

    folder = find_source_file(preview.source).parent
    if built is None:
        built = fingerprint(folder)
    changes = watch_files(
        folder, stop_event=stop, debounce=100, step=50, rust_timeout=500, yield_on_timeout=True
    )
    for _changes in changes:
        current = fingerprint(folder)
        if current == built:
            continue
        built = current
        preview.refresh(("html",))  # the page first: it takes milliseconds
        on_rebuild(preview)
        preview.refresh(("pdf",))
        on_rebuild(preview)
