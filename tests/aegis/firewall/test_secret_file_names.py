"""Credential file names with a varying head and tail (catalogue ``infixes``), and the
templates and public halves that stay readable beside them."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.targets import CREDENTIAL, targets

HOME = "/home/agent"


@pytest.mark.parametrize(
    "name",
    [
        "acme-firebase-adminsdk-x1y2z-0123456789.json",
        "firebase-adminsdk.json",
        "client_secret_1234.apps.googleusercontent.com.json",
        "sealed-secrets-key-backup.yaml",
        ".dev.vars.production",
        "program-keypair.json",
        "work.remmina",
    ],
)
def test_a_secret_name_is_a_credential_wherever_it_lies(name: str) -> None:
    assert targets().credential_name(name)
    assert targets().classify(f"/srv/app/config/{name}", HOME) == CREDENTIAL
    assert targets().classify(f"{HOME}/project/{name}", HOME) == CREDENTIAL


@pytest.mark.parametrize(
    "name",
    [
        "acme-firebase-adminsdk-x1y2z.json.example",
        ".dev.vars.example",
        "secrets.toml.template",
        "google-services.json",
        "rootca.pem",
    ],
)
def test_templates_and_public_files_are_not(name: str) -> None:
    assert not targets().credential_name(name)
    assert targets().classify(f"/srv/app/config/{name}", HOME) is None


def test_a_home_file_entry_leaves_its_neighbours_readable() -> None:
    assert targets().classify(f"{HOME}/.config/solana/id.json", HOME) == CREDENTIAL
    # ~/.config is written only with review (persistence); reading its other files is fine
    assert targets().classify(f"{HOME}/.config/solana/cli/config.yml", HOME) != CREDENTIAL
    assert targets().classify(f"{HOME}/.irssi/default.theme", HOME) is None
