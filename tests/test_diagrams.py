"""Relationship and timeline diagrams: the grouping by county, the layouts, the SVG files, and the
pages that show them beside their text alternative."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, TODAY

from samverkan.catalog.link import Catalog
from samverkan.catalog.network import by_period, groups, undated
from samverkan.outputs.diagrams import Bar, Node, arcs, columns, diagram_files, num, svg_size, timeline, wrap
from samverkan.pipeline import check_data, make_settings

SVG = "{http://www.w3.org/2000/svg}"
SITE = make_settings({}, FIXTURE_DATA)


def svgs(catalog: Catalog) -> dict[str, bytes]:
    return {file.path: file.content for file in diagram_files(catalog, SITE)}


def texts(content: bytes) -> list[str]:
    return [element.text or "" for element in ET.fromstring(content).iter(f"{SVG}text")]


# Pure functions.


def test_wrap_keeps_words_and_cuts_what_does_not_fit() -> None:
    assert wrap("Region Gotland", 200, 2) == ["Region Gotland"]
    lines = wrap(
        "Överenskommelse om samverkan mellan Länsstyrelsen Jämtlands län och Region Jämtland Härjedalen", 150, 2
    )
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(len(line) <= 150 / 7.2 for line in lines)
    assert " ".join(lines).replace("…", "") in "Överenskommelse om samverkan mellan Länsstyrelsen Jämtlands län"


def test_num_writes_short_coordinates() -> None:
    assert [num(12.0), num(12.25), num(0.04)] == ["12", "12.2", "0"]


def test_columns_centre_each_column_and_link_boxes_left_to_right() -> None:
    drawing = columns(
        "t", "d", [[Node("a", "A")], [Node("b", "B"), Node("c", "C"), Node("d", "D")]], [("a", "b"), ("a", "d")]
    )
    left, *right = drawing.boxes
    assert len(right) == 3 and len(drawing.strokes) == 2
    assert left.y + left.height / 2 == pytest.approx(right[1].y + right[1].height / 2)  # the single box is centred
    assert left.x + left.width < right[0].x
    start = re.match(r"M([\d.]+) ([\d.]+)C", drawing.strokes[1].path)
    assert start and float(start.group(1)) == pytest.approx(left.x + left.width, abs=0.1)
    assert drawing.strokes[1].path.endswith(f"{num(right[2].x)} {num(right[2].y + right[2].height / 2)}")


def test_arcs_join_linked_rows_and_grow_thicker_with_what_they_share() -> None:
    drawing = arcs("t", "d", [("A", ""), ("B", ""), ("C", "guest")], [(0, 1, 1), (0, 2, 4)])
    assert [text.text for text in drawing.texts] == ["A", "B", "C"]
    assert drawing.texts[2].kind == "guest"
    one, four = drawing.strokes
    assert four.width == 2 * one.width  # 1.5 × √count
    assert one.path.startswith("M") and " 0 0 1 " in one.path


def test_timeline_places_bars_on_the_years_and_open_periods_at_the_edge() -> None:
    bars = [
        Bar("Från 2020", date(2020, 1, 1), date(2023, 1, 1), "gallande"),
        Bar("Utan slut", date(2022, 1, 1), None, "pa_prov"),
    ]
    drawing = timeline("t", "d", bars, date(2024, 7, 1), [("gallande", "Gällande")])
    years = [text.text for text in drawing.texts if text.kind == "axis"]
    assert years == ["2020", "2021", "2022", "2023", "2024"]
    closed, open_ended = [box for box in drawing.boxes if "bar" in box.kind][:2]
    assert "open" not in closed.kind and "open" in open_ended.kind
    year = closed.width / 3
    assert open_ended.x == pytest.approx(closed.x + 2 * year, abs=0.5)
    assert open_ended.x + open_ended.width == pytest.approx(760 - 10)  # runs to the edge
    today = next(stroke for stroke in drawing.strokes if stroke.kind == "today")
    assert float(today.path[1:].split()[0]) == pytest.approx(closed.x + 4.5 * year, abs=1)
    assert "I dag" in [text.text for text in drawing.texts]


def test_the_axis_takes_in_every_start_and_end_and_labels_stay_apart() -> None:
    bars = [
        Bar("Bara slut", None, date(2011, 1, 1), "utgangen"),  # ends with 2010
        Bar("Bara början", date(2035, 3, 1), None, "forslag"),
    ]
    drawing = timeline(
        "t", "d", bars, date(2026, 11, 25), [(kind, kind * 20) for kind in ("a", "b", "c", "d", "e", "f")]
    )
    years = [int(text.text) for text in drawing.texts if text.kind == "axis"]
    assert years[0] <= 2010 and years[-1] >= 2030
    xs = [text.x for text in drawing.texts if text.kind == "axis"]
    assert min(b - a for a, b in pairwise(xs)) >= 36
    ended, later = [box for box in drawing.boxes if "bar" in box.kind][:2]
    assert ended.x < 400 and ended.width > 10 and later.x + later.width <= 750.1
    legend = [box for box in drawing.boxes if box.width == 14]
    assert all(box.x + 18 < 760 for box in legend) and len({box.y for box in legend}) == 2  # wrapped
    assert drawing.height >= max(box.y for box in legend) + 10


def test_an_organisation_in_many_collaborations_shows_its_partners_with_counts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for n in range(16):
        (data / "collaborations" / f"extra-{n:02d}.yml").write_text(
            f"id: extra-{n:02d}\nname: Extra {n}\nkind: overenskommelse\nstatus: gallande\n"
            "parties:\n  - {organisation: kommun-a, role: part}\n  - {organisation: region-b, role: part}\n",
            encoding="utf-8",
        )
    catalog = check_data(data).catalog
    content = svgs(catalog)["diagram/organisationer/kommun-a.svg"]
    assert texts(content)[:3] == ["Kommun A", "Kommunstyrelsen i Kommun A", "1 gemensam"]
    assert "17 gemensamma" in texts(content) and "Extra 3" not in texts(content)


# Grouping by county.


@pytest.fixture
def national(tmp_path: Path) -> Catalog:
    """The fixture data with Kommun A in Jämtlands län, a board of it, and a national agency."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    kommun = data / "organisations" / "kommun-a.yml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + "county: jamtlands_lan\n", encoding="utf-8")
    region = data / "organisations" / "region-b.yml"
    region.write_text(region.read_text(encoding="utf-8").replace("jamtlands_lan", "gotlands_lan"), encoding="utf-8")
    (data / "organisations" / "myndighet-c.yml").write_text(
        "id: myndighet-c\nname: Myndighet C\nclassification: grupp\n", encoding="utf-8"
    )
    (data / "collaborations" / "intern-a.yml").write_text(
        "id: intern-a\nname: Intern struktur i Kommun A\nkind: intern_struktur\nstatus: gallande\n"
        "parties:\n  - {organisation: kommun-a, role: huvudman}\n"
        "  - {organisation: kommunstyrelsen-kommun-a, role: deltagare}\n",
        encoding="utf-8",
    )
    catalog = check_data(data).catalog
    catalog.today = TODAY
    return catalog


def test_organisations_are_grouped_by_county_with_sub_bodies_counted_as_their_organisation(national: Catalog) -> None:
    found = {group.title: group for group in groups(national)}
    assert list(found) == ["Gotlands län", "Jämtlands län", "Utan län"]  # county code order, then the rest
    jamtland = found["Jämtlands län"]
    assert [org.id for org in jamtland.members] == ["kommun-a"]  # its board is part of it
    assert [org.id for org in jamtland.guests] == ["region-b"]
    assert {key: [c.id for c in shared] for key, shared in jamtland.links.items()} == {
        ("kommun-a", "region-b"): ["avtal-a-b"]
    }
    assert [c.id for c in jamtland.internal["kommun-a"]] == ["intern-a"]
    assert [(org.id, [c.id for c in shared]) for org, shared in jamtland.partners("kommun-a")] == [
        ("region-b", ["avtal-a-b"])
    ]
    assert found["Utan län"].collaborations == [] and found["Utan län"].key == "utan-lan"
    assert found["Gotlands län"].among == "i Gotlands län" and found["Utan län"].among == "utan län"


def test_timeline_rows_are_the_collaborations_with_a_start_or_an_end(national: Catalog) -> None:
    collabs = list(national.collaborations.values())
    assert [c.id for c in by_period(collabs)] == ["avtal-a-b"]
    assert [c.id for c in undated(collabs)] == ["intern-a"]


# The files.


def test_every_diagram_is_valid_svg_with_a_title_and_nothing_to_fetch(national: Catalog) -> None:
    files = svgs(national)
    assert sorted(files) == [
        "diagram/natverk/gotlands-lan.svg",
        "diagram/natverk/jamtlands-lan.svg",
        "diagram/natverk/utan-lan.svg",
        "diagram/organisationer/kommun-a.svg",
        "diagram/organisationer/kommunstyrelsen-kommun-a.svg",
        "diagram/organisationer/region-b.svg",
        "diagram/samverkan/avtal-a-b.svg",
        "diagram/samverkan/intern-a.svg",
        "diagram/tidslinje/gotlands-lan.svg",
        "diagram/tidslinje/jamtlands-lan.svg",
    ]  # no partners, a single party or no period: no diagram
    for path, content in files.items():
        root = ET.fromstring(content)
        assert root.get("role") == "img", path
        assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None, path
        assert not re.search(rb"href|url\(|@import|<script|<image", content), path
        assert svg_size(content) == (root.get("width"), root.get("height"))


def test_diagrams_show_who_with_whom_and_through_what(national: Catalog) -> None:
    files = svgs(national)
    kommun = texts(files["diagram/organisationer/kommun-a.svg"])
    assert kommun[0] == "Kommun A"
    assert "Region B" in kommun and "Kommunstyrelsen i Kommun A" in kommun
    assert "Utgången" in kommun  # each collaboration's stage
    collab = texts(files["diagram/samverkan/avtal-a-b.svg"])
    assert {"Kommun A", "Region B", "Part"} <= set(collab)
    assert texts(files["diagram/natverk/jamtlands-lan.svg"]) == ["Kommun A", "Region B (Gotlands län)"]
    timeline_texts = texts(files["diagram/tidslinje/jamtlands-lan.svg"])
    assert "2022" in timeline_texts and "Utgången" in timeline_texts


def test_names_are_escaped_and_the_files_are_the_same_bytes_each_time(data_copy: Path) -> None:
    org = data_copy / "organisations" / "region-b.yml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("name: Region B", "name: 'Region <B> & \"C\"'"), encoding="utf-8"
    )
    catalog = check_data(data_copy).catalog
    files = svgs(catalog)
    assert files == svgs(check_data(data_copy).catalog)
    content = files["diagram/samverkan/avtal-a-b.svg"]
    assert b"Region &lt;B&gt; &amp; &#34;C&#34;" in content
    assert 'Region <B> & "C"' in texts(content)


# The pages.


def test_pages_show_the_diagram_beside_its_text_alternative(built_site: Path) -> None:
    county = (built_site / "lan" / "jamtlands-lan" / "index.html").read_text(encoding="utf-8")
    image = re.search(r'<img[^>]*src="../../diagram/natverk/jamtlands-lan.svg"[^>]*>', county)
    assert image and 'alt="Diagram: vilka organisationer i Jämtlands län' in image.group(0)
    assert 'width="' in image.group(0) and 'height="' in image.group(0)
    after = county[image.end() :]
    assert after.index("Länsstyrelsen Jämtlands län") < after.index("<h2")  # the list comes right after
    assert "Samverkansavtal mellan Länsstyrelsen Jämtlands län och Region Jämtland Härjedalen (2018)" in after
    assert (built_site / "diagram" / "natverk" / "jamtlands-lan.svg").is_file()
    org = (built_site / "organisationer" / "region-jamtland-harjedalen" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../diagram/organisationer/region-jamtland-harjedalen.svg"' in org
    overview = (built_site / "natverk" / "index.html").read_text(encoding="utf-8")
    assert overview.count('loading="lazy"') >= 2 and 'href="../lan/gotlands-lan/"' in overview
    timeline_page = (built_site / "tidslinje" / "index.html").read_text(encoding="utf-8")
    assert 'src="../diagram/tidslinje/jamtlands-lan.svg"' in timeline_page
    gotland = (built_site / "lan" / "gotlands-lan" / "index.html").read_text(encoding="utf-8")
    assert "inom organisationen, genom" in gotland  # its structure is between its own bodies
