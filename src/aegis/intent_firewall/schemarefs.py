"""A configuration file's schema reference is not a place the request reaches.

The URLs in a written file of code or configuration count as destinations: what loads the
file fetches them (``plainreader.destinations``). One kind is never fetched by the tool
the file configures: the JSON Schema an editor validates it against, named by the
``"$schema": "https://…"`` member of a JSON file (``tsconfig.json``, ``biome.json``,
``turbo.json``) or a ``# yaml-language-server: $schema=https://…`` comment of a YAML file.
At most an editor reads that document, sending nothing of the workspace. Only a plain https
URL counts as one (no query, no user information); every other occurrence of the same URL
in the text is still a destination, and so is any other URL of the file.
"""

from __future__ import annotations

__all__ = ["schema_refs_dropped"]

#: What stands before a schema reference, in the canonical (case-folded) text.
_OPENERS = ('"$schema":"', '"$schema": "', "$schema=")
#: Characters of a URL that would carry data or credentials to the schema's host.
_CARRIERS = frozenset("?@#\\$`{}<> ")


def schema_refs_dropped(canonical: str, urls: list[str], key: str, writing: bool) -> list[str]:
    """``urls`` found in ``canonical`` (the value of ``key`` in a request that ``writing``
    a file) without those named only as a schema reference: the whole value of a
    ``$schema`` member, or a URL the text names after a schema opener."""
    if not writing or not urls or (key != "$schema" and "$schema" not in canonical):
        return urls
    if key == "$schema":
        return [url for url in urls if not (url == canonical.strip() and _plain(url))]
    return [url for url in urls if not _schema_only(canonical, url)]


def _plain(url: str) -> bool:
    return url.startswith("https://") and _CARRIERS.isdisjoint(url[8:])


def _schema_only(canonical: str, url: str) -> bool:
    """Every occurrence of ``url`` in ``canonical`` follows a schema opener."""
    if not _plain(url):
        return False
    start, seen = 0, False
    while (index := canonical.find(url, start)) >= 0:
        if not canonical.endswith(_OPENERS, 0, index):
            return False
        seen, start = True, index + len(url)
    return seen
