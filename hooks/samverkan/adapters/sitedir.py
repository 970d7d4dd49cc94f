"""The built site folder, replaced whole: one build at a time, and never a moment without a site.

`make build` builds into a folder of its own beside the site (unique, so that two builds never
share one), while holding a lock that other builds of the same site wait on. Only a complete
build replaces the site, by swapping the two folders in one step of the kernel (Linux's
renameat2 with RENAME_EXCHANGE): a reader or a web server looking at site/ sees the old site or
the new one, never none. Where the file system cannot swap, the site is moved aside and the new
one moved in, which leaves site/ missing for the time between two renames.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system or the file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def replace_folder(new: Path, target: Path) -> None:
    """Put new where target is; afterwards new no longer exists."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # new now holds the old site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    target.rename(old / target.name)
    new.rename(target)
    shutil.rmtree(old)


@contextmanager
def locked(target: Path, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the lock of a site folder; calls waiting() first if another build holds it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_into(target: Path, build: Callable[[Path], int], waiting: Callable[[], None] = lambda: None) -> int:
    """Run build(folder) into a new folder and, if it returns 0, make that folder the site."""
    target = Path(os.path.realpath(target))  # a site/ that is a symlink: the folder it points at is replaced
    with locked(target, waiting):
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
        folder.chmod(0o755)  # mkdtemp's 0700 would keep a web server out of the site
        try:
            status = build(folder)
            if status == 0:
                replace_folder(folder, target)
            return status
        finally:
            if folder.exists():
                shutil.rmtree(folder)
