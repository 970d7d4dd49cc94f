"""Validate phase: check each record against its model, then the records against each other."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ValidationError

from samverkan.ingest.load import FieldPath, Source
from samverkan.ingest.problems import Problem
from samverkan.model.fold import fold, slug
from samverkan.model.kinds import KINDS
from samverkan.model.records import Organisation, PostRef, Record, Vocabulary, model_in, references_in, walk


@dataclass
class Records:
    """Valid records by kind and id, with the file each came from."""

    by_kind: dict[str, dict[str, Record]] = field(default_factory=lambda: {kind: {} for kind in KINDS})
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    files: set[tuple[str, str]] = field(default_factory=set)
    """(kind, file name) of every readable file, valid or not: a reference to an invalid record is
    not reported again as dangling, since its own file already has an error."""
    unavailable: set[str] = field(default_factory=set)
    """Kinds whose folder could not be read: references to them are not reported as dangling."""


def field_name(path: Iterable[str | int]) -> str:
    """A field path as editors write it: parties[0].organisation."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def field_title(model: type[BaseModel], path: Iterable[str | int]) -> str:
    """The Swedish title of the field at path, as the guide and the schema give it; "" if none."""
    current: type[BaseModel] | None = model
    title = ""
    for part in path:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if current else None
        if info is None:
            return ""
        title, current = info.title or "", model_in(info.annotation)
    return title


def describe(value: Any) -> str:
    """What was found, in Swedish."""
    if value is None:
        return "ett tomt värde"
    if isinstance(value, bool):
        return f"sanningsvärdet {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"talet {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"texten ”{shown}”"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "en mappning (nyckel: värde)"
    return type(value).__name__


def suggest(word: str, choices: Iterable[str]) -> str:
    """A Swedish "did you mean" hint, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (menade du ”{close[0]}”?)" if close else ""


def _model_at(model: type[BaseModel], path: FieldPath) -> type[BaseModel]:
    """The model class that holds the last key of path, for listing its fields."""
    current = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            break
        inner = model_in(info.annotation)
        if inner is None:
            break
        current = inner
    return current


def _vocabulary_at(model: type[BaseModel], path: FieldPath) -> list[Vocabulary]:
    info = _model_at(model, path).model_fields.get(str(path[-1]))
    annotation = info.annotation if info else None
    for candidate in (annotation, *(getattr(annotation, "__args__", ()) or ())):
        if isinstance(candidate, type) and issubclass(candidate, Vocabulary):
            return list(candidate)
    return []


def translate(error: Any, model: type[BaseModel]) -> str:
    """One pydantic error as a Swedish sentence: what was found and what is expected."""
    kind, path, found = error["type"], tuple(error["loc"]), error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        info = _model_at(model, path).model_fields.get(str(path[-1]))
        title = f" ({info.title})" if info and info.title else ""
        return f"obligatoriskt fält saknas; förväntade en rad ”{path[-1]}:”{title}"
    if kind == "extra_forbidden":
        fields = _model_at(model, path).model_fields
        # An editor may type the Swedish title ("beskrivning") instead of the key ("description").
        by_title = {(info.title or "").casefold(): name for name, info in fields.items()}
        key = str(path[-1])
        meant = by_title.get(key.casefold())
        hint = f" (menade du ”{meant}”, {fields[meant].title}?)" if meant else suggest(key, fields)
        # In the order of the schema, the guide and the form: who may see it (visibility) last.
        listed = sorted(fields, key=lambda name: name == "visibility")
        return f"okänt fält ”{key}”{hint}; tillåtna fält: {', '.join(listed)}"
    if kind == "enum":
        members = _vocabulary_at(model, path)
        allowed = ", ".join(f"{member.value} ({member.label})" for member in members)
        # Values are written without å, ä and ö ("gallande"), as the schema and the form give them.
        folded = fold(str(found).lower()).replace(" ", "_")
        meant = next((m.value for m in members if folded in (m.value, fold(m.label.lower()).replace(" ", "_"))), None)
        hint = (
            f" (skriv ”{meant}”: värdena skrivs utan å, ä och ö)"
            if meant
            else suggest(str(found), [m.value for m in members])
        )
        return f"fann {describe(found)}{hint}, förväntade ett av: {allowed}"
    if kind == "string_pattern_mismatch":
        return f"fann {describe(found)}, förväntade ett id med små bokstäver a–z, siffror och bindestreck"
    if kind == "string_too_short":
        return "fältet är tomt, förväntade text"
    if kind == "string_too_long":
        return f"texten har {len(found)} tecken, högst {ctx.get('max_length')} går; korta den"
    if kind == "too_short":
        return f"listan har för få element, förväntade minst {ctx.get('min_length')}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"fann {describe(found)}, förväntade ett tal från 1 till 12 (månad)"
    if kind == "value_error":
        # A check across the fields of a mapping (an end before its start) explains itself.
        return str(ctx.get("error")) if isinstance(found, dict) else f"fann {describe(found)}: {ctx.get('error')}"
    expected = {
        "string_type": "text",
        "int_type": "ett heltal",
        "int_parsing": "ett heltal",
        "int_from_float": "ett heltal",
        "list_type": "en lista",
        "model_type": "en mappning med fält (nyckel: värde)",
        "model_attributes_type": "en mappning med fält (nyckel: värde)",
        "dict_type": "en mappning med fält (nyckel: värde)",
    }.get(kind)
    if expected == "text" and isinstance(found, (bool, int, float)):
        return f"fann {describe(found)}, förväntade text; skriv värdet inom citattecken om det är text"
    if expected == "en lista":
        return f"fann {describe(found)}, förväntade en lista: skriv varje sak på en egen rad under fältet, efter ”- ”"
    if expected:
        return f"fann {describe(found)}, förväntade {expected}"
    return f"fann {describe(found)}: {error['msg']}"


def validate_source(source: Source) -> Record | list[Problem]:
    """One file against its model: a record, or every problem in it."""
    model = KINDS[source.kind].model
    findings = [
        Problem(
            source.path,
            *finding.location,
            field_name(finding.path),
            finding.message,
            title=field_title(model, finding.path),
        )
        for finding in source.findings
    ]
    if not isinstance(source.data, dict):
        return findings or [
            Problem(
                source.path,
                1,
                1,
                "",
                f"fann {describe(source.data)}, förväntade en mappning med fälten för {KINDS[source.kind].label}",
            )
        ]
    # What the reader found stands for its field: the model's view of the same value would repeat it.
    problems = findings
    reported = {finding.path for finding in source.findings}
    if source.data.get("id") != source.stem and ("id",) not in reported:
        line, column = source.locate(("id",))
        problems.append(
            Problem(
                source.path,
                line,
                column,
                "id",
                f"fann {describe(source.data.get('id'))}, förväntade ”{source.stem}” som filnamnet"
                + (
                    ""
                    if isinstance(source.data.get("id"), str | None)
                    else "; ett id är text, skriv det inom citattecken"
                ),
            )
        )
    try:
        record = model.model_validate(source.data)
    except ValidationError as error:
        for item in error.errors():
            path = tuple(item["loc"])
            if any(path[: len(known)] == known for known in reported):
                continue
            line, column = source.locate(path, key=item["type"] == "extra_forbidden")
            problems.append(
                Problem(
                    source.path, line, column, field_name(path), translate(item, model), title=field_title(model, path)
                )
            )
        return problems
    return problems or record


def validate_records(
    sources: list[Source], known: set[tuple[str, str]] | None = None, unavailable: set[str] | None = None
) -> tuple[Records, list[Problem]]:
    """Validate every file, then duplicate ids, references and parent loops, all in one run.

    known holds (kind, id) of every record file, readable or not: a reference to a file that has
    an error of its own is not reported again, in every file that points at it.
    """
    records = Records()
    problems: list[Problem] = []
    records.files = {(source.kind, source.stem) for source in sources} | (known or set())
    records.unavailable = set(unavailable or ())
    invalid: list[tuple[Source, set[FieldPath]]] = []
    for source in sources:
        result = validate_source(source)
        if isinstance(result, list):
            invalid.append((source, _paths(result)))
            problems.extend(result)
            continue
        records.by_kind[source.kind][result.id] = result
        records.sources[(source.kind, result.id)] = source
    problems.extend(check_references(records))
    # A record with errors of its own still gets its references checked: all errors in one round.
    for source, reported in invalid:
        for path, value, target_kind in references_in(KINDS[source.kind].model, source.data):
            if path not in reported:
                problems.extend(_dangling(records, source, path, value, target_kind))
                continue
            # An id written as a name ("folkhälsa", "Region Gotland") that names an existing record.
            meant = slug(value)
            if meant != value and meant in records.by_kind[target_kind]:
                where = field_name(path)
                problems = [
                    replace(problem, message=f"{problem.message} (menade du ”{meant}”?)")
                    if problem.path == source.path and problem.field == where
                    else problem
                    for problem in problems
                ]
    loops = list(_check_parent_loops(records))
    problems.extend(loops)
    if not loops:
        problems.extend(_check_counties(records))
    problems.extend(_check_scripts(records))
    return records, problems


def check_references(records: Records) -> Iterable[Problem]:
    organisations: dict[str, Organisation] = records.by_kind["organisations"]  # type: ignore[assignment]
    for (kind, _), source in records.sources.items():
        record = records.by_kind[kind][source.stem]
        for path, value, target_kind in walk(record):  # one pass: references and post references
            if target_kind in records.unavailable:
                continue
            if target_kind and isinstance(value, str):
                yield from _dangling(records, source, path, value, target_kind)
            elif isinstance(value, PostRef) and value.post is not None:
                org = organisations.get(value.organisation)
                posts = [post.id for post in org.posts] if org else []
                if org and value.post not in posts:
                    line, column = source.locate((*path, "post"))
                    yield Problem(
                        source.path,
                        line,
                        column,
                        field_name((*path, "post")),
                        f"fann ”{value.post}”, förväntade en befattning i {org.name}: "
                        f"{', '.join(posts) or 'inga finns'}{suggest(value.post, posts)}",
                    )


def _dangling(records: Records, source: Source, path: FieldPath, value: str, kind: str) -> Iterable[Problem]:
    """A reference to a record that does not exist: the closest record by id or by name (å, ä
    and ö folded), and how to create it."""
    if kind in records.unavailable or value in records.by_kind[kind] or (kind, value) in records.files:
        return
    line, column = source.locate(path)
    known = records.by_kind[kind]
    names = {fold(str(record.name).lower()): record_id for record_id, record in known.items()}
    wanted = fold(value.lower())
    close = wanted if wanted in known else None
    close = close or next(iter(difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.6)), None)
    close = close or names.get(
        next(iter(difflib.get_close_matches(wanted.replace("-", " "), list(names), n=1, cutoff=0.6)), "")
    )
    hint = f" Menade du ”{close}” ({known[close].name})?" if close else ""
    it = "det" if KINDS[kind].label.startswith("ett ") else "den"  # "ett lagrum": det; "en organisation": den
    yield Problem(
        source.path,
        line,
        column,
        field_name(path),
        f"fann ”{value}”, förväntade id för {KINDS[kind].label} i data/{kind}/.{hint} Finns {it} inte än: "
        f"skapa {it} med python -m samverkan new {kind} {value}",
        title=field_title(KINDS[source.kind].model, path),
    )


def _paths(problems: list[Problem]) -> set[FieldPath]:
    """The field paths a file's problems name, so that a reference already reported is not checked."""
    found: set[FieldPath] = set()
    for problem in problems:
        parts: list[str | int] = []
        for part in re.split(r"\.|\[(\d+)\]", problem.field or ""):
            if part:
                parts.append(int(part) if part.isdigit() else part)
        found.add(tuple(parts))
    return found


def _check_parent_loops(records: Records) -> Iterable[Problem]:
    organisations: dict[str, Organisation] = records.by_kind["organisations"]  # type: ignore[assignment]
    for org in organisations.values():
        chain = [org.id]
        current = org.parent
        while current in organisations and current not in chain:
            chain.append(current)
            current = organisations[current].parent
        if current == org.id:
            source = records.sources[("organisations", org.id)]
            line, column = source.locate(("parent",))
            yield Problem(
                source.path,
                line,
                column,
                "parent",
                f"organisationen ingår i sig själv via {' → '.join([*chain, org.id])}; förväntade en kedja utan slinga",
            )


def _check_counties(records: Records) -> Iterable[Problem]:
    """A sub-body belongs to the county of the organisation at the top of its chain: its own county,
    when given, must be that one."""
    organisations: dict[str, Organisation] = records.by_kind["organisations"]  # type: ignore[assignment]
    for org in organisations.values():
        if org.county is None or org.parent is None:
            continue
        top = organisations.get(org.parent)  # an unknown parent is reported on its own
        while top is not None and top.parent in organisations:
            top = organisations[top.parent]
        if top is not None and top.county != org.county:
            source = records.sources[("organisations", org.id)]
            line, column = source.locate(("county",))
            has, change = (f"hör till {top.county.label}", "ändra") if top.county else ("har inget län", "ange")
            yield Problem(
                source.path,
                line,
                column,
                "county",
                f"länet är {org.county.label}, men {top.name} ({top.id}), som organet ingår i, {has}; "
                f"ett organ hör alltid till samma län som sin organisation. Ta bort raden county, "
                f"eller {change} länet på {top.id}",
                title=field_title(Organisation, ("county",)),
            )


_BEYOND_LATIN = re.compile("[^\x00-\u024f]")
_LETTERS = re.compile(r"[^\W\d_]+")
SCRIPT_NAMES = {"LATIN": "latinska", "CYRILLIC": "kyrilliska", "GREEK": "grekiska"}


def _script(letter: str) -> str:
    return unicodedata.name(letter, "?").split(" ")[0]


def mixed_script(text: str) -> str | None:
    """A warning when a word mixes scripts, as "Gоtland" with a Cyrillic о does; else None.

    Most text is Latin through and through, and is passed over without looking at each letter.
    """
    if not _BEYOND_LATIN.search(text):
        return None
    for word in _LETTERS.findall(text):
        scripts: dict[str, list[str]] = {}
        for letter in word:
            if unicodedata.category(letter).startswith("L"):
                scripts.setdefault(_script(letter), []).append(letter)
        if len(scripts) > 1:
            names = " och ".join(SCRIPT_NAMES.get(script, script.lower()) for script in scripts)
            odd = min(scripts.values(), key=len)
            shown = ", ".join(f"”{c}” U+{ord(c):04X} ({unicodedata.name(c, '?')})" for c in dict.fromkeys(odd))
            return f"ordet ”{word}” blandar {names} bokstäver: {shown}; kontrollera att ingen bokstav är en förväxling"
    return None


def _check_scripts(records: Records) -> Iterable[Problem]:
    """Warnings, not errors: a name may mix scripts on purpose, but a look-alike letter misleads."""
    for (kind, record_id), source in records.sources.items():
        for path, value, ref_kind in walk(records.by_kind[kind][record_id]):
            if isinstance(value, str) and not ref_kind:
                warning = mixed_script(value)
                if warning:
                    title = field_title(KINDS[kind].model, path)
                    yield Problem(
                        source.path, *source.locate(path), field_name(path), warning, warning=True, title=title
                    )
