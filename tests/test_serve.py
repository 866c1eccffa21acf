"""`brief serve`: loopback only, its own files only, rebuilt on save, problems shown in the page."""

from __future__ import annotations

import http.client
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.serve import Preview, fingerprint, start_server, watch
from tests.conftest import EXAMPLE


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
