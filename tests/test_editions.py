"""Public and intranet editions from one source, and reproducible builds."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, mkdocs_build

from samverkan.cli import main

CANARY = "Kanariefågel"
SITE_URL = "https://samverkan.example.se/"  # with a site URL, MkDocs lists every page in the sitemap
INTERNAL_RECORDS = {
    "organisations": "id: kanarie-org\nname: Kanariefågel organisation\nclassification: grupp\nparent: kommun-a\nvisibility: intern\n",
    "collaborations": (
        "id: kanarie-samverkan\nname: Kanariefågel samverkan\nkind: intern_struktur\nstatus: forslag\n"
        "visibility: intern\nparties:\n  - {organisation: kommun-a, role: huvudman}\n"
    ),
    "areas": "id: kanarie-omrade\nname: Kanariefågel område\nvisibility: intern\n",
    "documents": "id: kanarie-dokument\nname: Kanariefågel dokument\nkind: plan\nvisibility: intern\n",
    "legal": "id: kanarie-lag\nname: Kanariefågel lag\nvisibility: intern\n",
}
# Internal items inside public records, and public items that point at internal records.
INTERNAL_ITEMS = """
  - organisation: kanarie-org
    role: deltagare
    note: Kanariefågel som part
meetings:
  - name: Kanariefågel möte
    visibility: intern
    months: [3]
  - name: Öppet möte
    participants:
      - {organisation: kanarie-org}
      - {organisation: kommun-a, post: kanarie-post}
assignments:
  - text: Kanariefågel uppdrag
    visibility: intern
change_notes:
  - text: Kanariefågel ändring
    visibility: intern
related_cases:
  - title: Kanariefågel ärende
    case: {reference: "KS 2026/1", organisation: kanarie-org}
source_documents:
  - kind: protokoll
    title: Protokoll
    signatories:
      - {name: Kanariefågel Person, title: Kontaktperson, visibility: intern}
    distribution:
      - {text: Kanariefågel mottagare, visibility: intern}
perspectives:
  - area: kanarie-omrade
"""


@pytest.fixture(scope="module")
def canary_data(tmp_path_factory: pytest.TempPathFactory) -> Path:

    data = tmp_path_factory.mktemp("editions") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for kind, text in INTERNAL_RECORDS.items():
        (data / kind / f"{text.split()[1]}.yml").write_text(text, encoding="utf-8")
    collab = data / "collaborations" / "avtal-a-b.yml"
    text = collab.read_text(encoding="utf-8").replace(
        "    note: Fattar beslut för kommunen.\n",
        "    note: Fattar beslut för kommunen.\n" + INTERNAL_ITEMS.split("meetings:")[0].lstrip("\n"),
        1,
    )
    text = text.replace(
        "meetings:\n", "meetings:\n" + INTERNAL_ITEMS.split("meetings:\n")[1].split("assignments:")[0], 1
    )
    text = text.replace(
        "assignments:\n", "assignments:\n" + INTERNAL_ITEMS.split("assignments:\n")[1].split("change_notes:")[0], 1
    )
    text = text.replace("governing_documents:\n", "governing_documents:\n  - {document: kanarie-dokument}\n", 1)
    text = text.replace(
        "legal_basis:\n", "legal_basis:\n  - {legal_reference: kanarie-lag, provision: Kanariefågel paragraf}\n", 1
    )
    text += "change_notes:" + INTERNAL_ITEMS.split("change_notes:")[1]
    collab.write_text(text, encoding="utf-8")
    org = data / "organisations" / "kommun-a.yml"
    org.write_text(
        org.read_text(encoding="utf-8") + "  - {id: kanarie-post, name: Kanariefågel befattning, visibility: intern}\n",
        encoding="utf-8",
    )
    return data


def output_texts(site: Path) -> dict[str, str]:
    """Every file the build wrote, as text; gzip files (the sitemap) unpacked."""
    texts = {}
    for file in site.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            texts[str(file.relative_to(site))] = (gzip.decompress(raw) if file.suffix == ".gz" else raw).decode(
                "utf-8", "replace"
            )
    return texts


def hits(site: Path) -> list[str]:
    return [
        name for name, text in output_texts(site).items() if any(c in text.lower() for c in ("kanarie", "kanariefagel"))
    ]


def test_public_edition_has_no_trace_of_internal_items(canary_data: Path, tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "public", canary_data, SAMVERKAN_EDITION="public", SAMVERKAN_SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    assert hits(tmp_path / "public") == []
    assert (tmp_path / "public" / "oppna-data" / "samverkan.json").is_file()  # the exports were looked at
    assert (tmp_path / "public" / "datasets" / "dcat").is_file()
    assert "samverkan/avtal-a-b/" in (tmp_path / "public" / "sitemap.xml").read_text(encoding="utf-8")
    page = (tmp_path / "public" / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    assert "Öppet möte" in page and "Samrådsmöte" in page  # public items stay
    assert "kommundirektör" in page  # a public post stays


def test_intranet_edition_shows_and_marks_internal_items(canary_data: Path, tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "intern", canary_data, SAMVERKAN_EDITION="intern", SAMVERKAN_SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    found = set(hits(tmp_path / "intern"))
    # The intranet's exports, feeds and metadata hold them: the public build's canary looks at the same files.
    exports = {
        "oppna-data/samverkan.json",
        "oppna-data/samverkan.csv",
        "oppna-data/uppdrag.csv",
        "oppna-data/moten.csv",
    }
    assert {"search/samverkan_index.json", "search/samverkan_postings.json", "sitemap.xml", *exports} <= found, sorted(
        found
    )
    assert "oppna-data/organisations/kanarie-org.json" in found
    # The diagrams draw internal parties, in the intranet edition only.
    assert {"diagram/samverkan/avtal-a-b.svg", "diagram/organisationer/kommun-a.svg"} <= found
    for kind_folder, record_id in [
        ("organisationer", "kanarie-org"),
        ("samverkan", "kanarie-samverkan"),
        ("omraden", "kanarie-omrade"),
        ("styrdokument", "kanarie-dokument"),
        ("lagrum", "kanarie-lag"),
    ]:
        page = (tmp_path / "intern" / kind_folder / record_id / "index.html").read_text(encoding="utf-8")
        assert "Intern uppgift" in page
    collab = (tmp_path / "intern" / "samverkan" / "avtal-a-b" / "index.html").read_text(encoding="utf-8")
    for item in [
        "Kanariefågel möte",
        "Kanariefågel uppdrag",
        "Kanariefågel ändring",
        "Kanariefågel Person",
        "Kanariefågel mottagare",
    ]:
        assert item in collab
    assert collab.count('class="samverkan-intern"') >= 8


def test_unknown_edition_is_refused(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", None, SAMVERKAN_EDITION="hemlig")
    assert result.returncode != 0
    assert "mkdocs.yml, extra.samverkan.edition: fann ”hemlig”, förväntade ett av: intern, public" in result.stderr


def _digests(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_builds_are_reproducible(tmp_path: Path) -> None:
    # Different hash seeds: nothing may depend on the order of a set (the DCAT metadata among them).
    same = {"SOURCE_DATE_EPOCH": "1764000000", "SAMVERKAN_SITE_URL": SITE_URL, "SAMVERKAN_EDITION": "public"}
    first = mkdocs_build(tmp_path / "one", None, PYTHONHASHSEED="1", **same)
    second = mkdocs_build(tmp_path / "two", None, PYTHONHASHSEED="2", **same)
    assert first.returncode == 0 and second.returncode == 0
    one, two = _digests(tmp_path / "one"), _digests(tmp_path / "two")
    assert len(one) > 50
    assert {"datasets/dcat", "datasets/dcat.jsonld", "oppna-data/samverkan.json"} <= set(one)
    assert one == two


def test_render_writes_the_public_edition_the_hooks_build(canary_data: Path, tmp_path: Path) -> None:
    """`render --edition public` gives the pages of a real public build, and nothing internal."""
    docs = tmp_path / "docs"
    assert main(["render", "--edition", "public", "--data", str(canary_data), "--out", str(docs)]) == 0
    assert hits(docs) == []
    site = tmp_path / "site"
    result = mkdocs_build(site, canary_data, SAMVERKAN_EDITION="public")
    assert result.returncode == 0, result.stderr
    rendered = {
        str(path.relative_to(docs).with_suffix("")).removesuffix("index").rstrip("/") for path in docs.rglob("*.md")
    }
    built = {
        str(path.relative_to(site).parent).removeprefix(".")
        for path in site.rglob("index.html")
        if not str(path.relative_to(site)).startswith(("assets", "search", "redigera"))  # not pages
    }
    assert rendered == built
