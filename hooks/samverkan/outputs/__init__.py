"""Outputs: every file of the site that is not a page made by the site phase: the schemas, the
fold table, the form editor (and open data, calendars and diagrams later).

The contract: an output is a function that takes the linked, edition-filtered catalog (and the
site's settings, for what a deployment configures) and returns files, each a path on the site and
its bytes. `samverkan.pipeline.OUTPUTS` registers them all;
nothing else writes files, so a new output is a module here and a line there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samverkan.catalog.link import Catalog
    from samverkan.settings import Settings


@dataclass(frozen=True)
class OutputFile:
    """A file of the site, copied into it as it is."""

    path: str
    content: bytes


Output = Callable[["Catalog", "Settings"], list[OutputFile]]
