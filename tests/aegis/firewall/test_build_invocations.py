"""Build tools read as the build reads them (``buildinvocations``, ``buildsecrets``,
``frameworkdb``), globs that descend into a sensitive directory, subcommands under keys of
their own (``subcommandkeys``) and storage calls that name a bucket (``bucketcalls``)."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.bucketcalls import bucket_uri
from aegis.intent_firewall.buildinvocations import build_words, maven_goal
from aegis.intent_firewall.buildsecrets import names_secret
from aegis.intent_firewall.dbconnections import local_connection
from aegis.intent_firewall.globbing import glob_reaches
from aegis.intent_firewall.subcommandkeys import subcommand_words

FIREWALL = IntentFirewall(working_directory="/home/agent/project", home="/home/agent")


def _decide(command: str) -> Decision:
    return FIREWALL.validate_request_sync(Request("execute_command", {"command": command})).decision


def _reasons(action: str, parameters: dict[str, object]) -> str:
    return "; ".join(FIREWALL.validate_request_sync(Request(action, parameters)).reasons)


def test_build_words_split_tasks_from_properties_and_option_values() -> None:
    words = ["gradlew", "-x", "publish", "-Dorg.gradle.jvmargs=-Xmx2g", "-P", "a=b", "build"]
    operands, properties = build_words([(w, w, False) for w in words], frozenset({"-x"}))
    assert operands == ["build"]
    assert properties == [("org.gradle.jvmargs", "-Xmx2g"), ("a", "b")]


@pytest.mark.parametrize(
    ("goal", "read"),
    [
        ("org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy", "deploy:deploy"),
        ("org.sonatype.plugins:nexus-staging-maven-plugin:1.6.13:release", "nexus-staging:release"),
        ("release:perform", "release:perform"),
        ("deploy", "deploy"),
    ],
)
def test_maven_goals_written_with_coordinates_read_as_prefix_and_goal(goal: str, read: str) -> None:
    assert maven_goal(goal) == read


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("//registry.npmjs.org/:_authToken", True),
        ("npmAuthToken", True),
        ("http-basic.repo.example.com", True),
        ("settings.servers[0].password", True),
        ("api_key", True),
        ("init-author-name", False),
        ("registry", False),
        ("project.version", False),
    ],
)
def test_configuration_keys_that_name_a_secret(key: str, secret: bool) -> None:
    assert names_secret(key) is secret


def test_a_glob_reaches_a_directory_its_head_matches() -> None:
    assert glob_reaches("/home/agent/.a?s/c*ls", "/home/agent/.aws")
    assert glob_reaches("/home/agent/.*/x", "/home/agent/.docker")
    assert not glob_reaches("/home/agent/.a?s", "/home/agent/.aws")  # the directory itself
    assert not glob_reaches("/home/agent/projects/*/x", "/home/agent/.aws")


@pytest.mark.parametrize(
    ("command", "decision"),
    [
        ("cat ~/.a?s/c*ls", Decision.BLOCK),
        ("cat ~/.d?cker/config.json", Decision.BLOCK),
        ("cat ~/.s?h/*.pub", Decision.ALLOW),
        ("ls ~/.a?s/", Decision.ALLOW),
    ],
)
def test_globs_under_the_home_are_judged_by_what_they_can_match(
    command: str, decision: Decision
) -> None:
    assert _decide(command) is decision


def test_subcommand_words_take_plain_words_and_lists_only() -> None:
    assert subcommand_words({"subcommand": "state rm"}, {"subcommand"}) == (
        "subcommand",
        ["state", "rm"],
    )
    assert subcommand_words({"sub_command": ["state", "rm"]}, {"sub_command"}) == (
        "sub_command",
        ["state", "rm"],
    )
    assert subcommand_words({"subcommand": "plan; rm -rf /"}, {"subcommand"}) is None
    assert subcommand_words({"subcommand": "--force"}, {"subcommand"}) is None


def test_a_subcommand_in_yaml_arguments_is_judged_with_its_program() -> None:
    yaml_text = "subcommand: state\nargs:\n  - rm\n  - module.vpc\n"
    assert "terraform state rm" in _reasons("terraform", {"arguments": yaml_text})


def test_a_bucket_parameter_is_the_storage_uri_it_names() -> None:
    names = {"bucket", "key"}
    assert bucket_uri({"bucket": "b", "key": "k/x"}, names, "s3_put") == "s3://b/k/x"
    assert bucket_uri({"bucket": "b", "key": "k"}, names, "gcs_upload") == "gs://b/k"
    assert bucket_uri({"bucket": "b", "key": "k"}, names, "s3_get") is None  # a read
    own = {"bucket": "b", "endpoint_url": "http://localhost:4566"}
    assert bucket_uri(own, {"bucket", "endpoint_url"}, "s3_put") is None


def test_an_upload_tool_call_to_an_unlisted_bucket_is_a_destination() -> None:
    reasons = _reasons("s3_put", {"bucket": "acme-state", "key": "prod.tfstate", "body": "{}"})
    assert "cloud storage bucket 'acme-state'" in reasons


@pytest.mark.parametrize(
    ("connection", "local"),
    [
        ("Server=127.0.0.1,1433;Database=app_test", True),
        ("Server=sql-prod-02,1433;Database=x", False),
        ("Server=tcp:db.corp,1433", False),
        ("Server=localhost,1433,evil.example", False),
        ("Addr=10.0.0.5,1433", False),
    ],
)
def test_a_sql_server_port_after_a_comma_is_no_host(connection: str, local: bool) -> None:
    assert local_connection(connection) is local


@pytest.mark.parametrize(
    ("command", "allowed"),
    [
        ("mix ecto.reset", True),
        ("MIX_ENV=test mix ecto.drop", True),
        ("MIX_ENV=prod mix ecto.drop", False),
        ("MIX_ENV=test mix ecto.drop && MIX_ENV=prod mix phx.server", False),
        ("dotnet ef database drop --force", False),
        ('dotnet ef database drop -f --connection "Host=localhost;Database=app_dev"', True),
        ("./gradlew flywayClean", False),
    ],
)
def test_database_drops_pass_only_plainly_local_and_development(
    command: str, allowed: bool
) -> None:
    assert (_decide(command) is Decision.ALLOW) is allowed
