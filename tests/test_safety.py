"""Text from data is data: random text in any string field never breaks the build and always
shows up literally; a failed build never touches the last good site."""

from __future__ import annotations

import hashlib
import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
from conftest import FIXTURE_DATA, ROOT, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from samverkan.model.records import Collaboration, walk
from samverkan.pipeline import check_data
from samverkan.settings import Settings
from samverkan.site.markup import clean_html, render_markdown, safe_href
from samverkan.site.render import Renderer

SITE = Settings(site_name="Test", description="Test")
# Printable text as an editor could type it in YAML (which forbids most control characters).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85") | st.sampled_from("\n\t"),
    min_size=1,
).filter(str.strip)
NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "{{ 7 * 7 }}",
        "{% raw %}",
        "*x*",
        "[a](javascript:x)",
        "<img src=x onerror=alert(1)>",
        "| a |",
        "# h",
        "1. x",
        "&amp;",
        "\\",
        "`x`",
        "<!-- c -->",
        "---",
        ":::",
        "{: .x }",
        "]]>",
        "</div>",
    ]
)


INLINE = {"a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "sub", "sup"}


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in INLINE:  # a block starts on a line of its own; ":KL" with KL as <abbr> stays ":KL"
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _markdown_renderer() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


MD = _markdown_renderer()


def _plain_fields(collab: Collaboration) -> list[tuple[tuple[Any, ...], str]]:
    """Every plain-text field of the fixture collaboration that is shown as text."""
    fields = []
    for path, value, kind in walk(collab):
        if (
            isinstance(value, str)
            and not kind
            and path[-1] not in ("id", "post", "start", "end", "date")
            and not hasattr(value, "value")
        ):
            fields.append((path, value))
    return fields


def _set(model: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        model = model[part] if isinstance(part, int) else getattr(model, part)
    last = path[-1]
    if isinstance(last, int):
        model[last] = value
    else:
        object.__setattr__(model, last, value)


CATALOG, _ = check_data(FIXTURE_DATA)
assert CATALOG is not None
RENDERER = Renderer(CATALOG, SITE)
ORIGINAL = CATALOG.collaborations["avtal-a-b"]


@settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data(), text=st.one_of(TEXT, NASTY, st.tuples(TEXT, NASTY, TEXT).map("".join)))
def test_any_text_in_any_field_shows_literally(data: st.DataObject, text: str) -> None:
    path, _ = data.draw(st.sampled_from(_plain_fields(ORIGINAL)))
    collab = ORIGINAL.model_copy(deep=True)
    _set(collab, path, text)
    page = RENDERER.render("collaboration.md.j2", "samverkan/avtal-a-b.md", record=collab)
    MD.reset()
    html = MD.convert(page.content)
    parser = Text()
    parser.feed(html)
    shown = " ".join("".join(parser.parts).split())
    assert " ".join(text.split()) in shown
    assert "script" not in parser.tags and "img" not in parser.tags


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(TEXT, NASTY, st.tuples(TEXT, NASTY, TEXT).map("".join)))
def test_markdown_fields_never_let_markup_through(text: str) -> None:
    html = str(render_markdown(text))
    parser = Text()
    parser.feed(html)
    assert set(parser.tags) <= {"div", "p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote"}
    assert {name for name, _ in parser.attrs} <= {"class", "href"}
    assert all(safe_href(value or "") for name, value in parser.attrs if name == "href")


def test_markdown_cleaning_keeps_the_allowed_and_drops_the_rest() -> None:
    html = clean_html(
        '<p onclick="x()">a <a href="javascript:alert(1)">b</a> <a href="https://x.se" style="c">d</a><script>e</script><b>f</b></p>'
    )
    assert html == '<p>a <a>b</a> <a href="https://x.se">d</a>f</p>'
    assert not safe_href(" java\tscript:alert(1)")
    assert not safe_href("data:text/html,x")
    assert safe_href("../organisationer/region-gotland/") and safe_href("mailto:a@b.se")


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_the_site_as_it_was(tmp_path: Path, data_copy: Path) -> None:
    site = tmp_path / "site"
    environ = {**os.environ, "SAMVERKAN_DATA": str(data_copy), "SITE": str(site)}
    good = subprocess.run(
        ["make", "--no-print-directory", "build", f"SITE={site}"], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert good.returncode == 0, good.stderr
    before = _digest(site)
    assert "samverkan/avtal-a-b/index.html" in before
    (data_copy / "areas" / "folkhalsa.yml").write_text("id: folkhalsa\nname: [\n", encoding="utf-8")
    bad = subprocess.run(
        ["make", "--no-print-directory", "build", f"SITE={site}"], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert bad.returncode != 0
    assert "folkhalsa.yml:3:1: " in bad.stderr
    assert _digest(site) == before


def test_fixture_site_shows_script_and_template_text_literally(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", FIXTURE_DATA)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    assert "Texten &lt;script&gt;alert(1)&lt;/script&gt; och {{ 7 * 7 }} visas *som den står*." in page
    assert "<script>alert" not in page
    area = (tmp_path / "site" / "omraden" / "folkhalsa" / "index.html").read_text(encoding="utf-8")
    assert "onerror" not in area and "javascript:" not in area and "alert(2)" not in area
    assert '<a href="https://www.folkhalsomyndigheten.se">Folkhälsomyndigheten</a>' in area


def test_code_spans_keep_what_looks_like_an_unclosed_tag() -> None:
    assert (
        str(render_markdown("Skriv `<b` och <a"))
        == '<div class="samverkan-text"><p>Skriv <code>&lt;b</code> och &lt;a</p></div>'
    )


def test_cleaning_nests_as_a_browser_parses() -> None:
    """The hand-written cleaner that nh3 replaced made `<li>a<li>b</li></li>` of this."""
    assert clean_html("<ul><li>a<li>b</ul>") == "<ul><li>a</li><li>b</li></ul>"
