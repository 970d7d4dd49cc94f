"""National scale: the generator, the render command and a build under ProperDocs."""

from __future__ import annotations

import filecmp
import os
import subprocess
from pathlib import Path

import pytest
from conftest import BIN, ROOT, TEST_DEPLOYMENT, mkdocs_build

from samverkan.cli import main
from samverkan.dev.generate import generate, municipality_name
from samverkan.dev.successor import hookless_config


def test_municipality_names_follow_swedish_usage() -> None:
    assert municipality_name("Eslöv") == "Eslövs kommun"
    assert municipality_name("Lomma") == "Lomma kommun"
    assert municipality_name("Borås") == "Borås kommun"
    assert municipality_name("Falun") == "Falu kommun"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "data"
    generate(0.02, out)
    return out


def test_generated_data_passes_the_check(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data", str(small)]) == 0
    summary = capsys.readouterr().out
    # Scale 0.02: Stockholms län, its 26 municipalities, their boards, and 30 collaborations.
    assert "30 samverkan" in summary
    assert "136 organisationer" in summary


def test_generator_is_deterministic(small: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(0.02, again)
    comparison = filecmp.dircmp(small, again)
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    for kind in ["organisations", "collaborations"]:
        _, mismatch, errors = filecmp.cmpfiles(small / kind, again / kind, os.listdir(small / kind), shallow=False)
        assert not mismatch and not errors


def test_generated_data_builds(small: Path, tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", small)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "organisationer" / "stockholms-kommun" / "index.html").is_file()


def articles(site: Path) -> dict[str, str]:
    return {
        str(page.relative_to(site)): page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0]
        for page in site.rglob("*.html")
        if "<article" in page.read_text(encoding="utf-8")
    }


def test_a_rendered_docs_dir_builds_without_hooks_into_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The canonical build: `samverkan render`, then any MkDocs-compatible builder, no hooks."""
    unset = {"SAMVERKAN_EDIT_URL": ""}  # edit links point at data files only in the hooks build
    hooks = tmp_path / "hooks-site"
    assert mkdocs_build(hooks, None, **unset).returncode == 0
    for name, value in {**TEST_DEPLOYMENT, **unset}.items():
        monkeypatch.setenv(name, value)  # render reads the settings as the build does
    docs = tmp_path / "docs"
    assert main(["render", "--out", str(docs)]) == 0
    plain = tmp_path / "plain-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **TEST_DEPLOYMENT, **unset}
    command = [str(BIN / "mkdocs"), "build", "--strict", "-f", str(hookless_config(docs, tmp_path)), "-d", str(plain)]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    ours, theirs = articles(hooks), articles(plain)
    assert sorted(ours) == sorted(theirs)
    assert [page for page in ours if ours[page] != theirs[page]] == []
    assert (plain / "schemas" / "areas.schema.json").read_bytes() == (
        hooks / "schemas" / "areas.schema.json"
    ).read_bytes()


def test_properdocs_builds_the_same_pages(built_site: Path, tmp_path: Path) -> None:
    properdocs = BIN / "properdocs"
    if not properdocs.is_file():
        pytest.skip("properdocs saknas i .venv")
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **TEST_DEPLOYMENT}
    env.pop("SAMVERKAN_DATA", None)
    command = [str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    ours = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*.html"))
    theirs = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    assert ours == theirs
    page = "samverkan/intern-samverkansstruktur-region-gotland/index.html"
    article = (built_site / page).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0]
    assert article == (site / page).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0]
