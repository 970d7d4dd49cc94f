"""JSON Schema for each record kind, generated from the models: the one source of truth.

The schemas are committed in data/schemas/ for editors' tools (VS Code completes keys and shows
the Swedish help on hover), published on the site, and a test keeps them in step with the models.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import yaml

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.outputs import OutputFile
from samverkan.settings import Settings

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def _for_editors(definition: dict[str, Any]) -> None:
    """A model's docstring is for developers: editors see its Swedish title (model_config) only.
    Vocabularies describe themselves (Vocabulary.__get_pydantic_json_schema__)."""
    if "enum" not in definition:
        definition.pop("description", None)
    # Every model inherits `visibility` first; editors read and fill in what a record is before
    # who may see it, so the schema, the guide, `new` and the form editor all put it last.
    properties = definition.get("properties", {})
    if "visibility" in properties:
        properties["visibility"] = properties.pop("visibility")


@cache
def record_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, with Swedish titles throughout (made once; read only)."""
    model = KINDS[kind].model
    schema = model.model_json_schema()
    for definition in [schema, *schema.get("$defs", {}).values()]:
        _for_editors(definition)
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for prop in definition.get("properties", {}).values():
            # Pydantic leaves out a field's title when it equals the title of the type it refers to.
            if "title" not in prop and "$ref" in prop:
                prop["title"] = schema["$defs"][ref_name(prop["$ref"])]["title"]
    schema["description"] = f"En post i data/{kind}/. Filnamnet är postens id."
    return {"$schema": SCHEMA_URI, "$id": schema_file(kind), **schema}


def ref_name(ref: str) -> str:
    """The definition a `$ref` points at: "#/$defs/Party" → "Party"."""
    return ref.rsplit("/", 1)[-1]


def variants(prop: dict[str, Any]) -> list[dict[str, Any]]:
    """The non-null alternatives of a property."""
    options = prop.get("anyOf", [prop])
    return [option for option in options if option.get("type") != "null"]


def example_text(value: Any) -> str:
    """An example as editors write it: YAML on one line."""
    return (
        yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
        .strip()
        .removesuffix("...")
        .strip()
    )


def schema_text(kind: str) -> str:
    return json.dumps(record_schema(kind), ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """File name → schema text, for every kind."""
    return {schema_file(kind): schema_text(kind) for kind in KINDS}


def schema_files(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    """The output: every kind's schema at /schemas/, for editors' tools and for anyone who reads the data."""
    return [OutputFile(f"schemas/{name}", text.encode("utf-8")) for name, text in all_schemas().items()]
