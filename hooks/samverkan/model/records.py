"""The data model: one pydantic model per record kind, the single source of truth.

Keys are English snake_case because they are also the open-data format. Every field
carries a Swedish title, description and example, which the JSON Schema and the editors'
guide are generated from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REF_KEY = "x-samverkan-ref"
"""Schema keyword naming the record kind an id field refers to."""
FieldPath = tuple[str | int, ...]
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class Ref:
    """Marks a field as holding the id of a record of another kind."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"Ref({self.kind!r})"


def field(title: str, description: str, example: Any, **kwargs: Any) -> Any:
    """A model field with the Swedish help text that editors see."""
    return Field(title=title, description=description, examples=[example], **kwargs)


MAX_NAME = 300
MAX_TEXT = 20_000
MAX_NESTING = 10
"""Levels of lists and quotes in a line of Markdown: four columns of indentation, or a marker, each."""
MAX_BRACKETS = 100
MAX_LINES = 500
_MARKER = re.compile(r"[-*+](?= |$)|[0-9]{1,9}[.)](?= |$)|>")
_PREFIX = re.compile(r"(?: |[-*+](?= |$)|[0-9]{1,9}[.)](?= |$)|>)*")
"""What starts a line before its text: indentation, list markers and quote markers, in any order."""
_GAP = re.compile(r"(?<=[^ ]) +")
FIRST_YEAR, LAST_YEAR = 1900, 2100
RESERVED_IDS = frozenset({"index"})
"""Ids whose page would replace a generated one: data/KIND/index.yml would be the section's index."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_PLAIN = re.compile("[\x20-\x7e\xa0-\xac\xae-\u024f]*")
"""Printable Latin, soft hyphen aside: a name of only these holds nothing invisible."""
_SHOWS_NOTHING = set("\u115f\u1160\u3164\uffa0\u2800\u180e")
"""Letters and symbols that take up space but show nothing: Hangul fillers, the blank Braille cell."""
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _character(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'styrtecken')})"


def check_text(value: str, name: bool = False) -> str:
    """Refuse text that is blank, or holds what a reader cannot see but that changes what is shown."""
    if not value.strip():
        raise ValueError("fältet är tomt, förväntade text")
    if name and ("\n" in value or "\t" in value):
        raise ValueError("ett namn står på en rad; ta bort radbrytningar och tabbtecken")
    control = (_NAME_CONTROL if name else _CONTROL).search(value)
    if control:
        raise ValueError(f"texten innehåller styrtecknet {_character(control.group())}; ta bort det")
    direction = _DIRECTION.search(value)
    if direction:
        raise ValueError(
            f"texten innehåller det osynliga tecknet {_character(direction.group())}, som vänder textens riktning; ta bort det"
        )
    if name:
        invisible = _invisible(value)
        if invisible:
            raise ValueError(f"namnet innehåller det osynliga tecknet {_character(invisible)}; ta bort det")
        if not _LETTER_OR_DIGIT.search(value):
            raise ValueError("ett namn behöver minst en bokstav eller siffra")
    return value


def _invisible(name: str) -> str | None:
    """The first character in a name that is not seen: a format character (zero-width space,
    direction mark, soft hyphen, tag character …), a variation selector, or a blank letter."""
    if _PLAIN.fullmatch(name):
        return None
    for char in name:
        code = ord(char)
        if (
            char in _SHOWS_NOTHING
            or unicodedata.category(char) in ("Cf", "Zl", "Zp")
            or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF
        ):
            return char
    return None


def check_name(value: str) -> str:
    return check_text(value, name=True)


def check_markdown(value: str) -> str:
    """Text, with no deeper nesting and no more brackets than real descriptions have.

    The limits keep Python-Markdown in bounds: it recurses once per level of nested lists or
    quotes (and crashes past a few hundred), scans the rest of a paragraph for every "[", and
    splits a paragraph into lines again for every line.
    """
    check_text(value)
    lines = value.count("\n") + 1
    if lines > MAX_LINES:
        raise ValueError(f"texten har {lines} rader; högst {MAX_LINES} går")
    brackets = value.count("[")
    if brackets > MAX_BRACKETS:
        raise ValueError(f"texten har {brackets} hakparenteser [; högst {MAX_BRACKETS} går (en per länk)")
    for number, line in enumerate(value.split("\n"), start=1):
        expanded = line.expandtabs(4)
        prefix = _PREFIX.match(expanded).group()  # type: ignore[union-attr]  # (it matches, if only "")
        # Each marker is a level, and so is every four columns of indentation: at the start, and
        # after a marker beyond the one space that separates it from what follows.
        leading = len(prefix) - len(prefix.lstrip(" "))
        gaps = sum((len(gap) - 1) // 4 for gap in _GAP.findall(prefix))
        depth = len(_MARKER.findall(prefix)) + leading // 4 + gaps
        if depth > MAX_NESTING:
            raise ValueError(f"rad {number} i texten har listor eller citat i {depth} nivåer; högst {MAX_NESTING} går")
    return value


def _check_id(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"”{value}” är reserverat för avsnittets förstasida; välj ett annat id och filnamn")
    return value


def _parse_partial_date(value: Any) -> Any:
    """Accept a year, a year-month or a full date, and return it as an ISO string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        value = f"{value:04d}"
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return value
    match = PARTIAL_DATE.fullmatch(value)
    if not match:
        raise ValueError("ett datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"året {year} ligger utanför {FIRST_YEAR}–{LAST_YEAR}; kontrollera årtalet")
    try:
        date(year, month, day)
    except ValueError:
        raise ValueError("datumet finns inte i kalendern") from None
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
PartialDate = Annotated[
    str,
    BeforeValidator(_parse_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            ]
        }
    ),
]
OrgId = Annotated[str, Field(pattern=SLUG_PATTERN, json_schema_extra={REF_KEY: "organisations"}), Ref("organisations")]
AreaId = Annotated[str, Field(pattern=SLUG_PATTERN, json_schema_extra={REF_KEY: "areas"}), Ref("areas")]
DocumentId = Annotated[str, Field(pattern=SLUG_PATTERN, json_schema_extra={REF_KEY: "documents"}), Ref("documents")]
LegalId = Annotated[str, Field(pattern=SLUG_PATTERN, json_schema_extra={REF_KEY: "legal"}), Ref("legal")]
CollaborationId = Annotated[
    str, Field(pattern=SLUG_PATTERN, json_schema_extra={REF_KEY: "collaborations"}), Ref("collaborations")
]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME), AfterValidator(check_name)]
"""A name or title: one line, shown as link text and in headings; nothing invisible in it."""
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(check_text)]
"""Running text: lines and tabs allowed, control characters and direction overrides not."""
MARKDOWN_HELP = " Markdown går att använda: *kursiv*, **fet**, listor och [länkar](https://exempel.se)."
Markdown = Annotated[
    str,
    Field(min_length=1, max_length=MAX_TEXT, json_schema_extra={"contentMediaType": "text/markdown"}),
    AfterValidator(check_markdown),
]
"""Text that may hold Markdown; it is rendered and cleaned to an allowlist (see markup.py)."""


class Vocabulary(StrEnum):
    """A closed list of values, each with its Swedish label and the list's Swedish title.

    Members are written `gallande = "gallande", "Gällande"`: the value is what data files hold, the
    label what readers and editors see (Status.gallande.label). The JSON Schema takes both.
    """

    __title__ = ""
    label: str

    def __new__(cls, value: str, label: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema: dict[str, Any] = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        target["title"] = cls.__title__
        target["description"] = "Ett av: " + ", ".join(f"{member.value} ({member.label})" for member in cls)
        target["enumDescriptions"] = [member.label for member in cls]  # shown by VS Code's YAML extension
        return schema


class Classification(Vocabulary):
    """What kind of organisation or sub-body a record is."""

    __title__ = "Typ av organisation"

    region = "region", "Region"
    lansstyrelse = "lansstyrelse", "Länsstyrelse"
    kommun = "kommun", "Kommun"
    fullmaktige = "fullmaktige", "Fullmäktige"
    styrelse = "styrelse", "Styrelse"
    namnd = "namnd", "Nämnd"
    forvaltning = "forvaltning", "Förvaltning"
    grupp = "grupp", "Grupp"


class County(Vocabulary):
    """Sweden's 21 counties (län), in the order of their county codes (01 Stockholms län … 25
    Norrbottens län): what the network and timeline pages group organisations by."""

    __title__ = "Län"

    stockholms_lan = "stockholms_lan", "Stockholms län"
    uppsala_lan = "uppsala_lan", "Uppsala län"
    sodermanlands_lan = "sodermanlands_lan", "Södermanlands län"
    ostergotlands_lan = "ostergotlands_lan", "Östergötlands län"
    jonkopings_lan = "jonkopings_lan", "Jönköpings län"
    kronobergs_lan = "kronobergs_lan", "Kronobergs län"
    kalmar_lan = "kalmar_lan", "Kalmar län"
    gotlands_lan = "gotlands_lan", "Gotlands län"
    blekinge_lan = "blekinge_lan", "Blekinge län"
    skane_lan = "skane_lan", "Skåne län"
    hallands_lan = "hallands_lan", "Hallands län"
    vastra_gotalands_lan = "vastra_gotalands_lan", "Västra Götalands län"
    varmlands_lan = "varmlands_lan", "Värmlands län"
    orebro_lan = "orebro_lan", "Örebro län"
    vastmanlands_lan = "vastmanlands_lan", "Västmanlands län"
    dalarnas_lan = "dalarnas_lan", "Dalarnas län"
    gavleborgs_lan = "gavleborgs_lan", "Gävleborgs län"
    vasternorrlands_lan = "vasternorrlands_lan", "Västernorrlands län"
    jamtlands_lan = "jamtlands_lan", "Jämtlands län"
    vasterbottens_lan = "vasterbottens_lan", "Västerbottens län"
    norrbottens_lan = "norrbottens_lan", "Norrbottens län"


class CollaborationKind(Vocabulary):
    __title__ = "Typ av samverkan"

    overenskommelse = "overenskommelse", "Överenskommelse"
    intern_struktur = "intern_struktur", "Intern samverkansstruktur"


class Status(Vocabulary):
    __title__ = "Status"

    forslag = "forslag", "Förslag"
    gallande = "gallande", "Gällande"
    pa_prov = "pa_prov", "På prov"
    upphord = "upphord", "Upphörd"


class Role(Vocabulary):
    __title__ = "Roll"

    huvudman = "huvudman", "Huvudman"
    part = "part", "Part"
    deltagare = "deltagare", "Deltagare"
    beredning = "beredning", "Beredande organ"
    uppdragstagare = "uppdragstagare", "Uppdragstagare"
    beslutande = "beslutande", "Beslutande organ"
    samrad = "samrad", "Samrådspart"
    undertecknare = "undertecknare", "Undertecknare"
    initiativtagare = "initiativtagare", "Initiativtagare"


class DecisionKind(Vocabulary):
    __title__ = "Beslut eller förslag"

    forslag = "forslag", "Förslag"
    beslut = "beslut", "Beslut"


class SourceKind(Vocabulary):
    __title__ = "Typ av handling"

    arendebeskrivning = "arendebeskrivning", "Ärendebeskrivning"
    tjansteskrivelse = "tjansteskrivelse", "Tjänsteskrivelse"
    overenskommelse = "overenskommelse", "Överenskommelse"
    protokoll = "protokoll", "Protokoll"


class DocumentKind(Vocabulary):
    __title__ = "Typ av styrdokument"

    strategi = "strategi", "Strategi"
    plan = "plan", "Plan"
    program = "program", "Program"
    reglemente = "reglemente", "Reglemente"
    styrmodell = "styrmodell", "Styrmodell"
    ovrigt = "ovrigt", "Övrigt"


class DocumentState(Vocabulary):
    """Whether a governing document exists, or is only to be drawn up (as an agreement's årsplan)."""

    __title__ = "Dokumentets läge"

    finns = "finns", "Finns"
    ska_tas_fram = "ska_tas_fram", "Ska tas fram"


class Visibility(Vocabulary):
    """Who may see a record or an item: everyone, or only readers of the intranet edition."""

    __title__ = "Synlighet"

    publik = "publik", "Publik"
    intern = "intern", "Intern"


class Item(BaseModel):
    """Base of every model: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)

    visibility: Visibility = field(
        "Synlighet",
        "intern: visas bara i intranätsutgåvan och aldrig i den publika (sidor, sök, export). Utelämnad: publik.",
        "intern",
        default=Visibility.publik,
    )

    @property
    def internal(self) -> bool:
        return self.visibility is Visibility.intern


class Record(Item):
    """A record stored in a file of its own; the file name is its id."""

    id: Annotated[Slug, AfterValidator(_check_id)] = field(
        "Id",
        "Postens id: små bokstäver a–z, siffror och bindestreck. Samma som filnamnet. Kan inte vara ”index”.",
        "region-gotland",
    )
    name: Name = field("Namn", "Det fullständiga namnet, stavat som i källan.", "Region Gotland")


class Identifier(Item):
    model_config = ConfigDict(title="Identifierare")

    scheme: Name = field("Schema", "Vilket slags identifierare det är.", "organisationsnummer")
    identifier: Name = field("Identifierare", "Själva värdet.", "212000-0803")


class Post(Item):
    model_config = ConfigDict(title="Befattning")

    id: Slug = field("Id", "Postens id inom organisationen.", "regiondirektor")
    name: Name = field("Benämning", "Befattningens namn.", "Regiondirektör")


class PostRef(Item):
    """An organisation, or one of its posts."""

    model_config = ConfigDict(title="Befattning eller organisation")

    organisation: OrgId = field("Organisation", "Organisationens id.", "region-gotland")
    post: Slug | None = field(
        "Befattning",
        "Id för en befattning inom organisationen, om det gäller en befattning.",
        "regiondirektor",
        default=None,
    )


class Intros(Item):
    model_config = ConfigDict(title="Inledningar")

    purposes: Text | None = field(
        "Syften", "Källans inledning till syftena.", "Syftet med överenskommelsen är att:", default=None
    )
    priority_areas: Text | None = field(
        "Prioriterade områden",
        "Källans inledning till områdena.",
        "Förslag till prioriterade områden med målsättningar för år 2022–2024:",
        default=None,
    )
    perspectives: Text | None = field(
        "Tvärgående perspektiv",
        "Källans mening om perspektiven, i stället för en kommentar vid vart och ett.",
        "De ska inkluderas som tvärgående perspektiv i de prioriterade områdena.",
        default=None,
    )
    assignments: Text | None = field(
        "Uppdrag",
        "Källans inledning till uppdragen, i stället för samma tid vid vart och ett.",
        "Efter att samverkansöverenskommelsen har slutits ska uppdrag ges till respektive organisation att:",
        default=None,
    )


class Period(Item):
    model_config = ConfigDict(title="Period")

    start: PartialDate | None = field("Från", "Startdatum: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.", "2022", default=None)
    end: PartialDate | None = field("Till", "Slutdatum: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.", "2024", default=None)
    note: Text | None = field(
        "Kommentar",
        "Perioden med källans ord, när den inte anges exakt.",
        "Innevarande mandatperiod",
        default=None,
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"perioden slutar ({self.end}) före sin start ({self.start})")
        return self


class Organisation(Record):
    model_config = ConfigDict(title="Organisation eller organ")

    short_name: Name | None = field("Kortnamn", "Vedertagen förkortning.", "HSN", default=None)
    classification: Classification = field("Typ", "Vilket slags organisation eller organ det är.", "namnd")
    parent: OrgId | None = field(
        "Ingår i", "Id för den organisation som organet ingår i.", "region-jamtland-harjedalen", default=None
    )
    county: County | None = field(
        "Län",
        "Länet som organisationen hör till. Behövs bara för organisationer som inte ingår i någon annan: "
        "ett organ hör till samma län som organisationen det ingår i. Lämna tomt för nationella organisationer.",
        "jamtlands_lan",
        default=None,
    )
    description: Markdown | None = field(
        "Beskrivning",
        "Vad organisationen är, med källans ord." + MARKDOWN_HELP,
        "Region Gotlands styrelse.",
        default=None,
    )
    identifiers: list[Identifier] = field("Identifierare", "Till exempel organisationsnummer.", [], default=[])
    posts: list[Post] = field(
        "Befattningar",
        "Befattningar i organisationen som källorna nämner.",
        [{"id": "regiondirektor", "name": "Regiondirektör"}],
        default=[],
    )


class Party(Item):
    model_config = ConfigDict(title="Part eller deltagare")

    organisation: OrgId = field("Organisation", "Id för organisationen.", "lansstyrelsen-jamtlands-lan")
    role: Role = field("Roll", "Organisationens roll i samverkan.", "part")
    note: Text | None = field("Kommentar", "Rollen med källans ord.", "Bemannar beredningsgruppen.", default=None)


class AreaLink(Item):
    model_config = ConfigDict(title="Prioriterat område")

    area: AreaId = field("Område", "Id för det prioriterade området.", "folkhalsa")
    period: Period | None = field("Period", "Perioden som målen gäller.", {"start": 2022, "end": 2024}, default=None)
    focus: Text | None = field("Inriktning", "Vad området särskilt omfattar.", "Särskilt ANDTS", default=None)
    goals: list[Text] = field("Mål", "Målsättningar för området.", ["Minskad psykisk ohälsa"], default=[])


class Perspective(Item):
    model_config = ConfigDict(title="Tvärgående perspektiv")

    area: AreaId = field("Område", "Id för perspektivet.", "samiska-fragor")
    note: Text | None = field("Kommentar", "Hur perspektivet ska användas.", "Ingår i alla områden.", default=None)


class Meeting(Item):
    model_config = ConfigDict(title="Återkommande möte")

    name: Name = field("Namn", "Mötets namn.", "Möte på högsta nivå")
    months: list[Annotated[int, Field(strict=True, ge=1, le=12)]] = field(
        "Månader", "Månader då mötet hålls, som tal 1–12.", [2, 12], default=[]
    )
    level: Text | None = field("Nivå", "På vilken nivå mötet hålls.", "Högsta nivå", default=None)
    participants: list[PostRef] = field(
        "Deltagare",
        "Organisationer eller befattningar som deltar.",
        [{"organisation": "region-gotland", "post": "regiondirektor"}],
        default=[],
    )
    participants_note: Text | None = field(
        "Deltagare, med källans ord", "Deltagarna som källan beskriver dem.", "Landshövdingen/Regionråd", default=None
    )
    prepared_by: OrgId | None = field(
        "Förberedande organ",
        "Id för organet som förbereder mötet.",
        "koncernledningsgruppen-region-gotland",
        default=None,
    )
    description: Text | None = field("Beskrivning", "Vad mötet gör.", "Samordnar verksamhetsplaneringen.", default=None)


class Assignment(Item):
    model_config = ConfigDict(title="Uppdrag")

    text: Text = field("Uppdrag", "Uppdraget med källans ord.", "Bemanna beredningsgruppen")
    responsible: list[OrgId] = field(
        "Ansvarig", "Id för den eller de organisationer som har uppdraget.", ["region-gotland"], default=[]
    )
    when: Text | None = field(
        "När", "När uppdraget ges eller ska utföras.", "Efter att överenskommelsen har slutits", default=None
    )


class CaseNumber(Item):
    model_config = ConfigDict(title="Ärende")

    reference: Name = field("Diarienummer", "Diarienumret precis som det skrivs.", "RS 2022/1483")
    organisation: OrgId = field("Organisation", "Id för organisationen som diariefört ärendet.", "region-gotland")


class Decision(Item):
    model_config = ConfigDict(title="Beslut eller förslag")

    kind: DecisionKind = field("Typ", "Förslag eller fattat beslut.", "forslag")
    title: Name | None = field("Rubrik", "Rubriken i källan.", "Förslag till beslut", default=None)
    points: list[Text] = field(
        "Beslutspunkter", "Beslutets eller förslagets punkter.", ["Strukturen inrättas på prov."], min_length=1
    )
    body: OrgId | None = field(
        "Beslutande organ", "Id för organet som beslutar.", "regionstyrelsen-region-gotland", default=None
    )
    proposed_by: PostRef | None = field(
        "Förslagsställare",
        "Organisation eller befattning som lägger förslaget.",
        {"organisation": "region-gotland", "post": "regiondirektor"},
        default=None,
    )
    case: CaseNumber | None = field(
        "Ärende", "Diarienummer.", {"reference": "RS 2022/1483", "organisation": "region-gotland"}, default=None
    )
    date: PartialDate | None = field("Datum", "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.", "2023-06-30", default=None)
    basis: list[Text] = field(
        "Beslutsunderlag", "Handlingar som beslutet grundas på.", ["Tjänsteskrivelse daterad 2023-06-30"], default=[]
    )


class RelatedCase(Item):
    model_config = ConfigDict(title="Relaterat ärende")

    title: Name = field("Ärendemening", "Vad ärendet gäller.", "Etablering av regional samverkansstruktur")
    case: CaseNumber = field("Ärende", "Diarienummer.", {"reference": "RS 2022/1483", "organisation": "region-gotland"})
    note: Text | None = field(
        "Samband", "Hur ärendet hänger ihop med samverkan.", "Uppdraget kommer härifrån.", default=None
    )


class LegalBasis(Item):
    model_config = ConfigDict(title="Rättslig grund")

    legal_reference: LegalId = field("Lag", "Id för lagen.", "kommunallagen")
    provision: Text | None = field("Bestämmelse", "Kapitel och paragraf, som i källan.", "6 kap. 1 §", default=None)
    text: Text | None = field(
        "Innehåll", "Vad bestämmelsen säger, enligt källan.", "Styrelsen ska leda och samordna.", default=None
    )


class DocumentLink(Item):
    model_config = ConfigDict(title="Styrdokument i samverkan")

    document: DocumentId = field("Dokument", "Id för styrdokumentet.", "regional-utvecklingsstrategi-jamtlands-lan")
    note: Text | None = field(
        "Samband", "Hur dokumentet hänger ihop med samverkan.", "Grunden för arbetet.", default=None
    )
    quote: Text | None = field(
        "Citat", "Ett citat ur dokumentet, som källan återger det.", "styrelsen ansvarar för samordning", default=None
    )


class Signatory(Item):
    model_config = ConfigDict(title="Undertecknare")

    name: Name = field("Namn", "Personens namn.", "Stefan Hollmark")
    title: Name = field("Titel", "Titeln med källans ord, med liten bokstav som i löpande text.", "tf. regiondirektör")
    post: PostRef | None = field(
        "Befattning",
        "Befattningen som titeln motsvarar.",
        {"organisation": "region-gotland", "post": "regiondirektor"},
        default=None,
    )


class Recipient(Item):
    model_config = ConfigDict(title="Mottagare")

    text: Text | None = field(
        "Mottagare, fritext", "Mottagaren med källans ord.", "Alla facknämnder och förvaltningar.", default=None
    )
    post: PostRef | None = field(
        "Mottagare",
        "Organisation eller befattning.",
        {"organisation": "region-jamtland-harjedalen", "post": "ekonomidirektor"},
        default=None,
    )

    @model_validator(mode="after")
    def _one_of(self) -> Recipient:
        if (self.text is None) == (self.post is None):
            raise ValueError("ange antingen text eller post")
        return self


class SourceDocument(Item):
    model_config = ConfigDict(title="Källhandling")

    kind: SourceKind = field("Typ", "Vilket slags handling.", "tjansteskrivelse")
    title: Name = field("Rubrik", "Handlingens rubrik.", "Intern samverkansstruktur")
    date: PartialDate | None = field("Datum", "Handlingens datum.", "2023-06-30", default=None)
    author: OrgId | None = field(
        "Upprättad av", "Id för organisationen som skrev handlingen.", "region-gotland", default=None
    )
    recipient: OrgId | None = field(
        "Mottagare", "Id för organet som handlingen riktas till.", "regionstyrelsen-region-gotland", default=None
    )
    case: CaseNumber | None = field(
        "Ärende", "Diarienummer.", {"reference": "RS 2022/1483", "organisation": "region-gotland"}, default=None
    )
    signatories: list[Signatory] = field(
        "Undertecknad av",
        "Personer som skrivit under.",
        [{"name": "Stefan Hollmark", "title": "Regiondirektör"}],
        default=[],
    )
    signature_note: Text | None = field("Underskrift, rubrik", "Text före underskrifterna.", "I tjänsten", default=None)
    distribution_title: Text | None = field(
        "Sändlista, rubrik", "Rubriken på sändlistan.", "Skickas till", default=None
    )
    distribution: list[Recipient] = field(
        "Sändlista", "Vilka som får handlingen.", [{"text": "Alla facknämnder och förvaltningar."}], default=[]
    )


class ChangeNote(Item):
    model_config = ConfigDict(title="Ändring")

    text: Text = field("Ändring", "Vad som ändrades, med källans ord.", "Miljö har lagts till.")
    when: Text | None = field("När", "När, med källans ord.", "v. 6", default=None)
    consulted: list[OrgId] = field(
        "Avstämt med presidiet eller ledningen i",
        "Id för organ vars presidier eller ledning tillfrågades.",
        ["halso-och-sjukvardsnamnden"],
        default=[],
    )
    areas: list[AreaId] = field("Berörda områden", "Id för områden som ändringen gäller.", ["folkhalsa"], default=[])


class Collaboration(Record):
    model_config = ConfigDict(title="Samverkan")

    kind: CollaborationKind = field(
        "Typ", "Överenskommelse mellan organisationer eller intern struktur.", "overenskommelse"
    )
    short_name: Name | None = field("Kortnamn", "Kort namn för listor.", "Samverkansöverenskommelsen", default=None)
    status: Status = field("Status", "Läget enligt den senaste källan.", "forslag")
    status_note: Text | None = field(
        "Statusens källa",
        "Var och när statusen anges, om samverkan saknar egen källhandling. Visas inom parentes efter statusen.",
        "enligt ärendebeskrivningen om den nya överenskommelsen, odaterad",
        default=None,
    )
    period: Period | None = field("Period", "När samverkan gäller.", {"start": 2022, "end": 2024}, default=None)
    case: CaseNumber | None = field(
        "Ärende",
        "Diarienummer för samverkan.",
        {"reference": "RS/482/2018", "organisation": "region-jamtland-harjedalen"},
        default=None,
    )
    parties: list[Party] = field(
        "Parter och deltagare",
        "Organisationer och deras roller.",
        [{"organisation": "region-gotland", "role": "part"}],
        min_length=1,
    )
    nature: list[Text] = field(
        "Samverkans karaktär", "Vad slags samverkan det är.", ["Ett handslag på övergripande nivå."], default=[]
    )
    background: list[Text] = field(
        "Bakgrund", "Bakgrunden, ett stycke per rad.", ["Det finns sedan tidigare ett samverkansavtal."], default=[]
    )
    intros: Intros | None = field(
        "Inledningar",
        "Källans inledande meningar till avsnitten, så att varje sak står en gång.",
        {"purposes": "Syftet med överenskommelsen är att:"},
        default=None,
    )
    purposes: list[Text] = field(
        "Syften", "Syftena, ett per rad.", ["Etablera en kontinuerlig mötesstruktur"], default=[]
    )
    priority_areas: list[AreaLink] = field(
        "Prioriterade områden", "Områden med mål och period.", [{"area": "folkhalsa"}], default=[]
    )
    perspectives: list[Perspective] = field(
        "Tvärgående perspektiv", "Perspektiv som ska ingå i alla områden.", [{"area": "samiska-fragor"}], default=[]
    )
    meetings: list[Meeting] = field(
        "Möten",
        "Möten som hålls regelbundet.",
        [{"name": "Möte på högsta nivå", "months": [2, 12]}],
        default=[],
    )
    assignments: list[Assignment] = field(
        "Uppdrag", "Uppdrag som följer av samverkan.", [{"text": "Bemanna beredningsgruppen"}], default=[]
    )
    decisions: list[Decision] = field(
        "Beslut och förslag",
        "Beslut och förslag till beslut.",
        [{"kind": "forslag", "points": ["Överenskommelsen antas."]}],
        default=[],
    )
    predecessor: CollaborationId | None = field(
        "Ersätter",
        "Id för den samverkan som denna ersätter.",
        "samverkansavtal-lansstyrelsen-region-jamtland-harjedalen-2018",
        default=None,
    )
    related_cases: list[RelatedCase] = field(
        "Relaterade ärenden", "Andra ärenden som samverkan bygger på.", [], default=[]
    )
    legal_basis: list[LegalBasis] = field(
        "Rättslig grund",
        "Lagrum som samverkan vilar på.",
        [{"legal_reference": "kommunallagen", "provision": "6 kap. 1 §"}],
        default=[],
    )
    governing_documents: list[DocumentLink] = field(
        "Styrdokument", "Styrdokument som samverkan bygger på.", [{"document": "styrmodell-region-gotland"}], default=[]
    )
    evaluation: list[Text] = field(
        "Utvärdering", "Hur och när samverkan utvärderas.", ["Utvärderas efter mandatperioden."], default=[]
    )
    consequences: list[Text] = field(
        "Bedömning", "Bedömningar av förutsättningar och följder.", ["Ökade kostnader."], default=[]
    )
    source_documents: list[SourceDocument] = field(
        "Källhandlingar", "Handlingar som uppgifterna kommer från.", [], default=[]
    )
    change_notes: list[ChangeNote] = field("Ändringar", "Ändringar som källan redovisar.", [], default=[])


class Area(Record):
    model_config = ConfigDict(title="Prioriterat område eller perspektiv")

    description: Markdown | None = field(
        "Beskrivning",
        "Vad området omfattar, enligt källorna." + MARKDOWN_HELP,
        "Folkhälsoarbete i länet.",
        default=None,
    )


class Document(Record):
    model_config = ConfigDict(title="Styrdokument")

    kind: DocumentKind = field("Typ", "Vilket slags styrdokument.", "strategi")
    state: DocumentState = field(
        "Läge",
        "ska_tas_fram för ett dokument som källan säger ska tas fram; utelämnat: finns.",
        "ska_tas_fram",
        default=DocumentState.finns,
    )
    organisations: list[OrgId] = field(
        "Framtaget av", "Id för organisationer som tagit fram dokumentet.", ["region-gotland"], default=[]
    )
    adopted_by: OrgId | None = field(
        "Antaget av", "Id för organet som antagit dokumentet.", "regionfullmaktige-region-gotland", default=None
    )
    period: Period | None = field("Period", "Perioden dokumentet gäller.", {"start": 2020, "end": 2030}, default=None)
    description: list[Markdown] = field(
        "Beskrivning",
        "Vad källorna säger om dokumentet, ett stycke per rad." + MARKDOWN_HELP,
        ["Ett övergripande styrdokument."],
        default=[],
    )


class LegalReference(Record):
    model_config = ConfigDict(title="Lagrum")

    short_name: Name | None = field("Kortnamn", "Vedertagen förkortning.", "KL", default=None)
    identifier: Name | None = field("Författningsnummer", "SFS-nummer.", "SFS 2017:725", default=None)
    jurisdiction: Name = field("Gäller i", "Där lagen gäller.", "Sverige", default="Sverige")
    description: list[Markdown] = field(
        "Beskrivning", "Vad källorna säger om lagen, ett stycke per rad." + MARKDOWN_HELP, [], default=[]
    )


def _ref_kind(annotation: Any) -> str | None:
    """The kind a (possibly optional or list-wrapped) annotation refers to, if any."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta.kind
    for arg in getattr(annotation, "__args__", ()) or ():
        kind = _ref_kind(arg)
        if kind:
            return kind
    return None


@cache
def _fields(model: type[BaseModel]) -> list[tuple[str, str | None]]:
    """A model's field names, each with the kind of record it refers to, if any (worked out once)."""
    return [
        (name, _ref_kind(info.annotation) or next((m.kind for m in info.metadata if isinstance(m, Ref)), None))
        for name, info in model.model_fields.items()
    ]


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside a (possibly optional or list-wrapped) annotation, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, map(model_in, getattr(annotation, "__args__", ()) or ())), None)


def references_in(model: type[BaseModel], data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str, str]]:
    """Yield (field path, id, referenced kind) for every reference in plain data read for a model,
    valid or not: the references of a record with other errors can still be checked."""
    if not isinstance(data, dict):
        return
    for name, kind in _fields(model):
        value = data.get(name)
        values = value if isinstance(value, list) else [value]
        inner = model_in(model.model_fields[name].annotation)
        for index, element in enumerate(values):
            where = (*path, name, index) if isinstance(value, list) else (*path, name)
            if kind and isinstance(element, str):
                yield where, element, kind
            elif inner is not None:
                yield from references_in(inner, element, where)


def walk(item: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any, str | None]]:
    """Yield (field path, value, referenced kind or None) for every value inside item, depth first."""
    for name, kind in _fields(type(item)):
        value = getattr(item, name)
        values = value if isinstance(value, list) else [value]
        for index, element in enumerate(values):
            where = (*path, name, index) if isinstance(value, list) else (*path, name)
            yield where, element, kind
            if isinstance(element, BaseModel):
                yield from walk(element, where)
