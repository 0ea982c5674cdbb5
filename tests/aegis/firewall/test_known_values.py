"""Values known from the text: harmless environment values (``envvalues``), substitutions
of a known shape (``valueshapes``), the workspace's hooks path (``hookspath``) and
development housekeeping (``housekeeping``)."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.envvalues import harmless_value
from aegis.intent_firewall.hookspath import tool_hooks, workspace_hooks
from aegis.intent_firewall.housekeeping import docker_prune_kept, prune_discards
from aegis.intent_firewall.linecontext import producers_replaced, stable_environment
from aegis.intent_firewall.valueshapes import Shaped, mark, producer_shape, settle

SCOPE = Scope(
    "/home/agent",
    frozenset(),
    workspace="/work/app",
    environment=(("TMPDIR", "/tmp"),),
)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("node_options", "--max-old-space-size=4096"),
        ("node_options", "--max_old_space_size=4096 --no-warnings"),
        ("java_tool_options", "-Xmx2g -XX:+UseG1GC"),
        ("ld_library_path", "/work/app/build/lib:build/lib"),
        ("pythonpath", "src:/work/app/tests"),
        ("bash_env", ""),
        ("pythonwarnings", "error::DeprecationWarning,ignore"),
        ("ps4", "+ "),
        ("home", "/home/agent"),
        ("tmpdir", "/tmp"),
    ],
)
def test_a_harmless_value_is_recognised(key: str, value: str) -> None:
    assert harmless_value(SCOPE, key, value, "/work/app")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("node_options", "--require ./x.js"),
        ("node_options", "--max-old-space-size=4096 -r ./x.js"),
        ("node_options", "--inspect-brk"),
        ("node_options", "--max-old-space-size=$(id)"),
        ("java_tool_options", "-javaagent:/tmp/a.jar"),
        ("java_tool_options", "-XX:OnError=id"),
        ("ld_library_path", "/tmp/lib"),
        ("ld_library_path", "/work/app/../other"),
        ("ld_library_path", "/work/application/lib"),
        ("pythonpath", "~/lib"),
        ("bash_env", "/tmp/x"),
        ("pythonwarnings", "ignore::evil.Category"),
        ("ps4", "$(id)"),
        ("home", "/tmp/h"),
        ("ld_preload", "/tmp/x.so"),
        ("unlisted_variable", "x"),
    ],
)
def test_any_other_value_is_not(key: str, value: str) -> None:
    assert not harmless_value(SCOPE, key, value)


def test_an_unnamed_workspace_accepts_no_search_path() -> None:
    scope = Scope("/home/agent", frozenset(), cwd_known=False)
    assert not harmless_value(scope, "ld_library_path", "/work/app/lib")
    assert not harmless_value(scope, "ld_library_path", "build/lib", "/work/app")


def test_search_entries_are_judged_where_the_command_runs() -> None:
    assert not harmless_value(SCOPE, "pythonpath", "src", None)  # where is not known
    assert not harmless_value(SCOPE, "pythonpath", ".:/work/app/src", "/tmp/pkg")
    written = Scope("/h", frozenset(), workspace="/work/app", written_paths=["/work/app/tmp"])
    assert not harmless_value(written, "ld_library_path", "/work/app/tmp", "/work/app")
    linked = Scope("/h", frozenset(), workspace="/work/app", links=[("/work/app/lib", "/tmp/x")])
    assert not harmless_value(linked, "ld_library_path", "lib", "/work/app")


def test_jvm_switches_are_listed_one_by_one() -> None:
    assert harmless_value(SCOPE, "java_tool_options", "-Xmx1g -XX:+UseG1GC")
    for switch in ("-XX:-BytecodeVerificationRemote", "-XX:+EnableDynamicAgentLoading"):
        assert not harmless_value(SCOPE, "java_tool_options", switch), switch


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("$(nproc)", "4"),
        ("`nproc`", "4"),
        ("$(date +%F)", "2024-01-02"),
        ("$(date -u '+%Y%m%dT%H%M%S')", "20240102T030405"),
        ("$(git rev-parse --short=8 HEAD)", "a1b2c3d"),
        ("$(command -v node)", "/usr/bin/node"),
    ],
)
def test_producers_have_examples(text: str, example: str) -> None:
    known = producer_shape(text)
    assert known is not None
    assert known[0] == example


@pytest.mark.parametrize(
    "text",
    ["$(cat x.txt)", "$(cat x.pid | head -1)", "$(date)", "$(date +%D)", "$(date +%F; id)",
     "$(command -v ../x)", "$(which $X)", "$(nproc --ignore=$(id))", "$(date +'%F %T')",
     "$(lsof -t -i :22)", "$(pgrep -f sensor)"],
)  # fmt: skip
def test_anything_else_has_no_shape(text: str) -> None:
    assert producer_shape(text) is None


def _settled(before: str, text: str, after: str) -> str | None:
    known = producer_shape(text)
    assert known is not None
    item = Shaped(mark(0), known[0], known[1], f"command substitution {text}")
    constructs = [item.construct]
    value = settle(before + item.mark + after, [item], constructs)
    assert (value is None) == bool(constructs)
    return value


def test_places_decide() -> None:
    assert _settled("-j", "$(nproc)", "") == "-j4"
    assert _settled("--jobs=", "$(nproc)", "") == "--jobs=4"
    assert _settled("-", "$(nproc)", "") is None  # kill -"$(nproc)": the option itself
    assert _settled("", "$(nproc)", "") is None  # a pid
    assert _settled("backup/config-", "$(date +%F)", ".tgz") == "backup/config-2024-01-02.tgz"
    assert _settled("/home/", "$(whoami)", "/x") is None  # a whole path part
    assert _settled("", "$(command -v node)", "") == "/usr/bin/node"
    assert _settled("x", "$(command -v node)", "") is None


def test_hooks_inside_the_workspace_not_written_here() -> None:
    assert workspace_hooks(SCOPE, ".githooks", "/work/app")
    assert workspace_hooks(SCOPE, "/work/app/.husky", "/work/app/sub")
    assert not workspace_hooks(SCOPE, "/tmp/h", "/work/app")
    assert not workspace_hooks(SCOPE, "../h", "/work/app")
    assert not workspace_hooks(SCOPE, "$HOOKS", "/work/app")
    assert not workspace_hooks(SCOPE, ".githooks", "/tmp/repo")
    written = Scope("/home/agent", frozenset(), workspace="/work/app")
    written.written_paths.append("/work/app/.githooks/pre-commit")
    assert not workspace_hooks(written, ".githooks", "/work/app")


def test_a_hooks_tool_counts_only_for_the_repository() -> None:
    local = {"scope": "local", "key": "core.hooksPath", "value": ".husky"}
    assert tool_hooks(SCOPE, "core.hooksPath", ".husky", local)
    assert not tool_hooks(SCOPE, "core.hooksPath", ".husky", {**local, "scope": "global"})
    assert not tool_hooks(SCOPE, "core.hooksPath", ".husky", {**local, "global": True})
    assert not tool_hooks(SCOPE, "core.sshCommand", ".husky", local)


@pytest.mark.parametrize(
    ("group", "words", "kept"),
    [
        ("image", ["-f"], True),
        ("image", ["-f", "--filter", "label=app=x"], True),
        ("image", ["--filter=until=24h", "--force"], True),
        ("builder", ["-f"], True),
        ("builder", ["-af"], True),  # the build cache is made again by the next build
        ("builder", ["--all", "--filter", "until=24h", "-f"], True),
        ("buildx", ["-a", "-f", "--keep-storage", "10gb"], True),
        ("builder", ["-af", "--builder", "remote"], False),
        ("image", ["-af", "--filter", "label=app=x"], False),
        ("image", ["-a", "--filter=label=app"], False),
        ("image", ["--all=true", "-f"], False),
        ("image", ["-f", "--filter", "dangling=false"], False),
        ("system", ["-f"], False),
        ("volume", ["-f", "--filter", "label=x"], False),
    ],
)
def test_docker_prunes(group: str, words: list[str], kept: bool) -> None:
    assert docker_prune_kept(Scope("/h", frozenset()), group, "prune", words, plain=True) is kept


def test_docker_prune_elsewhere() -> None:
    """Another daemon (a global option, the environment) or another program keeps it."""
    assert not docker_prune_kept(Scope("/h", frozenset()), "image", "prune", ["-f"], plain=False)
    scope = Scope("/h", frozenset(), lines=["DOCKER_CONTEXT=prod docker image prune -f"])
    assert not docker_prune_kept(scope, "image", "prune", ["-f"], plain=True)


@pytest.mark.parametrize(
    ("line", "sub", "words", "discards"),
    [
        ("git gc --prune=now", "gc", ["--prune=now"], False),
        ("git prune", "prune", [], False),
        ("git gc", "gc", [], False),
        ("git prune -n", "prune", ["-n"], False),
        ("git -c gc.reflogExpire=now gc --prune=now", "gc", ["--prune=now"], True),
        ("git tag -d v1 && git gc --prune=now", "gc", ["--prune=now"], True),
        (": > .git/logs/HEAD && git prune", "prune", [], True),
        ("git branch -M tmp main && git prune", "prune", [], True),
    ],
)
def test_prune_after_history_changes(line: str, sub: str, words: list[str], discards: bool) -> None:
    scope = Scope("/h", frozenset(), lines=[line])
    assert (prune_discards(scope, sub, words) is not None) is discards


def test_hooks_in_dependency_or_build_directories_are_not_the_projects() -> None:
    for value in ("node_modules/pkg/hooks", ".venv/bin", "vendor/hooks", "build/hooks", "tmp"):
        assert not workspace_hooks(SCOPE, value, "/work/app"), value
    assert workspace_hooks(SCOPE, ".husky/_", "/work/app")


def test_hooks_on_a_line_that_fetches_are_not_the_projects() -> None:
    for line in ("git pull origin main", "git checkout x -- .githooks", "npm install"):
        scope = Scope("/home/agent", frozenset(), workspace="/work/app", lines=[line])
        assert not workspace_hooks(scope, ".githooks", "/work/app"), line


def test_only_an_explicit_local_scope_counts() -> None:
    value = {"scope": "local", "key": "core.hooksPath", "value": ".husky"}
    assert tool_hooks(SCOPE, "core.hooksPath", ".husky", value)
    assert not tool_hooks(SCOPE, "core.hooksPath", ".husky", {"key": "core.hooksPath"})
    assert not tool_hooks(SCOPE, "core.hooksPath", ".husky", {**value, "repo": "/home/agent/x"})
    assert not tool_hooks(SCOPE, "core.hooksPath", ".husky", {**value, "args": ["--global"]})


@pytest.mark.parametrize(
    ("line", "known"),
    [
        ('rm -rf "${XDG_CACHE_HOME:-$HOME/.cache}"/x', True),
        ('ls "$XDG_CACHE_HOME"', True),
        ("unset XDG_CACHE_HOME; ls", False),
        ("export XDG_CACHE_HOME=; ls", False),
        ("XDG_CACHE_HOME= sh -c ls", False),
        ("env -u XDG_CACHE_HOME sh -c ls", False),
        ("env -i sh -c ls", False),
        ("sudo ls", False),
    ],
)
def test_a_policy_variable_holds_until_a_line_touches_it(line: str, known: bool) -> None:
    scope = Scope("/h", frozenset(), environment=(("XDG_CACHE_HOME", "/h/.cache"),), lines=[line])
    assert ("XDG_CACHE_HOME" in stable_environment(scope)) is known


@pytest.mark.parametrize(
    ("line", "replaced"),
    [
        ("make -j$(nproc)", False),
        ("export PATH=./bin:$PATH && make -j$(nproc)", True),
        ("PATH=/tmp/x make -j$(nproc)", True),
        ("printf x > bin/whoami && ls x$(whoami)", True),
        ("whoami() { echo ..; }; ls x$(whoami)", True),
        ("cp /tmp/x ~/.local/bin/ && make -j$(nproc)", True),
    ],
)
def test_producers_are_the_real_programs(line: str, replaced: bool) -> None:
    assert producers_replaced(Scope("/h", frozenset(), lines=[line])) is replaced


def test_a_substitution_with_a_newline_is_not_one_producer() -> None:
    assert producer_shape("$(which\nprintenv)") is None
    assert producer_shape("$(date +%Y%m%d)") == ("20240102", ("option", "name", "part"))
