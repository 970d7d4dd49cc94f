"""The table of kinds: adding a record kind takes a model, a row in the table and two templates.

The test defines a throwaway kind, "projects", entirely here, and the whole pipeline picks it up:
loading, validation of its references, the catalog, its pages, the start page, search, the JSON
Schema and the editors' guide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ConfigDict

from samverkan.model.kinds import KINDS, Kind
from samverkan.model.records import Name, OrgId, Record, field
from samverkan.pipeline import DataErrors, build_pages, check_data
from samverkan.settings import Settings


class Project(Record):
    """A project some organisation runs (a kind that exists only in this test)."""

    model_config = ConfigDict(title="Projekt")

    owner: OrgId = field("Ägare", "Id för organisationen som driver projektet.", "kommun-a")
    leader: Name | None = field("Projektledare", "Projektledarens namn.", "Anna Andersson", default=None)


PAGE = "# {{ record.name }}\n\nÄgare: {{ org(record.owner) }}\n"
INDEX = '# Projekt\n\n{% for record in records %}\n- {{ link("projects", record) }}\n{% endfor %}\n'


@pytest.fixture
def projects(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "project.md.j2").write_text(PAGE, encoding="utf-8")
    (templates / "projects.md.j2").write_text(INDEX, encoding="utf-8")
    kind = Kind(
        "projects",
        Project,
        "projekt",
        "Projekt",
        "projekt",
        "projekt",
        "ett projekt",
        "project.md.j2",
        "projects.md.j2",
        templates,
    )
    monkeypatch.setitem(KINDS, "projects", kind)
    (data_copy / "projects").mkdir()
    (data_copy / "projects" / "nytt-projekt.yml").write_text(
        "id: nytt-projekt\nname: Nytt projekt\nowner: kommun-a\n", encoding="utf-8"
    )
    return data_copy


def test_a_new_kind_gets_pages_search_schema_and_guide(projects: Path) -> None:
    result = build_pages(projects, Settings())
    pages = {page.path: page for page in result.pages}
    assert "Ägare: [Kommun A](../organisationer/kommun-a.md)" in pages["projekt/nytt-projekt.md"].content
    assert pages["projekt/nytt-projekt.md"].source is not None
    assert pages["projekt/nytt-projekt.md"].source.endswith("data/projects/nytt-projekt.yml")
    assert "- [Nytt projekt](nytt-projekt.md)" in pages["projekt/index.md"].content
    assert "[Projekt](projekt/index.md) (1)" in pages["index.md"].content
    assert "projekt/nytt-projekt.md" in result.search
    files = {file.path: file.content for file in result.files}
    assert b'"title": "Projekt"' in files["schemas/projects.schema.json"]
    assert "### Projekt" in pages["redaktorer.md"].content and "`data/projects/`" in pages["redaktorer.md"].content


def test_a_new_kind_is_validated_like_the_others(projects: Path) -> None:
    (projects / "projects" / "nytt-projekt.yml").write_text(
        "id: nytt-projekt\nname: Nytt projekt\nowner: kommun-x\n", encoding="utf-8"
    )
    with pytest.raises(DataErrors) as failure:
        check_data(projects)
    [problem] = failure.value.problems
    assert (problem.path.endswith("projects/nytt-projekt.yml"), problem.line, problem.field) == (True, 3, "owner")
    assert (
        "förväntade id för en organisation i data/organisations/. Menade du ”kommun-a” (Kommun A)?" in problem.message
    )


def test_every_kind_has_its_folder_and_templates() -> None:
    templates = Path(__file__).resolve().parents[1] / "hooks" / "samverkan" / "site" / "templates"
    for kind in KINDS.values():
        assert (templates / kind.page_template).is_file() and (templates / kind.index_template).is_file(), kind.key
        assert kind.page("x") == f"{kind.section}/x.md"
