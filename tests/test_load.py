"""Load phase: plain YAML, positions of every value, and files and folders that must be refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from samverkan.ingest.load import MAX_FILE_BYTES, MAX_NODES, Source, load_all, load_file
from samverkan.ingest.problems import Problem
from samverkan.ingest.yamlplain import parse_plain_yaml


def test_positions_point_at_each_value() -> None:
    parsed = parse_plain_yaml("id: a\nparties:\n  - organisation: b\n    role: part\n", positions=True)
    assert parsed.value == {"id": "a", "parties": [{"organisation": "b", "role": "part"}]}
    assert parsed.positions[("id",)] == (1, 5)
    assert parsed.positions[("parties", 0)] == (3, 5)
    assert parsed.positions[("parties", 0, "role")] == (4, 11)
    assert parsed.positions[("parties", 0, "role", -1)] == (4, 5)


def test_plain_values_are_read_as_written() -> None:
    parsed = parse_plain_yaml('a: 12\nb: "12"\nc: 1.5\nd: true\ne: ~\nf: 2023-06-30\ng: |\n  x\nh: [0, -3]\n')
    assert parsed.value == {
        "a": 12,
        "b": "12",
        "c": 1.5,
        "d": True,
        "e": None,
        "f": "2023-06-30",
        "g": "x\n",
        "h": [0, -3],
    }
    assert parsed.findings == []


def test_locate_falls_back_to_nearest_parent() -> None:
    source = Source("areas", "x.yml", "x", {}, _positions={("parties",): (2, 1), ("parties", 0): (3, 5)})
    assert source.locate(("parties", 0, "missing")) == (3, 5)
    assert source.locate(("other",)) == (1, 1)


def _load(tmp_path: Path, content: bytes) -> Source | list[Problem]:
    file = tmp_path / "x.yml"
    file.write_bytes(content)
    return load_file(file, "areas", "data/areas/x.yml")


@pytest.mark.parametrize(
    ("content", "line", "column", "message"),
    [
        (b"", 1, 1, "filen är tom"),
        (b"# bara en kommentar\n", 1, 1, "filen är tom"),
        (b"id: a\nname: \xe5\xe4\xf6\n", 2, 7, "filen är inte UTF-8: byten 0xE5"),
        (b"id: a\nname: [oavslutad\n", 3, 1, "listan saknar sitt avslutande ”]”"),
        (b"id: a\nname: x\x00y\n", 2, 8, "otillåtet tecken U+0000"),
        (b"id: a\nparts:\n\t- x\n", 3, 1, "tabbtecken"),
    ],
)
def test_unreadable_files_become_problems(tmp_path: Path, content: bytes, line: int, column: int, message: str) -> None:
    [problem] = _load(tmp_path, content)  # type: ignore[misc]
    assert isinstance(problem, Problem)
    assert (problem.path, problem.line, problem.column) == ("data/areas/x.yml", line, column)
    assert message in problem.message


@pytest.mark.parametrize(
    ("content", "path", "message"),
    [
        (b"id: a\nname: !!python/object/apply:os.system ['echo pwned']\n", ("name",), "taggen !!python/object/apply"),
        (b"id: a\nname: !fel x\n", ("name",), "taggen !fel stöds inte"),
        (b"id: a\nname: x\nname: z\n", ("name",), "på rad 2 och rad 3"),
        (b"id: a\nname: NO\n", ("name",), 'skriv "NO" inom citattecken'),
        (b"id: a\nname: x\n---\nid: b\n", (), "mer än ett YAML-dokument"),
        (b"id: a\nname: *x\n", ("name",), "aliaset *x används utan ett ankare"),
    ],
)
def test_readable_files_carry_their_findings(
    tmp_path: Path, content: bytes, path: tuple[str, ...], message: str
) -> None:
    source = _load(tmp_path, content)
    assert isinstance(source, Source)
    assert [finding.path for finding in source.findings] == [path]
    assert message in source.findings[0].message


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    [problem] = _load(tmp_path, b"id: a\nname: " + b"x" * MAX_FILE_BYTES + b"\n")  # type: ignore[misc]
    assert f"största tillåtna storlek är {MAX_FILE_BYTES} byte" in problem.message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    [problem] = _load(tmp_path, ("\n".join(lines) + "\n").encode())  # type: ignore[misc]
    assert f"fler än {MAX_NODES} värden" in problem.message


def test_load_all_reads_every_kind_and_reports_everything_else(tmp_path: Path) -> None:
    (tmp_path / "areas").mkdir()
    (tmp_path / "areas" / "a.yml").write_text("id: a\nname: A\n", encoding="utf-8")
    (tmp_path / "areas" / "LÄSMIG.txt").write_text("inte data", encoding="utf-8")
    (tmp_path / "areas" / "b.yml").write_text("", encoding="utf-8")
    (tmp_path / "areas" / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    loaded = load_all(tmp_path, tmp_path, ["areas", "legal"])
    assert [source.path for source in loaded.sources] == ["areas/a.yml"]
    assert [problem.path for problem in loaded.problems] == ["legal/", "areas/LÄSMIG.txt", "areas/b.yml"]
    assert loaded.known == {("areas", "a"), ("areas", "b"), ("areas", "LÄSMIG")}


def test_a_fifo_never_blocks_the_load(tmp_path: Path) -> None:
    (tmp_path / "areas").mkdir()
    os.mkfifo(tmp_path / "areas" / "a.yml")
    loaded = load_all(tmp_path, tmp_path, ["areas"])
    assert [(problem.path, problem.message) for problem in loaded.problems] == [
        ("areas/a.yml", "är ingen vanlig fil; lägg en .yml-fil här")
    ]


def test_an_anchor_on_a_key_can_be_used_as_a_value() -> None:
    parsed = parse_plain_yaml("&k name: x\nid: *k\n")
    assert parsed.value == {"name": "x", "id": "name"}
    assert parsed.findings == []
