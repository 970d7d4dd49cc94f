"""Calendars (RFC 5545, written with the icalendar library): the meetings and the dates to follow up.

Feeds: one for everything (kalender/samverkan.ics), one per collaboration and one per organisation
that has anything in them (a party, or a participant in or preparer of a meeting).

The documents give the month of a meeting, never the day, and no day is made up here. A meeting
is an all-day event that spans its whole month ("some time in February"), repeated every year
(RRULE FREQ=YEARLY;BYMONTH=2), marked free (TRANSP:TRANSPARENT) so that a month-long event does
not block the reader's calendar, and its description says that the day is not given. Calendar
programs show it as a bar across the month: honest about what is known. The repetition ends with
the period, when the period has an end. It starts with the first such
month that begins on or after the period's start, else after the collaboration's newest dated
document, else in the first year of its priority areas (and says so); when the documents give no
year at all, the meeting is left out rather than given one. A proposal's meetings are tentative
(STATUS:TENTATIVE) and say "(förslag)"; a collaboration that has ended (upphörd) has none.

The dates to follow up are the start and end of a collaboration's period, and, for a trial, the
evaluation due when it ends: an all-day event for a full date, or one across the month or year
that a partial date gives.

UIDs are made of ids and months, and DTSTAMP is the build date, so a feed is the same bytes for
the same data and build date, and calendars recognise the events again after a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from samverkan.catalog.lifecycle import last_day, span
from samverkan.catalog.link import Catalog
from samverkan.model.dates import MONTHS, sv_date
from samverkan.model.fold import slug
from samverkan.model.kinds import KINDS
from samverkan.model.records import Collaboration, Meeting, Status
from samverkan.outputs import OutputFile
from samverkan.settings import Settings

FOLDER = "kalender"
ALL = f"{FOLDER}/samverkan.ics"
DOMAIN = "samverkansportalen.invalid"
"""The right-hand side of every UID when the site's address is not set; else its host."""
NO_DAY = "Dag anges inte i handlingen."


def collaboration_feed(record_id: str) -> str:
    return f"{FOLDER}/samverkan/{record_id}.ics"


def organisation_feed(record_id: str) -> str:
    return f"{FOLDER}/organisationer/{record_id}.ics"


def _from(collab: Collaboration) -> tuple[date, str] | None:
    """The first day the collaboration's meetings can fall on, and what that rests on: its period's
    start, else the day after its newest dated document, else the first year of its priority
    areas. None when the documents give no year at all: then no meeting is put in a calendar."""
    if collab.period and collab.period.start:
        return span(collab.period.start)[0], ""
    dated = [doc.date for doc in collab.source_documents if doc.date]
    if dated:
        newest = max(dated)
        return span(newest)[1], f"Kalendern räknar från tiden efter handlingen, daterad {sv_date(newest)}."
    years = [int(a.period.start[:4]) for a in collab.priority_areas if a.period and a.period.start]
    if years:
        year = min(years)
        return (
            date(year, 1, 1),
            f"Året anges inte i handlingen; kalendern räknar från {year}, det första året för samverkans prioriterade områden.",
        )
    return None


def _first(start: date, month: int) -> date:
    """The first month `month` that begins on or after start."""
    return date(start.year if date(start.year, month, 1) >= start else start.year + 1, month, 1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


class Feeds:
    """The events of each collaboration, made once, and the feeds that gather them."""

    def __init__(self, catalog: Catalog, settings: Settings) -> None:
        self.catalog = catalog
        self.site = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
        self.domain = urlsplit(self.site).hostname or DOMAIN
        self.stamp = datetime.combine(catalog.today, time(), UTC)
        self.events = {key: list(self._events(collab)) for key, collab in catalog.collaborations.items()}
        self.written = {key: b"".join(event.to_ical() for event in events) for key, events in self.events.items()}

    def _event(
        self, uid: str, summary: str, start: date, end: date, description: list[str], collab: Collaboration
    ) -> Event:
        event = Event()
        event.add("uid", f"{uid}@{self.domain}")
        event.add("dtstamp", self.stamp)
        event.add("summary", summary)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("transp", "TRANSPARENT")
        event.add("status", "TENTATIVE" if collab.status is Status.forslag else "CONFIRMED")
        if self.site:
            page = self.site + KINDS["collaborations"].page(collab.id).removesuffix(".md") + "/"
            event.add("url", page)
            description = [*description, page]
        event.add("description", "\n".join(part for part in description if part))
        return event

    def _meeting(self, collab: Collaboration, meeting: Meeting, month: int, since: tuple[date, str]) -> Event:
        title = self.catalog.title(collab)
        proposed = collab.status is Status.forslag
        start = _first(since[0], month)
        event = self._event(
            f"{collab.id}.{slug(meeting.name)}.{month:02d}",
            f"{meeting.name}{' (förslag)' if proposed else ''}",
            start,
            _next_month(start),
            [
                f"{'Föreslaget möte i' if proposed else 'Möte i'} {title}.",
                f"{'Föreslås hållas' if proposed else 'Hålls'} i {MONTHS[month - 1]} varje år. {NO_DAY}",
                since[1],
                f"Deltagare: {meeting.participants_note}" if meeting.participants_note else "",
                meeting.description or "",
            ],
            collab,
        )
        rule: dict[str, Any] = {"freq": "yearly", "bymonth": month}
        if collab.period and collab.period.end:
            rule["until"] = last_day(collab.period.end)
        event.add("rrule", rule)
        return event

    def _events(self, collab: Collaboration) -> Iterable[Event]:
        since = _from(collab)
        if since and collab.status is not Status.upphord:  # an ended collaboration meets no more
            for meeting in collab.meetings:
                for month in meeting.months:
                    yield self._meeting(collab, meeting, month, since)
        title = self.catalog.title(collab)
        period = collab.period
        proposed = " (förslag)" if collab.status is Status.forslag else ""
        dates = [
            ("start", period.start if period else None, f"Perioden börjar{proposed}: {title}"),
            ("slut", period.end if period else None, f"Perioden slutar{proposed}: {title}"),
            (
                "utvardering",
                period.end if period and collab.status is Status.pa_prov else None,
                f"Utvärdering av provet: {title}",
            ),
        ]
        for key, partial, summary in dates:
            if partial:
                start, end = span(partial)
                yield self._event(
                    f"{collab.id}.{key}", summary, start, end, [] if len(partial) == 10 else [NO_DAY], collab
                )

    def calendar(self, name: str, collabs: Iterable[Collaboration]) -> bytes:
        """A feed of the collaborations' events. Each event is written once and reused in every feed
        it is in: at national scale an organisation's feed repeats hundreds of them."""
        cal = Calendar()
        cal.add("prodid", "-//Samverkansportalen//Kalender//SV")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", name)
        head, end = cal.to_ical().rsplit(b"END:VCALENDAR", 1)
        return b"".join([head, *(self.written[c.id] for c in collabs), b"END:VCALENDAR", end])

    def files(self) -> list[OutputFile]:
        catalog = self.catalog
        with_events = [c for c in catalog.collaborations.values() if self.events[c.id]]
        files = [OutputFile(ALL, self.calendar("Samverkan: möten och uppföljning", with_events))]
        files += [OutputFile(collaboration_feed(c.id), self.calendar(catalog.title(c), [c])) for c in with_events]
        for org in catalog.organisations.values():
            related = {c.id: c for c, _ in catalog.roles[org.id] + catalog.meetings[org.id] if self.events[c.id]}
            if related:
                files.append(OutputFile(organisation_feed(org.id), self.calendar(org.name, related.values())))
        return files


def calendar_files(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    """The output: every feed."""
    return Feeds(catalog, settings).files()
