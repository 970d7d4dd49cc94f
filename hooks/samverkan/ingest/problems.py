"""A problem found in the data, and how it is reported to editors: in a terminal, or as GitHub
annotations. Both outputs are escaped, since a message quotes what the data holds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Control characters, and the invisible ones that reorder text on screen (as in "Trojan Source").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def printable(text: str) -> str:
    """Text safe for a terminal or a log: each control character written out as its escape (\\n,
    \\x1b, \\u202e), so that data can neither move the cursor nor start a new log line."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value: its message escapes, and also : and ,."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True, order=True)
class Problem:
    """One error (or, with warning, something to look at), with what an editor needs to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    warning: bool = False
    title: str = ""
    """The field's Swedish title, shown beside its key: "fältet purposes (Syften)"."""

    def text(self) -> str:
        """The field and the message, without the place: what an editor reads beside the place."""
        field = f"fältet {self.field}{f' ({self.title})' if self.title else ''}: " if self.field else ""
        return printable(field + self.message)

    def as_text(self) -> str:
        level = " varning:" if self.warning else ""
        return f"{printable(self.path)}:{self.line}:{self.column}:{level} {self.text()}"

    def as_github(self) -> str:
        command = "warning" if self.warning else "error"
        where = f"file={_github_property(printable(self.path))},line={self.line},col={self.column}"
        return f"::{command} {where}::{_github_data(self.text())}"


class DataErrors(Exception):
    """The data has errors, so nothing is built: every problem found in one run, warnings too."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(errors(problems))} fel i data")
        self.problems = problems


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop a build: all but the warnings."""
    return [problem for problem in problems if not problem.warning]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def format_problems(problems: list[Problem], style: str = "text") -> str:
    """All problems, sorted by file and line, one per line, with a Swedish summary."""
    ordered = sorted(problems)
    if style == "github":
        return "\n".join(problem.as_github() for problem in ordered)
    found = len(errors(ordered))
    warned = len(ordered) - found
    parts = [_count(found, "fel", "fel")] if found else []
    parts += [_count(warned, "varning", "varningar")] if warned else []
    summary = " och ".join(parts) + " hittades."
    return "\n".join([problem.as_text() for problem in ordered] + ([summary] if ordered else []))
