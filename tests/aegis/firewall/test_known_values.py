"""Values known from the text: harmless environment values (``envvalues``), substitutions
of a known shape (``valueshapes``), the workspace's hooks path (``hookspath``) and
development housekeeping (``housekeeping``)."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.envvalues import harmless_value
from aegis.intent_firewall.hookspath import tool_hooks, workspace_hooks
from aegis.intent_firewall.housekeeping import docker_prune_kept, redis_scratch_flush
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
    assert harmless_value(SCOPE, key, value)


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


def test_an_unnamed_workspace_accepts_no_absolute_search_path() -> None:
    scope = Scope("/home/agent", frozenset(), cwd_known=False)
    assert not harmless_value(scope, "ld_library_path", "/work/app/lib")
    assert harmless_value(scope, "ld_library_path", "build/lib")


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
    ["$(cat x.pid)", "$(date)", "$(date +%D)", "$(date +%F; id)", "$(command -v ../x)",
     "$(which $X)", "$(nproc --ignore=$(id))", "$(date +'%F %T')"],
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
        ("image", ["-af", "--filter", "label=app=x"], True),
        ("image", ["-a", "--filter=label=app"], True),
        ("builder", ["-af"], True),
        ("image", ["-af"], False),
        ("image", ["--all", "--filter", "label!=x"], False),
        ("image", ["-a", "--filter", "until=24h"], False),
        ("system", ["-f"], False),
        ("volume", ["-f", "--filter", "label=x"], False),
    ],
)
def test_docker_prunes(group: str, words: list[str], kept: bool) -> None:
    assert docker_prune_kept(group, "prune", words) is kept


@pytest.mark.parametrize(
    ("words", "scratch"),
    [
        (["-h", "127.0.0.1", "-n", "15", "FLUSHDB"], True),
        (["-n", "1", "-p", "6380", "flushdb", "ASYNC"], True),
        (["-h", "localhost", "FLUSHDB"], False),
        (["-n", "0", "FLUSHDB"], False),
        (["-n", "15", "FLUSHALL"], False),
        (["-h", "10.0.0.5", "-n", "15", "FLUSHDB"], False),
        (["-u", "redis://127.0.0.1/15", "FLUSHDB"], False),
        (["-n", "15", "FLUSHDB", "extra"], False),
    ],
)
def test_redis_scratch_flush(words: list[str], scratch: bool) -> None:
    assert redis_scratch_flush(words) is scratch
