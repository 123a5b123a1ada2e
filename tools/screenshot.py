"""Screenshot the dashboard for the docs: `python tools/screenshot.py [--store PATH] [--out docs/dashboard.png]`.

Without --store it ingests seeds/ with the extractor CLI into a temporary store,
starts `python -m dashboard` on a free port, opens it in headless system
Chromium (Playwright, /usr/bin/chromium; nothing is downloaded), clicks one
event so the detail panel is filled, and saves a 1400x900 PNG.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
MARKS = "#timeline .scatterlayer .point, #timeline .barlayer .point"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ingest_seeds(store: Path) -> None:
    """The seed store, built the way a user builds it."""
    command = [sys.executable, "-m", "extractor", "ingest", str(ROOT / "seeds"), "--store", str(store)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}); pass --store instead:\n{result.stderr}")


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"dashboard exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    sys.exit(f"dashboard did not answer {url} within {timeout:.0f}s")


def shoot(url: str, out: Path, width: int, height: int, click: int | None) -> None:
    """Load the page, optionally click the `click`-th timeline mark, save the PNG."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.wait_for_selector(MARKS, timeout=30_000)
        page.wait_for_selector("#events-table .ag-row", timeout=30_000)
        marks = page.locator(MARKS)
        if click is not None and marks.count():
            box = marks.nth(click % marks.count()).bounding_box()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_selector("#detail-sentence", timeout=10_000)
            page.mouse.move(5, 5)  # leave no hover label over the figure
        page.wait_for_timeout(600)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store to show (default: ingest seeds/ into a temporary one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--click", type=int, default=-1,
                        help="index of the timeline mark to click, negative from the end (default: -1)")
    parser.add_argument("--no-click", action="store_true", help="leave the detail panel empty")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "seed.duckdb"
            ingest_seeds(store)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        server = subprocess.Popen([sys.executable, "-m", "dashboard", "--store", str(store), "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", server)
            shoot(f"http://127.0.0.1:{port}/", args.out, args.width, args.height,
                  None if args.no_click else args.click)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
