"""Fixtures for the browser tests: a seed store, the dashboard as a subprocess, headless Chromium.

The app runs as `python -m dashboard` on a free port, the way a user starts it,
and Chromium is the system's /usr/bin/chromium driven by Playwright (no browser
download). A missing Chromium fails the tests loudly: CI must install it.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .seed_store import ROOT, build_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
START_TIMEOUT = 60  # seconds for the dashboard to answer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the running dashboard in headless Chromium (slow)")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll `url` until it answers 200; fail with the server's log if it dies or never answers."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dashboard exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"dashboard did not answer {url} within {START_TIMEOUT}s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed article and tests/fixtures/articles (built by the extractor CLI)."""
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def dashboard_url(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of `python -m dashboard` serving the seed store, stopped at the end of the session."""
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "dashboard.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "--store", str(seed_store), "--port", str(port)],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium; never downloads one."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the browser tests need Debian's chromium package "
                    "(apt-get install chromium); `playwright install` is not used")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """What a page did that a test may want to forbid: dialogs and requests leaving 127.0.0.1."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.external_requests: list[str] = []
        self.page_errors: list[str] = []


@pytest.fixture
def page(browser, dashboard_url: str):
    """A fresh tab on the loaded dashboard; `page.watched` records dialogs, outside requests, JS errors."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    tab = context.new_page()
    watched = Watched()

    def on_dialog(dialog) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            watched.external_requests.append(request.url)

    tab.on("dialog", on_dialog)
    tab.on("request", on_request)
    tab.on("pageerror", lambda error: watched.page_errors.append(str(error)))
    tab.watched = watched
    tab.goto(dashboard_url)
    tab.wait_for_selector("#timeline .scatterlayer .point, #timeline .barlayer .point", timeout=30_000)
    tab.wait_for_selector("#events-table .ag-row", timeout=30_000)
    yield tab
    context.close()
