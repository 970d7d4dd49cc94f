"""Where a collaboration stands on the day of the build (samverkan/catalog/lifecycle.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samverkan.catalog.lifecycle import Stage, build_date, evaluation_due, last_day, standing, undecided
from samverkan.catalog.link import Catalog
from samverkan.model.records import Collaboration

GOTLAND = "intern-samverkansstruktur-region-gotland"
JAMTLAND = "overenskommelse-lansstyrelsen-region-jamtland-harjedalen"
AGREEMENT_2018 = "samverkansavtal-lansstyrelsen-region-jamtland-harjedalen-2018"


def collab(status: str, end: str | None = None, **more: object) -> Collaboration:
    return Collaboration.model_validate(
        {
            "id": "x",
            "name": "X",
            "kind": "overenskommelse",
            "status": status,
            "parties": [{"organisation": "a", "role": "part"}],
            **({"period": {"start": "2000", "end": end}} if end else {}),
            **more,
        }
    )


@pytest.mark.parametrize(
    ("partial", "last"),
    [
        ("2024", date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 28)),
        ("2024-06-30", date(2024, 6, 30)),
    ],
)
def test_the_last_day_a_partial_date_covers(partial: str, last: date) -> None:
    assert last_day(partial) == last


@pytest.mark.parametrize(
    ("status", "end", "today", "stage"),
    [
        ("gallande", "2024", date(2024, 12, 31), Stage.gallande),  # the last day still counts
        ("gallande", "2024", date(2025, 1, 1), Stage.utgangen),
        ("gallande", None, date(2099, 1, 1), Stage.gallande),  # no end given: nothing to run out
        ("pa_prov", "2026-10", date(2026, 10, 31), Stage.pa_prov),
        ("pa_prov", "2026-10", date(2026, 11, 1), Stage.utvardering_forfallen),
        ("forslag", "2020", date(2030, 1, 1), Stage.forslag),  # a proposal stays one until decided
        ("upphord", None, date(2020, 1, 1), Stage.upphord),
    ],
)
def test_stages(status: str, end: str | None, today: date, stage: Stage) -> None:
    assert standing(collab(status, end), today).stage is stage


def test_a_trial_is_due_for_evaluation_from_90_days_before_its_end() -> None:
    trial = collab("pa_prov", "2026-12-31")
    assert not evaluation_due(trial, date(2026, 10, 1))
    assert evaluation_due(trial, date(2026, 10, 2))
    assert evaluation_due(trial, date(2027, 6, 1))
    assert not evaluation_due(collab("gallande", "2026-12-31"), date(2027, 6, 1))


def test_a_proposal_with_a_decision_is_not_undecided() -> None:
    assert undecided(collab("forslag"))
    assert undecided(collab("forslag", decisions=[{"kind": "forslag", "points": ["Antas."]}]))
    assert not undecided(collab("forslag", decisions=[{"kind": "beslut", "points": ["Antas."]}]))


def test_the_build_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01 00:00 UTC
    assert build_date() == date(2027, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == date.today()


@pytest.mark.parametrize("today", [date.today(), date(2023, 7, 1), date(2030, 1, 1)])
def test_the_real_collaborations(real_catalog: Catalog, today: date) -> None:
    """Both documents are proposals with no decision, whatever the day; the 2018 agreement gives no
    end, so it stays in force by what the documents say."""
    stages = {key: standing(record, today).stage for key, record in real_catalog.collaborations.items()}
    assert stages == {GOTLAND: Stage.forslag, JAMTLAND: Stage.forslag, AGREEMENT_2018: Stage.gallande}
    assert [c.id for c in real_catalog.collaborations.values() if undecided(c)] == [GOTLAND, JAMTLAND]


def test_the_built_pages_show_the_stage_in_words(built_site: Path) -> None:
    index = (built_site / "samverkan" / "index.html").read_text(encoding="utf-8")
    assert index.count('<span class="samverkan-status samverkan-status--forslag">Förslag</span>') == 2
    assert index.count('<span class="samverkan-status samverkan-status--gallande">Gällande</span>') == 1
    follow_up = (built_site / "uppfoljning" / "index.html").read_text(encoding="utf-8")
    assert "Ingen samverkan har en period som har gått ut." in follow_up
    assert f'href="../samverkan/{GOTLAND}/"' in follow_up and f'href="../samverkan/{JAMTLAND}/"' in follow_up
    assert "Läget den " in follow_up
