"""Search quality in Swedish, measured through the real search box in headless Chromium.

Prints recall (the expected page among the results) and top-3 precision over the query set in
tests/search_queries.yml. Goal: recall ≥ 95 %, expected page in the top 3 for ≥ 90 %.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import search
from playwright.sync_api import Page

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


def test_query_set_is_large_and_points_at_real_pages(built_site: Path) -> None:
    assert len(QUERIES) >= 40
    for item in QUERIES:
        assert (built_site / item["expect"] / "index.html").is_file(), item


def test_swedish_search_quality(page: Page, site_url: str) -> None:
    found, top3, misses = 0, 0, []
    for item in QUERIES:
        results = search(page, site_url, item["query"])
        rank = results.index(item["expect"]) + 1 if item["expect"] in results else None
        found += rank is not None
        top3 += rank is not None and rank <= 3
        if rank is None or rank > 3:
            misses.append(f"  {item['query']!r}: {'saknas' if rank is None else f'plats {rank}'} ({item['expect']})")
    recall, precision = found / len(QUERIES), top3 / len(QUERIES)
    print(f"\nSökkvalitet, {len(QUERIES)} frågor: träff {recall:.1%}, bland de tre första {precision:.1%}")
    print("\n".join(misses))
    assert recall >= 0.95 and precision >= 0.90, "\n".join(misses)


def test_results_say_what_kind_of_record_and_whose(page: Page, site_url: str) -> None:
    results = search(page, site_url, "folkhälsa")
    assert results[0] == "omraden/folkhalsa/"
    first = page.locator(".md-search-result__list > li").first.inner_text()
    assert "Prioriterat område" in first and "Region Jämtland Härjedalen" in first
    search(page, site_url, "2022/1483")
    first = page.locator(".md-search-result__list > li").first.inner_text()
    assert "Intern samverkansstruktur · Förslag (tjänsteskrivelse 30 juni 2023) · Region Gotland" in first
