"""Link phase: resolve ids into records and build the back-references pages need."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
    Period,
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

    def principal_parties(self, collab: Collaboration) -> list[Organisation]:
        """The parties an agreement is between, or the organisation that owns a structure."""
        principal = [p for p in collab.parties if p.role in (Role.part, Role.huvudman)] or collab.parties
        return list({p.organisation: self.organisations[p.organisation] for p in principal}.values())

    def area_organisations(self, area_id: str) -> list[Organisation]:
        """The principal parties of every collaboration that works on an area."""
        found = {org.id: org for c in self.area_collaborations(area_id) for org in self.principal_parties(c)}
        return list(found.values())

    def years(self, collab: Collaboration) -> list[int]:
        """Every year the data dates the collaboration to: its period, decisions and documents."""
        found = set(_period_years(collab.period))
        for area in collab.priority_areas:
            found.update(_period_years(area.period))
        dates = [d.date for d in collab.decisions] + [d.date for d in collab.source_documents]
        found.update(int(date[:4]) for date in dates if date)
        return sorted(found)

    def latest_collaborations(self, count: int) -> list[Collaboration]:
        """The collaborations with the latest dates in the data, latest first, then by name."""
        dated = sorted(self.collaborations.values(), key=lambda c: max(self.years(c), default=0), reverse=True)
        return dated[:count]

    def area_years(self, area_id: str) -> list[int]:
        return sorted({year for collab in self.area_collaborations(area_id) for year in self.years(collab)})

    def area_collaborations(self, area_id: str) -> list[Collaboration]:
        """Every collaboration that has the area as a priority or a perspective, once each."""
        return collaborations_in([*self.area_priorities[area_id], *self.area_perspectives[area_id]])

    def documents_of(self, org_id: str) -> list[Document]:
        """Governing documents the organisation has drawn up or adopted."""
        return [doc for doc in self.documents.values() if org_id in doc.organisations or doc.adopted_by == org_id]

    def areas_of(self, org_id: str) -> list[Area]:
        """The priority areas and perspectives of every collaboration the organisation takes part in."""
        found: dict[str, Area] = {}
        for collab, _ in self.roles[org_id]:
            for area_id in [use.area for use in collab.priority_areas] + [use.area for use in collab.perspectives]:
                found[area_id] = self.areas[area_id]
        return sorted(found.values(), key=_by_name)


def _period_years(period: Period | None) -> range:
    """The years a period spans; one year when only its start or its end is known."""
    if period is None or not (period.start or period.end):
        return range(0)
    first, last = (int(date[:4]) for date in (period.start or period.end, period.end or period.start))  # type: ignore[index]
    return range(first, last + 1)


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
