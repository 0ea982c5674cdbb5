"""The units behind ``corpus/dataops_*.yaml``: rehearsal options, logrotate configurations,
workspace exports in SQL, the AWS CLI's ``file://`` values and on-the-fly rclone remotes."""

from __future__ import annotations

import pytest
import sqlglot

from aegis.intent_firewall.dataops import rehearsal
from aegis.intent_firewall.emulators import aws_local_files, local_rclone_remote
from aegis.intent_firewall.rotationconfig import is_rotation_config, rotation_commands
from aegis.intent_firewall.sqlexports import workspace_export


def _args(*words: str | None) -> list[tuple[str | None, str, bool]]:
    return [(word, word or "$x", False) for word in words]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("restic", "forget", "--dry-run"), True),
        (("restic", "prune", "-n"), True),
        (("restic", "forget", "--dry-run=false"), False),
        (("restic", "forget", "--", "--dry-run"), False),
        (("restic", "forget", None, "--dry-run"), False),
        (("restic", "forget"), False),
    ],
)
def test_a_rehearsal_is_its_option_written_as_such(words: tuple[str, ...], expected: bool) -> None:
    assert rehearsal(frozenset({"--dry-run", "-n"}), _args(*words)) is expected


def test_no_rehearsal_options_means_no_rehearsal() -> None:
    assert not rehearsal(frozenset(), _args("borg", "delete", "--dry-run"))


def test_a_rotation_config_is_told_by_its_name_or_directory() -> None:
    assert is_rotation_config("ops/logrotate-dev.conf")
    assert is_rotation_config("/etc/logrotate.d/nginx")
    assert not is_rotation_config("ops/nginx.conf")


def test_a_rotation_config_amounts_to_its_scripts_and_writes() -> None:
    text = (
        "# workspace logs\n"
        "/home/agent/project/logs/*.log logs/extra.log {\n"
        "  daily\n  olddir /var/old\n  mail ops@example.org\n  compresscmd /tmp/z\n"
        "  postrotate\n    touch logs/.rotated\n  endscript\n}\n"
        "include /etc/logrotate.d\n"
    )
    assert rotation_commands(text) == [
        "touch /home/agent/project/logs/*.log",
        "touch logs/extra.log",
        "touch /var/old",
        "curl smtp://example.org",
        "sh /tmp/z",
        "touch logs/.rotated",
        "touch /etc/logrotate.d",
    ]


def test_a_script_on_its_keyword_line_is_a_script_line() -> None:
    text = "logs/a.log {\n  firstaction touch logs/first\n  endscript\n}\n"
    assert rotation_commands(text) == ["touch logs/a.log", "touch logs/first"]


def test_rotation_commands_are_bounded() -> None:
    text = "logs/a.log {\n postrotate\n" + "  true\n" * 500 + " endscript\n}\n"
    assert len(rotation_commands(text)) == 64


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("COPY (SELECT 1) TO 'out/a.parquet' (FORMAT PARQUET)", True),
        ("COPY t TO './reports/r.csv'", True),
        ("COPY t TO '/tmp/r.csv'", False),
        ("COPY t TO '../r.csv'", False),
        ("COPY t TO '.git/hooks/x.csv'", False),
        ("COPY t TO 'bin/run'", False),
        ("COPY t TO 's3://b/r.parquet'", False),
        ("COPY t FROM 'data/r.csv'", False),
    ],
)
def test_a_workspace_export_is_a_plain_relative_data_file(query: str, expected: bool) -> None:
    assert workspace_export(sqlglot.parse_one(query, read="duckdb")) is expected


def test_file_values_of_an_aws_line_are_not_hosts() -> None:
    urls = ["file://tests/trust.json", "https://evil.example/x"]
    line = "aws iam create-role --assume-role-policy-document file://tests/trust.json"
    assert aws_local_files(line, urls) == ["https://evil.example/x"]
    assert aws_local_files("curl file://server/share", urls) == urls


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        (":s3,provider=Minio,endpoint=http://127.0.0.1:9000:bucket/x", True),
        (":webdav,url=http://localhost:8080:site", True),
        (":s3,endpoint=https://s3.evil.example:bucket", False),
        (":s3,endpoint=http://127.0.0.1@evil.example:9000:b", False),
        (":s3,endpoint=http://127.0.0.1:9000,endpoint=https://evil.example:b", False),
        (":local:/etc", False),
        (":s3,provider=AWS:bucket", False),
    ],
)
def test_an_on_the_fly_remote_is_local_only_on_loopback(remote: str, expected: bool) -> None:
    assert local_rclone_remote(remote) is expected
