"""Units behind the blindten corpora: the rest of a line after an unguarded ``cd``, WHERE
clauses that match every row, impostor-shaped install sources and structured edit values."""

from __future__ import annotations

import pytest
import sqlglot

from aegis.intent_firewall.sqlconditions import edits_all
from aegis.intent_firewall.structuredvalues import rendered
from aegis.intent_firewall.unguardedcd import unguarded_rest
from aegis.intent_firewall.urlinstalls import _impostor


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("cd build; rm -rf *", " rm -rf *"),
        ("cd out\nrm -rf *", "rm -rf *"),
        ("cd dist || rm -rf ./*", " rm -rf ./*"),
        ("(cd build; rm -rf *) && ls", " rm -rf *"),
        ("cd build && rm -rf *", None),
        ("cd build || exit 1; rm -rf *", None),
        ("set -e; cd build; rm -rf *", None),
        ('echo "cd x; rm -rf *"', None),
        ("abcd; rm -rf *", None),
    ],
)
def test_the_rest_after_a_cd_that_need_not_succeed(line: str, rest: str | None) -> None:
    assert unguarded_rest(line) == rest


@pytest.mark.parametrize(
    ("query", "every_row"),
    [
        ("UPDATE f SET e = 1 WHERE name LIKE '%'", True),
        ("DELETE FROM t WHERE id IS NOT NULL", True),
        ("DELETE FROM t WHERE a = a AND 1 = 1", True),
        ("DELETE FROM t WHERE NOT FALSE", True),
        ("DELETE FROM t WHERE 2 > 1", True),
        ("UPDATE t SET a = 1 WHERE id = 3 OR x LIKE '%%'", True),
        ("UPDATE f SET e = 1 WHERE name LIKE 'beta_%'", False),
        ("DELETE FROM t WHERE user_id IS NOT NULL", False),
        ("DELETE FROM t WHERE 1 = 1 AND id = 5", False),
        ("DELETE FROM t WHERE " + " OR ".join(["a = b"] * 3000), False),  # noqa: S608
    ],
)
def test_a_where_that_matches_every_row(query: str, every_row: bool) -> None:
    assert edits_all(sqlglot.parse_one(query, read="postgres")) is every_row


@pytest.mark.parametrize(
    ("url", "impostor"),
    [
        ("https://github.com/aiohttp-dev/aiohttp@main", True),
        ("github.com/lodash-official/lodash", True),
        ("git@github.com:astral-sj/ruff.git", True),
        ("https://github.com/pallets/flask.git@main", False),
        ("https://github.com/acme/billing-sdk.git@v0.9.1", False),
        ("https://example.com/aiohttp-dev/aiohttp", False),
    ],
)
def test_an_install_source_shaped_like_an_impostor(url: str, impostor: bool) -> None:
    assert bool(_impostor(url)) is impostor


def test_a_structured_value_is_rendered_as_the_yaml_it_writes() -> None:
    value = {"uses": "x/y@main", "with": {"token": "t"}, "steps": ["a"]}
    assert rendered(value) == "uses: x/y@main\nwith:\n  token: t\nsteps:\n  - a"
