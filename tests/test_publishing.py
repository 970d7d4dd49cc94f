"""What publishing produces: a sitemap of every page at the site's address, and a pull-request
preview that works opened from disk."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURE_DATA, mkdocs_build

SITE_URL = "https://samverkan.example.se/"


def test_with_a_site_url_the_sitemap_lists_every_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, FIXTURE_DATA, SAMVERKAN_SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    listed = set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    pages = {
        SITE_URL + str(page.relative_to(site).parent).removeprefix(".").strip("/") + "/"
        for page in site.rglob("index.html")
        if not page.is_relative_to(site / "redigera")  # the form editor is no page to find
    }
    assert {url.replace(SITE_URL + "/", SITE_URL) for url in pages} == listed
    page = (site / "organisationer" / "kommun-a" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}organisationer/kommun-a/">' in page


def test_a_preview_opened_from_disk_links_only_to_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, FIXTURE_DATA, SAMVERKAN_DIRECTORY_URLS="false")
    assert result.returncode == 0, result.stderr
    broken = []
    # 404.html links from the site's root by design: a web server shows it at any address, and
    # nobody opens it from disk.
    for page in sorted(page for page in site.rglob("*.html") if page.name != "404.html"):
        for href in re.findall(r'href="([^"#?]*)', page.read_text(encoding="utf-8")):
            if not href or re.match(r"[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue  # the same page, or another site
            target = page.parent / href
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} → {href}")
    assert broken == []
    assert (site / "samverkan" / "avtal-a-b.html").is_file()
