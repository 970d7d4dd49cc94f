"""One real strict build of the real data, end to end, checked against the data itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin

import pytest
from conftest import read_search_index
from pydantic import BaseModel

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.model.records import PostRef, Record, Vocabulary, walk
from samverkan.site.render import MONTHS, sv_date

DATE_FIELDS = {"start", "end", "date"}
SKIPPED_FIELDS = {"id", "post"}  # ids are not facts; a post is checked through its name


class Article(HTMLParser):
    """The text and the link targets of a page's main article."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.hrefs: list[str] = []

    INLINE = ("a", "abbr", "em", "strong", "code", "span")
    """Tags inside a run of text: no space is put where they start or end."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "hr", "img", "meta", "input", "link")
            if tag not in self.INLINE:
                self.text.append(" ")
        if self.depth and tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in ("br", "hr", "img", "meta", "input", "link"):
            self.depth -= 1
            if tag not in self.INLINE:
                self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def read_article(site: Path, url: str) -> tuple[str, set[str]]:
    parser = Article()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    text = " ".join("".join(parser.text).split())
    links = {normpath(urljoin(f"/{url}/", href).split("#")[0]).strip("/") for href in parser.hrefs}
    return text, links


def url_of(kind: str, record_id: str) -> str:
    return f"{KINDS[kind].section}/{record_id}"


def expected_facts(catalog: Catalog, record: Record) -> tuple[set[str], set[str]]:
    """Every fact of a record as a reader sees it, and the pages its references must link to."""
    texts = {record.name}
    links = set()
    for path, value, ref_kind in walk(record):
        name = next(part for part in reversed(path) if isinstance(part, str))
        if name == "visibility":
            continue  # not shown for public items; internal ones are checked by the edition tests
        if (name, value) in (("jurisdiction", "Sverige"), ("state", "finns")):
            continue  # a default that says nothing, and is not shown
        if ref_kind and isinstance(value, str):
            texts.add(catalog.records[ref_kind][value].name)
            links.add(url_of(ref_kind, value))
        elif isinstance(value, PostRef):
            texts.add(catalog.post_name(value))
        elif isinstance(value, Vocabulary):
            texts.add(value.label)
        elif isinstance(value, int) and name == "months":
            texts.add(MONTHS[value - 1])
        elif isinstance(value, str) and name in DATE_FIELDS:
            texts.add(sv_date(value))
        elif isinstance(value, str) and name not in SKIPPED_FIELDS:
            texts.add(" ".join(value.split()))
        else:
            assert isinstance(value, BaseModel | str | None), (path, value)
    return texts, links


def all_records(catalog: Catalog) -> list[tuple[str, Record]]:
    return [(kind, record) for kind in KINDS for record in catalog.records[kind].values()]


def test_the_real_data_is_not_trivial(real_catalog: Catalog) -> None:
    assert len(real_catalog.organisations) >= 13
    assert {c.kind.value for c in real_catalog.collaborations.values()} == {"overenskommelse", "intern_struktur"}


def test_every_fact_appears_on_its_page(built_site: Path, real_catalog: Catalog) -> None:
    missing = []
    for kind, record in all_records(real_catalog):
        text, links = read_article(built_site, url_of(kind, record.id))
        facts, targets = expected_facts(real_catalog, record)
        # Case aside: a title in running text is written in lower case ("tf. regiondirektör").
        missing += [(record.id, fact) for fact in facts if fact.casefold() not in text.casefold()]
        missing += [(record.id, f"länk till {target}") for target in targets if target not in links]
    assert not missing


def test_every_organisation_links_to_each_of_its_collaborations(built_site: Path, real_catalog: Catalog) -> None:
    for org_id in real_catalog.organisations:
        text, links = read_article(built_site, url_of("organisations", org_id))
        for collab, party in real_catalog.roles[org_id]:
            assert url_of("collaborations", collab.id) in links, (org_id, collab.id)
            assert party.role.label in text


def test_search_index_has_every_record(built_site: Path, real_catalog: Catalog) -> None:
    titles = {page[0].rstrip("/"): page[1] for page in read_search_index(built_site)["pages"]}
    for kind, record in all_records(real_catalog):
        assert titles.get(url_of(kind, record.id)) == real_catalog.title(record)


def test_start_page_reaches_every_record_within_two_clicks(built_site: Path, real_catalog: Catalog) -> None:
    _, from_start = read_article(built_site, ".")
    reachable = set(from_start)
    for url in from_start:
        if (built_site / url / "index.html").is_file():
            reachable |= read_article(built_site, url)[1]
    for kind, record in all_records(real_catalog):
        assert url_of(kind, record.id) in reachable


def test_edit_links_point_at_data_files(built_site: Path) -> None:
    page = (built_site / "organisationer" / "region-gotland" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/data/organisations/region-gotland\.yml"', page)
    about = (built_site / "om" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/content/om\.md"', about)


def test_navigation_lists_sections_not_records(built_site: Path) -> None:
    # The about page links to no record itself, so any record link on it would come from the nav.
    page = (built_site / "om" / "index.html").read_text(encoding="utf-8")
    assert 'href="../organisationer/"' in page
    assert "region-gotland" not in page


@pytest.mark.parametrize("kind", list(KINDS))
def test_index_page_is_a_table_of_all_records(built_site: Path, real_catalog: Catalog, kind: str) -> None:
    page = (built_site / KINDS[kind].section / "index.html").read_text(encoding="utf-8")
    assert "<table>" in page
    _, links = read_article(built_site, KINDS[kind].section)
    assert {url_of(kind, record_id) for record_id in real_catalog.records[kind]} <= links


def test_pages_are_swedish(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in page
    assert "fonts.googleapis.com" not in page


POINTS = ("Förslagets punkter:", "Beslutspunkter:")


class Decisions(HTMLParser):
    """Each decision: the heading above a paragraph "Beslutspunkter:" (or "Förslagets punkter:"),
    and the items of the numbered list that follows it, up to the next heading."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = ""
        self.open: list[str] | None = None
        self.decisions: list[tuple[str, list[str]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append("permalink" if ("class", "headerlink") in attrs else tag)
        if tag in ("h2", "h3", "li", "p"):
            self.text = []
        if tag in ("h2", "h3"):
            self.open = None

    def handle_endtag(self, tag: str) -> None:
        text = " ".join("".join(self.text).split())
        if tag in ("h2", "h3"):
            self.heading = text
        elif tag == "p" and text in POINTS:
            self.open = []
            self.decisions.append((self.heading, self.open))
        elif tag == "li" and "ol" in self.stack and self.open is not None:
            self.open.append(text)
        if self.stack and self.stack[-1] in (tag, "permalink"):
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "permalink" not in self.stack:
            self.text.append(data)


def test_each_decision_has_its_points_and_no_more(built_site: Path, real_catalog: Catalog) -> None:
    """The proposed decisions open the page, as in a tjänsteskrivelse; the decisions taken follow."""
    for collab in real_catalog.collaborations.values():
        parser = Decisions()
        parser.feed((built_site / url_of("collaborations", collab.id) / "index.html").read_text(encoding="utf-8"))
        in_page_order = sorted(collab.decisions, key=lambda d: d.kind.value != "forslag")
        assert [len(points) for _, points in parser.decisions] == [len(d.points) for d in in_page_order], collab.id
        for (heading, points), decision in zip(parser.decisions, in_page_order, strict=True):
            assert points == [" ".join(point.split()) for point in decision.points], heading
            assert not any(
                point.startswith(("Typ:", "Beslutande organ:", "Datum:", "Föreslås av:")) for point in points
            )


CLAIMS_OF_A_DECIDED_THING = [
    "Ersätter:",
    "Ersätts av:",
    "Strukturen har både",
    "har antagits",
    "beslutades",
    "inrättades",
]
"""Phrases that say something proposed has happened: a page of a proposal, or of what it would
replace, must not hold them."""


def test_no_page_says_a_proposed_thing_happened(built_site: Path, real_catalog: Catalog) -> None:
    proposed = [c for c in real_catalog.collaborations.values() if c.status.value == "forslag"]
    assert proposed
    replaced = {c.predecessor for c in proposed if c.predecessor}
    for collab in real_catalog.collaborations.values():
        if collab in proposed or collab.id in replaced:
            text, _ = read_article(built_site, url_of("collaborations", collab.id))
            assert [phrase for phrase in CLAIMS_OF_A_DECIDED_THING if phrase in text] == [], collab.id
    for old in replaced:
        text, _ = read_article(built_site, url_of("collaborations", str(old)))
        assert "Föreslås ersättas av:" in text


def test_sections_link_to_themselves_in_swedish_and_the_title_does_not(built_site: Path) -> None:
    page = (
        (built_site / url_of("collaborations", "overenskommelse-lansstyrelsen-region-jamtland-harjedalen"))
        .joinpath("index.html")
        .read_text(encoding="utf-8")
    )
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert h1 and "headerlink" not in h1.group(1)
    assert (
        '<h2 id="kallhandlingar">Källhandlingar<a aria-label="Länk till avsnittet Källhandlingar" class="headerlink" href="#kallhandlingar">'
        in page
    )
    sections = re.findall(r"<h[2-6][^>]* id=", page)
    assert len(sections) > 5 and len(sections) == page.count('class="headerlink"')


def test_a_structure_is_titled_with_its_owner_everywhere(built_site: Path) -> None:
    """The name "Intern samverkansstruktur för samverkan och samordning …" names no organisation."""
    title = "Intern samverkansstruktur, Region Gotland"
    page = (built_site / "samverkan" / "intern-samverkansstruktur-region-gotland" / "index.html").read_text(
        encoding="utf-8"
    )
    assert f">{title}</h1>" in page
    assert "Intern samverkansstruktur för samverkan och samordning mellan nämnder och förvaltningar" in page
    assert f">{title}</a>" in (built_site / "samverkan" / "index.html").read_text(encoding="utf-8")
    assert title in [page[1] for page in read_search_index(built_site)["pages"]]


def test_abbreviations_show_their_meaning_and_have_a_page(built_site: Path, real_catalog: Catalog) -> None:
    page = (
        built_site / url_of("collaborations", "overenskommelse-lansstyrelsen-region-jamtland-harjedalen") / "index.html"
    )
    text = page.read_text(encoding="utf-8")
    hsn = real_catalog.organisations["halso-och-sjukvardsnamnden-region-jamtland-harjedalen"]
    assert f'<abbr title="{hsn.name}">HSN</abbr>' in text
    assert '<abbr title="alkohol, narkotika, dopning, tobak och spel om pengar">ANDTS</abbr>' in text
    glossary = (built_site / "forkortningar" / "index.html").read_text(encoding="utf-8")
    for key in ["ANDTS", "HSN", "KL", "RUN", "RUS"]:
        assert re.search(rf"<td>(<abbr [^>]*>)?{key}(</abbr>)?</td>", glossary), key


def test_the_area_index_counts_what_each_area_page_lists(built_site: Path, real_catalog: Catalog) -> None:
    """At national scale a cell with every collaboration of an area made the index over a megabyte."""
    page = (built_site / "omraden" / "index.html").read_text(encoding="utf-8")
    table = page[page.index("<table") : page.index("</table>")]
    assert 'href="../samverkan/' not in table and 'href="../organisationer/' not in table
    for area_id in ("folkhalsa", "samiska-fragor"):
        row = re.search(rf'<tr>\s*<td><a href="{area_id}/">.*?</tr>', table, re.S)
        assert row, area_id
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
        assert cells[2:] == [
            str(len(real_catalog.area_collaborations(area_id))),
            str(len(real_catalog.area_organisations(area_id))),
        ]
