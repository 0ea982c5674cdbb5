"""Quiet parameters (see ``quietparams``): the checks they skip would have found nothing.

Keys are drawn from every skipped check's vocabulary, in any case and with separators, and
from open-ended text, so a key that one of the checks starts reading without the shortcut
knowing it fails here instead of silently losing a finding.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import IntentFirewall, Request, requests
from aegis.intent_firewall.httpmethods import METHOD_KEYS, http_method_findings
from aegis.intent_firewall.keystrokes import STEP_KEYS, types_keystrokes
from aegis.intent_firewall.parameterflags import (
    _DESTRUCTIVE_FLAG_WORDS,
    _KINDS,
    _SKIPPED_CHECKS,
    _URL_KEYS,
    FLAG_KEYS,
    parameter_flag_findings,
)
from aegis.intent_firewall.quietparams import quiet_parameters

_VOCABULARY = sorted(
    FLAG_KEYS
    | set(METHOD_KEYS)
    | STEP_KEYS
    | _URL_KEYS
    | _SKIPPED_CHECKS
    | _DESTRUCTIVE_FLAG_WORDS
    | {key for _, keys in _KINDS for key in keys}
    | {"cmd", "command", "path", "content", "url", "query", "name", "force_push", "hardReset"}
)
_KEYS = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.sampled_from(_VOCABULARY).map(str.upper),
    st.sampled_from(_VOCABULARY).map(lambda key: f"{key}_value"),
    st.sampled_from(_VOCABULARY).map(lambda key: f"no{key.title()}"),
    st.text("abcdefghijklmnopqrstuvwxyzAZ_-. 0", min_size=1, max_size=12),
    st.text(min_size=1, max_size=70),
)
_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(["true", "0", "root", "+main", "DELETE", "type", "public", "hard", "yes"]),
    st.text(max_size=20),
    st.booleans(),
    st.integers(-1, 2),
    st.lists(st.sampled_from(["root", "+main", "x"]), max_size=2),
    st.dictionaries(st.sampled_from(["action", "url", "x"]), st.sampled_from(["type", "x"])),
)
_PARAMETERS = st.dictionaries(_KEYS, _VALUES, max_size=20)
_WORDS = st.frozensets(st.sampled_from(["type", "post", "push", "execute", "command", "x"]))


@settings(max_examples=300, deadline=None)
@given(_PARAMETERS, _WORDS)
def test_quiet_parameters_get_nothing_from_the_checks_they_skip(
    parameters: dict[str, Any], words: frozenset[str]
) -> None:
    if not quiet_parameters(parameters):
        return
    assert parameter_flag_findings(parameters, words) == []
    assert http_method_findings(parameters) == []
    assert types_keystrokes(words, parameters) == types_keystrokes(words, {})


@pytest.mark.parametrize(
    "parameters",
    [
        {"force": "true"},
        {"Method": "DELETE", "url": "https://example.com/x"},
        {"uid": "0"},
        {"branch": "+main"},
        {"action": "type", "text": "rm -rf ~"},
        {"URL": "https://api.github.com/gists", "body": "x"},
        {"cmd": "ls", "count": 3},
        {"cmd": "ls", "nested": {"force": True}},
        {f"k{n}": "v" for n in range(17)},
        {"k" * 65: "v"},
    ],
)
def test_parameters_a_check_reads_are_not_quiet(parameters: dict[str, Any]) -> None:
    assert not quiet_parameters(parameters)


def test_flat_command_parameters_are_quiet() -> None:
    assert quiet_parameters({"cmd": "git status", "cwd": "/work/project"})
    assert not quiet_parameters(["cmd"])


_QUIET_LOOKING = st.dictionaries(
    st.sampled_from(["cmd", "command", "path", "content", "query", "text", "input", "cwd", "x"]),
    st.sampled_from(["rm -rf /", "ls", "cat /etc/shadow", "type", "true", "+main", "0", ""])
    | st.text(max_size=20),
    max_size=4,
)
_REQUESTS = st.builds(
    Request,
    st.sampled_from(["execute_command", "type_text", "http_request", "push_branch", "run"]),
    _QUIET_LOOKING.filter(quiet_parameters),
)


#: One firewall for each side (each keeps its own verdict cache, so neither answers for the
#: other).
_SHORTCUT = IntentFirewall(working_directory="/work/project")
_FULL = IntentFirewall(working_directory="/work/project")


@settings(max_examples=100, deadline=None)
@given(_REQUESTS)
def test_a_quiet_request_gets_the_verdict_of_the_full_checks(request_: Request) -> None:
    shortcut = _SHORTCUT.validate_request_sync(request_)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(requests, "quiet_parameters", lambda parameters: False)
        full = _FULL.validate_request_sync(request_)
    assert (shortcut.decision, shortcut.score, shortcut.reasons) == (
        full.decision,
        full.score,
        full.reasons,
    )
