"""Subcommands for editors and maintainers: python -m samverkan KOMMANDO."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .pipeline import ROOT, build_pages, check_data
from .problems import format_problems
from .render import SECTIONS, SiteInfo

DEFAULT_DATA = os.environ.get("SAMVERKAN_DATA") or str(ROOT / "data")
DEFAULT_SITE = SiteInfo(
    os.environ.get("SAMVERKAN_SITE_NAME", "Samverkansportalen"),
    os.environ.get(
        "SAMVERKAN_SITE_DESCRIPTION",
        "Samverkansöverenskommelser och interna samverkansstrukturer hos regioner och länsstyrelser, "
        "sökbara och samlade på ett ställe.",
    ),
)


def _check(args: argparse.Namespace) -> int:
    catalog, problems = check_data(Path(args.data))
    if problems:
        print(format_problems(problems, args.format))
        return 1
    assert catalog is not None
    counts = ", ".join(f"{len(getattr(catalog, kind))} {title.lower()}" for kind, (_, title) in SECTIONS.items())
    print(f"Inga fel hittades: {counts}.")
    return 0


def _render(args: argparse.Namespace) -> int:
    """Write the generated pages as Markdown files: the same pages the hooks give MkDocs."""
    result = build_pages(Path(args.data), DEFAULT_SITE)
    if result.problems:
        print(format_problems(result.problems))
        return 1
    out = Path(args.out)
    for page in result.pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"{len(result.pages)} sidor skrevs till {out}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samverkan", description="Verktyg för Samverkansportalens data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    data_help = "datamappen (standard: SAMVERKAN_DATA eller data/)"

    check = commands.add_parser("check", help="kontrollera all data utan att bygga webbplatsen")
    check.add_argument("--data", default=DEFAULT_DATA, help=data_help)
    check.add_argument("--format", choices=["text", "github"], default="text", help="text eller GitHub-annoteringar")
    check.set_defaults(run=_check)

    render = commands.add_parser("render", help="skriv de genererade Markdown-sidorna till en mapp")
    render.add_argument("--data", default=DEFAULT_DATA, help=data_help)
    render.add_argument("--out", required=True, help="mappen som sidorna skrivs till")
    render.set_defaults(run=_render)

    args = parser.parse_args(argv)
    return int(args.run(args))
