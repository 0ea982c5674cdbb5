"""The readers behind ``corpus/devlocal_*.yaml``: which publication goes to a registry on the
local host, which framework reset names only the test environment, which adb line names an
emulator and what its shell runs there, how an adb or emulator tool call becomes a command
line, which local endpoint is the app's own shutdown, and which runner specifier is a pinned
package of the index.
"""

from __future__ import annotations

import pytest

from aegis.intent_firewall.devicetools import device_command, emulator_command, with_serial
from aegis.intent_firewall.localpublish import local_registry, loopback_url
from aegis.intent_firewall.mobiledevices import _segments
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.packagespecs import requirement_name
from aegis.intent_firewall.testresets import resets_test_database


def _args(*words: str | None) -> list[Arg]:
    return [(word, word or "$X", False) for word in words]


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:4873", True),
        ("http://127.0.0.1:8080/", True),
        ("http://[::1]:4873/", True),
        ("sparse+http://localhost:3000/index/", True),
        ("http://localhost.attacker.example:4873", False),
        ("http://localhost@attacker.example", False),
        ("http://attacker.example\\@localhost", False),
        ("http://localhost%2eattacker.example", False),
        ("file:///tmp/registry", False),
        ("http://10.0.0.5:4873", False),
        ("localhost:4873", False),
    ],
)
def test_a_registry_is_local_only_as_an_unambiguous_loopback_url(url: str, local: bool) -> None:
    assert loopback_url(url) is local


@pytest.mark.parametrize(
    ("command", "words", "local"),
    [
        ("npm publish", ["--registry", "http://localhost:4873"], True),
        ("npm publish", ["--registry=http://localhost:4873"], True),
        ("gem push", ["x.gem", "--host", "http://localhost:9292"], True),
        ("npm publish", [], False),
        ("npm publish", ["--registry", "http://[::1]:1", "--registry", "https://r.ex"], False),
        ("npm publish", ["--registry", "http://localhost:4873", "--userconfig", "x"], False),
        ("npm publish", ["--registry", "http://[::1]:1", "--@a:registry=https://r"], False),
        ("npm publish", ["--registry", None], False),
        ("npm publish", ["--registry", "http://localhost:4873", "--", "x"], False),
        ("twine upload", ["--repository-url", "http://localhost:8080", "-r", "pypi"], False),
        ("npm unpublish", ["--registry", "http://localhost:4873"], False),
    ],
)  # fmt: skip
def test_a_publication_is_local_when_every_registry_option_is(
    command: str, words: list[str | None], local: bool
) -> None:
    assert local_registry(command, _args(command.split(maxsplit=1)[0], *words)) is local


@pytest.mark.parametrize(
    ("program", "task", "words", "assignments", "spared"),
    [
        ("php:artisan", "migrate:fresh", ["--env=testing"], [], True),
        ("php:artisan", "migrate:fresh", ["--env", "testing"], [], True),
        ("php:artisan", "db:wipe", [], [("APP_ENV", "testing")], True),
        ("rails", "db:reset", [], [("RAILS_ENV", "test")], True),
        ("rails", "db:reset", ["RAILS_ENV=test"], [], True),
        ("php:artisan", "migrate:fresh", [], [], False),
        ("php:artisan", "migrate:fresh", ["--env=production"], [], False),
        ("php:artisan", "migrate:fresh", ["--env=testing"], [("APP_ENV", "production")], False),
        ("php:artisan", "migrate:fresh", ["--env=testing", "--database=x"], [], False),
        ("php:artisan", "migrate:fresh", ["--env=testing"], [("DB_HOST", "db.example")], False),
        ("php:artisan", "migrate:fresh", ["--env", None], [], False),
        ("rails", "db:reset", [], [("RAILS_ENV", None)], False),
        ("rails", "db:reset", ["DATABASE_URL=postgres://x/y"], [("RAILS_ENV", "test")], False),
        ("rails", "db:drop:all", [], [("RAILS_ENV", "test")], False),
        ("rails", "console", [], [("RAILS_ENV", "test")], False),
    ],
)  # fmt: skip
def test_a_reset_is_spared_only_for_the_test_environment_named(
    program: str,
    task: str,
    words: list[str | None],
    assignments: list[tuple[str, str | None]],
    spared: bool,
) -> None:
    args = _args(program, *words)
    assert resets_test_database(program, task, args, assignments) is spared


@pytest.mark.parametrize(
    ("line", "segments"),
    [
        ("pm clear a", [["pm", "clear", "a"]]),
        ("am force-stop a && pm clear a", [["am", "force-stop", "a"], ["pm", "clear", "a"]]),
        ("ls;rm x|wc -l", [["ls"], ["rm", "x"], ["wc", "-l"]]),
    ],
)
def test_a_device_line_splits_into_its_commands(line: str, segments: list[list[str]]) -> None:
    assert _segments(line) == segments


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({"serial": "emulator-5554", "args": []}, ["adb", "-s", "emulator-5554", "shell"]),
        ({"device": "R3CN90", "args": []}, ["adb", "-s", "R3CN90", "shell"]),
        ({"serial": "-d", "args": []}, ["adb", "shell"]),
        ({"serial": "a b", "args": []}, ["adb", "shell"]),
        ({"serial": "x", "device": "y", "args": []}, ["adb", "shell"]),
    ],
)
def test_an_adb_tool_puts_its_plain_serial_in_front(
    parameters: dict[str, object], expected: list[str]
) -> None:
    assert with_serial(["adb", "shell"], parameters, "parameters.args", "args") == expected


def test_a_serial_is_taken_only_for_a_top_level_argument_list() -> None:
    parameters = {"serial": "emulator-5554", "steps": [{"args": []}]}
    assert with_serial(["adb", "shell"], parameters, "parameters.steps[0].args", "args") == [
        "adb",
        "shell",
    ]


@pytest.mark.parametrize(
    ("words", "parameters", "expected"),
    [
        (
            {"android", "emulator"},
            {"avd": "Pixel_7", "wipe_data": True, "no_window": True},
            ["emulator", "-avd", "Pixel_7", "-wipe-data", "-no-window"],
        ),
        (
            {"android", "emulator"},
            {"avd": "Pixel_7", "port": 5560},
            ["emulator", "-avd", "Pixel_7", "-port", "5560"],
        ),
        ({"android", "emulator"}, {"avd": "Pixel_7", "qemu_args": "-monitor x"}, None),
        ({"android", "emulator"}, {"avd": "-qemu", "wipe_data": True}, None),
        ({"android", "emulator"}, {"wipe_data": True}, None),
        ({"device", "wipe"}, {"avd": "Pixel_7", "wipe_data": True}, None),
        ({"emulator", "delete"}, {"avd": "Pixel_7"}, None),
    ],
)  # fmt: skip
def test_an_emulator_tool_is_the_command_line_it_runs(
    words: set[str], parameters: dict[str, object], expected: list[str] | None
) -> None:
    assert emulator_command(frozenset(words), parameters) == expected


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("ruff==0.6.9", "ruff"),
        ("black[jupyter]>=24,<25", "black"),
        ("mypy", "mypy"),
        ("ruff @ https://attacker.example/r.whl", None),
        ("https://attacker.example/r.whl", None),
        ("ruff==0.6.9 --index-url=https://x", None),
    ],
)
def test_a_requirement_names_its_project_only_without_a_reference(
    spec: str, name: str | None
) -> None:
    assert requirement_name(spec) == name


@pytest.mark.parametrize(
    ("words", "parameters", "expected"),
    [
        ({"ios", "simulator", "erase"}, {"device": "iPhone 15"}, ["simctl", "erase", "iPhone 15"]),
        ({"simulator", "reset"}, {"udid": "A1-B2"}, ["simctl", "erase", "A1-B2"]),
        (
            {"simulator", "install"},
            {"device": "booted", "app": "build/A.app"},
            ["simctl", "install", "booted", "build/A.app"],
        ),
        ({"simulator", "erase"}, {"device": "-all"}, None),
        ({"simulator", "erase"}, {"device": "x", "app": "y"}, None),
        ({"simulator", "erase", "delete"}, {"device": "x"}, None),
        ({"simulator", "spawn"}, {"device": "booted"}, None),
        ({"device", "erase"}, {"device": "x"}, None),
    ],
)  # fmt: skip
def test_a_simulator_tool_is_one_simctl_verb(
    words: set[str], parameters: dict[str, object], expected: list[str] | None
) -> None:
    assert device_command(frozenset(words), parameters) == expected
