"""A deterministic synthetic national dataset: every region, county administrative board and
municipality in Sweden, their boards, and about 1,500 collaborations per unit of scale.

The names of counties, regions and municipalities are real; everything else is made up, from a
fixed seed, so that the same scale always gives the same files. It exists to measure and test
the build at national scale, never to be published.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from samverkan.model.fold import slug
from samverkan.model.kinds import KINDS
from samverkan.outputs.schemas import schema_file

SEED = 2026
COLLABORATIONS_PER_SCALE = 1500
RESOURCES = Path(__file__).parent / "resources"

AREAS = [
    "Folkhälsa",
    "Psykisk hälsa",
    "Nära vård",
    "Äldreomsorg",
    "Barn och unga",
    "Skola och utbildning",
    "Kompetensförsörjning",
    "Klimat och miljö",
    "Energiomställning",
    "Kollektivtrafik",
    "Digitalisering",
    "Bredband",
    "Krisberedskap",
    "Civilt försvar",
    "Näringslivsutveckling",
    "Besöksnäring",
    "Landsbygdsutveckling",
    "Livsmedelsstrategi",
    "Vattenförsörjning",
    "Kultur",
    "Integration",
    "Bostadsförsörjning",
    "Trygghet och brottsförebyggande arbete",
    "Samiska frågor",
    "Jämställdhet",
]
PERSPECTIVES = ["Barnrättsperspektiv", "Jämställdhetsperspektiv", "Hållbarhetsperspektiv"]
LAWS = [
    ("kommunallagen", "Kommunallagen", "KL", "SFS 2017:725"),
    ("halso-och-sjukvardslagen", "Hälso- och sjukvårdslagen", "HSL", "SFS 2017:30"),
    ("socialtjanstlagen", "Socialtjänstlagen", "SoL", "SFS 2025:400"),
    ("skollagen", "Skollagen", None, "SFS 2010:800"),
    ("forordning-med-lansstyrelseinstruktion", "Förordning med länsstyrelseinstruktion", None, "SFS 2017:868"),
]
REGION_BOARDS = [
    ("regionfullmaktige", "Regionfullmäktige", "fullmaktige"),
    ("regionstyrelsen", "Regionstyrelsen", "styrelse"),
    ("halso-och-sjukvardsnamnden", "Hälso- och sjukvårdsnämnden", "namnd"),
    ("regionala-utvecklingsnamnden", "Regionala utvecklingsnämnden", "namnd"),
]
MUNICIPAL_BOARDS = [
    ("kommunfullmaktige", "Kommunfullmäktige", "fullmaktige"),
    ("kommunstyrelsen", "Kommunstyrelsen", "styrelse"),
    ("socialnamnden", "Socialnämnden", "namnd"),
    ("barn-och-utbildningsnamnden", "Barn- och utbildningsnämnden", "namnd"),
]
STATUSES = ["gallande"] * 5 + ["forslag", "pa_prov", "upphord"]
MONTHS = list(range(1, 13))


def municipality_name(place: str) -> str:
    """Eslöv → Eslövs kommun, Lomma → Lomma kommun, Falun → Falu kommun."""
    special = {"Falun": "Falu kommun", "Orust": "Orust kommun"}
    if place in special:
        return special[place]
    genitive = "" if place[-1] in "aeiouyåäösxz" else "s"
    return f"{place}{genitive} kommun"


@dataclass
class Org:
    id: str
    name: str
    classification: str
    lan: str
    parent: str | None = None
    boards: dict[str, str] = field(default_factory=dict)  # board key → id


@dataclass
class Dataset:
    """Records by kind and id, as plain dicts in the order of the YAML files."""

    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: {kind: {} for kind in KINDS})

    def add(self, kind: str, record: dict[str, Any]) -> None:
        self.records[kind][record["id"]] = record

    def write(self, out: Path) -> int:
        count = 0
        for kind, records in self.records.items():
            folder = out / kind
            folder.mkdir(parents=True, exist_ok=True)
            for record_id, record in records.items():
                text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
                header = f"# yaml-language-server: $schema=../schemas/{schema_file(kind)}\n"
                (folder / f"{record_id}.yml").write_text(header + text, encoding="utf-8")
                count += 1
        return count


def _organisations(data: Dataset, counties: list[dict[str, Any]]) -> list[tuple[Org, Org, list[Org]]]:
    """Each county's board, region and municipalities, each with its boards."""
    result = []
    for county in counties:
        lan = county["lan"]
        board = Org(slug(f"lansstyrelsen {lan}"), f"Länsstyrelsen i {lan}", "lansstyrelse", lan)
        region = Org(slug(county["region"]), county["region"], "region", lan)
        municipalities = []
        for place in county["kommuner"]:
            name = municipality_name(place)
            taken = slug(name) in data.records["organisations"]  # Håbo and Habo fold to the same id
            municipalities.append(Org(slug(f"{name} {lan}" if taken else name), name, "kommun", lan))
        for org, boards in [(board, []), (region, REGION_BOARDS), *((m, MUNICIPAL_BOARDS) for m in municipalities)]:
            data.add(
                "organisations",
                # the County vocabulary's value: jamtlands_lan
                {
                    "id": org.id,
                    "name": org.name,
                    "classification": org.classification,
                    "county": slug(lan).replace("-", "_"),
                },
            )
            for key, title, classification in boards:
                board_id = f"{key}-{org.id}"
                org.boards[key] = board_id
                name = f"{title} i {org.name}"
                data.add(
                    "organisations", {"id": board_id, "name": name, "classification": classification, "parent": org.id}
                )
        result.append((board, region, municipalities))
    return result


def _reference_data(data: Dataset) -> None:
    for name in AREAS + PERSPECTIVES:
        data.add("areas", {"id": slug(name), "name": name, "description": f"Samverkan inom området {name.lower()}."})
    for law_id, name, short, identifier in LAWS:
        record = {"id": law_id, "name": name, "identifier": identifier}
        if short:
            record["short_name"] = short
        data.add("legal", record)


def _collaboration(
    rng: random.Random, number: int, kind: str, owner: Org, others: list[Org], lan: str
) -> dict[str, Any]:
    parties = [owner, *others]
    theme = rng.choice(AREAS)
    start = rng.randint(2016, 2025)
    end = start + rng.choice([2, 3, 4])
    if kind == "overenskommelse":
        names = (
            " och ".join([", ".join(p.name for p in parties[:-1]), parties[-1].name])
            if len(parties) > 1
            else owner.name
        )
        name = f"Överenskommelse om {theme.lower()} mellan {names}"
        party_list = [{"organisation": p.id, "role": "part"} for p in parties]
    else:
        name = f"Samverkansstruktur för {theme.lower()} i {owner.name}"
        party_list = [{"organisation": owner.id, "role": "huvudman"}]
        party_list += [{"organisation": b, "role": "deltagare"} for b in list(owner.boards.values())[1:3]]
    styrelse = owner.boards.get("regionstyrelsen") or owner.boards.get("kommunstyrelsen")
    areas = [theme, *rng.sample([a for a in AREAS if a != theme], rng.randint(0, 3))]
    prefix = "RS" if owner.classification == "region" else "KS" if owner.classification == "kommun" else "LST"
    decision_date = f"{start - 1 if start > 2016 else start}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    record: dict[str, Any] = {
        "id": f"{slug(theme)}-{owner.id}-{number:05d}",
        "name": name,
        "kind": kind,
        "status": rng.choice(STATUSES),
        "period": {"start": start, "end": end},
        "case": {"reference": f"{prefix} {decision_date[:4]}/{rng.randint(100, 2999)}", "organisation": owner.id},
        "parties": party_list,
        "background": [f"{owner.name} har länge arbetat med {theme.lower()} i {lan}."],
        "purposes": [f"Samordna arbetet med {theme.lower()}.", "Använda resurserna bättre."],
        "priority_areas": [
            {
                "area": slug(area),
                "period": {"start": start, "end": end},
                "goals": [f"Stärkt arbete med {area.lower()}."],
            }
            for area in areas
        ],
        "perspectives": [{"area": slug(rng.choice(PERSPECTIVES))}],
        "meetings": [
            {
                "name": "Styrgruppsmöte",
                "months": sorted(rng.sample(MONTHS, rng.randint(2, 4))),
                "participants": [{"organisation": p.id} for p in parties],
                **({"prepared_by": styrelse} if styrelse else {}),
            }
        ],
        "assignments": [{"text": "Ta fram en handlingsplan.", "responsible": [rng.choice(parties).id]}],
        "decisions": [
            {
                "kind": "beslut",
                "points": [f"{'Överenskommelsen' if kind == 'overenskommelse' else 'Strukturen'} godkänns."],
                **({"body": styrelse} if styrelse else {}),
                "date": decision_date,
            }
        ],
        "legal_basis": [{"legal_reference": "kommunallagen"}],
    }
    return record


def generate(scale: float, out: Path) -> int:
    """Write the dataset for a scale (1 = the whole country, about 1,500 collaborations); return files."""
    rng = random.Random(SEED)
    counties = yaml.safe_load((RESOURCES / "sverige.yml").read_text(encoding="utf-8"))
    counties = counties[: max(1, math.ceil(len(counties) * min(scale, 1.0)))]
    data = Dataset()
    _reference_data(data)
    structure = _organisations(data, counties)
    for board, region, _ in structure:
        data.add(
            "documents",
            {
                "id": slug(f"regional utvecklingsstrategi {board.lan}"),
                "name": f"Regional utvecklingsstrategi för {board.lan}",
                "kind": "strategi",
                "organisations": [region.id],
                "period": {"start": 2021, "end": 2030},
            },
        )
    target = max(1, round(COLLABORATIONS_PER_SCALE * scale))
    for number in range(target):
        board, region, municipalities = rng.choice(structure)
        choice = rng.random()
        if choice < 0.1:
            record = _collaboration(rng, number, "overenskommelse", board, [region], board.lan)
        elif choice < 0.45:
            record = _collaboration(rng, number, "overenskommelse", rng.choice(municipalities), [region], board.lan)
        elif choice < 0.7 and len(municipalities) > 1:
            pair = rng.sample(municipalities, min(len(municipalities), rng.randint(2, 4)))
            record = _collaboration(rng, number, "overenskommelse", pair[0], pair[1:], board.lan)
        else:
            owner = rng.choice([region, *municipalities])
            record = _collaboration(rng, number, "intern_struktur", owner, [], board.lan)
        record["governing_documents"] = [{"document": slug(f"regional utvecklingsstrategi {board.lan}")}]
        data.add("collaborations", record)
    return data.write(out)
