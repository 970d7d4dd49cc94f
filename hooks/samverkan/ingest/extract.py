"""What a case document says, read from its (repaired) text by rules: case numbers, full dates, known
organisations, bulleted lists under their headings, the proposal for decision, signatories and the
distribution list, the title and the kind of document.

Every value keeps the line it was read from, so that the editor can check it against the source.
What the rules cannot find stays empty: a rule that is unsure gives nothing rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from samverkan.dev.generate import RESOURCES, municipality_name
from samverkan.model.dates import MONTHS


@dataclass(frozen=True)
class Found:
    """A value and the line of the source it was read from (1 = the first)."""

    value: Any
    line: int


@dataclass
class Extracted:
    kind: Found | None = None
    title: Found | None = None
    case_numbers: list[Found] = field(default_factory=list)
    """Each value: (reference, the issuing organisation's name or None)."""
    dates: list[Found] = field(default_factory=list)
    organisations: list[Found] = field(default_factory=list)
    lists: list[Found] = field(default_factory=list)
    """Each value: (heading, items)."""
    proposals: list[Found] = field(default_factory=list)
    proposal_heading: Found | None = None
    signatories: list[Found] = field(default_factory=list)
    """Each value: (name, title)."""
    signature_note: Found | None = None
    distribution: list[Found] = field(default_factory=list)
    distribution_title: Found | None = None


KINDS = ("tjänsteskrivelse", "protokollsutdrag", "överenskommelse")

_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_WRITTEN = re.compile(rf"\b([1-9]|[12]\d|3[01]) ({'|'.join(MONTHS)}) ((?:19|20)\d\d)\b")
_CASE = re.compile(
    r"\b(?:[A-ZÅÄÖ]{1,6}(?: |/|-)\d{4}/\d{1,6}|[A-ZÅÄÖ]{1,6}/\d{1,6}/\d{4}|[A-ZÅÄÖ]{1,6}-\d{4}-\d{1,6}"
    r"|[A-ZÅÄÖ]{1,6}\d{2}/\d{2,6}|\d{2}[A-ZÅÄÖ]{2,4}\d{3,6}|[A-ZÅÄÖ]{2,6} \d{4}-\d{3,6}|[A-ZÅÄÖ]{2,6} \d{4}\.\d{1,6}|[A-ZÅÄÖ]{2,6}\.\d{4}\.\d{1,6})\b"
)
_CASE_AFTER_LABEL = re.compile(
    r"\b(?:[Dd]nr\.?|[Dd]iarienummer|[Dd]iarienr\.?|[Ää]rendenummer)[:\s]+"
    r"((?:[A-ZÅÄÖ]{1,6} )?[A-ZÅÄÖ0-9][A-ZÅÄÖa-zåäö0-9/.:-]*\d[A-ZÅÄÖa-zåäö0-9/.:-]*)"
)
"""Whatever stands after a label such as "Dnr" or "diarienummer", in any shape a body uses
("KS/2024:210", "RS-LED24-0871"), as long as it has digits."""
_BULLET = re.compile(r"^\s*([•·*\-–])\s+(\S.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
_QUOTATION = re.compile(r",\s*(säger|sade|sa|menar|konstaterar|berättar|betonar|understryker)\b")
"""What ends a quotation: "– Vi har mycket att vinna, säger regionrådet."."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_PROPOSAL_HEADING = re.compile(
    r"^\s*((?:Förslag till beslut|Beslut|(?:[\wåäöÅÄÖ-]+ )*[\wåäöÅÄÖ-]+s (?:förslag|beslut)(?: till beslut)?|Förslag))\s*:?\s*$",
    re.I,
)
MAX_LEAD = 2
"""Lines between a proposal's heading and its first point: "Regionstyrelsen beslutar att"."""
_DISTRIBUTION = re.compile(
    r"^\s*((?:[A-ZÅÄÖ][a-zåäö]+ )?(?:skickas|expedieras|sänds)(?: för kännedom)? till|Utdrag till|Sändlista|Kopia till"
    r"|För kännedom(?: till)?)\s*(?::\s*(.*))?$",
    re.I,
)
_SIGNATURE_START = re.compile(
    r"^\s*(?:§\s*\d+\s+|\d+(?:\.\d+)*\.?\s+)?(I tjänsten|Underskrifter|Underskrift|Vid protokollet|Justeras|Justerat"
    r"|Justerandes signatur|Justering"
    r"|För [A-ZÅÄÖ].*:)\s*$",
    re.I,
)
_NAME_WORD = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?$")
TITLE_WORDS = re.compile(
    r"(direktör|chef|ordförande|råd|hövding|handläggare|strateg|samordnare|sekreterare|controller|ansvarig|"
    r"utvecklare|jurist|ekonom|rektor|ledare|föreståndare|justerare|sakkunnig|utredare|specialist|ombudsman|"
    r"direktor)\b",
    re.I,
)
_HEADER_LINE = re.compile(
    r"^\s*(Tjänsteskrivelse|Protokollsutdrag|Protokoll|Sammanträdesdatum|Datum|Diarienummer|Dnr|Handläggare|"
    r"Beslutsinstans|Sida|Ärende(?:nummer)?|Vår referens|Er referens|Referens|Justerare|Plats|E-post|Telefon|Tel|"
    r"Webb|Webbplats|Postadress|Besöksadress|Paragraf|Mottagare)\b|^\s*§\s*\d+|^\s*\d+\s*\(\d+\)\s*$",
    re.I,
)
_ADDRESS_BLOCK = re.compile(r"^\s*(Mottagare|Till|Från|Kopia|Handläggare|Kontaktperson|Kontakt)\b", re.I)
SECTION_HEADINGS = re.compile(
    r"^\s*(Sammanfattning|Ärendet|Ärendebeskrivning|Beskrivning av ärendet|Bakgrund|Bedömning|Beslutsunderlag|"
    r"Syfte|Parter|Giltighetstid|Underskrifter|Förslag till beslut|Beslut|Yrkanden|Propositionsordning|"
    r"Ekonomiska konsekvenser|Uppföljning|Ärendets beredning)\s*:?\s*$",
    re.I,
)


def _gazetteer() -> list[tuple[str, str]]:
    """(how a text may name an organisation, its canonical name): every region, county
    administrative board and municipality in Sweden (dev/resources/sverige.yml)."""
    counties = yaml.safe_load((RESOURCES / "sverige.yml").read_text(encoding="utf-8"))
    names: list[tuple[str, str]] = []
    for county in counties:
        lan = county["lan"]
        board = f"Länsstyrelsen i {lan}"
        place = lan.removesuffix(" län")
        bare = place.removesuffix("s") if place.endswith("s") and place not in ("Kalmar",) else place
        names += [(board, board), (f"Länsstyrelsen {lan}", board), (f"Länsstyrelsen {place}", board)]
        names.append((f"Länsstyrelsen {bare}", board))  # "Länsstyrelsen Kronoberg", "Länsstyrelsen Skåne"
        names.append((county["region"], county["region"]))
        for place in county["kommuner"]:
            name = municipality_name(place)
            # Both forms as written: "Kalmar kommun" and "Eslövs kommun" (the genitive is not regular).
            names += [(name, name), (f"{place} kommun", f"{place} kommun")]
            names += [(f"{place} stad", name), (f"{place}s stad", name)]
    return sorted(set(names), key=lambda pair: -len(pair[0]))


_KNOWN = _gazetteer()
_KNOWN_PATTERN = re.compile(r"\b(" + "|".join(re.escape(name) for name, _ in _KNOWN) + r")s?\b", re.I)
_BY_FOLDED = {name.casefold(): canonical for name, canonical in _KNOWN}
"""Names in any case: letterheads write "NÄSSJÖ KOMMUN"."""
_CANONICAL = dict(_KNOWN)
_CANONICAL_FOLDED = {name.casefold() for name in _CANONICAL}


def clean_item(text: str) -> str:
    return " ".join(text.split()).rstrip(",.;").strip()


def _join(lines: Iterable[str]) -> str:
    """Lines as one: a word broken with a hyphen at the end of a line is joined again ("HR-" +
    "direktör"), other lines with a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if text.endswith("-") and line[:1].islower():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


class Document:
    """The lines of a document (1-based in every Found) and what the rules read from them."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, n: int) -> str:
        return self.lines[n - 1] if 0 < n <= len(self.lines) else ""

    def blank(self, n: int) -> bool:
        return not self.line(n).strip()

    def extract(self) -> Extracted:
        found = Extracted()
        found.dates = self.dates()
        found.organisations = self.organisations()
        found.case_numbers = self.case_numbers(found.organisations)
        found.title = self.title()
        found.kind = self.kind(found.title)
        found.proposal_heading, found.proposals, in_proposal = self.proposals()
        found.lists = self.lists(in_proposal)
        found.distribution_title, found.distribution, start = self.distribution()
        found.signature_note, found.signatories = self.signatories(start)
        return found

    def dates(self) -> list[Found]:
        seen: dict[str, Found] = {}
        for n, line in enumerate(self.lines, 1):
            spans = []
            for match in _ISO.finditer(line):
                spans.append((match.start(), match.group()))
            # With the next line: "den 24" at the end of one line, "oktober 2023" on the next.
            pair = f"{line.rstrip()} {self.line(n + 1).strip()}"
            for match in (m for m in _WRITTEN.finditer(pair) if m.start() < len(line.rstrip())):
                month = MONTHS.index(match.group(2)) + 1
                spans.append((match.start(), f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"))
            for _, iso in sorted(spans):
                seen.setdefault(iso, Found(iso, n))
        return list(seen.values())

    def organisations(self) -> list[Found]:
        first: dict[str, int] = {}
        # Each line with the next, so that a name broken over two lines ("Region Jämtland" /
        # "Härjedalen") is found too, on the line where it starts.
        for n in range(1, len(self.lines) + 1):
            pair = " ".join(f"{self.line(n)} {self.line(n + 1)}".split())
            for match in _KNOWN_PATTERN.finditer(pair):
                canonical = _BY_FOLDED[match.group(1).casefold()]
                first[canonical] = min(first.get(canonical, n), n)
        return [Found(name, n) for name, n in sorted(first.items(), key=lambda item: item[1])]

    def case_numbers(self, organisations: list[Found]) -> list[Found]:
        """Case numbers, each with the organisation that issued it when its prefix says which kind
        (RS: a region's board, KS: a municipality's, a länsstyrelse's numeric form) and the document
        names exactly one organisation of that kind."""
        seen: dict[str, Found] = {}
        for n, line in enumerate(self.lines, 1):
            # With the next line too: "diarienummer" at the end of one line, the number on the next.
            pair = f"{line} {self.line(n + 1).strip()}"
            matches = [m.group() for m in _CASE.finditer(pair) if m.start() < len(line)]
            labelled = [m.group(1).rstrip(".:-,") for m in _CASE_AFTER_LABEL.finditer(pair)]
            matches += [reference for reference in labelled if sum(ch.isdigit() for ch in reference) >= 2]
            for reference in matches:
                if not _ISO.fullmatch(reference):
                    seen.setdefault(reference, Found((reference, _issuer(reference, organisations)), n))
        return sorted(seen.values(), key=lambda found: found.line)

    def title(self) -> Found | None:
        """The first paragraph that is not a header, an address block or a section heading."""
        for start, block in self.blocks():
            if _ADDRESS_BLOCK.match(block[0]):
                continue
            lines = list(enumerate(block, start))
            lead = next((k for k, (_, line) in enumerate(lines) if not _letterhead(line)), len(lines))
            kept = [(n, line) for n, line in lines[lead:] if not _HEADER_LINE.match(line)]
            if not kept or SECTION_HEADINGS.match(kept[0][1]) or _BULLET.match(kept[0][1]):
                continue
            if len(kept) == 1 and _CANONICAL.get(" ".join(kept[0][1].split())):
                continue  # an organisation's name alone: a letterhead
            text = _join(line for _, line in kept)
            if len(text) < 8 or text.endswith(":"):
                continue
            return Found(text, kept[0][0])
        return None

    def kind(self, title: Found | None) -> Found | None:
        text = "\n".join(self.lines)
        first = title.value if title else ""
        if re.search(r"^\s*(Protokollsutdrag|Protokoll)\b", text, re.M | re.I) or re.search(r"Sammanträdesdatum", text):
            return Found("protokollsutdrag", 1)
        if re.search(r"Tjänsteskrivelse|I tjänsten|Förslag till beslut|s förslag\s*$", text, re.M | re.I):
            return Found("tjänsteskrivelse", 1)
        if re.match(r"(Överenskommelse|Samverkansavtal|Avtal|Samverkansöverenskommelse)", first) or re.search(
            r"^\s*(Parter|Underskrifter)\s*$", text, re.M
        ):
            return Found("överenskommelse", title.line if title else 1)
        return None

    def blocks(self) -> list[tuple[int, list[str]]]:
        """Paragraphs: runs of lines that are not blank, with the number of the first."""
        blocks: list[tuple[int, list[str]]] = []
        current: list[str] = []
        start = 0
        for n, line in enumerate(self.lines, 1):
            if line.strip():
                if not current:
                    start = n
                current.append(line)
            elif current:
                blocks.append((start, current))
                current = []
        if current:
            blocks.append((start, current))
        return blocks

    def _items(self, first: int, pattern: re.Pattern[str]) -> tuple[list[Found], int]:
        """Items from line first on, each with its continuation lines: a line that goes on in lower
        case, or follows a line that does not end a phrase; a blank line ends an item only if the
        text after it does not go on in lower case. Returns the items and the line after them."""
        items: list[Found] = []
        n = first
        glyph = pattern.match(self.line(first))
        if pattern is _BULLET and glyph:  # a list keeps its bullet: "•" items, then a "–" quotation
            pattern = re.compile(rf"^\s*({re.escape(glyph.group(1))})\s+(\S.*)$")
        while n <= len(self.lines):
            match = pattern.match(self.line(n))
            if not match:
                break
            parts, start = [match.group(2)], n
            n += 1
            while n <= len(self.lines):
                line = self.line(n)
                if not line.strip():
                    after = next((k for k in range(n + 1, len(self.lines) + 1) if not self.blank(k)), 0)
                    if after and self.line(after).strip()[:1].islower() and not pattern.match(self.line(after)):
                        n = after
                        continue
                    break
                if pattern.match(line) or SECTION_HEADINGS.match(line) or _DISTRIBUTION.match(line):
                    break
                indented = line[:2] == "  " and not _BULLET.match(line) and not _NUMBERED.match(line)
                if indented or line.strip()[:1].islower() or not re.search(r"[.:!?]$", parts[-1].strip()):
                    parts.append(line)
                    n += 1
                    continue
                break
            items.append(Found(clean_item(_join(parts)), start))
            while n <= len(self.lines) and self.blank(n):
                following = next((k for k in range(n, len(self.lines) + 1) if not self.blank(k)), 0)
                if following and pattern.match(self.line(following)):
                    n = following
                break
        return items, n

    def proposals(self) -> tuple[Found | None, list[Found], set[int]]:
        """The points under a heading such as "Förslag till beslut" or "Regiondirektörens förslag"."""
        for n, line in enumerate(self.lines, 1):
            match = _PROPOSAL_HEADING.match(line)
            if not match:
                continue
            lines = [k for k in range(n + 1, len(self.lines) + 1) if not self.blank(k)][: MAX_LEAD + 1]
            first = next((k for k in lines if _NUMBERED.match(self.line(k)) or _BULLET.match(self.line(k))), 0)
            if not first or SECTION_HEADINGS.match(" ".join(self.line(k) for k in lines if k < first)):
                continue
            pattern = _NUMBERED if _NUMBERED.match(self.line(first)) else _BULLET
            items, end = self._items(first, pattern)
            taken = set(range(first, end))
            while pattern is _NUMBERED:  # "Kommunstyrelsen beslutar för egen del" / "4) …"
                after = [k for k in range(end, len(self.lines) + 1) if not self.blank(k)][: MAX_LEAD + 1]
                more = next((k for k in after if _NUMBERED.match(self.line(k))), 0)
                number = _NUMBERED.match(self.line(more)) if more else None
                if not number or int(number.group(1)) != len(items) + 1:
                    break
                further, end = self._items(more, pattern)
                items += further
                taken |= set(range(more, end))
            return Found(match.group(1), n), items, taken
        return None, [], set()

    def lists(self, skip: set[int]) -> list[Found]:
        """Bulleted lists with the heading before them: the last sentence of the paragraph above. A
        line that starts with a dash and stands alone, not after a heading that ends with a colon, is
        a quotation ("– Vi har …, säger …"), not a list."""
        found: list[Found] = []
        n = 1
        while n <= len(self.lines):
            if n in skip or not _BULLET.match(self.line(n)) or (n - 1 >= 1 and _BULLET.match(self.line(n - 1))):
                n += 1
                continue
            items, end = self._items(n, _BULLET)
            heading = self._heading(n)
            glyph = _BULLET.match(self.line(n)).group(1)  # type: ignore[union-attr]
            quotation = len(items) == 1 and glyph in "-–" and not heading.endswith(":")
            items = [item for item in items if not _QUOTATION.search(item.value)]
            if items and not quotation:
                found.append(Found((heading, [item.value for item in items]), n))
            n = max(end, n + 1)
        return found

    def _heading(self, n: int) -> str:
        """The last sentence of the paragraph right above line n."""
        k = n - 1
        while k >= 1 and self.blank(k):
            k -= 1
        lines: list[str] = []
        while k >= 1 and not self.blank(k) and not _BULLET.match(self.line(k)):
            lines.insert(0, self.line(k))
            k -= 1
        text = _join(lines)
        return _SENTENCE_END.split(text)[-1].strip() if text else ""

    def distribution(self) -> tuple[Found | None, list[Found], int]:
        """The distribution list after "Skickas till", "Utdrag till" and the like; the line it starts on."""
        for n in range(len(self.lines), 0, -1):  # the last one: distribution lists end a document
            match = _DISTRIBUTION.match(self.line(n))
            if not match:
                continue
            parts, k = [match.group(2)] if (match.group(2) or "").strip() else [], n + 1
            while k <= len(self.lines) and not self.blank(k):
                parts.append(self.line(k))
                k += 1
            if not parts and k <= len(self.lines):  # the list after a blank line
                k = next((j for j in range(k, len(self.lines) + 1) if not self.blank(j)), len(self.lines) + 1)
                while k <= len(self.lines) and not self.blank(k):
                    parts.append(self.line(k))
                    k += 1
            return Found(match.group(1), n), [Found(item, n) for item in _recipients(parts)], n
        return None, [], len(self.lines) + 1

    def signatories(self, before: int) -> tuple[Found | None, list[Found]]:
        """Who signs, with titles: the lines after "I tjänsten" or "Underskrifter", else the last
        paragraphs before the distribution list. Columns (two or more spaces apart) are read column
        by column, so that a two-column block pairs each name with the title under it."""
        start = next((n for n in range(1, before) if _SIGNATURE_START.match(self.line(n))), 0)
        note = Found(self.line(start).strip().rstrip(":"), start) if start else None
        if not start:  # the blocks right before the distribution list that hold only short lines
            start = before
            for first, block in reversed([(s, b) for s, b in self.blocks() if s < before]):
                if not all(_signature_line(line) for line in block):
                    break
                start = first - 1
        lines = range(start + 1, before)
        columns: dict[int, list[tuple[str, str, int]]] = {}
        for n in lines:
            cells = [cell for cell in re.split(r"\s{2,}", self.line(n).strip()) if cell]
            for c, cell in enumerate(cells):
                for part in _split_title_and_name(cell):
                    kind = _cell_kind(part)
                    if kind:
                        columns.setdefault(c if len(cells) > 1 else 0, []).append((kind, part, n))
        found: list[Found] = []
        for column in columns.values():
            names = [(text, row) for kind, text, row in column if kind == "name"]
            titles = [text for kind, text, _ in column if kind == "title"]
            found += [Found((name, title), row) for (name, row), title in zip(names, titles, strict=False)]
        return note, sorted(found, key=lambda item: item.line)


_UNIT = re.compile(
    r"^(Avdelningen|Enheten|Sektionen|Staben|Avd\.)\b|(förvaltningen|kontoret|nämnden|styrelsen|staben|enheten|"
    r"fullmäktige|kansliet|\([A-ZÅÄÖ]{2,}\))$"
)


def _letterhead(line: str) -> bool:
    """A line of the letterhead or the header, not of a title: the body's or unit's name, the kind
    of document in capitals, the date or case number, or several of them side by side in columns."""
    text = line.strip()
    cells = re.split(r"\s{2,}", text)
    return (
        bool(_HEADER_LINE.match(text))
        or len(cells) > 1
        or text.casefold() in _CANONICAL_FOLDED
        or len(_split_title_and_name(text)) == 2  # the official in charge: "Johanna Ek, utvecklingsledare"
        or (len(text.split()) <= 6 and text.rpartition(", ")[2] in _CANONICAL)  # "Kommunstyrelsen, Sundsvalls kommun"
        or text.isupper()
        or (len(text.split()) <= 3 and bool(_UNIT.search(text)))
        or (len(text.split()) <= 6 and bool(_UNIT.match(text)))
        or len(text.split()) == 1
        or bool(_WRITTEN.fullmatch(text) or _ISO.fullmatch(text))  # a date alone
    )


def _recipients(lines: list[str]) -> list[str]:
    """A distribution list's items: one per line when each line is one, else split at commas. A
    line that ends with a comma or a hyphen goes on on the next."""
    joined: list[str] = []
    for line in (_BULLET.sub(r"\2", line).strip() for line in lines):
        if joined and re.search(r"[,-]$", joined[-1]):
            joined[-1] = _join([joined[-1], line])
        else:
            joined.append(line)
    if len(joined) > 1 and joined[0].count(",") < 2:  # one per line ("Elevhälsan, Falu kommun" is one)
        return [clean_item(line) for line in joined if clean_item(line)]
    text = _join(joined)  # a list written with commas, wrapped anywhere: "Skellefteå" / "kommun"
    return [clean_item(item) for item in re.split(r"[,;]\s*", text) if clean_item(item)]


def _signature_line(line: str) -> bool:
    """A line that may stand in a signature block: names, titles, units and places, not sentences."""
    text = line.strip()
    if re.search(r"@|://|[:;]$", text) or (text.endswith(".") and not re.search(r"\b(Tf|tf|T\.f)\.$", text)):
        return False
    return all(len(cell.split()) <= 6 for cell in re.split(r"\s{2,}", text))


def _cell_kind(text: str) -> str:
    words = text.replace(",", "").split()
    if not words or _CANONICAL.get(" ".join(words)) or words[0] in ("Region", "Länsstyrelsen", "För"):
        return ""
    if TITLE_WORDS.search(text):
        return "title"
    if 2 <= len(words) <= 3 and all(_NAME_WORD.match(word) for word in words):
        return "name"
    return ""


def _split_title_and_name(cell: str) -> list[str]:
    """A title and a name that the scanner ran together: "Tf. Regiondirektör Mikael Ferm"."""
    words = cell.split()
    if len(words) >= 3 and TITLE_WORDS.search(" ".join(words[:-2])) and all(_NAME_WORD.match(w) for w in words[-2:]):
        return [" ".join(words[:-2]), " ".join(words[-2:])]
    name, comma, title = cell.partition(", ")  # "Kerstin Wallin, kommundirektör"
    if comma and _cell_kind(name) == "name" and TITLE_WORDS.search(title):
        return [name, title]
    return [cell]


def _issuer(reference: str, organisations: list[Found]) -> str | None:
    names = [found.value for found in organisations]
    prefix = re.match(r"[A-ZÅÄÖ]+", reference)
    if prefix is None:
        kinds = ["Länsstyrelsen"] if re.fullmatch(r"\d{3}-\d{2,6}-\d{4}", reference) else []
    else:
        kinds = {"RS": ["Region"], "RF": ["Region"], "LS": ["Region"], "KS": ["kommun"], "KF": ["kommun"]}.get(
            prefix.group(), ["Länsstyrelsen"] if prefix.group() in ("LST", "LS", "L") else []
        )
    matching = [name for name in names for kind in kinds if (name.startswith(kind) or name.endswith(kind))]
    return matching[0] if len(matching) == 1 else None


def read_truth(path: Path) -> dict[str, Any]:
    """A ground-truth file (tests/fixtures/import/*/NAME.truth.yml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
