"""git: its URLs are network destinations, and its configuration can run programs.

``core.pager``, ``core.sshCommand``, ``alias.x = !…``, ``ext::`` transports and
``--upload-pack`` all make git start a program of the caller's choosing: *review*.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.gitdiscards import discards
from aegis.intent_firewall.gitobjects import history_reads
from aegis.intent_firewall.gitpush import push_destination
from aegis.intent_firewall.hookspath import HOOKS_KEY, workspace_hooks
from aegis.intent_firewall.housekeeping import prune_discards
from aegis.intent_firewall.optionroles import looks_like_path, unmodelled_value
from aegis.intent_firewall.options import Arg, parse_options
from aegis.intent_firewall.paths import resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["git"]

_GIT_EXEC_KEYS = (
    "core.pager",
    "core.editor",
    "core.sshcommand",
    "core.fsmonitor",
    "core.hookspath",
    "core.gitproxy",
    "core.askpass",
    "sequence.editor",
    "diff.external",
    "credential.helper",
    "gpg.program",
    "include.path",
    "uploadpack.packobjectshook",
    "http.proxy",
    "core.worktree",
    # the template directory's hooks are copied into every repository git init or clone makes
    "init.templatedir",
)
#: Sections whose programs are named per driver (``diff.<driver>.textconv``,
#: ``merge.<driver>.driver``); their two-part keys are plain settings.
_DRIVER_SECTIONS = ("merge.", "diff.")
#: Settings of a remote that only choose refs (never its url, uploadpack or receivepack).
_REMOTE_DATA = frozenset({"fetch", "prune", "prunetags", "tagopt", "skipdefaultupdate"})
_GIT_EXEC_PREFIXES = (
    "alias.",
    "pager.",
    "filter.",
    "merge.",
    "diff.",
    "protocol.",
    "url.",
    "includeif.",
    "remote.",
    "gpg.",
    "credential.",
)
_GIT_NETWORK = frozenset(
    {
        "clone",
        "fetch",
        "pull",
        "push",
        "ls-remote",
        "remote",
        "submodule",
        "archive",
        "request-pull",
    }
)
_PLAIN_PAGERS = frozenset({"", "cat", "less", "less -r", "less -fr", "more", "vim", "vi", "nano"})
#: Options that name a program git runs, per subcommand (``-u`` is only one for clone).
_EXEC_OPTIONS = {
    "clone": ("--upload-pack", "-u", "--template"),
    "fetch": ("--upload-pack",),
    "pull": ("--upload-pack",),
    "ls-remote": ("--upload-pack",),
    "push": ("--receive-pack", "--exec"),
    "archive": ("--exec",),
    "send-email": ("--sendmail-cmd", "--smtp-server"),
    "difftool": ("--extcmd", "-x"),
    "rebase": ("--exec", "-x"),
    "bisect": ("run",),
    "grep": ("--open-files-in-pager", "-O"),
    "submodule": ("foreach",),
}
#: Subcommands whose last operand is a directory git fills with files.
_FILLS_DIRECTORY = frozenset({"clone", "worktree", "init"})
#: Subcommands that hand out or serve what they should not.
_SUBCOMMAND_FINDINGS = {
    "credential": ("credential-file-read", "prints stored credentials"),
    "credential-store": ("credential-file-read", "prints stored credentials"),
    "daemon": ("network-listener", "serves repositories over the network"),
    "instaweb": ("network-listener", "serves repositories over the network"),
    "send-email": ("unknown-network-destination", "mails commits to the addresses given"),
}


def _git_config(judge: CommandJudge, setting: str, cwd: str | None = None) -> None:
    """``cwd``: the repository's directory when the setting is that repository's own."""
    key, _, value = (part.strip().lower() for part in setting.partition("="))
    if key in ("core.pager", "core.editor") and value in _PLAIN_PAGERS:
        return
    if key == HOOKS_KEY and cwd and workspace_hooks(judge.scope, setting.partition("=")[2], cwd):
        return  # git config core.hooksPath .githooks: the project's own tracked hooks
    if key.startswith(_DRIVER_SECTIONS) and key.count(".") == 1 and key not in _GIT_EXEC_KEYS:
        return  # merge.conflictstyle, diff.algorithm: only merge.<driver>.driver runs
    if key.startswith("remote.") and key.rpartition(".")[2] in _REMOTE_DATA:
        return  # remote.origin.fetch: which refs to fetch, not where or with what
    if key in _GIT_EXEC_KEYS or key.startswith(_GIT_EXEC_PREFIXES):
        judge.hit("interpreter-code", f"git configuration {setting[:100]!r} can run programs")


def shown_words(words: list[Arg]) -> str:
    return " ".join(w[1] for w in words)[:100]


def _runs_command(
    judge: CommandJudge, words: tuple[str, str], command: list[Arg], cwd: str, feed: Feed
) -> bool:
    """``git bisect run CMD…`` (a program at each step) and ``git submodule foreach CMD…``
    (a shell command in each submodule): the command is judged as itself. False for any
    other subcommand word."""
    sub, text = words
    if sub == "bisect" and text == "run" and command:
        judge.argv(command, replace(feed, cwd=cwd, depth=feed.depth + 1))
        return True
    if sub != "submodule" or text != "foreach":
        return False
    command = [w for w in command if (w[0] or "") not in ("--recursive", "--quiet", "-q")]
    if not command or any(w[0] is None for w in command):
        judge.hit("interpreter-code", f"git submodule foreach {shown_words(command)}")
    else:
        judge.judge_script(" ".join(w[0] or "" for w in command), cwd, feed.depth + 1)
    return True


def git(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
    parsed = parse_options(spec, args[1:])
    cwd = feed.cwd
    for role, arg, option in parsed.options:
        if role == "git-config" and arg[0] is not None:
            _git_config(judge, arg[0])
        elif role == "dir" and arg[0] is not None:
            cwd = resolve_path(arg[0], cwd, judge.scope.home)
        elif option == "--config-env" and arg[0] is not None:
            _git_config(judge, arg[0])
        elif arg[0] is not None:
            # --git-dir, --work-tree, --exec-path …: a repository or tree outside the
            # workspace, or programs run from one, is never a plain read
            unmodelled_value(judge, f"git {option}", arg, cwd)
    if not parsed.operands:
        return
    sub = parsed.operands[0][0] or ""
    rest = parsed.operands[1:]
    position = args.index(parsed.operands[0])
    words = args[position + 1 :]
    _subcommand_paths(judge, sub, words, cwd, feed)
    history_reads(judge, sub, words, cwd)  # git show HEAD:.env (gitobjects.py)
    push_destination(judge, sub, words, cwd)
    for index, (value, _written, _glob) in enumerate(words):
        text = value or ""
        option = text.split("=", 1)[0]
        if option in ("--config", "-c") and sub != "config":
            following = words[index + 1][0] if index + 1 < len(words) else ""
            _git_config(judge, text.split("=", 1)[1] if "=" in text else following or "")
        elif index == 0 and _runs_command(judge, (sub, text), words[1:], cwd, feed):
            break
        elif option in _EXEC_OPTIONS.get(sub, ()):
            judge.hit("interpreter-code", f"git {sub} {text} runs a program")
        if text.startswith("ext::") or ("::" in text and text.split("::", 1)[0] in ("ext", "fd")):
            judge.hit("interpreter-code", f"git transport {text[:80]!r}")
    flags = {w[0] or "" for w in words}
    if ("--no-verify" in flags and sub in _HOOKED) or (sub == "commit" and "-n" in flags):
        # the repository's pre-commit and pre-push checks (secret scanners, linters) skipped
        judge.hit("verification-off", f"git {sub} --no-verify skips the repository's hooks")
    if sub == "push" and (
        flags & {"-f", "--force", "--delete", "-d", "--mirror", "--prune"}
        or any((w or "").startswith(("+", ":")) for w in flags)
        or _rewrites_shared_branch(flags)
    ):
        judge.hit("destructive-command", f"git push {' '.join(sorted(flags))[:100]}")
    elif why := discards(sub, [w[0] or "" for w in words]) or prune_discards(
        judge.scope, sub, [w[0] or "" for w in words]
    ):
        judge.hit("destructive-command", f"git {sub} {shown_words(words)}: {why}")
    if sub == "config":
        keys = _config_words(words)
        if keys[:1] == ["set"]:  # git 2.46: git config set KEY VALUE
            keys = keys[1:]
        elif keys[:1] and keys[0] in _CONFIG_READ_VERBS:
            keys = []
        # a key alone, or --get/--list/--unset, reads or removes a setting: nothing runs
        setting = len(keys) > 1 or bool(flags & _CONFIG_ADDING)
        if keys and setting and not flags & _CONFIG_READING:
            own = {flag for flag in flags if flag.startswith("-")} <= {"--local"}  # --glo
            _git_config(judge, "=".join(keys[:2]), cwd if own else None)
    elif sub in _GIT_NETWORK:
        for value, written, _ in rest:
            if value and ("://" in value or ("@" in value and ":" in value)):
                judge_url(judge.scope, value, written, cwd)


#: Subcommands whose ``--no-verify`` skips the hooks that check what they record or send.
_HOOKED = frozenset({"commit", "push", "merge", "am", "rebase", "cherry-pick", "revert"})
_CONFIG_FILE_OPTIONS = frozenset({"--file", "-f", "--blob"})
#: git config verbs and flags that only read or remove settings, and those that add one.
_CONFIG_READ_VERBS = frozenset({"get", "list", "unset", "remove-section", "rename-section"})
_CONFIG_READING = frozenset(
    {"--get", "--get-all", "--get-regexp", "--get-urlmatch", "--list", "-l", "--unset",
     "--unset-all", "--remove-section", "--rename-section", "--get-color", "--get-colorbool"}
)  # fmt: skip
_CONFIG_ADDING = frozenset({"--add", "--replace-all"})


def _config_words(words: list[Arg]) -> list[str]:
    """``git config [--file F] key [value]``: the key and value, option values skipped."""
    found: list[str] = []
    skip = False
    for value, _written, _glob in words:
        if skip:
            skip = False
            continue
        text = value or ""
        if text in _CONFIG_FILE_OPTIONS:
            skip = True
        elif not text.startswith("-"):
            found.append(text)
    return found


def _sibling_checkout(judge: CommandJudge, target: Arg, cwd: str) -> bool:
    """A worktree beside the workspace (``git worktree add ../project-hotfix``): another
    checkout of the same repository, where git puts them, not a write into the machine."""
    workspace = judge.scope.workspace
    if workspace is None or target[0] is None:
        return False
    resolved = resolve_path(target[0], cwd, judge.scope.home)
    parent = workspace.rstrip("/").rpartition("/")[0]
    return bool(parent) and resolved.rpartition("/")[0] == parent and resolved != workspace


def _subcommand_paths(
    judge: CommandJudge, sub: str, words: list[Arg], cwd: str, feed: Feed
) -> None:
    """Paths a subcommand writes, deletes or reads, and subcommands that are findings."""
    if sub in _SUBCOMMAND_FINDINGS:
        rule, why = _SUBCOMMAND_FINDINGS[sub]
        judge.hit(rule, f"git {sub} {why}")
    flags, operands = _subcommand_words(judge, sub, words, cwd)
    if sub in ("config", "commit", "tag", "log", "show", "diff", "grep"):
        # git diff --no-index A B compares two files anywhere, like diff(1): both are read
        for target in operands if sub == "diff" and "--no-index" in flags else []:
            judge.path(target, "read", cwd)
        return
    if sub in _FILLS_DIRECTORY:
        for target in operands:
            if looks_like_path(target[0] or "") or target is operands[-1]:
                sibling = sub == "worktree" and _sibling_checkout(judge, target, cwd)
                judge.path(target, "write-tree", cwd, known=not sibling)
        if sub == "clone" and len(operands) < 2:
            # the new directory is named after the repository, somewhere below cwd
            judge.scope.written_paths.append(cwd)
    elif sub == "clean" and "-f" in flags and "-n" not in flags:
        _cleans(judge, flags, operands, words, cwd)
    elif sub in ("reset", "branch", "checkout", "switch") and operands:
        _moves_far_back(judge, sub, flags, operands)
    elif sub in ("rm", "add"):
        _stages(judge, sub, flags, operands, cwd)


def _stages(judge: CommandJudge, sub: str, flags: set[str], operands: list[Arg], cwd: str) -> None:
    """git add reads what it stages; git rm -r deletes the files below each operand from the
    working tree too (unless --cached)."""
    if sub == "rm":
        role = "delete-tree" if flags & {"-r", "-rf", "-fr"} else "delete"
        for target in operands if "--cached" not in flags else []:
            judge.path(target, role, cwd)
        return
    role = "read-tree" if flags & {"-A", "--all"} or not operands else "read"
    for target in operands or [(".", ".", False)]:
        judge.path(target, role, cwd)


def _cleans(
    judge: CommandJudge, flags: set[str], operands: list[Arg], words: list[Arg], cwd: str
) -> None:
    """``git clean -f`` deletes the untracked files below its operands (the whole tree
    without any); ``-x``/``-X`` or a doubled ``-f`` also takes ignored files and nested
    repositories.

    ``-X`` alone (one ``-f``, no ``-x``, no extra ``-e`` ignore rule) removes only what
    .gitignore names: build output, as ``make clean`` would, inside the workspace; there its
    targets are judged as a tree written. Anywhere else (``git -C ~ clean -fdX``) it stays a
    tree deleted.
    """
    forced = text_count(words, "-f") + sum((w[0] or "") == "--force" for w in words)
    ignored_only = (
        "-X" in flags and "-x" not in flags and not flags & {"-e", "--exclude"} and forced <= 1
    )
    workspace = judge.scope.workspace
    for target in operands or [(".", ".", False)]:
        resolved = resolve_path(target[0] or "/", cwd, judge.scope.home)
        inside = workspace is not None and (
            resolved == workspace or resolved.startswith(workspace + "/")
        )
        judge.path(target, "write-tree" if ignored_only and inside else "delete-tree", cwd)
    if ignored_only:
        return
    # confined to named subdirectories (git clean -fdx build/), ignored files there are build
    # output; the whole tree (no operand, ".", a ":" pathspec magic) takes .env and the rest
    whole_tree = not operands or any(
        (value or ":").startswith(":") or (value or "").rstrip("/") in ("", ".", "*", "./*")
        for value, _, _ in operands
    )
    if whole_tree and (flags & {"-x", "-X"} or text_count(words, "-f") > 1):
        judge.hit("destructive-command", f"git clean {' '.join(a[1] for a in words)[:80]}")


#: More commits than this thrown away by one reset is not undoing a slip.
FAR_BACK = 3
_DISCARDING = {
    "reset": frozenset({"--hard", "--keep", "--merge"}),
    "branch": frozenset({"-f", "--force"}),
    "checkout": frozenset({"-B"}),
    "switch": frozenset({"-C", "--force-create"}),
}


def commits_back(revision: str) -> int:
    """How many first-parent commits ``HEAD~50``, ``@^^^`` or ``main~3^2`` go back (0 for a
    revision whose distance the text does not tell, such as a hash). A linear scan."""
    base_end = len(revision)
    for index, char in enumerate(revision):
        if char in "~^":
            base_end = index
            break
    count, index = 0, base_end
    while index < len(revision):
        char = revision[index]
        index += 1
        digits = ""
        while index < len(revision) and revision[index].isdigit() and len(digits) < 9:
            digits += revision[index]
            index += 1
        if char == "~":
            count += int(digits) if digits else 1
        elif char == "^":
            count += 1 if digits in ("", "1") else 0
    return count


#: Branches a team shares: rewriting or force-deleting one is never a local tidy-up.
_SHARED_BRANCHES = frozenset(
    {"main", "master", "trunk", "develop", "development", "production", "prod", "stable",
     "release", "gh-pages"}
)  # fmt: skip


def _shared_branch(word: str) -> bool:
    """``main``, ``origin/main``, ``HEAD:refs/heads/main``, ``release/2.0``."""
    name = word.rsplit(":", 1)[-1].removeprefix("refs/heads/").removeprefix("origin/")
    return name in _SHARED_BRANCHES or name.startswith(("release/", "releases/"))


def _rewrites_shared_branch(words: set[str]) -> bool:
    """``git push --force-with-lease origin main``: a lease only guards against losing a
    push nobody saw; the shared branch's history is still rewritten."""
    leased = any(w.startswith(("--force-with-lease", "--force-if-includes")) for w in words)
    return leased and any(_shared_branch(w) for w in words if not w.startswith("-"))


def _moves_far_back(judge: CommandJudge, sub: str, flags: set[str], operands: list[Arg]) -> None:
    """``git reset --hard HEAD~50`` drops fifty commits and the working tree's changes;
    ``git branch -D main`` drops a shared branch's unmerged commits."""
    if sub == "branch" and flags & {"-D", "-f", "--force"}:
        for value, written, _glob in operands:
            if value is not None and _shared_branch(value):
                forced = " ".join(sorted(flags & {"-D", "-f", "--force"}))
                judge.hit("destructive-command", f"git branch {forced} {written}: a shared branch")
                return
    if not flags & _DISCARDING[sub]:
        return
    for value, written, _glob in operands:
        if value is not None and commits_back(value) > FAR_BACK:
            judge.hit("destructive-command", f"git {sub} to {written} drops that many commits")
            return


def _subcommand_words(
    judge: CommandJudge, sub: str, words: list[Arg], cwd: str
) -> tuple[set[str], list[Arg]]:
    """The subcommand's flags and operands; option values that are paths judged on the way."""
    catalogue_spec = judge.catalogue.lookup("git")
    modelled = catalogue_spec.options if catalogue_spec is not None else {}
    flags: set[str] = set()
    operands: list[Arg] = []
    for index, arg in enumerate(words):
        text = arg[0] or ""
        name, eq, attached = text.partition("=")
        if text.startswith("-") and eq:
            if name == "--config-env":
                _git_config(judge, attached)
            else:
                unmodelled_value(judge, f"git {sub} {name}", (attached, attached, False), cwd)
        elif (
            text in judge.catalogue.path_options and index + 1 < len(words) and text not in modelled
        ):
            unmodelled_value(judge, f"git {sub} {text}", words[index + 1], cwd)
        if text.startswith("-") and not text.startswith("--"):
            flags.update(f"-{letter}" for letter in text[1:])
        elif text.startswith("--"):
            flags.add(name)
        elif arg[0] is not None:
            operands.append(arg)
    return flags, operands


def text_count(words: list[Arg], flag: str) -> int:
    """How often ``flag`` is given, clusters counted (``-ffdx`` gives ``-f`` twice)."""
    letter = flag[1:]
    return sum(
        (w[0] or "")[1:].count(letter)
        for w in words
        if (w[0] or "").startswith("-") and not (w[0] or "").startswith("--")
    )
