"""The built site in headless Chromium: what a reader actually gets."""

from __future__ import annotations

import pytest
from conftest import search
from playwright.sync_api import Page, expect

from samverkan.link import Catalog
from samverkan.render import SECTIONS


def test_search_finds_every_record_by_its_name(page: Page, site_url: str, real_catalog: Catalog) -> None:
    misses = []
    for kind, (folder, _) in SECTIONS.items():
        for record in getattr(real_catalog, kind).values():
            found = search(page, site_url, record.name)
            if f"{folder}/{record.id}/" not in found:
                misses.append((record.name, found))
    assert not misses


@pytest.mark.parametrize("path", ["", "samverkan/intern-samverkansstruktur-region-gotland/"])
def test_page_is_swedish_and_has_a_heading(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("article h1")).to_have_count(1)
