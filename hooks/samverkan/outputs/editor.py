"""The form editor at /redigera/: Decap CMS, configured from the models, for editors without YAML.

The configuration (config.yml) is made from the JSON Schema of each kind, as the guide is: every
field with its Swedish title, description and example, vocabularies as selects with their Swedish
labels, references as relation widgets that search records by name, lists as lists. Decap CMS
itself is a pinned release that `make` fetches into vendor/ (see the Makefile); editor/ holds the
page and the script that reads and writes records the way the rest of the repository does.

Where it saves: under `make serve` into this checkout, through decap-server (editor_proxy); on
the published site into the repository, as a pull request (the editorial workflow), once the
repository and a way to log in are configured (Settings.editor_backend). Without either, the
site has no editor and the guide does not point to one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import yaml

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.model.records import REF_KEY
from samverkan.outputs import OutputFile
from samverkan.outputs.schemas import record_schema, ref_name, schema_file, variants
from samverkan.settings import Settings, SettingsError

FOLDER = "redigera"
RESOURCES = Path(__file__).with_name("editor")
VENDOR = {
    "decap-cms": ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt"),
    "yaml": ("dist/index.js", "dist/**/*.js", "LICENSE"),
}
"""What the editor serves of each pinned package in vendor/ (the Makefile fetches them)."""
SCRIPTS = ("samverkan-cms.js", "samverkan-format.js")
FORMAT = "samverkan-yml"
"""The file format editor/samverkan-cms.js registers: YAML as the repository writes it."""
_MARKDOWN = re.compile(r"[\\`*_\[\]<>]")
"""Decap shows a hint as Markdown: the help's own examples ("*kursiv*") are shown as written."""
NAME_LENGTH = 300
"""Names are one line (a string widget), longer texts a text area."""


def editor_enabled(settings: Settings) -> bool:
    """Whether this site has the form editor: locally under make serve, or published with a repository to save to."""
    return bool(settings.editor_proxy) or settings.editor_backend() is not None


def editor_files(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    """The output: the editor's page, its configuration and Decap CMS, under /redigera/."""
    if not editor_enabled(settings):
        return []
    page = jinja2.Environment(loader=jinja2.FileSystemLoader(RESOURCES), autoescape=True).get_template("index.html.j2")
    files = [
        OutputFile(f"{FOLDER}/index.html", page.render(site=settings).encode("utf-8")),
        OutputFile(f"{FOLDER}/config.yml", config_text(settings).encode("utf-8")),
        *(OutputFile(f"{FOLDER}/{name}", (RESOURCES / name).read_bytes()) for name in SCRIPTS),
    ]
    for package, patterns in VENDOR.items():
        folder = settings.vendor / package
        found = sorted({path for pattern in patterns for path in folder.glob(pattern)})
        if not (folder / patterns[0]).is_file():
            raise SettingsError(
                f"formulärredigeraren behöver {package} i {folder}, men den finns inte där; "
                "kör make build eller make serve, som hämtar den (npm behövs)"
            )
        files += [
            OutputFile(f"{FOLDER}/{package}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in found
        ]
    return files


def config_text(settings: Settings) -> str:
    header = "# Formulärredigerarens inställningar, skapade från datamodellen (samverkan/outputs/editor.py).\n"
    return header + yaml.safe_dump(editor_config(settings), allow_unicode=True, sort_keys=False, width=100)


def editor_config(settings: Settings) -> dict[str, Any]:
    """Decap CMS's configuration: where to save, and a collection per kind of record."""
    config: dict[str, Any] = {"locale": "sv"}
    backend = settings.editor_backend()
    if settings.editor_proxy:
        # decap-server writes each save into the checkout, where make serve rebuilds the preview.
        config["backend"] = backend or {"name": "git-gateway"}
        config["local_backend"] = {"url": settings.editor_proxy}
    else:
        assert backend is not None  # editor_enabled
        config["backend"] = {**backend, "squash_merges": True, "cms_label_prefix": "redigera/"}
        # Each save is a branch and a pull request; the checks run on it before anything is published.
        config["publish_mode"] = "editorial_workflow"
    config["media_folder"] = f"{_data_folder(settings)}/.media".lstrip("/")
    config["editor"] = {"preview": False}
    config["collections"] = [_collection(kind, settings) for kind in KINDS]
    return config


def _data_folder(settings: Settings) -> str:
    """The data folder as the backend names it: from the repository's root when published; under
    make serve decap-server is given the data folder itself (dev/editor_server.js)."""
    if settings.editor_proxy:
        return ""
    try:
        return settings.data.relative_to(settings.base).as_posix()
    except ValueError:
        return settings.data.name


def _collection(kind: str, settings: Settings) -> dict[str, Any]:
    schema = record_schema(kind)
    info = KINDS[kind]
    fields = _fields(schema, schema.get("$defs", {}))
    for field in fields:
        if field["name"] == "id":
            # Written above the id, as the first line of every file: editors' tools find the schema.
            field["comment"] = f"yaml-language-server: $schema=../schemas/{schema_file(kind)}"
    return {
        "name": kind,
        "label": info.title,
        "label_singular": info.singular.capitalize(),
        "folder": f"{_data_folder(settings)}/{kind}".lstrip("/"),
        "extension": "yml",
        "format": FORMAT,
        "create": True,
        # The file name is the record's id.
        "slug": "{{fields.id}}",
        "identifier_field": "name",
        "summary": "{{name}}",
        "sortable_fields": ["name"],
        "fields": fields,
    }


def _fields(model: dict[str, Any], defs: dict[str, Any], within: str = "") -> list[dict[str, Any]]:
    """The form's fields for a model's properties. Within an optional object (its title given),
    Decap would demand the required fields even while the object is left empty: they are marked
    optional in the form instead, with a hint, and the check still demands them when it is used."""
    required = set(model.get("required", []))
    return [_field(key, prop, key in required, defs, within) for key, prop in model["properties"].items()]


def _field(key: str, prop: dict[str, Any], required: bool, defs: dict[str, Any], within: str) -> dict[str, Any]:
    widget = _widget(prop, required, defs)
    needed = f" Krävs om du fyller i {within}." if required and within else ""
    field: dict[str, Any] = {
        "name": key,
        "label": prop["title"],
        "hint": _MARKDOWN.sub(r"\\\g<0>", prop["description"] + needed + _example(prop, widget)),
    }
    if not required or within:
        field["required"] = False
    return field | widget


def _example(prop: dict[str, Any], widget: dict[str, Any]) -> str:
    """The field's example as the form shows it (a select by its label), if it is one to type."""
    example = prop["examples"][0]
    values = example if isinstance(example, list) else [example]
    if widget["widget"] in ("relation", "object") or not values or any(isinstance(v, dict | list) for v in values):
        return ""
    labels = {option["value"]: option["label"] for option in widget.get("options", [])}
    return f" Exempel: {', '.join(labels.get(value, str(value)) for value in values)}"


def _widget(prop: dict[str, Any], required: bool, defs: dict[str, Any]) -> dict[str, Any]:
    """The widget for a property's (first non-null) type."""
    options = variants(prop)
    if len(options) > 1:  # a year, a year and month, or a full date
        return {"widget": "string", "pattern": [r"^\d{4}(-\d{2}(-\d{2})?)?$", "Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD."]}
    option = options[0]
    if "$ref" in option:
        target = defs[ref_name(option["$ref"])]
        if "enum" in target:
            labels = target["enumDescriptions"]
            return {
                "widget": "select",
                "options": [
                    {"label": label, "value": value} for value, label in zip(target["enum"], labels, strict=True)
                ],
            }
        within = "" if required else prop["title"]
        return {"widget": "object", "collapsed": not required, "fields": _fields(target, defs, within)}
    if REF_KEY in option:
        return _relation(option[REF_KEY])
    if option.get("type") == "array":
        return _list(option, defs)
    if option.get("type") == "integer":
        return {"widget": "number", "value_type": "int", "min": option["minimum"], "max": option["maximum"]}
    widget: dict[str, Any] = {"widget": "string" if option.get("maxLength", 0) <= NAME_LENGTH else "text"}
    if "pattern" in option:
        widget["pattern"] = [
            option["pattern"],
            "Små bokstäver a–z, siffror och bindestreck, till exempel region-uppsala.",
        ]
    return widget


def _relation(kind: str) -> dict[str, Any]:
    """A reference: the editor searches records of that kind by name, and the id is saved."""
    return {
        "widget": "relation",
        "collection": kind,
        "value_field": "id",
        "search_fields": ["name", "short_name", "id"]
        if "short_name" in KINDS[kind].model.model_fields
        else ["name", "id"],
        "display_fields": ["name"],
        "options_length": 50,
    }


def _list(option: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    items = option["items"]
    widget: dict[str, Any]
    if REF_KEY in items:
        widget = _relation(items[REF_KEY]) | {"multiple": True}
    elif "$ref" in items:
        target = defs[ref_name(items["$ref"])]
        widget = {
            "widget": "list",
            "label_singular": target["title"].lower(),
            "collapsed": False,
            "fields": _fields(target, defs),
        }
        first = next(iter(target.get("required", [])), None)
        if first:
            widget["summary"] = "{{fields." + first + "}}"
    else:
        inner = _widget(items, True, defs)
        widget = {"widget": "list", "field": {"name": "value", "label": "Värde", **inner}}
    if "minItems" in option:
        widget["min"] = option["minItems"]
    return widget
