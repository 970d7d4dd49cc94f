"""Bad input, file by file: every check ends in one clear Swedish message at the right line.

Each case breaks one thing in a copy of the fixture data and runs `python -m samverkan check`
on it, asserting the exit code, the file, the line, the field and the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from samverkan.cli import main
from samverkan.ingest.load import MAX_FILE_BYTES
from samverkan.model.kinds import KINDS

ORG = "organisations/kommun-a.yml"
COLLAB = "collaborations/avtal-a-b.yml"
AREA = "areas/folkhalsa.yml"
DOC = "documents/strategi-x.yml"
LAW = "legal/kommunallagen.yml"
BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
)


@dataclass(frozen=True)
class Case:
    file: str
    edit: str | bytes | tuple[str, str]  # whole new content, or (old, new) within the file
    line: int
    field: str
    message: str
    reported: str | None = None  # the file the problem is reported in, when not the one written


CASES = {
    # Files that cannot be read as YAML records
    "tom fil": Case(AREA, "", 1, "", "filen är tom"),
    "bara kommentarer": Case(AREA, "# inget här\n", 1, "", "filen är tom"),
    "inte UTF-8": Case(
        AREA, "id: folkhalsa\nname: Folkh\xe4lsa\n".encode("latin-1"), 2, "", "filen är inte UTF-8: byten 0xE4"
    ),
    "för stor fil": Case(
        AREA, "id: folkhalsa\nname: " + "x" * MAX_FILE_BYTES + "\n", 1, "", "största tillåtna storlek"
    ),
    "YAML-syntax": Case(ORG, ("name: Kommun A", "name: [Kommun A"), 4, "", "listan saknar sitt avslutande ”]”"),
    "listpunkt utan mellanslag": Case(
        COLLAB,
        ("  - organisation: kommun-a", "  -organisation: kommun-a"),
        10,
        "",
        "behövs ett mellanslag: skriv ”- fält: värde”",
    ),
    "indrag under ett värde": Case(
        COLLAB,
        ("kind: overenskommelse", "kind: overenskommelse\n  status: gallande"),
        5,
        "",
        "raden är indragen mer än raden ovanför",
    ),
    "tabb som indrag": Case(
        ORG,
        ("  - id: kommundirektor", "\t- id: kommundirektor"),
        7,
        "",
        "tabbtecken står i indraget; använd mellanslag",
    ),
    "python-tagg": Case(
        LAW,
        ("name: Kommunallagen", "name: !!python/object/apply:os.system [ls]"),
        3,
        "name",
        "taggen !!python/object/apply:os.system stöds inte",
    ),
    "okänd tagg": Case(LAW, ("name: Kommunallagen", "name: !lag Kommunallagen"), 3, "name", "taggen !lag stöds inte"),
    "aliasbomb": Case(AREA, BOMB, 5, "", "ankare och alias"),
    "lista i stället för post": Case(
        AREA, "- id: folkhalsa\n", 1, "", "förväntade en mappning med fälten för ett område"
    ),
    # Organisations
    "namn saknas": Case(ORG, ("name: Kommun A\n", ""), 2, "name", "obligatoriskt fält saknas"),
    "felstavat fält": Case(
        ORG, ("classification:", "clasification:"), 4, "clasification", "menade du ”classification”?"
    ),
    "fel typ av organisation": Case(
        ORG,
        ("classification: kommun", "classification: komun"),
        4,
        "classification",
        "(menade du ”kommun”?), förväntade ett av: region (Region), lansstyrelse (Länsstyrelse), kommun (Kommun)",
    ),
    "namn som lista": Case(ORG, ("name: Kommun A", "name: [Kommun A]"), 3, "name", "fann en lista, förväntade text"),
    "id som inte är ett id": Case(
        ORG, ("id: kommun-a", "id: Kommun A"), 2, "id", "förväntade ett id med små bokstäver"
    ),
    "id skiljer sig från filnamnet": Case(
        ORG, ("id: kommun-a", "id: kommun-b"), 2, "id", "förväntade ”kommun-a” som filnamnet"
    ),
    "slinga i överordnade": Case(
        ORG,
        ("classification: kommun", "classification: kommun\nparent: kommunstyrelsen-kommun-a"),
        5,
        "parent",
        "ingår i sig själv",
    ),
    "okänd överordnad": Case(
        ORG,
        ("classification: kommun", "classification: kommun\nparent: komun-a"),
        5,
        "parent",
        "förväntade id för en organisation i data/organisations/",
    ),
    "befattning utan namn": Case(
        ORG, ("    name: Kommundirektör\n", ""), 7, "posts[0].name", "obligatoriskt fält saknas"
    ),
    # Collaborations
    "okänd status": Case(
        COLLAB,
        ("status: gallande", "status: gällande"),
        5,
        "status",
        "(skriv ”gallande”: värdena skrivs utan å, ä och ö), förväntade ett av: forslag (Förslag), gallande (Gällande), pa_prov (På prov), upphord (Upphörd)",
    ),
    "slut före start": Case(
        COLLAB,
        ("period: {start: 2022-02, end: 2024}", "period: {start: 2024, end: 2022-02}"),
        6,
        "period",
        "perioden slutar (2022-02) före sin start (2024)",
    ),
    "datum som inte finns": Case(
        COLLAB, ("date: 2022-01-31", "date: 2023-02-30"), 38, "decisions[0].date", "datumet finns inte i kalendern"
    ),
    "datum i fel form": Case(
        COLLAB,
        ("date: 2022-01-31", "date: 31 januari 2022"),
        38,
        "decisions[0].date",
        "ett datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
    ),
    "månad 13": Case(
        COLLAB, ("months: [2, 11]", "months: [2, 13]"), 26, "meetings[0].months[1]", "förväntade ett tal från 1 till 12"
    ),
    "inga parter": Case(COLLAB, ("parties:\n", "parties: []\nx_parties:\n"), 8, "parties", "för få element"),
    "okänt område": Case(
        COLLAB,
        ("area: folkhalsa", "area: folkhalsan"),
        21,
        "priority_areas[0].area",
        "Menade du ”folkhalsa” (Folkhälsa)? Finns det inte än: skapa det med python -m samverkan new areas folkhalsan",
    ),
    "å i ett id": Case(
        COLLAB,
        ("area: folkhalsa", "area: folkhälsa"),
        21,
        "priority_areas[0].area",
        "förväntade ett id med små bokstäver a–z",
    ),
    "okänd befattning": Case(
        COLLAB,
        ("post: kommundirektor", "post: kommunchef"),
        28,
        "meetings[0].participants[0].post",
        "förväntade en befattning i Kommun A: kommundirektor",
    ),
    "text i stället för lista": Case(
        COLLAB,
        ("purposes:\n  - Samordna arbetet.", "purposes: Samordna arbetet."),
        18,
        "purposes",
        "förväntade en lista",
    ),
    "felstavat fält i möte": Case(
        COLLAB, ("months: [2, 11]", "month: [2, 11]"), 26, "meetings[0].month", "menade du ”months”?"
    ),
    "okänd roll": Case(
        COLLAB,
        ("role: beslutande", "role: beslutsfattare"),
        14,
        "parties[2].role",
        "förväntade ett av: huvudman (Huvudman), part (Part)",
    ),
    # Areas
    "tomt namn": Case(AREA, ("name: Folkhälsa", "name: ''"), 3, "name", "fältet är tomt, förväntade text"),
    "svensk fältrubrik": Case(
        AREA, ("description:", "beskrivning:"), 4, "beskrivning", "menade du ”description”, Beskrivning?"
    ),
    "filändelsen .yaml": Case(
        "areas/folkhalsa.yaml", "id: folkhalsa\nname: Folkhälsa igen\n", 1, "", "döp om filen eller ta bort den"
    ),
    # Documents
    "okänd dokumenttyp": Case(DOC, ("kind: strategi", "kind: strategy"), 4, "kind", "menade du ”strategi”?"),
    "okänd organisation i dokument": Case(
        DOC,
        ("organisations: [region-b]", "organisations: [region-c]"),
        5,
        "organisations[0]",
        "Menade du ”region-b” (Region B)?",
    ),
    "tal i stället för text": Case(DOC, ("name: Strategi X", "name: 42"), 3, "name", "fann talet 42, förväntade text"),
    # Legal references
    "lag utan namn": Case(LAW, ("name: Kommunallagen\n", ""), 2, "name", "obligatoriskt fält saknas"),
    "beskrivning som mappning": Case(
        LAW, ("short_name: KL", "short_name: KL\ndescription: {a: b}"), 5, "description", "förväntade en lista"
    ),
}


def _break(data: Path, case: Case) -> None:
    target = data / case.file
    if isinstance(case.edit, tuple):
        old, new = case.edit
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} finns inte i {case.file}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    elif isinstance(case.edit, bytes):
        target.write_bytes(case.edit)
    else:
        target.write_text(case.edit, encoding="utf-8")


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_bad_input_gives_one_clear_message(
    case: Case, data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(data_copy, case)
    monkeypatch.chdir(data_copy.parent)
    assert main(["check", "--data", "data"]) == 1
    output = capsys.readouterr().err.splitlines()
    # The field's key, then its Swedish title: "fältet status (Status):".
    field = re.compile(rf": fältet {re.escape(case.field)}( \([^)]*\))?: " if case.field else r": [^:]")
    expected = [
        line
        for line in output
        if line.startswith(f"data/{case.reported or case.file}:{case.line}:") and field.search(line)
    ]
    assert any(case.message in line for line in expected), "\n".join(output)
    assert output[-1].endswith("fel hittades.")


def test_github_format_annotates_the_line(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(data_copy, CASES["okänd status"])
    monkeypatch.chdir(data_copy.parent)
    assert main(["check", "--data", "data", "--format", "github"]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(
        "::error file=data/collaborations/avtal-a-b.yml,line=5,col=9::fältet status (Status): fann texten ”gällande”"
    )


def test_problems_come_sorted_by_file_and_line(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ["okänd dokumenttyp", "okänd status", "datum som inte finns", "tom fil"]:
        _break(data_copy, CASES[name])
    monkeypatch.chdir(data_copy.parent)
    assert main(["check", "--data", "data"]) == 1
    output = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0:2] for line in output[:-1]] == [
        ["data/areas/folkhalsa.yml", "1"],
        ["data/collaborations/avtal-a-b.yml", "5"],
        ["data/collaborations/avtal-a-b.yml", "38"],
        ["data/documents/strategi-x.yml", "4"],
    ]
    assert output[-1] == "4 fel hittades."


def test_the_real_data_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("Inga fel hittades")


def test_new_leaves_what_only_the_editor_knows_empty(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new file fails the check until the editor fills in what only they know; nothing is guessed,
    and nothing is taken from another record."""
    for kind in KINDS:
        assert main(["new", kind, f"ny-{kind}", "--data", str(data_copy)]) == 0
        text = (data_copy / kind / f"ny-{kind}.yml").read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=") and "\nname:\n" in text
        assert "kommun-a" not in text and "region-b" not in text
    capsys.readouterr()
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "organisations/ny-organisations.yml:6:16: fältet classification (Typ): fann ett tomt värde" in err
    assert "fältet parties (Parter och deltagare): fann ett tomt värde" in err
    for kind in KINDS:
        (data_copy / kind / f"ny-{kind}.yml").unlink()
    # What the editor gives is written, and then the file passes.
    assert (
        main(
            [
                "new",
                "organisations",
                "umea-kommun",
                "--name",
                "Umeå kommun",
                "--classification",
                "kommun",
                "--data",
                str(data_copy),
            ]
        )
        == 0
    )
    args = ["--name", "Ny samverkan", "--part", "kommun-a", "--part", "umea-kommun", "--set", "kind=overenskommelse"]
    assert (
        main(["new", "collaborations", "ny-samverkan", *args, "--set", "status=forslag", "--data", str(data_copy)]) == 0
    )
    assert main(["check", "--data", str(data_copy)]) == 0
    args = ["--name", "Nämnd", "--classification", "namnd", "--parent", "umea-kommun", "--set", "short_name=UN"]
    assert main(["new", "organisations", "umea-namnd", *args, "--data", str(data_copy)]) == 0
    written = (data_copy / "organisations" / "umea-namnd.yml").read_text(encoding="utf-8")
    assert "\nparent: umea-kommun\n" in written and "\nshort_name: UN\n" in written  # optional fields too
    assert main(["check", "--data", str(data_copy)]) == 0
    assert main(["new", "organisations", "umea-kommun", "--data", str(data_copy)]) == 1
    assert main(["new", "areas", "Ogiltigt_Id", "--data", str(data_copy)]) == 1
    assert "inget giltigt id" in capsys.readouterr().err


def test_the_command_line_speaks_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["nope"], ["new"], ["check", "--okänd"]):
        with pytest.raises(SystemExit):
            main(argv)
        err = capsys.readouterr().err
        assert "användning: python -m samverkan" in err and ": fel: " in err, err
        assert not any(word in err for word in ("usage", "error", "invalid", "required", "unrecognized")), err
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out = capsys.readouterr().out
    assert "flaggor:" in out and "visa den här hjälpen och avsluta" in out and "options" not in out
