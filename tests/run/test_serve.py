"""`brief serve`: loopback only, its own files only, rebuilt on save, problems shown in the page."""

from __future__ import annotations

import http.client
import io
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.run.serve import Preview, fingerprint, serve, start_server, watch
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)


def _get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": f"{host}:{port}"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Preview, int, Path]]:
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    preview = Preview(folder)
    preview.refresh(("html", "pdf"))
    server = start_server(preview)
    stop = threading.Event()
    built = fingerprint(folder)
    watcher = threading.Thread(
        target=watch, args=(preview, stop), kwargs={"built": built}, daemon=True
    )
    watcher.start()  # no wait: an edit made before the watcher is ready must not be lost
    try:
        yield preview, server.server_address[1], folder
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        watcher.join(timeout=5)


def _wait_for(predicate: object, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_the_preview_serves_the_page_and_the_pdf_on_loopback(
    served: tuple[Preview, int, Path],
) -> None:
    _, port, _ = served
    status, page = _get(port, "/")
    assert status == 200
    assert b"Thorn" in page
    assert b"/__brief/version" in page  # the reload script
    status, pdf = _get(port, "/thorn.pdf")
    assert status == 200
    assert pdf.startswith(b"%PDF")


def test_a_foreign_host_header_is_refused(served: tuple[Preview, int, Path]) -> None:
    _, port, _ = served
    assert _get(port, "/", host="attacker.example")[0] == 403
    assert _get(port, "/", host="localhost")[0] == 200


def test_only_the_previews_own_files_are_served(served: tuple[Preview, int, Path]) -> None:
    _, port, _ = served
    for path in ("/brief.yaml", "/summary.md", "/../../etc/passwd", "/dist/", "/thorn.epub"):
        assert _get(port, path)[0] == 404, path


def test_saving_the_source_rebuilds_the_page(served: tuple[Preview, int, Path]) -> None:
    preview, port, folder = served
    before = preview.version
    summary = folder / "summary.md"
    summary.write_text(summary.read_text() + "\nA sentence added while previewing.\n")
    assert _wait_for(lambda: b"A sentence added while previewing." in _get(port, "/")[1])
    assert int(_get(port, "/__brief/version")[1]) > before


def test_a_broken_source_shows_its_diagnostics_instead_of_stopping(
    served: tuple[Preview, int, Path],
) -> None:
    _, port, folder = served
    source = folder / "brief.yaml"
    source.write_text(source.read_text().replace("  title:", "  titel:", 1))
    assert _wait_for(lambda: b"B201" in _get(port, "/")[1])
    page = _get(port, "/")[1]
    assert b"did you mean" in page
    source.write_text(source.read_text().replace("  titel:", "  title:", 1))
    assert _wait_for(lambda: b"B201" not in _get(port, "/")[1])


def test_an_edit_made_before_the_watcher_starts_is_built(tmp_path: Path) -> None:
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    preview = Preview(folder)
    built = fingerprint(folder)
    preview.refresh(("html",))
    summary = folder / "summary.md"
    summary.write_text(summary.read_text() + "\nWritten before anyone watched.\n")
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch, args=(preview, stop), kwargs={"built": built}, daemon=True
    )
    watcher.start()
    try:
        assert _wait_for(lambda: b"Written before anyone watched." in preview.page)
    finally:
        stop.set()
        watcher.join(timeout=5)
    assert not watcher.is_alive()


def test_the_fingerprint_changes_with_an_edit_and_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("one")
    first = fingerprint(tmp_path)
    (tmp_path / ".swap").write_text("an editor's scratch file")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_text("x")
    assert fingerprint(tmp_path) == first
    (tmp_path / "a.md").write_text("one, two")
    assert fingerprint(tmp_path) != first


def test_the_page_carries_the_version_it_was_built_at(served: tuple[Preview, int, Path]) -> None:
    preview, port, _ = served
    for formats in (("html",), ("pdf",), ("html", "pdf")):
        preview.refresh(formats)
        page = _get(port, "/")[1].decode()
        version = _get(port, "/__brief/version")[1].decode()
        assert f'var built = "{version}";' in page, formats  # else it would reload forever
        assert page.count("var built") == 1


def _fetch(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _break(folder: Path) -> None:
    source = folder / "brief.yaml"
    source.write_text(source.read_text().replace("  title:", "  titel:", 1))


def _mend(folder: Path) -> None:
    source = folder / "brief.yaml"
    source.write_text(source.read_text().replace("  titel:", "  title:", 1))


def test_a_broken_source_marks_the_last_good_outputs_stale(
    served: tuple[Preview, int, Path],
) -> None:
    _, port, folder = served
    good_pdf = _fetch(port, "/thorn.pdf")
    assert "X-Brief-Stale" not in good_pdf[1]
    assert "X-Brief-Stale" not in _fetch(port, "/")[1]
    _break(folder)
    assert _wait_for(lambda: _fetch(port, "/thorn.pdf")[1].get("X-Brief-Stale") == "1")
    status, headers, pdf = _fetch(port, "/thorn.pdf")
    assert status == 200
    assert pdf == good_pdf[2]  # still served, but marked
    status, headers, page = _fetch(port, "/")
    assert headers.get("X-Brief-Stale") == "1"
    assert b"B201" in page
    assert b'id="brief-stale"' in page
    assert b"/thorn.pdf" in page
    _mend(folder)
    assert _wait_for(lambda: "X-Brief-Stale" not in _fetch(port, "/thorn.pdf")[1], 60)
    assert "X-Brief-Stale" not in _fetch(port, "/")[1]
    assert b"brief-stale" not in _fetch(port, "/")[2]


def test_a_fresh_page_says_when_the_pdf_is_still_stale(tmp_path: Path) -> None:
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    preview = Preview(folder)
    preview.refresh(("html", "pdf"))
    _break(folder)
    preview.refresh(("html",))
    preview.refresh(("pdf",))
    _mend(folder)
    preview.refresh(("html",))  # the page is fresh; the PDF is the one from before the break
    assert b"Thorn" in preview.page
    with preview.lock:
        page = preview.served_page()
    assert b'id="brief-stale"' in page
    assert preview.stale == {"pdf"}


def test_the_page_before_the_first_build_reloads_itself(tmp_path: Path) -> None:
    preview = Preview(tmp_path)
    with preview.lock:
        assert b"/__brief/version" in preview.served_page()


def test_an_idle_connection_is_closed_after_the_timeout(tmp_path: Path) -> None:
    server = start_server(Preview(tmp_path), timeout=0.5)
    try:
        with socket.create_connection(server.server_address[:2], timeout=10) as idle:
            started = time.monotonic()
            assert idle.recv(1024) == b""  # closed by the server, not by our own timeout
            assert time.monotonic() - started < 5
    finally:
        server.shutdown()
        server.server_close()


def test_connections_beyond_the_limit_are_turned_away_not_queued_on_threads(
    tmp_path: Path,
) -> None:
    preview = Preview(tmp_path)
    server = start_server(preview, timeout=30, max_threads=2)
    address = server.server_address[:2]
    try:
        idle = [socket.create_connection(address, timeout=10) for _ in range(2)]
        with socket.create_connection(address, timeout=10) as third:
            third.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert third.recv(1024).startswith(b"HTTP/1.0 503")
        for connection in idle:
            connection.close()
        port = server.server_address[1]
        assert _wait_for(lambda: _fetch(port, "/__brief/version")[0] == 200)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_a_busy_port_is_one_clear_error_without_a_traceback(tmp_path: Path, busy_port: int) -> None:
    from brief.run.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    code = main(["serve", str(EXAMPLE), "--port", str(busy_port)], out, err)
    assert code == 2
    assert f"port {busy_port} is in use" in err.getvalue()
    assert "--port" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert out.getvalue() == ""
    assert time.monotonic() - started < 1.5  # refused before building anything


@pytest.mark.parametrize("port", ["70000", "-1"])
def test_a_port_that_is_no_port_is_one_clear_error(port: str) -> None:
    from brief.run.cli import main

    err = io.StringIO()
    assert main(["serve", str(EXAMPLE), "--port", port], io.StringIO(), err) == 2
    assert "0-65535" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_pdf_whose_name_needs_quoting_is_served(tmp_path: Path) -> None:
    folder = tmp_path / "my thorn"
    shutil.copytree(EXAMPLE, folder)
    preview = Preview(folder)
    preview.refresh(("pdf",))
    server = start_server(preview)
    try:
        status, pdf = _get(server.server_address[1], "/my%20thorn.pdf")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 200
    assert pdf.startswith(b"%PDF")


def test_serve_announces_its_address_rebuilds_on_a_change_and_stops_cleanly(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    urls: list[str] = []
    versions: list[int] = []
    stop = threading.Event()
    runner = threading.Thread(
        target=serve,
        args=(folder, 0, urls.append, lambda preview: versions.append(preview.version), stop),
        daemon=True,
    )
    runner.start()
    assert _wait_for(lambda: urls, 60)
    port = int(urls[0].rsplit(":", 1)[1].strip("/"))
    assert urls[0] == f"http://127.0.0.1:{port}/"
    assert _get(port, "/")[0] == 200
    summary = folder / "summary.md"
    summary.write_text(summary.read_text() + "\nOne more sentence.\n")
    assert _wait_for(lambda: versions, 60)
    assert b"One more sentence." in _get(port, "/")[1]
    stop.set()
    runner.join(timeout=10)
    assert not runner.is_alive()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
