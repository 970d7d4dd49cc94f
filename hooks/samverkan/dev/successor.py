"""The successor canary: how a builder without hooks builds this site (docs/decisions/0001-platform.md).

`python -m samverkan.dev.successor` renders the docs_dir (`samverkan render`), writes a config
beside it without hooks, builds it with Zensical (Material's successor, which runs no hooks) and
reports the page count and what is lost. It never fails: the report is the point, and the
weekly workflow that runs it does not block anything.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HOOKS = "hooks:\n  - hooks/samverkan_hooks.py\n"
WATCH = "watch:\n  - data\n  - hooks\n"


def hookless_config(docs: Path, folder: Path, python_tags: bool = True) -> Path:
    """mkdocs.yml for a build of a rendered docs_dir: the same site, without hooks, in folder.

    Paths are relative to folder (Zensical 0.0.73 panics on an absolute docs_dir); without
    python_tags, the heading-id function named by a `!!python/name:` tag is left out, since
    builders that run no Python cannot read it.
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block in (HOOKS, WATCH):
        if block not in text:
            raise ValueError(f"mkdocs.yml har ändrats: {block!r} saknas")
        text = text.replace(block, "")
    shutil.copytree(ROOT / "hooks" / "theme", folder / "theme", dirs_exist_ok=True)
    text = text.replace("docs_dir: content", f"docs_dir: {docs.relative_to(folder)}")
    text = text.replace("custom_dir: hooks/theme", "custom_dir: theme")
    if not python_tags:
        text = "\n".join(line for line in text.splitlines() if "!!python/" not in line) + "\n"
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def main() -> int:
    from samverkan.cli import main as samverkan  # the CLI, as a maintainer would run it

    builder = shutil.which("zensical") or str(Path(sys.executable).parent / "zensical")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        if samverkan(["render", "--out", str(folder / "docs")]) != 0:
            print("Efterföljarkontroll: render misslyckades.")
            return 0
        pages = len(list((folder / "docs").rglob("*.md"))) + 1  # and the 404 page
        config = hookless_config(folder / "docs", folder, python_tags=False)
        try:
            run = subprocess.run(
                [builder, "build", "-f", str(config)], cwd=folder, capture_output=True, text=True, timeout=600
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"Efterföljarkontroll: zensical kunde inte köras ({error}).")
            return 0
        site = folder / "site"
        built = len(list(site.rglob("*.html"))) if site.is_dir() else 0
        own = (site / "search" / "samverkan_index.json").is_file()  # written by the hooks, after the build
        print(f"Zensical: slutkod {run.returncode}, {built} av {pages} sidor byggdes.")
        print(
            "Förlorat: webbplatsens egen svenska sökning (search/samverkan_index.json)."
            if not own
            else "Sökindexet finns."
        )
        print(
            "Förlorat: rubrik-id utanför Materials __-namnrymd (funktionen som mkdocs.yml namnger med !!python/name)."
        )
        if run.returncode:
            print(run.stderr[-2000:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
