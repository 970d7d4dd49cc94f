"""The MkDocs adapter: the only module that imports MkDocs. It turns pipeline output into files."""

from __future__ import annotations

import html
import importlib
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

PACKAGE = Path(__file__).resolve().parents[1]
log = logging.getLogger("mkdocs.plugins.samverkan")


@dataclass
class BuildState:
    """What one build hands from event to event, and the code it was made with."""

    stamp: int | None = None
    """Newest modification time of the package's code, at the last build."""
    result: Any = None
    """The pipeline's Result for this build."""
    search: dict[str, Any] = field(default_factory=dict)
    """Page URL → its weight in search, for on_post_build."""
    serving: bool = False
    """Under mkdocs serve: bad data then shows as a banner instead of stopping the server."""
    good: Any = None
    """The last Result that built, which mkdocs serve keeps showing while the data has errors."""
    banner: str = ""
    """The errors of the current data as HTML, shown on every page while there are any."""


state = BuildState()


def pipeline() -> ModuleType:
    """The pipeline module, imported afresh when the package's code has changed since the last build.

    MkDocs imports hooks once per process, so without this `make serve` would keep running the old
    code after an edit under hooks/. Every module of the package but this one is dropped and the
    pipeline imported again, which imports the rest in its own order; this module uses the package
    only through what pipeline() returns, so nothing it holds goes stale.
    """
    stamp = max(path.stat().st_mtime_ns for path in PACKAGE.rglob("*.py"))
    if state.stamp is not None and state.stamp != stamp:
        for name in [name for name in sys.modules if name.split(".")[0] == "samverkan" and name != __name__]:
            del sys.modules[name]
    state.stamp = stamp
    return importlib.import_module("samverkan.pipeline")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the settings, then validate and render before MkDocs touches site/, so that bad data
    leaves the last site in place."""
    run = pipeline()
    try:
        settings = run.make_settings(
            config.extra.get("samverkan"), Path(config.config_file_path).parent, site_url=config.site_url
        )
    except run.SettingsError as error:
        raise PluginError(str(error)) from None
    # Material prints it into <meta name="description" content="…"> as it is: escaped here, once.
    config.site_description = html.escape(settings.description)
    config.edit_uri = settings.edit_url  # empty: no edit links
    if state.serving and str(settings.data) not in config.watch:  # a data folder set elsewhere too
        config.watch.append(str(settings.data))
    for warning in settings.warnings():  # the site builds, but should not be published like this
        log.info(f"Varning: {warning}")
    try:
        result = run.build_pages(settings.data, settings, edition=settings.edition, content=Path(config.docs_dir))
    except run.SettingsError as error:  # an output the settings ask for cannot be made
        raise PluginError(str(error)) from None
    except run.DataErrors as failure:
        if not state.serving:
            raise PluginError(
                "Data innehåller fel, webbplatsen byggdes inte:\n" + run.format_problems(failure.problems)
            ) from None
        # The preview goes on: the last site that built, with the errors on every page, or pages of
        # errors if nothing has built yet. Printed, not logged, so every rebuild repeats them all
        # (MkDocs drops a log message it has shown before).
        print("Data innehåller fel:\n" + run.format_problems(failure.problems), file=sys.stderr)
        state.banner = run.error_banner(failure.problems, stale=state.good is not None)
        state.result = state.good or SimpleNamespace(pages=run.error_pages(failure.problems), files=[], search={})
        return config
    for warning in result.warnings:  # not errors: logged as information, so a strict build goes on
        log.info(warning.as_text())
    state.result = state.good = result
    state.banner = ""
    return config


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Under mkdocs serve, while the data has errors: the errors at the top of every page."""
    if not state.banner or "samverkan-errors" in output:
        return output  # the pages of errors, when nothing has built yet, are the banner already
    article = '<article class="md-content__inner md-typeset">'
    return output.replace(article, article + state.banner, 1)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, each with an edit link to its data file, and the outputs' files."""
    docs = Path(config.docs_dir).resolve().relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
    for file in files:
        file.edit_uri = f"{docs}/{file.src_uri}"
    result = state.result
    urls = {}
    for page in result.pages:
        # Record pages stay out of the navigation: MkDocs renders the whole nav into every page.
        inclusion = InclusionLevel.INCLUDED if page.source is None else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, page.path, content=page.content, inclusion=inclusion)
        generated.edit_uri = page.source
        files.append(generated)
        urls[page.path] = generated.url
    for output in result.files:
        files.append(File.generated(config, output.path, content=output.content))
    state.search = {urls[path]: entry for path, entry in result.search.items()}
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Turn the index Material's search plugin has written into the site's own search worker's
    (site/search.py). Hooks run after the plugins, so the index exists."""
    folder = Path(config.site_dir) / "search"
    material = folder / "search_index.json"
    if material.is_file():
        run = pipeline()
        index = json.loads(material.read_text(encoding="utf-8"))
        for name, text in run.search_files(run.search_index(index["docs"], state.search)).items():
            (folder / name).write_text(text, encoding="utf-8")
        # Material's page script still fetches this file for its settings; the worker fetches its own.
        material.write_text(
            json.dumps({"config": index["config"], "docs": []}, separators=(",", ":")), encoding="utf-8"
        )
        warning = run.build_postings(Path(config.site_dir))
        if warning:
            log.info(warning)
