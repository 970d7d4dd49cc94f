"""Load phase: find every data file and read it as plain YAML, keeping the line of every value.

Everything under the data folder is either a record (`data/KIND/ID.yml`) or a problem: a symlink,
a misspelled folder, a wrong file extension and a missing kind folder are all reported, so that
nothing disappears from the site while the check stays green, and nothing outside the folder is
ever read.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samverkan.ingest.problems import Problem
from samverkan.ingest.yamlplain import KEY, MAX_NODES, FieldPath, Finding, Location, YamlError, parse_plain_yaml
from samverkan.model.records import SLUG_PATTERN

__all__ = ["KEY", "MAX_FILE_BYTES", "MAX_NODES", "FieldPath", "Loaded", "Source", "load_all", "load_file"]

MAX_FILE_BYTES = 256 * 1024
EXTENSION = ".yml"
ALLOWED_EXTRAS = {"schemas", ".gitkeep"}
"""Beside the kind folders: the JSON Schemas editors' tools read, and git's placeholder."""
# Characters YAML does not allow in a file (C0 and C1 controls but tab, line feed and carriage
# return, and the non-characters), and those it takes for line breaks where editors see none
# (U+0085, U+2028, U+2029: they would shift every line number after them). Found here, they are
# reported where they stand.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
MAX_REPORTED = 5


@dataclass
class Source:
    """One data file, parsed: its kind, where it lives, its data and its text.

    Positions are worked out, by parsing the text again, only when a problem needs them: keeping
    every file's positions instead made loading three times slower at national scale.
    """

    kind: str
    path: str
    stem: str
    data: Any
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    """Problems the reader found in a file it could still read: these are reported, not the model's."""
    _positions: dict[FieldPath, Location] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[FieldPath, Location]:
        if self._positions is None:
            self._positions = parse_plain_yaml(self.text, positions=True).positions if self.text else {}
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


@dataclass
class Loaded:
    """Every readable file, every problem, and the id of every record file, readable or not: a
    reference to a file with an error is not reported again as dangling."""

    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    known: set[tuple[str, str]] = field(default_factory=set)
    unavailable: set[str] = field(default_factory=set)
    """Kinds whose folder could not be read at all: references to them are not checked."""


def _character(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'styrtecken')})"


def _decode(data: bytes, display: str) -> str | list[Problem]:
    """The text of a file, or where it is not UTF-8 or holds characters YAML forbids."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        return [
            Problem(
                display,
                line,
                column,
                "",
                f"filen är inte UTF-8: byten 0x{data[error.start]:02X} kan inte läsas; spara filen som UTF-8",
            )
        ]
    problems = []
    for match in _FORBIDDEN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        problems.append(
            Problem(display, line, column, "", f"otillåtet tecken {_character(match.group())}; ta bort det")
        )
        if len(problems) == MAX_REPORTED:
            break
    return problems or text


def load_file(file: Path, kind: str, display: str) -> Source | list[Problem]:
    """Read and parse one file, or say in Swedish why it cannot be read. Never follows a symlink,
    and never waits on anything but a regular file."""
    try:
        descriptor = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        return [Problem(display, 1, 1, "", f"filen kan inte läsas ({_reason(error)})")]
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return [Problem(display, 1, 1, "", "är ingen vanlig fil; lägg en .yml-fil här")]
        if info.st_size > MAX_FILE_BYTES:
            return [
                Problem(
                    display,
                    1,
                    1,
                    "",
                    f"filen är {info.st_size} byte, största tillåtna storlek är {MAX_FILE_BYTES} byte",
                )
            ]
        decoded = _decode(handle.read(MAX_FILE_BYTES + 1), display)
    if isinstance(decoded, list):
        return decoded
    try:
        parsed = parse_plain_yaml(decoded)
    except YamlError as error:
        return [Problem(display, *error.location, "", error.message)]
    if parsed.value is None and not parsed.findings:
        return [Problem(display, 1, 1, "", "filen är tom; förväntade en post med minst id och name")]
    return Source(kind, display, file.stem, parsed.value, decoded, parsed.findings)


def load_all(data_dir: Path, root: Path, kinds: Iterable[str]) -> Loaded:
    """Load every record file of every kind; anything else under the data folder is a problem."""
    loaded = Loaded()
    kinds = list(kinds)
    base = _display(data_dir, root)
    entries = _entries(data_dir, base or ".", loaded)
    if entries is None:
        loaded.unavailable.update(kinds)
        return loaded
    for kind in kinds:
        if kind not in entries:
            loaded.unavailable.add(kind)
            loaded.problems.append(
                Problem(_join(base, kind) + "/", 1, 1, "", f"mappen för {kind} saknas; skapa den, även om den är tom")
            )
    for name in sorted(entries):
        entry = entries[name]
        display = _join(base, name)
        if name in kinds and not entry.is_dir(follow_symlinks=False):
            loaded.unavailable.add(name)
        if entry.is_symlink():
            loaded.problems.append(_symlink(display))
        elif name in kinds and entry.is_dir(follow_symlinks=False):
            _load_kind(Path(entry.path), name, display, loaded)
        elif name not in ALLOWED_EXTRAS:
            folder = entry.is_dir(follow_symlinks=False)
            loaded.problems.append(
                Problem(
                    display + ("/" if folder else ""),
                    1,
                    1,
                    "",
                    f"okänd {'mapp' if folder else 'fil'} i datamappen{_suggest(name, kinds)}; poster ligger i en "
                    "mapp per slag: " + ", ".join(f"{kind}/" for kind in kinds),
                )
            )
    return loaded


def _entries(folder: Path, display: str, loaded: Loaded) -> dict[str, os.DirEntry[str]] | None:
    """A folder's entries by name, or None (and a problem) when it cannot be read."""
    try:
        return {entry.name: entry for entry in os.scandir(folder)}
    except FileNotFoundError:
        message = "datamappen finns inte; ange en mapp med data, till exempel data/"
    except NotADirectoryError:
        message = "är ingen mapp; ange en mapp med data, till exempel data/"
    except OSError as error:
        message = f"mappen kan inte läsas ({_reason(error)})"
    loaded.problems.append(Problem(display, 1, 1, "", message))
    return None


def _load_kind(folder: Path, kind: str, base: str, loaded: Loaded) -> None:
    entries = _entries(folder, base + "/", loaded)
    if entries is None:
        loaded.unavailable.add(kind)
        return
    for name in sorted(entries):
        entry = entries[name]
        display = _join(base, name)
        stem, dot, extension = name.rpartition(".")
        if dot and stem:
            loaded.known.add((kind, stem))  # a reference to it is not reported again, as dangling
        if entry.is_symlink():
            loaded.problems.append(_symlink(display))
        elif entry.is_dir(follow_symlinks=False):
            loaded.problems.append(
                Problem(display + "/", 1, 1, "", "undermappar används inte; lägg posten direkt i " + base + "/")
            )
        elif name == ".gitkeep":
            continue
        elif name.startswith("."):
            loaded.problems.append(
                Problem(display, 1, 1, "", "dolda filer hör inte hemma bland posterna; ta bort filen")
            )
        elif not dot or not stem or "." + extension != EXTENSION or not re.fullmatch(SLUG_PATTERN, stem):
            loaded.problems.append(Problem(display, 1, 1, "", _rename_advice(name, entries)))
        else:
            result = load_file(Path(entry.path), kind, display)
            if isinstance(result, Source):
                loaded.sources.append(result)
            else:
                loaded.problems.extend(result)


def _rename_advice(name: str, entries: Iterable[str]) -> str:
    """What a file that is not ID.yml should be called, when that is clear."""
    stem = name.rpartition(".")[0] or name
    suggested = f"{stem.lower()}{EXTENSION}"
    rule = f"en post ligger i en fil som heter ID{EXTENSION}, där ID har små bokstäver a–z, siffror och bindestreck"
    if re.fullmatch(SLUG_PATTERN, stem.lower()) and suggested not in entries:
        return f"{rule}; döp om filen till {suggested}"
    return f"{rule}; döp om filen eller ta bort den"


def _reason(error: OSError) -> str:
    """Why the system refused, in Swedish."""
    reasons = {
        errno.EACCES: "behörighet saknas",
        errno.EPERM: "behörighet saknas",
        errno.ELOOP: "det är en symbolisk länk",
        errno.ENOENT: "den finns inte",
    }
    return reasons.get(error.errno or 0, f"felkod {error.errno}")


def _symlink(display: str) -> Problem:
    return Problem(
        display, 1, 1, "", "är en symbolisk länk; data läses bara från vanliga filer och mappar i datamappen"
    )


def _suggest(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" (menade du ”{close[0]}”?)" if close else ""


def _display(folder: Path, root: Path) -> str:
    """The path an editor recognises: relative to the repository, else to the working folder."""
    absolute = Path(os.path.abspath(folder))
    for base in (root, Path.cwd()):
        try:
            relative = absolute.relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            continue
        return "" if relative == "." else relative
    return absolute.as_posix()


def _join(base: str, name: str) -> str:
    return f"{base}/{name}" if base else name
