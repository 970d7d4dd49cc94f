"""Section links in Swedish: a Python-Markdown extension that gives each section heading a link to
itself, so that a reader can share a link to "Källhandlingar".

The toc extension's own permalinks (`toc: permalink`) are named by their glyph, which a screen
reader reads as "pilcrow", and it gives the page title one too, which links to the page itself.
These links are named "Länk till avsnittet …" and stop at h2. They run after toc, which has set
the heading ids and built the contents from the headings without them.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

SECTION_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
LABEL = "Länk till avsnittet"


class SectionLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            if heading.tag not in SECTION_HEADINGS or "id" not in heading.attrib:
                continue
            name = html.unescape(strip_tags(render_inner_html(heading, self.md)))
            link = etree.SubElement(heading, "a")
            link.text = "¶"
            link.attrib.update(
                {"class": "headerlink", "href": f"#{heading.attrib['id']}", "aria-label": f"{LABEL} {name}"}
            )


class SectionLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(SectionLinks(md), "samverkan_section_links", 4)


def makeExtension(**kwargs: object) -> SectionLinksExtension:  # noqa: N802 (Python-Markdown's name)
    return SectionLinksExtension(**kwargs)
