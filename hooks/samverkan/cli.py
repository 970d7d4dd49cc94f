"""Subcommands for editors and maintainers."""

from __future__ import annotations

import argparse
from pathlib import Path

from .pipeline import ROOT, check_data
from .problems import format_problems


def _check(args: argparse.Namespace) -> int:
    catalog, problems = check_data(Path(args.data))
    if problems:
        print(format_problems(problems, args.format))
        return 1
    assert catalog is not None
    counts = ", ".join(
        f"{len(getattr(catalog, kind))} {label}"
        for kind, label in [
            ("organisations", "organisationer"),
            ("collaborations", "samverkan"),
            ("areas", "områden"),
            ("documents", "styrdokument"),
            ("legal", "lagrum"),
        ]
    )
    print(f"Inga fel hittades: {counts}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samverkan", description="Verktyg för Samverkansportalens data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    check = commands.add_parser("check", help="kontrollera all data utan att bygga webbplatsen")
    check.add_argument("--data", default=str(ROOT / "data"), help="datamappen (standard: data/)")
    check.add_argument("--format", choices=["text", "github"], default="text", help="text eller GitHub-annoteringar")
    check.set_defaults(run=_check)
    args = parser.parse_args(argv)
    return int(args.run(args))
