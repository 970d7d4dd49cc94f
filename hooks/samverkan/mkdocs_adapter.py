"""The MkDocs adapter: the only module that imports MkDocs. It turns pipeline output into files."""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from .edition import EDITIONS, INTERNAL, PUBLIC
from .pipeline import Result
from .problems import format_problems
from .render import SiteInfo

PACKAGE = Path(__file__).parent
# In import order: reloading them in this order rebinds every `from .x import y`.
PIPELINE_MODULES = [
    "problems",
    "models",
    "yamlplain",
    "load",
    "validate",
    "edition",
    "link",
    "markup",
    "schema",
    "guide",
    "render",
    "search",
    "generate",
    "pipeline",
]

_state: dict[str, Any] = {}
log = logging.getLogger("mkdocs.plugins.samverkan")


def data_dir(config: MkDocsConfig) -> Path:
    """The data folder: SAMVERKAN_DATA if set, else data/ beside mkdocs.yml."""
    configured = os.environ.get("SAMVERKAN_DATA")
    return Path(configured) if configured else Path(config.config_file_path).parent / "data"


def pipeline() -> ModuleType:
    """The pipeline module, reloaded when its code has changed since the last build.

    MkDocs imports hooks once per process, so without this `make serve` would keep running the
    old code after an edit under hooks/ (templates are re-read by Jinja on their own).
    """
    stamp = max(path.stat().st_mtime_ns for path in PACKAGE.glob("*.py"))
    if _state.get("stamp", stamp) != stamp:
        for name in PIPELINE_MODULES:
            module = sys.modules.get(f"{__package__}.{name}")
            if module is not None:  # generate, for one, is only imported by the CLI
                importlib.reload(module)
    _state["stamp"] = stamp
    return sys.modules[f"{__package__}.pipeline"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate and render before MkDocs touches site/, so bad data leaves the last site in place."""
    extra = {key: config.extra.get(key) for key in ("publisher", "feedback_url", "contact_email")}
    site = SiteInfo(config.site_name, **{key: value for key, value in extra.items() if value})
    if config.site_description:
        site = dataclasses.replace(site, description=config.site_description)
    else:
        config.site_description = site.description
    edition = os.environ.get("SAMVERKAN_EDITION") or INTERNAL
    if edition not in EDITIONS:
        raise PluginError(f"SAMVERKAN_EDITION är ”{edition}”, förväntade ”{INTERNAL}” eller ”{PUBLIC}”")
    result: Result = pipeline().build_pages(data_dir(config), site, edition=edition, content=Path(config.docs_dir))
    if result.catalog is None:
        raise PluginError("Data innehåller fel, webbplatsen byggdes inte:\n" + format_problems(result.problems))
    for warning in result.problems:  # not errors: logged as information, so a strict build goes on
        log.info(warning.as_text())
    _state["result"] = result
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, each with an edit link to its data file."""
    docs = Path(config.docs_dir).resolve().relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
    for file in files:
        file.edit_uri = f"{docs}/{file.src_uri}"
    result = _state["result"]
    urls = {}
    for page in result.pages:
        # Record pages stay out of the navigation: MkDocs renders the whole nav into every page.
        inclusion = InclusionLevel.INCLUDED if page.source is None else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, page.path, content=page.content, inclusion=inclusion)
        generated.edit_uri = page.source
        files.append(generated)
        urls[page.path] = generated.url
    _state["search"] = {urls[path]: entry for path, entry in result.search.items()}
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Give the index Material's search plugin has written one entry per record, with hidden terms.

    Hooks run after the plugins, so the index exists; mkdocs.yml gives the terms field its boost.
    """
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index["docs"] = pipeline().merge_entries(index["docs"], _state.get("search", {}))
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
