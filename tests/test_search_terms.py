"""The Swedish search terms: pure functions, on words from the real documents."""

from __future__ import annotations

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.site.search import (
    base_forms,
    fold,
    inflections,
    search_entries,
    split_compound,
    terms_for,
    vocabulary_of,
)

VOCABULARY = vocabulary_of(["Strategi och plan för samverkan", "Miljö- och energifrågor", "styrelse", "Region"])


def test_fold_removes_swedish_letters() -> None:
    assert fold("länsstyrelsen återstart miljö") == "lansstyrelsen aterstart miljo"


def test_inflections_of_base_forms() -> None:
    assert inflections("hälsa") == {"hälsan", "hälsor", "hälsorna"}
    assert {"överenskommelsen", "överenskommelser"} <= inflections("överenskommelse")
    assert {"strategin", "strategier"} <= inflections("strategi")
    assert {"programmet", "programmen"} <= inflections("program")
    assert {"regionen", "regioner"} <= inflections("region")


def test_base_forms_of_definite_and_genitive_words() -> None:
    assert "strategi" in base_forms("strategin")
    assert "styrelse" in base_forms("styrelsen")
    assert "jämtland" in base_forms("jämtlands")


def test_vocabulary_keeps_combining_forms() -> None:
    assert {"miljö", "energifrågor", "strategi"} <= VOCABULARY


def test_split_compound_with_the_vocabulary() -> None:
    assert split_compound("samverkansstrategi", VOCABULARY) == ["samverkan", "strategi"]
    assert split_compound("regionstyrelse", VOCABULARY) == ["region", "styrelse"]
    assert split_compound("folkhälsa", VOCABULARY) == []


def test_terms_cover_parts_endings_inflections_and_folding() -> None:
    terms = set(terms_for(["livsmedelsstrategin"], VOCABULARY))
    assert {"livsmedelsstrategi", "livsmedelsstrategin", "strategi", "strategin"} <= terms
    folk = set(terms_for(["folkhälsa"], VOCABULARY))
    assert {"hälsa", "halsa", "folkhälsan", "folkhalsan"} <= folk
    assert "och" not in terms_for(["och", "plan"], VOCABULARY)


def test_borrowed_names_are_left_to_their_own_pages(real_catalog: Catalog) -> None:
    entries = {key: entry for key, entry in search_entries(real_catalog, KINDS).items()}
    board = entries[("organisations", "regionstyrelsen-region-gotland")].terms.split()
    assert "regionstyrelsen" in board and "gotland" not in board
    hub = entries[("organisations", "region-gotland")]
    assert "gotland" in hub.terms.split() and hub.boost > 1
    assert entries[("collaborations", "intern-samverkansstruktur-region-gotland")].terms.split().count("2022/1483") == 1


def test_splitting_a_word_that_many_ways_almost_split_stays_cheap() -> None:
    """A vocabulary of every run of "a", and words of 38 letters that never quite split: each prefix
    is split once, where every split of every prefix was tried again (30 s for one word)."""
    vocabulary = {"a" * length for length in range(3, 41)}
    calls = 0
    original = split_compound

    def counting(word: str, vocabulary: set[str], memo: dict[str, list[str]] | None = None) -> list[str]:
        nonlocal calls
        calls += 1
        return original(word, vocabulary, memo)

    import samverkan.site.search as search

    search.split_compound = counting  # type: ignore[assignment]
    try:
        assert counting("b" + "a" * 37, vocabulary) == []
    finally:
        search.split_compound = original
    assert calls <= 38**2  # each prefix computed once; the other calls find it in the memo
