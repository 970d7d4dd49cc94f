"""Load phase: safe YAML, positions of every value, and files that must be refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan.load import MAX_FILE_BYTES, MAX_NODES, Source, load_all, load_file, load_yaml, positions_of
from samverkan.problems import Problem


def test_positions_point_at_each_value() -> None:
    data, node = load_yaml("id: a\nparties:\n  - organisation: b\n    role: part\n")
    assert node is not None
    positions = positions_of(node)
    assert data == {"id": "a", "parties": [{"organisation": "b", "role": "part"}]}
    assert positions[("id",)] == (1, 5)
    assert positions[("parties", 0)] == (3, 5)
    assert positions[("parties", 0, "role")] == (4, 11)


def test_locate_falls_back_to_nearest_parent() -> None:
    source = Source("areas", "x.yml", "x", {}, _positions={("parties",): (2, 1), ("parties", 0): (3, 5)})
    assert source.locate(("parties", 0, "missing")) == (3, 5)
    assert source.locate(("other",)) == (1, 1)


def _load(tmp_path: Path, content: bytes) -> Source | Problem:
    file = tmp_path / "x.yml"
    file.write_bytes(content)
    return load_file(file, "areas", "data/areas/x.yml")


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"", 1, "filen är tom"),
        (b"# bara en kommentar\n", 1, "filen är tom"),
        (b"id: a\nname: \xe5\xe4\xf6\n", 1, "filen är inte UTF-8"),
        (b"id: a\nname: [oavslutad\n", 3, "ogiltig YAML"),
        (b"id: a\nname: !!python/object/apply:os.system ['echo pwned']\n", 2, "taggar som !!python stöds inte"),
        (b"id: a\nname: !fel x\n", 2, "taggar som !!python stöds inte"),
    ],
)
def test_unreadable_files_become_problems(tmp_path: Path, content: bytes, line: int, message: str) -> None:
    problem = _load(tmp_path, content)
    assert isinstance(problem, Problem)
    assert problem.path == "data/areas/x.yml"
    assert problem.line == line
    assert message in problem.message


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    problem = _load(tmp_path, b"id: a\nname: " + b"x" * MAX_FILE_BYTES + b"\n")
    assert isinstance(problem, Problem)
    assert f"största tillåtna storlek är {MAX_FILE_BYTES} byte" in problem.message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    problem = _load(tmp_path, ("\n".join(lines) + "\n").encode())
    assert isinstance(problem, Problem)
    assert f"fler än {MAX_NODES} värden" in problem.message


def test_load_all_reads_every_kind_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "areas").mkdir()
    (tmp_path / "areas" / "a.yml").write_text("id: a\nname: A\n", encoding="utf-8")
    (tmp_path / "areas" / "LÄSMIG.txt").write_text("inte data", encoding="utf-8")
    (tmp_path / "areas" / "b.yml").write_text("", encoding="utf-8")
    sources, problems = load_all(tmp_path, tmp_path, ["areas", "legal"])
    assert [source.path for source in sources] == ["areas/a.yml"]
    assert [problem.path for problem in problems] == ["areas/b.yml"]
