"""The fold table for the browser: the table filter (content/assets/filter.js) folds what readers
type with the same letters as search does."""

from __future__ import annotations

import json

from samverkan.catalog.link import Catalog
from samverkan.model.fold import FOLDS
from samverkan.outputs import OutputFile
from samverkan.settings import Settings

PATH = "assets/samverkan-fold.js"


def fold_script(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    table = json.dumps(FOLDS, ensure_ascii=False, sort_keys=True)
    return [OutputFile(PATH, f"window.samverkanFold = {table};\n".encode())]
