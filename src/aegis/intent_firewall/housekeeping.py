"""Development housekeeping that only throws away what a build makes again.

- ``docker image prune [-f]`` removes dangling images only (layers no tag and no container
  refers to), on the default daemon; ``docker builder prune`` empties the build cache. A
  ``label``/``until`` filter only narrows that. A build cache (``builder``/``buildx``
  prune) is made again by the next build whatever is removed, ``--all`` included. For
  images, ``--all`` in any spelling (``-a``, ``-af``,
  ``--all=true``; a label is no limit with it: most images carry the common labels), any
  other filter,
  another daemon (``--context``, ``-H``, ``DOCKER_HOST``, ``DOCKER_CONTEXT`` anywhere on the
  line) and any program but ``docker`` itself keep ``destructive-command``, as do
  container, volume, network and system prunes (a stopped container's files, a volume's
  database).
- ``git gc --prune=now`` and ``git prune`` delete only objects that no ref, reflog, index or
  worktree reaches, unless the request also drops refs or reflogs or changes how long
  reflogs live (``-c gc.reflogExpire=now``, ``git config gc.*``, ``tag -d``, ``branch -D``,
  ``reset --hard``, ``worktree remove``, a write into ``.git/``): then it is a discard.

Flushing a Redis database and running playbooks are not housekeeping: which Redis database
or port holds scratch data is a convention of each project, and a playbook's tasks, its
variables and ``ANSIBLE_*`` settings can run anything in check mode too.
"""

from __future__ import annotations

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.linecontext import word_pairs

__all__ = ["docker_prune_kept", "prune_discards"]

_FORCE = frozenset({"-f", "--force"})
#: Filters that only narrow a prune of dangling images (never ``dangling=false``).
_NARROWING = ("--filter=until=", "--filter=label=", "--filter=label!=")
#: Words that, anywhere in the request, may make history unreachable before a prune.
_HISTORY_WORDS = frozenset(
    {"-c", "--config", "config", "reflog", "tag", "branch", "reset", "worktree", "update-ref",
     "stash", "rebase", "filter-branch", "filter-repo", "replace", "symbolic-ref", "remote",
     "notes", "expire", "checkout", "switch", "commit", "fetch", "pull", "push", "clone"}
)  # fmt: skip


def docker_prune_kept(scope: Scope, group: str, sub: str, words: list[str], *, plain: bool) -> bool:
    """``docker image prune [-f] [--filter until=…|label=…]`` (dangling images) or ``docker builder
    prune``, by ``docker`` with no global option (``plain``) and no daemon set on the line."""
    if sub == "buildx" and words[:1] == ["prune"]:
        group, sub, words = sub, "prune", words[1:]  # docker buildx prune
    if sub != "prune" or group not in ("image", "builder", "buildx") or not plain:
        return False
    if any(word.startswith(("DOCKER_", "--context", "--host")) for word, _ in word_pairs(scope)):
        return False
    if group in ("builder", "buildx"):
        return _cache_prune(words)
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--filter" and index + 1 < len(words):
            index += 1
            word = "--filter=" + words[index]
        if word not in _FORCE and not word.startswith(_NARROWING):
            return False  # -a, -af, --all=true, --filter dangling=false: more than dangling
        index += 1
    return True


#: Options of a build-cache prune: all of it is made again by the next build, so ``--all``
#: (``-a``, ``-af``) and a size or age limit only choose how much.
_CACHE_OPTIONS = frozenset({"-f", "--force", "-a", "--all", "-af", "-fa", "--verbose"})
_CACHE_LIMITS = ("--keep-storage", "--reserved-space", "--max-used-space", "--min-free-space")


def _cache_prune(words: list[str]) -> bool:
    """``docker builder prune -af``, ``docker buildx prune -f --filter until=24h``."""
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("--filter", *_CACHE_LIMITS) and index + 1 < len(words):
            index += 1
            word = f"{word}={words[index]}"
        if not (
            word in _CACHE_OPTIONS
            or word.startswith((*_NARROWING, *_CACHE_LIMITS, "--filter=type="))
        ):
            return False  # --builder, another daemon's cache: judged as before
        index += 1
    return True


def prune_discards(scope: Scope, sub: str, words: list[str]) -> str | None:
    """Why ``git gc --prune=…`` or ``git prune`` discards history here, or ``None``."""
    if sub == "gc":
        if not any(word.startswith("--prune=") for word in words):
            return None  # the default keeps two weeks of unreachable objects
    elif sub != "prune" or {"-n", "--dry-run"} & set(words):
        return None
    for word, _ in word_pairs(scope):
        lowered = word.lower()
        if (
            lowered in _HISTORY_WORDS
            or lowered.startswith(("gc.", "core.logallrefupdates", "-c"))
            or ".git/" in lowered
            or lowered == ".git"
        ):
            return f"prunes after the request changes refs, reflogs or their expiry ({word!r})"
    return None
