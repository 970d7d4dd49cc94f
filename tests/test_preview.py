"""The editor's preview under mkdocs serve while the data has errors: the last site that built,
with every error at the top of every page, gone by itself once the data is fixed; and pages of
errors when nothing has built yet. Driven in Chromium, as an editor sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, serving
from playwright.sync_api import Page, expect

GOTLAND = "collaborations/intern-samverkansstruktur-region-gotland.yml"
WAIT = 60_000  # ms: a rebuild, and the reload that livereload then sends the page


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
