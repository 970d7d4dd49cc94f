"""The built site in headless Chromium: what a reader actually gets."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from samverkan.link import Catalog
from samverkan.render import SECTIONS


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
    results = page.locator(".md-search-result__list > li > a")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path.lstrip("/") for href in hrefs]


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
