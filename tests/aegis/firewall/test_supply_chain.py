"""Packages by name: typosquats of popular names and reported malware, in install commands,
dependency files and structured install calls."""

from __future__ import annotations

import asyncio
import os
import string
import subprocess
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.manifests import manifest_kind
from aegis.intent_firewall.supplychain import (
    index_for,
    installer_finding,
    normalise,
    one_edit,
    package_finding,
    requested,
)

ECOSYSTEMS = ("pypi", "npm", "rubygems", "crates")
FIREWALL = IntentFirewall(working_directory="/home/agent/project", home="/home/agent")


def decide(action: str, parameters: dict[str, object]) -> Decision:
    return asyncio.run(FIREWALL.validate_request(Request(action, parameters))).decision


@pytest.mark.parametrize(
    ("typed", "meant", "edit"),
    [
        ("reqeusts", "requests", "swapped letters"),
        ("requets", "requests", "letter dropped"),
        ("requestss", "requests", "doubled letter"),
        ("requesxts", "requests", "letter added"),
        ("reqiests", "requests", "letter replaced"),
        ("reques7s", "requests", "digit for a letter"),
        ("cross_env", "cross-env", "separator changed"),
        ("requests", "requests", None),
        ("rqeuestss", "requests", None),
        ("abc", "bca", None),
    ],
)
def test_one_edit_names_the_edit(typed: str, meant: str, edit: str | None) -> None:
    assert one_edit(typed, meant) == edit


def test_the_nearest_popular_name_is_named() -> None:
    """'pandsa' is one edit from both 'pandas' (a swap) and 'panda' (a letter more): the
    swap keeps every letter, so it is the nearer and the one the reason names."""
    assert index_for("pypi").neighbour("pandsa") == ("pandas", "swapped letters")


@pytest.mark.parametrize(
    ("ecosystem", "typed", "meant"),
    [("pypi", "pymxsql", "pymysql"), ("npm", "sexver", "semver")],
)
def test_equally_near_names_go_to_the_most_downloaded(
    ecosystem: str, typed: str, meant: str
) -> None:
    """'pymxsql' is one letter from both 'pymssql' and 'pymysql': the more downloaded (the
    earlier in the data file's list) is named."""
    assert package_finding(ecosystem, typed) == (
        "package-typosquat",
        f"{ecosystem} package {typed!r} is one edit from the popular {meant!r} (letter replaced)",
    )


PANDSA = (
    "from aegis.intent_firewall.supplychain import package_finding; "
    "print(package_finding('pypi', 'pandsa'))"
)


def test_the_reason_does_not_depend_on_hash_order() -> None:
    """The candidates come out of sets: the name chosen must not follow their order."""
    answers = {
        subprocess.run(
            [sys.executable, "-c", PANDSA],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (0, 1, 2, 3)
    }
    assert len(answers) == 1
    assert "'pandas' (swapped letters)" in answers.pop()


@pytest.mark.parametrize("ecosystem", ECOSYSTEMS)
def test_no_popular_or_vouched_name_is_a_finding(ecosystem: str) -> None:
    index = index_for(ecosystem)
    for name in index.popular | index.legitimate:
        assert package_finding(ecosystem, name) is None, name


POPULAR_LONG = sorted(
    (eco, name) for eco in ECOSYSTEMS for name in index_for(eco).popular if len(name) >= 6
)


@given(
    st.sampled_from(POPULAR_LONG),
    st.integers(min_value=0, max_value=200),
    st.sampled_from(["drop", "double", "swap", "replace"]),
    st.sampled_from(string.ascii_lowercase + string.digits),
)
def test_any_single_edit_of_a_popular_name_is_caught(
    target: tuple[str, str], position: int, edit: str, letter: str
) -> None:
    ecosystem, name = target
    i = position % (len(name) - 1)
    typed = {
        "drop": name[:i] + name[i + 1 :],
        "double": name[: i + 1] + name[i] + name[i + 1 :],
        "swap": name[:i] + name[i + 1] + name[i] + name[i + 2 :],
        "replace": name[:i] + letter + name[i + 1 :],
    }[edit]
    index = index_for(ecosystem)
    key = normalise(ecosystem, typed)
    assume(key not in index.popular and key not in index.legitimate and key != name)
    found = package_finding(ecosystem, typed)
    assert found is not None, typed
    assert found[0] in ("package-typosquat", "malicious-package")


@pytest.mark.parametrize(
    "name", ["acme-billing-client", "my-internal-tool", "zzzz", "a", "x" * 5000, "-"]
)
def test_names_far_from_every_popular_one_pass(name: str) -> None:
    for ecosystem in ECOSYSTEMS:
        assert package_finding(ecosystem, name) is None


def test_pypi_compares_names_as_pip_does() -> None:
    assert normalise("pypi", "Python_Dateutil") == "python-dateutil"
    assert package_finding("pypi", "python_dateutil") is None
    assert package_finding("pypi", "Beautifulsoup4") is None
    # on npm a separator makes another package
    assert package_finding("npm", "cross_env") is not None


@pytest.mark.parametrize(
    ("ecosystem", "spec", "asked"),
    [
        ("pypi", "requests[socks]>=2.31", ("requests", "")),
        ("pypi", "django==4.2.7", ("django", "4.2.7")),
        ("pypi", "./dist/app-1.0.whl", None),
        ("pypi", "git+https://github.com/a/b", None),
        ("npm", "@types/node@20", ("@types/node", "20")),
        ("npm", "lodash", ("lodash", "")),
        ("rubygems", "rest-client:1.6.13", ("rest-client", "1.6.13")),
        ("go", "github.com/a/b@v1.2.3", ("github.com/a/b", "1.2.3")),
    ],
)
def test_install_operands_are_split_into_name_and_version(
    ecosystem: str, spec: str, asked: tuple[str, str] | None
) -> None:
    assert requested(ecosystem, spec) == asked


def test_a_hijacked_release_blocks_but_other_releases_pass() -> None:
    assert installer_finding("npm install", "event-stream@3.3.6") is not None
    assert installer_finding("npm install", "event-stream@4.0.1") is None
    assert installer_finding("apt-get install", "reqeusts") is None  # not a registry


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("requirements.txt", "requirements"),
        ("/w/requirements-dev.in", "requirements"),
        ("web/package.json", "package.json"),
        ("Gemfile", "gemfile"),
        ("Cargo.toml", "cargo.toml"),
        ("go.mod", "go.mod"),
        ("pyproject.toml", "pyproject.toml"),
        ("Pipfile", "pipfile"),
        ("notes.txt", None),
        ("package-lock.json.bak", None),
    ],
)
def test_dependency_files_are_known_by_name(path: str, kind: str | None) -> None:
    assert manifest_kind(path) == kind


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[dependencies\nserde = 1",
        "\x00" * 100,
        '{"dependencies": [1, 2, {"a": null}]}',
        '{"dependencies": {"express": 4}}',
        "require (\n\n)\n" * 200,
    ],
)
@pytest.mark.parametrize("path", ["package.json", "Cargo.toml", "go.mod", "Gemfile"])
def test_malformed_dependency_files_get_a_verdict(path: str, content: str) -> None:
    assert decide("write_file", {"path": path, "content": content}) in tuple(Decision)


def test_many_names_in_one_file_are_bounded_and_still_caught() -> None:
    lines = [f"pkg-{index:05d}" for index in range(5000)]
    assert decide("write_file", {"path": "requirements.txt", "content": "\n".join(lines)}) in (
        Decision.ALLOW,
        Decision.REVIEW,
    )
    squat = "reqeusts\n" + "\n".join(lines[:100])
    assert decide("write_file", {"path": "requirements.txt", "content": squat}) is not (
        Decision.ALLOW
    )


@pytest.mark.parametrize(
    ("line", "caught"),
    [
        ("echo 'reqeusts' >> requirements.txt", True),
        ("printf 'flask\\nreqeusts\\n' > requirements.txt", True),
        ("cat > requirements.txt <<'EOF'\nflask\ncolourama\nEOF", True),
        ("echo 'pandsa' | tee -a requirements.txt", True),
        ("echo 'requests' >> requirements.txt", False),
        ("echo 'reqeusts' >> notes.txt", False),
        ("cat requirements.txt", False),
    ],
)
def test_dependency_files_written_by_a_command_line(line: str, caught: bool) -> None:
    from aegis.intent_firewall.manifests import shell_manifest_findings

    assert bool(shell_manifest_findings(line)) is caught
