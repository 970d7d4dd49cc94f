"""The index the site's own search worker reads (hooks/samverkan/site/search.py)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import read_search_index

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.site.search import (
    EDITORS,
    OTHER_PAGE,
    RECORD,
    build_postings,
    plain,
    search_files,
    search_index,
    search_weights,
)

MATERIAL_DOCS = [
    {
        "location": "samverkan/a/",
        "title": "Avtal A",
        "text": "<p>Överenskommelse · Förslag · Kommun A</p><ul><li>Period: 2022</li></ul>",
    },
    {
        "location": "samverkan/a/#bakgrund",
        "title": "Bakgrund",
        "text": "<p>Texten &lt;b&gt; och <abbr title='x'>HSN</abbr>.</p>",
    },
    {"location": "redaktorer/", "title": "Redaktörernas guide", "text": "<p>Så här.</p>"},
    {"location": "om/", "title": "Om", "text": ""},
]


def test_pages_sections_lead_and_weights() -> None:
    weights = {"samverkan/a/": RECORD, "redaktorer/": EDITORS}
    index = search_index(MATERIAL_DOCS, weights)
    assert index["pages"] == [
        ["samverkan/a/", "Avtal A", "Överenskommelse · Förslag · Kommun A", 0, 1.0],
        ["redaktorer/", "Redaktörernas guide", "Så här.", 1, 1.0],
        ["om/", "Om", "", OTHER_PAGE.tier, OTHER_PAGE.boost],
    ]
    # The text before the first heading has no anchor; entities are text again, tags are gone.
    assert index["sections"] == [[0, "", "", "Period: 2022"], [0, "bakgrund", "Bakgrund", "Texten <b> och HSN."]]


def test_texts_are_in_shards_beside_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("samverkan.site.search.SHARD", 10)
    index = {
        "format": 1,
        "pages": [["a/", "A", "", 0, 1.0]],
        "sections": [[0, "", "", "x" * 11], [0, "b", "B", "y"], [0, "c", "C", "z"]],
    }
    files = {name: json.loads(text) for name, text in search_files(index).items()}
    assert files["samverkan_index.json"]["sections"] == [[0, 0], [0, 1], [0, 2]]
    assert files["samverkan_index.json"]["labels"] == [["", ""], ["b", "B"], ["c", "C"]]
    assert files["samverkan_index.json"]["shards"] == [0, 1]
    assert files["samverkan_text_0.json"] == ["x" * 11] and files["samverkan_text_1.json"] == ["y", "z"]


def test_plain_text() -> None:
    assert plain("<p>a&amp;b</p>\n<p> c </p>") == "a&b c"


def test_editors_guide_is_the_only_page_of_the_second_tier(real_catalog: Catalog) -> None:
    weights = search_weights(real_catalog, KINDS)
    assert [path for path, weight in weights.items() if weight.tier] == ["redaktorer.md"]
    assert len(weights) == 1 + sum(len(records) for records in real_catalog.records.values())


def test_built_site_searches_with_its_own_worker(built_site: Path) -> None:
    folder = built_site / "search"
    material = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    assert material["config"]["lang"] == ["sv"] and material["docs"] == []  # the worker fetches its own
    index = json.loads((folder / "samverkan_index.json").read_text(encoding="utf-8"))
    assert index["format"] == 1
    assert len(read_search_index(built_site)["sections"]) == len(index["sections"])  # every section has its text
    postings = json.loads((folder / "samverkan_postings.json").read_text(encoding="utf-8"))
    assert len(postings["keys"]) == len(postings["postings"]) > 100 and "gotland" in postings["keys"]
    urls = [page[0] for page in index["pages"]]
    assert "samverkan/intern-samverkansstruktur-region-gotland/" in urls and len(urls) == len(set(urls))
    page = (built_site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    assert found
    config = json.loads(found.group(1))
    assert config["search"].startswith("assets/search/worker.js?")
    for asset in ("search/worker.js", "search/analyser.js", "javascripts/lunr/min/lunr.sv.min.js"):
        assert (built_site / "assets" / asset).is_file(), asset


def test_without_node_or_when_it_fails_the_build_goes_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The worker builds the index itself then (test_search.py checks that it does)."""
    monkeypatch.setattr("samverkan.site.search.shutil.which", lambda name: None)
    assert "node saknas" in (build_postings(tmp_path) or "")
    monkeypatch.undo()
    if shutil.which("node"):
        warning = build_postings(tmp_path)  # an empty folder: node fails, the warning says why
        assert warning and "kunde inte byggas med node" in warning and "\n" not in warning
