"""Scanner damage, as seed 000 shows it: for making damaged versions of clean test documents, to
measure the repair on text it was not tuned on (benchmarks/importer.py).

RATES counts, for each letter of seed 000's hand-corrected text, what the scanner made of it (from
the two files in tests/fixtures/import/seeds/, aligned word by word): of 58 "ä", 27 became "a" and
20 "i"; of 54 "ö", 45 became "o" and 4 "6"; and so on. Bullets "•" became "e", "o" or "¢". The
damage is drawn from those counts with a fixed seed, so that a document always gets the same damage.
"""

from __future__ import annotations

import random
import re

RATES: dict[str, dict[str, int]] = {
    "ä": {"ä": 1, "a": 27, "i": 20, "ai": 2, "d": 3, "éd": 1, "é": 1, "ia": 2, "&": 1},
    "å": {"å": 0, "a": 27, "i": 2, "d": 2, "": 1, "aé": 1, "éa": 1},
    "ö": {"ö": 0, "o": 45, "6": 4, "é": 3, "": 1, "oé": 1},
    "l": {"l": 147, "1": 1},
}
BULLETS = {"e": 12, "o": 2, "¢": 1}
SEED = 2026
_BULLET = re.compile(r"^(\s*)•\s+", re.M)


def _draw(rng: random.Random, counts: dict[str, int]) -> str:
    return rng.choices(list(counts), weights=list(counts.values()))[0]


def damage(text: str, seed: int = SEED) -> str:
    """The text as the scanner of seed 000 would have read it."""
    rng = random.Random(seed)
    text = _BULLET.sub(lambda match: f"{match.group(1)}{_draw(rng, BULLETS)} ", text)
    out = []
    for char in text:
        counts = RATES.get(char.lower())
        if counts is None:
            out.append(char)
            continue
        made = _draw(rng, counts)
        out.append(made[:1].upper() + made[1:] if char.isupper() else made)
    return "".join(out)
