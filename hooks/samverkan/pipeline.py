"""The whole data pipeline, free of MkDocs: load → validate → link → render."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from samverkan.catalog.edition import INTERNAL, PUBLIC, public_records
from samverkan.catalog.link import Catalog, link_records
from samverkan.ingest.history import file_history
from samverkan.ingest.load import load_all
from samverkan.ingest.problems import DataErrors, Problem, errors, format_problems
from samverkan.ingest.validate import check_references, validate_records
from samverkan.model.kinds import KINDS
from samverkan.outputs import Output, OutputFile
from samverkan.outputs.calendar import calendar_files
from samverkan.outputs.dcat import dcat_files
from samverkan.outputs.diagrams import diagram_files
from samverkan.outputs.editor import editor_files
from samverkan.outputs.fold import fold_script
from samverkan.outputs.opendata import open_data_files
from samverkan.outputs.schemas import schema_files
from samverkan.settings import Settings, SettingsError, make_settings
from samverkan.site.render import Page, error_banner, error_pages, render_site
from samverkan.site.search import SearchWeight, build_postings, search_files, search_index, search_weights

__all__ = [
    "ROOT",
    "DataErrors",
    "Result",
    "Settings",
    "SettingsError",
    "build_pages",
    "build_postings",
    "check_data",
    "error_banner",
    "error_pages",
    "format_problems",
    "make_settings",
    "search_files",
    "search_index",
]

OUTPUTS: dict[str, Output] = {
    "schemas": schema_files,
    "fold": fold_script,
    "editor": editor_files,
    "open_data": open_data_files,
    "calendar": calendar_files,
    "dcat": dcat_files,
    "diagrams": diagram_files,
}
"""Every output of the site that is not a page (see samverkan/outputs/): each takes the catalog and
returns files."""

ROOT = Path(__file__).resolve().parents[2]
"""The repository: data paths in messages are shown relative to it."""


@dataclass
class Result:
    """What one build made from valid data."""

    catalog: Catalog
    pages: list[Page]
    files: list[OutputFile]
    """What the outputs made: copied into the site as they are."""
    search: dict[str, SearchWeight]
    """Page path → that page's weight in search (see site/search.py)."""
    warnings: list[Problem] = field(default_factory=list)


class Checked(NamedTuple):
    """Valid data: the catalog, and warnings that do not stop a build."""

    catalog: Catalog
    warnings: list[Problem]


def check_data(data_dir: Path, root: Path = ROOT, edition: str = INTERNAL, content: Path | None = None) -> Checked:
    """Load, validate and link every record, or raise DataErrors with every problem found at once.

    All data is checked in both editions; the public one then leaves out what is internal, and is
    checked again: whatever is left must still point only at what is left. With content (the
    hand-written pages), a record whose page would take the address of one of them is a problem.
    """
    loaded = load_all(data_dir, root, KINDS)
    records, invalid = validate_records(loaded.sources, loaded.known, loaded.unavailable)
    problems = sorted(loaded.problems + invalid)
    if errors(problems):
        raise DataErrors(problems)
    if edition == PUBLIC:
        records = public_records(records)
        leftovers = [
            replace(problem, message=f"i den publika utgåvan: {problem.message}")
            for problem in check_references(records)
        ]
        if leftovers:
            raise DataErrors(sorted(problems + leftovers))
    if content is not None:
        pages = [Page(KINDS[kind].page(key), "", source.path) for (kind, key), source in records.sources.items()]
        taken = collisions(pages, content, root)
        if taken:
            raise DataErrors(sorted(problems + taken))
    return Checked(link_records(records), problems)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the pipeline makes millions of short-lived objects and
    no cycles worth collecting, and at national scale the collector's passes cost a third of it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_pages(
    data_dir: Path, site: Settings, root: Path = ROOT, edition: str = INTERNAL, content: Path | None = None
) -> Result:
    """Every generated page and output file; DataErrors with the problems that stop them from being made.

    With content (the folder of hand-written pages), a generated page whose address is already
    taken there is a problem too: one of the two would silently replace the other.
    """
    with _no_gc():
        return _build_pages(data_dir, site, root, edition, content)


def _build_pages(data_dir: Path, site: Settings, root: Path, edition: str, content: Path | None) -> Result:
    catalog, warnings = check_data(data_dir, root, edition)
    catalog.history = file_history(data_dir, root)
    files = [file for output in OUTPUTS.values() for file in output(catalog, site)]
    pages = render_site(catalog, site, files)
    generated = [*pages, *(Page(file.path, "") for file in files)]
    taken = collisions(generated, content, root) if content is not None else []
    if taken:
        raise DataErrors(sorted(warnings + taken))
    return Result(catalog, pages, files, search_weights(catalog, KINDS), warnings)


def _address(path: str) -> str:
    """The address a file in the docs gets: omraden/folkhalsa.md and omraden/folkhalsa/index.md
    are both omraden/folkhalsa/."""
    stem = path.removesuffix(".md") if path.endswith(".md") else path.removesuffix(".html")
    folder, _, name = stem.rpartition("/")
    return folder if name == "index" else stem


def collisions(pages: list[Page], content: Path, root: Path = ROOT) -> list[Problem]:
    """Generated pages whose address a hand-written page or an asset already has."""
    written = {
        _address(file.relative_to(content).as_posix()): file
        for file in content.rglob("*")
        if file.is_file() and not file.name.startswith(".")
    }
    problems = []
    for page in pages:
        other = written.get(_address(page.path))
        if other is not None:
            where = page.source or _relative(other, root)
            problems.append(
                Problem(
                    where,
                    1,
                    1,
                    "id" if page.source else "",
                    f"sidan {page.path} får samma adress som {_relative(other, root)}; byt id på posten eller namn på filen",
                )
            )
    return problems


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()
