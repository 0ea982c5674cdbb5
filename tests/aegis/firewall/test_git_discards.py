"""The catalogue of git commands that throw work away (``data/git.toml``), read the way git
reads its words."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.gitdiscards import discards, git_words


def test_clusters_and_long_options_are_read_as_git_reads_them() -> None:
    words = git_words(["-fdx", "--prune=now", "--", "."])
    assert {"-f", "-d", "-x", "--prune", "--prune=now", "<tree>"} <= words


def test_words_after_the_separator_are_pathspecs_not_options() -> None:
    assert "-f" not in git_words(["--", "-file"])


@pytest.mark.parametrize(
    ("sub", "words"),
    [
        ("stash", ["drop"]),
        ("stash", ["clear"]),
        ("branch", ["-D", "x"]),
        ("branch", ["-fd", "x"]),
        ("branch", ["--force", "--delete", "x"]),
        ("reflog", ["expire", "--all"]),
        ("restore", ["--worktree", "--staged", ":/"]),
        ("checkout", ["--", "./"]),
        ("switch", ["--discard-changes", "main"]),
    ],
)
def test_every_catalogued_form_is_found(sub: str, words: list[str]) -> None:
    assert discards(sub, words)


@pytest.mark.parametrize(
    ("sub", "words"),
    [
        ("stash", ["push", "-m", "drop"]),  # a verb counts only where git reads it
        ("stash", ["pop"]),
        ("branch", ["-d", "x"]),
        ("prune", ["--dry-run"]),
        ("prune", []),  # only what no ref or reflog reaches
        ("gc", ["--prune=now"]),
        ("restore", ["--staged", "."]),
        ("restore", ["src/app.py"]),
        ("checkout", ["--", "src/app.py"]),
        ("status", ["."]),
    ],
)
def test_forms_that_keep_the_work_are_not(sub: str, words: list[str]) -> None:
    assert discards(sub, words) == ""
