"""`brief serve` in a real browser (issue 6): Debian's chromium, headless, driven over the Chrome
DevTools Protocol. The test edits the YAML and sees the page reload itself with the new text; a
broken source shows its diagnostics in the page, and the page recovers when it is fixed.

Chromium comes from Debian (scripts/setup.sh installs it); nothing downloads a browser. A missing
chromium fails the test: CI installs it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import websocket  # websocket-client: CDP is JSON over a websocket

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

TIMEOUT = 30.0


class Browser:
    """One headless chromium tab, driven over CDP."""

    def __init__(self, socket: websocket.WebSocket) -> None:
        self.socket = socket
        self.ids = itertools.count(1)

    def call(self, method: str, **params: object) -> dict[str, object]:
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == number:
                assert "error" not in message, message
                return message.get("result", {})

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")  # type: ignore[union-attr]

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            with contextlib.suppress(Exception):
                if condition():
                    return
            time.sleep(0.2)
        text = self.evaluate("document.body ? document.body.innerText.slice(0, 400) : ''")
        raise AssertionError(f"timed out waiting for {what}; the page shows: {text!r}")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[bytes]]]:
    """Serve a copy of the example; yield its folder, its URL and the server process."""
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "brief", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = server.stdout.readline().decode()  # type: ignore[union-attr]
        assert f"http://127.0.0.1:{port}/" in line, line
        yield folder, f"http://127.0.0.1:{port}/", server
    finally:
        _stop(server)
        server.stdout.close()  # type: ignore[union-attr]


@pytest.fixture
def browser() -> Iterator[Browser]:
    """A headless Debian chromium with an empty profile, stopped after the test."""
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is not installed: run scripts/setup.sh"
    profile = tempfile.mkdtemp(prefix="brief-chromium-")
    process = subprocess.Popen(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while not (port_file.exists() and port_file.read_text().strip()):
            assert time.monotonic() < deadline, "chromium did not start its DevTools endpoint"
            assert process.poll() is None, "chromium exited at start"
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            tabs = json.load(reply)
        page = next(tab for tab in tabs if tab["type"] == "page")
        socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=TIMEOUT)
        try:
            yield Browser(socket)
        finally:
            socket.close()
    finally:
        _stop(process)
        shutil.rmtree(profile, ignore_errors=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_preview_reloads_itself_after_an_edit_and_shows_errors_in_the_page(
    preview: tuple[Path, str, subprocess.Popen[bytes]], browser: Browser
) -> None:
    folder, url, server = preview
    source = folder / "brief.yaml"
    browser.call("Page.enable")
    browser.call("Page.navigate", url=url)
    browser.wait_for(
        lambda: "Thorn and its numbers" in str(browser.evaluate("document.title")),
        "the example's title",
    )
    browser.evaluate("window.__notReloaded = true")  # gone only if the page reloads itself

    _edit(
        source,
        'title: "Thorn and its numbers: what was reported"',
        'title: "A title edited while the preview was open"',
    )
    browser.wait_for(
        lambda: (
            browser.evaluate("document.querySelector('h1').innerText")
            == "A title edited while the preview was open"
        ),
        "the edited title after the page reloaded itself",
    )
    assert browser.evaluate("window.__notReloaded === undefined") is True

    _edit(source, "meta:\n", "meta:\n bad: [unclosed\n")  # a YAML error
    browser.wait_for(
        lambda: "brief.yaml:" in str(browser.evaluate("document.body.innerText")),
        "the diagnostics in the page",
    )
    body = str(browser.evaluate("document.body.innerText"))
    assert "error B1" in body
    assert server.poll() is None, "the server stopped on a broken source"

    _edit(source, "meta:\n bad: [unclosed\n", "meta:\n")
    browser.wait_for(
        lambda: (
            browser.evaluate(
                "document.querySelector('h1') && document.querySelector('h1').innerText"
            )
            == "A title edited while the preview was open"
        ),
        "the page again once the source was fixed",
    )
