"""The importer measured (issue 17): word accuracy of the repair, and precision and recall of each
extracted field, on the two seeds (which the rules were tuned on) and on held-out documents (which
they were not: tests/fixtures/import/heldout/, written after the rules and never tuned on).

Seed 000 is compared with its hand-corrected text; seed 004 is clean. Each held-out document is
measured clean, and damaged by the damage model made from seed 000 (samverkan/dev/damage.py).

The held-out documents came in eight rounds, each written blind by a helper session from the same
brief, with other counties each time. Rounds 1 to 4, 6 and 7 were each measured once with the rules
as they were, and the rules were then fixed on them. Round 5 was not tuned on, but measured again
after a change made on the seeds (compounds and set phrases). Round 8 (heldout8/), written after
the last change and measured once, is the one the targets are read on.

    .venv/bin/python benchmarks/importer.py
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from samverkan.dev.damage import damage
from samverkan.ingest.extract import Document, Extracted, read_truth
from samverkan.ingest.repair import Lexicon, Repairer

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "import"
FIELDS = ["case_numbers", "dates", "organisations", "lists", "proposals", "signatories", "distribution"]
TARGETS = {
    "case_numbers": (0.95, 0.90),
    "dates": (0.95, 0.90),
    "organisations": (0.95, 0.90),
    "lists": (0.90, 0.90),
    "proposals": (0.90, 0.0),
    "signatories": (0.90, 0.0),
    "distribution": (0.90, 0.0),
}
"""Field → (precision, recall) the held-out documents must reach; 0 where the issue sets none."""
_TOKEN = re.compile(r"\S+")
_BULLET_TOKEN = re.compile(r"^[•eo¢]$")


def norm(text: str) -> str:
    return " ".join(str(text).replace("–", "-").split()).rstrip(",.;:").casefold()


def values(found: Extracted | dict[str, Any], name: str) -> Counter[str]:
    """A field's values, comparable between what was extracted and the truth."""
    if isinstance(found, dict):
        items = found.get(name) or []
        if name == "case_numbers":
            return Counter(norm(item["reference"]) for item in items)
        if name == "lists":
            return Counter(norm(entry) for item in items for entry in item["items"])
        if name == "signatories":
            return Counter(f"{norm(item['name'])} | {norm(item['title'])}" for item in items)
        return Counter(norm(item) for item in items)
    got = getattr(found, name)
    if name == "case_numbers":
        return Counter(norm(item.value[0]) for item in got)
    if name == "lists":
        return Counter(norm(entry) for item in got for entry in item.value[1])
    if name == "signatories":
        return Counter(f"{norm(item.value[0])} | {norm(item.value[1])}" for item in got)
    return Counter(norm(item.value) for item in got)


def word_scores(damaged: str, repaired: str, truth: str) -> dict[str, int]:
    """Words compared position by position, line by line; bullets counted on their own."""
    scores: Counter[str] = Counter()
    for d, r, t in zip(damaged.splitlines(), repaired.splitlines(), truth.splitlines(), strict=False):
        dw, rw, tw = _TOKEN.findall(d), _TOKEN.findall(r), _TOKEN.findall(t)
        if tw[:1] == ["•"]:
            scores["bullets"] += 1
            scores["bullets restored"] += rw[:1] == ["•"]
            dw, rw, tw = dw[1:], rw[1:], tw[1:]
        for a, b, c in zip(dw, rw, tw, strict=False):
            scores["words"] += 1
            scores["right before"] += a == c
            scores["right after"] += b == c
            scores["fixed"] += a != c and b == c
            scores["broken"] += a == c and b != c
    return scores


def _ratios(counts: Counter[str]) -> tuple[float, float]:
    """Precision and recall; 1 when there was nothing to find or nothing was found."""
    return (
        counts["right"] / counts["got"] if counts["got"] else 1.0,
        counts["right"] / counts["want"] if counts["want"] else 1.0,
    )


def main() -> int:
    start = time.perf_counter()
    lexicon = Lexicon()
    _ = lexicon.frequencies, lexicon.hunspell
    load = time.perf_counter() - start
    repairer = Repairer(lexicon)
    slowest = 0.0
    sets: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = {
        "frön (inställda på)": [],
        "omgång 1 (mätt först, sedan inställda på)": [],
        "omgång 2 (mätt först, sedan inställda på)": [],
        "omgång 3 (mätt först, sedan inställda på)": [],
        "omgång 4 (mätt först, sedan inställda på)": [],
        "omgång 5 (aldrig inställda på, mätt före och efter sista ändringen)": [],
        "omgång 6 (mätt först, sedan inställda på)": [],
        "omgång 7 (mätt först, sedan inställda på)": [],
        "utanför, omgång 8 (aldrig inställda på, mätt en gång)": [],
    }
    seeds = FIXTURES / "seeds"
    sets["frön (inställda på)"].append(
        (
            "000",
            (seeds / "000.txt").read_text(),
            (seeds / "000.repaired.txt").read_text(),
            read_truth(seeds / "000.truth.yml"),
        )
    )
    clean_004 = (seeds / "004.txt").read_text()
    sets["frön (inställda på)"].append(("004 (ren)", clean_004, clean_004, read_truth(seeds / "004.truth.yml")))
    for folder, title in [
        ("heldout", "omgång 1 (mätt först, sedan inställda på)"),
        ("heldout2", "omgång 2 (mätt först, sedan inställda på)"),
        ("heldout3", "omgång 3 (mätt först, sedan inställda på)"),
        ("heldout4", "omgång 4 (mätt först, sedan inställda på)"),
        ("heldout5", "omgång 5 (aldrig inställda på, mätt före och efter sista ändringen)"),
        ("heldout6", "omgång 6 (mätt först, sedan inställda på)"),
        ("heldout7", "omgång 7 (mätt först, sedan inställda på)"),
        ("heldout8", "utanför, omgång 8 (aldrig inställda på, mätt en gång)"),
    ]:
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            clean = path.read_text(encoding="utf-8")
            truth = read_truth(path.with_name(path.stem + ".truth.yml"))
            sets[title].append((f"{path.stem} (skadad)", damage(clean), clean, truth))
            sets[title].append((f"{path.stem} (ren)", clean, clean, truth))
    report = [f"Ordlistor laddade på {load:.1f} s.", ""]
    failed = []
    for title, docs in sets.items():
        words: Counter[str] = Counter()
        clean_words = clean_changes = 0
        # Fields are counted apart for documents as written and for their damaged versions: the
        # targets for fields are read on the documents as written (the issue gives "damaged" only for
        # word accuracy), and the damaged figures show what repair errors cost on top.
        fields: dict[str, dict[str, Counter[str]]] = {
            kind: {name: Counter() for name in FIELDS} for kind in ("ren", "skadad")
        }
        titles = kinds = 0
        for _name, text, truth_text, truth in docs:
            began = time.perf_counter()
            repaired = repairer.repair(text)
            found = Document(repaired.text).extract()
            slowest = max(slowest, time.perf_counter() - began)
            if text == truth_text:
                clean_words += repaired.words
                clean_changes += len(repaired.changes)
            else:
                words += word_scores(text, repaired.text, truth_text)
            titles += found.title is not None and norm(found.title.value) == norm(truth.get("title", ""))
            kinds += found.kind is not None and found.kind.value == truth.get("kind")
            counted = fields["ren" if text == truth_text or _name == "000" else "skadad"]
            for field in FIELDS:
                got, want = values(found, field), values(truth, field)
                counted[field]["right"] += sum((got & want).values())
                counted[field]["got"] += sum(got.values())
                counted[field]["want"] += sum(want.values())
        report.append(f"## {title}: {len(docs)} dokument")
        if words["words"]:
            report.append(
                f"Ordriktighet, skadad text: {100 * words['right before'] / words['words']:.1f} % före, "
                f"{100 * words['right after'] / words['words']:.1f} % efter ({words['words']} ord); "
                f"rättade fel {words['fixed']} av {words['words'] - words['right before']}; "
                f"korrekta ord som förstördes {words['broken']}; punkter återställda {words['bullets restored']} av {words['bullets']}."
            )
        if clean_words:
            report.append(
                f"Ren text: {clean_changes} ord ändrade av {clean_words} ({1000 * clean_changes / clean_words:.2f} per 1 000)."
            )
        report.append(f"Rubrik rätt i {titles} av {len(docs)}, slag av handling rätt i {kinds} av {len(docs)}.")
        report.append(
            "Fälten i handlingarna som de är skrivna (för fröna: 000 rättad ur skannad text, 004 ren), och i de skadade versionerna:"
        )
        report.append("| Fält | Precision | Täckning | Rätt | Funna | I facit | Skadad: precision | Skadad: täckning |")
        report.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for field in FIELDS:
            counts, damaged_counts = fields["ren"][field], fields["skadad"][field]
            precision, recall = _ratios(counts)
            damaged = "| {:.2f} | {:.2f} |".format(*_ratios(damaged_counts)) if damaged_counts else "| – | – |"
            report.append(
                f"| {field} | {precision:.2f} | {recall:.2f} | {counts['right']} | {counts['got']} | {counts['want']} "
                + damaged
            )
            if title.startswith("utanför"):
                want_p, want_r = TARGETS[field]
                if precision < want_p or recall < want_r:
                    failed.append(
                        f"{field}: precision {precision:.2f} (mål {want_p}), täckning {recall:.2f} (mål {want_r})"
                    )
        if title.startswith("utanför") and words["words"]:
            accuracy = words["right after"] / words["words"]
            if accuracy < 0.97:
                failed.append(f"ordriktighet {100 * accuracy:.1f} % (mål 97 %)")
            if words["broken"] > words["words"] / 1000:
                failed.append(f"förstörda ord {words['broken']} (mål högst 1 per 1 000)")
            if clean_words and clean_changes > clean_words / 1000:
                failed.append(f"ändringar i ren text {clean_changes} (mål högst 1 per 1 000)")
        report.append("")
    report.append(
        f"Längsta tid för ett dokument: {slowest:.2f} s, med laddning av ordlistor {slowest + load:.1f} s (mål 10 s)."
    )
    report.append(
        "Alla mål nådda på dokumenten utanför." if not failed else "Mål som inte nås: " + "; ".join(failed) + "."
    )
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
