"""Render phase: pure helpers, and golden files for one rendered page of each kind.

Regenerate the golden files after an intended change with: UPDATE_GOLDEN=1 make test
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.model.records import Period, Role
from samverkan.pipeline import OUTPUTS
from samverkan.settings import Settings
from samverkan.site.render import (
    Page,
    Renderer,
    counted,
    lower_first,
    md_escape,
    month_names,
    render_site,
    sv_date,
    sv_join,
    sv_period,
)

GOLDEN = Path(__file__).parent / "golden"
SITE = Settings(
    site_name="Testportalen",
    description="En portal för tester.",
    publisher="Samverkansportalen",
    feedback_url="https://example.se/synpunkter",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Folkhälsa", "Folkhälsa"),
        ("<script>", "<script>"),  # HTML is escaped by Jinja's autoescape, after this step
        ("*fet* och _kursiv_", r"\*fet\* och \_kursiv\_"),
        ("[länk](javascript:x)", r"\[länk\]\(javascript:x\)"),
        ("{{ 7 * 7 }}", r"\{\{ 7 \* 7 \}\}"),
        ("a | b", r"a \| b"),
        ("# rubrik", r"\# rubrik"),
        ("- punkt", r"\- punkt"),
        ("2. stycke", r"2\. stycke"),
        ("0#", r"0\#"),  # a closing hash would vanish from a heading
        ("1) a + b!", r"1\) a \+ b\!"),
        ("rad ett\n\nrad två", "rad ett rad två"),
    ],
)
def test_md_escape_makes_text_literal(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-06-30", "30 juni 2023"), ("2018-02", "februari 2018"), ("2021", "2021"), ("2022-01-01", "1 januari 2022")],
)
def test_sv_date(value: str, expected: str) -> None:
    assert sv_date(value) == expected


def test_sv_join_and_months() -> None:
    assert sv_join([]) == ""
    assert sv_join(["a"]) == "a"
    assert sv_join(["a", "b", "c"]) == "a, b och c"
    assert month_names([2, 11, 12]) == "februari, november och december"


def test_lower_first_keeps_abbreviations() -> None:
    assert lower_first("Regiondirektör") == "regiondirektör"
    assert lower_first("HR-direktör") == "HR-direktör"
    assert lower_first("HOSPA") == "HOSPA"
    assert lower_first("") == ""


def test_counted_spells_out_numbers_up_to_twelve() -> None:
    assert counted(1, "lagrum", "lagrum", "ett") == "ett lagrum"
    assert counted(1, "organisation", "organisationer") == "en organisation"
    assert counted(0, "organisation", "organisationer") == "noll organisationer"
    assert counted(3, "organisation", "organisationer") == "tre organisationer"
    assert counted(12, "nivå", "nivåer") == "tolv nivåer"
    assert counted(13, "nivå", "nivåer") == "13 nivåer"


def test_sv_period() -> None:
    assert sv_period(Period(start="2022", end="2024")) == "2022–2024"
    assert sv_period(Period(start="2018-02")) == "från februari 2018"
    assert sv_period(Period(end="2026-10-14")) == "till 14 oktober 2026"
    assert sv_period(Period(note="tills vidare")) == "tills vidare"


def _pages(catalog: Catalog) -> dict[str, Page]:
    """The pages as a build makes them, with the outputs' files to link and show."""
    files = [file for output in OUTPUTS.values() for file in output(catalog, SITE)]
    return {page.path: page for page in render_site(catalog, SITE, files)}


def test_pages_and_edit_sources(fixture_catalog: Catalog) -> None:
    pages = _pages(fixture_catalog)
    assert pages["samverkan/avtal-a-b.md"].source == "tests/fixtures/data/collaborations/avtal-a-b.yml"
    assert pages["samverkan/index.md"].source is None
    assert all(path.endswith(".md") for path in pages)
    # start, index per kind, records, guide, accessibility, glossary, follow-up, year plan, network,
    # timeline, open data, and a page per county: Jämtlands län (Region B) and the group without
    # (Kommun A)
    assert len(pages) == 1 + len(KINDS) + 7 + 8 + 2
    assert {"lan/jamtlands-lan.md", "lan/utan-lan.md"} <= set(pages)


def test_outputs_make_the_files_that_are_not_pages(fixture_catalog: Catalog) -> None:
    files = {file.path: file.content for output in OUTPUTS.values() for file in output(fixture_catalog, SITE)}
    schemas = sorted(f"schemas/{kind}.schema.json" for kind in KINDS)
    records = [f"oppna-data/{kind}/{key}.json" for kind in KINDS for key in fixture_catalog.records[kind]]
    tables = ["organisationer", "samverkan", "parter", "omraden", "moten", "uppdrag", "beslut", "styrdokument"]
    feeds = ["samverkan.ics", "samverkan/avtal-a-b.ics"] + [
        f"organisationer/{org}.ics" for org in ("kommun-a", "kommunstyrelsen-kommun-a", "region-b")
    ]
    assert sorted(files) == sorted(
        [
            *schemas,
            "assets/samverkan-fold.js",
            "oppna-data/samverkan.json",
            "oppna-data/samverkan.schema.json",
            *(f"oppna-data/{table}.csv" for table in tables),
            *records,
            *(f"kalender/{feed}" for feed in feeds),
            *(
                f"diagram/{folder}/{name}.svg"
                for folder in ("natverk", "tidslinje")
                for name in ("jamtlands-lan", "utan-lan")
            ),
            *(f"diagram/organisationer/{org}.svg" for org in ("kommun-a", "kommunstyrelsen-kommun-a", "region-b")),
            "diagram/samverkan/avtal-a-b.svg",
        ]
    )  # no form editor and no DCAT metadata: this site has neither a repository nor an address
    assert all(json.loads(files[path])["$schema"].startswith("https://json-schema.org/") for path in schemas)
    assert files["assets/samverkan-fold.js"].decode() == (
        'window.samverkanFold = {"ä": "a", "å": "a", "é": "e", "ö": "o", "ü": "u"};\n'
    )


@pytest.mark.parametrize(
    "path",
    [
        "index.md",
        "samverkan/index.md",
        "samverkan/avtal-a-b.md",
        "organisationer/index.md",
        "organisationer/kommun-a.md",
        "omraden/folkhalsa.md",
        "styrdokument/strategi-x.md",
        "lagrum/kommunallagen.md",
        "redaktorer.md",
        "tillganglighet.md",
        "uppfoljning.md",
        "arsplan.md",
        "natverk.md",
        "tidslinje.md",
        "lan/jamtlands-lan.md",
        "lan/utan-lan.md",
    ],
)
def test_golden_page(fixture_catalog: Catalog, path: str) -> None:
    rendered = _pages(fixture_catalog)[path].content
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8"), f"{path} skiljer sig från {golden}"


def test_links_escape_names(fixture_catalog: Catalog) -> None:
    org = fixture_catalog.organisations["region-b"].model_copy(update={"name": "Region [B] *x* <y>"})
    renderer = Renderer(fixture_catalog, SITE)
    template = renderer.env.from_string("{{ link('organisations', org) }}")
    assert (
        template.render(org=org, page_path="index.md") == r"[Region \[B\] \*x\* &lt;y&gt;](organisationer/region-b.md)"
    )


def test_an_area_lists_the_same_parties_as_the_collaborations_index(fixture_catalog: Catalog) -> None:
    """With every party a "deltagare", the area page's Parter cell was empty (it filtered on its own)."""
    collab = fixture_catalog.collaborations["avtal-a-b"]
    everyone_takes_part = collab.model_copy(
        update={"parties": [party.model_copy(update={"role": Role.deltagare}) for party in collab.parties]}
    )
    catalog = dataclasses.replace(fixture_catalog, records={**fixture_catalog.records})
    catalog.records["collaborations"] = {"avtal-a-b": everyone_takes_part}
    catalog.area_priorities = {"folkhalsa": [(everyone_takes_part, everyone_takes_part.priority_areas[0])]}
    page = Renderer(catalog, SITE).render("area.md.j2", "omraden/folkhalsa.md", record=catalog.areas["folkhalsa"])
    row = next(line for line in page.content.splitlines() if line.startswith("| [Överenskommelse"))
    for party in ["Kommun A", "Region B", "Kommunstyrelsen i Kommun A"]:
        assert party in row
