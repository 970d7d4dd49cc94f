"""The Swedish search terms: pure functions, on words from the real documents."""

from __future__ import annotations

from samverkan.link import Catalog
from samverkan.render import SECTIONS
from samverkan.search import base_forms, fold, inflections, search_entries, split_compound, terms_for, vocabulary_of

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
    entries = {key: entry for key, entry in search_entries(real_catalog, SECTIONS).items()}
    board = entries[("organisations", "regionstyrelsen-region-gotland")].terms.split()
    assert "regionstyrelsen" in board and "gotland" not in board
    hub = entries[("organisations", "region-gotland")]
    assert "gotland" in hub.terms.split() and hub.boost > 1
    assert entries[("collaborations", "intern-samverkansstruktur-region-gotland")].terms.split().count("2022/1483") == 1
