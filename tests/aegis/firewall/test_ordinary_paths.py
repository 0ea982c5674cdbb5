"""Shortcuts for ordinary paths give what the full checks give. An ordinary file (see
``targets._ordinary_file``) is one the full classification finds nothing in, and a plain
path is told odd as every check tells it. Generated paths reach every catalogue entry, home,
persistence segment and odd spelling."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import paths, targets

_CATALOGUE = targets.targets()
_ENTRIES = sorted(
    {*_CATALOGUE.files, *_CATALOGUE.dirs, *_CATALOGUE.system_dirs}
    | {f"/home/agent/{rel}" for rel in (*_CATALOGUE.home_files, *_CATALOGUE.home_dirs)}
    | {segment.rstrip("/") for segment in _CATALOGUE.persistence_segments}
    | {f"/x{segment}y{suffix}" for segment, suffix in _CATALOGUE.persistence_pairs}
)
_NAMES = sorted(
    {*_CATALOGUE.names, *_CATALOGUE.persistence_names, *_CATALOGUE.public_names}
    | {f"x{suffix}" for suffix in (*_CATALOGUE.suffixes, *_CATALOGUE.public_suffixes)}
    | {f"{prefix}1000" for prefix in _CATALOGUE.prefixes}
    | {"unit_5", "build.log", "manifest.json", "a", ".", "..", "environ", "mem"}
)
_DIRECTORIES = st.one_of(
    st.sampled_from(_ENTRIES),
    st.sampled_from(
        ["/work/project", "/work/project/src", "/tmp", "/proc/1", "/home/agent", "/root", "/"]
    ),
    st.text("/abcegkprst.", max_size=12),
)
_PATHS = st.one_of(
    st.builds(lambda d, n: f"{d.rstrip('/')}/{n}", _DIRECTORIES, st.sampled_from(_NAMES)),
    st.builds(lambda d, n: f"{d}/{n}", _DIRECTORIES, st.text("abc._~-", max_size=8)),
    st.sampled_from(_ENTRIES),
)
_HOMES = st.sampled_from(["/home/agent", "/work/project", "/root", "/", ""])


@settings(max_examples=1500, deadline=None)
@given(_PATHS, _HOMES)
@example("/work/project/.git/hooks/pre-commit", "/home/agent")
@example("/work/project/tests/unit_5", "/work/project")
@example("/etc//shadow", "/home/agent")
def test_an_ordinary_file_is_one_the_full_classification_finds_nothing_in(
    path: str, home: str
) -> None:
    if targets._ordinary_file(_CATALOGUE, path, home):
        assert targets._classify_with(_CATALOGUE, path, home) is None


def test_workspace_files_are_ordinary_and_catalogued_ones_are_not() -> None:
    assert targets._ordinary_file(_CATALOGUE, "/work/project/tests/unit_5", "/home/agent")
    for path in ("/etc/shadow", "/work/project/.env", "/work/project/.git/hooks/x", "/etc/x"):
        assert not targets._ordinary_file(_CATALOGUE, path, "/home/agent"), path


_SPELLINGS = st.one_of(
    st.text("abcnoulptrx019./_-~:\\ $?\n", max_size=16),
    st.lists(st.sampled_from(["con", "nul.txt", "lpt1", "a.", "..", ".", "", "x", "//./"])).map(
        "/".join
    ),
)


@settings(max_examples=1500, deadline=None)
@given(_SPELLINGS)
@example("//./pipe/x")
@example("dir./x")
@example("a/CON.txt")
def test_a_plain_path_is_told_odd_as_every_check_tells_it(text: str) -> None:
    assert paths.is_odd_spelling(text) == paths._odd_spelling(text)


def test_a_root_written_with_two_slashes_ends_the_walk_up() -> None:
    """``posixpath.dirname("//")`` is ``"//"``: the walk up stops there instead of looping."""
    assert targets._chain({"/a": "config"}, "//a/b") == frozenset()
    assert targets._chain({"/a": "config"}, "/a/b") == frozenset({"config"})
