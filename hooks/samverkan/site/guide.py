"""The editors' guide, generated from the JSON Schema: field reference and a YAML template per kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from samverkan.model.kinds import KINDS
from samverkan.model.records import REF_KEY, SLUG_PATTERN
from samverkan.outputs.schemas import example_text, record_schema, ref_name, schema_file, variants


@dataclass(frozen=True)
class FieldRow:
    key: str
    title: str
    type: str
    required: bool
    description: str
    example: str


@dataclass(frozen=True)
class FieldTable:
    """The fields of one model: a record kind, or an object nested in it."""

    name: str
    title: str
    rows: list[FieldRow]


def type_text(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """A property's type in plain Swedish."""
    options = variants(prop)
    if len(options) > 1:
        return "datum: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"
    option = options[0]
    if "$ref" in option:
        target = defs[ref_name(option["$ref"])]
        if "enum" in target:
            return "ett av: " + ", ".join(target["enum"])
        return f"{target['title'].lower()} (se nedan)"
    if option.get("type") == "array":
        return "lista med " + type_text(option["items"], defs)
    if REF_KEY in option:
        return f"id för {KINDS[option[REF_KEY]].label}"
    if option.get("pattern") == SLUG_PATTERN:
        return "id: a–z, 0–9 och bindestreck"
    if option.get("type") == "integer":
        low, high = option.get("minimum"), option.get("maximum")
        return f"heltal {low}–{high}" if low is not None else "heltal"
    limit = f", högst {sv_number(option['maxLength'])} tecken" if "maxLength" in option else ""
    if option.get("contentMediaType") == "text/markdown":
        return f"text (Markdown){limit}"
    return f"text{limit}"


def sv_number(number: int) -> str:
    """20000 → 20 000, with a narrow no-break space as Swedish groups digits."""
    return f"{number:,}".replace(",", "\u202f")


def field_reference(kind: str) -> list[FieldTable]:
    """The record's own fields first, then each nested object once, in the order first met."""
    schema = record_schema(kind)
    defs = schema.get("$defs", {})
    tables: list[FieldTable] = []
    queue: list[tuple[str, dict[str, Any]]] = [(kind, schema)]
    seen = {kind}
    while queue:
        name, model = queue.pop(0)
        rows = []
        for key, prop in model["properties"].items():
            rows.append(
                FieldRow(
                    key,
                    prop["title"],
                    type_text(prop, defs),
                    key in model.get("required", []),
                    prop["description"],
                    example_text(prop["examples"][0]),
                )
            )
            for option in variants(prop):
                ref = option.get("$ref") or option.get("items", {}).get("$ref")
                target = ref_name(ref) if ref else None
                if target and target not in seen and "properties" in defs[target]:
                    seen.add(target)
                    queue.append((target, defs[target]))
        tables.append(FieldTable(name, model["title"], rows))
    return tables


def record_template(
    kind: str,
    record_id: str,
    name: str | None,
    given: dict[str, Any] | None = None,
) -> str:
    """A new record's YAML: required fields, optional ones as comments to uncomment.

    Without `given` (the guide), required fields hold the schema's examples. With it (`new`), they
    hold what the editor gave and are otherwise left empty, with what to fill in above them: a
    value only the editor knows is never guessed, so the check asks for it.
    """
    schema = record_schema(kind)
    required = schema.get("required", [])
    lines = [f"# yaml-language-server: $schema=../schemas/{schema_file(kind)}"]
    optional = []
    for key, prop in schema["properties"].items():
        if key == "id":
            value: Any = record_id
        elif key == "name" and name:
            value = name
        elif given and key in given:
            value = given[key]
        elif given is not None and key in required:
            lines.append(f"# Fyll i {prop['title']}: {prop['description']}")
            lines.append(f"{key}:")
            continue
        else:
            value = prop["examples"][0]
        block = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=100).rstrip()
        if key in required or (given and key in given):
            lines.append(block)
        else:
            optional.append(f"# {prop['title']}: {prop['description']}")
            optional.extend("# " + line for line in block.splitlines())
    lines.append("")
    lines.append("# Frivilliga fält: ta bort # framför de rader du vill använda och skriv in rätt uppgifter.")
    lines.extend(optional)
    return "\n".join(lines) + "\n"
