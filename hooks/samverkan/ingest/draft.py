"""A draft record from what a case document says (extract.py), for an editor to finish.

Only what the rules found is filled in, each value with the line of the source as a comment. What
the editor must decide (the kind of collaboration, its status, each party's role) has a value that
passes the check and says KONTROLLERA; what the draft cannot know is left out and listed in the
report. Organisations the document names that the data does not have yet are proposed as draft
organisation records of their own, never left as ids that point nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from samverkan.dev.generate import RESOURCES
from samverkan.ingest.extract import _CANONICAL, Extracted, Found
from samverkan.model.fold import slug
from samverkan.model.records import County
from samverkan.outputs.schemas import schema_file

TEMPLATES = Path(__file__).parent / "templates"
MAX_ID = 80
SOURCE_KINDS = {
    "tjänsteskrivelse": "tjansteskrivelse",
    "protokollsutdrag": "protokoll",
    "överenskommelse": "overenskommelse",
}
LIST_FIELDS = [("syfte", "purposes"), ("uppdrag", "assignments")]
"""A list whose heading has the word goes into the field: "Syftet med överenskommelsen är att:"."""


@dataclass
class Draft:
    """The files to write (path relative to the data folder → text) and the report."""

    files: dict[str, str] = field(default_factory=dict)
    report: str = ""


def yaml_value(value: Any) -> str:
    """A value as YAML on one line, quoted when it must be: text from a document is data."""
    return (
        yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9).removesuffix("\n...\n").strip()
    )


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # YAML and Markdown: values go through yaml_value or are Markdown-escaped
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["yaml"] = yaml_value
    env.filters["running_title"] = running_title
    return env


def _counties() -> dict[str, County]:
    """Canonical organisation name (as extract.py gives it) → its county, for every region, county
    administrative board and municipality that the gazetteer knows."""
    found: dict[str, County] = {}
    for county in yaml.safe_load((RESOURCES / "sverige.yml").read_text(encoding="utf-8")):
        value = County[slug(county["lan"]).replace("-", "_")]
        names = [county["region"], f"Länsstyrelsen {county['lan']}"]
        names += [
            name for place in county["kommuner"] for name in (f"{place} kommun", f"{place}s kommun", f"{place} stad")
        ]
        for name in names:
            if name in _CANONICAL:
                found[_CANONICAL[name]] = value
    return found


def known_ids(organisations: dict[str, Any]) -> dict[str, str]:
    """Canonical name (as extract.py gives it) → the id of the organisation record with that name."""
    found = {}
    for org in organisations.values():
        canonical = _CANONICAL.get(org.name)
        if canonical:
            found[canonical] = org.id
    return found


def running_title(title: str) -> str:
    """A title as the data writes it, in lower case as in running text: "Tf. Regiondirektör" →
    "tf. regiondirektör", "Chef HOSPA" → "chef HOSPA"."""
    return " ".join(
        word[:1].lower() + word[1:] if word[1:2].islower() or word[1:2] == "." else word for word in title.split()
    )


def _classification(name: str) -> str:
    return (
        "region"
        if name.startswith("Region") or name.endswith("regionen")
        else ("lansstyrelse" if name.startswith("Länsstyrelsen") else "kommun")
    )


def _short(key: str) -> str:
    """An id of at most MAX_ID characters, cut between words."""
    return key if len(key) <= MAX_ID else key[: MAX_ID + 1].rsplit("-", 1)[0]


def make_draft(
    found: Extracted,
    source: str,
    organisations: dict[str, Any],
    record_id: str | None,
    unresolved: list[tuple[int, str]] | None = None,
) -> Draft:
    """The draft collaboration, draft records for organisations new to the data, and the report."""
    title = found.title.value if found.title else ""
    key = record_id or _short(slug(title)) or "ny-samverkan"
    ids = known_ids(organisations)
    counties = _counties()
    new = [org for org in found.organisations if org.value not in ids]
    for org in new:
        ids[org.value] = slug(org.value)
    lists = [item for item in found.lists]
    fields: dict[str, Found] = {}
    for word, name in LIST_FIELDS:
        match = next((item for item in lists if word in item.value[0].lower()), None)
        if match:
            fields[name] = match
            lists.remove(match)
    kind = found.kind.value if found.kind else ""
    agreement = kind == "överenskommelse" or title.lower().startswith(("överenskommelse", "samverkansavtal", "avtal"))
    context = {
        "id": key,
        "title": found.title,
        "schema": schema_file("collaborations"),
        "source": source,
        "kind": "overenskommelse" if agreement or len(found.organisations) > 1 else "intern_struktur",
        "status": "gallande" if kind in ("överenskommelse",) else "forslag",
        "parties": [(ids[org.value], org) for org in found.organisations],
        "case": found.case_numbers[0] if found.case_numbers else None,
        "case_org": ids.get(found.case_numbers[0].value[1] or "") if found.case_numbers else None,
        "purposes": fields.get("purposes"),
        "assignments": fields.get("assignments"),
        "other_lists": lists,
        "found": found,
        "source_kind": SOURCE_KINDS.get(kind, "tjansteskrivelse"),
        "decision_kind": "beslut" if kind == "protokollsutdrag" else "forslag",
    }
    env = _environment()
    draft = Draft()
    draft.files[f"collaborations/{key}.yml"] = env.get_template("draft.yml.j2").render(context)
    for org in new:
        draft.files[f"organisations/{ids[org.value]}.yml"] = env.get_template("organisation.yml.j2").render(
            id=ids[org.value],
            org=org,
            classification=_classification(org.value),
            county=counties.get(org.value),
            schema=schema_file("organisations"),
            source=source,
        )
    draft.report = env.get_template("report.md.j2").render(
        context, new=new, ids=ids, files=list(draft.files), unresolved=unresolved or []
    )
    return draft
