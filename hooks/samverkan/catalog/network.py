"""Who collaborates with whom, by county: what the network and timeline pages and their diagrams
show, worked out once from the catalog.

Sub-bodies count as their organisation (a board of a region is the region), so that the picture of
a county is of its organisations, not of every board. An organisation's county is that of the
organisation at the top of its parent chain; organisations without one (national bodies) form a
group of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from samverkan.catalog.lifecycle import span
from samverkan.catalog.link import Catalog
from samverkan.model.fold import slug
from samverkan.model.records import Classification, Collaboration, County, Organisation

NO_COUNTY = "Utan län"
_ORDER = {Classification.region: 0, Classification.lansstyrelse: 1, Classification.kommun: 2}
"""Within a county: the region, the county administrative board, the municipalities, then others."""


@dataclass
class Group:
    """One county's organisations, the collaborations they take part in, and who is linked to whom."""

    county: County | None
    members: list[Organisation] = field(default_factory=list)
    collaborations: list[Collaboration] = field(default_factory=list)
    guests: list[Organisation] = field(default_factory=list)
    """Organisations of other counties (or of none) that share a collaboration with a member."""
    links: dict[tuple[str, str], list[Collaboration]] = field(default_factory=dict)
    """A pair of organisations (ids, in the order of members then guests) → what they share."""
    internal: dict[str, list[Collaboration]] = field(default_factory=lambda: defaultdict(list))
    """A member → the collaborations within it alone (between its own boards, say)."""

    @property
    def title(self) -> str:
        return self.county.label if self.county else NO_COUNTY

    @property
    def page_title(self) -> str:
        """The heading of the group's page: "Jämtlands län", "Organisationer utan län"."""
        return self.county.label if self.county else f"Organisationer {NO_COUNTY.lower()}"

    @property
    def among(self) -> str:
        """Where the group's organisations are, inside a sentence: "i Jämtlands län", "utan län"."""
        return f"i {self.county.label}" if self.county else NO_COUNTY.lower()

    @property
    def key(self) -> str:
        """The group's part of an address: jamtlands-lan, utan-lan."""
        return slug(self.title)

    @property
    def nodes(self) -> list[Organisation]:
        return [*self.members, *self.guests]

    def partners(self, org_id: str) -> list[tuple[Organisation, list[Collaboration]]]:
        """Who a member is linked to in this group, and through what, in the group's order."""
        index = {org.id: org for org in self.nodes}
        found = [(b if a == org_id else a, shared) for (a, b), shared in self.links.items() if org_id in (a, b)]
        order = {org.id: n for n, org in enumerate(self.nodes)}
        return [(index[other], shared) for other, shared in sorted(found, key=lambda pair: order[pair[0]])]


def root(catalog: Catalog, org: Organisation) -> Organisation:
    """The organisation a sub-body belongs to, at the top of its parent chain."""
    return ([org, *catalog.ancestors(org)])[-1]


def county_of(catalog: Catalog, org: Organisation) -> County | None:
    """The organisation's county: that of the organisation at the top of its chain (the check has
    made sure that a sub-body that gives one gives the same)."""
    return root(catalog, org).county


def _sort_key(org: Organisation) -> tuple[int, str]:
    return _ORDER.get(org.classification, 3), org.name.casefold()


def groups(catalog: Catalog) -> list[Group]:
    """Every county that has an organisation, in the order of the county codes, then the group
    without county; each with its collaborations and the links between the organisations in them."""
    roots = {org.id: root(catalog, org) for org in catalog.organisations.values()}
    found: dict[County | None, Group] = {}
    for org in catalog.organisations.values():
        if org.parent is None:
            county = county_of(catalog, org)
            found.setdefault(county, Group(county)).members.append(org)
    order = [*County, None]
    result = [found[county] for county in order if county in found]
    home = {org.id: group for group in result for org in group.members}
    for group in result:
        group.members.sort(key=_sort_key)
    for collab in catalog.collaborations.values():
        tops = list(dict.fromkeys(roots[party.organisation].id for party in collab.parties))
        for county in dict.fromkeys(home[top].county for top in tops):
            _add(found[county], collab, [catalog.organisations[top] for top in tops])
    for group in result:
        _order_links(group)
    return result


def _add(group: Group, collab: Collaboration, tops: list[Organisation]) -> None:
    group.collaborations.append(collab)
    if len(tops) == 1:
        group.internal[tops[0].id].append(collab)
    members = {org.id for org in group.members}
    for org in tops:
        if org.id not in members and org not in group.guests:
            group.guests.append(org)
    for n, a in enumerate(tops):
        for b in tops[n + 1 :]:
            if a.id in members or b.id in members:
                group.links.setdefault((a.id, b.id), []).append(collab)


def _order_links(group: Group) -> None:
    """Each pair in the order of the group's nodes, and the pairs in that order too."""
    group.guests.sort(key=_sort_key)
    order = {org.id: n for n, org in enumerate(group.nodes)}
    pairs: dict[tuple[str, str], list[Collaboration]] = defaultdict(list)
    for (a, b), shared in group.links.items():
        pairs[(a, b) if order[a] < order[b] else (b, a)].extend(shared)
    group.links = dict(sorted(pairs.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])))


def period_days(collab: Collaboration) -> tuple[date | None, date | None]:
    """The first day of a collaboration's period and the day after its last, as far as given."""
    period = collab.period
    if period is None:
        return None, None
    return (span(period.start)[0] if period.start else None, span(period.end)[1] if period.end else None)


def by_period(collabs: Sequence[Collaboration]) -> list[Collaboration]:
    """The collaborations whose period has a start or an end, earliest first: the rows of a timeline."""
    found = [(period_days(collab), collab) for collab in collabs]
    return [
        collab
        for (start, end), collab in sorted(
            ((days, c) for days, c in found if days != (None, None)),
            key=lambda item: (item[0][0] or date.min, item[0][1] or date.max, item[1].name.casefold()),
        )
    ]


def undated(collabs: Sequence[Collaboration]) -> list[Collaboration]:
    """The collaborations that by_period leaves out: no period, or one with neither start nor end."""
    return [collab for collab in collabs if period_days(collab) == (None, None)]
