"""A problem found in the data, and how it is reported to editors."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One error, with enough detail for an editor to find and fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def as_text(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" fältet {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"

    def as_github(self) -> str:
        field = f"fältet {self.field}: " if self.field else ""
        message = (field + self.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.column}::{message}"


def format_problems(problems: list[Problem], style: str = "text") -> str:
    """All problems, sorted by file and line, one per line, with a Swedish summary."""
    ordered = sorted(problems)
    if style == "github":
        return "\n".join(problem.as_github() for problem in ordered)
    count = len(ordered)
    summary = "1 fel hittades." if count == 1 else f"{count} fel hittades."
    return "\n".join([problem.as_text() for problem in ordered] + [summary])
