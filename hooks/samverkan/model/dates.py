"""Dates as Swedish writes them, for pages and calendars alike."""

from __future__ import annotations

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def sv_date(value: str | None) -> str:
    """A partial date as precise as it is: 2023-06-30 → 30 juni 2023; 2018-02 → februari 2018; 2021 → 2021."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
