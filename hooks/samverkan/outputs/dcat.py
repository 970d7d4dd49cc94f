"""DCAT-AP-SE metadata for the open data, at /datasets/dcat (RDF/XML) and /datasets/dcat.jsonld.

Sveriges dataportal harvests a catalogue from there: one catalogue, one dataset (the
collaborations with their organisations, areas, documents and laws), and a distribution per
file of outputs/opendata.py. Publisher and contact point come from the settings; the licence is
CC0 1.0; themes, formats, language and access rights are the EU vocabularies that DCAT-AP-SE
asks for. The graph is built with rdflib; the two files are written from it here, in a fixed
order, because rdflib's own serializers follow the order of Python's sets: the files are then the
same bytes for the same data and build date. Every node has an address of its own (no blank nodes).

The files are written for the public edition only, and need the site's own address (MkDocs's
site_url), a publisher and a contact e-mail address: without them nothing is written, and the
build says so.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from samverkan.catalog.edition import PUBLIC
from samverkan.catalog.link import Catalog
from samverkan.outputs import OutputFile
from samverkan.outputs.opendata import DATASET, FOLDER, LICENSE_URL, SCHEMA, TABLES
from samverkan.settings import Settings

EU = "http://publications.europa.eu/resource/authority/"
THEMES = ["GOVE", "REGI"]
"""Government and public sector; regions and cities (the EU's data themes)."""
XML, JSONLD = "datasets/dcat", "datasets/dcat.jsonld"
IANA = Namespace("http://www.iana.org/assignments/media-types/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
KEYWORDS = ["samverkan", "samverkansöverenskommelse", "region", "länsstyrelse", "kommun", "offentlig förvaltning"]


def dcat_ready(settings: Settings) -> bool:
    """The public edition, with the site's address, a publisher and a contact e-mail address (which
    DCAT-AP-SE asks of a contact point). The intranet edition's data is not open data."""
    return bool(settings.edition == PUBLIC and settings.site_url and settings.publisher and settings.contact_email)


def dcat_graph(catalog: Catalog, settings: Settings) -> Graph:
    site = settings.site_url.rstrip("/") + "/"
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in [("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)]:
        graph.bind(prefix, namespace)
    home = URIRef(site)
    record = URIRef(site + XML)
    data = URIRef(site + FOLDER + "/#datamangd")
    publisher = URIRef(site + FOLDER + "/#utgivare")
    contact = URIRef(site + FOLDER + "/#kontakt")
    licence = URIRef(LICENSE_URL.replace("https://", "http://"))  # the form DCAT-AP-SE's list uses
    # When the data last changed (its newest commit), else the day of the build.
    newest = max((changes[0].date for changes in catalog.history.values() if changes), default=None)
    modified = Literal(newest or catalog.today.isoformat(), datatype=XSD.date)
    sweden = URIRef(EU + "country/SWE")
    swedish = URIRef(EU + "language/SWE")

    def text(subject: URIRef, predicate: URIRef, value: str) -> None:
        graph.add((subject, predicate, Literal(value, lang="sv")))

    graph.add((record, RDF.type, DCAT.Catalog))
    text(record, DCTERMS.title, settings.site_name)
    text(record, DCTERMS.description, settings.description)
    graph.add((record, DCTERMS.publisher, publisher))
    graph.add((record, FOAF.homepage, home))
    graph.add((record, DCTERMS.license, licence))
    graph.add((record, DCTERMS.language, swedish))
    graph.add((record, DCTERMS.modified, modified))
    graph.add((record, DCTERMS.spatial, sweden))
    graph.add((record, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    graph.add((record, DCAT.dataset, data))

    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(settings.publisher, lang="sv")))

    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(settings.publisher, lang="sv")))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.contact_email}")))  # (dcat_ready)
    if settings.feedback_url:
        graph.add((contact, VCARD.hasURL, URIRef(settings.feedback_url)))

    graph.add((data, RDF.type, DCAT.Dataset))
    text(data, DCTERMS.title, "Samverkansöverenskommelser och samverkansstrukturer")
    text(
        data,
        DCTERMS.description,
        "Samverkansöverenskommelser och interna samverkansstrukturer hos regioner, länsstyrelser och kommuner, "
        "med parter, prioriterade områden, möten, uppdrag, beslut och styrdokument, ur allmänna handlingar.",
    )
    graph.add((data, DCTERMS.publisher, publisher))
    graph.add((data, DCAT.contactPoint, contact))
    graph.add((data, DCAT.landingPage, URIRef(site + FOLDER + "/")))
    graph.add((data, DCTERMS.language, swedish))
    graph.add((data, DCTERMS.accessRights, URIRef(EU + "access-right/PUBLIC")))
    graph.add((data, DCTERMS.modified, modified))
    graph.add((data, DCTERMS.spatial, sweden))
    graph.add((data, DCTERMS.accrualPeriodicity, URIRef(EU + "frequency/IRREG")))
    schema = URIRef(site + SCHEMA)
    graph.add((schema, RDF.type, DCTERMS.Standard))
    text(schema, DCTERMS.title, "Samverkansportalens format för öppna data (JSON Schema)")
    for theme in THEMES:
        graph.add((data, DCAT.theme, URIRef(EU + "data-theme/" + theme)))
    for keyword in KEYWORDS:
        text(data, DCAT.keyword, keyword)

    distributions = [(DATASET, "Hela datamängden (JSON)", "JSON", "application/json")] + [
        (f"{FOLDER}/{table.name}.csv", f"{table.title} (CSV)", "CSV", "text/csv") for table in TABLES
    ]
    for path, title, file_type, media_type in distributions:
        node = URIRef(site + path + "#distribution")
        graph.add((data, DCAT.distribution, node))
        graph.add((node, RDF.type, DCAT.Distribution))
        text(node, DCTERMS.title, title)
        graph.add((node, DCAT.accessURL, URIRef(site + path)))
        graph.add((node, DCAT.downloadURL, URIRef(site + path)))
        graph.add((node, DCTERMS.format, URIRef(EU + "file-type/" + file_type)))
        graph.add((node, DCAT.mediaType, IANA[media_type]))
        graph.add((node, DCTERMS.license, licence))
        graph.add((node, DCTERMS.modified, modified))
        if file_type == "JSON":
            graph.add((node, DCTERMS.conformsTo, schema))
    return graph


PREFIXES = {
    "rdf": str(RDF),
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
}
"""The namespaces the files use, in the order they are declared."""


def _qname(uri: str) -> str:
    prefix, namespace = next((p, n) for p, n in PREFIXES.items() if uri.startswith(n))
    return f"{prefix}:{uri[len(namespace) :]}"


def _sorted(graph: Graph) -> list[tuple[str, list[tuple[str, Any]]]]:
    """Every subject with its statements, in one fixed order: rdflib's serializers follow the order
    of Python's sets, which changes from run to run."""
    return [
        (
            str(subject),
            sorted(((str(p), o) for p, o in graph.predicate_objects(subject)), key=lambda po: (po[0], str(po[1]))),
        )
        for subject in sorted(set(graph.subjects()), key=str)
    ]


def rdf_xml(graph: Graph) -> bytes:
    """RDF/XML, a description per subject, each statement on a line."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f"  xmlns:{prefix}={quoteattr(namespace)}" for prefix, namespace in PREFIXES.items()]
    lines[-1] += ">"
    for subject, statements in _sorted(graph):
        lines.append(f"  <rdf:Description rdf:about={quoteattr(subject)}>")
        for predicate, value in statements:
            name = _qname(predicate)
            if isinstance(value, URIRef):
                lines.append(f"    <{name} rdf:resource={quoteattr(str(value))}/>")
            else:
                kind = f" xml:lang={quoteattr(value.language)}" if value.language else ""
                kind += f" rdf:datatype={quoteattr(str(value.datatype))}" if value.datatype else ""
                lines.append(f"    <{name}{kind}>{escape(str(value))}</{name}>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def json_ld(graph: Graph) -> bytes:
    """JSON-LD, a node per subject, with the same prefixes as a context."""
    nodes = []
    for subject, statements in _sorted(graph):
        node: dict[str, Any] = {"@id": subject}
        for predicate, value in statements:
            if predicate == str(RDF.type):
                node.setdefault("@type", []).append(_qname(str(value)))
                continue
            if isinstance(value, URIRef):
                item: dict[str, str] = {"@id": str(value)}
            else:
                item = {"@value": str(value)}
                if value.language:
                    item["@language"] = value.language
                if value.datatype:
                    item["@type"] = str(value.datatype)
            node.setdefault(_qname(predicate), []).append(item)
        nodes.append(node)
    document = {"@context": {prefix: namespace for prefix, namespace in PREFIXES.items()}, "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def dcat_files(catalog: Catalog, settings: Settings) -> list[OutputFile]:
    """The output: the catalogue as RDF/XML and JSON-LD, when the site's address and publisher are set."""
    if not dcat_ready(settings):
        return []
    graph = dcat_graph(catalog, settings)
    return [OutputFile(XML, rdf_xml(graph)), OutputFile(JSONLD, json_ld(graph))]
