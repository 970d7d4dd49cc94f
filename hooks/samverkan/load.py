"""Load phase: read the data files with safe YAML, keeping the line of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_NODES = 50_000
"""Nodes a file may expand to, aliases counted each time they are used (stops alias bombs)."""

Location = tuple[int, int]
FieldPath = tuple[str | int, ...]
KEY = -1
"""Last element of a position path that holds where a mapping key, rather than its value, stands."""


@dataclass
class Source:
    """One data file, parsed: its kind, where it lives, its data and its text.

    Positions are worked out, by parsing the text again, only when a problem needs them: keeping
    every file's node tree instead made loading three times slower at national scale (the
    garbage collector kept scanning them).
    """

    kind: str
    path: str
    stem: str
    data: Any
    text: str = ""
    _positions: dict[FieldPath, Location] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[FieldPath, Location]:
        if self._positions is None:
            _, node = load_yaml(self.text) if self.text else (None, None)
            self._positions = positions_of(node) if node is not None else {}
        return self._positions

    def locate(self, path: FieldPath, key: bool = False) -> Location:
        """The line and column of a field's value (or its key), else of its nearest parent in the file."""
        positions = self.positions
        if key and (*path, KEY) in positions:
            return positions[(*path, KEY)]
        for end in range(len(path), -1, -1):
            if path[:end] in positions:
                return positions[path[:end]]
        return (1, 1)


class TooLarge(Exception):
    """The document expands to more nodes than MAX_NODES."""


def expanded_size(node: yaml.Node, sizes: dict[int, int] | None = None) -> int:
    """How many nodes the document has once every alias is expanded, counted without expanding."""
    sizes = {} if sizes is None else sizes
    if id(node) in sizes:
        return sizes[id(node)]
    sizes[id(node)] = 1  # a node that contains itself counts once while it is being measured
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    size = 1 + sum(expanded_size(child, sizes) for child in children)
    sizes[id(node)] = size
    return size


def positions_of(node: yaml.Node) -> dict[FieldPath, Location]:
    """Map each field path to the 1-based line and column of its value (and of its key)."""
    positions: dict[FieldPath, Location] = {}
    stack: list[tuple[FieldPath, yaml.Node]] = [((), node)]
    while stack and len(positions) <= MAX_NODES:
        path, current = stack.pop()
        positions.setdefault(path, (current.start_mark.line + 1, current.start_mark.column + 1))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                positions[(*path, str(key.value), KEY)] = (key.start_mark.line + 1, key.start_mark.column + 1)
                stack.append(((*path, str(key.value)), value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(((*path, index), item) for index, item in enumerate(current.value))
    return positions


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, except that dates stay text: the models check them, with a field path and
    a Swedish message, where PyYAML would fail on 2023-02-30 without saying where."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document safely; raise yaml.YAMLError or TooLarge before building anything."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if expanded_size(node) > MAX_NODES:
            raise TooLarge
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def _problem(path: str, mark: Any, message: str) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(path, line, column, "", message)


def load_file(file: Path, kind: str, display: str) -> Source | Problem:
    """Read and parse one file, or say in Swedish why it cannot be read."""
    if file.stat().st_size > MAX_FILE_BYTES:
        return Problem(
            display, 1, 1, "", f"filen är {file.stat().st_size} byte, största tillåtna storlek är {MAX_FILE_BYTES} byte"
        )
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(
            display, 1, 1, "", f"filen är inte UTF-8 (felaktig byte på position {error.start}); spara den som UTF-8"
        )
    try:
        data, _ = load_yaml(text)
    except TooLarge:
        return Problem(
            display,
            1,
            1,
            "",
            f"filen expanderar till fler än {MAX_NODES} värden (ankare och alias?); skriv ut värdena i stället",
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = error.problem or "okänt fel"
        if isinstance(error, yaml.constructor.ConstructorError) and "tag" in detail:
            return _problem(display, mark, "taggar som !!python stöds inte; skriv vanliga värden")
        return _problem(display, mark, f"ogiltig YAML: {detail}")
    except yaml.YAMLError as error:
        return Problem(display, 1, 1, "", f"ogiltig YAML: {error}")
    if data is None:
        return Problem(display, 1, 1, "", "filen är tom; förväntade en post med minst id och name")
    return Source(kind, display, file.stem, data, text)


def load_all(data_dir: Path, root: Path, kinds: list[str]) -> tuple[list[Source], list[Problem]]:
    """Load every record file of every kind, reporting unreadable files as problems."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for kind in kinds:
        folder = data_dir / kind
        if not folder.is_dir():
            continue
        for file in sorted(folder.iterdir()):
            if file.suffix not in (".yml", ".yaml") or not file.is_file():
                continue
            display = _display(file, root)
            result = load_file(file, kind, display)
            (problems if isinstance(result, Problem) else sources).append(result)  # type: ignore[arg-type]
    return sources, problems


def _display(file: Path, root: Path) -> str:
    """The path an editor recognises: relative to the repository, else to the working folder."""
    for base in (root, Path.cwd()):
        try:
            return file.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return file.as_posix()
