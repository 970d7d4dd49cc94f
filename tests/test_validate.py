"""Validate phase: model errors in Swedish, and checks across records."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan.ingest.problems import Problem, format_problems
from samverkan.ingest.validate import describe, field_name, suggest
from samverkan.pipeline import DataErrors, check_data


def test_fixture_data_is_valid(fixture_catalog: object) -> None:
    assert fixture_catalog is not None


def test_field_name_reads_like_yaml() -> None:
    assert field_name(("parties", 0, "organisation")) == "parties[0].organisation"
    assert field_name(()) == ""


def test_describe_and_suggest_are_swedish() -> None:
    assert describe(None) == "ett tomt värde"
    assert describe(12) == "talet 12"
    assert describe("x" * 80).endswith("…”")
    assert suggest("pats", ["part", "samrad"]) == " (menade du ”part”?)"
    assert suggest("zzz", ["part"]) == ""


def _problems(data: Path) -> list[Problem]:
    with pytest.raises(DataErrors) as failure:
        check_data(data, root=data.parent)
    return failure.value.problems


def test_every_problem_is_reported_in_one_run(data_copy: Path) -> None:
    area = data_copy / "areas" / "folkhalsa.yml"
    area.write_text(area.read_text(encoding="utf-8") + "beskrivning: fel nyckel\n", encoding="utf-8")
    org = data_copy / "organisations" / "region-b.yml"
    org.write_text("id: region-b\nname: Region B\nclassification: landsting\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("data/areas/folkhalsa.yml", 8, "beskrivning"),
        ("data/organisations/region-b.yml", 3, "classification"),
    ]
    assert "menade du ”description”, Beskrivning?" in problems[0].message
    assert "förväntade ett av: region (Region), lansstyrelse (Länsstyrelse), kommun (Kommun)" in problems[1].message
    text = format_problems(problems)
    assert text.splitlines()[0].startswith("data/areas/folkhalsa.yml:8:1: fältet beskrivning: okänt fält")
    assert text.endswith("2 fel hittades.")


def test_dangling_reference_names_the_field_and_a_close_id(data_copy: Path) -> None:
    collab = data_copy / "collaborations" / "avtal-a-b.yml"
    collab.write_text(
        collab.read_text(encoding="utf-8").replace("area: folkhalsa", "area: folkhalsan"), encoding="utf-8"
    )
    [problem] = _problems(data_copy)
    assert (problem.line, problem.field) == (21, "priority_areas[0].area")
    assert problem.message == (
        "fann ”folkhalsan”, förväntade id för ett område i data/areas/. Menade du ”folkhalsa” (Folkhälsa)? "
        "Finns det inte än: skapa det med python -m samverkan new areas folkhalsan"
    )


def test_parent_loop_is_found(data_copy: Path) -> None:
    org = data_copy / "organisations" / "kommun-a.yml"
    org.write_text(org.read_text(encoding="utf-8") + "parent: kommunstyrelsen-kommun-a\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert problems and all("slinga" in p.message for p in problems)
    assert {p.field for p in problems} == {"parent"}


def test_a_sub_body_belongs_to_the_county_of_its_organisation(data_copy: Path) -> None:
    board = data_copy / "organisations" / "kommunstyrelsen-kommun-a.yml"
    board.write_text(board.read_text(encoding="utf-8") + "county: gotlands_lan\n", encoding="utf-8")
    [problem] = _problems(data_copy)
    assert problem.path.endswith("organisations/kommunstyrelsen-kommun-a.yml")
    assert (problem.line, problem.field) == (7, "county")
    assert problem.message == (
        "länet är Gotlands län, men Kommun A (kommun-a), som organet ingår i, har inget län; ett organ hör "
        "alltid till samma län som sin organisation. Ta bort raden county, eller ange länet på kommun-a"
    )
    assert problem.title == "Län"
    kommun = data_copy / "organisations" / "kommun-a.yml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + "county: gotlands_lan\n", encoding="utf-8")
    check_data(data_copy)  # the same county as its organisation's is redundant, not wrong

    # A parent that does not exist is reported, and the county is not looked at further.
    board.write_text(
        board.read_text(encoding="utf-8").replace("parent: kommun-a", "parent: kommun-x"), encoding="utf-8"
    )
    assert [problem.field for problem in _problems(data_copy)] == ["parent"]


def test_a_record_with_errors_still_gets_its_references_checked(data_copy: Path) -> None:
    """All errors in one round: a wrong status does not hide a dangling reference in the same file,
    and an id written as a name points at the record it names."""
    collab = data_copy / "collaborations" / "avtal-a-b.yml"
    text = collab.read_text(encoding="utf-8")
    text = text.replace("status: gallande", "status: gällande").replace(
        "organisation: region-b", "organisation: region-bb", 1
    )
    collab.write_text(text.replace("area: folkhalsa", "area: Folkhälsa"), encoding="utf-8")
    problems = {problem.field: problem for problem in _problems(data_copy)}
    assert "skriv ”gallande”" in problems["status"].message and problems["status"].title == "Status"
    dangling = [problem for field, problem in problems.items() if problem.message.startswith("fann ”region-bb”")]
    assert dangling and "Menade du ”region-b” (Region B)?" in dangling[0].message
    assert "new organisations region-bb" in dangling[0].message
    assert problems["priority_areas[0].area"].message.endswith("(menade du ”folkhalsa”?)")
