"""Open data: the whole dataset as JSON, one JSON file per record, CSV tables, and a JSON Schema.

Keys are the YAML keys, values as the models hold them (dates as text: "2022", "2023-06",
"2023-06-30"); a field that is empty or at its default is left out, as in the data files. The
format is versioned (FORMAT_VERSION): a change that breaks a reader raises the major number.
Everything comes from the edition-filtered catalog, so the public edition's files hold nothing
internal. Files are written in a fixed order and hold no build time: the same data gives the
same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.model.records import Collaboration, Record, Visibility
from samverkan.outputs import OutputFile
from samverkan.outputs.schemas import schema_file
from samverkan.settings import Settings

FOLDER = "oppna-data"
FORMAT = "samverkansportalen"
FORMAT_VERSION = "1.1"
"""1.1 added organisations' county (and its column in organisationer.csv)."""
DATASET = f"{FOLDER}/samverkan.json"
SCHEMA = f"{FOLDER}/samverkan.schema.json"
LICENSE = "CC0-1.0"
LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"


def record_data(record: Record) -> dict[str, Any]:
    """A record as open data: the YAML keys, without what is empty or at its default."""
    return record.model_dump(mode="json", exclude_defaults=True)


def dataset(catalog: Catalog) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "license": LICENSE,
        "records": {kind: [record_data(record) for record in catalog.records[kind].values()] for kind in KINDS},
    }


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of both files: the dataset, and one record; records by their kind's schema."""
    envelope = {
        "format": {"const": FORMAT},
        "version": {"const": FORMAT_VERSION, "description": "Formatets version."},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "samverkan.schema.json",
        "title": "Samverkansportalen, öppna data",
        "description": f"Hela datamängden ({DATASET.rsplit('/', 1)[-1]}) eller en post (SLAG/ID.json).",
        "oneOf": [{"$ref": "#/$defs/dataset"}, {"$ref": "#/$defs/record"}],
        "$defs": {
            "dataset": {
                "type": "object",
                "required": ["format", "version", "license", "records"],
                "additionalProperties": False,
                "properties": {
                    **envelope,
                    "license": {"const": LICENSE},
                    "records": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            kind: {"type": "array", "items": {"$ref": f"../schemas/{schema_file(kind)}"}}
                            for kind in KINDS
                        },
                    },
                },
            },
            "record": {
                "type": "object",
                "required": ["format", "version", "kind", "record"],
                "additionalProperties": False,
                "properties": {**envelope, "kind": {"enum": list(KINDS)}, "record": {"type": "object"}},
                "oneOf": [
                    {
                        "properties": {"kind": {"const": kind}, "record": {"$ref": f"../schemas/{schema_file(kind)}"}},
                    }
                    for kind in KINDS
                ],
            },
        },
    }


@dataclass(frozen=True)
class Table:
    """A CSV table: its file, its columns, and its rows from the catalog."""

    name: str
    title: str
    columns: list[str]
    rows: Callable[[Catalog], Iterable[list[Any]]]


def _cell(value: Any) -> str:
    """A value in a CSV cell: a list as a JSON array (its texts may hold any separator), an item's
    visibility as "intern" or empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return (
            json.dumps(
                [
                    item.model_dump(mode="json", exclude_defaults=True) if hasattr(item, "model_dump") else item
                    for item in value
                ],
                ensure_ascii=False,
            )
            if value
            else ""
        )
    if isinstance(value, Visibility):
        return "intern" if value is Visibility.intern else ""
    return str(value)


def _collab_rows(catalog: Catalog) -> Iterable[list[Any]]:
    for c in catalog.collaborations.values():
        period = c.period
        yield [
            c.id,
            c.name,
            c.short_name,
            c.kind.value,
            c.status.value,
            c.status_note,
            period.start if period else None,
            period.end if period else None,
            period.note if period else None,
            c.case.reference if c.case else None,
            c.case.organisation if c.case else None,
            c.predecessor,
            c.visibility,
        ]


def _each(catalog: Catalog, items: Callable[[Collaboration], Iterable[Any]]) -> Iterable[tuple[Collaboration, Any]]:
    for collab in catalog.collaborations.values():
        for item in items(collab):
            yield collab, item


TABLES = [
    Table(
        "organisationer",
        "Organisationer och organ",
        ["id", "name", "short_name", "classification", "parent", "county", "description", "identifiers", "visibility"],
        lambda catalog: (
            [
                o.id,
                o.name,
                o.short_name,
                o.classification.value,
                o.parent,
                o.county.value if o.county else None,
                o.description,
                o.identifiers,
                o.visibility,
            ]
            for o in catalog.organisations.values()
        ),
    ),
    Table(
        "samverkan",
        "Samverkan",
        [
            "id",
            "name",
            "short_name",
            "kind",
            "status",
            "status_note",
            "period_start",
            "period_end",
            "period_note",
            "case_reference",
            "case_organisation",
            "predecessor",
            "visibility",
        ],
        _collab_rows,
    ),
    Table(
        "parter",
        "Parter och deltagare",
        ["collaboration", "organisation", "role", "note"],
        lambda catalog: ([c.id, p.organisation, p.role.value, p.note] for c, p in _each(catalog, lambda c: c.parties)),
    ),
    Table(
        "omraden",
        "Prioriterade områden och tvärgående perspektiv",
        ["collaboration", "area", "use", "period_start", "period_end", "focus", "goals", "note", "visibility"],
        lambda catalog: [
            *(
                [
                    c.id,
                    a.area,
                    "prioriterat_omrade",
                    a.period.start if a.period else None,
                    a.period.end if a.period else None,
                    a.focus,
                    a.goals,
                    None,
                    a.visibility,
                ]
                for c, a in _each(catalog, lambda c: c.priority_areas)
            ),
            *(
                [c.id, p.area, "tvargaende_perspektiv", None, None, None, None, p.note, p.visibility]
                for c, p in _each(catalog, lambda c: c.perspectives)
            ),
        ],
    ),
    Table(
        "moten",
        "Återkommande möten",
        [
            "collaboration",
            "name",
            "months",
            "level",
            "participants",
            "participants_note",
            "prepared_by",
            "description",
            "visibility",
        ],
        lambda catalog: (
            [
                c.id,
                m.name,
                m.months,
                m.level,
                m.participants,
                m.participants_note,
                m.prepared_by,
                m.description,
                m.visibility,
            ]
            for c, m in _each(catalog, lambda c: c.meetings)
        ),
    ),
    Table(
        "uppdrag",
        "Uppdrag",
        ["collaboration", "text", "responsible", "when", "visibility"],
        lambda catalog: (
            [c.id, a.text, a.responsible, a.when, a.visibility] for c, a in _each(catalog, lambda c: c.assignments)
        ),
    ),
    Table(
        "beslut",
        "Beslut och förslag till beslut",
        [
            "collaboration",
            "kind",
            "title",
            "points",
            "body",
            "proposed_by_organisation",
            "proposed_by_post",
            "date",
            "case_reference",
            "case_organisation",
            "basis",
            "visibility",
        ],
        lambda catalog: (
            [
                c.id,
                d.kind.value,
                d.title,
                d.points,
                d.body,
                d.proposed_by.organisation if d.proposed_by else None,
                d.proposed_by.post if d.proposed_by else None,
                d.date,
                d.case.reference if d.case else None,
                d.case.organisation if d.case else None,
                d.basis,
                d.visibility,
            ]
            for c, d in _each(catalog, lambda c: c.decisions)
        ),
    ),
    Table(
        "styrdokument",
        "Styrdokument",
        ["id", "name", "kind", "state", "organisations", "adopted_by", "period_start", "period_end", "visibility"],
        lambda catalog: (
            [
                d.id,
                d.name,
                d.kind.value,
                d.state.value,
                d.organisations,
                d.adopted_by,
                d.period.start if d.period else None,
                d.period.end if d.period else None,
                d.visibility,
            ]
            for d in catalog.documents.values()
        ),
    ),
]
"""The CSV tables, one file each: a row per record, or per item of a collaboration (its
`collaboration` column names it). A list in one cell is a JSON array. The tables hold the main
fields; the JSON files hold everything."""


def csv_bytes(table: Table, catalog: Catalog) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(table.columns)
    writer.writerows([_cell(value) for value in row] for row in table.rows(catalog))
    return out.getvalue().encode("utf-8")


def open_data_listing() -> list[tuple[str, str]]:
    """The files a reader chooses from, each with what it holds (the file per record aside)."""
    return [
        (DATASET, "Hela datamängden, alla poster (JSON)"),
        *((f"{FOLDER}/{table.name}.csv", f"{table.title} (CSV)") for table in TABLES),
        (SCHEMA, "Formatet som JSON Schema"),
    ]


def open_data_files(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    """The output: the dataset, a file per record, the tables and the schema, under /oppna-data/."""
    files = [OutputFile(DATASET, _json(dataset(catalog))), OutputFile(SCHEMA, _json(schema()))]
    files += [OutputFile(f"{FOLDER}/{table.name}.csv", csv_bytes(table, catalog)) for table in TABLES]
    files += [
        OutputFile(
            f"{FOLDER}/{kind}/{record.id}.json",
            _json({"format": FORMAT, "version": FORMAT_VERSION, "kind": kind, "record": record_data(record)}),
        )
        for kind in KINDS
        for record in catalog.records[kind].values()
    ]
    return files
