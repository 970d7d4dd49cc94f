"""The editor's preview under mkdocs serve while the data has errors: the last site that built,
with every error at the top of every page, gone by itself once the data is fixed; and pages of
errors when nothing has built yet. Driven in Chromium, as an editor sees it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT
from playwright.sync_api import Page, expect

GOTLAND = "collaborations/intern-samverkansstruktur-region-gotland.yml"
WAIT = 60_000  # ms: a rebuild, and the reload that livereload then sends the page


@contextmanager
def serving(data: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SAMVERKAN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [str(Path(sys.executable).parent / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, "-w", str(data)], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        for line in server.stderr or []:  # wait until it serves
            if "Serving on" in line:
                break
        # Go on reading what it prints, so that a full pipe never stops the server.
        threading.Thread(target=lambda: server.stderr and server.stderr.read(), daemon=True).start()
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_bad_data_shows_on_every_page_and_goes_when_fixed(page: Page, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    with serving(data) as url:
        page.goto(url + "om/")
        expect(page.locator("article h1")).to_have_text("Om webbplatsen")
        expect(page.locator(".samverkan-errors")).to_have_count(0)
        edit(data / GOTLAND, "status: forslag", "status: förslag")
        banner = page.locator(".samverkan-errors")
        expect(banner).to_be_visible(timeout=WAIT)
        expect(banner).to_contain_text("Data innehåller ett fel")
        expect(banner).to_contain_text(f"{GOTLAND}:6:9")
        expect(banner).to_contain_text("fältet status (Status): fann texten ”förslag” (skriv ”forslag”")
        page.goto(url + "samverkan/intern-samverkansstruktur-region-gotland/")  # the last site that built
        expect(page.locator("article h1")).to_have_text("Intern samverkansstruktur, Region Gotland")
        expect(page.locator(".samverkan-errors")).to_be_visible()
        edit(data / GOTLAND, "status: förslag", "status: forslag")
        expect(page.locator(".samverkan-errors")).to_have_count(0, timeout=WAIT)


def test_with_no_good_build_the_pages_are_the_errors(page: Page, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(data / GOTLAND, "status: forslag", "status: förslag")
    with serving(data) as url:
        page.goto(url)
        expect(page.locator("article h1")).to_have_text("Data innehåller fel")
        expect(page.locator(".samverkan-errors")).to_contain_text(f"{GOTLAND}:6:9")
        edit(data / GOTLAND, "status: förslag", "status: forslag")
        expect(page.locator("article h1")).to_have_text("Samverkansportalen", timeout=WAIT)
