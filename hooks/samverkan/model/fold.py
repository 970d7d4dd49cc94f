"""The one fold table: letters that readers may type without their marks, and what they become.

Search terms, generated ids and the browser's table filter all fold text with it (the filter gets
it as assets/samverkan-fold.js, an output), so that "lansstyrelsen" finds "Länsstyrelsen" everywhere.
"""

from __future__ import annotations

import re

FOLDS = {"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"}
FOLD = str.maketrans(FOLDS)


def fold(text: str) -> str:
    return text.translate(FOLD)


def slug(text: str) -> str:
    """An id made from a name: "Östersunds kommun" → ostersunds-kommun (lower case before folding:
    the table holds lower-case letters)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text.lower())).strip("-")
