"""Hostile and careless input, item by item as issue 11 lists it: each case failed on the main of
that day, and now ends in a Swedish message at the right place, or in a site that shows the text
as text.

Most cases run `python -m samverkan check` on a broken copy of the fixture data; some build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, ROOT, mkdocs_build, read_search_index

from samverkan.adapters.sitedir import build_into
from samverkan.cli import main
from samverkan.pipeline import DataErrors, check_data, collisions
from samverkan.site.render import Page

AREA = "areas/folkhalsa.yml"
ORG = "organisations/kommun-a.yml"
COLLAB = "collaborations/avtal-a-b.yml"
SCRIPT = "</title><script>alert(1)</script><title>"


def check(data: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, list[str]]:
    """Run the check on a data folder, from its parent, as an editor would: (exit code, lines)."""
    cwd = Path.cwd()
    os.chdir(data.parent)
    try:
        code = main(["check", "--data", data.name, *options])
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    assert not (code == 1 and captured.out and "github" not in options), captured.out  # problems go to stderr
    return code, (captured.err + captured.out).splitlines()


def edit(data: Path, file: str, old: str, new: str) -> None:
    target = data / file
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} finns inte i {file}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_refused(
    data: Path, capsys: pytest.CaptureFixture[str], where: str, message: str, *options: str
) -> list[str]:
    """The check fails, and reports the message at the place (file:line:column: …)."""
    code, lines = check(data, capsys, *options)
    assert code == 1, lines
    assert reported(lines, where, message), lines
    return lines


def reported(lines: list[str], where: str, message: str) -> bool:
    """A line that starts with the place (file:line:column or file:line:) and holds the message."""
    return any(line.startswith(where) and message in line for line in lines)


# 1. Script injection through a record's name: see test_theme_escapes_titles… below and the
#    browser test in test_browser.py.


def test_theme_escapes_titles_navigation_toc_and_search(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    edit(data, ORG, "name: Kommun A", f'name: "Kommun A {SCRIPT}"')
    edit(data, COLLAB, "  - name: Samrådsmöte", f'  - name: "Samrådsmöte {SCRIPT}"')
    site = tmp_path / "site"
    result = mkdocs_build(site, data)
    assert result.returncode == 0, result.stderr
    page = (site / "organisationer" / "kommun-a" / "index.html").read_text(encoding="utf-8")
    [title] = re.findall(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title == "Kommun A &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;title&gt; - Samverkansportalen"
    header = re.search(r'"header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', page, re.DOTALL)
    assert (
        header is not None
        and header.group(1) == "Kommun A &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;title&gt;"
    )
    collab = (site / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    toc = collab[collab.index('<nav class="md-nav md-nav--secondary"') :]
    assert "Samrådsmöte &lt;/title&gt;&lt;script&gt;" in toc
    for file in site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "<script>alert" not in text, file
        for meta in re.findall(r"<meta [^>]*>", text):
            assert "<" not in meta[1:], (file, meta)
    # The search index holds plain text, with the name as the reader typed it, never as markup:
    # the search worker escapes it where it shows it (test_browser.py types the name into the box).
    index = read_search_index(site)
    titles = [page[1] for page in index["pages"]]
    assert f"Kommun A {SCRIPT}" in titles
    texts = [value for row in index["pages"] + index["sections"] for value in row if isinstance(value, str)]
    assert not any("&lt;" in text or "<p>" in text for text in texts)


# 2. Symlinks are never followed.


def test_a_symlinked_file_is_refused_and_never_read(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "hemlig.yml"
    secret.write_text("id: hemlig\nname: Hemligt innehåll rot:x:0:0\n", encoding="utf-8")
    (data_copy / "areas" / "hemlig.yml").symlink_to(secret)
    (data_copy / "areas" / "losen.yml").symlink_to("/etc/passwd")
    lines = assert_refused(data_copy, capsys, "data/areas/hemlig.yml:1:1:", "är en symbolisk länk")
    assert reported(lines, "data/areas/losen.yml:1:1:", "är en symbolisk länk")
    assert not any("rot:x" in line or "root:" in line or "Hemligt" in line for line in lines)


def test_a_symlinked_kind_folder_is_refused(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (data_copy / "legal").rename(elsewhere)
    (data_copy / "legal").symlink_to(elsewhere)
    assert_refused(data_copy, capsys, "data/legal:1:1:", "är en symbolisk länk")


# 3. Duplicate keys.


def test_a_key_written_twice_is_refused_with_both_lines(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data_copy, AREA, "name: Folkhälsa\n", "name: Folkhälsa\nvisibility: intern\nvisibility: publik\n")
    lines = assert_refused(
        data_copy, capsys, f"data/{AREA}:5:1:", "fältet visibility (Synlighet): fältet ”visibility” står två gånger"
    )
    assert reported(lines, f"data/{AREA}:5:1:", "på rad 4 och rad 5")


# 4. Reserved ids and taken addresses.


def test_the_id_index_is_refused(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "areas" / "index.yml").write_text("id: index\nname: Index\n", encoding="utf-8")
    assert_refused(data_copy, capsys, "data/areas/index.yml:1:5:", "”index” är reserverat för avsnittets förstasida")


def test_a_generated_page_may_not_take_a_written_pages_address(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "omraden" / "folkhalsa").mkdir(parents=True)
    (content / "omraden" / "folkhalsa" / "index.md").write_text("# Egen sida\n", encoding="utf-8")
    (content / "om.md").write_text("# Om\n", encoding="utf-8")
    pages = [Page("omraden/folkhalsa.md", "# Folkhälsa\n", "data/areas/folkhalsa.yml"), Page("omraden/index.md", "")]
    [problem] = collisions(pages, content, tmp_path)
    assert (problem.path, problem.field) == ("data/areas/folkhalsa.yml", "id")
    assert "samma adress som content/omraden/folkhalsa/index.md" in problem.message


def test_addresses_only_treat_a_whole_index_as_the_folder(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "omraden").mkdir(parents=True)
    (content / "omraden" / "my.md").write_text("# My\n", encoding="utf-8")
    assert collisions([Page("omraden/myindex.md", "", "data/areas/myindex.yml")], content, tmp_path) == []


def test_the_check_finds_a_record_page_that_takes_a_written_pages_address(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "omraden").mkdir(parents=True)
    (content / "omraden" / "folkhalsa.md").write_text("# Egen\n", encoding="utf-8")
    with pytest.raises(DataErrors) as failure:
        check_data(FIXTURE_DATA, ROOT, content=content)
    assert [(problem.path, problem.field) for problem in failure.value.problems] == [
        ("tests/fixtures/data/areas/folkhalsa.yml", "id")
    ]


# 5. Small files that take minutes.


HANG = pytest.mark.timeout(10)
"""For input that once took minutes: the test is stopped, and fails, instead of hanging the suite."""


@HANG
def test_aliases_that_expand_to_megabytes_are_refused(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    background = 'background:\n  - "Texten <script>alert(1)</script> och {{ 7 * 7 }} visas *som den står*."\n'
    edit(data_copy, COLLAB, background, f"status_note: &t {'a' * 4096}\nbackground: [{'*t, ' * 20_000}]\n")
    assert (data_copy / COLLAB).stat().st_size > 80_000
    assert_refused(data_copy, capsys, f"data/{COLLAB}:", "filen expanderar till mer än 1000000 tecken text")


@HANG
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "z0: &z0 []\n" + "".join(f"z{i}: &z{i} [{', '.join([f'*z{i - 1}'] * 10)}]\n" for i in range(1, 9)),
            "fler än 50000 värden",
        ),
        (
            "d0: &d0 [x]\n" + "".join(f"d{i}: &d{i} [*d{i - 1}]\n" for i in range(1, 60)),
            "ligger i fler än 40 nivåer i varandra",
        ),
    ],
    ids=["alias till tomma listor", "alias på djupet"],
)
def test_aliases_count_every_node_and_level(
    data_copy: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (data_copy / AREA).write_text("id: folkhalsa\nname: Folkhälsa\n" + text, encoding="utf-8")
    assert_refused(data_copy, capsys, f"data/{AREA}:", message)


@HANG
def test_a_name_of_200_kb_is_refused_with_the_limit(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data_copy, AREA, "name: Folkhälsa", 'name: "' + "[" * 200_000 + '"')
    assert_refused(
        data_copy, capsys, f"data/{AREA}:3:7:", "fältet name (Namn): texten har 200000 tecken, högst 300 går"
    )


@HANG
def test_brackets_in_a_markdown_field_are_limited(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data_copy, AREA, "description: |\n", "description: |\n  " + "[" * 16_000 + "\n")
    assert_refused(data_copy, capsys, f"data/{AREA}:4:14:", "texten har 16002 hakparenteser [; högst 100 går")


@pytest.mark.timeout(30)
def test_a_64_kb_word_is_refused_and_a_20_000_letter_word_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    edit(data, COLLAB, "  - Samordna arbetet.", "  - " + "å" * 65_536)
    assert_refused(
        data, capsys, f"data/{COLLAB}:19:5: fältet purposes[0] (Syften):", "texten har 65536 tecken, högst 20000 går"
    )
    edit(data, COLLAB, "  - " + "å" * 65_536, "  - " + "å" * 20_000)
    result = mkdocs_build(tmp_path / "site", data)  # the search analyser took 22 s for such a word
    assert result.returncode == 0, result.stderr


# 6. Tracebacks instead of Swedish messages.


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id: folkhalsa\nname: " + "[" * 1000 + "]" * 1000 + "\n", 2, "ligger i fler än 40 nivåer i varandra"),
        ("id: folkhalsa\nname: Folkhälsa\nx: " + "7" * 5000 + "\n", 3, "talet har fler än 15 siffror"),
        ("id: folkhalsa\nname: !!timestamp 2023-06-30T12:00:00+02:00\n", 2, "taggen !!timestamp stöds inte"),
    ],
    ids=["1000 nivåer", "5000 siffror", "tidsstämpel"],
)
def test_deep_long_and_odd_values_get_a_message(
    data_copy: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, message: str
) -> None:
    (data_copy / AREA).write_text(text, encoding="utf-8")
    assert_refused(data_copy, capsys, f"data/{AREA}:{line}:", message)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (
            "\n".join("    " * level + "- x" for level in range(30)),
            "rad 11 i texten har listor eller citat i 11 nivåer",
        ),
        ("+ " * 3000 + "x", "rad 1 i texten har listor eller citat i 3000 nivåer"),
        ("\n".join("-\t" + "\t" * level + "- x" for level in range(12)), "rad 10 i texten har listor eller citat i 11"),
    ],
    ids=["30 indrag", "listtecken på en rad", "tabbar efter listtecken"],
)
def test_deeply_nested_markdown_is_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str], markdown: str, message: str
) -> None:
    (data_copy / AREA).write_text(
        "id: folkhalsa\nname: Folkhälsa\ndescription: " + json.dumps(markdown) + "\n", encoding="utf-8"
    )
    assert_refused(data_copy, capsys, f"data/{AREA}:3:14: fältet description (Beskrivning):", message)


# 7. Content that disappears while the check stays green.


def test_a_renamed_kind_folder_is_reported_twice_and_nowhere_else(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "organisations").rename(data_copy / "organisation")
    lines = assert_refused(
        data_copy, capsys, "data/organisation/:1:1:", "okänd mapp i datamappen (menade du ”organisations”?)"
    )
    assert reported(lines, "data/organisations/:1:1:", "mappen för organisations saknas")
    assert len(lines) == 3, lines  # no reference to an organisation is reported as dangling


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("areas/arbete.YML", "data/areas/arbete.YML:1:1:", "döp om filen till arbete.yml"),
        ("areas/folkhalsa.yml~", "data/areas/folkhalsa.yml~:1:1:", "döp om filen eller ta bort den"),
        ("areas/.DS_Store", "data/areas/.DS_Store:1:1:", "dolda filer hör inte hemma bland posterna"),
        ("areas/Arbete.yml", "data/areas/Arbete.yml:1:1:", "döp om filen till arbete.yml"),
        ("areas/arbete.yaml", "data/areas/arbete.yaml:1:1:", "döp om filen till arbete.yml"),
        ("arbete.yml", "data/arbete.yml:1:1:", "okänd fil i datamappen"),
        ("areas/gamla/arbete.yml", "data/areas/gamla/:1:1:", "undermappar används inte"),
    ],
)
def test_files_that_would_be_skipped_are_reported(
    data_copy: Path, capsys: pytest.CaptureFixture[str], name: str, where: str, message: str
) -> None:
    (data_copy / name).parent.mkdir(parents=True, exist_ok=True)
    (data_copy / name).write_text("id: arbete\nname: Arbete\n", encoding="utf-8")
    assert_refused(data_copy, capsys, where, message)


def test_a_symlinked_record_is_still_known_to_references(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / AREA).rename(data_copy / "folkhalsa.yml")
    (data_copy / AREA).symlink_to(data_copy / "folkhalsa.yml")
    lines = assert_refused(data_copy, capsys, f"data/{AREA}:1:1:", "är en symbolisk länk")
    assert len(lines) == 3, lines  # and data/folkhalsa.yml; avtal-a-b's reference to it is not reported


def test_a_dangling_symlink_is_reported(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "areas" / "borta.yml").symlink_to(data_copy / "finns-inte.yml")
    assert_refused(data_copy, capsys, "data/areas/borta.yml:1:1:", "är en symbolisk länk")


def test_a_data_folder_that_does_not_exist_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(tmp_path / "finns-inte", capsys)
    assert code == 1
    assert reported(lines, "finns-inte:1:1:", "datamappen finns inte")


# 8. Concurrent builds: see test_two_builds_at_once_leave_a_complete_site below.


def _digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_at_once_leave_a_complete_site(tmp_path: Path) -> None:
    environ = {**os.environ, "SAMVERKAN_DATA": str(FIXTURE_DATA), "SOURCE_DATE_EPOCH": "1700000000"}
    command = ["make", "--no-print-directory", "build"]
    reference = tmp_path / "reference" / "site"
    first = subprocess.run([*command, f"SITE={reference}"], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    site = tmp_path / "shared" / "site"
    subprocess.run([*command, f"SITE={site}"], cwd=ROOT, env=environ, capture_output=True, check=True)
    misses, polls, done = [], [0], threading.Event()

    def poll() -> None:
        while not done.is_set():
            polls[0] += 1
            if not (site / "index.html").is_file():
                misses.append(time.perf_counter())

    watcher = threading.Thread(target=poll)
    watcher.start()
    builds = [
        subprocess.Popen(
            [*command, f"SITE={site}"], cwd=ROOT, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [build.communicate() for build in builds]
    done.set()
    watcher.join()
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert any(b"V\xc3\xa4ntar" in err for _, err in outputs)  # one waited for the other ("Väntar …")
    assert _digest(site) == _digest(reference)
    assert polls[0] > 100 and misses == []
    assert sorted(path.name for path in site.parent.iterdir()) == [".site.lock", "site"]


def test_a_site_folder_that_is_a_symlink_is_replaced_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "webbrot"
    real.mkdir()
    (real / "gammal.html").write_text("gammal", encoding="utf-8")
    (tmp_path / "site").symlink_to(real)

    def build(folder: Path) -> int:
        (folder / "index.html").write_text("ny", encoding="utf-8")
        return 0

    assert build_into(tmp_path / "site", build) == 0
    assert (tmp_path / "site").is_symlink()
    assert sorted(path.name for path in real.iterdir()) == ["index.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [".webbrot.lock", "site", "webbrot"]


# 9. One broken file makes no errors in others.


def test_a_broken_file_gives_errors_only_in_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(data, "organisations/region-gotland.yml", "\nname:", "\n\tname:")
    code, lines = check(data, capsys)
    assert code == 1
    assert lines[:-1] and all(line.startswith("data/organisations/region-gotland.yml:") for line in lines[:-1]), lines


# 10. YAML 1.1 surprises.


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("name: Kommun A", "name: NO", f"data/{ORG}:3:7:", 'skriv "NO" inom citattecken'),
        ("name: Kommun A", "name: 0755", f"data/{ORG}:3:7:", 'skriv "0755" inom citattecken'),
        ("id: kommun-a", "id: 2023", f"data/{ORG}:2:5:", "ett id är text, skriv det inom citattecken"),
        ("name: Kommun A", "name: !!set {a, b}", f"data/{ORG}:3:7:", "taggen !!set stöds inte"),
        ("name: Kommun A", "name: !!binary aGVq", f"data/{ORG}:3:7:", "taggen !!binary stöds inte"),
        ("name: Kommun A", "name: 10:30", f"data/{ORG}:3:7:", 'skriv "10:30" inom citattecken'),
    ],
)
def test_values_that_yaml_readers_disagree_on_ask_for_quotes(
    data_copy: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, where: str, message: str
) -> None:
    edit(data_copy, ORG, old, new)
    assert_refused(data_copy, capsys, where, message)


@pytest.mark.parametrize(("months", "column"), [("[on]", 14), ("[010]", 14)])
def test_months_that_yaml_1_1_would_convert_are_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str], months: str, column: int
) -> None:
    edit(data_copy, COLLAB, "months: [2, 11]", f"months: {months}")
    assert_refused(
        data_copy, capsys, f"data/{COLLAB}:26:{column}: fältet meetings[0].months[0] (Månader):", "inom citattecken"
    )


# 11. Log and annotation injection.


def test_a_newline_in_data_cannot_start_a_log_line(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data_copy, ORG, "classification: kommun", 'classification: "kommun\\n::error file=x::falskt\\u001b[2J\\u0007"')
    for style in ("text", "github"):
        code, lines = check(data_copy, capsys, "--format", style)
        assert code == 1
        assert not any(line.startswith("::error file=x") for line in lines), lines
        assert not any(char in line for line in lines for char in "\x1b\x07\r"), lines
        assert any("\\n::error file=x::falskt\\x1b[2J\\x07" in line for line in lines), lines


def test_a_file_name_is_escaped_in_annotations(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "areas" / "a,b:c\nd.yml").write_text("id: x\nname: X\n", encoding="utf-8")
    code, lines = check(data_copy, capsys, "--format", "github")
    assert code == 1
    assert any(line.startswith("::error file=data/areas/a%2Cb%3Ac\\nd.yml,line=1,col=1::") for line in lines), lines


# 12. Names that deceive or vanish.


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ('"Kommun\\u202eA"', "U+202E (RIGHT-TO-LEFT OVERRIDE), som vänder textens riktning"),
        ('"Kommun\\u200bA"', "namnet innehåller det osynliga tecknet U+200B (ZERO WIDTH SPACE)"),
        ('"   "', "fältet är tomt, förväntade text"),
        ('"Kommun\\u0007A"', "styrtecknet U+0007"),
        ('"Kommun\\nA"', "ett namn står på en rad"),
        ('"\\u3164"', "det osynliga tecknet U+3164 (HANGUL FILLER)"),
        ('"Kommun\\U000E0041"', "det osynliga tecknet U+E0041 (TAG LATIN CAPITAL LETTER A)"),
        ('"A\\uFE0F"', "det osynliga tecknet U+FE0F (VARIATION SELECTOR-16)"),
        ('"Kommun\\u2028A"', "styrtecknet U+2028 (LINE SEPARATOR)"),
        ('"!!!"', "ett namn behöver minst en bokstav eller siffra"),
    ],
    ids=[
        "höger-till-vänster",
        "nollbredd",
        "blanka",
        "styrtecken",
        "radbrytning",
        "utfyllnad",
        "taggtecken",
        "variantväljare",
        "radavgränsare",
        "bara skiljetecken",
    ],
)
def test_names_that_deceive_or_vanish_are_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    edit(data_copy, ORG, "name: Kommun A", f"name: {name}")
    assert_refused(data_copy, capsys, f"data/{ORG}:3:7: fältet name (Namn):", message)


def test_a_homoglyph_gives_a_warning_naming_the_letter(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data_copy, ORG, "name: Kommun A", "name: Kоmmun A")  # a Cyrillic о
    code, lines = check(data_copy, capsys)
    assert code == 0
    assert reported(
        lines, f"data/{ORG}:3:7: varning: fältet name (Namn):", "ordet ”Kоmmun” blandar latinska och kyrilliska"
    )
    assert reported(lines, f"data/{ORG}:3:7:", "”о” U+043E (CYRILLIC SMALL LETTER O)")
    assert lines[-1].startswith("Inga fel hittades")


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "date: 2022-01-31",
            'date: "٢٠٢٢-٠١-٣١"',
            f"data/{COLLAB}:38:",
            "ett datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
        ),
        (
            "months: [2, 11]",
            "months: [true, 11]",
            f"data/{COLLAB}:26:",
            "fann sanningsvärdet true, förväntade ett heltal",
        ),
        ("months: [2, 11]", "months: [1.5e3, 11]", f"data/{COLLAB}:26:", 'skriv "1.5e3" inom citattecken'),
    ],
    ids=["arabiska siffror", "sant som månad", "tal med exponent"],
)
def test_values_that_only_look_right_are_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, where: str, message: str
) -> None:
    edit(data_copy, COLLAB, old, new)
    assert_refused(data_copy, capsys, where, message)


def test_a_year_out_of_range_is_refused(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data_copy, COLLAB, "period: {start: 2022-02, end: 2024}", "period: {start: 2022-02, end: 9999}")
    assert_refused(data_copy, capsys, f"data/{COLLAB}:6:", "året 9999 ligger utanför 1900–2100")


def test_a_heading_cannot_take_the_themes_element_ids(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    edit(data, COLLAB, "  - name: Samrådsmöte", "  - name: __search")
    result = mkdocs_build(tmp_path / "site", data)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids.count("__search") == 1
    assert "search" in ids  # the heading, outside the theme's __ namespace


# 13. The public edition has no leftovers.

PUBLIC_LEFTOVERS = {
    ORG: (
        "    name: Kommundirektör\n",
        "    name: Kommundirektör\n  - id: hemlig-post\n    name: Hemlig post\n    visibility: intern\n",
    ),
    COLLAB: (
        "      - {organisation: region-b}\n",
        "      - {organisation: region-b}\n      - {organisation: kommun-a, post: hemlig-post}\n",
    ),
}
SOURCE_DOCUMENT = """source_documents:
  - kind: protokoll
    title: Protokoll
    distribution:
      - {post: {organisation: kommun-a, post: hemlig-post}}
      - {text: Alla nämnder}
"""


def test_the_public_edition_drops_what_cannot_stand_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for file, (old, new) in PUBLIC_LEFTOVERS.items():
        edit(data, file, old, new)
    with (data / COLLAB).open("a", encoding="utf-8") as collab:
        collab.write(SOURCE_DOCUMENT)
    (data / "organisations" / "hemlig.yml").write_text(
        "id: hemlig\nname: Hemlig grupp\nclassification: grupp\nvisibility: intern\n", encoding="utf-8"
    )
    (data / "collaborations" / "bara-hemlig.yml").write_text(
        "id: bara-hemlig\nname: Samverkan med bara interna parter\nkind: intern_struktur\nstatus: forslag\n"
        "parties:\n  - {organisation: hemlig, role: huvudman}\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(site, data, SAMVERKAN_EDITION="public")
    assert result.returncode == 0, result.stderr
    page = (site / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    assert "None" not in page and "Hemlig" not in page
    assert "Alla nämnder" in page
    # The participant whose post is internal is left out, not shown as its organisation once more.
    assert re.search(r"Deltagare:</strong> kommundirektör, <a [^>]*>Kommun A</a>; <a [^>]*>Region B</a></li>", page)
    assert not (site / "samverkan" / "bara-hemlig").exists()
    for output in site.rglob("*"):  # every page, the search index and the sitemap
        if output.is_file() and output.suffix in (".html", ".json", ".xml"):
            text = output.read_text(encoding="utf-8")
            assert "Hemlig" not in text and "hemlig" not in text and "None" not in text, output
    assert "Samverkan med bara interna parter" not in (site / "samverkan" / "index.html").read_text(encoding="utf-8")


# 14. Swedish, and a place, for what the YAML reader used to report in English.


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (b"id: folkhalsa\nname: Folk\x00h\xc3\xa4lsa\n", "2:11:", "otillåtet tecken U+0000"),
        (b"id: folkhalsa\nname: Folkh\xe4lsa\n", "2:12:", "filen är inte UTF-8: byten 0xE4 kan inte läsas"),
        (b"id: folkhalsa\nname: .nan\n", "2:7:", 'skriv ".nan" inom citattecken'),
        (b"id: folkhalsa\nname: *namn\n", "2:7:", "aliaset *namn används utan ett ankare &namn"),
        (b"id: folkhalsa\nname: Folkh\xc3\xa4lsa\n? [a]\n: b\n", "3:3:", "ett fältnamn ska vara text"),
        (b"id: folkhalsa\nname: Folkh\xc3\xa4lsa\n---\nid: x\n", "3:1:", "mer än ett YAML-dokument"),
        (b"--- \n---\nid: folkhalsa\n", "2:1:", "mer än ett YAML-dokument"),
        (b"id: folkhalsa # \xe2\x80\xa8\nname: x\n", "1:17:", "otillåtet tecken U+2028 (LINE SEPARATOR)"),
    ],
    ids=[
        "NUL",
        "Latin-1",
        ".nan",
        "alias utan ankare",
        "lista som nyckel",
        "två dokument",
        "tomt dokument först",
        "radavgränsare",
    ],
)
def test_reader_problems_are_swedish_and_placed(
    data_copy: Path, capsys: pytest.CaptureFixture[str], content: bytes, where: str, message: str
) -> None:
    (data_copy / AREA).write_bytes(content)
    lines = assert_refused(data_copy, capsys, f"data/{AREA}:{where}", message)
    assert not re.search(r"\b(found|expected|position|while|scanning)\b", "\n".join(lines)), lines


def test_the_site_description_is_escaped_in_the_meta_tag(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, FIXTURE_DATA, SAMVERKAN_SITE_DESCRIPTION='Om "oss" <script>x</script>')
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Om &quot;oss&quot; &lt;script&gt;x&lt;/script&gt;">' in page
