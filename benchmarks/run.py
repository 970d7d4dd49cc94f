"""Build benchmark at national scale: `make bench` (or .venv/bin/python benchmarks/run.py).

For each scale it generates the synthetic dataset, builds the site with the hooks (median of 3),
renders the same pages with `python -m samverkan render` and builds them with plain MkDocs (the
baseline), and measures a rebuild under `mkdocs serve` after a one-record edit at seed scale.
It prints the figures and writes benchmarks/BENCHMARKS.md with the machine's description.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import math
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCALES = [0.25, 0.5, 1.0, 2.0]
RUNS = 3
TARGETS = {"scale 1 full build (s)": 60.0, "overhead": 1.15, "doubling": 2.2, "memory (MB)": 1536.0}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Build:
    seconds: float
    peak_mb: float
    pages: int
    index_bytes: int
    index_gzip: int


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of one command, measured on that process alone."""
    with tempfile.TemporaryFile() as log:  # a pipe would fill up and stall a large build
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise SystemExit(f"misslyckades: {' '.join(command)}\n{log.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def build(command: list[str], site: Path, env: dict[str, str]) -> Build:
    runs = [timed([*command, "--site-dir", str(site)], env) for _ in range(RUNS)]
    # Everything under search/: Material's index for plain MkDocs; for ours, the site's own index,
    # postings and text shards (search/samverkan_*.json), beside Material's file that the hooks empty.
    index = [file.read_bytes() for file in sorted((site / "search").iterdir()) if file.is_file()]
    return Build(
        statistics.median(seconds for seconds, _ in runs),
        max(peak for _, peak in runs),
        sum(1 for _ in site.rglob("*.html")),
        sum(len(content) for content in index),
        sum(len(gzip.compress(content, mtime=0)) for content in index),
    )


def plain_config(docs: Path, target: Path) -> None:
    """mkdocs.yml without the hooks, reading the rendered pages: plain MkDocs on the same pages."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs}", text)
    text = re.sub(r"(?ms)^hooks:\n(  - .*?\n)+", "", text)
    text = re.sub(r"(?m)^  custom_dir: (.*)$", lambda m: f"  custom_dir: {ROOT / m.group(1)}", text)
    text = re.sub(r"(?ms)^watch:\n(  - .*?\n)+", "", text)
    target.write_text(text, encoding="utf-8")


def serve_rebuild(work: Path) -> list[float]:
    """Seconds from saving a one-record edit to `make serve` reloading the browser, three times."""
    data = work / "seed"
    shutil.copytree(ROOT / "data", data)
    record = data / "areas" / "folkhalsa.yml"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**ENV, "SAMVERKAN_DATA": str(data)}
    command = [str(BIN / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}", "--watch", str(data)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in process.stderr or []:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str) -> None:
        while text not in lines.get(timeout=60):
            pass

    times = []
    try:
        wait_for("Serving on")
        for attempt in range(3):
            time.sleep(3)  # let the watcher settle; it misses edits in its first moments
            saved = time.perf_counter()
            record.write_text(record.read_text(encoding="utf-8") + f"# ändring {attempt}\n", encoding="utf-8")
            wait_for("Reloading browsers")  # what the editor sees: the page reloads with the change
            times.append(time.perf_counter() - saved)
    finally:
        process.terminate()
        process.wait()
    return times


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return (
        f"{cpu}, {os.cpu_count()} kärnor, {memory / 1024:.0f} GB minne; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}, "
        f"pydantic {version('pydantic')}, PyYAML {version('pyyaml')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=float, nargs="+", default=SCALES)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "BENCHMARKS.md"))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="samverkan-bench-") as tmp:
        work = Path(tmp)
        for scale in args.scales:
            data, docs, config = work / f"data-{scale:g}", work / f"docs-{scale:g}", work / f"plain-{scale:g}.yml"
            subprocess.run(
                [str(BIN / "python"), "-m", "samverkan", "generate", "--scale", str(scale), "--out", str(data)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            subprocess.run(
                [str(BIN / "python"), "-m", "samverkan", "render", "--data", str(data), "--out", str(docs)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            plain_config(docs, config)
            ours = build(
                [str(BIN / "mkdocs"), "build", "--strict"], work / "site-ours", {**ENV, "SAMVERKAN_DATA": str(data)}
            )
            plain = build([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)], work / "site-plain", ENV)
            rows.append((scale, ours, plain))
            print(
                f"skala {scale:g}: {ours.seconds:.1f} s ({ours.pages} sidor, {ours.peak_mb:.0f} MB), vanlig MkDocs {plain.seconds:.1f} s, kvot {ours.seconds / plain.seconds:.2f}",
                flush=True,
            )
        rebuilds = serve_rebuild(work)
    report = render_report(rows, rebuilds)
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)
    return 0


def render_report(rows: list[tuple[float, Build, Build]], rebuilds: list[float]) -> str:
    by_scale = {scale: (ours, plain) for scale, ours, plain in rows}
    lines = [
        "# Byggtider i nationell skala",
        "",
        "Skapad av `make bench` (benchmarks/run.py). Syntetiska data från `python -m samverkan generate`.",
        f"Tider är medianen av {RUNS} byggen med `mkdocs build --strict`; minne är högsta RSS.",
        "",
        f"Maskin: {machine()}.",
        "",
        "| Skala | Sidor | Bygge | Minne | Sökindex | Sökindex gzip | Vanlig MkDocs | Minne | Sökindex | Kvot |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for scale, ours, plain in rows:
        lines.append(
            f"| {scale:g} | {ours.pages} | {ours.seconds:.1f} s | {ours.peak_mb:.0f} MB | {ours.index_bytes / 1e6:.2f} MB | "
            f"{ours.index_gzip / 1e6:.2f} MB | {plain.seconds:.1f} s | {plain.peak_mb:.0f} MB | {plain.index_bytes / 1e6:.2f} MB | "
            f"{ours.seconds / plain.seconds:.2f} |"
        )
    scales = [scale for scale, _, _ in rows]
    exponent = _exponent([(s, by_scale[s][0].seconds) for s in scales])
    lines += [
        "",
        f"Skalningsexponent (lutning i log–log av byggtid mot skala): {exponent:.2f}.",
        "",
        "Skala 1 är hela landet: 21 län, 332 organisationer med nämnder och styrelser, 1 500 samverkan.",
        "Över skala 1 växer bara antalet samverkan (det finns inte fler kommuner), så sidorna blir färre än dubbelt.",
    ]
    checks = []
    if 1.0 in by_scale:
        ours, plain = by_scale[1.0]
        checks += [
            ("Helt bygge, skala 1", "≤ 60 s", f"{ours.seconds:.1f} s", ours.seconds <= 60),
            (
                "Kvot mot vanlig MkDocs, skala 1",
                "≤ 1,15",
                f"{ours.seconds / plain.seconds:.2f}",
                ours.seconds / plain.seconds <= 1.15,
            ),
            (
                "Sökindex, skala 1",
                "≤ 8 MB, ≤ 2 MB gzip",
                f"{ours.index_bytes / 1e6:.2f} MB, {ours.index_gzip / 1e6:.2f} MB",
                ours.index_bytes <= 8e6 and ours.index_gzip <= 2e6,
            ),
        ]
    for low, high in itertools.pairwise(scales):
        if high == 2 * low:
            (ours_low, _), (ours_high, _) = by_scale[low], by_scale[high]
            ratio, pages = ours_high.seconds / ours_low.seconds, ours_high.pages / ours_low.pages
            checks.append(
                (
                    f"Dubbla data, skala {low:g} → {high:g} ({pages:.2f} × sidorna)",
                    "≤ 2,2 × tiden",
                    f"{ratio:.2f} ×",
                    ratio <= 2.2,
                )
            )
    peak = max(ours.peak_mb for _, ours, _ in rows)
    checks.append(("Högsta minne", "≤ 1,5 GB", f"{peak:.0f} MB", peak <= 1536))
    if rebuilds:
        checks.append(
            (
                "Omladdning i make serve efter ändring av en post, seed-data",
                "≤ 1,5 s",
                f"{statistics.median(rebuilds):.2f} s (median av {len(rebuilds)})",
                statistics.median(rebuilds) <= 1.5,
            )
        )
    lines += ["", "| Mål | Krav | Uppmätt | Uppfyllt |", "| --- | --- | --- | --- |"]
    lines += [f"| {name} | {target} | {value} | {'ja' if ok else 'nej'} |" for name, target, value, ok in checks]
    return "\n".join(lines) + "\n"


def _exponent(points: list[tuple[float, float]]) -> float:
    xs = [math.log(scale) for scale, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    if len(points) < 2:
        return float("nan")
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)


if __name__ == "__main__":
    raise SystemExit(main())
