"""Link phase: back-references that the organisation, area and document pages rely on."""

from __future__ import annotations

from samverkan.catalog.link import Catalog
from samverkan.model.records import PostRef


def test_children_and_ancestors(fixture_catalog: Catalog) -> None:
    board = fixture_catalog.organisations["kommunstyrelsen-kommun-a"]
    assert [org.id for org in fixture_catalog.children["kommun-a"]] == ["kommunstyrelsen-kommun-a"]
    assert [org.id for org in fixture_catalog.ancestors(board)] == ["kommun-a"]


def test_roles_meetings_assignments_and_decisions_per_organisation(fixture_catalog: Catalog) -> None:
    roles = {
        org: [(c.id, p.role.value) for c, p in fixture_catalog.roles[org]] for org in fixture_catalog.organisations
    }
    assert roles == {
        "kommun-a": [("avtal-a-b", "part")],
        "kommunstyrelsen-kommun-a": [("avtal-a-b", "beslutande")],
        "region-b": [("avtal-a-b", "part")],
    }
    # The board prepares the meeting; the municipality and the region take part in it.
    assert {org for org, found in fixture_catalog.meetings.items() if found} == {
        "kommun-a",
        "region-b",
        "kommunstyrelsen-kommun-a",
    }
    assert [a.text for _, a in fixture_catalog.assignments["region-b"]] == ["Ta fram en årsplan"]
    assert [d.points for _, d in fixture_catalog.decisions["kommunstyrelsen-kommun-a"]] == [["Överenskommelsen antas."]]
    assert not fixture_catalog.decisions["kommun-a"]


def test_areas_documents_and_laws(fixture_catalog: Catalog) -> None:
    assert [area.id for area in fixture_catalog.areas_of("kommun-a")] == ["folkhalsa"]
    assert [c.id for c, _ in fixture_catalog.area_priorities["folkhalsa"]] == ["avtal-a-b"]
    assert [c.id for c in fixture_catalog.area_collaborations("folkhalsa")] == ["avtal-a-b"]
    assert [d.id for d in fixture_catalog.documents_of("region-b")] == ["strategi-x"]
    assert [(c.id, use.document) for c, use in fixture_catalog.document_uses["strategi-x"]] == [
        ("avtal-a-b", "strategi-x")
    ]
    assert [(c.id, basis.provision) for c, basis in fixture_catalog.legal_uses["kommunallagen"]] == [
        ("avtal-a-b", "6 kap. 1 §")
    ]


def test_post_name_falls_back_to_the_organisation(fixture_catalog: Catalog) -> None:
    assert fixture_catalog.post_name(PostRef(organisation="kommun-a", post="kommundirektor")) == "Kommundirektör"
    assert fixture_catalog.post_name(PostRef(organisation="region-b")) == "Region B"


def test_partners_are_the_other_parties_with_the_collaborations_they_share(real_catalog: Catalog) -> None:
    partners = {org.id: [c.id for c in collabs] for org, collabs in real_catalog.partners("region-jamtland-harjedalen")}
    assert sorted(partners["lansstyrelsen-jamtlands-lan"]) == [
        "overenskommelse-lansstyrelsen-region-jamtland-harjedalen",
        "samverkansavtal-lansstyrelsen-region-jamtland-harjedalen-2018",
    ]
    assert "region-jamtland-harjedalen" not in partners and "region-gotland" not in partners
    # A structure of one organisation's own bodies: they work with each other through it.
    gotland = {org.id for org, _ in real_catalog.partners("regionstyrelseforvaltningen-region-gotland")}
    assert gotland and all(org_id.endswith("region-gotland") for org_id in gotland)
