"""Shared fixtures: the small fixture data set, copies of it to break, and one real site build."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from samverkan.catalog.link import Catalog
from samverkan.dev.browser import SETTLED
from samverkan.pipeline import check_data

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
BIN = Path(sys.executable).parent
TODAY = date(2026, 11, 25)
"""The day the fixture catalog is read against: its agreement, in force until 2024, has run out."""


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture data, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def fixture_catalog() -> Catalog:
    catalog, warnings = check_data(FIXTURE_DATA)
    assert not warnings, warnings
    catalog.today = TODAY  # golden pages show stages read against a fixed day
    return catalog


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    catalog, warnings = check_data(ROOT / "data")
    assert not warnings, warnings
    return catalog


TEST_DEPLOYMENT = {
    "SAMVERKAN_PUBLISHER": "Samverkansportalen",
    "SAMVERKAN_FEEDBACK_URL": "https://example.se/synpunkter",
    "SAMVERKAN_CONTACT_EMAIL": "samverkan@example.se",
    "SAMVERKAN_EDIT_URL": "https://git.example.se/samverkan/edit/main/",
}
"""The settings of a site as a body would publish it (mkdocs.yml leaves them empty)."""
if (ROOT / "vendor" / "decap-cms" / "decap-cms.js").is_file():  # make test fetches it, with npm
    TEST_DEPLOYMENT |= {
        "SAMVERKAN_REPOSITORY": "https://git.example.se/samverkan",
        "SAMVERKAN_EDITOR_APP_ID": "samverkan-redigera",
    }


def mkdocs_build(site_dir: Path, data_dir: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the real strict build, as `make build` does, into site_dir."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **TEST_DEPLOYMENT, **env}
    if data_dir is not None:
        environ["SAMVERKAN_DATA"] = str(data_dir)
    else:
        environ.pop("SAMVERKAN_DATA", None)
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the real data, shared by every test that reads the output."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


CHROMIUM_CANDIDATES = ("chromium", "chromium-browser")


def chromium_path() -> str | None:
    """Debian's chromium: Playwright's own browser download cannot reach the internet here."""
    return os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_CANDIDATES)), None)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """A built site served over HTTP on a free local port, as a reader's browser sees it."""
    handler = partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium. Without it the browser tests skip, unless REQUIRE_BROWSER=1 (as in CI)."""
    executable = chromium_path()
    if executable is None:
        message = "chromium saknas: installera den med `apt-get install chromium` för att köra webbläsartesterna"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (REQUIRE_BROWSER=1)")
        pytest.skip(message)
    with sync_playwright() as playwright:
        # Without the background-networking flags Chromium itself calls Google's hosts at start.
        args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
        args += ["--disable-component-update", "--disable-sync"]
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    yield context.new_page()
    context.close()


@pytest.fixture
def browser_context_without_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    yield context.new_page()
    context.close()


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links, best first."""
    page.goto(site_url)
    page.keyboard.press("s")  # Material's keyboard shortcut for the search box
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    # The index loads in a web worker; a query typed before it is ready would go unanswered.
    expect(page.locator(".md-search-result__meta")).to_have_text("Skriv sökord")
    box.fill(query)
    box.press("End")  # Material reads the query on keyup, which fill() alone does not send
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Skriv sökord")
    settle(page)
    hrefs = page.locator(".md-search-result__list > li > a:first-child").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path.lstrip("/") for href in hrefs]


def settle(page: Page) -> None:
    """Waits until the results are settled (samverkan.dev.browser.SETTLED), never a fixed time."""
    page.evaluate("() => { window.__samverkanResults = -1 }")
    page.wait_for_function(SETTLED, polling="raf")


def read_search_index(site: Path) -> dict[str, Any]:
    """The site's own search index (hooks/samverkan/site/search.py), its text shards put back:
    pages [url, title, lead, tier, boost] and sections [page, anchor, heading, text]."""
    folder = site / "search"
    index = json.loads((folder / "samverkan_index.json").read_text(encoding="utf-8"))
    texts = [
        text
        for number in range(len(index["shards"]))
        for text in json.loads((folder / f"samverkan_text_{number}.json").read_text(encoding="utf-8"))
    ]
    sections = [
        [page, *index["labels"][label], text] for (page, label), text in zip(index["sections"], texts, strict=True)
    ]
    return {"pages": index["pages"], "sections": sections}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(data: Path, port: int | None = None, **env: str) -> Iterator[str]:
    """`mkdocs serve` of the real site on data (the preview an editor runs), on a free port."""
    port = port or free_port()
    environ = {**os.environ, "SAMVERKAN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", **env}
    command = [str(Path(sys.executable).parent / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    # The data folder is watched without being named (the adapter adds it): as make serve runs.
    server = subprocess.Popen(command, cwd=ROOT, env=environ, stderr=subprocess.PIPE, text=True)
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
