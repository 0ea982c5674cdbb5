"""Units behind ``corpus/adv13_*.yaml``: which variables a request may set to move a client
(``envmoves.py``), which hosts the relaxations take for this machine (``literal_loopback``),
and which connection texts keep a reset local (``dbplaces.connection_place``)."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.dbplaces import connection_place
from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.loopback import literal_loopback


@pytest.mark.parametrize(
    ("line", "moved"),
    [
        ("export PG''HOST=db.example.com; dropdb app_test", True),
        ('export "PG"HOST=db; dropdb app_test', True),
        ("export PGHO\\ST=db; dropdb app_test", True),
        ("P=PG; export ${P}HOST=db; dropdb app_test", True),
        (". ./env.sh && dropdb app_test", True),
        ("source env.sh; dropdb app_test", True),
        ("PGPORT=5433 dropdb -h localhost app_test", False),
        ("export PGPASSWORD=dev && dropdb app_test", False),
        ("dropdb -h localhost app_test", False),
    ],
)
def test_moves_client(line: str, moved: bool) -> None:
    assert moves_client([line], ["PGHOST"]) is moved


def test_moves_client_folded() -> None:
    assert moves_client(["NPM_CONFIG_''USERCONFIG=x npm publish"], ["npm_config_"], fold=True)
    assert not moves_client(["npm publish --tag next"], ["npm_config_"], fold=True)


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("db.localhost", False),
        ("localhost.", False),
        ("127.0.0.1.nip.io", False),
        ("::ffff:10.0.0.5", False),
    ],
)
def test_literal_loopback(host: str, local: bool) -> None:
    assert literal_loopback(host) is local


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("postgresql://localhost/app_test", True),
        ("postgresql://localhost/app_test?sslmode=disable", True),
        ("postgresql://localhost/app_test?service=warehouse", False),
        ("mongodb://localhost/app_test?replicaSet=rs0", False),
        ("postgresql://db.localhost/app_test", False),
        ("host=localhost. dbname=app_test", False),
    ],
)
def test_connection_redirects(text: str, local: bool) -> None:
    assert connection_place(text)[0] is local
