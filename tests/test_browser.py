"""The built site in headless Chromium: what a reader actually gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, mkdocs_build, search, serve
from playwright.sync_api import Dialog, Page, expect

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS


def test_search_finds_every_record_by_its_name(page: Page, site_url: str, real_catalog: Catalog) -> None:
    misses = []
    for kind in KINDS.values():
        for record in real_catalog.records[kind.key].values():
            found = search(page, site_url, record.name)
            if f"{kind.section}/{record.id}/" not in found:
                misses.append((record.name, found))
    assert not misses


@pytest.mark.parametrize("path", ["", "samverkan/intern-samverkansstruktur-region-gotland/"])
def test_page_is_swedish_and_has_a_heading(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("article h1")).to_have_count(1)


HOSTILE_NAME = "Kommun A </title><script>alert(1)</script><title> <img src=x onerror=alert(2)>"


def test_a_name_with_markup_shows_as_text_and_runs_nothing(page: Page, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    org = data / "organisations" / "kommun-a.yml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("name: Kommun A", f'name: "{HOSTILE_NAME}"'), encoding="utf-8"
    )
    result = mkdocs_build(tmp_path / "site", data)
    assert result.returncode == 0, result.stderr
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    with serve(tmp_path / "site") as url:
        for path in ["organisationer/kommun-a/", "samverkan/avtal-a-b/", "organisationer/"]:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
        page.goto(url + "organisationer/kommun-a/")
        assert page.title() == f"{HOSTILE_NAME} - Samverkansportalen"
        expect(page.locator("article h1")).to_have_text(HOSTILE_NAME)
        assert page.locator("script:not([src])").evaluate_all("s => s.map(e => e.textContent)").count("alert(1)") == 0
        found = search(page, url, "Kommun A")
        assert "organisationer/kommun-a/" in found
        expect(page.locator(".md-search-result__list")).to_contain_text("</title><script>")
    assert dialogs == []
