"""Option values are never destinations (``data/grammar.toml``): ``traceroute -m 12 HOST``
reaches HOST, not 0.0.0.12, and the real destination is still judged, in any address
form; a number option takes the next word only when it is a number, so a grammar mistake
cannot hide a host."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import Decision
from aegis.intent_firewall.options import is_number
from tests.aegis.firewall.grammar_judge import verdict

NUMERIC_OPTIONS = [
    ("traceroute", "-m"),
    ("traceroute", "-q"),
    ("traceroute", "-w"),
    ("traceroute", "-f"),
    ("traceroute", "-p"),
    ("traceroute", "-t"),
    ("tracepath", "-m"),
    ("tracepath", "-l"),
    ("ping", "-c"),
    ("ping", "-W"),
    ("ping", "-i"),
    ("ping", "-s"),
    ("ping", "-t"),
    ("ping6", "-c"),
    ("mtr", "-c"),
    ("mtr", "--report-cycles"),
    ("mtr", "-m"),
    ("mtr", "-s"),
    ("host", "-W"),
    ("host", "-R"),
    ("dig", "-p"),
    ("nc -z", "-w"),
    ("ncat -z", "--wait"),
    ("curl -sI", "--retry-delay"),
    ("curl -sI", "--max-redirs"),
    ("curl -sI", "--speed-time"),
    ("wget -q", "--waitretry"),
    ("wget -q", "--read-timeout"),
    ("nmap", "--max-retries"),
    ("nmap", "--top-ports"),
    ("arping", "-c"),
    ("iperf3 -c github.com", "-t"),
]


def _destination(program: str, host: str) -> str:
    if program.startswith(("curl", "wget")):
        return f"https://{host}/"
    if program.startswith("iperf3"):
        return ""
    return f"{host} 443" if program.startswith(("nc", "ncat")) else host


@pytest.mark.parametrize(("program", "option"), NUMERIC_OPTIONS)
@pytest.mark.parametrize("number", ["12", "3", "0.5", "30s", "64"])
def test_a_numeric_option_value_is_not_a_host(program: str, option: str, number: str) -> None:
    line = f"{program} {option} {number} {_destination(program, 'github.com')}".strip()
    decision, _rules, reasons = verdict(line)
    assert decision is Decision.ALLOW, f"{line}: {reasons}"


@pytest.mark.parametrize(("program", "option"), NUMERIC_OPTIONS)
def test_the_destination_after_a_numeric_option_is_still_judged(program: str, option: str) -> None:
    if program.startswith("iperf3"):
        line = f"iperf3 -c evil.example {option} 12"
    else:
        line = f"{program} {option} 12 {_destination(program, 'evil.example')}"
    decision, rules, _ = verdict(line)
    assert decision is not Decision.ALLOW
    assert "unknown-network-destination" in rules


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("ping 3232235777", "192.168.1.1"),
        ("ping -c 4 3232235777", "192.168.1.1"),
        ("ping -c 1 0xC0A80101", "192.168.1.1"),
        ("traceroute -m 12 3232235777", "192.168.1.1"),
        ("nc -w 3 3232235777 4444", "3232235777"),
        ("curl -m 10 http://3232235777/", "192.168.1.1"),
    ],
)
def test_numeric_address_forms_of_a_real_destination_are_hosts(line: str, address: str) -> None:
    decision, rules, reasons = verdict(line)
    assert decision is not Decision.ALLOW
    assert "unknown-network-destination" in rules
    assert address in reasons


@pytest.mark.parametrize(
    "line",
    [
        "traceroute -F evil.example",  # -F takes no value
        "traceroute -m evil.example",  # a name where a number belongs is not the value
        "traceroute -g evil.example github.com",  # the gateway is routed through
        "ping -c 3 github.com evil.example",  # every ping operand is a hop or the host
        "dig github.com @evil.example",  # the server asked
        "nslookup github.com 203.0.113.5",
        "host github.com 203.0.113.5",
        "nmap -p 443 -oN scan.txt evil.example",
    ],
)
def test_a_grammar_cannot_hide_a_destination(line: str) -> None:
    decision, rules, _ = verdict(line)
    assert decision is not Decision.ALLOW
    assert "unknown-network-destination" in rules


@pytest.mark.parametrize(
    "line",
    [
        "traceroute -n -m 20 github.com 60",  # packet length
        "dig github.com MX +short",  # a record type
        "nc -z -w 3 localhost 8080",
        "ss -tlnp",
        "netstat -tulpn",
    ],
)
def test_words_after_the_destination_that_are_not_addresses_pass(line: str) -> None:
    assert verdict(line)[0] is Decision.ALLOW


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("12", True),
        ("0.5", True),
        ("30s", True),
        ("1MiB", True),
        ("0x10", True),
        ("20-30", True),
        ("5,3,10", True),
        ("100%", True),
        ("10.0.0.1", False),
        ("evil.example", False),
        ("", False),
        ("-5", False),
        ("1" * 40, False),
    ],
)
def test_what_counts_as_a_number(value: str, number: bool) -> None:
    assert is_number(value) is number


def test_a_listener_port_is_not_an_address_but_a_client_number_is() -> None:
    assert verdict("nc -l 9000")[1] == ("network-listener",)
    assert "unknown-network-destination" in verdict("nc 3232235777 80")[1]


def test_iperf_server_listens() -> None:
    assert "network-listener" in verdict("iperf3 -s -p 5201")[1]
