"""Markdown fields: rendered to HTML, then cleaned to a small allowlist.

Editors may write emphasis, lists and links in fields documented as Markdown. Whatever else the
text holds (raw HTML, scripts, event handlers, `javascript:` links) is dropped or shown as text.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions.toc import slugify
from markupsafe import Markup

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "textarea", "title"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def safe_href(href: str) -> bool:
    """Links may be relative, or go to http, https or mailto: never javascript:, data: and the like."""
    try:
        return urlsplit(_INVISIBLE.sub("", href)).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


def clean_html(html: str) -> str:
    """Only the allowed tags and attributes, and links with safe schemes, by nh3 (the Rust crate
    ammonia): what a browser would parse is what is cleaned, nesting included."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES - {""},
        clean_content_tags=DROPPED_WITH_CONTENT,
        link_rel=None,
    )


# A "<" that starts what looks like a tag but is never closed: Python-Markdown shows it as text
# anyway, after trying, for each one, the rest of the paragraph (thousands of them take seconds).
# Code spans on one line are left as they are: there, "<b" is code, not the start of a tag.
_UNCLOSED_TAG = re.compile(r"(`[^`\n]*`)|<(?=[A-Za-z/!?])(?![^<>]*>)")


def render_markdown(text: str) -> Markup:
    """A Markdown field as clean HTML, wrapped so MkDocs passes it through as one block.

    The models keep nesting within what Python-Markdown can recurse through; should a text still
    be too deep for it, the text is shown as it was written rather than stopping the build.
    """
    try:
        html = clean_html(markdown.markdown(_UNCLOSED_TAG.sub(lambda match: match.group(1) or "&lt;", text)))
    except RecursionError:
        html = "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n"))
    html = re.sub(r"\n\s*\n", "\n", html)  # a blank line would end the raw HTML block early
    return Markup(f'<div class="samverkan-text">{html}</div>')


def heading_id(value: str, separator: str) -> str:
    """Python-Markdown's heading id, never starting with "_".

    Material's own element ids all start with "__" (__search, __drawer, __toc …); a meeting named
    "__search" would otherwise give its heading the search toggle's id. mkdocs.yml names this
    function as the table of contents' slugify.
    """
    return slugify(value, separator).lstrip("_") or "rubrik"
