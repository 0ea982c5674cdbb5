"""Judging one command: its program looked up in the catalogue, its arguments by role.

A wrapped command (``sudo``, ``timeout 5``, ``env -i``, ``xargs``, ``find -exec`` …) is
judged recursively, up to :data:`MAX_DEPTH` levels; a program the catalogue does not know
is *review* (a policy can allow it), and a program name known only at run time is *review*
with the construct named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from aegis.intent_firewall.access import (
    Scope,
    is_named_workspace,
    judge_path,
    judge_url,
    note_link,
    stays_below_unknown_cwd,
)
from aegis.intent_firewall.assemblyhosts import host_assembly
from aegis.intent_firewall.buildinvocations import judge_build
from aegis.intent_firewall.catalogue import Program, catalogue
from aegis.intent_firewall.collection import command_collection
from aegis.intent_firewall.cwdcode import cwd_code
from aegis.intent_firewall.dataops import AROUND, judged_around, rehearsal
from aegis.intent_firewall.devlocal import spared
from aegis.intent_firewall.environment import plain_pager
from aegis.intent_firewall.fetchflow import fetch_flow
from aegis.intent_firewall.flagmodes import flag_mode
from aegis.intent_firewall.foreignimages import foreign_images
from aegis.intent_firewall.kubecontexts import helm_release_target
from aegis.intent_firewall.localresets import RESET_PROGRAMS, forgive, local_reset
from aegis.intent_firewall.magickcoders import magick_coders
from aegis.intent_firewall.notebookcli import notebook_cli
from aegis.intent_firewall.optionroles import (
    copy_operands,
    into_directory,
    package,
    unmodelled_value,
    valued,
    windows_form,
)
from aegis.intent_firewall.options import Arg, Parsed, parse_options
from aegis.intent_firewall.otherprojects import other_project
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.verbpatterns import walk_verbs, without_used
from aegis.intent_firewall.verifyswitches import verification_switches
from aegis.intent_firewall.workspacescripts import (
    in_shared_scratch,
    note_unnamed_writes,
    workspace_file,
)

__all__ = ["MAX_DEPTH", "CommandJudge", "Feed"]

MAX_DEPTH = 8
#: Catalogued programs that are files of a project (their entries say what their goals do).
_PROJECT_ENTRY_POINTS = frozenset({"gradlew", "mvnw"})
_SCRIPT_SUFFIXES = (".sh", ".bash", ".zsh", ".py", ".pl", ".rb", ".js", ".php", ".ps1", ".bat")
_PATH_ROLES = frozenset({"read", "write", "delete", "delete-tree", "write-tree"})
#: Operand roles whose targets matter: unknown operands for these are a finding.
_CHANGES = frozenset({"delete", "write", "move", "copy", "perm", "shell", "interp", "exec", "eval"})
_DISK_SEARCHERS = frozenset({"locate", "mlocate", "plocate", "slocate", "fd", "fdfind"})
_RECURSIVE = frozenset({"-r", "-R", "--recursive", "-a", "--archive"})
#: Searchers that walk a directory operand's whole tree unasked, as grep -r does.
_TREE_SEARCHERS = frozenset({"rg", "ag", "ack", "ack-grep", "pt", "sift", "ugrep-r"})
_STDIN_FILES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})
#: Command lines judged for a program that runs each operand (hyperfine); more is too-large.
_MAX_SCRIPT_OPERANDS = 32
#: Operand roles whose handler decides whether the entry's finding applies (a disk tool on
#: a workspace image file writes that file: diskimages.py).
_OWN_FINDING = frozenset({"disk-image"})
#: Clients whose standard input is their command language, with a ``!`` shell escape.
_COMMAND_READERS = frozenset({"ftp", "sftp", "lftp", "ncftp"})

#: Judges a shell script found inside a command (``sh -c``, ``eval``, here-strings).
ScriptJudge = Callable[[str, str, int], None]


@dataclass(slots=True)
class Feed:
    """Where a command's standard input and arguments come from, besides its own words."""

    cwd: str
    stdin_programs: tuple[str, ...] = ()
    stdin_text: str | None = None
    stdin_redirected: bool = False
    fed_by: tuple[str, ...] = ()
    stdin_operands: bool = False
    #: xargs -I R: the string replaced by each input word, wherever it stands.
    replace_token: str | None = None
    depth: int = 0
    #: The words of the pipeline stage that writes this command's standard input.
    producer: tuple[Arg, ...] = ()
    #: The command's own prefix assignments (``RAILS_ENV=test bin/rails …``), as resolved.
    assignments: tuple[tuple[str, str | None], ...] = ()
    #: The command is judged as a call to a local emulator (``emulators.py``).
    local_endpoint: bool = False


@cache
def _special_handlers() -> Mapping[str, Callable[[CommandJudge, Program, list[Arg], Feed], None]]:
    """The programs judged by code of their own (imported late: they use this module)."""
    from aegis.intent_firewall.specials import SPECIAL

    return SPECIAL


def _key_files_resolved(options: list[tuple[str, Arg, str]]) -> list[tuple[str, Arg, str]]:
    """ssh-keygen -t TYPE -f FILE creates the key pair FILE names (a write); without -t,
    -f names a key that is read (-y, -l, -e). openssl req -key K -keyout F writes K to F
    (to the screen for ``-``, ``/dev/stdout``): K is read, not only used."""
    if any(option == "-keyout" for _, _, option in options):
        options = [("read" if role == "key-use" else role, a, o) for role, a, o in options]
    if not any(option == "-t" for _, _, option in options):
        return options
    return [("write" if role == "key-file" else role, arg, o) for role, arg, o in options]


def shown(args: list[Arg]) -> str:
    return " ".join(a[0] if a[0] is not None else a[1] for a in args)[:120]


def _is_variable(name: str) -> bool:
    """``PREFIX``, ``DESTDIR``: an upper-case make-style variable name."""
    return bool(name) and name.isupper() and all(c.isalnum() or c == "_" for c in name)


def _with_operands(args: list[Arg], operands: list[Arg], token: str | None = None) -> list[Arg]:
    """The command with xargs' operands: in place of ``{}`` (or the ``-I R`` string, also
    inside a word: ``sh -c 'rm -rf R'``), else at the end."""
    if token and operands and all(o[0] is not None for o in operands):
        # each input line runs the command once; all of them at once is judged (a word the
        # token stands for alone becomes every operand)
        value = " ".join(o[0] or "" for o in operands)
        written = " ".join(o[1] for o in operands)
        out: list[Arg] = []
        for a in args:
            if a[0] == token:
                out.extend(operands)
            elif a[0] is not None and token in a[0]:
                out.append((a[0].replace(token, value), a[1].replace(token, written), a[2]))
            else:
                out.append(a)
        return out
    if operands and any(a[0] == "{}" for a in args):
        return [operands[0] if a[0] == "{}" else a for a in args]
    return [*args, *operands]


#: Subcommand entries merged with their program's, by (program entry, subcommand entry,
#: name); the entries are kept in the value so that their ids stay theirs. Bounded.
_MERGED: dict[tuple[int, int, str], tuple[Program, Program, Program]] = {}
_MAX_MERGED = 4096


def _merged(spec: Program, sub: Program, name: str) -> Program:
    """``git`` and its ``status`` entry as one entry (options and values of both)."""
    key = (id(spec), id(sub), name)
    found = _MERGED.get(key)
    if found is not None and found[0] is spec and found[1] is sub:
        return found[2]
    merged = replace(
        sub,
        name=f"{spec.name} {name}",
        values=sub.values | spec.values,
        options={**spec.options, **sub.options},
        finding="",
        single_dash=sub.single_dash or spec.single_dash,
    )
    if len(_MERGED) >= _MAX_MERGED:
        _MERGED.clear()
    _MERGED[key] = (spec, sub, merged)
    return merged


#: A verb neither named nor matched by a pattern of a program that has them.
_UNKNOWN_VERB = Program("*", finding="destructive-command")


def _recursive(flags: set[str]) -> bool:
    """``-r``, ``--recursive``, ``-a`` or a cluster holding ``r``/``R`` (``-rf``)."""
    return not flags.isdisjoint(_RECURSIVE) or any(
        len(flag) > 2 and flag[1] != "-" and ("r" in flag or "R" in flag) for flag in flags
    )


_FALSE_WORDS = frozenset({"false", "0", "no", "off"})


def _dry_run(args: list[Arg]) -> bool:
    """``cargo publish --dry-run``: the flag written as such and not turned off again
    (``--dry-run false``, ``--dry-run=false``, ``--no-dry-run``, an expansion that could be
    either). Only words before ``--`` count: after it, ``--dry-run`` is an operand."""
    words: list[str] = []
    for value, _written, _glob in args[1:]:
        if value is None:
            return False
        if value == "--":
            break
        words.append(value)
    if any(w.startswith(("--dry-run=", "--no-dry-run")) for w in words):
        return False
    if "--dry-run" not in words:
        return False
    after = words[len(words) - words[::-1].index("--dry-run") :]
    return not after or after[0].lower() not in _FALSE_WORDS


#: The last word of a command that only prints the program's usage or version. Not ``-h``
#: (``shutdown -h`` halts, ``ls -h`` is a format) nor a bare ``help`` (``pip install help``
#: installs a package of that name).
_USAGE_WORDS = frozenset({"--help", "--version", "-help", "-version"})
_SUBCOMMAND_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")


def asks_for_usage(args: list[Arg]) -> bool:
    """``gh repo delete --help``, ``keepassxc-cli --version``: a program on the search path
    asked for its usage or version, after at most four plain subcommand words, runs nothing
    else, whatever it would do with other words (an unknown program included)."""
    if not 2 <= len(args) <= 6 or args[-1][0] not in _USAGE_WORDS:
        return False  # told before the words are listed: this runs for every command
    words = [arg[0] for arg in args[1:]]
    return all(
        word is not None
        and word[:1].isalnum()
        and word.isascii()
        and _SUBCOMMAND_WORD_CHARS.issuperset(word.lower())
        for word in words[:-1]
    )


#: How many subcommand levels the catalogue may describe (service, object, verb and one more:
#: aws s3api get-object, gcloud compute instances list, kubectl create token).
_SUBCOMMAND_DEPTH = 4


class CommandJudge:
    def __init__(self, scope: Scope, judge_script: ScriptJudge) -> None:
        self.scope = scope
        self.judge_script = judge_script
        self.catalogue = catalogue()
        self.special = _special_handlers()
        self.fetched: list[str] = []  # downloads seen in this script (fetchflow.py)

    def hit(self, rule: str, evidence: str) -> None:
        self.scope.hit(rule, evidence)

    def argv(self, args: list[Arg], feed: Feed) -> None:
        """Judge one command given as its words (a reset of the agent's own disposable
        objects on this machine drops its removal findings: ``localresets.py``)."""
        if not args or args[0][0] not in RESET_PROGRAMS:
            return self._argv(args, feed)  # nearly every command
        start, forgiven = len(self.scope.hits), local_reset(args, feed, self.scope)
        self._argv(args, feed)
        if forgiven:
            forgive(self.scope, start, forgiven)
        return None

    def _argv(self, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0911, PLR0912
        if not args or feed.depth > MAX_DEPTH:
            if feed.depth > MAX_DEPTH:
                self.hit("shell-construct", f"commands wrapped more than {MAX_DEPTH} deep")
            return
        value, written, glob = args[0]
        if value is None:
            if not self.scope.prose:
                self.hit("dynamic-program", f"program written {written}")
            return
        name = value.rsplit("/", 1)[-1] if "/" in value else value
        name = (name or value).lower() if name.isascii() else (name or value).casefold()
        if name.endswith(".exe"):
            name = name[:-4]
        if glob:
            self.hit("dynamic-program", f"program {written_as(name, written)} is a glob")
        elif "/" not in value and args[-1][0] in _USAGE_WORDS and asks_for_usage(args):
            return  # kubectl delete --help, op --version: prints its usage or version, no more
        spec = self.catalogue.lookup(name)
        if name in AROUND and spec is not None and judged_around(self, name, spec, args, feed):
            return  # a local emulator's call, judged as such (dataops.py, emulators.py)
        self._whole_line(name, args, feed)
        if spec is not None and "/" in value and in_shared_scratch(self.scope, value, feed.cwd):
            # /tmp/ls, cd /dev/shm && ./cat: whatever anyone put there under a known name
            self.hit("user-script", f"program {written_as(name, written)} in a scratch directory")
        if spec is None:
            self.unknown(name, value, f"program {written_as(name, written)}", args, feed)
            return
        # ./gradlew is the project's wrapper only where the project is: /tmp/gradlew or
        # ./gradlew after cd /tmp is any script that took the name
        if (
            "/" in value
            and name in _PROJECT_ENTRY_POINTS
            and not self._project_entry_point_here(name, args[0], feed)
        ):
            shown_name = written_as(name, written)
            self.hit("user-script", f"program {shown_name} outside the workspace")
        if self.scope.prose and spec.operands == "none" and not spec.finding:
            return
        if spec.finding and spec.operands not in _OWN_FINDING:
            self.hit(spec.finding, f"program {written_as(name, written)}: {shown(args)}")
        if feed.stdin_operands:
            args = self.stdin_operands(spec, args, feed)
        if spec.goals:
            self.goals(spec, args, feed)
        # objects and verbs nest (ip addr show, aws s3 rm, kubectl create token)
        for _level in range(_SUBCOMMAND_DEPTH if spec.subcommands else 0):
            if not spec.subcommands:
                break
            outer = spec
            spec, args = self.subcommand(spec, args, feed)
            if spec is outer:
                break
        if spec.wrapper is not None:
            from aegis.intent_firewall.wrappers import unwrap

            unwrap(self, spec, args, feed)
            return
        handler = self.special.get(spec.operands)
        if handler is not None:
            handler(self, spec, args, feed)
            return
        self.generic(spec, args, feed)

    def _whole_line(self, name: str, args: list[Arg], feed: Feed) -> None:
        """The readers that take a command's whole line, whatever its catalogue entry."""
        note_unnamed_writes(self.scope, name, args, feed)
        command_collection(self, name, args, feed)
        other_project(self, name, args, feed)
        foreign_images(self, name, args)
        helm_release_target(self, name, args)  # --kube-context prod-us, -n production
        fetch_flow(self, name, args)
        host_assembly(self, name, args, feed)
        judge_build(self, name, args, feed)  # JVM properties, publishing tasks, drops
        verification_switches(self, name, args)  # git config http.sslVerify false
        cwd_code(self.scope, name, args, feed)  # imports and project files after cd away
        notebook_cli(self.scope, name, args, feed)  # IPython and Jupyter start-up code
        magick_coders(self.scope, name, args, feed)  # file names that run commands

    def stdin_operands(self, spec: Program, args: list[Arg], feed: Feed) -> list[Arg]:
        """xargs and parallel add words read from standard input to the command."""
        if feed.stdin_text is not None:
            words: list[Arg] = [(w, w, False) for w in feed.stdin_text.split()[:64]]
            return _with_operands(args, words, feed.replace_token)
        from aegis.intent_firewall.producers import produced

        output = produced(feed.producer, feed.cwd) if feed.producer else None
        # shred and truncate delete what they are given, as rm does (irreversible.py)
        kind = "delete" if spec.operands in ("shred", "truncate") else spec.operands
        if output is None and (kind in _CHANGES or spec.wrapper is not None):
            shown_args = " ".join(a[1] for a in args)[:100]
            self.hit("shell-expansion", f"operands of {shown_args!r} come from standard input")
        # the names come from the earlier stage: files below its roots (find ROOT, grep -r
        # DIR), or below the working directory, or anywhere for programs that search the disk
        roots = ["/"] if set(feed.stdin_programs) & _DISK_SEARCHERS else ["."]
        if output is not None and output.roots:
            roots = output.roots
        role = "read-tree" if kind not in ("write", "delete") else kind + "-tree"
        for root in roots[:8]:
            if output is not None and output.operands and self._unknown_root(root, feed.cwd):
                continue  # the names themselves are judged below as the operands they become
            listed = output is not None and is_named_workspace(self.scope, root, feed.cwd)
            # names a known producer lists below the named working directory, not all of it
            below = "delete" if listed and role == "delete-tree" else role
            self.path((root, root, False), below, feed.cwd)
            if spec.operands == "shred":
                from aegis.intent_firewall.irreversible import overwritten

                overwritten(self, (root, root, False), feed.cwd, f"{spec.name} overwrites below")
        if output is None:
            return args
        return _with_operands(args, output.operands, feed.replace_token)

    def moves(self, operands: list[Arg], cwd: str) -> None:
        """mv: the sources leave where they were, the last operand is written."""
        for arg in operands[:-1]:
            # moving the working directory itself away deletes it from where it was
            whole = arg[0] is not None and is_named_workspace(self.scope, arg[0], cwd)
            self.path(arg, "delete-tree" if whole else "delete", cwd)
        for arg in operands[-1:]:
            self.path(arg, "write", cwd)
            into_directory(self, operands[:-1], arg, cwd)

    def unknown(self, name: str, value: str, program: str, args: list[Arg], feed: Feed) -> None:
        if self.scope.prose:
            return
        from aegis.intent_firewall.powershell import judge_powershell, looks_like_cmdlet

        if looks_like_cmdlet(name) and name not in self.scope.allowed_programs:
            # Remove-Item -Recurse …: a PowerShell line, judged as PowerShell reads it
            judge_powershell(self, " ".join(a[1] for a in args), feed)
            return
        if name not in self.scope.allowed_programs:
            if self._runs_workspace_script(name, args[0], feed):
                pass  # ./configure, scripts/build.sh, bin/setup: the workspace's own
            elif ("/" in value and name.endswith(_SCRIPT_SUFFIXES)) or value.startswith("./"):
                self.hit("user-script", program)
            else:
                self.hit("unknown-program", program)
        for arg in args[1:]:
            self.maybe_path(arg, "read", feed.cwd)

    def _runs_workspace_script(self, name: str, arg: Arg, feed: Feed) -> bool:
        """``./configure``, ``scripts/build.sh``, ``bin/setup``: a script of the workspace run
        by its path is judged like ``make`` (see ``workspacescripts``); an extensionless file
        at the root that is no project entry point (``./pspy64``) may be any binary dropped
        there and stays a user script."""
        from aegis.intent_firewall.workspacescripts import (
            PROJECT_SCRIPT_NAMES,
            SCRIPT_SUFFIXES,
            in_program_dir,
            workspace_script,
        )

        value = arg[0] or ""
        if "/" not in value:
            return False
        if not (
            name.endswith(SCRIPT_SUFFIXES)
            or name in PROJECT_SCRIPT_NAMES
            or in_program_dir(self.scope, value, feed.cwd)
        ):
            return False
        return workspace_script(self.scope, arg, feed)

    def _project_entry_point_here(self, name: str, arg: Arg, feed: Feed) -> bool:
        """./gradlew in the workspace; with no working directory configured, one written
        relative that does not climb out and is not in a scratch directory (the old
        judgement, which cannot tell more)."""
        if self.scope.cwd_known and self.scope.workspace not in (None, "/"):
            return self._runs_workspace_script(name, arg, feed)
        from aegis.intent_firewall.workspacescripts import SHARED_SCRATCH

        value = arg[0] or ""
        resolved = resolve_path(value, feed.cwd, self.scope.home)
        return stays_below_unknown_cwd(value) and not resolved.startswith(SHARED_SCRATCH)

    def goals(self, spec: Program, args: list[Arg], feed: Feed) -> None:
        """``mvn clean deploy``, ``gradle build publish``: every goal after the first too."""
        operands = parse_options(spec, args[1:]).operands
        if spec.goal_commands:
            from aegis.intent_firewall.toolshells import judge_tool_commands

            first = operands[0][0] if operands and " " not in (operands[0][0] or " ") else None
            judge_tool_commands(self, spec, operands, feed, first)
            return
        for value, _written, _glob in operands[1:16]:
            sub = spec.subcommands.get(value or "")
            if (
                sub is not None
                and sub.finding
                and not spared(
                    sub.finding,
                    spec.name,
                    value or "",
                    args,
                    feed.assignments,
                    lines=self.scope.lines,
                )
            ):
                self.hit(sub.finding, f"{spec.name} goal {value}: {shown(args)}")

    def subcommand(
        self, spec: Program, args: list[Arg], feed: Feed | None = None
    ) -> tuple[Program, list[Arg]]:
        if (mode := flag_mode(spec, args)) is not None:
            word, entry, taken = mode
            if entry.finding:
                self.hit(entry.finding, f"{spec.name} {word}: {shown(args)}")
            return _merged(spec, entry, word), [args[0], *without_used(args[1:], taken)]
        parsed = parse_options(spec, args[1:])
        if parsed.operands and parsed.operands[0][0] is None and spec.verbs:
            # aws $svc describe-x: a verb-pattern program's service known only at run time
            self.hit(_UNKNOWN_VERB.finding, f"{spec.name} {parsed.operands[0][1]}: {shown(args)}")
        if not parsed.operands or parsed.operands[0][0] is None:
            return spec, args
        name = parsed.operands[0][0]
        used = [parsed.operands[0]]
        sub = spec.subcommands.get(name)
        if sub is None and spec.verbs:
            # aws kafka describe-cluster: group words, then a verb known by its name
            sub, used = walk_verbs(spec, parsed.operands)
            sub = sub or spec.subcommands.get("*") or _UNKNOWN_VERB
            name = " ".join(arg[1] for arg in used)
        sub = sub or spec.subcommands.get("*")
        if sub is None:
            return spec, args
        position = args.index(parsed.operands[0])
        if spec.name == "deno" and name == "eval":
            # deno eval CODE is deno's -e: judged as the interpreter's inline code
            return spec, [args[0], ("-e", args[position][1], False), *args[position + 1 :]]
        # a rehearsal uploads nothing: cargo publish --dry-run, npm publish --dry-run
        rehearsed = sub.finding == "irreversible-publish" and _dry_run(args)
        if (
            sub.finding
            and not rehearsed
            and not rehearsal(sub.rehearsal, args, spec.values | sub.values)
            and not spared(
                sub.finding,
                spec.name,
                name,
                args,
                feed.assignments if feed else (),
                lines=self.scope.lines,
            )
        ):  # a dry run (dataops.py), a local registry, the test database (devlocal.py)
            self.hit(sub.finding, f"{spec.name} {name}: {shown(args)}")
        merged = _merged(spec, sub, name)
        return merged, [args[0], *without_used(args[1:], used)]

    def _unknown_root(self, root: str, cwd: str) -> bool:
        """``root`` is below a working directory that neither the policy nor a cd names."""
        return not self.scope.cwd_known and cwd == "/" and stays_below_unknown_cwd(root)

    def maybe_path(self, arg: Arg, role: str, cwd: str) -> None:
        """Judge an operand of a program without a precise role if it looks like a path/URL."""
        arg = windows_form(arg)
        value = arg[0]
        if value is None:
            return
        if "://" in value:
            judge_url(self.scope, value, arg[1], cwd)
        elif value.startswith(("/", "~", "..", "file:", "$home", "\\")) or "/" in value:
            judge_path(self.scope, role, value, arg[1], cwd, glob=arg[2])
        else:
            from aegis.intent_firewall.targets import targets

            if targets().credential_name(value):  # rclone copy .env remote: sends the file
                judge_path(self.scope, role, value, arg[1], cwd, glob=arg[2])

    def links(self, operands: list[Arg], cwd: str) -> None:
        """``ln TARGET… LINK``: the targets are linked to, the link is written, and a later
        write below the link on the same line lands in the target (``Scope.links``)."""
        for arg in operands[:-1]:
            self.path(arg, "link-target", cwd)
        for arg in operands[-1:] if len(operands) > 1 else ():
            self.path(arg, "write", cwd)
            note_link(self.scope, operands[0][0], arg[0], cwd)

    def path(self, arg: Arg, role: str, cwd: str, *, known: bool = True) -> None:
        """Judge ``arg`` as ``role``; ``known`` is False when the catalogue only guesses the
        role (an option's value that looks like a path): no ``outside-workspace-write``."""
        if arg[1][1:3] == ":\\":  # the only written form windows_form changes (C:\x)
            arg = windows_form(arg)
        if arg[0] is None:
            return
        if "://" in arg[0] and not arg[0].startswith("file:"):
            judge_url(self.scope, arg[0], arg[1], cwd)
            return
        judge_path(self.scope, role, arg[0], arg[1], cwd, glob=arg[2], known=known)

    def script_option(
        self, option: str, value: str, written: str, cwd: str, feed: Feed, *, code: bool = True
    ) -> None:
        """An option whose value is a command line the program runs (``rsync -e``)."""
        if code and not plain_pager(value):  # man -P cat: a pager that only shows text
            self.hit("interpreter-code", f"{option} runs {written_as(value, written)}")
        self.judge_script(value, cwd, feed.depth + 1)

    def options(self, parsed: Parsed, feed: Feed) -> str:
        """Apply option roles; return the working directory operands are relative to."""
        cwd = feed.cwd
        for role, arg, option in _key_files_resolved(parsed.options):
            value = arg[0]
            if role in _PATH_ROLES:
                self.path(arg, role, cwd)
            elif role == "dir" and value is not None:
                cwd = resolve_path(value, cwd, self.scope.home)
                judge_path(self.scope, "read", value, arg[1], feed.cwd)
            elif (role == "url" and value is not None) or (role == "host" and value is not None):
                judge_url(self.scope, value, arg[1], cwd)
            elif role == "data" and value is not None:
                if value.startswith("@") or "=@" in value or "=<" in value:
                    target = value.split("@", 1)[1] if "@" in value else value.split("<", 1)[1]
                    self.path((target.split(";", 1)[0], arg[1], False), "read", cwd)
            elif role in ("program-file", "build-file") and value is not None:
                self.program_file(arg, option, cwd, feed, built=role == "build-file")
            elif role == "code":
                self.hit("interpreter-code", f"{option} {written_as(value or '', arg[1])}")
            elif role in ("script", "command") and value is not None:
                # rg --pre CMD (command): judged as the command line run, no more
                self.script_option(option, value, arg[1], cwd, feed, code=role == "script")
            elif role.startswith("finding"):
                self.hit(role.split(":", 1)[1], f"option {option} {value or ''}".strip())
            elif role == "pkg" and value is not None:
                package(self, arg, cwd)
            elif value is not None:
                valued(self, role, arg, option, cwd=cwd, feed=feed)
        return cwd

    def program_file(
        self, arg: Arg, option: str, cwd: str, feed: Feed, *, built: bool = False
    ) -> None:
        """``awk -f FILE``: the program is read from FILE; from standard input, whatever is
        piped or redirected in is the program, so it is code fed to an interpreter. A build
        file (``make -f``) from outside the working directory is code nobody reviewed."""
        value = arg[0] or ""
        resolved = "/dev/stdin" if value == "-" else resolve_path(value, cwd, self.scope.home)
        if resolved in _STDIN_FILES or resolved.startswith(("/dev/fd/", "/proc/self/fd/")):
            source = feed.stdin_programs[-1] if feed.stdin_programs else "standard input"
            self.hit("pipe-into-interpreter", f"{option} {arg[1]}: program read from {source}")
            if feed.stdin_text is not None:
                self.judge_script(feed.stdin_text, cwd, feed.depth + 1)
            return
        if built:
            unmodelled_value(self, option, arg, cwd)
            return
        if not workspace_file(self.scope, arg, cwd):
            # awk and sed programs run commands (system(), the e command) and write files
            self.hit("user-script", f"{option} {written_as(value, arg[1])}: a program file")
        self.path(arg, "read", cwd)

    def urls(self, operands: list[Arg], parsed: Parsed, cwd: str) -> None:
        """A client's URLs, and the method it sends them (``curl -X DELETE``, ``http
        DELETE URL``): judged like an ``http_request`` action's method and URL."""
        from aegis.intent_firewall.httpmethods import METHODS, http_method_findings

        methods = [a[0] for r, a, _ in parsed.options if r == "http-method" and a[0]]
        if not methods and any(r == "data" for r, _, _ in parsed.options):
            methods = ["POST"]  # curl -d sends a POST
        for arg in operands:
            if arg[0] is not None and arg[0].upper() in METHODS:
                methods.append(arg[0])
                continue
            if arg[0] is not None:
                judge_url(self.scope, arg[0], arg[1], cwd)
                # a client takes localhost:9200/_all as http://localhost:9200/_all
                url = (
                    arg[0]
                    if "://" in arg[0] or arg[0].startswith(("/", "."))
                    else f"http://{arg[0]}"
                )
                for method in methods[-1:]:
                    for _rule, evidence in http_method_findings({"method": method, "url": url}):
                        self.hit("destructive-command", evidence)

    def operand_shapes(self, spec: Program, parsed: Parsed, feed: Feed) -> None:
        """Operands whose shape says what they do, whatever the program's entry says."""
        for value, written, _ in parsed.operands:
            if value is None:
                continue
            if value.startswith("+") and ("!" in value or "system" in value):
                # vim +'!cmd', less '+!cmd', view '+:call system()': commands run at start
                self.hit("interpreter-code", f"{spec.name} {written[:100]} runs a command")
            elif value.startswith("@") and len(value) > 1 and value[1] in "/~.":
                # gcc @file, javac @argfile: a response file the program reads
                self.path((value[1:], written, False), "read", feed.cwd)
            elif "=" in value and _is_variable(value.partition("=")[0]):
                # make DESTDIR=/ PREFIX=/usr: a variable whose value is a path the build
                # installs under, which the catalogue does not model: fail closed
                assigned = value.partition("=")[2]
                unmodelled_value(
                    self, f"{spec.name} {value[:60]}", (assigned, written, False), feed.cwd
                )

    def generic(self, spec: Program, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
        if feed.stdin_text is not None:
            self.stdin_document(spec, feed.stdin_text)
        parsed = parse_options(spec, args[1:])
        if parsed.operands:
            self.operand_shapes(spec, parsed, feed)
        cwd = self.options(parsed, feed) if parsed.options else feed.cwd
        operands = parsed.operands
        role = spec.operands
        if "write" in parsed.modes and role in ("script", "read", "interp"):
            role = "script-write" if role == "script" else "write"
        elif "read" in parsed.modes and role == "write":
            role = "read"  # gzip -c, zstd --list: the operands are only read
        if role in ("pattern", "script", "script-write"):
            given = any(
                r in ("pattern", "read", "code-sed", "code-awk", "program-file")
                for r, _, _ in parsed.options
            )
            if not given and operands:
                from aegis.intent_firewall.specials import program_text

                program_text(self, spec.name, operands[0], feed)
                operands = operands[1:]
            for r, arg, _ in parsed.options:
                if r in ("code-sed", "code-awk"):
                    from aegis.intent_firewall.specials import program_text

                    program_text(self, spec.name, arg, feed)
            role = "write" if role == "script-write" else "read"
        recursive = role in ("delete", "read", "any") and (
            _recursive(parsed.flags) or spec.name in _TREE_SEARCHERS  # rg walks its roots
        )
        if role == "delete" and recursive:
            role = "delete-tree"
        elif role == "read" and recursive:
            role = "read-tree"
        if role in ("read", "write", "delete", "delete-tree", "read-tree", "write-tree"):
            for arg in operands:
                self.path(arg, role, cwd)
        elif role == "copy":
            copy_operands(self, operands, parsed, cwd)
        elif role == "move":
            self.moves(operands, cwd)
        elif role == "link":
            self.links(operands, cwd)
        elif role == "url":
            self.urls(operands, parsed, cwd)
        elif role in ("host", "hosts", "name-server"):
            self.hosts(spec, operands, feed, cwd, role=role)
        elif role == "pkg":
            for arg in operands:
                package(self, arg, cwd, spec.name)
        elif role == "any":
            for arg in operands:
                self.maybe_path(arg, "read-tree" if recursive else "read", cwd)
        elif role in ("unmodelled", "scripts"):
            self.run_operands(spec, role, operands, cwd, feed)
        elif role == "none" and spec.name in _LISTERS:
            self.unc_operands(operands, cwd)

    def hosts(self, spec: Program, operands: list[Arg], feed: Feed, cwd: str, *, role: str) -> None:
        """Destinations of a network tool. ``hosts``: each operand is one (``ping`` takes
        the hops of a route and then the host, ``nmap`` its targets), a number too (``ping
        3232235777`` is 192.168.1.1). ``host``: the first is, and an ``@server`` (``dig
        NAME @1.1.1.1``); later words are counts, record types or a tool's own names
        (``traceroute HOST 60``, ``dig NAME MX``, ``grpcurl HOST api.Svc/Get``).
        ``name-server``: a name and then the server asked (``nslookup NAME 8.8.8.8``).
        dig's ``+short`` and kin are query options, not destinations."""
        if spec.name in _COMMAND_READERS and (
            feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected
        ):
            # ftp and sftp read their own commands from standard input, and ``!`` there
            # runs a local shell command
            self.hit("pipe-into-interpreter", f"{spec.name} reads its commands from input")
        candidates = [a for a in operands if not (a[0] or "").startswith("+")]
        first = 2 if role == "name-server" else 1
        for position, arg in enumerate(candidates):
            value = arg[0]
            if value is not None and (role == "hosts" or position < first or value.startswith("@")):
                judge_url(self.scope, value, arg[1], cwd)

    def unc_operands(self, operands: list[Arg], cwd: str) -> None:
        """``ls \\\\host\\share``: even a listing of a UNC path reaches the host."""
        for arg in operands:
            if arg[0] is not None and arg[0][:2] == "\\\\":
                self.path(arg, "read", cwd)

    def run_operands(
        self, spec: Program, role: str, operands: list[Arg], cwd: str, feed: Feed
    ) -> None:
        """Operands that are code to run rather than data."""
        if role == "unmodelled":
            # a build file, assembly or script the program runs: from outside the working
            # directory it is code nobody reviewed (java -jar, msbuild, dart run)
            for arg in operands:
                unmodelled_value(self, spec.name, arg, cwd)
            return
        # hyperfine 'cmd' …: every operand is a shell command line; they are judged as the
        # lines of one script, so a thousand operands cost one parse, not a thousand
        for arg in operands:
            if arg[0] is None:
                self.hit("shell-expansion", f"{spec.name} runs {arg[1][:100]}")
        lines = [arg[0] for arg in operands if arg[0] is not None]
        if len(lines) > _MAX_SCRIPT_OPERANDS:
            self.hit("too-large", f"{spec.name} given {len(lines)} command lines")
            lines = lines[:_MAX_SCRIPT_OPERANDS]
        if lines:
            self.judge_script("\n".join(lines), cwd, feed.depth + 1)

    def stdin_document(self, spec: Program, text: str) -> None:
        """A here-document a program reads as configuration (``kubectl apply -f - <<EOF``)
        is judged like that configuration written to a file."""
        from aegis.intent_firewall.textchecks import config_escape, config_exec

        canonical = text.lower()
        if config_exec(canonical) is not None:
            self.hit("interpreter-code", f"{spec.name} reads configuration that runs commands")
        if config_escape(canonical) is not None:
            self.hit("container-escape", f"{spec.name} reads configuration reaching the host")


#: Programs that list or describe files: their operands are not read, but a UNC path among
#: them still reaches its host.
_LISTERS = frozenset(
    {"ls", "dir", "vdir", "ll", "lsd", "exa", "eza", "tree", "du", "stat", "realpath", "test"}
)
