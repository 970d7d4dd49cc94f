"""Plain YAML: a small, safe subset read from libyaml's event stream, with Swedish messages.

Data files hold text, numbers, lists and mappings, nothing more. PyYAML's own constructors accept
much more (tags, sets, binary, timestamps, merge keys, YAML 1.1 booleans such as `NO` and octal
numbers such as `0755`) and let the last of two equal keys win silently. Building the values here
instead, in one iterative pass over the parser's events, makes every such case a problem with its
line, bounds the work a small file can cause (nodes, bytes and depth, aliases counted each time
they are used) and never recurses, however deep the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Location = tuple[int, int]
FieldPath = tuple[str | int, ...]
KEY = -1
"""Last element of a position path that holds where a mapping key, rather than its value, stands."""

MAX_NODES = 50_000
"""Values a file may expand to, aliases counted each time they are used (stops alias bombs)."""
MAX_EXPANDED_CHARS = 1_000_000
"""Characters of text a file may expand to, aliases counted each time they are used."""
MAX_DEPTH = 40
"""Lists and mappings inside each other; a record needs six levels."""
MAX_DIGITS = 15

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")
# Plain values that one YAML reader takes for text and another for a boolean or a number.
_YAML11_BOOL = re.compile(r"yes|no|on|off|y|n", re.IGNORECASE)
_YAML11_NUMBER = re.compile(
    r"[-+]?(?:0[0-9_]+|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+)"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)

TAB_MESSAGE = "ett tabbtecken står i indraget; använd mellanslag för att dra in rader"
# libyaml's messages (scanner.c and parser.c), as an editor would understand them.
_SYNTAX_MESSAGES = [
    ("tab character", TAB_MESSAGE),
    (
        "mapping values are not allowed",
        'ett kolon följt av mellanslag står mitt i ett värde; sätt värdet inom citattecken: "…: …"',
    ),
    ("mapping keys are not allowed", "ett ”? ” står där det inte kan inleda ett fält; sätt värdet inom citattecken"),
    ("block sequence entries are not allowed", "ett ”- ” står mitt på en rad; en lista börjar på en ny rad med ”- ”"),
    ("could not find expected ':'", "en rad saknar ”:” efter fältnamnet, eller ett citattecken avslutas inte"),
    ("did not find expected key", "indraget stämmer inte: fält i samma mappning ska börja i samma kolumn"),
    (
        "did not find expected '-' indicator",
        "indraget stämmer inte: punkterna i en lista ska börja med ”- ” i samma kolumn",
    ),
    ("did not find expected <block end>", "indraget stämmer inte: raden är indragen annorlunda än raderna runt den"),
    ("did not find expected ',' or ']'", "listan saknar sitt avslutande ”]”"),
    ("did not find expected ',' or '}'", "mappningen saknar sitt avslutande ”}”"),
    ("found unexpected end of stream", "filen tar slut mitt i ett värde; saknas ett avslutande citattecken?"),
    (
        "unexpected document indicator",
        "en rad med --- eller ... står mitt i en text inom citattecken; avslutas citatet?",
    ),
    (
        "unknown escape character",
        "okänd kod efter \\ inom dubbla citattecken; skriv \\\\ eller använd enkla citattecken",
    ),
    ("hexdecimal number", "efter \\x, \\u eller \\U inom dubbla citattecken ska ett hexadecimalt tal stå"),
    ("invalid Unicode character escape", "koden efter \\u eller \\U är inget tecken; skriv tecknet som det är"),
    (
        "expected comment or line break",
        "efter värdet står något mer på raden; en kommentar börjar med mellanslag och #",
    ),
    (
        "cannot start any token",
        "ett värde börjar med ett tecken som YAML reserverar (@, `, % …); sätt värdet inom citattecken",
    ),
    ("expected node content", "ett värde saknas, eller börjar med ett tecken som YAML reserverar"),
    ("alphabetic or numeric character", "ett ankare (&) eller alias (*) saknar namn"),
    ("duplicate anchor", "samma ankarnamn (&) används två gånger; ge dem olika namn"),
    (
        "nesting depth",
        f"listor och mappningar ligger i fler än {MAX_DEPTH} nivåer i varandra; en post behöver högst sex",
    ),
    ("tag", "en tagg (!) är felskriven; taggar används inte i datafilerna"),
    ("indentation indicator", "siffran efter | eller > är ogiltig; skriv bara | eller >"),
    ("leading all space line", "ett textblock efter | eller > börjar med en rad av bara mellanslag"),
    ("expected <document start>", "något står efter postens slut; en fil innehåller en post"),
    ("%YAML", "direktivet %YAML används inte; ta bort raden"),
    ("directive", "rader som börjar med % används inte; ta bort raden eller sätt texten inom citattecken"),
    ("URI", "en tagg (!) är felskriven; taggar används inte i datafilerna"),
]


class YamlError(Exception):
    """The file cannot be read as plain YAML at all; parsing stopped here."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


@dataclass(frozen=True)
class Finding:
    """A problem found while reading an otherwise readable file: where, in which field, what."""

    path: FieldPath
    location: Location
    message: str


@dataclass
class Parsed:
    value: Any
    findings: list[Finding] = field(default_factory=list)
    positions: dict[FieldPath, Location] = field(default_factory=dict)


@dataclass
class _Frame:
    """A list or mapping being built."""

    container: dict[str, Any] | list[Any]
    path: FieldPath
    location: Location
    anchor: str | None
    start: tuple[int, int]
    """Nodes and characters counted before it began: what an alias to it costs is the difference."""
    height: int = 1
    """Levels of lists and mappings it holds, itself included: an alias to it adds as many."""
    as_key: bool = False
    """A list or mapping written where a field name should stand: read, then left out."""
    key: str | None = None
    skip_value: bool = False
    key_lines: dict[str, int] = field(default_factory=dict)

    def next_path(self) -> FieldPath:
        if isinstance(self.container, list):
            return (*self.path, len(self.container))
        return (*self.path, self.key or "")


def _where(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1)


def syntax_message(problem: str, character: str = "") -> str:
    """libyaml's reason in Swedish; a reason not in the table gets a Swedish hint of where to look."""
    if character == "\t":
        return TAB_MESSAGE
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return message
    return "filen är inte giltig YAML här; se efter citattecken, kolon och indrag på raden och raden före"


_DASH_WITHOUT_SPACE = re.compile(r"^\s*-[^\s\-]")
_KEY_WITH_VALUE = re.compile(r"^\s*[^\s#:][^:]*:\s+\S")
DASH_MESSAGE = "efter bindestrecket som inleder en listpunkt behövs ett mellanslag: skriv ”- fält: värde”"
INDENT_MESSAGE = (
    "raden är indragen mer än raden ovanför, som redan har ett värde; fält i samma mappning börjar i "
    "samma kolumn, och en lista under ett fält skrivs med ”- ” på raderna under"
)


def _in_context(problem: str, lines: list[str], line: int) -> str | None:
    """A plainer reason for libyaml's "mapping values are not allowed", from the lines around it:
    a list item written "-fält:" without a space, or a line indented under a field with a value."""
    if "mapping values are not allowed" not in problem or not 1 <= line <= len(lines):
        return None
    before = [text for text in lines[: line - 1] if text.strip() and not text.lstrip().startswith("#")]
    here = lines[line - 1]
    if _DASH_WITHOUT_SPACE.match(here) or (before and _DASH_WITHOUT_SPACE.match(before[-1])):
        return DASH_MESSAGE
    indent = len(here) - len(here.lstrip(" "))
    if before and _KEY_WITH_VALUE.match(before[-1]) and indent > len(before[-1]) - len(before[-1].lstrip(" ")):
        return INDENT_MESSAGE
    return None


def _scalar(value: str, plain: bool) -> tuple[Any, str | None]:
    """A scalar's value, and a message when it is one that YAML readers disagree on."""
    if not plain:
        return value, None
    if value in _NULL:
        return None, None
    if value in _BOOL:
        return _BOOL[value], None
    if _INT.fullmatch(value):
        if len(value.lstrip("+-")) > MAX_DIGITS:
            return value, f"talet har fler än {MAX_DIGITS} siffror; skriv det inom citattecken om det är text"
        return int(value), None
    if _FLOAT.fullmatch(value):
        return float(value), None
    if _YAML11_BOOL.fullmatch(value):
        meaning = "true" if value.lower() in ("yes", "on", "y") else "false"
        return value, (
            f"”{value}” utan citattecken läser en del YAML-verktyg som sanningsvärdet {meaning}; "
            f'skriv "{value}" inom citattecken om du menar texten'
        )
    if _YAML11_NUMBER.fullmatch(value):
        return value, (
            f'”{value}” utan citattecken läser en del YAML-verktyg som ett tal; skriv "{value}" inom '
            "citattecken om du menar texten, eller talet utan inledande nolla, understreck och kolon"
        )
    return value, None


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"taggen {shown} stöds inte; skriv ett vanligt värde: text (inom citattecken), tal, lista eller mappning"


def parse_plain_yaml(text: str, positions: bool = False) -> Parsed:
    """Read one YAML document of plain values; raise YamlError when it cannot be read at all.

    With positions, also record the line and column of every value (and of every key), for
    messages; the file is parsed again for that only when a problem needs it.
    """
    parser = _Parser(text)
    try:
        return _Builder(positions).build(parser)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _where(mark) if mark else (1, 1)
        lines = text.split("\n")
        character = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
        problem = error.problem or str(error)
        message = _in_context(problem, lines, line) or syntax_message(problem, character)
        raise YamlError((line, column), message) from None
    except yaml.YAMLError as error:
        raise YamlError((1, 1), syntax_message(str(error))) from None
    finally:
        parser.dispose()


class _Builder:
    """Turns the parser's events into Python values, iteratively, counting as it goes."""

    def __init__(self, record_positions: bool) -> None:
        self.parsed = Parsed(None)
        self.record_positions = record_positions
        self.anchors: dict[str, tuple[Any, int, int, int]] = {}  # name → (value, nodes, characters, height)
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.chars = 0

    def find(self, path: FieldPath, location: Location, message: str) -> None:
        self.parsed.findings.append(Finding(path, location, message))

    def count(self, nodes: int, chars: int, location: Location) -> None:
        self.nodes += nodes
        self.chars += chars
        if self.nodes > MAX_NODES:
            raise YamlError(
                location, f"filen expanderar till fler än {MAX_NODES} värden (ankare och alias?); skriv ut värdena"
            )
        if self.chars > MAX_EXPANDED_CHARS:
            raise YamlError(
                location,
                f"filen expanderar till mer än {MAX_EXPANDED_CHARS} tecken text (ankare och alias?); skriv ut värdena",
            )

    def place(self, value: Any, path: FieldPath, location: Location) -> None:
        if self.record_positions:
            self.parsed.positions.setdefault(path, location)
        if not self.stack:
            self.parsed.value = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if not top.skip_value and top.key is not None:
            top.container[top.key] = value
        top.key, top.skip_value = None, False

    def take_key(self, top: _Frame, event: Any, location: Location) -> None:
        """A scalar where a field name stands: the name, kept exactly as written."""
        key = str(event.value)
        path = (*top.path, key)
        if event.anchor is not None:
            self.anchors[event.anchor] = (key, 1, len(key), 0)
        if event.tag is not None:
            self.find(path, location, _tag_message(event.tag))
        previous = top.key_lines.get(key)
        top.key, top.skip_value = key, previous is not None
        if previous is not None:
            self.find(
                path,
                location,
                f"fältet ”{key}” står två gånger i samma mappning, på rad {previous} och rad {location[0]}; "
                "ta bort den ena",
            )
            return
        if key == "<<" and not event.style:
            self.find(path, location, "sammanslagning med << stöds inte; skriv ut fälten")
        top.key_lines[key] = location[0]
        if self.record_positions:
            self.parsed.positions[(*path, KEY)] = location

    def build(self, parser: Any) -> Parsed:
        documents = 0
        while parser.check_event():
            event = parser.get_event()
            location = _where(event.start_mark)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.find((), location, "filen innehåller mer än ett YAML-dokument (---); en fil är en post")
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                self.end_collection()
            elif isinstance(event, yaml.NodeEvent):
                self.node(event, location)
        return self.parsed

    def end_collection(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (
                frame.container,
                self.nodes - frame.start[0],
                self.chars - frame.start[1],
                frame.height,
            )
        if self.stack:
            self.stack[-1].height = max(self.stack[-1].height, frame.height + 1)
        if frame.as_key:
            self.stack[-1].key, self.stack[-1].skip_value = "", True
        else:
            self.place(frame.container, frame.path, frame.location)

    def node(self, event: Any, location: Location) -> None:
        top = self.stack[-1] if self.stack else None
        as_key = top is not None and isinstance(top.container, dict) and top.key is None
        path: FieldPath = ()
        if top is not None and as_key:  # where a field name goes
            if isinstance(event, yaml.ScalarEvent):
                self.count(1, len(event.value), location)
                self.take_key(top, event, location)
                return
            self.find(top.path, location, "ett fältnamn ska vara text, inte en lista, en mappning eller ett alias")
            if isinstance(event, yaml.AliasEvent):
                top.key, top.skip_value = "", True
                return
            path = top.path
        elif top is not None:
            path = top.next_path()
        if isinstance(event, yaml.AliasEvent):
            found = self.anchors.get(str(event.anchor))
            if found is None:
                self.find(path, location, f"aliaset *{event.anchor} används utan ett ankare &{event.anchor} före sig")
                self.place(None, path, location)
            else:
                value, nodes, chars, height = found
                self.count(nodes, chars, location)
                self._check_depth(len(self.stack) + height, location)
                if self.stack:
                    self.stack[-1].height = max(self.stack[-1].height, height + 1)
                self.place(value, path, location)
            return
        if event.tag is not None:
            self.find(path, location, _tag_message(event.tag))
        if isinstance(event, yaml.ScalarEvent):
            self.count(1, len(event.value), location)
            value, doubt = _scalar(event.value, plain=not event.style and event.tag is None)
            if doubt:
                self.find(path, location, doubt)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1, len(event.value), 0)
            self.place(value, path, location)
            return
        start = (self.nodes, self.chars)  # before this node, so that an alias to [] costs its one node
        self.count(1, 0, location)
        self._check_depth(len(self.stack) + 1, location)
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(container, path, location, event.anchor, start, as_key))

    @staticmethod
    def _check_depth(depth: int, location: Location) -> None:
        if depth > MAX_DEPTH:
            raise YamlError(
                location,
                f"listor och mappningar ligger i fler än {MAX_DEPTH} nivåer i varandra; en post behöver högst sex",
            )
