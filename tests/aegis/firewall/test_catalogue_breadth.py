"""The catalogue read from several files: a later file adds a program's verbs to the ones the
main catalogue gives (``brew outdated`` beside ``brew install``), and an entry without verbs
keeps none (dpkg's options are its verbs)."""

from __future__ import annotations

from aegis.intent_firewall.catalogue import catalogue


def test_added_verbs_keep_the_main_catalogues_verbs() -> None:
    brew = catalogue().lookup("brew")
    assert brew is not None
    assert brew.subcommands["outdated"].operands == "none"
    assert brew.subcommands["list"].operands == "none"
    assert brew.subcommands["*"].finding == "destructive-command"


def test_an_entry_without_verbs_has_none() -> None:
    dpkg = catalogue().lookup("dpkg")
    assert dpkg is not None
    assert not dpkg.subcommands


def test_every_new_program_names_what_its_other_verbs_do() -> None:
    """A program given verbs in breadth.toml fails closed: a verb it does not name is a
    finding, at every level that lists verbs."""
    for name in ("etcdctl", "crictl", "tmux", "hg", "tofu", "argocd", "btrfs", "resolvectl"):
        program = catalogue().lookup(name)
        assert program is not None, name
        assert program.subcommands["*"].finding, name
