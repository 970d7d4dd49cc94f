"""Diagrams, drawn as SVG at build time: who collaborates with whom, and when.

- `diagram/organisationer/ID.svg`: an organisation, its collaborations, and the other parties to
  them (for organisations that have partners).
- `diagram/samverkan/ID.svg`: a collaboration's parties and their roles (for two or more parties).
- `diagram/natverk/LÄN.svg`: the organisations of a county, with an arc between two that share a
  collaboration; the more they share, the thicker the arc (catalog/network.py).
- `diagram/tidslinje/LÄN.svg`: the periods of a county's collaborations on a time axis.

Pages show them as images beside a list or table with the same relations, their text
alternative. The files are self-contained (no fonts, scripts or links to fetch) and the same bytes
for the same data and build date. The layouts are plain functions of what they draw, so that they
can be tested without a catalog; the drawing is one template (diagrams/diagram.svg.j2).
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import jinja2

from samverkan.catalog.lifecycle import Stage, standing
from samverkan.catalog.link import Catalog, collaborations_in
from samverkan.catalog.network import Group, by_period, county_of, groups, period_days
from samverkan.model.records import Collaboration, Organisation
from samverkan.outputs import OutputFile
from samverkan.settings import Settings

FOLDER = "diagram"
WIDTH = 760
MARGIN = 10
LINE = 15
"""The height of a line of text; the font is 12 px."""
CHAR = 7.2
"""The width of an average character at 12 px in a sans-serif face, with room to spare."""
PAD = 8
GAP = 60
PITCH = 22
"""Rows of the network and the timeline, from one to the next."""
MAX_ARC = 380
MAX_THROUGH = 15
"""An organisation diagram shows its collaborations one by one up to this many."""
LABEL = 300
"""The column of names in the network and the timeline."""


def organisation_diagram(org_id: str) -> str:
    return f"{FOLDER}/organisationer/{org_id}.svg"


def collaboration_diagram(collab_id: str) -> str:
    return f"{FOLDER}/samverkan/{collab_id}.svg"


def network_diagram(key: str) -> str:
    return f"{FOLDER}/natverk/{key}.svg"


def timeline_diagram(key: str) -> str:
    return f"{FOLDER}/tidslinje/{key}.svg"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    kind: str = ""


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    kind: str = ""
    anchor: str = "start"


@dataclass(frozen=True)
class Stroke:
    path: str
    width: float = 1.5
    kind: str = ""


@dataclass
class Drawing:
    title: str
    description: str
    width: float = WIDTH
    height: float = 0
    boxes: list[Box] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    strokes: list[Stroke] = field(default_factory=list)


@dataclass(frozen=True)
class Node:
    """A box in a column: its key for edges, its text and a smaller note under it."""

    key: str
    text: str
    note: str = ""
    kind: str = ""


def num(value: float) -> str:
    """A coordinate with one decimal at most: 12, 12.5."""
    return f"{round(value, 1):g}"


def wrap(text: str, width: float, lines: int) -> list[str]:
    """The text in at most `lines` lines that fit the width, the last cut with "…" if it must be."""
    chars = max(4, int(width / CHAR))
    found = textwrap.wrap(text, chars, break_on_hyphens=False) or [""]
    if len(found) > lines:  # the last line is cut by characters: as much of the text as fits
        rest = " ".join(found[lines - 1 :])
        found = [*found[: lines - 1], rest[: chars - 1].rstrip() + "…"]
    return found


def columns(title: str, description: str, cols: Sequence[Sequence[Node]], edges: Sequence[tuple[str, str]]) -> Drawing:
    """Boxes in columns, each column centred, and a curve from each box to the boxes it is linked to
    in the next column. Every box has room for two lines and a note."""
    drawing = Drawing(title, description)
    width = (WIDTH - 2 * MARGIN - GAP * (len(cols) - 1)) / len(cols)
    height = 2 * LINE + (LINE if any(node.note for col in cols for node in col) else 0) + PAD
    tallest = max(len(col) for col in cols)
    drawing.height = math.ceil(2 * MARGIN + tallest * (height + PAD) - PAD)
    where: dict[str, Box] = {}
    for n, col in enumerate(cols):
        x = MARGIN + n * (width + GAP)
        top = MARGIN + (tallest - len(col)) * (height + PAD) / 2
        for row, node in enumerate(col):
            box = Box(x, top + row * (height + PAD), width, height, node.kind)
            where[node.key] = box
            drawing.boxes.append(box)
            lines = wrap(node.text, width - 2 * PAD, 2)
            for k, line in enumerate(lines):
                drawing.texts.append(Text(x + PAD, box.y + PAD / 2 + (k + 0.8) * LINE, line, node.kind))
            if node.note:
                drawing.texts.append(Text(x + PAD, box.y + PAD / 2 + (len(lines) + 0.8) * LINE, node.note, "note"))
    for a, b in edges:
        start, end = where[a], where[b]
        x1, y1, x2, y2 = start.x + start.width, start.y + start.height / 2, end.x, end.y + end.height / 2
        middle = num((x1 + x2) / 2)
        drawing.strokes.append(
            Stroke(f"M{num(x1)} {num(y1)}C{middle} {num(y1)} {middle} {num(y2)} {num(x2)} {num(y2)}")
        )
    return drawing


def arcs(
    title: str, description: str, labels: Sequence[tuple[str, str]], links: Sequence[tuple[int, int, int]]
) -> Drawing:
    """An arc diagram: the labels one under the other, and an arc on their right between each linked
    pair (indexes into labels, and how many things link them: the more, the thicker)."""
    x = MARGIN + LABEL + PAD
    reach = max((min((b - a) * PITCH / 2, MAX_ARC) for a, b, _ in links), default=0)
    drawing = Drawing(
        title, description, width=math.ceil(x + reach + 2 * MARGIN), height=2 * MARGIN + len(labels) * PITCH
    )
    y = [MARGIN + (n + 0.5) * PITCH for n in range(len(labels))]
    for a, b, count in links:
        radius = (y[b] - y[a]) / 2
        drawing.strokes.append(
            Stroke(
                f"M{num(x)} {num(y[a])}A{num(min(radius, MAX_ARC))} {num(radius)} 0 0 1 {num(x)} {num(y[b])}",
                min(1.5 * math.sqrt(count), 6),
                "arc",
            )
        )
    for n, (label, kind) in enumerate(labels):
        drawing.texts.append(Text(x - PAD, y[n] + 4, wrap(label, LABEL - PAD, 1)[0], kind, "end"))
        drawing.boxes.append(Box(x - 3, y[n] - 3, 6, 6, "dot"))
    return drawing


@dataclass(frozen=True)
class Bar:
    label: str
    start: date | None
    end: date | None
    """The day after the period's last."""
    kind: str


def _years(bars: Sequence[Bar], today: date) -> tuple[int, int]:
    """The first and last year on the axis: every start and end, and today."""
    years = [today.year]
    for bar in bars:
        years += [bar.start.year] if bar.start else []
        years += [(bar.end - timedelta(days=1)).year] if bar.end else []
    return min(years), max(years)


def _legend(drawing: Drawing, legend: Sequence[tuple[str, str]], top: float) -> float:
    """The legend's swatches and labels in rows from top, a new row when one is full; its bottom."""
    x, y = float(MARGIN), top + LINE
    for kind, label in legend:
        width = 18 + len(label) * CHAR
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, y = float(MARGIN), y + LINE + PAD / 2
        drawing.boxes.append(Box(x, y - 9, 14, 10, f"bar {kind}"))
        drawing.texts.append(Text(x + 18, y, label))
        x += width + 16
    return y


def timeline(
    title: str, description: str, bars: Sequence[Bar], today: date, legend: Sequence[tuple[str, str]]
) -> Drawing:
    """Bars on a time axis of whole years, one row each, with a line for today and a legend. A
    period without start or end runs to the edge of the axis, with a dashed outline."""
    first, last = _years(bars, today)
    left, right = MARGIN + LABEL, WIDTH - MARGIN
    scale = (right - left) / (last + 1 - first)

    def at(day: date) -> float:
        return left + (day.year - first + (day.timetuple().tm_yday - 1) / 366) * scale

    head = MARGIN + LINE + PAD
    bottom = head + len(bars) * PITCH
    drawing = Drawing(title, description)
    step = next((step for step in (1, 2, 5, 10, 20, 50) if step * scale >= 36), 100)  # a label is about 30 px
    for year in range(first, last + 1):
        x = at(date(year, 1, 1))
        drawing.strokes.append(Stroke(f"M{num(x)} {num(head - 4)}V{num(bottom)}", 1, "grid"))
        if year % step == 0 or step == 1:
            drawing.texts.append(Text(x + scale / 2 if step == 1 else x, MARGIN + LINE, str(year), "axis", "middle"))
    for n, bar in enumerate(bars):
        y = head + n * PITCH
        drawing.texts.append(Text(MARGIN, y + PITCH / 2 + 4, wrap(bar.label, LABEL - PAD, 1)[0]))
        x1 = at(bar.start) if bar.start else left
        x2 = at(bar.end) if bar.end else right
        kind = f"bar {bar.kind}" + (" open" if not (bar.start and bar.end) else "")
        drawing.boxes.append(Box(x1, y + 5, max(x2 - x1, 2), PITCH - 10, kind))
    now = at(today)
    drawing.strokes.append(Stroke(f"M{num(now)} {num(head - 4)}V{num(bottom + 4)}", 2, "today"))
    late = now > (left + right) / 2
    drawing.texts.append(
        Text(now - 4 if late else now + 4, bottom + LINE, "I dag", "today", "end" if late else "start")
    )
    drawing.height = math.ceil(_legend(drawing, legend, bottom + LINE + PAD) + PAD + MARGIN)
    return drawing


_SIZE = re.compile(rb'<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"')


def svg_size(content: bytes) -> tuple[str, str]:
    """A drawing's width and height, as an image on a page gives them, so that the page does not
    shift when it loads."""
    found = _SIZE.search(content[:400])
    return (found.group(1).decode(), found.group(2).decode()) if found else ("", "")


class Diagrams:
    """The drawings of one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(Path(__file__).parent / "diagrams"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        env.filters["num"] = num
        self.template = env.get_template("diagram.svg.j2")

    def svg(self, drawing: Drawing) -> bytes:
        return self.template.render(d=drawing).encode("utf-8")

    def organisation(self, org: Organisation) -> Drawing:
        """The organisation on the left, its collaborations in the middle, their other parties on the
        right. With more than MAX_THROUGH collaborations, the middle column is left out and each
        partner says how many it shares: hundreds of crossing curves show nothing."""
        collabs = collaborations_in(self.catalog.roles[org.id])
        partners = self.catalog.partners(org.id)
        me = [Node(org.id, org.name, kind="self")]
        if len(collabs) > MAX_THROUGH:
            shared = [
                Node(p.id, p.name, f"{len(through)} gemensamma" if len(through) > 1 else "1 gemensam")
                for p, through in partners
            ]
            return columns(
                f"Vilka {org.name} samverkar med",
                f"Till vänster {org.name}, till höger de organisationer den samverkar med, med antalet "
                "samverkansöverenskommelser och samverkansstrukturer som de har gemensamt.",
                [me, shared],
                [(org.id, node.key) for node in shared],
            )
        edges = [(org.id, f"c:{collab.id}") for collab in collabs]
        edges += [(f"c:{collab.id}", partner.id) for partner, through in partners for collab in through]
        return columns(
            f"Vilka {org.name} samverkar med",
            f"Till vänster {org.name}, i mitten de samverkansöverenskommelser och samverkansstrukturer som "
            "organisationen deltar i, till höger de andra parterna i var och en.",
            [
                me,
                [
                    Node(f"c:{c.id}", self.catalog.title(c), standing(c, self.catalog.today).stage.label)
                    for c in collabs
                ],
                [Node(partner.id, partner.name) for partner, _ in partners],
            ],
            edges,
        )

    def collaboration(self, collab: Collaboration) -> Drawing:
        """The parties on the left, each with its role, and the collaboration on the right."""
        name = self.catalog.title(collab)
        parties = [
            Node(f"p:{n}", self.catalog.organisations[party.organisation].name, party.role.label)
            for n, party in enumerate(collab.parties)
        ]
        return columns(
            f"Parter och deltagare i {name}",
            f"Till vänster organisationerna med sina roller, till höger {name}.",
            [parties, [Node("c", name, standing(collab, self.catalog.today).stage.label, "self")]],
            [(party.key, "c") for party in parties],
        )

    def network(self, group: Group) -> Drawing:
        nodes = group.nodes
        index = {org.id: n for n, org in enumerate(nodes)}
        guests = {org.id: county.label for org in group.guests if (county := county_of(self.catalog, org))}
        labels = [
            (
                org.name + (f" ({guests[org.id]})" if org.id in guests else ""),
                "guest" if n >= len(group.members) else "",
            )
            for n, org in enumerate(nodes)
        ]
        return arcs(
            f"Samverkan mellan organisationer {group.among}",
            f"Organisationerna {group.among}, med en båge mellan två organisationer som samverkar. Ju fler "
            "samverkansöverenskommelser och samverkansstrukturer de har gemensamt, desto tjockare båge. "
            "Organisationer i andra län står sist, i kursiv stil.",
            labels,
            [(index[a], index[b], len(shared)) for (a, b), shared in group.links.items()],
        )

    def timeline(self, group: Group) -> Drawing | None:
        bars = timeline_rows(self.catalog, group.collaborations)
        if not bars:
            return None
        stages = [stage for stage in Stage if any(bar.kind == stage.value for bar in bars)]
        return timeline(
            f"Tidslinje: {group.title}",
            f"Perioderna för samverkan där organisationer {group.among} deltar, på en tidsaxel i år, med dagens "
            "datum markerat.",
            bars,
            self.catalog.today,
            [(stage.value, stage.label) for stage in stages]
            + [("open", "Streckad kant: början eller slut anges inte")],
        )

    def files(self) -> list[OutputFile]:
        catalog, found = self.catalog, []
        for org in catalog.organisations.values():
            if catalog.partners(org.id):
                found.append(OutputFile(organisation_diagram(org.id), self.svg(self.organisation(org))))
        for collab in catalog.collaborations.values():
            if len(collab.parties) > 1:
                found.append(OutputFile(collaboration_diagram(collab.id), self.svg(self.collaboration(collab))))
        for group in groups(catalog):
            found.append(OutputFile(network_diagram(group.key), self.svg(self.network(group))))
            drawn = self.timeline(group)
            if drawn:
                found.append(OutputFile(timeline_diagram(group.key), self.svg(drawn)))
        return found


def timeline_rows(catalog: Catalog, collabs: Sequence[Collaboration]) -> list[Bar]:
    """The collaborations that have a period with a start or an end, as bars, in the order of the
    timeline's table."""
    bars = []
    for collab in by_period(collabs):
        start, end = period_days(collab)
        bars.append(Bar(catalog.title(collab), start, end, standing(collab, catalog.today).stage.value))
    return bars


def diagram_files(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    """Every diagram of the site (see the module's description)."""
    return Diagrams(catalog).files()
