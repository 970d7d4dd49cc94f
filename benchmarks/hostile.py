"""How long hostile inputs take: `make bench` runs this after run.py (or .venv/bin/python benchmarks/hostile.py).

Each case breaks one file in a copy of the test data, then times `python -m samverkan check` and,
where the data passes, a strict build. Issue 11's target: each is refused, or built, in under 5 s
(on the main of that day they took from 22 s to more than 600 s).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "data"
BIN = Path(sys.executable).parent
AREA = "areas/folkhalsa.yml"
COLLAB = "collaborations/avtal-a-b.yml"
TARGET = 5.0


def aliases(data: Path) -> None:
    """81 KB of aliases to one 4 KB string, in a list that the collaboration's page shows."""
    background = 'background:\n  - "Texten <script>alert(1)</script> och {{ 7 * 7 }} visas *som den står*."\n'
    _replace(data / COLLAB, background, f"status_note: &t {'a' * 4096}\nbackground: [{'*t, ' * 20_000}]\n")


def long_word(data: Path) -> None:
    """A 64 KB word in a text field (the search analyser's compound regex was quadratic)."""
    _replace(data / COLLAB, "  - Samordna arbetet.", "  - " + "å" * 65_536)


def long_word_allowed(data: Path) -> None:
    """The longest word a text field may hold, 20,000 letters: it is built."""
    _replace(data / COLLAB, "  - Samordna arbetet.", "  - " + "å" * 20_000)


def almost_compounds(data: Path) -> None:
    """Every run of "a" up to 40 letters in a text, and a name of 38-letter words that never quite
    split into them (splitting took half a minute a word before the splits were memoised)."""
    _replace(data / COLLAB, "  - Samordna arbetet.", "  - " + " ".join("a" * n for n in range(3, 41)))
    words = " ".join(f"{letter}{'a' * 37}" for letter in "bcdefgh")
    _replace(data / COLLAB, "name: Överenskommelse om samverkan mellan Kommun A och Region B", f"name: {words}")


def long_name(data: Path) -> None:
    """A 200 KB name of "[" (Python-Markdown took 407 s for it, repeated on many pages)."""
    _replace(data / AREA, "name: Folkhälsa", "name: " + json.dumps("[" * 200_000))


def brackets(data: Path) -> None:
    """The most "[" a Markdown field may hold, none of them closed."""
    _replace(data / AREA, "description: |\n", "description: |\n  " + "[" * 98 + "x" * 19_000 + "\n")


def _replace(file: Path, old: str, new: str) -> None:
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


CASES: dict[str, Callable[[Path], None]] = {
    "81 KB of aliases": aliases,
    "64 KB word": long_word,
    "200 KB name": long_name,
    "20,000-letter word": long_word_allowed,
    "7 words that almost split": almost_compounds,
    "98 unclosed [ in 19 KB of Markdown": brackets,
}


LIMIT = 120.0
"""Seconds after which a command is stopped and reported as taking longer."""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    try:
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return LIMIT, -1, f"stopped after {LIMIT:.0f} s"
    return time.perf_counter() - started, result.returncode, (result.stdout + result.stderr).strip() or "-"


def main() -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    print(f"{'case':40} {'check (s)':>10} {'build (s)':>10}  outcome")
    worst = 0.0
    for name, make in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data"
            shutil.copytree(FIXTURE, data)
            make(data)
            check, code, output = timed([str(BIN / "python"), "-m", "samverkan", "check", "--data", str(data)], env)
            build, outcome = 0.0, "refused: " + output.splitlines()[0].split(": ", 1)[-1][:60] if code else "built"
            if code == -1:
                outcome = output
            if code == 0:
                build, status, output = timed(
                    [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", f"{folder}/site"],
                    {**env, "SAMVERKAN_DATA": str(data)},
                )
                outcome = "built" if status == 0 else f"build failed: {output.splitlines()[-1][:60]}"
            worst = max(worst, check + build)
            print(f"{name:40} {check:10.2f} {build:10.2f}  {outcome}")
    print(f"slowest: {worst:.2f} s (target: under {TARGET:.0f} s each)")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
