"""Editions: the intranet edition shows everything; the public edition leaves out every record
and every nested item marked `visibility: intern`, and every reference to one.

What holds a reference to something left out stays when it can stand without it: a public
assignment whose only responsible body is internal is still shown, without that body. What cannot
(a required reference, a rule of its model such as a recipient's text-or-post, a collaboration's
first party) is left out in turn, until nothing more falls away.

The filtering happens on the validated records, before linking and rendering, so nothing
internal can reach a page, the search index, an export or the sitemap of the public edition.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from samverkan.ingest.validate import Records
from samverkan.model.records import Item, Organisation, PostRef, Record, _fields

PUBLIC = "public"
INTERNAL = "intern"
EDITIONS = (INTERNAL, PUBLIC)
POSTS = "posts"
"""Kind of the (POSTS, "organisation/post") entries that mark a left-out post in the removed set."""


def _strip(item: Item, removed: set[tuple[str, str]]) -> Item | None:
    """The item without its internal parts, or None when it is itself internal or cannot stand
    without something that was left out: a required field, a post, or a rule of its model (a
    recipient needs a text or a post, a collaboration at least one party)."""
    if item.internal:
        return None
    if isinstance(item, PostRef) and item.post and (POSTS, f"{item.organisation}/{item.post}") in removed:
        return None
    changes: dict[str, Any] = {}
    for name, kind in _fields(type(item)):
        value = getattr(item, name)
        required = type(item).model_fields[name].is_required()
        if isinstance(value, list):
            kept = [v for v in (_keep(element, kind, removed) for element in value) if v is not None]
            if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value, strict=False)):
                changes[name] = kept
        elif value is not None and (isinstance(value, BaseModel) or kind):
            kept_value = _keep(value, kind, removed)
            if kept_value is None and required:
                return None
            if kept_value is not value:
                changes[name] = kept_value
    if not changes:
        return item
    try:  # validated again, so that the public edition obeys the same rules as the data
        return type(item).model_validate({**dict(item), **changes})
    except ValidationError:
        return None


def _keep(value: Any, kind: str | None, removed: set[tuple[str, str]]) -> Any:
    if isinstance(value, Item):
        return _strip(value, removed)
    if kind and (kind, value) in removed:
        return None
    return value


def public_records(records: Records) -> Records:
    """The records of the public edition: internal records and items left out, and references to
    them, repeated until nothing more falls away (a record may stand only on a left-out one)."""
    removed: set[tuple[str, str]] = {
        (POSTS, f"{org.id}/{post.id}")
        for org in records.by_kind["organisations"].values()
        if isinstance(org, Organisation)
        for post in org.posts
        if post.internal
    }
    while True:
        before = len(removed)
        kept: dict[str, dict[str, Record]] = {kind: {} for kind in records.by_kind}
        for kind, items in records.by_kind.items():
            for record_id, record in items.items():
                stripped = None if (kind, record_id) in removed else _strip(record, removed)
                if isinstance(stripped, Record):
                    kept[kind][record_id] = stripped
                else:
                    removed.add((kind, record_id))
        if len(removed) == before:
            break  # this round was made knowing every left-out record
    sources = {key: source for key, source in records.sources.items() if key not in removed}
    files = {key for key in records.files if key not in removed}  # so that a check afterwards finds leftovers
    return Records(by_kind=kept, sources=sources, files=files, unavailable=records.unavailable)
