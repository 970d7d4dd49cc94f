"""Each record's history, from one `git log` of the data folder (samverkan/ingest/history.py)."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import markdown
from conftest import ROOT
from mkdocs.config import load_config

from samverkan.catalog.link import Catalog
from samverkan.ingest.history import KEEP, Change, file_history
from samverkan.settings import Settings
from samverkan.site.render import Renderer

KOMMUN_A = "tests/fixtures/data/organisations/kommun-a.yml"


def git(folder: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_DATE": "2026-03-01T12:00:00", "GIT_COMMITTER_DATE": "2026-03-01T12:00:00"}
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@exempel.se", *args],
        cwd=folder, check=True, capture_output=True, env={**env, "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_one_log_gives_every_file_its_latest_changes(tmp_path: Path) -> None:
    site = tmp_path / "portal"  # the site in a folder of a larger repository
    data = site / "data" / "areas"
    data.mkdir(parents=True)
    git(tmp_path, "init", "-q")
    for number in range(KEEP + 2):
        (data / "folkhalsa.yml").write_text(f"id: folkhalsa\nname: Folkhälsa {number}\n", encoding="utf-8")
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-q", "-m", f"Ändring {number}: Folkhälsa")
    (data / "skog.yml").write_text("id: skog\nname: Skog\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Skog läggs till")
    found = file_history(site / "data", site)
    assert set(found) == {"data/areas/folkhalsa.yml", "data/areas/skog.yml"}  # relative to the site
    assert [change.message for change in found["data/areas/folkhalsa.yml"]] == [
        f"Ändring {number}: Folkhälsa" for number in range(KEEP + 1, 1, -1)
    ]  # newest first, KEEP of them
    assert found["data/areas/skog.yml"][0].date == "2026-03-01"


def test_outside_git_or_in_a_shallow_clone_there_is_no_history(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    assert file_history(tmp_path / "data", tmp_path) == {}
    origin = tmp_path / "origin"
    (origin / "data").mkdir(parents=True)
    git(origin, "init", "-q")
    for number in range(2):
        (origin / "data" / f"post-{number}.yml").write_text("id: a\n", encoding="utf-8")
        git(origin, "add", ".")
        git(origin, "commit", "-q", "-m", f"Post {number}")
    assert len(file_history(origin / "data", origin)) == 2
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    assert file_history(tmp_path / "shallow" / "data", tmp_path / "shallow") == {}


def _page(catalog: Catalog, settings: Settings) -> str:
    history = {KOMMUN_A: [Change("abc123", "2026-03-01", "Kommun A: ny beskrivning, *enligt* protokoll")]}
    renderer = Renderer(dataclasses.replace(catalog, history=history), settings)
    record = catalog.organisations["kommun-a"]
    return renderer.render("organisation.md.j2", "organisationer/kommun-a.md", record=record).content


def test_the_page_shows_the_history_and_the_public_edition_no_messages(fixture_catalog: Catalog) -> None:
    intern = _page(fixture_catalog, Settings(repository="https://github.com/exempel/samverkan"))
    assert "## Historik { data-search-exclude }\n\nSenast ändrad 1 mars 2026." in intern
    # What the reader sees: the message as text, not Markdown.
    config = load_config(str(ROOT / "mkdocs.yml"))
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(
        intern
    )
    assert "<li>1 mars 2026: Kommun A: ny beskrivning, *enligt* protokoll (" in html and "<em>" not in html
    assert "([ändringen i arkivet](https://github.com/exempel/samverkan/commit/abc123))" in intern
    public = _page(fixture_catalog, Settings(edition="public", repository="https://gitlab.exempel.se/r/s"))
    assert "- 1 mars 2026\n" in public
    assert "ny beskrivning" not in public and "commit" not in public


def test_a_page_without_history_has_no_section(fixture_catalog: Catalog) -> None:
    renderer = Renderer(fixture_catalog, Settings())
    record = fixture_catalog.organisations["kommun-a"]
    assert "Historik" not in renderer.render("organisation.md.j2", "organisationer/kommun-a.md", record=record).content


def test_the_built_site_dates_its_records(built_site: Path) -> None:
    page = (built_site / "organisationer" / "region-gotland" / "index.html").read_text(encoding="utf-8")
    assert 'id="historik"' in page and "Senast ändrad " in page
