"""Extra search terms for Swedish: compound parts, inflected forms and forms without å, ä and ö.

Material's search (lunr with the Swedish stemmer) matches whole words only, so `hälsa` misses
"Folkhälsa", `folkhälsan` misses "folkhälsa" and `lansstyrelsen` misses "Länsstyrelsen". At
build time each record page gets a hidden field of extra terms, indexed with its own boost:

- the parts of each compound in the record's name, found with the site's own vocabulary
  (every word in the data, and the combining forms editors write as "miljö- och …"), and the
  compound's endings, so that a head word such as `hälsa` or `strategi` finds its compounds;
- definite and plural forms, and the base forms of definite words;
- each of these folded to a, a and o, for queries typed without å, ä and ö.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from samverkan.catalog.link import Catalog
from samverkan.model.fold import fold
from samverkan.model.records import CaseNumber, Record, walk

_TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Starts only where a word starts: tried at every letter, a long word made this quadratic.
COMBINING = re.compile(r"(?<![^\W\d_])([^\W\d_]+)- ", re.UNICODE)
MIN_PART = 3
MIN_ENDING = 5
MAX_WORD = 40
"""Longer words are indexed as they are: no Swedish compound is that long, and splitting one costs
time that grows fast with its length."""
LINKING = ("s", "e", "a", "o", "u")
DEFINITE_AND_PLURAL = ("erna", "arna", "orna", "ens", "ets", "en", "et", "n", "s")
VOWELS = "aeiouyåäö"
STOPWORDS = {"och", "i", "för", "mellan", "om", "av", "med", "till", "på", "samt", "den", "det", "de", "en", "ett"}


def inflections(word: str) -> set[str]:
    """Definite and plural forms of a noun in its base form: hälsa → hälsan, hälsor …"""
    if word.endswith("a"):
        return {word + "n", word[:-1] + "or", word[:-1] + "orna"}
    if word.endswith("e"):
        return {word + "n", word + "r", word + "rna"}
    if word.endswith(("i", "o", "u", "y", "å", "ö")):
        return {word + "n", word + "er", word + "erna"}
    if word.endswith("m"):  # program → programmet, programmen
        return {word + "met", word + "men", word + "en", word + "er", word + "erna"}
    return {word + "en", word + "et", word + "er", word + "ar", word + "erna", word + "arna"}


def base_forms(word: str) -> set[str]:
    """Likely base forms of a definite or plural word: strategin → strategi, styrelsen → styrelse."""
    forms = set()
    for suffix in DEFINITE_AND_PLURAL:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= MIN_PART and (suffix != "n" or stem[-1] in VOWELS):
            forms.add(stem)
    return forms


def known(word: str, vocabulary: set[str]) -> bool:
    """A word in the vocabulary, or a compound ending in one: livsmedelsstrategi ends in strategi."""
    return any(word[cut:] in vocabulary for cut in range(0, len(word) - MIN_PART + 1))


def bases_of(word: str, vocabulary: set[str]) -> set[str]:
    """The base forms a word is an inflection of, if the vocabulary knows them, else the word."""
    return {base for base in base_forms(word) if len(base) > MIN_PART and known(base, vocabulary)} or {word}


def split_compound(word: str, vocabulary: set[str], memo: dict[str, list[str]] | None = None) -> list[str]:
    """The parts of a compound, all known words, longest head first; [] when it cannot be split.

    Each prefix is split once (memo): without that, a vocabulary holding many runs of one letter
    made a 40-letter word try every split of every shorter prefix, for half a minute.
    """
    memo = {} if memo is None else memo
    if word in memo:
        return memo[word]
    memo[word] = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[cut:]
        if head not in vocabulary:
            continue
        modifier = word[:cut]
        for candidate in (modifier, *(modifier[:-1] for link in LINKING if modifier.endswith(link))):
            if candidate in vocabulary and len(candidate) >= MIN_PART:
                memo[word] = [candidate, head]
                return memo[word]
            rest = split_compound(candidate, vocabulary, memo)
            if rest:
                memo[word] = [*rest, head]
                return memo[word]
    return []


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """Every word in the data, and each combining form ("miljö-") with its likely base forms."""
    words: set[str] = set()
    for text in texts:
        lowered = text.lower()
        words.update(WORD.findall(lowered))
        for stem in COMBINING.findall(lowered):
            words.update({stem, stem + "a", stem + "e", stem.removesuffix("o") + "a"})
    return {word for word in words if len(word) >= MIN_PART}


def word_terms(word: str, vocabulary: set[str]) -> set[str]:
    """A word, its other forms, its compound parts and its endings of five letters or more."""
    bases = bases_of(word, vocabulary)
    forms = {word} | bases
    for base in bases:
        forms |= inflections(base)
        parts = split_compound(base, vocabulary)
        forms.update(parts)
        if parts:
            forms |= inflections(parts[-1])
    for form in {word} | bases:
        forms.update(form[cut:] for cut in range(MIN_PART, len(form) - MIN_ENDING + 1))
    return forms


def terms_for(
    words: Iterable[str],
    vocabulary: set[str],
    borrowed: Set[str] = frozenset(),
    cache: dict[str, set[str]] | None = None,
) -> list[str]:
    """The hidden terms for a record's own words, sorted so that the index is reproducible.

    Borrowed words, those of another organisation named inside this record's name, are left out:
    "Regionstyrelsen i Region Gotland" should not compete with Region Gotland for `region gotland`.
    """
    terms: set[str] = set()
    for word in words:
        if word in STOPWORDS or word in borrowed:
            continue
        forms = cache.get(word) if cache is not None else None
        if forms is None:
            found = word_terms(word, vocabulary) if word.isalpha() and len(word) <= MAX_WORD else {word}
            forms = found | {fold(form) for form in found}
            if cache is not None:
                cache[word] = forms
        terms |= forms
    return sorted(terms - borrowed - {fold(word) for word in borrowed})


def strings_of(item: Any) -> Iterator[str]:
    """Every text inside a record (ids and enum values too; they add no false words of weight)."""
    for value in vars(item).values():
        for element in value if isinstance(value, list) else (value,):
            if isinstance(element, str):
                yield element
            elif isinstance(element, BaseModel):
                yield from strings_of(element)


def record_words(record: Record) -> list[str]:
    """The words a reader would search a record by: its names and case numbers."""
    texts = [record.name, getattr(record, "short_name", None) or ""]
    words = WORD.findall(" ".join(texts).lower())
    for _, value, _ in walk(record):
        if isinstance(value, CaseNumber):
            number = value.reference.lower()
            words += [number.replace(" ", "/"), number.rsplit(" ", 1)[-1], number.split("/", 1)[-1]]
    return words


@dataclass(frozen=True)
class SearchEntry:
    """What the search index gets for one record page beyond Material's title and text."""

    terms: str
    boost: float = 1.0


HUB_BOOST = 2.0
"""A top-level organisation's page is the hub for its name, which its boards and groups carry as a
suffix ("Regionstyrelsen i Region Gotland"); it ranks first when a reader types that name."""


def search_entries(catalog: Catalog, kinds: Iterable[str]) -> dict[tuple[str, str], SearchEntry]:
    """(kind, id) → the hidden terms and the boost of that record's page."""
    records = [(kind, record) for kind in kinds for record in catalog.records[kind].values()]
    texts = [text for _, record in records for text in strings_of(record)]
    vocabulary = vocabulary_of(texts)
    # Organisations by the rarest word of their name, to find names inside other names quickly.
    names = {org.id: (org.name, WORD.findall(org.name.lower())) for org in catalog.organisations.values()}
    frequency = Counter(word for _, words in names.values() for word in set(words))
    by_word: dict[str, list[tuple[str, str]]] = {}
    for org_id, (name, words) in names.items():
        if words:
            by_word.setdefault(min(words, key=frequency.__getitem__), []).append((org_id, name))
    cache: dict[str, set[str]] = {}
    entries = {}
    for kind, record in records:
        borrowed = {
            word
            for key in set(WORD.findall(record.name.lower()))
            for org_id, name in by_word.get(key, [])
            if org_id != record.id and name in record.name
            for word in names[org_id][1]
        }
        hub = kind == "organisations" and not getattr(record, "parent", None)
        entries[(kind, record.id)] = SearchEntry(
            " ".join(terms_for(record_words(record), vocabulary, borrowed, cache)), HUB_BOOST if hub else 1.0
        )
    return entries


def merge_entries(docs: list[dict[str, Any]], extra: dict[str, SearchEntry]) -> list[dict[str, Any]]:
    """One search entry per record page, with its hidden terms and boost.

    Material indexes every heading as an entry of its own; for a record page that repeats the
    page's address and a generic title ("Bakgrund", "Uppdrag") a dozen times, which at national
    scale is most of the index. The sections' text goes into the page's hidden `body` field
    instead, as plain text; the visible `text` stays the lead line that results show.
    """
    merged: list[dict[str, Any]] = []
    pages: dict[str, dict[str, Any]] = {}
    for doc in docs:
        page = doc["location"].partition("#")[0]
        if page not in extra:
            merged.append(doc)
        elif page in pages:
            text = " ".join(_TAG.sub(" ", doc["text"]).split())
            pages[page]["body"] = f"{pages[page]['body']} {text}".strip()
        else:
            entry = pages[page] = {**doc, "location": page, "terms": extra[page].terms, "body": ""}
            if extra[page].boost != 1.0:
                entry["boost"] = extra[page].boost
            merged.append(entry)
    return merged
