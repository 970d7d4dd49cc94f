"""The record kinds: one table, and everything else loops over it.

A kind is a data folder of records of one model, a section of the site with an index page and a
page per record, a JSON Schema, and words for it in Swedish. Adding a kind means adding a model
(in records.py, or anywhere), a row here, and its two templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samverkan.model.records import Area, Collaboration, Document, LegalReference, Organisation, Record


@dataclass(frozen=True)
class Kind:
    key: str
    """The data folder (data/KEY/), the name references use, and the key in open data."""
    model: type[Record]
    section: str
    """The section's folder on the site."""
    title: str
    """The section's title, in the navigation and on its index page."""
    singular: str
    plural: str
    label: str
    """The singular with its article, for messages: "en organisation"."""
    page_template: str
    index_template: str
    template_dir: Path | None = None
    """Where the two templates are, for a kind defined outside the package (else site/templates/)."""

    def page(self, record_id: str | None = None) -> str:
        """Where a record's page, or the section's index page, stands among the site's pages."""
        return f"{self.section}/{record_id or 'index'}.md"


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in [
        Kind(
            "collaborations",
            Collaboration,
            "samverkan",
            "Samverkan",
            "samverkan",
            "samverkan",
            "en samverkan",
            "collaboration.md.j2",
            "collaborations.md.j2",
        ),
        Kind(
            "organisations",
            Organisation,
            "organisationer",
            "Organisationer",
            "organisation",
            "organisationer",
            "en organisation",
            "organisation.md.j2",
            "organisations.md.j2",
        ),
        Kind(
            "areas",
            Area,
            "omraden",
            "Prioriterade områden",
            "prioriterat område",
            "prioriterade områden",
            "ett område",
            "area.md.j2",
            "areas.md.j2",
        ),
        Kind(
            "documents",
            Document,
            "styrdokument",
            "Styrdokument",
            "styrdokument",
            "styrdokument",
            "ett styrdokument",
            "document.md.j2",
            "documents.md.j2",
        ),
        Kind(
            "legal",
            LegalReference,
            "lagrum",
            "Lagrum",
            "lagrum",
            "lagrum",
            "ett lagrum",
            "legal.md.j2",
            "legals.md.j2",
        ),
    ]
}
"""Every record kind, in the order of the site's sections."""
