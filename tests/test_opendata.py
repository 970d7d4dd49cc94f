"""Open data (samverkan/outputs/opendata.py and dcat.py): the exports against their schema, back
through the models, the CSV tables, and the DCAT-AP-SE metadata parsed with rdflib."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, mkdocs_build
from jsonschema import Draft202012Validator
from rdflib import Graph, URIRef, namespace
from referencing import Registry, Resource

from samverkan.catalog.link import Catalog
from samverkan.model.kinds import KINDS
from samverkan.outputs.opendata import TABLES, dataset, open_data_files, record_data, schema
from samverkan.outputs.schemas import all_schemas
from samverkan.settings import Settings

SITE_URL = "https://samverkan.exempel.se/"
VCARD = "http://www.w3.org/2006/vcard/ns#"


@pytest.fixture(scope="module")
def files(real_catalog: Catalog) -> dict[str, bytes]:
    return {file.path: file.content for file in open_data_files(real_catalog, Settings())}


def validator() -> Draft202012Validator:
    """The export's schema, with the record schemas it refers to where the site publishes them."""
    resources = [(f"schemas/{name}", Resource.from_contents(json.loads(text))) for name, text in all_schemas().items()]
    registry = Registry().with_resources(resources)
    root = {**schema(), "$id": "oppna-data/samverkan.schema.json"}
    return Draft202012Validator(root, registry=registry.with_resource(root["$id"], Resource.from_contents(root)))


def test_the_exports_validate_against_their_schema(files: dict[str, bytes]) -> None:
    check = validator()
    whole = json.loads(files["oppna-data/samverkan.json"])
    assert list(check.iter_errors(whole)) == []
    singles = [path for path in files if path.count("/") == 2 and path.endswith(".json")]
    assert len(singles) == sum(len(records) for records in whole["records"].values()) == 32
    for path in singles:
        assert list(check.iter_errors(json.loads(files[path]))) == [], path
    # And the schema does reject: a record without its id, and an unknown format version.
    broken = json.loads(files[singles[0]])
    del broken["record"]["id"]
    assert list(check.iter_errors(broken))
    assert list(check.iter_errors({**whole, "version": "0.9"}))


def test_the_json_export_round_trips_to_the_source_data(real_catalog: Catalog, files: dict[str, bytes]) -> None:
    """Loaded back through the models, the export equals the records; and, written as the YAML it
    came from, equals each data file's own values."""
    whole = json.loads(files["oppna-data/samverkan.json"])
    for kind, records in whole["records"].items():
        model = KINDS[kind].model
        for data in records:
            record = real_catalog.records[kind][data["id"]]
            assert model.model_validate(data) == record
            source = yaml.safe_load((ROOT / "data" / kind / f"{data['id']}.yml").read_text(encoding="utf-8"))
            assert model.model_validate(source) == model.model_validate(data)
            assert set(data) <= set(source)  # the YAML keys


def test_exports_leave_out_what_is_empty(real_catalog: Catalog) -> None:
    org = record_data(real_catalog.organisations["region-gotland"])
    assert "visibility" not in org and "posts" in org and "identifiers" not in org
    assert dataset(real_catalog)["version"] == "1.1"


def _table(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    text = files[f"oppna-data/{name}.csv"].decode("utf-8")
    assert "\r\n" in text and not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_tables(real_catalog: Catalog, files: dict[str, bytes]) -> None:
    collabs = real_catalog.collaborations.values()
    assert [table.name for table in TABLES] == [
        "organisationer", "samverkan", "parter", "omraden", "moten", "uppdrag", "beslut", "styrdokument",
    ]  # fmt: skip
    assert len(_table(files, "organisationer")) == len(real_catalog.organisations)
    assert len(_table(files, "parter")) == sum(len(c.parties) for c in collabs)
    assert len(_table(files, "uppdrag")) == sum(len(c.assignments) for c in collabs)
    meetings = {row["name"]: row for row in _table(files, "moten")}
    assert meetings["Möte på högsta nivå"]["months"] == "[2, 12]"  # a list as JSON: its texts may hold any separator
    assert meetings["Fördjupad samverkan vid verksamhetsplaneringens uppstart"]["months"] == "[6]"
    uses = {(row["area"], row["use"]) for row in _table(files, "omraden")}
    assert ("folkhalsa", "prioriterat_omrade") in uses and ("samiska-fragor", "tvargaende_perspektiv") in uses
    gotland = next(row for row in _table(files, "samverkan") if row["id"] == "intern-samverkansstruktur-region-gotland")
    assert gotland["status"] == "forslag" and gotland["period_note"].startswith("föreslås på prov")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("published")
    result = mkdocs_build(
        site,
        None,
        SAMVERKAN_SITE_URL=SITE_URL,
        SAMVERKAN_CONTACT_EMAIL="samverkan@exempel.se",
        SAMVERKAN_EDITION="public",
    )
    assert result.returncode == 0, result.stderr
    return site


def _one(graph: Graph, subject: Any, predicate: Any) -> Any:
    values = list(graph.objects(subject, predicate))
    assert len(values) >= 1, (subject, predicate)
    return values[0]


@pytest.mark.parametrize(("name", "syntax"), [("dcat", "xml"), ("dcat.jsonld", "json-ld")])
def test_the_dcat_metadata_has_what_dcat_ap_se_requires(published: Path, name: str, syntax: str) -> None:
    graph = Graph().parse(published / "datasets" / name, format=syntax)
    catalogs = list(graph.subjects(namespace.RDF.type, namespace.DCAT.Catalog))
    assert catalogs == [URIRef(SITE_URL + "datasets/dcat")]
    catalog = catalogs[0]
    for predicate in (
        namespace.DCTERMS.title,
        namespace.DCTERMS.description,
        namespace.DCTERMS.publisher,
        namespace.FOAF.homepage,
        namespace.DCTERMS.license,
    ):
        _one(graph, catalog, predicate)
    datasets = list(graph.objects(catalog, namespace.DCAT.dataset))
    assert len(datasets) == 1 and (datasets[0], namespace.RDF.type, namespace.DCAT.Dataset) in graph
    data = datasets[0]
    for predicate in (
        namespace.DCTERMS.title,
        namespace.DCTERMS.description,
        namespace.DCTERMS.publisher,
        namespace.DCAT.contactPoint,
        namespace.DCAT.theme,
        namespace.DCAT.keyword,
    ):
        _one(graph, data, predicate)
    publisher = _one(graph, data, namespace.DCTERMS.publisher)
    assert (publisher, namespace.RDF.type, namespace.FOAF.Agent) in graph and str(
        _one(graph, publisher, namespace.FOAF.name)
    ) == "Samverkansportalen"
    contact = _one(graph, data, namespace.DCAT.contactPoint)
    assert str(_one(graph, contact, URIRef(VCARD + "hasEmail"))) == "mailto:samverkan@exempel.se"
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE") in set(
        graph.objects(data, namespace.DCAT.theme)
    )
    distributions = list(graph.objects(data, namespace.DCAT.distribution))
    assert len(distributions) == 1 + len(TABLES)
    for node in distributions:
        assert (node, namespace.RDF.type, namespace.DCAT.Distribution) in graph
        url = str(_one(graph, node, namespace.DCAT.accessURL))
        assert (published / url.removeprefix(SITE_URL)).is_file(), url  # every distribution is a file of the site
        assert str(_one(graph, node, namespace.DCTERMS.license)) == "http://creativecommons.org/publicdomain/zero/1.0/"
        assert str(_one(graph, node, namespace.DCTERMS.format)).startswith(
            "http://publications.europa.eu/resource/authority/file-type/"
        )


def test_the_intranet_edition_makes_no_open_data_claim(built_site: Path) -> None:
    """Its files hold internal items: no DCAT metadata, and the page says what they are."""
    assert not (built_site / "datasets").exists()
    page = (built_site / "oppna-data" / "index.html").read_text(encoding="utf-8")
    assert "intranätsutgåvan" in page and "CC0" not in page


def test_the_open_data_page_lists_the_files_with_sizes_and_the_licence(published: Path) -> None:
    page = (published / "oppna-data" / "index.html").read_text(encoding="utf-8")
    assert 'href="samverkan.json"' in page and 'href="parter.csv"' in page
    size = (published / "oppna-data" / "samverkan.json").stat().st_size
    assert f"{round(size / 1000)} kB" in page
    assert "CC0 1.0" in page and "EUPL 1.2" in page
    assert 'href="../datasets/dcat"' in page
    assert "32 filer" in page


def test_every_csv_row_has_a_cell_for_each_column(fixture_catalog: Catalog) -> None:
    files = {file.path: file.content for file in open_data_files(fixture_catalog, Settings())}
    for table in TABLES:
        rows = list(csv.reader(io.StringIO(files[f"oppna-data/{table.name}.csv"].decode("utf-8"))))
        assert len(rows) > 1 and {len(row) for row in rows} == {len(table.columns)}, table.name
