"""Where a collaboration stands on the day of the build: its recorded status, read against its dates.

A proposal stays a proposal whatever the date (only a decision changes that), an agreement in force
has run out once its period has ended, and a trial whose period has ended is due for the evaluation
it was set up for. The day is the build's: SOURCE_DATE_EPOCH when set, so that a build of the same
commit gives the same site, else today.
"""

from __future__ import annotations

import calendar
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from samverkan.model.records import Collaboration, DecisionKind, Status, Vocabulary

SOON = timedelta(days=90)
"""A trial whose period ends within this is due for evaluation soon (listed for follow-up)."""


class Stage(Vocabulary):
    """A collaboration's stage on the day of the build; the value is also its CSS modifier."""

    __title__ = "Status"

    forslag = "forslag", "Förslag"
    gallande = "gallande", "Gällande"
    utgangen = "utgangen", "Utgången"
    pa_prov = "pa_prov", "På prov"
    utvardering_forfallen = "utvardering_forfallen", "Utvärdering förfallen"
    upphord = "upphord", "Upphörd"


def build_date() -> date:
    """The day the site describes, in Sweden: SOURCE_DATE_EPOCH's when it is set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    try:
        return moment.astimezone(ZoneInfo("Europe/Stockholm")).date()
    except ZoneInfoNotFoundError:  # no time zone data on the machine: UTC is at most a day off
        return moment.date()


def last_day(partial: str) -> date:
    """The last day a partial date covers: 2024 → 31 December 2024, 2024-02 → 29 February 2024."""
    parts = [int(part) for part in partial.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    return date(year, month, parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1])


def span(partial: str) -> tuple[date, date]:
    """The days a partial date covers: its first day and the day after its last (2024-02 → 1
    February 2024 and 1 March 2024), as an all-day event or a bar on a time axis takes them."""
    parts = [int(part) for part in partial.split("-")]
    start = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return start, last_day(partial) + timedelta(days=1)


@dataclass(frozen=True)
class Standing:
    stage: Stage
    ended: date | None
    """The last day of the collaboration's period, when the data gives its end."""


def standing(collab: Collaboration, today: date) -> Standing:
    ended = last_day(collab.period.end) if collab.period and collab.period.end else None
    over = ended is not None and ended < today
    stage = {
        Status.forslag: Stage.forslag,
        Status.upphord: Stage.upphord,
        Status.gallande: Stage.utgangen if over else Stage.gallande,
        Status.pa_prov: Stage.utvardering_forfallen if over else Stage.pa_prov,
    }[collab.status]
    return Standing(stage, ended)


def evaluation_due(collab: Collaboration, today: date) -> bool:
    """A trial whose period has ended, or ends within SOON."""
    found = standing(collab, today)
    return collab.status is Status.pa_prov and found.ended is not None and found.ended <= today + SOON


def undecided(collab: Collaboration) -> bool:
    """A proposal with no decision recorded."""
    return collab.status is Status.forslag and not any(d.kind is DecisionKind.beslut for d in collab.decisions)
