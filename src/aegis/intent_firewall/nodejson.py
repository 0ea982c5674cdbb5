"""``node -e "console.log(require('./package.json').version)"``: a field of a JSON file of the
workspace, printed.

``require`` of a ``.json`` file parses it as data (no code runs); the shape is checked token
by token, without a parser or a regular expression: ``console.log(`` (or ``node -p``'s bare
expression), ``require(`` a quoted relative path starting ``./`` and ending ``.json`` without
``..``, ``)``, then ``.name`` fields only, then ``)`` and an optional ``;``. Anything else is
not this shape and keeps its ``interpreter-code`` finding; the file is judged as a read.
"""

from __future__ import annotations

__all__ = ["json_field_path"]

_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-@")
_FIELD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_MAX_CODE = 200


def json_field_path(code: str, *, printed: bool) -> str | None:  # noqa: PLR0911 (a scan)
    """The JSON file ``code`` prints a field of, or ``None`` when it is not that shape."""
    text = code.strip()
    if len(text) > _MAX_CODE:
        return None
    text = text.removesuffix(";").strip()
    if not printed:
        if not (text.startswith("console.log(") and text.endswith(")")):
            return None
        text = text[len("console.log(") : -1].strip()
    if not text.startswith("require(") or len(text) < 12:
        return None
    quote = text[8]
    end = text.find(quote, 9)
    if quote not in "'\"" or end < 0 or text[end + 1 : end + 2] != ")":
        return None
    path = text[9:end]
    if not (path.startswith("./") and path.endswith(".json") and ".." not in path):
        return None
    if not _PATH_CHARS.issuperset(path):
        return None
    fields = text[end + 2 :]
    for field in fields.split(".")[1:] if fields else ():
        if not field or not _FIELD_CHARS.issuperset(field) or field.startswith("__"):
            return None
    if fields and not fields.startswith("."):
        return None
    return path
