"""A program asked only for its usage or version runs nothing else.

``kubectl delete --help`` prints the usage of a destructive verb and deletes nothing, so it is
no finding, for catalogued and unknown programs alike. The reading is narrow: the program is
named, not given by a path; the flag is last; every word before it is a plain subcommand word.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.commands import asks_for_usage


def _args(line: str) -> list[tuple[str | None, str, bool]]:
    return [(word, word, False) for word in line.split()]


@pytest.mark.parametrize(
    "line",
    [
        "kubectl delete --help",
        "gh repo delete --help",
        "op --version",
        "terraform destroy -help",
        "aws s3 rb --help",
        "docker system prune --help",
    ],
)
def test_a_named_program_asked_for_its_usage_is_a_usage_query(line: str) -> None:
    assert asks_for_usage(_args(line))


@pytest.mark.parametrize(
    "line",
    [
        "rm -rf / --help",  # options and a target beside it
        "kubectl delete ns/prod --help",  # a word no subcommand has
        "shutdown -h",  # -h halts
        "pip install help",  # installs the package named help
        "kubectl --help delete ns prod",  # the flag is not last
        "a b c d e f --help",  # deeper than any catalogued subcommand
        "ls",
    ],
)
def test_anything_more_than_subcommand_words_is_not(line: str) -> None:
    assert not asks_for_usage(_args(line))


def test_a_word_known_only_at_run_time_is_not() -> None:
    assert not asks_for_usage([("kubectl", "kubectl", False), (None, "$(x)", False),
                               ("--help", "--help", False)])  # fmt: skip


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4))
def test_a_word_with_anything_but_letters_digits_dots_and_dashes_is_never_a_subcommand(
    words: list[str],
) -> None:
    line = [("prog", "prog", False), *((w, w, False) for w in words), ("--help", "--help", False)]
    plain = all(
        w[:1].isalnum()
        and w.isascii()
        and set(w.lower()) <= set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        for w in words
    )
    assert asks_for_usage(line) == plain
