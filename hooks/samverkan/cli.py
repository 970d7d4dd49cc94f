"""Subcommands for editors and maintainers: python -m samverkan KOMMANDO."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from samverkan.adapters.sitedir import build_into
from samverkan.dev.generate import generate
from samverkan.ingest.casefile import CaseFileError, read_case_file
from samverkan.ingest.draft import make_draft
from samverkan.ingest.extract import Document
from samverkan.ingest.problems import DataErrors, Problem, errors, format_problems, printable
from samverkan.ingest.repair import LexiconMissing, Repairer
from samverkan.model.kinds import KINDS
from samverkan.model.records import SLUG_PATTERN
from samverkan.outputs.schemas import all_schemas
from samverkan.pipeline import ROOT, build_pages, check_data
from samverkan.settings import EDITIONS, Settings, SettingsError, read_settings
from samverkan.site.guide import record_template
from samverkan.site.render import counted


def _report(problems: list[Problem], style: str = "text") -> None:
    """Errors and warnings go to standard error, what a command made to standard output; GitHub
    annotations too go to standard output, where the runner reads workflow commands."""
    if problems:
        print(format_problems(problems, style), file=sys.stdout if style == "github" else sys.stderr)


def _check(args: argparse.Namespace, settings: Settings) -> int:
    try:
        catalog, warnings = check_data(settings.data, edition=settings.edition, content=ROOT / "content")
    except DataErrors as failure:
        _report(failure.problems, args.format)
        return 1
    _report(warnings, args.format)
    counts = ", ".join(
        counted(len(catalog.records[kind.key]), kind.singular, kind.plural, kind.label.split()[0])
        for kind in KINDS.values()
    )
    print(f"Inga fel hittades: {counts}.")
    return 0


def _render(args: argparse.Namespace, settings: Settings) -> int:
    """Write the generated pages as Markdown files: the same pages the hooks give MkDocs."""
    try:
        result = build_pages(settings.data, settings, edition=settings.edition, content=ROOT / "content")
    except DataErrors as failure:
        _report(failure.problems)
        return 1
    _report(result.warnings)
    out = Path(args.out)
    # The hand-written pages too, so that the folder is a complete docs_dir for a build without hooks.
    shutil.copytree(ROOT / "content", out, dirs_exist_ok=True)
    for path, content in [
        *((page.path, page.content.encode("utf-8")) for page in result.pages),
        *((file.path, file.content) for file in result.files),
    ]:
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    print(f"{len(result.pages)} genererade sidor, {len(result.files)} andra filer och content/ skrevs till {out}.")
    return 0


def _build(args: argparse.Namespace, settings: Settings) -> int:
    """A strict MkDocs build that replaces the site only when it succeeds (see sitedir.py)."""
    site = Path(args.site_dir)

    def mkdocs_build(folder: Path) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml")]
        environment = {**os.environ, "SAMVERKAN_EDITION": settings.edition, "SAMVERKAN_DATA": str(settings.data)}
        return subprocess.run([*command, "--site-dir", str(folder)], check=False, env=environment).returncode

    def waiting() -> None:
        print(f"Väntar på att ett annat bygge av {site} ska bli klart …", file=sys.stderr, flush=True)

    status = build_into(site, mkdocs_build, waiting)
    if status == 0:
        print(f"Webbplatsen byggdes i {site}.")
    return status


def _schema(args: argparse.Namespace, settings: Settings) -> int:
    """Write the JSON Schemas that editors' tools read; a test keeps the committed copies current."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in all_schemas().items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"{len(KINDS)} scheman skrevs till {out}.")
    return 0


def _new(args: argparse.Namespace, settings: Settings) -> int:
    """Create a record file that already passes the check, or say why not."""
    data = settings.data
    target = data / args.kind / f"{args.id}.yml"
    if not re.fullmatch(SLUG_PATTERN, args.id):
        print(
            f"Fel: ”{args.id}” är inget giltigt id; använd små bokstäver a–z, siffror och bindestreck.", file=sys.stderr
        )
        return 1
    if target.exists():
        print(f"Fel: {target} finns redan.", file=sys.stderr)
        return 1
    given: dict[str, object] = {}
    for item in args.set or []:
        key, _, value = item.partition("=")
        given[key.strip()] = value.strip()
    if args.classification:
        given["classification"] = args.classification
    if args.parent:
        given["parent"] = args.parent
    if args.part:
        given["parties"] = [{"organisation": organisation, "role": "part"} for organisation in args.part]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record_template(args.kind, args.id, args.name, given=given), encoding="utf-8")
    print(f"Skapade {target}.")
    try:
        check_data(data)
    except DataErrors as failure:
        mine = [problem for problem in errors(failure.problems) if problem.path.endswith(f"{args.kind}/{target.name}")]
        if mine:
            print("Fyll i det som bara du vet; kontrollen säger i dag:")
            _report(mine)
            return 0
    print("Kontrollera med make check och skicka en pull request.")
    return 0


def _repair(args: argparse.Namespace, settings: Settings) -> int:
    """The repaired text (to --out, else standard output) and one line per changed word."""
    try:
        repaired = Repairer().repair(read_case_file(Path(args.file)))
    except (CaseFileError, LexiconMissing) as error:
        print(f"Fel: {error}.", file=sys.stderr)
        return 1
    changes = "".join(
        f"{change.line}\t{printable(change.before)}\t{printable(change.after)}\t{change.reason}\n"
        for change in repaired.changes
    )
    header = "rad\tförut\tefter\tskäl\n"
    if args.out:
        Path(args.out).write_text(repaired.text, encoding="utf-8")
        print(header + changes, end="")
        print(
            f"{len(repaired.changes)} ord ändrades av {repaired.words}; texten skrevs till {args.out}.", file=sys.stderr
        )
    else:
        print(repaired.text, end="")
        print(header + changes, end="", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    """A draft record from a case document, and a report of what was filled in and what is left."""
    source = Path(args.file)
    try:
        repaired = Repairer().repair(read_case_file(source))
        catalog = check_data(settings.data).catalog
    except (CaseFileError, LexiconMissing) as error:
        print(f"Fel: {error}.", file=sys.stderr)
        return 1
    except DataErrors as failure:
        print(
            "Fel: datan har fel, och importen behöver den för att känna igen organisationer. Rätta först:",
            file=sys.stderr,
        )
        _report(failure.problems)
        return 1
    if args.id and not re.fullmatch(SLUG_PATTERN, args.id):
        print(
            f"Fel: ”{args.id}” är inget giltigt id; använd små bokstäver a–z, siffror och bindestreck.", file=sys.stderr
        )
        return 1
    found = Document(repaired.text).extract()
    draft = make_draft(found, source.name, catalog.organisations, args.id, repaired.unresolved)
    taken = [path for path in draft.files if (settings.data / path).exists()]
    if taken:
        print(
            f"Fel: {', '.join(taken)} finns redan i {settings.data}; importen skriver aldrig över en post. "
            "Välj ett annat id med --id.",
            file=sys.stderr,
        )
        return 1
    for path, content in draft.files.items():
        target = settings.data / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    if args.report:
        Path(args.report).write_text(draft.report, encoding="utf-8")
        print(f"Utkastet skrevs till {', '.join(draft.files)} i {settings.data}; rapporten till {args.report}.")
    else:
        print(draft.report, end="")
    try:
        check_data(settings.data)
    except DataErrors as failure:
        mine = [p for p in errors(failure.problems) if any(p.path.endswith(path) for path in draft.files)]
        if mine:
            print("Kontrollen säger om utkastet i dag:")
            _report(mine)
    return 0


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        print(f"Fel: {out} är inte tom; välj en tom eller ny mapp.", file=sys.stderr)
        return 1
    count = generate(args.scale, out)
    print(f"{count} poster skrevs till {out} (skala {args.scale:g}).")
    return 0


ARGPARSE_SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "the following arguments are required: %s": "de här argumenten saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "förväntade ett värde",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "flaggan %(option)s kan syfta på flera: %(matches)s",
    "not allowed with argument %s": "går inte ihop med %s",
}
"""argparse's own words in Swedish. argparse looks each one up through gettext when it is used, and
there is no Swedish catalogue for it: the command line speaks Swedish throughout."""
setattr(argparse, "_", lambda message: ARGPARSE_SWEDISH.get(message, message))  # noqa: B010 (argparse's global)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samverkan", description="Verktyg för Samverkansportalens data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    data_help = "datamappen (standard: extra.samverkan.data i mkdocs.yml, alltså SAMVERKAN_DATA eller data/)"
    edition_help = (
        "intern eller public (standard: extra.samverkan.edition i mkdocs.yml, alltså SAMVERKAN_EDITION eller intern)"
    )

    check = commands.add_parser("check", help="kontrollera all data utan att bygga webbplatsen")
    check.add_argument("--data", help=data_help)
    check.add_argument("--edition", choices=EDITIONS, help=edition_help)
    check.add_argument("--format", choices=["text", "github"], default="text", help="text eller GitHub-annoteringar")
    check.set_defaults(run=_check)

    render = commands.add_parser(
        "render", help="skriv de genererade sidorna och content/ till en mapp, som en docs_dir utan hookar"
    )
    render.add_argument("--data", help=data_help)
    render.add_argument("--edition", choices=EDITIONS, help=edition_help)
    render.add_argument("--out", required=True, help="mappen som sidorna skrivs till")
    render.set_defaults(run=_render)

    build = commands.add_parser(
        "build", help="bygg webbplatsen strikt; den gamla ersätts bara om bygget lyckas, ett bygge åt gången"
    )
    build.add_argument("--site-dir", default="site", help="mappen som webbplatsen byggs i (standard: site)")
    build.add_argument("--data", help=data_help)
    build.add_argument("--edition", choices=EDITIONS, help=edition_help)
    build.set_defaults(run=_build)

    schema = commands.add_parser("schema", help="skriv JSON Schema för varje slag av post")
    schema.add_argument("--out", default=str(ROOT / "data" / "schemas"), help="mappen (standard: data/schemas/)")
    schema.set_defaults(run=_schema)

    new = commands.add_parser("new", help="skapa en ny post som klarar kontrollen")
    new.add_argument("kind", choices=list(KINDS), metavar="SLAG", help="ett av: " + ", ".join(KINDS))
    new.add_argument("id", metavar="ID", help="postens id, som också blir filnamnet")
    new.add_argument("--name", help="postens namn, med å, ä och ö (utan det lämnas fältet tomt att fylla i)")
    new.add_argument(
        "--part", action="append", metavar="ID", help="en organisation som är part (samverkan); upprepa för fler"
    )
    new.add_argument("--classification", metavar="TYP", help="typ av organisation (organisationer), t.ex. kommun")
    new.add_argument("--parent", metavar="ID", help="organisationen som den nya ingår i (organisationer)")
    new.add_argument("--set", action="append", metavar="FÄLT=VÄRDE", help="ett fält till, t.ex. status=forslag")
    new.add_argument("--data", help=data_help)
    new.set_defaults(run=_new)

    repair = commands.add_parser("repair", help="rätta å, ä, ö och punkter i skannad text från ett ärende")
    repair.add_argument("file", metavar="FIL", help="ärendet som text (UTF-8 eller Latin-1) eller PDF med textlager")
    repair.add_argument("--out", metavar="FIL", help="skriv den rättade texten hit (standard: standard ut)")
    repair.set_defaults(run=_repair)

    imp = commands.add_parser("import", help="gör ett utkast till en post ur ett ärende, med en rapport")
    imp.add_argument("file", metavar="FIL", help="ärendet som text (UTF-8 eller Latin-1) eller PDF med textlager")
    imp.add_argument("--kind", choices=["collaborations"], default="collaborations", help="slaget av post (samverkan)")
    imp.add_argument("--id", metavar="ID", help="postens id (standard: av rubriken)")
    imp.add_argument("--report", metavar="FIL", help="skriv rapporten hit (standard: standard ut)")
    imp.add_argument("--data", help=data_help)
    imp.set_defaults(run=_import)

    gen = commands.add_parser("generate", help="skriv ett syntetiskt nationellt dataset för mätningar och tester")
    gen.add_argument("--scale", type=float, default=1.0, help="1 = hela landet, cirka 1 500 samverkan (standard 1)")
    gen.add_argument("--out", required=True, help="en tom eller ny mapp")
    gen.set_defaults(run=_generate)

    args = parser.parse_args(argv)
    data = getattr(args, "data", None)
    try:  # the settings of mkdocs.yml, read now (not at import), with the flags given
        settings = read_settings(
            ROOT / "mkdocs.yml", edition=getattr(args, "edition", None), data=Path(data).absolute() if data else None
        )
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    return int(args.run(args, settings))
