"""A download earlier in a request followed by a program that loads what it wrote.

``curl -fsSLo conftest.py https://…/conftest.py && python -m pytest -q``, ``curl -o Makefile
…; make``, ``git clone https://github.com/someone/x vendor/x && make -C vendor/x``, or the
same steps as Python ``subprocess.run([...])`` calls: each command alone is ordinary, but
the second runs code the first fetched (pytest imports ``conftest.py``, make runs the
Makefile's recipes, ``pip install -e .`` runs ``setup.py``, ``npm install`` runs the
manifest's install scripts). Which file a build tool loads cannot be told from the text, so
once a command of a script has written files from the network (a listed downloader: curl
with an output option, wget, ``git clone``/``pull``, …) a later command that is a build,
test or install tool (data: ``targets.toml``, ``[fetch_flow]``) is review (``user-script``).
The state lives on the command judge of one script, so separate requests are not linked.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge
    from aegis.intent_firewall.options import Arg

__all__ = ["fetch_flow"]


@cache
def _data() -> dict[str, frozenset[str]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/targets.toml").read_text()
    section = tomllib.loads(text)["fetch_flow"]
    return {key: frozenset(values) for key, values in section.items()}


def _curl_writes(words: list[str]) -> bool:
    """curl with ``-o``/``-O``/``--output``/``--remote-name`` (also in a flag cluster)."""
    for word in words:
        if word.startswith("--"):
            if word.split("=", 1)[0] in ("--output", "--remote-name", "--remote-name-all",
                                         "--output-dir", "--remote-header-name"):  # fmt: skip
                return True
        elif word.startswith("-") and ("o" in word or "O" in word):
            return True
    return False


def _wget_to_stdout(words: list[str]) -> bool:
    """``wget -qO- URL``, ``wget -O - URL``: the page printed, no file written."""
    for index, word in enumerate(words):
        following = words[index + 1 : index + 2]
        if word in ("-O-", "-qO-", "--output-document=-"):
            return True
        short = word.startswith("-") and not word.startswith("--") and word.endswith("O")
        if (short or word == "--output-document") and following == ["-"]:
            return True
    return False


def _downloads(name: str, words: list[str]) -> bool:
    data = _data()
    if name in ("curl", "curlie"):
        return _curl_writes(words)
    if name in ("wget", "wget2"):
        return not _wget_to_stdout(words)
    if name in data["downloaders"]:
        return True
    verbs = [w.lower() for w in words if not w.startswith("-")][:2]
    said = {name, f"{name} {' '.join(verbs[:1])}", f"{name} {' '.join(verbs)}"}
    return bool(said & data["downloading_verbs"])


def _loader(name: str, words: list[str]) -> str:
    """The build, test or install tool a command runs (``python -m pytest``: pytest)."""
    if name.startswith("python") and words[:1] == ["-m"] and len(words) > 1:
        name = words[1].lower()
    return name if name in _data()["loaders"] else ""


def fetch_flow(judge: CommandJudge, name: str, args: list[Arg]) -> None:
    """Note a download, or flag a loader run after one in the same script."""
    words = [a[0] or "" for a in args[1:32]]
    fetched: list[str] = judge.fetched
    loader = _loader(name, words)
    if fetched and loader:
        judge.hit("user-script", f"{loader} runs after {fetched[0]} wrote files from the network")
    if len(fetched) < 4 and _downloads(name, words):
        fetched.append(name)
