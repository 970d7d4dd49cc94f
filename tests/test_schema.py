"""JSON Schemas: generated from the models, committed for editors' tools, and complete."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from samverkan.model.kinds import KINDS
from samverkan.model.records import Vocabulary
from samverkan.outputs.schemas import all_schemas, record_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "data" / "schemas"


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = SCHEMAS / name
    assert committed.is_file(), f"{committed} saknas: kör python -m samverkan schema"
    assert committed.read_text(encoding="utf-8") == all_schemas()[name], (
        "inaktuellt schema: kör python -m samverkan schema"
    )


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    models = {"": schema, **schema.get("$defs", {})}
    return [(model, key, prop) for model, body in models.items() for key, prop in body.get("properties", {}).items()]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_property_has_swedish_help(kind: str) -> None:
    schema = record_schema(kind)
    for model, key, prop in _properties(schema):
        assert prop.get("title"), (model, key)
        assert prop.get("description"), (model, key)
        assert prop.get("examples"), (model, key)
    classes = _classes(KINDS[kind].model)
    for name, definition in [(KINDS[kind].model.__name__, schema), *schema.get("$defs", {}).items()]:
        declared = classes[name]
        title = declared.__title__ if issubclass(declared, Vocabulary) else declared.model_config.get("title")
        assert title and definition["title"] == title, name  # each class states its own Swedish title
        if "enum" in definition:
            assert definition["enumDescriptions"] == [member.label for member in declared], name


def _classes(model: Any, found: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every model and vocabulary a model uses, by class name (as the schema's $defs name them)."""
    found = {} if found is None else found
    found[model.__name__] = model
    if isinstance(model, type) and issubclass(model, BaseModel):
        for info in model.model_fields.values():
            for inner in _types_in(info.annotation):
                if inner.__name__ not in found:
                    _classes(inner, found)
    return found


def _types_in(annotation: Any) -> list[type]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel | Vocabulary):
        return [annotation]
    return [found for arg in getattr(annotation, "__args__", ()) or () for found in _types_in(arg)]


def test_every_data_file_names_its_schema() -> None:
    for kind in KINDS:
        for file in sorted((ROOT / "data" / kind).glob("*.yml")):
            first = file.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json", file


def test_vscode_maps_each_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"data/schemas/{kind}.schema.json": f"data/{kind}/*.yml" for kind in KINDS}


def test_schemas_are_published_on_the_site(built_site: Path) -> None:
    for name, text in all_schemas().items():
        assert (built_site / "schemas" / name).read_text(encoding="utf-8") == text
