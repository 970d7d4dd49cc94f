"""When each data file was changed, from git: one `git log` for the whole data folder.

The log is read once per build, however many records there are (at national scale a call per
file would cost minutes). Outside a git checkout, in a shallow clone (whose one commit would date
every file), or without git, there is no history, and pages leave the section out: the publishing
workflows check out the whole history (fetch-depth: 0).
"""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

KEEP = 5
"""Changes kept per file, newest first."""
_FIELD, _RECORD = "\x1f", "\x1e"


@dataclass(frozen=True)
class Change:
    commit: str
    date: str
    """The commit's date, ÅÅÅÅ-MM-DD."""
    message: str
    """The first line of the commit message."""


def file_history(data_dir: Path, root: Path) -> dict[str, list[Change]]:
    """Path relative to root (as records' sources are) → its latest changes; empty outside git."""
    git = shutil.which("git")
    if git is None or _shallow(git, root):
        return {}
    try:
        result = subprocess.run(
            [git, "-C", str(root), "log", f"--format={_RECORD}%H{_FIELD}%cs{_FIELD}%s", "--name-only", "--no-renames",
             "--", str(data_dir.resolve())],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    prefix = _prefix(git, root)
    history: dict[str, list[Change]] = defaultdict(list)
    for entry in result.stdout.split(_RECORD)[1:]:
        head, _, names = entry.partition("\n")
        commit, date, message = head.split(_FIELD, 2)
        for name in names.split():
            path = name.removeprefix(prefix)
            if len(history[path]) < KEEP:
                history[path].append(Change(commit, date, message))
    return dict(history)


def _shallow(git: str, root: Path) -> bool:
    """A shallow clone (CI's default) shows its one commit as the change of every file: no history then."""
    found = subprocess.run(
        [git, "-C", str(root), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True, check=False
    )
    return found.stdout.strip() == "true"


def _prefix(git: str, root: Path) -> str:
    """Where root lies in its repository: git names files from the repository's top."""
    found = subprocess.run(
        [git, "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True, check=False
    )
    return found.stdout.strip() if found.returncode == 0 else ""
