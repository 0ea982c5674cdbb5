"""Package requirement specifiers given as parameters: packages, not hosts.

``pipDownload {requirement: 'numpy==1.26.4'}`` names a package of the installer's registry;
the dots of its version do not make it a host to reach. A value under a requirement or
package key that reads as a specifier (PEP 508 ``name[extra]==1.2.3``, ``name>=1,<2``, npm
``name@^1.2.3`` and ``@scope/name@1.2.3``, cargo ``name@1.2``, gem ``name -v 1.2``) is judged
by the supply-chain checks (``manifests.py``) as ``pip download numpy==1.26.4`` is; a URL, a
``git+https://…`` reference or a PEP 508 direct reference (``name @ https://…``) is none and
stays a destination.

The patterns are anchored and have no nested repetition over shared characters, so a match
is linear in the value; longer values than any registry accepts are never specifiers.
"""

from __future__ import annotations

import re2

__all__ = ["PACKAGE_SPEC_KEYS", "package_spec", "requirement_name"]

#: Keys (case-folded) whose value names a package to fetch.
PACKAGE_SPEC_KEYS = frozenset(
    {"requirement", "requirements", "req", "reqs", "spec", "specs", "specifier", "specifiers",
     "package", "packages", "package_name", "package_spec", "packagespec", "pkg", "pkgs",
     "dependency", "dependencies", "dep", "deps", "crate", "crates", "gem", "gems"}
)  # fmt: skip

#: Longest value read as a specifier; the patterns are RE2 (linear), so this bounds the work.
_MAX_SPEC = 256
_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_VERSION = r"[A-Za-z0-9.*+!_-]+"
_CLAUSE = rf"(?:===|==|!=|~=|>=|<=|>|<)\s*{_VERSION}"
#: PEP 508 without direct references: name, extras, version clauses, environment marker.
_PEP508 = re2.compile(
    rf"{_NAME}\s*(?:\[[A-Za-z0-9._, -]*\])?\s*"
    rf"(?:{_CLAUSE}\s*(?:,\s*{_CLAUSE}\s*)*)?(?:;[^@/\\]*)?"
)
#: npm and cargo: ``name@range``, ``@scope/name@range``, ``name@tag``.
_AT_SPEC = re2.compile(
    rf"(?:@{_NAME}/)?{_NAME}@(?:[\^~]|[<>]=?|=)?[A-Za-z0-9.*+_-]+(?:\s*\|\|\s*[\^~]?[0-9.x*]+)*"
)
#: RubyGems: ``name -v 1.2`` / ``name --version '~> 1.2'`` (``name:1.2`` reads as host:port).
_GEM_SPEC = re2.compile(
    rf"{_NAME}\s+(?:-v|--version)\s+['\"]?(?:[~<>=!]{{1,2}}\s*)?{_VERSION}['\"]?"
)


def package_spec(key: str, text: str) -> bool:
    """Whether ``text`` under ``key`` is a package specifier rather than a place."""
    value = text.strip()
    if key not in PACKAGE_SPEC_KEYS or not value or len(value) > _MAX_SPEC:
        return False
    if "://" in value or value.startswith(("git+", "file:", ".", "/", "~", "-")):
        return False
    return any(pattern.fullmatch(value) for pattern in (_PEP508, _AT_SPEC, _GEM_SPEC))


_LEADING_NAME = re2.compile(_NAME)


def requirement_name(text: str) -> str | None:
    """The project a PEP 508 specifier without a direct reference names (``ruff==0.6.9``,
    ``black[jupyter]>=24``: ruff, black); ``None`` for anything else (a URL, a path, a
    ``name @ https://…`` reference, words a specifier cannot hold)."""
    value = text.strip()
    if not value or len(value) > _MAX_SPEC or not _PEP508.fullmatch(value):
        return None
    match = _LEADING_NAME.match(value)
    return match.group(0) if match else None
