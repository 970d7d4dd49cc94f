"""JSON Schema for each record kind, generated from the models: the one source of truth.

The schemas are committed in data/schemas/ for editors' tools (VS Code completes keys and shows
the Swedish help on hover), published on the site, and a test keeps them in step with the models.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from samverkan.model.records import KINDS, LABELS

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"

MODEL_TITLES = {
    "Organisation": "Organisation eller organ",
    "Collaboration": "Samverkan",
    "Area": "Prioriterat område eller perspektiv",
    "Document": "Styrdokument",
    "LegalReference": "Lagrum",
    "Identifier": "Identifierare",
    "Post": "Befattning",
    "PostRef": "Befattning eller organisation",
    "Period": "Period",
    "Party": "Part eller deltagare",
    "AreaLink": "Prioriterat område",
    "Perspective": "Tvärgående perspektiv",
    "Meeting": "Återkommande möte",
    "Assignment": "Uppdrag",
    "CaseNumber": "Ärende",
    "Decision": "Beslut eller förslag",
    "RelatedCase": "Relaterat ärende",
    "LegalBasis": "Rättslig grund",
    "DocumentLink": "Styrdokument i samverkan",
    "Signatory": "Undertecknare",
    "Recipient": "Mottagare",
    "SourceDocument": "Källhandling",
    "ChangeNote": "Ändring",
    "Classification": "Typ av organisation",
    "CollaborationKind": "Typ av samverkan",
    "Status": "Status",
    "Role": "Roll",
    "DecisionKind": "Beslut eller förslag",
    "SourceKind": "Typ av handling",
    "DocumentKind": "Typ av styrdokument",
    "Visibility": "Synlighet",
}
"""Swedish titles for the models; their docstrings are for developers, not editors."""


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def _swedish(name: str, definition: dict[str, Any]) -> None:
    definition["title"] = MODEL_TITLES[name]
    definition.pop("description", None)
    if "enum" in definition:
        labels = [LABELS[value] for value in definition["enum"]]
        definition["description"] = "Ett av: " + ", ".join(
            f"{v} ({label})" for v, label in zip(definition["enum"], labels, strict=True)
        )
        definition["enumDescriptions"] = labels  # shown by VS Code's YAML extension


@cache
def record_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, with Swedish titles throughout (made once; read only)."""
    model = KINDS[kind]
    schema = model.model_json_schema()
    for name, definition in schema.get("$defs", {}).items():
        _swedish(name, definition)
    _swedish(model.__name__, schema)
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for prop in definition.get("properties", {}).values():
            # Pydantic leaves out a field's title when it equals the title of the type it refers to.
            if "title" not in prop and "$ref" in prop:
                prop["title"] = schema["$defs"][prop["$ref"].rsplit("/", 1)[-1]]["title"]
    schema["description"] = f"En post i data/{kind}/. Filnamnet är postens id."
    return {"$schema": SCHEMA_URI, "$id": schema_file(kind), **schema}


def schema_text(kind: str) -> str:
    return json.dumps(record_schema(kind), ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """File name → schema text, for every kind."""
    return {schema_file(kind): schema_text(kind) for kind in KINDS}
