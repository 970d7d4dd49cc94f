"""Link phase: resolve ids into records and build the back-references pages need."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from samverkan.catalog.lifecycle import build_date
from samverkan.ingest.history import Change
from samverkan.ingest.validate import Records
from samverkan.model.records import (
    Area,
    AreaLink,
    Assignment,
    Collaboration,
    Decision,
    Document,
    DocumentLink,
    LegalBasis,
    LegalReference,
    Meeting,
    Organisation,
    Party,
    Perspective,
    PostRef,
    Role,
)


@dataclass
class Catalog:
    """All records, cross-linked. Lists keep the order of the data, sorted by name."""

    records: dict[str, dict[str, Any]]
    """Kind → id → record, for every kind in the table of kinds."""
    sources: dict[tuple[str, str], str]
    children: dict[str, list[Organisation]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, list[tuple[Collaboration, Party]]] = field(default_factory=lambda: defaultdict(list))
    meetings: dict[str, list[tuple[Collaboration, Meeting]]] = field(default_factory=lambda: defaultdict(list))
    assignments: dict[str, list[tuple[Collaboration, Assignment]]] = field(default_factory=lambda: defaultdict(list))
    decisions: dict[str, list[tuple[Collaboration, Decision]]] = field(default_factory=lambda: defaultdict(list))
    area_priorities: dict[str, list[tuple[Collaboration, AreaLink]]] = field(default_factory=lambda: defaultdict(list))
    area_perspectives: dict[str, list[tuple[Collaboration, Perspective]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    document_uses: dict[str, list[tuple[Collaboration, DocumentLink]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    legal_uses: dict[str, list[tuple[Collaboration, LegalBasis]]] = field(default_factory=lambda: defaultdict(list))
    successors: dict[str, list[Collaboration]] = field(default_factory=lambda: defaultdict(list))
    history: dict[str, list[Change]] = field(default_factory=dict)
    """Data file (as in sources) → its latest changes in git, newest first (ingest/history.py)."""
    today: date = field(default_factory=build_date)
    """The day of the build, which collaborations' stages are read against (catalog/lifecycle.py)."""

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.records["organisations"]

    @property
    def collaborations(self) -> dict[str, Collaboration]:
        return self.records["collaborations"]

    @property
    def areas(self) -> dict[str, Area]:
        return self.records["areas"]

    @property
    def documents(self) -> dict[str, Document]:
        return self.records["documents"]

    @property
    def legal(self) -> dict[str, LegalReference]:
        return self.records["legal"]

    def post_name(self, ref: PostRef) -> str:
        """A post's name, or the organisation's when no post is given."""
        org = self.organisations[ref.organisation]
        return next((post.name for post in org.posts if post.id == ref.post), org.name)

    def ancestors(self, org: Organisation) -> list[Organisation]:
        """The parent chain, nearest first."""
        chain = []
        while org.parent:
            org = self.organisations[org.parent]
            chain.append(org)
        return chain

    def title(self, record: Any) -> str:
        """A record's title as readers meet it in headings, lists and search results: a
        collaboration or document whose name names none of its owners gets them after it (a
        collaboration's short name when it has one): "Intern samverkansstruktur, Region Gotland",
        "Energi- och klimatstrategi 2020–2030, Länsstyrelsen Jämtlands län och Region Jämtland
        Härjedalen". Other records keep their name."""
        if isinstance(record, Collaboration):
            owners, name = self.principal_parties(record), record.short_name or record.name
        elif isinstance(record, Document):
            owners, name = [self.organisations[org_id] for org_id in record.organisations], record.name
        else:
            return str(record.name)
        if not owners or any(
            org.name in record.name or (org.short_name and org.short_name in record.name) for org in owners
        ):
            return str(record.name)
        names = [org.name for org in owners]
        return f"{name}, {' och '.join([', '.join(names[:-1]), names[-1]] if len(names) > 1 else names)}"

    def partners(self, org_id: str) -> list[tuple[Organisation, list[Collaboration]]]:
        """Who the organisation collaborates with, and through what: every other party of each
        collaboration it is a party of, by name, with those collaborations."""
        found: dict[str, list[Collaboration]] = defaultdict(list)
        for collab, _ in self.roles[org_id]:
            for other in dict.fromkeys(p.organisation for p in collab.parties if p.organisation != org_id):
                if collab not in found[other]:
                    found[other].append(collab)
        return sorted(
            ((self.organisations[key], collabs) for key, collabs in found.items()), key=lambda pair: _by_name(pair[0])
        )

    def principal_parties(self, collab: Collaboration) -> list[Organisation]:
        """The parties an agreement is between, or the organisation that owns a structure."""
        principal = [p for p in collab.parties if p.role in (Role.part, Role.huvudman)] or collab.parties
        return list({p.organisation: self.organisations[p.organisation] for p in principal}.values())

    def area_organisations(self, area_id: str) -> list[Organisation]:
        """The principal parties of every collaboration that works on an area."""
        found = {org.id: org for c in self.area_collaborations(area_id) for org in self.principal_parties(c)}
        return list(found.values())

    def dated(self, collab: Collaboration) -> tuple[str, str]:
        """The collaboration's own latest date and what it dates: its newest source document, else
        the start of its own period; ("", "") when the data gives neither. Dates of other things
        (a review decision, the period of a priority area) are not the collaboration's."""
        found = [(doc.date, doc.kind.label.lower()) for doc in collab.source_documents if doc.date]
        if collab.period and collab.period.start:
            found.append((collab.period.start, "periodens början"))
        return max(found, default=("", ""))

    def latest_collaborations(self, count: int) -> list[Collaboration]:
        """The collaborations by their own latest date, latest first; undated ones last, by name."""
        return sorted(self.collaborations.values(), key=lambda c: self.dated(c)[0], reverse=True)[:count]

    def area_role(self, area_id: str) -> str:
        """What an area is in the collaborations that use it: a priority area, a perspective, or both."""
        roles = [
            label
            for uses, label in [
                (self.area_priorities[area_id], "Prioriterat område"),
                (self.area_perspectives[area_id], "Tvärgående perspektiv"),
            ]
            if uses
        ]
        return " och ".join([roles[0], *(role.lower() for role in roles[1:])]) if roles else "Område"

    def area_collaborations(self, area_id: str) -> list[Collaboration]:
        """Every collaboration that has the area as a priority or a perspective, once each."""
        return collaborations_in([*self.area_priorities[area_id], *self.area_perspectives[area_id]])

    def documents_of(self, org_id: str) -> list[Document]:
        """Governing documents the organisation has drawn up or adopted."""
        return [doc for doc in self.documents.values() if org_id in doc.organisations or doc.adopted_by == org_id]

    def areas_of(self, org_id: str, perspectives: bool = False) -> list[Area]:
        """The priority areas (or, with perspectives, the cross-cutting perspectives) of every
        collaboration the organisation takes part in."""
        found: dict[str, Area] = {}
        for collab, _ in self.roles[org_id]:
            for use in collab.perspectives if perspectives else collab.priority_areas:
                found[use.area] = self.areas[use.area]
        return sorted(found.values(), key=_by_name)


def _by_name(record: Any) -> str:
    return str(record.name).casefold()


def collaborations_in(uses: Iterable[tuple[Collaboration, Any]]) -> list[Collaboration]:
    """The collaborations of back-references, each once, in order: every back-reference is a pair of
    a collaboration and the item in it that points here (a party, a meeting, a use of a document …)."""
    return list({collab.id: collab for collab, _ in uses}.values())


def _once(ids: Any) -> list[str]:
    """Ids in order, each once, without empty ones: an organisation both taking part in and
    preparing a meeting is listed once on its page."""
    return list(dict.fromkeys(filter(None, ids)))


def link_records(records: Records) -> Catalog:
    """Build the catalog from valid records; every id has already been checked to resolve."""
    by_name = {
        kind: dict(sorted(items.items(), key=lambda item: _by_name(item[1]))) for kind, items in records.by_kind.items()
    }
    catalog = Catalog(by_name, sources={key: source.path for key, source in records.sources.items()})
    for org in catalog.organisations.values():
        if org.parent:
            catalog.children[org.parent].append(org)
    for collab in catalog.collaborations.values():
        _link_collaboration(catalog, collab)
    return catalog


def _link_collaboration(catalog: Catalog, collab: Collaboration) -> None:
    for party in collab.parties:
        catalog.roles[party.organisation].append((collab, party))
    for meeting in collab.meetings:
        for org_id in _once([ref.organisation for ref in meeting.participants] + [meeting.prepared_by]):
            catalog.meetings[org_id].append((collab, meeting))
    for assignment in collab.assignments:
        for org_id in _once(assignment.responsible):
            catalog.assignments[org_id].append((collab, assignment))
    for decision in collab.decisions:
        for org_id in _once([decision.body, decision.proposed_by.organisation if decision.proposed_by else None]):
            catalog.decisions[org_id].append((collab, decision))
    for priority in collab.priority_areas:
        catalog.area_priorities[priority.area].append((collab, priority))
    for perspective in collab.perspectives:
        catalog.area_perspectives[perspective.area].append((collab, perspective))
    for use in collab.governing_documents:
        catalog.document_uses[use.document].append((collab, use))
    for basis in collab.legal_basis:
        catalog.legal_uses[basis.legal_reference].append((collab, basis))
    if collab.predecessor:
        catalog.successors[collab.predecessor].append(collab)
