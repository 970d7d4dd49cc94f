"""Fuzzing: random YAML documents and random changes to the data folder.

For every example the check returns (within 5 s) with Swedish problems at a file, line and column,
or with success; it never raises. When the data passes, a real build of it holds no executable
markup in any page, attribute, `<title>` or the search index.

`make test` runs a few examples; `make fuzz` (and the nightly workflow) runs many:
FUZZ_EXAMPLES and FUZZ_BUILD_EXAMPLES set the counts.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURE_DATA, mkdocs_build, read_search_index
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from samverkan.cli import main
from samverkan.model.kinds import KINDS

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
BUILD_EXAMPLES = int(os.environ.get("FUZZ_BUILD_EXAMPLES", "5"))
PAYLOAD = "alert("
"""Every hostile string carries this, so that anything executable that got through is found by it."""


def _keys(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Every field name of a model and of the models inside it."""
    seen = seen if seen is not None else set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for inner in _models_in(info.annotation):
            if inner not in seen:
                names |= _keys(inner, seen)
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in getattr(annotation, "__args__", ()) or () for model in _models_in(arg)]


KEYS = sorted(set().union(*(_keys(kind.model) for kind in KINDS.values())))
# Hostile strings a record may well hold: printable, so that the data passes and is built.
PRINTABLE_STRINGS = [
    "</title><script>alert(1)</script><title>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<svg onload=alert(1)>",
    '"><iframe src="javascript:alert(1)">',
    "{{ alert(1) }}{% raw %}",
    "__search alert(1)",
    "*alert(1)* `x` # h | a | {: #y }",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!-- alert(1) -->",
]
PRINTABLE = st.sampled_from(PRINTABLE_STRINGS)
# And those that the check must refuse, or bound.
HOSTILE = st.sampled_from(
    [
        *PRINTABLE_STRINGS,
        "\u202ealert(1)",
        "alert(1)\u200b",
        "alert(1)\x1b[2J\x07",
        "alert(1)\n::error file=x::y",
        "+ + + + + + + + + + + + alert(1)",
        "[" * 300 + "alert(1)",
        "<a " * 300 + "alert(1)",
        "alert(1)" + "å" * 5000,
        "Gоtland alert(1)",
        "   ",
    ]
)
TEXT = st.one_of(
    HOSTILE,
    st.tuples(st.text(max_size=20), HOSTILE, st.text(max_size=20)).map("".join),
)
SCALARS = st.one_of(
    TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from(["kommun-a", "region-b", "folkhalsa", "intern", "publik", "forslag", "part", "2023-06-30", "9999"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=8,
)
# Raw YAML inserted into the text of a file: what no serializer writes, but an editor (or an
# attacker) can.
RAW = st.sampled_from(
    [
        "\t",
        ": ",
        "&a ",
        "*a",
        "!!python/object/apply:os.system ['echo x'] ",
        "!!set ",
        "!!binary ",
        "<<: *a\n",
        "\n---\n",
        '"',
        "'",
        "[",
        "{",
        "- ",
        "\n  - ",
        "? ",
        "NO",
        "0755",
        ".nan",
        "10:30",
        "\x00",
        "\ufeff",
        "\\x",
        "%YAML 1.1\n",
        "#",
    ]
)
FILES = sorted(path.relative_to(FIXTURE_DATA).as_posix() for path in FIXTURE_DATA.rglob("*.yml"))
TREE_CHANGES = st.sampled_from(
    [
        "ingen",
        "länk till /etc/passwd",
        "länk till en post utanför",
        "länkad mapp",
        "fil direkt i data",
        "okänd mapp",
        "fel ändelse",
        "undermapp",
        "saknad mapp",
        "fifo",
        "konstigt filnamn",
    ]
)


def _set(document: Any, path: list[str | int], value: Any) -> Any:
    """The document with the value at path: missing mappings are made, lists are indexed modulo."""
    if not path:
        return value
    head, *rest = path
    if isinstance(document, list) and document:
        index = head if isinstance(head, int) else 0
        document[index % len(document)] = _set(document[index % len(document)], rest, value)
        return document
    if not isinstance(document, dict):
        document = {}
    key = str(head)
    document[key] = _set(document.get(key), rest, value)
    return document


@st.composite
def broken_data(draw: st.DrawFn) -> tuple[str, str, str]:
    """(file, its new text, a change to the tree)."""
    file = draw(st.sampled_from(FILES))
    document = yaml.safe_load((FIXTURE_DATA / file).read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.lists(st.one_of(st.sampled_from(KEYS), st.integers(0, 3)), min_size=1, max_size=3))
        document = _set(document, path, draw(VALUES))
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(RAW) + text[at:]
    return file, text, draw(TREE_CHANGES)


def _apply(data: Path, outside: Path, change: str) -> None:
    areas = data / "areas"
    if change == "länk till /etc/passwd":
        (areas / "losen.yml").symlink_to("/etc/passwd")
    elif change == "länk till en post utanför":
        (outside / "hemlig.yml").write_text("id: hemlig\nname: alert(1) utanför\n", encoding="utf-8")
        (areas / "hemlig.yml").symlink_to(outside / "hemlig.yml")
    elif change == "länkad mapp":
        shutil.move(data / "legal", outside / "legal")
        (data / "legal").symlink_to(outside / "legal")
    elif change == "fil direkt i data":
        (data / "x.yml").write_text("id: x\nname: X\n", encoding="utf-8")
    elif change == "okänd mapp":
        (data / "organisation").mkdir()
    elif change == "fel ändelse":
        (areas / "arbete.YML").write_text("id: arbete\nname: Arbete\n", encoding="utf-8")
    elif change == "undermapp":
        (areas / "gamla").mkdir()
    elif change == "saknad mapp":
        shutil.rmtree(data / "documents")
    elif change == "fifo":
        os.mkfifo(areas / "ror.yml")
    elif change == "konstigt filnamn":
        (areas / "a,b:c\n\x1b.yml").write_text("id: x\nname: X\n", encoding="utf-8")


def _make(folder: Path, case: tuple[str, str, str]) -> Path:
    file, text, change = case
    data = folder / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / file).write_text(text, encoding="utf-8")
    (folder / "outside").mkdir()
    _apply(data, folder / "outside", change)
    return data


PLACE = re.compile(r"^\S.*:\d+:\d+: ")
ENGLISH = re.compile(r"\b(Traceback|Error|Errno|found|expected|while|scanning|could not|denied|No such|line \d)\b")


def _check(data: Path) -> tuple[int, list[str]]:
    output = io.StringIO()
    with redirect_stdout(output), redirect_stderr(output):
        code = main(["check", "--data", str(data)])
    return code, output.getvalue().splitlines()


@settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=5),  # a hang guard: the check takes milliseconds
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=broken_data())
def test_the_check_always_answers_in_swedish(case: tuple[str, str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = _make(Path(folder), case)
        code, lines = _check(data)
    assert code in (0, 1)
    problems = [line for line in lines if not line.startswith("Inga fel") and not line.endswith("hittades.")]
    if code == 1:
        assert problems and lines[-1].endswith("hittades.")
    for line in problems:
        assert PLACE.match(line), line
    for line in lines:
        assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", line), line
        assert not ENGLISH.search(line), line


class _Markup(HTMLParser):
    """Everything in a page that could run: scripts, event handlers, script URLs, the title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script, self.in_title = tag == "script", tag == "title"
        if tag in ("iframe", "object", "embed", "base", "frame"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and re.match(r"\s*(javascript|vbscript|data):", value or "", re.I):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_script and PAYLOAD in data:
            self.found.append(f"script: {data[:60]}")


def executable_markup(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    titles = re.findall(r"<title>(.*?)</title>", html, re.DOTALL)
    return parser.found + [f"title: {title}" for title in titles if "<" in title]


NOT_TEXT = {"id", "kind", "status", "role", "classification", "visibility", "start", "end", "date", "post"}
NOT_TEXT |= {"organisation", "parent", "area", "document", "legal_reference", "body", "prepared_by", "responsible"}
NOT_TEXT |= {"organisations", "consulted", "areas", "adopted_by", "author", "recipient", "predecessor"}
VISIBLE = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=8)


def _text_fields(document: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Paths of the text values in a record that are shown as text: names, notes, descriptions."""
    if isinstance(document, dict):
        return [
            found
            for key, value in document.items()
            if key not in NOT_TEXT
            for found in _text_fields(value, (*path, key))
        ]
    if isinstance(document, list):
        return [found for index, value in enumerate(document) for found in _text_fields(value, (*path, index))]
    return [path] if isinstance(document, str) else []


@st.composite
def passing_data(draw: st.DrawFn) -> tuple[str, str, str]:
    """Hostile text in fields that hold text: data that often passes the check, for building."""
    file = draw(st.sampled_from(FILES))
    document = yaml.safe_load((FIXTURE_DATA / file).read_text(encoding="utf-8"))
    fields = _text_fields(document)
    for path in draw(st.lists(st.sampled_from(fields), min_size=1, max_size=4, unique=True)):
        document = _set(document, list(path), draw(st.tuples(VISIBLE, PRINTABLE).map("".join)))
    return file, yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "ingen"


@settings(
    max_examples=BUILD_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(case=passing_data())
def test_a_site_built_from_passing_data_runs_nothing_from_it(case: tuple[str, str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = _make(Path(folder), case)
        assume(_check(data)[0] == 0)
        site = Path(folder) / "site"
        result = mkdocs_build(site, data)
        assert result.returncode == 0, result.stderr
        for page in site.rglob("*.html"):
            assert executable_markup(page.read_text(encoding="utf-8")) == [], page
        # The search index holds plain text, which the search worker escapes where it shows it: each
        # page's title there is its heading's text, neither markup nor escaped twice.
        index = read_search_index(site)
        assert index["pages"]
        for url, title, *_ in index["pages"]:
            page = (site / url / "index.html").read_text(encoding="utf-8")
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
            assert heading and html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip() == title, url


def test_the_markup_finder_finds_what_it_looks_for() -> None:
    found = executable_markup(
        '<title>x<script>alert(1)</script></title><a href="javascript:alert(1)" onclick="x">y</a><iframe></iframe>'
    )
    assert found == [
        "script: alert(1)",
        "a href=javascript:alert(1)",
        "a onclick",
        "<iframe>",
        "title: x<script>alert(1)</script>",
    ]
