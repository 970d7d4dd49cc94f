"""Render phase: Jinja templates turn the catalog into Markdown pages.

Text from data is data: every value is Markdown-escaped and HTML-escaped on output, and data is
only ever passed to templates as variables, so `{{ … }}` in data is never evaluated.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from samverkan.model import records as models
from samverkan.catalog.lifecycle import SOON, Stage, Standing, evaluation_due, standing, undecided
from samverkan.outputs import OutputFile
from samverkan.outputs.calendar import ALL as CALENDAR
from samverkan.outputs.calendar import collaboration_feed, organisation_feed
from samverkan.outputs.dcat import JSONLD as DCAT_JSONLD
from samverkan.outputs.dcat import XML as DCAT_XML
from samverkan.outputs.diagrams import collaboration_diagram, network_diagram, organisation_diagram, svg_size
from samverkan.outputs.diagrams import timeline_diagram
from samverkan.outputs.editor import editor_enabled
from samverkan.outputs.opendata import FOLDER as OPEN_DATA
from samverkan.outputs.opendata import FORMAT_VERSION, LICENSE_URL, open_data_listing
from samverkan.site.guide import field_reference, record_template, sv_number
from samverkan.catalog.link import Catalog, collaborations_in
from samverkan.catalog.network import Group, by_period, county_of, groups, undated
from samverkan.settings import Settings
from samverkan.ingest.load import EXTENSION, MAX_FILE_BYTES
from samverkan.site.markup import render_markdown
from samverkan.model.dates import MONTHS, sv_date
from samverkan.model.kinds import KINDS
from samverkan.outputs.schemas import schema_file

TEMPLATES = Path(__file__).parent / "templates"

GUIDE_PATH = "redaktorer.md"
ABBREVIATIONS_PATH = "forkortningar.md"
ABBREVIATIONS = Path(__file__).parent / "resources" / "abbreviations.yml"
_ABBREVIATION = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,9}")
"""What counts as an abbreviation: two to ten capitals and digits, as HSN, RUN, KL and ANDTS."""
ACCESSIBILITY_PATH = "tillganglighet.md"
FOLLOW_UP_PATH = "uppfoljning.md"
OPEN_DATA_PATH = "oppna-data.md"
YEAR_PLAN_PATH = "arsplan.md"
NETWORK_PATH = "natverk.md"
TIMELINE_PATH = "tidslinje.md"
COUNTY_FOLDER = "lan"

_WHITESPACE = re.compile(r"\s+")
limits = {
    "name": sv_number(models.MAX_NAME),
    "text": sv_number(models.MAX_TEXT),
    "nesting": models.MAX_NESTING,
    "brackets": models.MAX_BRACKETS,
    "lines": models.MAX_LINES,
    "first_year": models.FIRST_YEAR,
    "last_year": models.LAST_YEAR,
    "reserved": sorted(models.RESERVED_IDS),
    "extension": EXTENSION,
    "file_kib": MAX_FILE_BYTES // 1024,
}
"""The rules of the data files that the editors' guide states, taken from where they are enforced."""
# Every character Python-Markdown lets a backslash escape, and | for tables. Escaping them all,
# wherever they stand, keeps a value from becoming a heading, list, link, emphasis or attribute.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass(frozen=True)
class Page:
    """A generated Markdown page, and the data file it is edited in (None for pages made from many
    records)."""

    path: str
    content: str
    source: str | None = None


def md_escape(value: Any) -> Any:
    """Make a plain-text value print literally in Markdown: one line, specials escaped."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _md_escape_text(value)


@lru_cache(maxsize=65536)
def _md_escape_text(text: str) -> str:
    """Names recur on thousands of pages at national scale; each is escaped once."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))


def file_size(size: int) -> str:
    """A file's size as Swedish writes it: 850 byte, 12 kB, 1,4 MB (1 kB is 1 000 byte)."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


@jinja2.pass_context
def subscribe(context: Any, path: str) -> Markup:
    """A link to a calendar feed, for a calendar program to subscribe to; empty without a feed."""
    if not path:
        return Markup("")
    return Markup("[Prenumerera]({}) (iCalendar: möten och datum att följa upp)").format(href(context, path))


@jinja2.pass_context
def diagram(context: Any, path: str, alt: str, lazy: bool = False) -> Markup:
    """A diagram (outputs/diagrams.py) as an image with its size, so that the page does not shift as
    it loads, as a paragraph of its own; empty when there is none. The alt text says where the same
    relations are in text."""
    content = context["files"].get(path)
    if content is None:
        return Markup("")
    width, height = svg_size(content)
    return Markup('![{}]({}){{ .samverkan-diagram width="{}" height="{}"{} }}\n\n').format(
        md_escape(alt), href(context, path), width, height, Markup(' loading="lazy"') if lazy else ""
    )


def county_page(group: Group) -> str:
    return f"{COUNTY_FOLDER}/{group.key}.md"


@jinja2.pass_context
def county(context: Any, org: Any) -> Markup:
    """A link to the page of the organisation's county (its own, or its parent's); empty without one."""
    found = county_of(context["catalog"], org)
    if found is None:
        return Markup("")
    return Markup("[{}]({})").format(found.label, href(context, county_page(Group(found))))


def status_sources(collab: Any) -> list[str]:
    """Where, and as of when, a collaboration's status is stated: its newest source document
    ("tjänsteskrivelse 30 juni 2023"), and the editor's note on it."""
    parts = [collab.status_note] if collab.status_note else []
    if collab.source_documents:
        doc = max(collab.source_documents, key=lambda doc: doc.date or "")
        parts.insert(
            0, f"{doc.kind.label.lower()} {sv_date(doc.date)}" if doc.date else f"{doc.kind.label.lower()}, odaterad"
        )
    return parts


def badge(found: Standing) -> Markup:
    """A collaboration's stage as a badge: its name in text, the colour only beside it."""
    return Markup('<span class="samverkan-status samverkan-status--{}">{}</span>').format(found.stage.value, found.stage.label)


def status_line(collab: Any, today: date) -> Markup:
    """The stage on the day of the build, and its grounds: "Förslag (tjänsteskrivelse 30 juni 2023)",
    or, when the dates have overtaken the recorded status, "Utgången (perioden slutade 31 december
    2024; gällande enligt tjänsteskrivelse 30 juni 2023)"."""
    found = standing(collab, today)
    grounds = status_sources(collab)
    if found.stage.value != collab.status.value and found.ended:
        recorded = collab.status.label.lower()
        stated = "; ".join(part if part.startswith("enligt") else f"enligt {part}" for part in grounds)
        grounds = [
            f"perioden slutade {sv_date(collab.period.end)}",
            f"{recorded} {stated}" if stated else f"registrerad som {recorded}",
        ]
    return badge(found) + (Markup(" ({})").format(_md_escape_text("; ".join(grounds))) if grounds else "")


def date_label(value: str | None) -> str:
    """What a partial date is called: a year is not a date."""
    return {4: "År", 7: "Månad"}.get(len(value or ""), "Datum")


NUMBER_WORDS = ["noll", "", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]


def counted(number: int, singular: str, plural: str, article: str = "en") -> str:
    """A number and its noun in running text, as Myndigheternas skrivregler write them: numbers up
    to twelve in words, larger ones in digits. "ett lagrum", "tre organisationer", "13 organisationer"."""
    if number == 1:
        return f"{article} {singular}"
    return f"{NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else number} {plural}"


def lower_first(title: str) -> str:
    """A title inside a sentence or list, lower case as Swedish writes it: "regiondirektör", but
    "HR-direktör" and "HOSPA" as they are."""
    return title[0].lower() + title[1:] if title[1:2].islower() else title


def sv_join(items: list[str]) -> str:
    """a, b och c."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1] if items else ""


def month_names(months: list[int]) -> str:
    return sv_join([MONTHS[month - 1] for month in months])


@jinja2.pass_context
def href(context: Any, kind: str, record_id: str | None = None) -> Markup:
    """A link target relative to the page being rendered, so that MkDocs checks it."""
    target = KINDS[kind].page(record_id) if kind in KINDS else kind
    return Markup(relative(target, posixpath.dirname(context["page_path"])))


INTERN_BADGE = Markup(' <span class="samverkan-intern">Intern</span>')


def intern(item: Any) -> Markup:
    """The badge an internal record or item carries in the intranet edition."""
    return INTERN_BADGE if item.internal else Markup("")


@jinja2.pass_context
def link(context: Any, kind: str, record: Any) -> Markup:
    """[Name](relative/path.md), escaped, with the intern badge when it applies."""
    badge = INTERN_BADGE if record.internal else ""
    title = context["catalog"].title(record)
    return Markup(f"[{escape(md_escape(title))}]({href(context, kind, record.id)}){badge}")


@jinja2.pass_context
def org(context: Any, org_id: str) -> Markup:
    return link(context, "organisations", context["catalog"].organisations[org_id])


@jinja2.pass_context
def record_links(context: Any, kind: str, items: Any) -> Markup:
    return Markup(", ").join(link(context, kind, record) for record in items)


@jinja2.pass_context
def links(context: Any, kind: str, ids: Any) -> Markup:
    found = context["catalog"].records[kind]
    return record_links(context, kind, [found[record_id] for record_id in ids])


@lru_cache(maxsize=4096)
def _split(folder: str) -> tuple[str, ...]:
    return tuple(folder.split("/")) if folder else ()


@lru_cache(maxsize=65536)
def relative(target: str, folder: str) -> str:
    """posixpath.relpath for the docs' own relative paths, without touching the file system."""
    target_dir, _, name = target.rpartition("/")
    start, parts = _split(folder), _split(target_dir)
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + list(parts[common:]) + [name])


def sv_period(period: Any) -> str:
    """A period in Swedish: 2022–2024, från februari 2018, till 14 oktober 2026, with its note."""
    if period is None:
        return ""
    start, end = sv_date(period.start), sv_date(period.end)
    text = f"{start}–{end}" if start and end else f"från {start}" if start else f"till {end}" if end else ""
    if period.note:
        text = f"{text} ({period.note})" if text else period.note
    return text


def abbreviations(catalog: Catalog) -> dict[str, str]:
    """Abbreviation → meaning: the short names of organisations and laws, and the list in
    resources/abbreviations.yml for those that name no record; sorted."""
    found = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8")) or {}
    for kind in ("organisations", "legal"):
        for record in catalog.records[kind].values():
            short = getattr(record, "short_name", None)
            if short and _ABBREVIATION.fullmatch(short) and not record.internal:
                found.setdefault(short, record.name)
    return {key: " ".join(str(found[key]).split()) for key in sorted(found)}


class Renderer:
    """One Jinja environment for every page; templates are files in templates/."""

    def __init__(self, catalog: Catalog, site: Settings, files: dict[str, bytes] | None = None) -> None:
        self.catalog = catalog
        self.site = site
        self.files = files or {}
        """The outputs' files, by path, which pages may link to."""
        self.groups = groups(catalog)
        self.abbreviations = abbreviations(catalog)
        # One search per page for all of them: a search per abbreviation cost 0.7 s at national scale.
        keys = "|".join(map(re.escape, sorted(self.abbreviations, key=len, reverse=True)))
        self.abbreviation_pattern = re.compile(rf"(?<![\w-])({keys})(?![\w-])") if keys else None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(
                [TEMPLATES, *dict.fromkeys(kind.template_dir for kind in KINDS.values() if kind.template_dir)]
            ),
            autoescape=True,
            finalize=md_escape,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters.update(
            label=lambda value: value.label,
            sv_date=sv_date,
            date_label=date_label,
            status_line=lambda collab: status_line(collab, catalog.today),
            stage=lambda collab: badge(standing(collab, catalog.today)),
            badge=badge,
            months=month_names,
            sv_join=sv_join,
            counted=counted,
            lower_first=lower_first,
            markdown=render_markdown,
            period=sv_period,
            org_name=lambda org_id: catalog.organisations[org_id].name,
            collaborations=collaborations_in,
            file_size=file_size,
        )
        self.env.globals.update(
            catalog=catalog,
            site=site,
            kinds=KINDS,
            href=href,
            link=link,
            org=org,
            record_links=record_links,
            links=links,
            intern=intern,
            feed=self.feed,
            changes=self.changes,
            subscribe=subscribe,
            files=self.files,
            diagram=diagram,
            organisation_diagram=organisation_diagram,
            collaboration_diagram=collaboration_diagram,
            network_diagram=network_diagram,
            timeline_diagram=timeline_diagram,
            county_page=county_page,
            county=county,
            by_period=by_period,
            undated=undated,
        )

    def render(self, template: str, path: str, source: str | None = None, **context: Any) -> Page:
        markdown = self.env.get_template(template).render(page_path=path, **context)
        return Page(path, markdown + self.abbreviations_in(markdown), source)

    def abbreviations_in(self, markdown: str) -> str:
        """Python-Markdown's abbreviation definitions for those the page uses: each is then shown with
        its meaning on hover and focus (Material's content.tooltips)."""
        found = set(self.abbreviation_pattern.findall(markdown)) if self.abbreviation_pattern else set()
        used = [key for key in self.abbreviations if key in found]
        return "".join(f"\n*[{key}]: {self.abbreviations[key]}" for key in used) + ("\n" if used else "")

    def guide(self) -> Page:
        """The editors' guide: field reference and templates come from the schema, never written twice."""
        kinds = list(KINDS)
        return self.render(
            "guide.md.j2",
            GUIDE_PATH,
            references={kind: field_reference(kind) for kind in kinds},
            templates={kind: record_template(kind, "ny-post", "Namn på posten") for kind in kinds},
            schema_file=schema_file,
            limits=limits,
            editor=editor_enabled(self.site),
        )

    def changes(self, record: Any) -> list[Any]:
        """The record's data file's latest changes in git (ingest/history.py); none outside git."""
        kind = next(key for key, kind in KINDS.items() if isinstance(record, kind.model))
        return self.catalog.history.get(self.catalog.sources.get((kind, record.id), ""), [])

    def feed(self, kind: str, record_id: str) -> str:
        """The record's calendar feed, if it has one (outputs/calendar.py)."""
        path = (collaboration_feed if kind == "collaborations" else organisation_feed)(record_id)
        return path if path in self.files else ""

    def open_data(self, files: list[OutputFile]) -> Page:
        """The open data: every file but the one per record, with its size and format, the licence, and an example."""
        sizes = {file.path: len(file.content) for file in files}
        listed = [(path, title, sizes[path]) for path, title in open_data_listing() if path in sizes]
        per_record = [file.path for file in files if file.path.count("/") == 2 and file.path.startswith(OPEN_DATA + "/")]
        return self.render(
            "open_data.md.j2",
            OPEN_DATA_PATH,
            listed=listed,
            per_record=per_record,
            dcat=[path for path in (DCAT_XML, DCAT_JSONLD) if path in sizes],
            version=FORMAT_VERSION,
            license_url=LICENSE_URL,
        )

    def year_plan(self) -> Page:
        """The recurring meetings month by month, with the feed to subscribe to."""
        meetings = [(c, m) for c in self.catalog.collaborations.values() for m in c.meetings]
        return self.render(
            "year_plan.md.j2",
            YEAR_PLAN_PATH,
            months=[(name, [(c, m) for c, m in meetings if number in m.months]) for number, name in enumerate(MONTHS, 1)],
            without_month=[(c, m) for c, m in meetings if not m.months],
            feed_all=CALENDAR if CALENDAR in self.files else "",
        )

    def follow_up(self) -> Page:
        """What needs following up on the day of the build (catalog/lifecycle.py)."""
        today, collabs = self.catalog.today, list(self.catalog.collaborations.values())
        stages = [(collab, standing(collab, today)) for collab in collabs]
        return self.render(
            "follow_up.md.j2",
            FOLLOW_UP_PATH,
            ended=[(c, found) for c, found in stages if found.stage in (Stage.utgangen, Stage.utvardering_forfallen)],
            due=[(c, found) for c, found in stages if found.stage is Stage.pa_prov and evaluation_due(c, today)],
            soon_days=SOON.days,
            undecided=[c for c in collabs if undecided(c)],
            unassigned=[(c, a) for c in collabs for a in c.assignments if not a.responsible],
        )

    def network(self) -> list[Page]:
        """Who collaborates with whom and when: the overview pages, and a page per county with the
        same relations as lists and tables (catalog/network.py)."""
        return [
            self.render("network.md.j2", NETWORK_PATH, groups=self.groups),
            self.render("timeline.md.j2", TIMELINE_PATH, groups=self.groups),
            *(self.render("county.md.j2", county_page(group), group=group) for group in self.groups),
        ]

    def render_all(self) -> list[Page]:
        """Every generated page: start page, index page per kind and a page per record."""
        catalog = self.catalog
        pages = [self.render("start.md.j2", "index.md")]
        for kind in KINDS.values():
            records = catalog.records[kind.key]
            pages.append(self.render(kind.index_template, kind.page(), kind=kind, records=list(records.values())))
            pages.extend(
                self.render(
                    kind.page_template, kind.page(record.id), catalog.sources[(kind.key, record.id)], record=record
                )
                for record in records.values()
            )
        pages.append(self.guide())
        pages.append(self.render("accessibility.md.j2", ACCESSIBILITY_PATH))
        pages.append(self.follow_up())
        pages.append(self.year_plan())
        pages.extend(self.network())
        pages.append(self.render("abbreviations.md.j2", ABBREVIATIONS_PATH, abbreviations=self.abbreviations))
        return pages


def render_site(catalog: Catalog, site: Settings, files: list[OutputFile] | None = None) -> list[Page]:
    """Every page; with the outputs' files, pages link the calendar feeds among them, and the
    open-data page lists them (without, it is left out)."""
    renderer = Renderer(catalog, site, {file.path: file.content for file in files or []})
    pages = renderer.render_all()
    if files is not None:
        pages.append(renderer.open_data(files))
    return pages


def error_banner(problems: list[Any], stale: bool) -> str:
    """The errors as an HTML banner, for make serve while the data has errors (errors.html.j2)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
    shown = [
        {"path": p.path, "line": p.line, "column": p.column, "text": ("varning: " if p.warning else "") + p.text()}
        for p in problems
    ]
    count = counted(sum(not p.warning for p in problems), "fel", "fel", "ett")  # warnings are listed, not counted
    return env.get_template("errors.html.j2").render(problems=shown, stale=stale, count=count)


def error_pages(problems: list[Any]) -> list[Page]:
    """The pages of a site that could not be built: the banner at every address in the navigation,
    so that make serve answers with the errors instead of nothing."""
    banner = error_banner(problems, stale=False)
    paths = [
        "index.md",
        *(kind.page() for kind in KINDS.values()),
        GUIDE_PATH,
        ABBREVIATIONS_PATH,
        ACCESSIBILITY_PATH,
        FOLLOW_UP_PATH,
        OPEN_DATA_PATH,
        YEAR_PLAN_PATH,
        NETWORK_PATH,
        TIMELINE_PATH,
    ]
    return [Page(path, f"# Data innehåller fel\n\n{banner}\n") for path in paths]
