"""Calendar feeds (samverkan/outputs/calendar.py), parsed with icalendar as a calendar program would."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, mkdocs_build
from icalendar import Calendar

from samverkan.catalog.link import Catalog
from samverkan.model.records import Status
from samverkan.outputs.calendar import ALL, calendar_files
from samverkan.settings import Settings

JAMTLAND = "overenskommelse-lansstyrelsen-region-jamtland-harjedalen"
GOTLAND = "intern-samverkansstruktur-region-gotland"


def feeds(catalog: Catalog) -> dict[str, Calendar]:
    return {file.path: Calendar.from_ical(file.content) for file in calendar_files(catalog, Settings())}


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_february_december_and_june_meetings(real_catalog: Catalog) -> None:
    found = events(feeds(real_catalog)[ALL])
    for month, uid_month in [(2, "02"), (12, "12")]:
        event = found[f"{JAMTLAND}.mote-pa-hogsta-niva.{uid_month}@samverkansportalen.invalid"]
        rule = event["RRULE"]  # type: ignore[index]
        assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [month]
        start, end = event["DTSTART"].dt, event["DTEND"].dt  # type: ignore[index]
        # The whole month, no day made up: the first of the month to the first of the next.
        assert (start.month, start.day) == (month, 1) and end == date(start.year + month // 12, month % 12 + 1, 1)
        assert type(start) is date  # an all-day event, not a time
        assert str(event["SUMMARY"]) == "Möte på högsta nivå (förslag)"  # type: ignore[index]
        assert str(event["STATUS"]) == "TENTATIVE" and str(event["TRANSP"]) == "TRANSPARENT"  # type: ignore[index]
        assert "Dag anges inte i handlingen." in str(event["DESCRIPTION"])  # type: ignore[index]
        # An undated proposal with no period: its year is the first of its priority areas, and it says so.
        assert start.year == 2022 and "Året anges inte i handlingen" in str(event["DESCRIPTION"])  # type: ignore[index]
    june = found[f"{GOTLAND}.fordjupad-samverkan-vid-verksamhetsplaneringens-uppstart.06@samverkansportalen.invalid"]
    assert june["RRULE"]["BYMONTH"] == [6]  # type: ignore[index]
    # No period: it repeats from the first June after its document of 30 June 2023, not before.
    assert june["DTSTART"].dt == date(2024, 6, 1) and june["DTEND"].dt == date(2024, 7, 1)  # type: ignore[index]
    assert "Föreslås hållas i juni varje år." in str(june["DESCRIPTION"])  # type: ignore[index]


def test_no_year_no_meeting_and_none_after_the_end(real_catalog: Catalog) -> None:
    """A collaboration whose documents give no year at all has no meetings in the calendar; nor
    has one that has ended."""
    jamtland = real_catalog.collaborations[JAMTLAND]
    undated = jamtland.model_copy(update={"priority_areas": []})
    ended = real_catalog.collaborations[GOTLAND].model_copy(update={"status": Status.upphord})
    catalog = dataclasses.replace(
        real_catalog,
        records={
            **real_catalog.records,
            "collaborations": {**real_catalog.collaborations, JAMTLAND: undated, GOTLAND: ended},
        },
    )
    assert not [uid for uid in events(feeds(catalog)[ALL]) if ".mote-" in uid or "fordjupad" in uid]


def test_meetings_start_within_the_period(fixture_catalog: Catalog) -> None:
    collab = fixture_catalog.collaborations["avtal-a-b"]
    moved = collab.model_copy(update={"period": collab.period.model_copy(update={"start": "2022-06"})})  # type: ignore[union-attr]
    catalog = dataclasses.replace(
        fixture_catalog, records={**fixture_catalog.records, "collaborations": {"avtal-a-b": moved}}
    )
    found = events(feeds(catalog)[ALL])
    assert found["avtal-a-b.samradsmote.02@samverkansportalen.invalid"]["DTSTART"].dt == date(2023, 2, 1)  # type: ignore[index]
    assert found["avtal-a-b.samradsmote.11@samverkansportalen.invalid"]["DTSTART"].dt == date(2022, 11, 1)  # type: ignore[index]


def test_a_feed_per_collaboration_and_organisation(real_catalog: Catalog) -> None:
    found = feeds(real_catalog)
    assert len(events(found[f"kalender/samverkan/{JAMTLAND}.ics"])) == 2
    # Gotland's meeting: its participant, its preparer and the structure's owner each get it.
    for org in ["koncernmotet-region-gotland", "koncernledningsgruppen-region-gotland", "region-gotland"]:
        assert any("fordjupad-samverkan" in uid for uid in events(found[f"kalender/organisationer/{org}.ics"])), org
    assert str(found[ALL]["X-WR-CALNAME"]) == "Samverkan: möten och uppföljning"


def test_the_dates_to_follow_up_and_the_end_of_the_repetition(fixture_catalog: Catalog) -> None:
    found = events(feeds(fixture_catalog)[ALL])
    start = found["avtal-a-b.start@samverkansportalen.invalid"]
    assert (start["DTSTART"].dt, start["DTEND"].dt) == (date(2022, 2, 1), date(2022, 3, 1))  # type: ignore[index]
    assert "Dag anges inte i handlingen." in str(start["DESCRIPTION"])  # type: ignore[index]
    end = found["avtal-a-b.slut@samverkansportalen.invalid"]
    assert (end["DTSTART"].dt, end["DTEND"].dt) == (date(2024, 1, 1), date(2025, 1, 1))  # type: ignore[index]
    meeting = found["avtal-a-b.samradsmote.11@samverkansportalen.invalid"]
    assert meeting["RRULE"]["UNTIL"] == [date(2024, 12, 31)]  # type: ignore[index]
    assert meeting["DTSTART"].dt == date(2022, 11, 1)  # type: ignore[index]
    assert str(meeting["STATUS"]) == "CONFIRMED"  # type: ignore[index]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = tmp_path_factory.mktemp("one"), tmp_path_factory.mktemp("two")
    for site, epoch in zip(sites, ["1764000000", "1800000000"], strict=True):  # November 2025, January 2027
        result = mkdocs_build(site, FIXTURE_DATA, SOURCE_DATE_EPOCH=epoch)
        assert result.returncode == 0, result.stderr
    return sites


def test_uids_are_stable_across_builds(two_builds: tuple[Path, Path]) -> None:
    one, two = (Calendar.from_ical((site / ALL).read_bytes()) for site in two_builds)
    assert set(events(one)) == set(events(two)) and len(events(one)) >= 4


def test_pages_link_their_feeds(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    page = (site / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kalender/samverkan/avtal-a-b.ics">Prenumerera</a>' in page
    org = (site / "organisationer" / "kommun-a" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kalender/organisationer/kommun-a.ics">Prenumerera</a>' in org
    plan = (site / "arsplan" / "index.html").read_text(encoding="utf-8")
    assert (
        'href="../kalender/samverkan.ics">Prenumerera på kalendern med alla möten och datum att följa upp</a>' in plan
    )
    assert plan.count("Samrådsmöte") == 2  # February and November
