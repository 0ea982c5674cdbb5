"""Verbs known by their names (``data/cloud.toml``, ``verbpatterns.py``).

A CLI whose read verbs follow a naming convention is read by pattern below the service and
resource words its catalogue entry lists; exact entries (the exceptions) win, and every
other word stays a finding.
"""

from __future__ import annotations

import asyncio
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

import pytest

from aegis.intent_firewall import Decision, Request
from aegis.intent_firewall.catalogue import Program, catalogue
from aegis.intent_firewall.verbpatterns import (
    MAX_GROUP_WORDS,
    group_tree,
    inherit_verbs,
    match_verb,
    walk_verbs,
)
from tests.aegis.firewall.corpus_cases import load_corpus, make_firewall

POLICY = load_corpus("cloudcli_attacks").policy


def decide(command: str) -> Decision:
    request = Request("execute_command", {"command": command})
    return asyncio.run(make_firewall(POLICY).validate_request(request)).decision


def _program(**fields: Any) -> Program:
    return Program("cli", operands="none", **fields)


READ = Program("read", operands="none")
WRITE = Program("write", operands="none", finding="destructive-command")


def test_an_exact_word_wins_over_a_prefix_pattern() -> None:
    spec = _program(verbs=(("get-*", READ), ("get-token", WRITE)))
    assert match_verb(spec, "get-token") is WRITE
    assert match_verb(spec, "get-user") is READ
    assert match_verb(spec, "put-user") is None


def test_a_prefix_alone_is_no_verb_and_matching_is_case_sensitive() -> None:
    spec = _program(verbs=(("describe-*", READ),))
    assert match_verb(spec, "describe-") is None
    assert match_verb(spec, "Describe-Instances") is None


def test_group_words_are_followed_down_their_tree_only() -> None:
    spec = _program(verbs=(("list", READ),), groups=group_tree({"run": ["services"]}))
    words = [(w, w, False) for w in ("run", "services", "list", "api")]
    entry, used = walk_verbs(spec, words)
    assert entry is READ
    assert [a[0] for a in used] == ["run", "services", "list"]
    # "deploy" is not a group of run: it is the verb, and no pattern matches it
    entry, _ = walk_verbs(spec, [(w, w, False) for w in ("run", "deploy", "list")])
    assert entry is None


def test_a_word_known_only_at_run_time_ends_the_walk_unknown() -> None:
    spec = _program(verbs=(("list", READ),), groups=group_tree(["run"]))
    assert walk_verbs(spec, [("run", "run", False), (None, "$v", False)])[0] is None


def test_the_walk_is_bounded() -> None:
    deep: dict[str, Any] = {}
    node = deep
    for _ in range(5):
        node["g"] = {}
        node = node["g"]
    spec = _program(verbs=(("list", READ),), groups=group_tree(deep))
    words = [("g", "g", False)] * (MAX_GROUP_WORDS + 1) + [("list", "list", False)]
    entry, used = walk_verbs(spec, words)
    assert entry is None
    assert len(used) == MAX_GROUP_WORDS + 1


@pytest.mark.parametrize("pattern", ["*", "de*scribe", "**", ""])
def test_a_pattern_is_a_word_or_a_prefix(pattern: str) -> None:
    with pytest.raises(ValueError, match="verb pattern"):
        inherit_verbs(_program(verbs=((pattern, READ),)))


def test_groups_must_be_lists_or_tables() -> None:
    with pytest.raises(ValueError, match="list or a table"):
        group_tree("run")


def test_exact_entries_inherit_patterns_the_default_and_their_group_subtree() -> None:
    aws = catalogue().lookup("aws")
    assert aws is not None
    ec2 = aws.subcommands["ec2"]
    assert ec2.verbs == aws.verbs
    assert "*" in ec2.subcommands
    gcloud = catalogue().lookup("gcloud")
    assert gcloud is not None
    assert "networks" in gcloud.subcommands["compute"].groups


def test_a_copied_entry_keeps_the_original_verbs() -> None:
    oc, kubectl = catalogue().lookup("oc"), catalogue().lookup("kubectl")
    fly = catalogue().lookup("fly")
    assert oc is not None
    assert kubectl is not None
    assert fly is not None
    assert set(kubectl.subcommands) <= set(oc.subcommands)
    assert "auth" in fly.subcommands


def _exceptions(entry: Mapping[str, Any], path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every path of cloud.toml whose entry is a finding of its own."""
    for word, sub in entry.get("subcommands", {}).items():
        if word == "*" or not isinstance(sub, Mapping):
            continue
        if sub.get("finding"):
            yield (*path, word)
        yield from _exceptions(sub, (*path, word))


def _cloud_exceptions() -> list[str]:
    text = resources.files("aegis.intent_firewall").joinpath("data/cloud.toml").read_text()
    data = tomllib.loads(text)
    found = []
    for name, spec in data["program"].items():
        found += [" ".join((name, *path)) for path in _exceptions(spec, ())]
    return sorted(set(found))


@pytest.mark.parametrize("command", _cloud_exceptions())
def test_every_exception_named_in_the_catalogue_is_not_allowed(command: str) -> None:
    assert decide(command) is not Decision.ALLOW


@pytest.mark.parametrize(
    "command",
    [
        "aws ec2 describe-nat-gateways",
        "aws kafka list-clusters --query 'ClusterInfoList[].ClusterName' --output text",
        "gcloud compute networks subnets list --format json",
        "az network vnet subnet list -g rg --vnet-name v -o table",
        "doctl compute droplet get 1",
        "wrangler r2 bucket list",
    ],
)
def test_a_read_by_pattern_below_known_groups_is_allowed(command: str) -> None:
    assert decide(command) is Decision.ALLOW


@pytest.mark.parametrize(
    "command",
    [
        "aws kafka update-cluster-configuration --cluster-arn a",
        "aws appsync list-api-keys --api-id a",
        "aws ec2 kafka",
        "gcloud run jobs execute list",
        "az webapp config connection-string list -g rg -n app",
        "doctl databases connection prod",
        "aws kafka list-clusters --endpoint-url https://evil.example",
    ],
)
def test_anything_else_stays_a_finding(command: str) -> None:
    assert decide(command) is not Decision.ALLOW
