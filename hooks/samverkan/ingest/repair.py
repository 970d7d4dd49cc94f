"""Repair of scanned Swedish text: å, ä and ö that the scanner lost or misread, and bullets read as
letters. Seed 000 shows the damage: "Jimtlands 1an" for "Jämtlands län", "6versyn", "gédllande",
"&r", "finga", "Liansstyrelsen", "milj6", and list bullets read as "e", "o" or "¢".

How a word is repaired:

1. Words that must never change are left alone: anything with a digit other than a misread 1 or 6
   inside letters (case numbers, dates), URLs, e-mail addresses, and acronyms (two capitals or more).
2. Candidates come from undoing the confusions in CONFUSIONS, a few at a time: "a" may have been "ä"
   or "å", "6" was "ö", "ia" was "ä", and so on.
3. A candidate must be a Swedish word: in wordfreq's Swedish list (which gives its frequency), or
   accepted by the hunspell-sv dictionary (which knows compounds such as
   "samverkansöverenskommelse" that no frequency list has).
4. A word the lexicon does not know is replaced by its best candidate: the most frequent, less a
   little for each confusion undone, so that "1an" becomes "län" and not the rarer "lan".
5. A word the lexicon knows is changed only when the text is damaged (more than DAMAGED of its words
   needed step 4) and a candidate is far more frequent: at least MARGIN on wordfreq's Zipf scale,
   which is logarithmic, so 1.5 means about 30 times as frequent. "for" (4.9) becomes "för" (7.2)
   and "ar" (4.6) "är" (7.5), but "bor" (5.4) stays, since "bör" (5.4) is not more frequent: that
   takes the sentence, which this does not read. In clean text nothing the lexicon knows changes.

Every change is listed with its line, the word before and after, and why.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import combinations, pairwise, product
from pathlib import Path

CONFUSIONS: dict[str, tuple[str, ...]] = {
    "a": ("ä", "å"),
    "o": ("ö",),
    "i": ("ä", "å"),
    "d": ("ä", "å"),
    "6": ("ö",),
    "&": ("ä",),
    "1": ("l",),
    "é": ("ö", "ä", "å"),
    "ia": ("ä",),
    "ai": ("ä",),
    "oé": ("ö",),
    "aé": ("å",),
    "éa": ("å",),
    "éd": ("ä",),
}
"""What the scanner wrote (lower case) → what the letter may have been. From seed 000."""
MAX_UNDONE = 3
"""Confusions undone in one word, at most: seed 000's worst word has two."""
MAX_SPELLCHECKED = 60
MAX_LOOKUPS = 2000
"""Hunspell lookups for a whole text, about 5 seconds: seed 000 needs about 900."""
"""Candidates per word looked up in hunspell (slow) when none is in the frequency list (fast)."""
PENALTY = 0.5
"""Zipf points taken off a candidate for each confusion undone."""
UNLISTED = 1.0
"""The Zipf frequency given to a word that only hunspell knows."""
MARGIN = 1.2
DAMAGED = 0.01
MIN_PART = 4
COMPOUND_PART = 3.0
LONG_PART = 8
"""The parts of a compound that compound() puts together: at least MIN_PART letters and this
frequent, or at least LONG_PART letters and in the list at all ("tjänsteperson")."""
MAX_REAL_WORD = 4
LONG_MARGIN = 1.5
COMMON = 3.0
"""A known word longer than MAX_REAL_WORD letters ("for", "ar", "dar" and "lan" are not) and at least
this frequent (a few times per million words) must be LONG_MARGIN behind to be changed."""
MIN_TAIL = 5
"""The shortest last part of a compound whose frequency is compared, as "direktor" in "regiondirektor"."""
BULLET = "•"

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé&16]*[A-Za-zÅÄÖåäöÉé][A-Za-zÅÄÖåäöÉé&16]*")
_PROTECTED = re.compile(r"\S*(?:@|://|www\.)\S*|\S*\d[/.:-]\d\S*|\b[A-ZÅÄÖ]{2,}(?::[a-zåäö]+)?\b")
_BULLET_LINE = re.compile(r"^\s*(?:[eo¢•·*]|\u2022)\s+(?=[A-ZÅÄÖa-zåäö0-9])")


@dataclass(frozen=True)
class Phrase:
    """A set phrase of Swedish case documents that tells a misread word from the word it was: the
    word (as the scanner may have left it), what it was, and what stands before or after it."""

    seen: tuple[str, ...]
    meant: str
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None


PHRASES = [
    Phrase(("ar", "är"), "år", after=re.compile(r"\s+(?:19|20)\d\d\b")),  # "för år 2022–2024"
    Phrase(("ar", "är"), "år", before=re.compile(r"\b(?:per|varje|ett|nästa|förra|samma|detta|innevarande)\s+$", re.I)),
    Phrase(("at", "it", "dt", "ät"), "åt", before=re.compile(r"\b(?:uppdra[rs]?|uppdrog|uppdragit)\s+$", re.I)),
    Phrase(("vagnar",), "vägnar", before=re.compile(r"\bp[aå]\s+\w+s\s+$", re.I)),  # "på styrelsens vägnar"
    # The verb after a quotation stays: "– Vi har mycket att vinna, sa regionrådet."
    Phrase(("sa",), "sa", before=re.compile(r"[,–]\s*$")),
    Phrase(("mins", "mans", "mdns", "mains"), "mäns", after=re.compile(r"\s+v[aåi]ld\b", re.I)),  # "mäns våld"
    Phrase(
        ("vald", "vild", "vdld"),
        "våld",
        before=re.compile(r"\b(?:m[aäi]i?ns|mdns|mot|bevittnat|utsatts för)\s+$", re.I),
    ),
    Phrase(("vald", "vild", "vdld"), "våld", after=re.compile(r"\s+i\s+nära\b", re.I)),  # "våld i nära relationer"
]
"""Only in damaged text, and only for these words: each rule is a phrase that public documents use
again and again, so that the word before or after settles what a damaged short word was (or, when
meant is the word itself, that it was not damaged)."""
_LETTER_BULLET = re.compile(r"^\s*[eo¢]\s+(?=[A-ZÅÄÖa-zåäö])")
"""A line that starts with a lone "e", "o" or "¢": neither is a Swedish word, so it is a bullet."""


@dataclass(frozen=True)
class Change:
    line: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Repaired:
    text: str
    changes: list[Change]
    words: int
    unresolved: list[tuple[int, str]] = field(default_factory=list)
    """(line, word) for each word that neither lexicon knows, and that no repair made known: for the
    editor to check by eye."""


class Lexicon:
    """Swedish words: wordfreq's list with frequencies, and hunspell-sv for what the list lacks.
    Both are loaded on first use (hunspell takes about 3 s)."""

    @cached_property
    def frequencies(self) -> dict[str, float]:
        """Word → Zipf frequency (the base-10 logarithm of occurrences per billion words)."""
        from wordfreq import get_frequency_dict

        return {word: math.log10(share) + 9 for word, share in get_frequency_dict("sv").items() if share > 0}

    @cached_property
    def hunspell(self) -> object:
        from spylls.hunspell import Dictionary

        for folder in (Path(sys.prefix) / "share" / "hunspell", Path("/usr/share/hunspell")):
            if (folder / "sv_SE.dic").is_file():
                return Dictionary.from_files(str(folder / "sv_SE"))
        raise LexiconMissing

    def zipf(self, word: str) -> float:
        return self.frequencies.get(word.lower(), 0.0)

    def knows(self, word: str) -> bool:
        return word.lower() in self.frequencies or bool(self.hunspell.lookup(word))  # type: ignore[attr-defined]


class LexiconMissing(RuntimeError):
    """The Swedish lexicon is not installed."""

    def __str__(self) -> str:
        return "den svenska ordlistan saknas: installera hunspell-sv (make test gör det) eller Debians hunspell-sv"


def _spots(word: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Where a confusion may have happened: (start, end, what it may have been)."""
    lower = word.lower()
    return [
        (start, start + len(seen), meant)
        for seen, meant in CONFUSIONS.items()
        for start in range(len(lower))
        if lower.startswith(seen, start)
    ]


def candidates(word: str) -> list[tuple[str, int]]:
    """Every spelling with up to MAX_UNDONE confusions undone, with how many, in lower case."""
    lower, found = word.lower(), dict[str, int]()
    spots = _spots(word)
    for count in range(1, MAX_UNDONE + 1):
        for chosen in combinations(spots, count):
            ordered = sorted(chosen)
            if any(a[1] > b[0] for a, b in pairwise(ordered)):
                continue  # overlapping spots
            for meant in product(*(spot[2] for spot in ordered)):
                parts, at = [], 0
                for (start, end, _), letter in zip(ordered, meant, strict=True):
                    parts += [lower[at:start], letter]
                    at = end
                found.setdefault("".join(parts) + lower[at:], count)
    for at in range(len(lower) + 1):  # a letter lost altogether: "vergripande", "omrden"
        for letter in "åäö":
            found.setdefault(lower[:at] + letter + lower[at:], 1)
    return sorted(found.items(), key=lambda item: item[1])


def _cased(candidate: str, word: str) -> str:
    return candidate[0].upper() + candidate[1:] if word[:1].isupper() else candidate


class Repairer:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        self.lookups = 0
        """Hunspell lookups made for the text being repaired (each takes a few milliseconds), at most
        MAX_LOOKUPS."""

    def knows(self, word: str) -> bool:
        """In the frequency list, or accepted by hunspell while the budget lasts: a text of random
        words would otherwise take an hour, and the import must be done in seconds. Past the
        budget, a word the list lacks counts as unknown, and is left as it is unless a repair
        makes it a word the list has."""
        if word.lower() in self.lexicon.frequencies:
            return True
        if self.lookups >= MAX_LOOKUPS:
            return False
        self.lookups += 1
        return bool(self.lexicon.hunspell.lookup(word))  # type: ignore[attr-defined]

    @lru_cache(maxsize=65536)  # noqa: B019 - one repairer per run; words repeat
    def best(self, word: str, spellcheck: bool = True) -> tuple[str, float] | None:
        """The best candidate for a word and its score, or None. Without spellcheck, only words in
        the frequency list count: enough to compare frequencies, and far faster."""
        scored: list[tuple[float, str]] = []
        spellchecked = 0
        for candidate, undone in candidates(word):
            if any(ch in candidate for ch in "&16é"):
                continue
            zipf = self.lexicon.zipf(candidate)
            if zipf:
                scored.append((zipf - PENALTY * undone, candidate))
            elif spellcheck and not scored and spellchecked < MAX_SPELLCHECKED:
                spellchecked += 1
                if self.knows(candidate):
                    scored.append((UNLISTED - PENALTY * undone, candidate))
        if not scored:
            return None
        score, candidate = max(scored)
        return _cased(candidate, word), score

    def unknown(self, word: str) -> bool:
        """A word with a misread letter in it, or one the lexicon does not know."""
        return any(ch in word for ch in "&16") or not self.knows(word)

    def repair(self, text: str) -> Repaired:
        self.lookups = 0  # the budget is per text
        lines = text.splitlines(keepends=True)
        words = [(n, match) for n, line in enumerate(lines, 1) for match in _words(line)]
        unknown = {match.group() for _, match in words if self.unknown(match.group())}
        fixes = {word: self.best(word) for word in unknown}
        damaged = sum(1 for _, m in words if fixes.get(m.group())) > DAMAGED * max(len(words), 1)
        changes: list[Change] = []
        result = []
        unresolved: list[tuple[int, str]] = []
        for n, line in enumerate(lines, 1):
            out, at = [], 0
            bullet = _LETTER_BULLET.match(line) if damaged else None
            if bullet:
                changes.append(Change(n, line[: bullet.end()].strip(), BULLET, "punkt i en lista, läst som bokstav"))
                out.append(BULLET + " ")
                at = bullet.end()
            for match in _words(line, at):
                word = match.group()
                after, reason = self._fix(word, fixes, damaged)
                phrase = _phrase(line, match) if damaged else None
                if phrase:
                    after, reason = _cased(phrase.meant, word), f"i en fast fras: {phrase.meant}"
                out.append(line[at : match.start()])
                out.append(after)
                at = match.end()
                if after != word:
                    changes.append(Change(n, word, after, reason))
                elif word in unknown and not word.isupper():
                    unresolved.append((n, word))
            out.append(line[at:])
            result.append("".join(out))
        return Repaired("".join(result), changes, len(words), list(dict.fromkeys(unresolved)))

    def _fix(self, word: str, fixes: dict[str, tuple[str, float] | None], damaged: bool) -> tuple[str, str]:
        misread = any(ch in word for ch in "&16")
        if word in fixes and (damaged or misread):
            found = fixes[word] or (self.compound(word) if damaged else None)
            if found:
                tail = self.more_frequent_tail(found[0]) if damaged else None
                return (tail[0] if tail else found[0]), "okänt ord, känt efter återställda tecken"
        if not damaged or word.isupper():
            return word, ""  # in clean text, only letters that cannot be Swedish are repaired
        return self.more_frequent(word) or self.more_frequent_tail(word) or (word, "")

    def more_frequent(self, word: str, tail: bool = False) -> tuple[str, str] | None:
        """A known word that a far more frequent one was probably misread as: "for" for "för". A
        longer word that the frequency list has must be further behind: "fortsatta" (3.8) is a word
        of its own beside "fortsätta" (5.2), while a damaged compound that only hunspell accepts
        ("lansstyrelsen") has no frequency at all, and "direktor" (2.5) is rare. The last part of a
        compound counts as short."""
        common = len(word) > MAX_REAL_WORD and self.lexicon.zipf(word) >= COMMON
        margin = LONG_MARGIN if common and not tail else MARGIN
        found = self.best(word, spellcheck=False)
        if found and self.lexicon.zipf(found[0]) >= self.lexicon.zipf(word) + margin:
            return found[0], "känt ord, men ett annat är mycket vanligare"
        return None

    def compound(self, word: str) -> tuple[str, float] | None:
        """An unknown word as two known words, each repaired, with or without a linking "s":
        "tjanstepersonsniva" is "tjänstepersons" + "nivå". Swedish makes compounds freely, and no
        lexicon has them all. Both parts must be common words (COMPOUND_PART), so that names and
        rare words are not taken apart, and a word with a capital is left whole: names are made of
        words too ("Hollmark" is no "Höll" + "mark")."""
        if word[:1].isupper():
            return None
        best: tuple[float, str] | None = None
        lower = word.lower()
        for cut in range(MIN_PART, len(lower) - MIN_PART + 1):
            left, right = self._part(lower[:cut], link=True), self._part(lower[cut:])
            if left and right:
                score = left[1] + right[1]
                if best is None or score > best[0]:
                    best = (score, left[0] + right[0])
        if best is None or best[1] == lower:
            return None
        return _cased(best[1], word), best[0]

    def _part(self, text: str, link: bool = False) -> tuple[str, float] | None:
        """A part of a compound as a common word, repaired if need be; the first part may end in
        the linking "s" ("tjänstepersons")."""
        for stem, tail in [(text, ""), *([(text[:-1], "s")] if link and text.endswith("s") else [])]:
            found = self.best(stem, spellcheck=False) if len(stem) >= MIN_PART else None
            repaired = found[0].lower() if found else ""
            if self._common(repaired) and self.lexicon.zipf(repaired) >= self.lexicon.zipf(stem) + MARGIN:
                return repaired + tail, self.lexicon.zipf(repaired)  # "niva" is in the list, "nivå" far more
            if self._common(stem):
                return stem + tail, self.lexicon.zipf(stem)
            if self._common(repaired):
                return repaired + tail, self.lexicon.zipf(repaired)
        return None

    def _common(self, part: str) -> bool:
        """Common enough to be a part of a compound: frequent, or long and in the list at all."""
        zipf = self.lexicon.zipf(part)
        return zipf >= COMPOUND_PART or (zipf > 0 and len(part) >= LONG_PART)

    def more_frequent_tail(self, word: str) -> tuple[str, str] | None:
        """The same for the last part of a compound that no list has: "regiondirektor" ends in
        "direktor", which is rare beside "direktör"."""
        if self.lexicon.zipf(word):
            return None  # a word in the list is no compound to look into
        for cut in range(3, len(word) - MIN_TAIL + 1):
            tail = word[cut:]
            if self.lexicon.zipf(tail):
                found = self.more_frequent(tail, tail=True)
                return (
                    (word[:cut] + found[0], "sista ledet är mycket vanligare med återställda tecken") if found else None
                )
        return None


def _phrase(line: str, match: re.Match[str]) -> Phrase | None:
    word = match.group().lower()
    return next(
        (
            phrase
            for phrase in PHRASES
            if word in phrase.seen
            and (phrase.before is None or phrase.before.search(line, 0, match.start()))
            and (phrase.after is None or phrase.after.match(line, match.end()))
        ),
        None,
    )


def _words(line: str, start: int = 0) -> list[re.Match[str]]:
    """The words of a line that may be repaired: not inside a protected stretch."""
    protected = [match.span() for match in _PROTECTED.finditer(line)]
    return [match for match in _WORD.finditer(line, start) if not any(a <= match.start() < b for a, b in protected)]
