"""`brief serve`: a live preview on 127.0.0.1 that rebuilds on save and reloads the page by itself.

In: a brief's path. Out: an HTTP server serving only the preview's own files: the HTML page (with a
small reload script of ours), the latest PDF, and a version number the page polls. A broken source
shows its diagnostics in the page; the last good PDF is still served, marked stale (the header
`X-Brief-Stale: 1`, on the page too, and a notice in the page) until a build succeeds again.
Requests whose Host is not the loopback address get 403. Each connection is closed after
`REQUEST_TIMEOUT` idle seconds, and at most `MAX_THREADS` are served at once (others get 503).
"""

from __future__ import annotations

import contextlib
import errno
import html
import os
import socket
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from brief.errors import BriefError, Location, error, format_text
from brief.read.load import find_source_file
from brief.run.api import BuildOptions, build_in_memory
from brief.write.pdf import PdfRenderer

ALLOWED_HOSTS = ("127.0.0.1", "localhost", "[::1]")
REQUEST_TIMEOUT = 30.0  # seconds a connection may stay silent before it is closed
MAX_THREADS = 32  # connections served at once; a browser opens about six
BUSY_RESPONSE = b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n"
Connection = socket.socket | tuple[bytes, socket.socket]  # what socketserver hands a handler
WAITING_PAGE = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>brief: building</title>'
    b"</head><body><p>Building the preview\xe2\x80\xa6</p></body></html>"
)
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
    page: bytes = WAITING_PAGE
    pdf: bytes = b""
    name: str = "brief"
    #: Formats whose served bytes predate the source's latest state (a build failed since).
    stale: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Lays out every rebuilt PDF, parsing the print stylesheet once while it is unchanged.
    renderer: PdfRenderer = field(default_factory=PdfRenderer)

    def refresh(self, formats: tuple[str, ...] = ("html",)) -> None:
        """Rebuild the requested formats in memory and publish them to the server."""
        problems = ""
        try:
            options = BuildOptions(formats=formats)
            report, files, _ = build_in_memory(self.source, options, self.renderer)
            name = report.brief.name
            if not files:
                problems = format_text(report.findings)
        except BriefError as caught:
            name, files, problems = self.name, {}, format_text(caught.diagnostics)
        with self.lock:
            self.name = name
            if problems:
                self.stale |= {"html", "pdf"}  # the source is broken: nothing served is current
                self.page = _problem_page(problems)
            else:
                self.stale -= set(formats)
                self.page = files.get(f"{name}.html", self.page)
            self.pdf = files.get(f"{name}.pdf", self.pdf)
            self.version += 1

    def served_page(self) -> bytes:
        """The page with our reload script, carrying the version it is served at (under lock)."""
        script = RELOAD_SCRIPT % {"version": self.version}
        notice = _stale_notice(self.name) if "pdf" in self.stale and self.pdf else ""
        return self.page.replace(b"</body>", (notice + script).encode() + b"</body>", 1)


def _stale_notice(name: str) -> str:
    """A notice, fixed at the foot of the page, that the PDF is the last good build's."""
    link = html.escape("/" + urllib.parse.quote(f"{name}.pdf"))
    return (
        '<p id="brief-stale" role="status" style="position:fixed;left:0;right:0;bottom:0;'
        "margin:0;padding:.5em 1em;background:#fff3cd;color:#000;border-top:2px solid #b45309;"
        'font:15px/1.4 system-ui,sans-serif">Stale: the PDF at '
        f'<a href="{link}">{link}</a> is from the last build that worked, '
        "before the source's latest changes.</p>"
    )


def _problem_page(problems: str) -> bytes:
    body = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>brief: '
        f"the source has problems</title></head><body><h1>The source has problems</h1>"
        f"<pre>{html.escape(problems)}</pre></body></html>"
    )
    return body.encode()


def make_handler(
    preview: Preview, idle_timeout: float = REQUEST_TIMEOUT
) -> type[BaseHTTPRequestHandler]:
    """Return a request handler that serves `preview` and nothing else."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "brief-preview"
        timeout = idle_timeout  # set on the socket: a silent connection is closed

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            if host not in ALLOWED_HOSTS:  # DNS rebinding: only loopback names are served
                self._send(HTTPStatus.FORBIDDEN, b"forbidden host", "text/plain")
                return
            path = urllib.parse.unquote(self.path.split("?", 1)[0])  # as the page's links quote it
            with preview.lock:
                page = preview.served_page()
                page_stale, pdf_stale = bool(preview.stale), "pdf" in preview.stale
                routes = {
                    "/": (page, "text/html; charset=utf-8", page_stale),
                    "/index.html": (page, "text/html; charset=utf-8", page_stale),
                    f"/{preview.name}.pdf": (preview.pdf, "application/pdf", pdf_stale),
                    "/__brief/version": (str(preview.version).encode(), "text/plain", False),
                }
            body, kind, stale = routes.get(path, (None, "", False))
            if body is None or (path.endswith(".pdf") and not body):
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
            else:
                self._send(HTTPStatus.OK, body, kind, stale)

        def _send(self, status: HTTPStatus, body: bytes, kind: str, stale: bool = False) -> None:
            self.send_response(status)
            if stale:  # the last good output, from before the source's latest changes
                self.send_header("X-Brief-Stale", "1")
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the CLI reports rebuilds, not requests

    return Handler


class PreviewServer(ThreadingHTTPServer):
    """A threading server that serves at most `max_threads` connections at once."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        max_threads: int = MAX_THREADS,
    ) -> None:
        self.slots = threading.BoundedSemaphore(max_threads)
        super().__init__(address, handler)

    def process_request(self, request: Connection, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            _turn_away(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:  # no thread started: its slot is free again
            self.slots.release()
            raise

    def process_request_thread(self, request: Connection, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


def _turn_away(request: Connection) -> None:
    """Answer 503 without a thread and without waiting (a full send buffer drops the answer)."""
    if not isinstance(request, socket.socket):
        return
    with contextlib.suppress(OSError):
        request.setblocking(False)
        request.sendall(BUSY_RESPONSE)


def start_server(
    preview: Preview,
    port: int = 0,
    *,
    timeout: float = REQUEST_TIMEOUT,
    max_threads: int = MAX_THREADS,
) -> ThreadingHTTPServer:
    """Start serving `preview` on 127.0.0.1 (a free port when `port` is 0) in a daemon thread.

    Raises BriefError (B414) when the port is in use or is no port.
    """
    handler = make_handler(preview, timeout)
    try:
        server = PreviewServer(("127.0.0.1", port), handler, max_threads)
    except OverflowError:  # socket.bind's own check of the range
        raise _port_error(port, f"port {port} is not a TCP port (0-65535)") from None
    except OSError as caught:
        raise _port_error(port, _why_not(port, caught)) from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _why_not(port: int, caught: OSError) -> str:
    if caught.errno == errno.EADDRINUSE:
        return f"port {port} is in use"
    if caught.errno == errno.EACCES:
        return f"port {port} needs administrator rights"
    return f"cannot listen on 127.0.0.1 port {port}: {caught.strerror or caught}"


def _port_error(port: int, message: str) -> BriefError:
    hint = "choose another with --port, or leave --port out to get a free one"
    return BriefError([error("B414", message, Location("<command line>"), hint)])


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


def serve(
    source: Path,
    port: int = 0,
    on_start: Callable[[str], None] = lambda url: None,
    on_rebuild: Callable[[Preview], None] = lambda _: None,
    stop: threading.Event | None = None,
) -> None:
    """Preview a brief at http://127.0.0.1:`port`/ and rebuild it on every change, until `stop`
    is set or the process is interrupted (Ctrl+C); `on_start` is told the address once the
    first build is served.

    The port is taken first, so a busy one is refused before any build; the folder's
    fingerprint is taken before that build, so an edit made while it runs is not lost.
    """
    preview = Preview(source)
    server = start_server(preview, port)
    built = fingerprint(find_source_file(source).parent)
    preview.refresh(("html", "pdf"))
    host, bound = str(server.server_address[0]), server.server_address[1]
    on_start(f"http://{host}:{bound}/")
    stop = stop or threading.Event()
    try:
        watch(preview, stop, on_rebuild, built)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        preview.renderer.close()
