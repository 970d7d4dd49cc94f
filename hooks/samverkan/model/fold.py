"""The one fold table: letters that readers may type without their marks, and what they become.

Search terms, generated ids and the browser's table filter all fold text with it (the filter gets
it as assets/samverkan-fold.js, an output), so that "lansstyrelsen" finds "Länsstyrelsen" everywhere.
"""

from __future__ import annotations

FOLDS = {"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"}
FOLD = str.maketrans(FOLDS)


def fold(text: str) -> str:
    return text.translate(FOLD)
