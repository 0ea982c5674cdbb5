"""Release uploads given as tool calls that name a repository.

``create_release {repo: someone/mirror, tag: v1, files: [...]}`` and ``upload_release_asset
{owner: someone, repo: mirror, file: ...}`` put the workspace's files on a release of the
repository they name, as ``gh release upload --repo someone/mirror`` does: the workspace's own
repository is the one ``gh`` finds in it, a named one may be anyone's. Such a call is
``upload-elsewhere`` (*review*); the files themselves are judged as reads where they are named
(a key file is a credential read whatever the destination).
"""

from __future__ import annotations

from collections.abc import Mapping

from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["release_upload_findings"]

_RELEASE_WORDS = frozenset({"release", "releases", "asset", "assets"})
_UPLOAD_WORDS = frozenset({"create", "upload", "publish", "add", "attach", "update", "edit"})
_REPO_KEYS = frozenset(
    {"repo", "repository", "owner", "repo_name", "reponame", "full_name", "fullname",
     "repo_full_name", "repository_name", "project", "project_id", "slug"}
)  # fmt: skip


def release_upload_findings(words: frozenset[str], frozen: object) -> list[Hit]:
    """``upload-elsewhere`` for a release tool call that names its repository."""
    if not (words & _RELEASE_WORDS and words & _UPLOAD_WORDS) or not isinstance(frozen, Mapping):
        return []
    for key, value in list(frozen.items())[:64]:
        if isinstance(key, str) and key.casefold() in _REPO_KEYS and value not in (None, ""):
            shown = str(value)[:80]
            return [default_hit("upload-elsewhere", f"release files sent to {key}={shown!r}")]
    return []
