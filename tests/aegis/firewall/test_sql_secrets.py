"""SQL that returns secrets, told apart from SQL that only counts or describes them."""

from __future__ import annotations

import pytest
import sqlglot
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.sql import judge_sql
from aegis.intent_firewall.sqlsecrets import secret_column, secret_reads


@pytest.mark.parametrize(
    "name",
    ["password", "passwd", "password_hash", "passwordHash", "pass_hash", "api_key", "apiKey",
     "access_token", "refresh_token", "private_key", "client_secret", "otp_secret", "secret",
     "totp_seed", "recovery_codes", "authentication_string", "pw_salt"],
)  # fmt: skip
def test_secret_columns(name: str) -> None:
    assert secret_column(name)


@pytest.mark.parametrize(
    "name",
    ["id", "email", "password_changed_at", "token_expires_at", "has_password", "token_count",
     "token_type", "hash", "salt", "seed", "secretary", "password_reset_requests",
     "api_key_id", "is_secret", "tokenizer_name", "file_hash"],
)  # fmt: skip
def test_columns_about_secrets_are_not_secrets(name: str) -> None:
    assert not secret_column(name)


def sensitive(sql: str) -> bool:
    return any(hit.rule == "sql-sensitive-read" for hit in judge_sql(sql.lower()))


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT password FROM users",
        "SELECT/**/passwd/**/FROM/**/users",
        "SELECT max(pass_hash) FROM accounts",
        "SELECT * FROM (SELECT api_key FROM accounts) t",
        "UPDATE users SET x = 1 WHERE id = 2 RETURNING password_hash",
        "SELECT 0x70617373776f7264 FROM users",
        "SELECT column_name FROM information_schema.columns WHERE table_name = 0x7573657273",
    ],
)
def test_reads_of_secrets_are_found(sql: str) -> None:
    assert sensitive(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id, email FROM users",
        "SELECT count(password) FROM users",
        "SELECT id FROM users WHERE password_hash IS NULL",
        "SELECT count(*) FROM password_reset_requests",
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    ],
)
def test_counting_filtering_and_describing_pass(sql: str) -> None:
    assert not sensitive(sql)


COLUMN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=30)


@given(st.lists(COLUMN, min_size=1, max_size=5), COLUMN)
def test_a_secret_column_is_found_wherever_it_stands_in_the_select_list(
    others: list[str], table: str
) -> None:
    columns = [f"c_{name}" for name in others] + ["password_hash"]  # c_: never a keyword
    sql = f"SELECT {', '.join(columns)} FROM t_{table}"  # noqa: S608 (the query is data here)
    assert secret_reads(sqlglot.parse(sql))
