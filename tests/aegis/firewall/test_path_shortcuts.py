"""Shortcuts of path judging give what the general code gives (Hypothesis).

An ordinary file is classified without a cache entry, a path whose directories hold no
system top has no prefixed tail, and a name no tool configuration ends with is no MCP
configuration: each is compared with the code it stands in for on open-ended paths.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import prefixed, targets

HOME = "/home/agent"
_NAMES = sorted(
    {part for entry in targets.targets().files for part in entry.split("/") if part}
    | {part for entry in targets.targets().dirs for part in entry.split("/") if part}
    | {"etc", "Etc", "home", "agent", "root", "proc", "1", "work", "project", "mnt", "host"}
    | {"shadow", "id_rsa", ".env", "mcp.json", ".vscode", ".cursor", "MCP.JSON", "x.yaml"}
)
_PART = st.one_of(st.sampled_from(_NAMES), st.text("abcz09._-~", max_size=5))
_TAILS = [*sorted(targets.targets().files), "/etc/cron.d/x", "/ETC/shadow", "/proc/1/environ"]
_PATHS = st.lists(_PART, min_size=1, max_size=8).map(lambda parts: "/" + "/".join(parts)) | (
    # a catalogue file below other directories (a link, a mount, a chroot)
    st.tuples(st.lists(_PART, max_size=3), st.sampled_from(_TAILS)).map(
        lambda pair: "/" + "/".join(pair[0]) + pair[1]
    )
)


def _prefixed_reference(resolved: str, *, writing: bool) -> str | None:
    """The tail search over every segment, as written before the per-directory shortcut."""
    if "/" not in resolved[1:]:
        return None
    parts = resolved.split("/")[1:]
    segments = parts[-64:]
    classify = targets.targets().classify
    for index in range(0 if len(parts) > 64 else 1, len(segments) - 1):
        if segments[index].lower() not in prefixed._SYSTEM_TOPS:
            continue
        tail = "/" + "/".join(segments[index:]).lower()
        if tail in prefixed._WORLD_READABLE:
            continue
        kind = classify(tail, "/root")
        if kind == "credential":
            return tail
        if writing and kind in ("persistence", "config") and prefixed._host_root(segments[:index]):
            return tail
    return None


@settings(max_examples=500, deadline=None)
@given(_PATHS, st.booleans())
def test_a_prefixed_tail_is_found_as_by_the_full_search(path: str, writing: bool) -> None:
    found = prefixed.prefixed_system_path(path, targets.targets().classify, HOME, writing=writing)
    assert found == _prefixed_reference(path, writing=writing)


@settings(max_examples=500, deadline=None)
@given(_PATHS)
def test_an_ordinary_file_classifies_as_the_full_classification(path: str) -> None:
    expected = targets._classify_with(targets.targets(), path, HOME)
    assert targets._classify(path, HOME) == expected


@settings(max_examples=500, deadline=None)
@given(_PATHS, st.sampled_from([None, "/work/project", "/work/project/", "/"]))
def test_an_mcp_configuration_is_told_by_its_name_first(path: str, workspace: str | None) -> None:
    lowered = path.lower()
    inside = workspace is not None and lowered.startswith(workspace.lower().rstrip("/") + "/")
    expected = not inside and any(
        lowered.endswith(directory + name) for directory, name in prefixed._AGENT_CONFIGS
    )
    assert prefixed.agent_config_outside(path, workspace) == expected
