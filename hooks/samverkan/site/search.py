"""The search index that the site's own search worker reads (content/assets/search/worker.js).

Material's search plugin parses every built page into the page and its sections; this module
turns that into the worker's compact index, with each page's weight:

- pages: [address, title, lead line, tier, boost]. The lead line ("Överenskommelse · Förslag ·
  Region Gotland") is the first paragraph; results show it under the title. Tier 1 puts a page
  after every page of tier 0: the editors' guide is for editors, not for readers' searches.
- sections: [page, anchor, heading, text], as plain text; the text before the first heading has
  no anchor.

The Swedish analysis (stemming, folding, compounds, typos) is content/assets/search/analyser.js,
one set of rules for the text and the query: build_postings runs it under node on the text when
the site is built, and the worker runs it on each query in the reader's browser.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from samverkan.catalog.link import Catalog
from samverkan.ingest.problems import printable
from samverkan.model.kinds import KINDS
from samverkan.site.render import GUIDE_PATH

FORMAT = 1
"""The index format's version: the worker refuses another one."""
SEARCH_INDEX = "samverkan_index.json"
"""The index's file name in the site's search/ folder, where the worker fetches it."""
SHARD = 64_000
_BLOCK = re.compile(r"</?(?:p|li|ul|ol|pre)\b[^>]*>")
"""The block elements Material's search plugin keeps in a section's text; words on either side of
them are separate words."""
_TAG = re.compile(r"<[^>]+>")
_LEAD = re.compile(r"\s*<p>(.*?)</p>", re.S)
MAX_LEAD = 300


@dataclass(frozen=True)
class SearchWeight:
    tier: int = 0
    boost: float = 1.0


OTHER_PAGE = SearchWeight(boost=0.7)
"""Pages that are not records (the start page, section indexes, about pages) rank below a record
that matches as well: they list records, and the record is what a reader looks for."""
EDITORS = SearchWeight(tier=1)
RECORD = SearchWeight()


def search_weights(catalog: Catalog, kinds: Iterable[str]) -> dict[str, SearchWeight]:
    """Page path → its weight in search, for record pages and the editors' pages."""
    weights = {KINDS[kind].page(record.id): RECORD for kind in kinds for record in catalog.records[kind].values()}
    weights[GUIDE_PATH] = EDITORS
    return weights


def plain(markup: str) -> str:
    """The text of a piece of HTML, on one line."""
    return " ".join(html.unescape(_TAG.sub("", _BLOCK.sub(" ", markup))).split())


def search_index(docs: list[dict[str, Any]], weights: Mapping[str, SearchWeight]) -> dict[str, Any]:
    """The worker's index from the entries of Material's index, and page address → weight:
    pages, and sections [page, anchor, heading, text]."""
    pages: list[list[Any]] = []
    sections: list[list[Any]] = []
    page_of: dict[str, int] = {}
    for doc in docs:
        url, _, anchor = doc["location"].partition("#")
        text = doc.get("text", "")
        if url not in page_of:
            page_of[url] = len(pages)
            lead = ""
            if not anchor:
                first = _LEAD.match(text)
                if first and len(plain(first.group(1))) <= MAX_LEAD:
                    lead, text = plain(first.group(1)), text[first.end() :]
            weight = weights.get(url, OTHER_PAGE)
            pages.append([url, plain(doc.get("title", "")) if not anchor else url, lead, weight.tier, weight.boost])
        body = plain(text)
        if anchor or body:
            sections.append([page_of[url], anchor, plain(doc.get("title", "")) if anchor else "", body])
    return {"format": FORMAT, "pages": pages, "sections": sections}


def search_files(index: dict[str, Any]) -> dict[str, str]:
    """File name in the site's search/ folder → JSON. samverkan_index.json holds the pages, and
    the sections as [page, label], each label an [anchor, heading] pair. The sections' texts,
    needed only for the excerpts of the hits shown, are in shards of about SHARD characters, which
    the worker fetches when a hit needs them."""
    shards: list[list[str]] = [[]]
    size = 0
    starts = [0]
    for number, section in enumerate(index["sections"]):
        if size > SHARD:
            shards.append([])
            starts.append(number)
            size = 0
        shards[-1].append(section[3])
        size += len(section[3])
    # Record pages of a kind share their headings: each (anchor, heading) pair is written once.
    labels: dict[tuple[str, str], int] = {}
    sections = [[page, labels.setdefault((anchor, heading), len(labels))] for page, anchor, heading, _ in index["sections"]]
    # The files of one build know each other by this: a cache may serve them from two builds.
    version = hashlib.sha256(json.dumps(index, ensure_ascii=False).encode()).hexdigest()[:16]
    head = {**index, "version": version, "sections": sections, "labels": [list(label) for label in labels], "shards": starts}
    files = {SEARCH_INDEX: head} | {f"samverkan_text_{number}.json": texts for number, texts in enumerate(shards)}
    return {name: json.dumps(value, ensure_ascii=False, separators=(",", ":")) for name, value in files.items()}


def build_postings(site: Path) -> str | None:
    """Runs the analyser over the written texts under node (search_index.js), with the analyser
    and Material's stemmer as the built site serves them, so that readers' browsers only parse
    the result. Returns a warning when node is missing: the worker then builds the same index
    itself, which is slower at national scale."""
    node = shutil.which("node")
    if node is None:
        return "node saknas: sökindexet byggs i stället i läsarens webbläsare, vilket är långsammare"
    assets = site / "assets"
    script = Path(__file__).with_name("search_index.js")
    lunr = assets / "javascripts" / "lunr" / "min"
    command = [node, str(script), str(assets / "search" / "analyser.js"), str(lunr), str(site / "search")]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=600)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        detail = error.stderr if isinstance(error.stderr, str) and error.stderr else str(error)
        return f"sökindexet kunde inte byggas med node, så läsarens webbläsare bygger det: {printable(detail)}"
    return None
